"""The HTTP transport under the Intacct gateway: one POST of an XML document.

Replaceable: tests and other runtimes pass anything with ``post``; the default uses httpx (a
sync client, safe to share between the worker threads that call the ErpClient).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

import httpx


class TransportError(Exception):
    """No HTTP answer at all (connection refused, reset, DNS, TLS)."""


class TransportTimeout(TransportError):
    """The request was sent but no answer came in time: it may or may not have been applied."""


@dataclass(frozen=True)
class HttpResponse:
    status: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


class Transport(Protocol):
    def post(self, url: str, body: bytes, *, timeout: float) -> HttpResponse: ...

    def close(self) -> None: ...


class HttpxTransport:
    """POSTs with ``Content-Type: application/xml`` over one pooled httpx client."""

    def __init__(self, client: httpx.Client | None = None) -> None:
        self._client = client or httpx.Client(
            headers={"Content-Type": "application/xml", "Accept": "application/xml"},
            follow_redirects=False,
        )

    def post(self, url: str, body: bytes, *, timeout: float) -> HttpResponse:
        try:
            answer = self._client.post(url, content=body, timeout=timeout)
        except httpx.TimeoutException as error:
            if isinstance(error, httpx.ConnectTimeout):
                raise TransportError(f"could not connect to {url}: {error}") from error
            raise TransportTimeout(f"no answer from {url} within {timeout:g}s") from error
        except httpx.HTTPError as error:
            raise TransportError(f"{url}: {error.__class__.__name__}: {error}") from error
        return HttpResponse(answer.status_code, answer.content, dict(answer.headers))

    def close(self) -> None:
        self._client.close()
