"""A stand-in OpenAI-compatible server on 127.0.0.1: ``POST /v1/chat/completions`` answering in
the documented shape (tool calls, content, usage), or failing the ways real endpoints do — an
error status, a slow answer, malformed tool arguments, a refusal. Tests script the answers."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def tool_call(name: str, arguments: dict[str, Any] | str) -> dict[str, Any]:
    """An answer calling one tool (``arguments`` as a string to send it malformed)."""
    raw = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return {
        "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": name, "arguments": raw}}
        ]
    }


def text(content: str) -> dict[str, Any]:
    return {"content": content}


def status(code: int, message: str = "boom") -> dict[str, Any]:
    return {"status": code, "error": message}


def slow(seconds: float, answer: dict[str, Any]) -> dict[str, Any]:
    return {**answer, "delay": seconds}


def refusal(message: str = "I can't help with that.") -> dict[str, Any]:
    return {"refusal": message}


@dataclass
class FakeOpenAI:
    url: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    script: list[dict[str, Any]] = field(default_factory=list)  # used up in order
    default: dict[str, Any] = field(default_factory=lambda: text("ok"))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, *answers: dict[str, Any]) -> None:
        with self.lock:
            self.script.extend(answers)

    def next(self) -> dict[str, Any]:
        with self.lock:
            return self.script.pop(0) if self.script else self.default


def _handler(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = json.loads(self.rfile.read(length) or b"{}")
            with fake.lock:
                fake.requests.append(
                    {
                        "path": self.path,
                        "body": request,
                        "authorization": self.headers.get("Authorization"),
                    }
                )
            planned = fake.next()
            if planned.get("delay"):
                time.sleep(planned["delay"])
            if "status" in planned:
                body = {
                    "error": {"message": planned["error"], "type": "server_error", "code": None}
                }
                return self._send(planned["status"], body)
            message: dict[str, Any] = {"role": "assistant", "content": planned.get("content")}
            if "tool_calls" in planned:
                message["tool_calls"] = planned["tool_calls"]
            if "refusal" in planned:
                message["refusal"] = planned["refusal"]
            self._send(
                200,
                {
                    "id": "chatcmpl-test",
                    "object": "chat.completion",
                    "created": 1_700_000_000,
                    "model": request.get("model", "test-model"),
                    "choices": [
                        {
                            "index": 0,
                            "message": message,
                            "finish_reason": "tool_calls" if "tool_calls" in planned else "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 120, "completion_tokens": 18, "total_tokens": 138},
                },
            )

        def _send(self, code: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True


@contextmanager
def fake_openai() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI()
    server = _Server(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
