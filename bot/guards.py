"""What every inbound request meets before any handler parses it: a body size limit, and for
Slack a signature and timestamp check (so a forged or malformed body is refused with a 4xx
before Bolt reads it, and never logged)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 1024 * 1024  # Slack sends a few KB; a Teams activity stays well below this
SLACK_MAX_AGE_SECONDS = 60 * 5


class BodyLimit:
    """Refuse (413) a request whose body is over ``limit`` bytes, whether it says so in
    Content-Length or streams it, before the application reads it."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit
        # path → whether a body is one the route's handler can read (else 400, unread)
        self.shapes: dict[str, Callable[[bytes], bool]] = {"/api/messages": is_activity}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.limit
                except ValueError:
                    too_big = True
                if too_big:
                    await _refuse(send, 413, b"request body too large")
                    return
        # Read the whole (bounded) body first, so that nothing downstream sees part of it.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([], message), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _refuse(send, 413, b"request body too large")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        shape = self.shapes.get(scope.get("path", ""))
        if shape is not None and scope.get("method") == "POST" and not shape(b"".join(chunks)):
            await _refuse(send, 400, b"not a request this route reads")
            return
        await self.app(scope, _replay(chunks, None), send)


def is_activity(body: bytes) -> bool:
    """A Bot Framework activity: a JSON object with a string ``type`` (the Teams SDK fails on
    anything else with a 500)."""
    try:
        activity = json.loads(body)
    except (ValueError, RecursionError):
        return False
    if not isinstance(activity, dict) or not isinstance(activity.get("type"), str):
        return False
    for key in ("from", "conversation", "recipient"):
        if key in activity and not isinstance(activity[key], dict):
            return False
    if activity["type"] == "invoke" and activity.get("name") == "adaptiveCard/action":
        action = (
            (activity.get("value") or {}).get("action")
            if isinstance(activity.get("value"), dict)
            else None
        )
        if not isinstance(action, dict) or not isinstance(action.get("verb", ""), str):
            return False
        if not isinstance(action.get("data", {}), dict):
            return False
    if activity["type"] == "invoke" and activity.get("name") == "fileConsent/invoke":
        return is_file_consent(activity.get("value"))
    return True


def is_file_consent(value: object) -> bool:
    """A ``fileConsent/invoke`` value the SDK can read: accept or decline, and upload info
    (when there is any) of text fields."""
    if not isinstance(value, dict) or value.get("action") not in ("accept", "decline"):
        return False
    info = value.get("uploadInfo")
    if info is None:
        return True
    return isinstance(info, dict) and all(
        isinstance(info.get(key), str | None)
        for key in ("name", "uploadUrl", "contentUrl", "uniqueId", "fileType", "etag")
    )


def _replay(chunks: list[bytes], then: Message | None) -> Callable[[], Awaitable[Message]]:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            if then is not None:
                return then
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        return {"type": "http.disconnect"}

    return receive


async def _refuse(send: Send, status: int, text: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain"),
                (b"content-length", str(len(text)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": text})


def slack_signature_problem(
    secret: str, body: bytes, headers: Any, *, now: float | None = None
) -> str | None:
    """Why a request does not come from Slack (None when it does): Slack's v0 HMAC-SHA256 of
    ``v0:timestamp:body`` with the signing secret, and a timestamp within five minutes."""
    if not secret:  # Socket Mode without a signing secret: nothing over HTTP is Slack's
        return "no signing secret is set (SLACK_SIGNING_SECRET)"
    stamp = headers.get("x-slack-request-timestamp") or ""
    signature = headers.get("x-slack-signature") or ""
    if not stamp.isdigit() or not signature.startswith("v0="):
        return "missing or malformed signature headers"
    if abs((now or time.time()) - int(stamp)) > SLACK_MAX_AGE_SECONDS:
        return "stale timestamp"
    expected = hmac.new(secret.encode(), b"v0:" + stamp.encode() + b":" + body, hashlib.sha256)
    if not hmac.compare_digest("v0=" + expected.hexdigest(), signature):
        return "signature does not match"
    return None
