"""Files in Teams: a customer statement's PDF and CSV sent with Teams' file consent flow.

Teams lets a bot send a file only in a personal chat, and only with the person's consent
(learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4):

1. arbot sends a FileConsentCard (``application/vnd.microsoft.teams.card.file.consent``: the
   file's name, a description, ``sizeInBytes``, and contexts Teams gives back);
2. the person accepts or declines; Teams sends a ``fileConsent/invoke`` whose ``uploadInfo``
   (on accept) names a OneDrive upload session;
3. arbot PUTs the bytes there in one request (``Content-Range: bytes 0-{n-1}/{n}``, no
   Authorization header: the session URL is pre-authorised) and sends a FileInfoCard
   (``application/vnd.microsoft.teams.card.file.info``) pointing at the uploaded file.

In a channel or group chat there is no consent card: the reply says how to get the files.

What an invoke can make arbot do is limited to what it offered. The accept context is a signed
offer (HMAC with a key derived from ``ARBOT_AUDIT_KEY``, or a key of this process when unset)
naming the file, the conversation, the person and an expiry; on accept the file is made again
from the ERP and must be byte for byte what was offered. The upload goes only to an origin Teams
uses (``https://*.sharepoint.com``, or those in ``ARBOT_TEAMS_FILE_HOSTS``), never follows a
redirect, and each offer is used once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import httpx
from microsoft_teams.api import Attachment, InvokeResponse, MessageActivityInput
from microsoft_teams.api.models.file import FileConsentCard, FileInfoCard

from bot.config import TEAMS_FILE_HOSTS
from graph.messages import Reply
from graph.statement_files import FORMATS, statement_file
from integrations.erp.port import ErpClient
from integrations.store.audit import AuditKeys

log = logging.getLogger(__name__)

FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO = "application/vnd.microsoft.teams.card.file.info"
MAX_UPLOAD_BYTES = 4 * 1024 * 1024  # one PUT; a statement is a few KB
OFFER_SECONDS = 24 * 3600
MAX_TOKEN = 2048
MAX_FIELD = 2048
UPLOAD_TIMEOUT = 30.0
DEFAULT_PORTS = {"https": 443, "http": 80}


class Refused(Exception):
    """An invoke arbot will not act on; the message says why and never repeats the invoke's
    own text. ``hostile``: not something Teams sends for an offer of arbot's (forged, altered,
    another person's): a 400 and nothing said in the chat."""

    def __init__(self, message: str, *, hostile: bool = True) -> None:
        super().__init__(message)
        self.hostile = hostile


@dataclass(frozen=True)
class Offer:
    """A file offered to one person in one conversation: enough to make it again."""

    name: str
    fmt: str
    customer_id: str
    as_of: str
    sha256: str
    size: int
    conversation: str
    person: str
    expires: int
    nonce: str


class OfferSigner:
    """Signs offers into the consent card's context and opens them again when Teams returns
    them. The key is derived from the audit key (every replica has it); without one, a key of
    this process (an offer then lasts until a restart)."""

    def __init__(self, key: bytes | None = None) -> None:
        base = key if key is not None else AuditKeys.from_env().signing
        if base is None:
            base = secrets.token_bytes(32)
        self.key = hmac.new(base, b"arbot teams file offers", hashlib.sha256).digest()

    def _mac(self, body: bytes) -> str:
        return hmac.new(self.key, body, hashlib.sha256).hexdigest()

    def sign(self, offer: Offer) -> str:
        body = base64.urlsafe_b64encode(json.dumps(asdict(offer), sort_keys=True).encode())
        return f"{body.decode()}.{self._mac(body)}"

    def open(self, token: Any, *, now: float | None = None) -> Offer:
        if not isinstance(token, str) or len(token) > MAX_TOKEN or token.count(".") != 1:
            raise Refused("that is not a file arbot offered")
        body, mac = token.split(".")
        if not hmac.compare_digest(self._mac(body.encode()), mac):
            raise Refused("that is not a file arbot offered")
        try:
            offer = Offer(**json.loads(base64.urlsafe_b64decode(body.encode())))
        except (ValueError, TypeError) as error:
            raise Refused("that is not a file arbot offered") from error
        if offer.expires < (time.time() if now is None else now):
            raise Refused(f"the offer of {offer.name} has expired: ask for it again", hostile=False)
        return offer


# --- where uploads may go -----------------------------------------------------------------------
def _origin(entry: str) -> tuple[str, str, int] | None:
    text = entry.strip().lower()
    if "://" not in text:
        text = f"https://{text}"
    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, ValueError):
        return None
    if not url.host or url.scheme not in DEFAULT_PORTS:
        return None
    return url.scheme, url.host, url.port or DEFAULT_PORTS[url.scheme]


def upload_allowed(url: Any, allowed: Sequence[str]) -> bool:
    """Whether ``url`` is on an origin Teams uploads to: the scheme and port of an allowed
    entry, its host, or under it for ``*.host``; never with credentials in it."""
    if not isinstance(url, str) or len(url) > MAX_FIELD:
        return False
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError):
        return False
    if parsed.userinfo or parsed.scheme not in DEFAULT_PORTS or not parsed.host:
        return False
    host, port = parsed.host.lower(), parsed.port or DEFAULT_PORTS[parsed.scheme]
    for entry in allowed:
        origin = _origin(entry)
        if origin is None or (origin[0], origin[2]) != (parsed.scheme, port):
            continue
        pattern = origin[1]
        if pattern.startswith("*."):
            suffix = pattern[1:]
            if host.endswith(suffix) and len(host) > len(suffix):
                return True
        elif host == pattern:
            return True
    return False


async def put_file(url: str, data: bytes) -> None:
    """One PUT of the whole file to an upload session (OneDrive's ``uploadUrl``)."""
    size = len(data)
    headers = {"Content-Length": str(size), "Content-Range": f"bytes 0-{size - 1}/{size}"}
    async with httpx.AsyncClient(follow_redirects=False, timeout=UPLOAD_TIMEOUT) as client:
        answer = await client.put(url, content=data, headers=headers)
    if answer.status_code not in (200, 201):
        raise Refused(f"Teams did not take the file (HTTP {answer.status_code})", hostile=False)


# --- the cards ----------------------------------------------------------------------------------
def consent_message(offer: Offer, token: str, description: str) -> MessageActivityInput:
    card = FileConsentCard(
        description=description,
        size_in_bytes=offer.size,
        accept_context={"offer": token},
        decline_context={"offer": token},
    )
    attachment = Attachment(content_type=FILE_CONSENT, name=offer.name, content=card)
    return MessageActivityInput().add_attachments(attachment)


def info_message(
    name: str, content_url: str, unique_id: str, file_type: str
) -> MessageActivityInput:
    card = FileInfoCard(unique_id=unique_id, file_type=file_type)
    attachment = Attachment(
        content_type=FILE_INFO, content_url=content_url, name=name, content=card
    )
    return MessageActivityInput().add_attachments(attachment)


def channel_note(reply: Reply, *, sent_to_chat: bool = False) -> str:
    """What a channel is told about the files: Teams has no bot files outside personal chats."""
    if sent_to_chat:
        return (
            "The PDF and CSV are waiting in your personal chat with arbot (Teams lets arbot "
            "send files only there)."
        )
    customer = reply.data.get("customer_name") or reply.data.get("customer_id") or "the customer"
    return (
        "Teams lets arbot send files only in a personal chat: ask for this statement in a chat "
        "with arbot to get the PDF and CSV there, or ask to “send "
        f"{customer} a statement” to propose e-mailing it to the customer."
    )


# --- the flow -----------------------------------------------------------------------------------
def _text(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_FIELD:
        raise Refused(f"the invoke's {name} is missing or not text")
    return value


def _field(model: Any, camel: str, snake: str) -> Any:
    if isinstance(model, dict):
        return model.get(camel, model.get(snake))
    return getattr(model, snake, None)


@dataclass
class ConsentAnswer:
    """What to do after a consent invoke: the invoke's status and the message for the chat."""

    status: int
    message: MessageActivityInput | None = None
    uploaded: str | None = None


class TeamsFiles:
    def __init__(
        self,
        erp: ErpClient,
        first_use: Any,
        allowed_hosts: Sequence[str] = TEAMS_FILE_HOSTS,
        signer: OfferSigner | None = None,
    ) -> None:
        self.erp = erp
        self.first_use = first_use  # key -> bool, True the first time (the store's deliveries)
        self.allowed_hosts = tuple(allowed_hosts)
        self.signer = signer or OfferSigner()

    def offers(
        self, reply: Reply, *, conversation: str, person: str, now: float | None = None
    ) -> list[MessageActivityInput]:
        """One consent card per file of a statement reply (files over the limit are skipped
        and said so)."""
        customer_id = reply.data.get("customer_id")
        as_of = reply.data.get("as_of")
        if not reply.files or not isinstance(customer_id, str) or not isinstance(as_of, date):
            return []
        out = []
        expires = int((time.time() if now is None else now) + OFFER_SECONDS)
        for attached in reply.files:
            fmt = attached.name.rsplit(".", 1)[-1].lower()
            if fmt not in FORMATS:
                continue
            data = attached.path.read_bytes()
            if not data:
                continue
            if len(data) > MAX_UPLOAD_BYTES:
                out.append(MessageActivityInput(text=f"{attached.name} is too large for Teams."))
                continue
            offer = Offer(
                name=attached.name,
                fmt=fmt,
                customer_id=customer_id,
                as_of=as_of.isoformat(),
                sha256=hashlib.sha256(data).hexdigest(),
                size=len(data),
                conversation=conversation,
                person=person,
                expires=expires,
                nonce=secrets.token_hex(8),
            )
            what = "PDF" if fmt == "pdf" else "CSV (for a spreadsheet)"
            description = f"Statement of account {customer_id} as of {offer.as_of}, {what}"
            out.append(consent_message(offer, self.signer.sign(offer), description))
        return out

    def _offer_of(self, value: Any, *, conversation: str, person: str) -> Offer:
        context = _field(value, "context", "context")
        token = context.get("offer") if isinstance(context, dict) else None
        offer = self.signer.open(token)
        if offer.conversation != conversation or offer.person != person:
            raise Refused("that file was offered to someone else")
        return offer

    def _make_again(self, offer: Offer) -> bytes:
        try:
            as_of = date.fromisoformat(offer.as_of)
        except ValueError as error:
            raise Refused("that is not a file arbot offered") from error
        made = statement_file(self.erp, offer.customer_id, as_of, offer.fmt)
        if made is None:
            raise Refused(f"{offer.customer_id} has no statement any more", hostile=False)
        name, data = made
        if name != offer.name or hashlib.sha256(data).hexdigest() != offer.sha256:
            raise Refused(
                f"{offer.customer_id}'s open items changed since {offer.name} was offered: "
                "ask for the statement again",
                hostile=False,
            )
        return data

    async def answer(
        self, value: Any, *, conversation: str, person: str, work: Any
    ) -> ConsentAnswer:
        """A ``fileConsent/invoke``: upload on accept, say so on decline; refusals are 400s
        (and never contact the upload URL)."""
        try:
            action = _field(value, "action", "action")
            action = getattr(action, "value", action)
            if action not in ("accept", "decline"):
                raise Refused("a file consent is accepted or declined")
            offer = self._offer_of(value, conversation=conversation, person=person)
            if action == "decline":
                text = f"OK, I did not send {offer.name}."
                return ConsentAnswer(200, MessageActivityInput(text=text))
            info = _field(value, "uploadInfo", "upload_info")
            upload_url = _text(_field(info, "uploadUrl", "upload_url"), "uploadUrl")
            content_url = _text(_field(info, "contentUrl", "content_url"), "contentUrl")
            unique_id = _text(_field(info, "uniqueId", "unique_id"), "uniqueId")
            name = _field(info, "name", "name")
            name = name if isinstance(name, str) and 0 < len(name) <= 255 else offer.name
            file_type = _field(info, "fileType", "file_type")
            file_type = file_type if isinstance(file_type, str) and file_type else offer.fmt
            for url in (upload_url, content_url):
                if not upload_allowed(url, self.allowed_hosts):
                    raise Refused("that upload address is not one Teams uses")
            data = await work(self._make_again, offer)
            if not await work(self.first_use, f"teams-file:{offer.nonce}"):
                raise Refused(f"{offer.name} was already sent", hostile=False)
            await put_file(upload_url, data)
        except Refused as refused:
            log.warning("Teams file consent refused: %s", refused)
            if refused.hostile:
                return ConsentAnswer(400)
            return ConsentAnswer(200, MessageActivityInput(text=f"Not sent: {refused}."))
        except httpx.HTTPError as error:
            log.error("Teams file upload failed: %s", error.__class__.__name__)
            text = "Not sent: Teams did not take the file; ask for the statement again."
            return ConsentAnswer(200, MessageActivityInput(text=text))
        return ConsentAnswer(
            200, info_message(name, content_url, unique_id, file_type[:16]), uploaded=offer.name
        )


def invoke_response(answer: ConsentAnswer) -> InvokeResponse[Any]:
    if answer.status == 200:
        return InvokeResponse(status=200)
    return InvokeResponse(status=answer.status, body={"error": "not sent"})
