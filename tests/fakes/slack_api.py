"""A stand-in for Slack's Web API on 127.0.0.1: a real HTTP server answering in Slack's
documented shapes (https://docs.slack.dev/reference/methods), recording every call.

Tests point ``SLACK_API_URL`` at it, so slack_sdk and slack-bolt run unmodified. It can be told to
fail the way Slack does: HTTP 429 with ``Retry-After``, or ``{"ok": false, "error": …}``.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_USER = "U0ARBOTBOT"


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    headers: dict[str, str]


@dataclass
class FakeSlack:
    url: str = ""
    calls: list[Call] = field(default_factory=list)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    # method -> planned failures, used up in order: ("ratelimited", seconds) | ("error", code)
    failures: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _ts: float = 1_700_000_000.0

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

    def next_ts(self) -> str:
        with self.lock:
            self._ts += 1
            return f"{self._ts:.6f}"

    # --- answers in Slack's documented shapes ------------------------------------------------
    def answer(self, method: str, args: dict[str, Any]) -> tuple[int, dict[str, str], dict]:
        with self.lock:
            planned = self.failures.get(method)
            failure = planned.pop(0) if planned else None
        if failure is not None:
            kind, value = failure
            if kind == "ratelimited":
                return 429, {"Retry-After": str(value)}, {"ok": False, "error": "ratelimited"}
            return 200, {}, {"ok": False, "error": value}
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
            return (
                200,
                {},
                {"ok": True, "channel": args.get("channel"), "ts": ts, "message": message},
            )
        if method == "chat.postEphemeral":
            return 200, {}, {"ok": True, "message_ts": self.next_ts()}
        if method == "views.open":
            view = args.get("view") or {}
            return (
                200,
                {},
                {
                    "ok": True,
                    "view": {
                        "id": "V0VIEW",
                        "team_id": "T0TEAM",
                        "type": view.get("type", "modal"),
                        "callback_id": view.get("callback_id", ""),
                        "private_metadata": view.get("private_metadata", ""),
                        "blocks": view.get("blocks", []),
                        "state": {"values": {}},
                        "hash": "1700000000.abc",
                        "app_id": "A0ARBOT",
                        "bot_id": "B0ARBOT",
                    },
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
                for key in ("blocks", "view", "files"):
                    if isinstance(args.get(key), str):
                        args[key] = json.loads(args[key])
            args.update({k: v[0] for k, v in parse_qs(query).items()})
            self._reply(method, args)

        def _reply(self, method: str, args: dict[str, Any]) -> None:
            with fake.lock:
                fake.calls.append(Call(method, args, dict(self.headers)))
            status, headers, body = fake.answer(method, args)
            data = json.dumps(body).encode()
            self.send_response(status)
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
