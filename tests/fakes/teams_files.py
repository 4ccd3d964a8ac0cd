"""Teams' file flow for the stand-in connector: file consent and file info cards as Teams
checks them, and the OneDrive upload sessions an accepted consent opens.

- A FileConsentCard (``application/vnd.microsoft.teams.card.file.consent``) needs a ``name`` and
  ``content`` with an integer ``sizeInBytes``; Teams shows it only in a personal chat (whose
  conversation ids start with ``a:``, channel and group chat ids with ``19:``), so elsewhere it is
  refused. learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4
- ``upload_info(card)`` is what Teams puts in the ``fileConsent/invoke`` when the person accepts:
  an ``uploadUrl`` on this server, the future ``contentUrl``, a ``uniqueId`` and ``fileType``.
- The upload URL takes what OneDrive's upload sessions take
  (learn.microsoft.com/onedrive/developer/rest-api/api/driveitem_createuploadsession): PUTs of
  consecutive byte ranges, each with ``Content-Range: bytes start-end/total`` and a
  ``Content-Length`` equal to the range; fragments other than the last a multiple of 320 KiB and
  under 60 MiB; no ``Authorization`` header (401: the URL is pre-authorised). A range that is
  not the next one is 416; a finished session is gone (404). The last fragment answers 201 with
  the drive item, the others 202 with ``nextExpectedRanges``. The stand-in also holds the total
  to the size the consent card declared (the file offered is the file sent).
- A FileInfoCard (``application/vnd.microsoft.teams.card.file.info``) must name a file uploaded
  to this server (its ``contentUrl`` and ``content.uniqueId``) and its ``fileType``.
"""

from __future__ import annotations

import re
import threading
import uuid
from dataclasses import dataclass, field
from typing import Any

FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO = "application/vnd.microsoft.teams.card.file.info"
FRAGMENT_UNIT = 320 * 1024
MAX_FRAGMENT = 60 * 1024 * 1024
_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+)")


@dataclass
class UploadSession:
    session_id: str
    name: str
    size: int
    upload_url: str
    content_url: str
    unique_id: str
    file_type: str
    received: bytearray = field(default_factory=bytearray)
    done: bool = False
    puts: int = 0

    @property
    def data(self) -> bytes:
        return bytes(self.received)


@dataclass
class TeamsFiles:
    base_url: str = ""
    sessions: dict[str, UploadSession] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def upload_info(self, attachment: dict[str, Any]) -> dict[str, str]:
        """Teams' ``uploadInfo`` for an accepted consent card (a new upload session)."""
        name = attachment["name"]
        session_id = uuid.uuid4().hex
        unique_id = str(uuid.uuid4()).upper()
        file_type = name.rsplit(".", 1)[-1] if "." in name else ""
        session = UploadSession(
            session_id,
            name,
            int(attachment["content"]["sizeInBytes"]),
            f"{self.base_url}upload/{session_id}",
            f"{self.base_url}personal/morgan_lee/Documents/Applications/arbot/{name}",
            unique_id,
            file_type,
        )
        with self.lock:
            self.sessions[session_id] = session
        return {
            "contentUrl": session.content_url,
            "name": name,
            "uploadUrl": session.upload_url,
            "uniqueId": unique_id,
            "fileType": file_type,
            "etag": "1",
        }

    def uploaded(self) -> list[UploadSession]:
        with self.lock:
            return [s for s in self.sessions.values() if s.done]

    def touched(self) -> list[UploadSession]:
        with self.lock:
            return [s for s in self.sessions.values() if s.puts]

    # --- what the connector refuses -------------------------------------------------------------
    def attachment_problems(
        self, attachment: dict[str, Any], conversation_id: str, where: str
    ) -> list[str]:
        kind = attachment.get("contentType")
        content = attachment.get("content")
        if kind == FILE_CONSENT:
            problems = []
            if not conversation_id.startswith("a:"):
                problems.append(f"{where}: a file consent card works only in a personal chat")
            if not isinstance(attachment.get("name"), str) or not attachment["name"]:
                problems.append(f"{where}/name: the file's name is required")
            size = content.get("sizeInBytes") if isinstance(content, dict) else None
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                problems.append(f"{where}/content/sizeInBytes: an integer is required")
            return problems
        if kind == FILE_INFO:
            unique = content.get("uniqueId") if isinstance(content, dict) else None
            with self.lock:
                match = [
                    s
                    for s in self.sessions.values()
                    if s.done
                    and s.content_url == attachment.get("contentUrl")
                    and s.unique_id == unique
                ]
            if not match:
                return [f"{where}: a file info card must name an uploaded file"]
            if content.get("fileType") != match[0].file_type:
                return [f"{where}/content/fileType: not the uploaded file's type"]
            if not isinstance(attachment.get("name"), str) or not attachment["name"]:
                return [f"{where}/name: the file's name is required"]
        return []

    # --- the upload URL -------------------------------------------------------------------------
    def put(self, session_id: str, headers: Any, body: bytes) -> tuple[int, dict[str, Any]]:
        """One PUT to an upload session: (status, JSON answer)."""
        with self.lock:
            session = self.sessions.get(session_id)
            if session is None or session.done:
                return 404, _error("itemNotFound", "The upload session does not exist.")
            session.puts += 1
            if headers.get("Authorization"):
                return 401, _error("unauthenticated", "The upload URL takes no Authorization.")
            match = _RANGE.fullmatch(headers.get("Content-Range") or "")
            length = headers.get("Content-Length")
            if match is None or length is None or not length.isdigit():
                return 400, _error("invalidRequest", "Content-Range and Content-Length required.")
            start, end, total = (int(g) for g in match.groups())
            if int(length) != len(body) or end - start + 1 != len(body) or end >= total:
                return 400, _error("invalidRequest", "The range does not match the body.")
            if total != session.size:
                return 400, _error("invalidRequest", "The total is not the offered file's size.")
            if len(body) > MAX_FRAGMENT:
                return 413, _error("requestTooLarge", "A fragment is at most 60 MiB.")
            last = end == total - 1
            if not last and len(body) % FRAGMENT_UNIT:
                return 400, _error("invalidRequest", "Fragments are multiples of 320 KiB.")
            if start != len(session.received):
                return 416, {"nextExpectedRanges": [f"{len(session.received)}-"]}
            session.received.extend(body)
            if not last:
                return 202, {"nextExpectedRanges": [f"{len(session.received)}-"]}
            session.done = True
            return 201, {
                "id": session.unique_id,
                "name": session.name,
                "size": total,
                "webUrl": session.content_url,
                "file": {},
            }


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}
