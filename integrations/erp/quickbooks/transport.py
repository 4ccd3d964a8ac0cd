"""Calls to the QuickBooks Online API, within its limits and through its failures.

- At most 10 requests in flight and 500 per minute per realm (Intuit's limits), shared by every
  client of the realm in this process.
- ``minorversion=75`` on every call; every write carries a ``requestid`` derived from arbot's
  idempotency key, so a resend is answered with the first response instead of writing twice.
- HTTP 429, and fault 3001 however it comes (JSON, or XML despite ``Accept: application/json``,
  with status 429 or the older 403): wait (``Retry-After`` or a minute) and try again.
- 5xx, a dropped connection, a timeout: bounded retries with backoff, the same ``requestid``.
- 401: the access token is dropped and refreshed once, then the request is sent again.
- Any other fault: one readable ``QuickBooksError``.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from integrations.erp.quickbooks.errors import (
    THROTTLED,
    Fault,
    QuickBooksError,
    QuickBooksFault,
    QuickBooksReconnectRequired,
    QuickBooksThrottled,
    QuickBooksUnavailable,
    error_for,
    fault_from_json,
    parse_fault,
)
from integrations.erp.quickbooks.oauth import RECONNECT_HINT, TokenManager
from integrations.erp.quickbooks.wire import dumps, loads, looks_like_xml, xml_response

log = logging.getLogger(__name__)

MINOR_VERSION = "75"
MAX_CONCURRENT = 10
PER_MINUTE = 500


@dataclass(frozen=True)
class RetryPolicy:
    """How long to keep trying. ``throttle_wait`` applies when a 429 names no Retry-After
    (Intuit asks for a minute)."""

    max_retries: int = 4
    backoff: float = 0.5
    max_backoff: float = 8.0
    throttle_wait: float = 60.0
    max_throttle_waits: int = 5


class RateLimiter:
    """At most ``limit`` calls in any ``period`` seconds (a sliding window)."""

    def __init__(
        self,
        limit: int = PER_MINUTE,
        period: float = 60.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.limit = limit
        self.period = period
        self.clock = clock
        self.sleep = sleep
        self._calls: deque[float] = deque()
        self._lock = threading.Lock()

    def acquire(self) -> None:
        while True:
            with self._lock:
                now = self.clock()
                while self._calls and self._calls[0] <= now - self.period:
                    self._calls.popleft()
                if len(self._calls) < self.limit:
                    self._calls.append(now)
                    return
                wait = self._calls[0] + self.period - now
            self.sleep(max(wait, 0.001))


class Limiter(Protocol):
    def acquire(self) -> None:
        """Return when one more request may be sent."""


@dataclass
class RealmGate:
    """The limits of one realm, shared by every client of it in this process."""

    concurrent: threading.BoundedSemaphore
    rate: Limiter


_GATES: dict[tuple[str, str], RealmGate] = {}
_GATES_LOCK = threading.Lock()


def realm_gate(
    base_url: str,
    realm_id: str,
    *,
    max_concurrent: int = MAX_CONCURRENT,
    per_minute: int = PER_MINUTE,
) -> RealmGate:
    with _GATES_LOCK:
        key = (base_url.rstrip("/"), realm_id)
        gate = _GATES.get(key)
        if gate is None:
            gate = RealmGate(threading.BoundedSemaphore(max_concurrent), RateLimiter(per_minute))
            _GATES[key] = gate
        return gate


class Transport:
    def __init__(
        self,
        *,
        base_url: str,
        realm_id: str,
        tokens: TokenManager,
        http: httpx.Client,
        gate: RealmGate,
        retry: RetryPolicy,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.realm_id = realm_id
        self.tokens = tokens
        self.http = http
        self.gate = gate
        self.retry = retry
        self.sleep = sleep

    def url(self, path: str) -> str:
        return f"{self.base_url}/v3/company/{self.realm_id}/{path.lstrip('/')}"

    def get(self, path: str, params: dict[str, str] | None = None, *, what: str) -> Any:
        return self.request("GET", path, params=params, what=what)

    def post(
        self,
        path: str,
        body: Any,
        *,
        request_id: str | None,
        what: str,
        params: dict[str, str] | None = None,
    ) -> Any:
        return self.request(
            "POST",
            path,
            params=params,
            content=dumps(body).encode(),
            content_type="application/json",
            request_id=request_id,
            what=what,
        )

    def query_text(self, statement: str, *, what: str) -> Any:
        """A query sent in the body (``application/text``): no URL length limit."""
        return self.request(
            "POST", "query", content=statement.encode(), content_type="application/text", what=what
        )

    def _backoff(self, attempt: int) -> float:
        base = min(self.retry.backoff * 2 ** (attempt - 1), self.retry.max_backoff)
        return base * (0.75 + random.random() / 2)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        content: bytes | None = None,
        content_type: str | None = None,
        request_id: str | None = None,
        what: str,
    ) -> Any:
        query = {**(params or {}), "minorversion": MINOR_VERSION}
        if request_id is not None:
            query["requestid"] = request_id
        failures = throttles = 0
        reauthorized = False
        while True:
            token = self.tokens.access_token()
            headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
            if content_type:
                headers["Content-Type"] = content_type
            problem: str
            try:
                with self.gate.concurrent:
                    self.gate.rate.acquire()
                    response = self.http.request(
                        method, self.url(path), params=query, content=content, headers=headers
                    )
            except httpx.TimeoutException:
                problem = "timed out"
            except httpx.TransportError as error:
                problem = f"connection failed ({error.__class__.__name__})"
            else:
                status = response.status_code
                body = response.content
                ctype = response.headers.get("Content-Type")
                if status < 300:
                    document = self._document(body, ctype)
                    fault = fault_from_json(document)
                    if fault is None:
                        return document
                    if THROTTLED not in fault.codes:
                        raise error_for(400, fault, what=what)
                    status = 429  # a throttle fault in a 200 (seen in batch answers)
                fault = parse_fault(body, ctype) if status >= 300 else fault
                if status == 429 or (fault is not None and THROTTLED in fault.codes):
                    throttles += 1
                    if throttles > self.retry.max_throttle_waits:
                        raise QuickBooksThrottled(
                            f"QuickBooks kept throttling {what} (HTTP {status}, too many "
                            "requests); try again in a few minutes",
                            status=status,
                            codes=fault.codes if fault else (),
                        )
                    wait = _retry_after(response) or self.retry.throttle_wait
                    log.warning("QuickBooks throttled %s; waiting %.1fs", what, wait)
                    self.sleep(wait)
                    continue
                if status == 401:
                    if reauthorized:
                        raise QuickBooksReconnectRequired(
                            f"QuickBooks refused arbot's access for {what} even with a fresh "
                            f"token ({_fault_text(fault, status)}): {RECONNECT_HINT}",
                            status=status,
                            codes=fault.codes if fault else (),
                        )
                    reauthorized = True
                    self.tokens.rejected(token)
                    continue
                if status >= 500:
                    problem = f"HTTP {status}" + (f": {fault.text()}" if fault else "")
                else:
                    raise error_for(status, fault, what=what)
            failures += 1
            if failures > self.retry.max_retries:
                raise QuickBooksUnavailable(
                    f"QuickBooks did not answer {what} ({problem}) after {failures} tries; "
                    "try again shortly (a retry never writes twice)"
                )
            log.warning("QuickBooks %s for %s; retry %d", problem, what, failures)
            self.sleep(self._backoff(failures))

    @staticmethod
    def _document(body: bytes, content_type: str | None) -> Any:
        if not body.strip():
            return {}
        try:
            if looks_like_xml(content_type, body):
                return xml_response(body)
            return loads(body)
        except Exception as error:
            raise QuickBooksFault(
                f"QuickBooks answered something that is neither JSON nor XML "
                f"({error.__class__.__name__})"
            ) from error


def _fault_text(fault: Fault | None, status: int) -> str:
    return fault.text() if fault else f"HTTP {status}"


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        return None


__all__ = [
    "Limiter",
    "QuickBooksError",
    "RateLimiter",
    "RealmGate",
    "RetryPolicy",
    "Transport",
    "realm_gate",
]
