"""A stand-in for Slack's Web API on 127.0.0.1: a real HTTP server answering in Slack's
documented shapes (https://docs.slack.dev/reference/methods), recording every call.

Tests point ``SLACK_API_URL`` at it, so slack_sdk and slack-bolt run unmodified. It can be told to
fail the way Slack does: HTTP 429 with ``Retry-After``, or ``{"ok": false, "error": …}``.

Like Slack, it refuses Block Kit that Slack refuses (``tests/fakes/blockkit.py``): messages
(chat.postMessage, chat.update, chat.postEphemeral, chat.scheduleMessage) get ``invalid_blocks``
(``invalid_attachments`` for blocks inside legacy attachments) with the problems in ``errors``
and ``response_metadata.messages``; views (views.open, update,
push, publish) get ``invalid_arguments``; a response_url gets HTTP 400 ``invalid_blocks``.
Because Bolt's ``respond`` and many callers swallow those answers, every refusal is also kept in
``refusals``, and leaving ``fake_slack()`` with refusals nobody expected fails the test.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from tests.fakes.blockkit import (
    Problem,
    validate_attachments,
    validate_message,
    validate_view,
)

BOT_USER = "U0ARBOTBOT"
MESSAGE_METHODS = ("chat.postMessage", "chat.update", "chat.postEphemeral", "chat.scheduleMessage")
VIEW_METHODS = ("views.open", "views.update", "views.push", "views.publish")
MAX_MESSAGE_TEXT = 40_000  # chat.postMessage: longer text is refused (msg_too_long)

Answer = tuple[int, dict[str, str], dict[str, Any] | str]


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    headers: dict[str, str]


@dataclass
class Refusal:
    """A call Slack would have refused, with what Slack would have said."""

    method: str
    error: str
    messages: list[str]
    args: dict[str, Any]

    def __str__(self) -> str:
        return f"{self.method}: {self.error}\n  " + "\n  ".join(self.messages)


@dataclass
class FakeSlack:
    url: str = ""
    calls: list[Call] = field(default_factory=list)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    # method -> planned failures, used up in order: ("ratelimited", seconds) | ("error", code)
    failures: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)
    # A test that sends invalid payloads on purpose sets this, then asserts on ``refusals``.
    refusals_expected: bool = False
    # views.publish: user id -> the Home tab views published for that user, oldest first
    published: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # (channel, ts) -> the message as posted or last updated, for conversations.history
    history: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _ts: float = 1_700_000_000.0
    _views: int = 0

    def add_user(self, user_id: str, email: str, name: str = "") -> None:
        self.users[user_id] = {
            "id": user_id,
            "team_id": "T0TEAM",
            "name": name or user_id.lower(),
            "real_name": name,
            "deleted": False,
            "is_bot": False,
            "profile": {"email": email, "real_name": name, "display_name": name},
        }

    def fail(self, method: str, kind: str, value: Any) -> None:
        self.failures.setdefault(method, []).append((kind, value))

    def called(self, method: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 10.0,
        where: Callable[[Call], bool] = lambda _c: True,
    ) -> list[Call]:
        """The calls of ``method`` once there are ``count`` of them (slow work runs after
        the ack, so tests wait for its effects)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [c for c in self.called(method) if where(c)]
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"expected {count} {method} call(s), saw {len(self.called(method))}")

    def home_view(self, user_id: str) -> dict[str, Any] | None:
        """The Home tab last published for ``user_id`` (None if never)."""
        with self.lock:
            views = self.published.get(user_id)
            return views[-1] if views else None

    def next_ts(self) -> str:
        with self.lock:
            self._ts += 1
            return f"{self._ts:.6f}"

    # --- answers in Slack's documented shapes ------------------------------------------------
    def answer(self, method: str, args: dict[str, Any]) -> Answer:
        with self.lock:
            planned = self.failures.get(method)
            failure = planned.pop(0) if planned else None
        if failure is not None:
            kind, value = failure
            if kind == "ratelimited":
                return 429, {"Retry-After": str(value)}, {"ok": False, "error": "ratelimited"}
            return 200, {}, {"ok": False, "error": value}
        refused = self.refuse(method, args)
        if refused is not None:
            return refused
        if method == "auth.test":
            return (
                200,
                {},
                {
                    "ok": True,
                    "url": "https://arbot-test.slack.com/",
                    "team": "AR Team",
                    "user": "arbot",
                    "team_id": "T0TEAM",
                    "user_id": BOT_USER,
                    "bot_id": "B0ARBOT",
                    "is_enterprise_install": False,
                },
            )
        if method == "users.info":
            user = self.users.get(args.get("user", ""))
            if user is None:
                return 200, {}, {"ok": False, "error": "user_not_found"}
            return 200, {}, {"ok": True, "user": user}
        if method in ("chat.postMessage", "chat.update"):
            ts = args.get("ts") or self.next_ts()
            message = {
                "type": "message",
                "user": BOT_USER,
                "bot_id": "B0ARBOT",
                "ts": ts,
                "text": args.get("text", ""),
                "blocks": args.get("blocks", []),
            }
            if args.get("thread_ts"):
                message["thread_ts"] = args["thread_ts"]
            with self.lock:
                self.history[(str(args.get("channel")), ts)] = message
            return (
                200,
                {},
                {"ok": True, "channel": args.get("channel"), "ts": ts, "message": message},
            )
        if method == "conversations.history":
            # Documented way to read one message back: latest=ts, inclusive=true, limit=1.
            with self.lock:
                found = self.history.get((str(args.get("channel")), str(args.get("latest"))))
            if found is None or str(args.get("inclusive")).lower() not in ("true", "1"):
                return 200, {}, {"ok": True, "messages": [], "has_more": False}
            return 200, {}, {"ok": True, "messages": [found], "has_more": False}
        if method == "chat.postEphemeral":
            return 200, {}, {"ok": True, "message_ts": self.next_ts()}
        if method in VIEW_METHODS:
            view = self.view_answer(method, args)
            if method == "views.publish":
                with self.lock:
                    self.published.setdefault(args["user_id"], []).append(view)
            return 200, {}, {"ok": True, "view": view}
        if method == "chat.scheduleMessage":
            return (
                200,
                {},
                {
                    "ok": True,
                    "channel": args.get("channel"),
                    "scheduled_message_id": f"Q0{self.next_ts().replace('.', '')}",
                    "post_at": args.get("post_at"),
                },
            )
        if method == "files.getUploadURLExternal":
            return (
                200,
                {},
                {"ok": True, "upload_url": f"{self.url}/upload/F0FILE", "file_id": "F0FILE"},
            )
        if method == "files.completeUploadExternal":
            return 200, {}, {"ok": True, "files": [{"id": "F0FILE", "title": "chart"}]}
        return 200, {}, {"ok": True}

    def view_answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        view = args["view"]
        with self.lock:
            self._views += 1
            number = self._views
        view_id = args.get("view_id") or f"V0VIEW{number:04d}"
        return {
            "id": view_id,
            "team_id": "T0TEAM",
            "type": view.get("type", "modal"),
            "title": view.get("title"),
            "callback_id": view.get("callback_id", ""),
            "external_id": view.get("external_id", ""),
            "private_metadata": view.get("private_metadata", ""),
            "blocks": view.get("blocks", []),
            "state": {"values": {}},
            "hash": f"1700000000.{number:08x}",
            "app_id": "A0ARBOT",
            "bot_id": "B0ARBOT",
        }

    # --- what Slack refuses ------------------------------------------------------------------
    def refuse(self, method: str, args: dict[str, Any]) -> Answer | None:
        if method in MESSAGE_METHODS or method == "response_url":
            return self._refuse_message(method, args)
        if method in VIEW_METHODS:
            return self._refuse_view(method, args)
        return None

    def _record(self, method: str, error: str, problems: list[str], args: dict[str, Any]) -> None:
        with self.lock:
            self.refusals.append(Refusal(method, error, [f"[ERROR] {p}" for p in problems], args))

    def _refuse_message(self, method: str, args: dict[str, Any]) -> Answer | None:
        blocks = args.get("blocks")
        error, problems = "", []
        if blocks is not None and not isinstance(blocks, list):
            error, problems = "invalid_blocks_format", ["blocks must be a JSON array"]
        elif found := validate_message(args):
            error, problems = "invalid_blocks", [str(p) for p in found]
        elif found := validate_attachments(args):
            error, problems = "invalid_attachments", [str(p) for p in found]
        elif len(str(args.get("text") or "")) > MAX_MESSAGE_TEXT:
            error = "msg_too_long"
        elif (
            method != "chat.update"
            and method != "response_url"
            and not (args.get("text") or blocks or args.get("attachments"))
        ):
            error = "no_text"
        if not error:
            return None
        self._record(method, error, problems, args)
        if method == "response_url":  # webhooks answer 400 with the bare error code
            return 400, {"Content-Type": "text/plain"}, error
        body: dict[str, Any] = {"ok": False, "error": error}
        if problems:
            body["errors"] = problems
            body["response_metadata"] = {"messages": [f"[ERROR] {p}" for p in problems]}
        return 200, {}, body

    def _refuse_view(self, method: str, args: dict[str, Any]) -> Answer | None:
        needed = {
            "views.open": ("trigger_id", "interactivity_pointer"),
            "views.push": ("trigger_id", "interactivity_pointer"),
            "views.update": ("view_id", "external_id"),
            "views.publish": ("user_id",),
        }[method]
        problems: list[str] = []
        if not any(args.get(name) for name in needed):
            problems.append(f"missing required field: {' or '.join(needed)}")
        view = args.get("view")
        if view is None:
            problems.append("missing required field: view")
        else:
            found: list[Problem] = validate_view(view)
            # views.open and views.push stack modals, views.publish sets a Home tab; views.update
            # replaces whichever view it names.
            wanted = {"views.open": "modal", "views.push": "modal", "views.publish": "home"}
            kind = view.get("type") if isinstance(view, dict) else None
            if method in wanted and kind not in (None, wanted[method]):
                found.append(Problem("/view/type", f"must be `{wanted[method]}` for {method}"))
            problems.extend(str(p) for p in found)
        if not problems:
            return None
        self._record(method, "invalid_arguments", problems, args)
        messages = [f"[ERROR] {p}" for p in problems]
        return (
            200,
            {},
            {
                "ok": False,
                "error": "invalid_arguments",
                "response_metadata": {"messages": messages},
            },
        )


def _handler(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            path, _, query = self.path.partition("?")
            args = {k: v[0] for k, v in parse_qs(query).items()}
            self._reply(path.rsplit("/", 1)[-1], args)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            path, _, query = self.path.partition("?")
            method = path.rsplit("/", 1)[-1]
            if self.path.startswith("/upload/"):
                args: dict[str, Any] = {"bytes": len(raw)}
                method = "upload"
            elif self.path.startswith("/response/"):  # a response_url
                args = json.loads(raw or b"{}")
                method = "response_url"
            elif "json" in (self.headers.get("Content-Type") or ""):
                args = json.loads(raw or b"{}")
            else:
                args = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                for key in ("blocks", "view", "files", "attachments"):
                    if isinstance(args.get(key), str):
                        # Malformed JSON stays a string and is refused as Slack refuses it.
                        with contextlib.suppress(ValueError):
                            args[key] = json.loads(args[key])
            args.update({k: v[0] for k, v in parse_qs(query).items()})
            self._reply(method, args)

        def _reply(self, method: str, args: dict[str, Any]) -> None:
            with fake.lock:
                fake.calls.append(Call(method, args, dict(self.headers)))
            status, headers, body = fake.answer(method, args)
            data = (body if isinstance(body, str) else json.dumps(body)).encode()
            self.send_response(status)
            if "Content-Type" not in headers:
                self.send_header("Content-Type", "application/json; charset=utf-8")
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # Slack takes bursts; socketserver's default backlog is 5
    daemon_threads = True


@contextmanager
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    server = _Server(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        # Raised even when the test already failed: the refusal is usually why it did.
        if fake.refusals and not fake.refusals_expected:
            shown = "\n".join(str(r) for r in fake.refusals)
            raise AssertionError(f"Slack would have refused {len(fake.refusals)} call(s):\n{shown}")
