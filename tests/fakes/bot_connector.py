"""A stand-in Bot Connector (the Bot Framework REST API Teams bots write to), on 127.0.0.1.

Activities name it as their ``serviceUrl``, so the Teams SDK sends replies, card updates and
proactive messages here unmodified. It answers in the connector's documented shapes
(https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference)
and records every call.

Like Teams, it refuses an activity whose Adaptive Card Teams would refuse
(``tests/fakes/adaptive_cards.py``): HTTP 400 ``{"error": {"code": "BadArgument", ...}}``, or 413
``MessageSizeTooBig`` for a card over the size limit. Refused activities are not in ``sent``
but in ``refusals``, and leaving ``fake_connector()`` with refusals nobody expected fails the
test. ``validate_card`` is exported for invoke responses, which never reach the connector.

Files go as Teams sends them from a bot's personal chat (``tests/fakes/teams_files.py``): consent
cards and file info cards are checked, and ``files.upload_info(card)`` opens the upload session
an accepted consent names, at ``/upload/…`` on this server.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

from tests.fakes.adaptive_cards import SIZE_RULE, validate_card, validate_invoke_response
from tests.fakes.teams_files import FILE_CONSENT, FILE_INFO, TeamsFiles

__all__ = [
    "FakeConnector",
    "Refusal",
    "Sent",
    "fake_connector",
    "validate_card",
    "validate_invoke_response",
]
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"


@dataclass
class Sent:
    verb: str  # send | reply | update
    conversation_id: str
    activity_id: str | None  # the activity replied to or updated (None for a new message)
    activity: dict[str, Any]
    headers: dict[str, str]
    new_id: str | None = None  # the id the connector gave this activity

    @property
    def card(self) -> dict[str, Any] | None:
        for attachment in self.activity.get("attachments") or []:
            if attachment.get("contentType") == ADAPTIVE_CARD:
                return attachment["content"]
        return None

    def attachment(self, content_type: str) -> dict[str, Any] | None:
        for attachment in self.activity.get("attachments") or []:
            if attachment.get("contentType") == content_type:
                return attachment
        return None

    @property
    def consent(self) -> dict[str, Any] | None:
        return self.attachment(FILE_CONSENT)

    @property
    def file_info(self) -> dict[str, Any] | None:
        return self.attachment(FILE_INFO)


@dataclass
class Refusal:
    """An activity Teams would have refused, with the connector's answer."""

    verb: str
    status: int
    error: dict[str, str]
    problems: list[str]
    activity: dict[str, Any]

    def __str__(self) -> str:
        return f"{self.verb} → {self.status} {self.error['code']}\n  " + "\n  ".join(self.problems)


def card_problems(
    activity: dict[str, Any], files: TeamsFiles | None = None, conversation_id: str = ""
) -> list[str]:
    """The problems of every Adaptive Card (and file card) attached to ``activity``."""
    problems = []
    for index, attachment in enumerate(activity.get("attachments") or []):
        if not isinstance(attachment, dict):
            continue
        if attachment.get("contentType") == ADAPTIVE_CARD:
            for problem in validate_card(attachment.get("content")):
                problems.append(f"/attachments/{index}/content{problem}")
        elif files is not None:
            where = f"/attachments/{index}"
            problems.extend(files.attachment_problems(attachment, conversation_id, where))
    return problems


@dataclass
class FakeConnector:
    url: str = ""
    sent: list[Sent] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    # A test that sends invalid cards on purpose sets this, then asserts on ``refusals``.
    refusals_expected: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(1_700_000_000_001))
    files: TeamsFiles = field(default_factory=TeamsFiles)

    def messages(self, verb: str | None = None) -> list[Sent]:
        with self.lock:
            return [
                s
                for s in self.sent
                if s.activity.get("type") == "message" and (verb is None or s.verb == verb)
            ]

    def wait_for(
        self,
        verb: str,
        count: int = 1,
        timeout: float = 10.0,
        where: Callable[[Sent], bool] = lambda _s: True,
    ) -> list[Sent]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [s for s in self.messages(verb) if where(s)]
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"expected {count} {verb} message(s), saw {len(self.messages(verb))}")


def _handler(fake: FakeConnector) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _read(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length") or 0)
            return json.loads(self.rfile.read(length) or b"{}")

        def _answer(self, body: dict[str, Any], status: int = 200) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _route(self) -> tuple[str, str | None]:
            # /v3/conversations/{conversationId}/activities[/{activityId}]
            path = self.path.split("?", 1)[0]
            parts = path.split("/")
            index = parts.index("conversations")
            conversation = unquote(parts[index + 1])
            activity_id = unquote(parts[index + 3]) if len(parts) > index + 3 else None
            return conversation, activity_id

        def _record(self, verb: str) -> None:
            conversation, activity_id = self._route()
            activity = self._read()
            problems = card_problems(activity, fake.files, conversation)
            if problems:
                too_big = all(SIZE_RULE in problem for problem in problems)
                status, code = (413, "MessageSizeTooBig") if too_big else (400, "BadArgument")
                error = {"code": code, "message": "; ".join(problems)}
                with fake.lock:
                    fake.refusals.append(Refusal(verb, status, error, problems, activity))
                self._answer({"error": error}, status)
                return
            with fake.lock:
                new_id = activity_id if verb == "update" else str(next(fake.ids))
                sent = Sent(verb, conversation, activity_id, activity, dict(self.headers))
                sent.new_id = new_id
                fake.sent.append(sent)
            self._answer({"id": new_id})

        def do_POST(self) -> None:
            _, activity_id = self._route()
            self._record("reply" if activity_id else "send")

        def do_PUT(self) -> None:
            if self.path.startswith("/upload/"):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length <= 64 * 1024 * 1024 else b""
                session = self.path.split("?", 1)[0].removeprefix("/upload/")
                status, answer = fake.files.put(session, self.headers, body)
                self._answer(answer, status)
                return
            self._record("update")

    return Handler


class _Server(ThreadingHTTPServer):
    request_queue_size = 256
    daemon_threads = True


@contextmanager
def fake_connector() -> Iterator[FakeConnector]:
    fake = FakeConnector()
    server = _Server(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/"
    fake.files.base_url = fake.url
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        # Raised even when the test already failed: the refusal is usually why it did.
        if fake.refusals and not fake.refusals_expected:
            shown = "\n".join(str(r) for r in fake.refusals)
            raise AssertionError(
                f"Teams would have refused {len(fake.refusals)} activity(ies):\n{shown}"
            )
