"""The XML gateway: sessions, envelopes, status checks, retries, rate limits and the
per-company concurrency cap. It knows Intacct's protocol, not AR.

Sessions: one ``getAPISession`` (signed in with the Web Services user, at the entity when one is
configured), then every request goes to the endpoint it returned with the session id. An
expired or invalidated session is renewed once and the request sent again (an authentication
failure means no function ran, so this is safe for writes too).

Retries: 5xx and timeouts are retried a bounded number of times with backoff (a write carries
``uniqueid=true`` and the same function control id, so a repeat is refused, never applied twice).
HTTP 524 (the CDN gave up while Intacct kept processing) is never resent for a write: the
caller reads back instead. Rate-limit (429, GW-0010) and "temporarily off-line" answers are
waited out.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import ClassVar

from lxml import etree

from integrations.erp.intacct.settings import IntacctSettings
from integrations.erp.intacct.transport import (
    HttpResponse,
    Transport,
    TransportError,
    TransportTimeout,
)
from integrations.erp.intacct.xmlapi import (
    AuthenticationFailed,
    Function,
    IntacctError,
    LoginAuth,
    RateLimited,
    Response,
    Result,
    SessionAuth,
    body_says_offline,
    body_says_rate_limited,
    build_request,
    element,
    parse_response,
)

log = logging.getLogger(__name__)


class OutcomeUnknown(IntacctError):
    """A write was sent but its answer was lost (HTTP 524): it may have been applied."""


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4  # tries in all for 5xx and timeouts
    backoff: float = 1.0  # seconds, doubled each time
    rate_limit_waits: int = 6  # how many rate-limit / off-line answers to wait out
    max_wait: float = 60.0  # longest single wait


@dataclass
class _Session:
    session_id: str
    endpoint: str
    expires_at: datetime | None


_EXPIRY_MARGIN = timedelta(seconds=60)


def _parse_timestamp(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class XmlGateway:
    """Thread-safe; share one per company."""

    _limits: ClassVar[dict[tuple[str, str], threading.BoundedSemaphore]] = {}
    _limits_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        settings: IntacctSettings,
        transport: Transport,
        *,
        retry: RetryPolicy = RetryPolicy(),
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.settings = settings
        self.transport = transport
        self.retry = retry
        self.sleep = sleep
        self.now = now
        self._session: _Session | None = None
        self._session_lock = threading.Lock()
        self.logins = 0
        key = (settings.company_id.upper(), "")
        with self._limits_lock:
            if key not in self._limits:
                self._limits[key] = threading.BoundedSemaphore(settings.max_concurrency)
            self._limit = self._limits[key]

    # --- HTTP -------------------------------------------------------------------------------
    def _post(self, url: str, body: bytes) -> HttpResponse:
        with self._limit:
            return self.transport.post(url, body, timeout=self.settings.timeout)

    def _wait(self, seconds: float) -> None:
        self.sleep(min(max(seconds, 0.0), self.retry.max_wait))

    def _exchange(self, url: str, body: bytes, *, write: bool) -> Response:
        """One request, with the HTTP-level retries; returns the parsed, unchecked response."""
        failures = 0
        waits = 0
        while True:
            try:
                answer = self._post(url, body)
            except TransportTimeout as error:
                failures += 1
                if failures >= self.retry.attempts:
                    raise IntacctError(
                        f"Intacct did not answer after {failures} tries ({error})", level="http"
                    ) from error
                log.warning("Intacct timed out; trying again (%s)", error)
                self._wait(self.retry.backoff * 2 ** (failures - 1))
                continue
            except TransportError as error:
                failures += 1
                if failures >= self.retry.attempts:
                    raise IntacctError(f"cannot reach Intacct: {error}", level="http") from error
                self._wait(self.retry.backoff * 2 ** (failures - 1))
                continue

            if answer.status == 524:
                if write:
                    raise OutcomeUnknown(
                        "Intacct answered HTTP 524 (the connection was cut while Intacct kept "
                        "processing); the write was not sent again",
                        level="http",
                        http_status=524,
                    )
                failures += 1
            elif answer.status == 429 or (
                answer.status != 200 and body_says_rate_limited(answer.content)
            ):
                waits += 1
                retry_after = _retry_after(answer)
                if waits > self.retry.rate_limit_waits:
                    raise RateLimited(
                        "Intacct is still rate limiting this company (HTTP 429)",
                        level="http",
                        http_status=answer.status,
                        retry_after=retry_after,
                    )
                self._wait(retry_after or self.retry.backoff * 2 ** (waits - 1))
                continue
            elif body_says_offline(answer.content) or (
                answer.status == 200 and body_says_rate_limited(answer.content)
            ):
                waits += 1
                if waits > self.retry.rate_limit_waits:
                    raise RateLimited(
                        "Intacct says the service is temporarily off-line or rate limited",
                        level="http",
                        http_status=answer.status,
                    )
                self._wait(_retry_after(answer) or self.retry.backoff * 2 ** (waits - 1) * 5)
                continue
            elif answer.status >= 500:
                failures += 1
            elif answer.status != 200:
                parse_error: IntacctError | None = None
                try:
                    response = parse_response(answer.content, http_status=answer.status)
                except IntacctError as error:
                    parse_error = error
                else:
                    return response
                raise IntacctError(
                    f"Intacct answered HTTP {answer.status}", level="http",
                    http_status=answer.status,
                ) from parse_error  # fmt: skip
            else:
                response = parse_response(answer.content, http_status=answer.status)
                if response.control_status != "success":
                    try:
                        response.check()
                    except RateLimited:
                        waits += 1
                        if waits > self.retry.rate_limit_waits:
                            raise
                        self._wait(self.retry.backoff * 2 ** (waits - 1))
                        continue
                    except IntacctError:
                        pass
                return response

            if failures >= self.retry.attempts:
                raise IntacctError(
                    f"Intacct answered HTTP {answer.status} {failures} times; giving up",
                    level="http",
                    http_status=answer.status,
                )
            log.warning("Intacct answered HTTP %s; trying again", answer.status)
            self._wait(self.retry.backoff * 2 ** (failures - 1))

    # --- sessions ---------------------------------------------------------------------------
    def _login(self) -> _Session:
        s = self.settings
        get_session = element("getAPISession", {"locationid": s.entity_id})
        body = build_request(
            sender_id=s.sender_id,
            sender_password=s.sender_password,
            control_id=f"session-{uuid.uuid4()}",
            unique_id=False,
            auth=LoginAuth(s.user_id, s.company_id, s.user_password, s.entity_id),
            functions=[Function(f"getAPISession-{uuid.uuid4().hex[:12]}", get_session)],
        )
        response = self._exchange(s.endpoint, body, write=False)
        try:
            response.check()
        except AuthenticationFailed as error:
            raise AuthenticationFailed(
                f"Intacct refused the sign-in of user {s.user_id} to company {s.company_id}",
                error.errors,
                level="authentication",
            ) from None
        if not response.results:
            raise IntacctError("Intacct answered getAPISession with no result", level="function")
        api = response.results[0].check().records()
        if not api or not api[0].get("sessionid"):
            raise IntacctError("Intacct's getAPISession answer has no session id", level="function")
        self.logins += 1
        return _Session(
            session_id=api[0]["sessionid"],
            endpoint=api[0].get("endpoint") or s.endpoint,
            expires_at=_parse_timestamp(response.session_timeout),
        )

    def session(self, *, renew: bool = False, stale: _Session | None = None) -> _Session:
        with self._session_lock:
            current = self._session
            fresh = (
                current is not None
                and not (renew and current is stale)
                and (current.expires_at is None or self.now() < current.expires_at - _EXPIRY_MARGIN)
            )
            if not fresh:
                self._session = current = self._login()
            assert current is not None
            return current

    def close(self) -> None:
        self.transport.close()

    # --- calls ------------------------------------------------------------------------------
    def call(self, functions: Sequence[Function], *, write: bool) -> tuple[Result, ...]:
        """Send functions in one request (``uniqueid=true`` for writes) and return their
        results, unchecked. Control and authentication failures raise."""
        s = self.settings
        renewed = False
        control_id = functions[0].control_id if write and len(functions) == 1 else None
        while True:
            session = self.session()
            body = build_request(
                sender_id=s.sender_id,
                sender_password=s.sender_password,
                control_id=control_id or f"req-{uuid.uuid4()}",
                unique_id=write,
                auth=SessionAuth(session.session_id),
                functions=functions,
            )
            response = self._exchange(session.endpoint, body, write=write)
            try:
                response.check()
            except AuthenticationFailed as error:
                if renewed:
                    raise AuthenticationFailed(
                        "Intacct refused the session even after signing in again",
                        error.errors,
                        level="authentication",
                    ) from None
                log.info("Intacct session refused (%s); signing in again", error)
                self.session(renew=True, stale=session)
                renewed = True
                continue
            if response.session_timeout and session is self._session:
                session.expires_at = _parse_timestamp(response.session_timeout)
            return response.results

    def one(self, body: etree._Element, *, control_id: str | None = None, write: bool) -> Result:
        function = Function(control_id or f"{body.tag}-{uuid.uuid4().hex[:16]}", body)
        results = self.call([function], write=write)
        if not results:
            raise IntacctError(f"Intacct answered {body.tag} with no result", level="function")
        return results[0].check()

    def read(self, body: etree._Element) -> Result:
        return self.one(body, write=False)

    def write(self, body: etree._Element, control_id: str) -> Result:
        """One write, sent with ``uniqueid=true`` under ``control_id``. A repeated control id
        raises ``DuplicateControlId``; a lost answer (524) raises ``OutcomeUnknown``."""
        return self.one(body, control_id=control_id, write=True)

    def read_by_query(
        self,
        obj: str,
        fields: Sequence[str],
        query: str = "",
        *,
        docparid: str | None = None,
        page_size: int | None = None,
    ) -> Iterator[dict[str, str]]:
        """Every record matching ``query``: ``readByQuery`` then ``readMore`` until
        ``numremaining`` is 0."""
        body = element(
            "readByQuery",
            {
                "object": obj,
                "fields": ",".join(fields) or "*",
                "query": query,
                "pagesize": page_size or self.settings.page_size,
                "docparid": docparid,
            },
        )
        result = self.read(body)
        yield from result.records()
        while result.num_remaining > 0:
            result_id = result.result_id
            if not result_id:
                raise IntacctError(
                    f"Intacct said {result.num_remaining} {obj} records remain but gave no "
                    "resultId to read them",
                    level="function",
                )
            result = self.read(element("readMore", {"resultId": result_id}))
            yield from result.records()


def _retry_after(answer: HttpResponse) -> float | None:
    for name, value in answer.headers.items():
        if name.lower() == "retry-after":
            try:
                return float(value)
            except ValueError:
                return None
    return None
