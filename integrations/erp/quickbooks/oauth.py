"""OAuth 2.0 for QuickBooks Online: the connect flow, and access tokens kept fresh.

Intuit's access tokens live an hour; each refresh may hand back a *new* refresh token (it rotates,
on a rolling 100-day life) and the old one then dies. So the newest refresh token is persisted in
the store in the same step that saves the access token, and a refresh is claimed first (a
conditional update with a lease), so that one process at a time — on any replica — spends the
refresh token. A refused refresh token (``invalid_grant``) marks the connection as needing a
reconnect: every call then fails at once with ``QuickBooksReconnectRequired`` instead of asking
Intuit again and again.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlencode, urlparse

import httpx

from integrations.erp.quickbooks.errors import (
    QuickBooksConfigError,
    QuickBooksError,
    QuickBooksReconnectRequired,
    QuickBooksUnavailable,
    oauth_error,
)
from integrations.erp.quickbooks.store import QuickBooksStore
from integrations.erp.quickbooks.token_store import NewTokens, TokenRow, now_utc
from integrations.erp.quickbooks.wire import loads

AUTHORIZE_URL = "https://appcenter.intuit.com/connect/oauth2"
TOKEN_URL = "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"
SCOPE = "com.intuit.quickbooks.accounting"
RECONNECT_HINT = "an admin must reconnect QuickBooks (run `arbot quickbooks connect`)"


@dataclass(frozen=True, slots=True)
class TokenResponse:
    """A token endpoint's answer (``success_token_response.json``)."""

    access_token: str
    refresh_token: str
    expires_in: int
    refresh_expires_in: int | None
    token_type: str = "bearer"

    def at(self, moment: datetime) -> NewTokens:
        return NewTokens(
            access_token=self.access_token,
            refresh_token=self.refresh_token,
            access_expires_at=moment + timedelta(seconds=self.expires_in),
            refresh_expires_at=(
                moment + timedelta(seconds=self.refresh_expires_in)
                if self.refresh_expires_in
                else None
            ),
        )


class OAuthRefused(QuickBooksError):
    """The token endpoint refused (``error`` holds the OAuth error code)."""

    def __init__(self, error: str, description: str, status: int) -> None:
        text = f"{error}: {description}" if description and description != error else error
        super().__init__(f"Intuit refused the token request ({text or f'HTTP {status}'})")
        self.error = error
        self.status = status


def parse_token_response(body: bytes | str) -> TokenResponse:
    document = loads(body)
    if not isinstance(document, dict) or "access_token" not in document:
        error, description = oauth_error(body)
        raise OAuthRefused(error or "invalid_response", description, 200)
    expires = document.get("x_refresh_token_expires_in")
    return TokenResponse(
        access_token=str(document["access_token"]),
        refresh_token=str(document["refresh_token"]),
        expires_in=int(document.get("expires_in") or 3600),
        refresh_expires_in=int(expires) if expires else None,
        token_type=str(document.get("token_type") or "bearer"),
    )


def token_request(
    http: httpx.Client,
    token_url: str,
    client_id: str,
    client_secret: str,
    form: dict[str, str],
    *,
    tries: int = 3,
    backoff: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
) -> TokenResponse:
    """POST to the token endpoint (HTTP Basic client authentication), retrying only what is
    safe to retry: no answer at all, or a 5xx."""
    last = ""
    for attempt in range(tries):
        try:
            response = http.post(
                token_url,
                data=form,
                auth=(client_id, client_secret),
                headers={"Accept": "application/json"},
            )
        except httpx.TransportError as error:
            last = error.__class__.__name__
        else:
            if response.status_code < 300:
                return parse_token_response(response.content)
            if response.status_code < 500:
                error, description = oauth_error(response.content)
                raise OAuthRefused(error, description, response.status_code)
            last = f"HTTP {response.status_code}"
        if attempt + 1 < tries:
            sleep(backoff * 2**attempt)
    raise QuickBooksUnavailable(
        f"Intuit's token endpoint did not answer ({last}) after {tries} tries; try again shortly"
    )


def new_state() -> str:
    """An unguessable ``state`` for one connect attempt (checked when it completes)."""
    return secrets.token_urlsafe(24)


def authorization_url(
    client_id: str,
    redirect_uri: str,
    state: str,
    *,
    scope: str = SCOPE,
    authorize_url: str = AUTHORIZE_URL,
) -> str:
    """Where an admin signs in to Intuit and picks the company to connect."""
    query = urlencode(
        {
            "client_id": client_id,
            "response_type": "code",
            "scope": scope,
            "redirect_uri": redirect_uri,
            "state": state,
        }
    )
    return f"{authorize_url}?{query}"


@dataclass(frozen=True, slots=True)
class Connection:
    realm_id: str
    refresh_expires_at: datetime | None


def complete_connection(
    redirect_url: str,
    *,
    client_id: str,
    client_secret: str,
    redirect_uri: str,
    database_url: str,
    expected_state: str | None,
    token_url: str = TOKEN_URL,
    http: httpx.Client | None = None,
) -> Connection:
    """Finish the connect flow from the URL Intuit redirected the admin's browser to
    (``…?code=…&state=…&realmId=…``): check ``state``, trade the code for tokens, store them for
    the realm (replacing any earlier connection). Returns the realm (company) id, which is what
    ``QBO_REALM_ID`` must be set to."""
    params = {k: v[0] for k, v in parse_qs(urlparse(redirect_url.strip()).query).items()}
    if "error" in params:
        raise QuickBooksReconnectRequired(
            f"QuickBooks was not connected: Intuit answered {params['error']}"
            + (f" ({params['error_description']})" if params.get("error_description") else "")
        )
    code, realm_id = params.get("code"), params.get("realmId")
    if not code or not realm_id:
        raise QuickBooksConfigError(
            "that is not the redirect URL from Intuit: it has no code and realmId "
            "(paste the whole address the browser was sent to)"
        )
    if expected_state is not None and not secrets.compare_digest(
        params.get("state", ""), expected_state
    ):
        raise QuickBooksConfigError(
            "the redirect URL belongs to another connect attempt (state does not match); "
            "start again"
        )
    own = http is None
    client = http or httpx.Client(timeout=30.0)
    try:
        granted = token_request(
            client,
            token_url,
            client_id,
            client_secret,
            {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri},
        )
    except OAuthRefused as refused:
        if refused.error == "invalid_client":
            raise QuickBooksConfigError(
                "Intuit does not accept QBO_CLIENT_ID / QBO_CLIENT_SECRET (invalid_client)"
            ) from None
        raise QuickBooksReconnectRequired(
            f"QuickBooks was not connected: {refused} — the code may have expired or been "
            "used already; start again"
        ) from None
    finally:
        if own:
            client.close()
    store = QuickBooksStore.open(database_url)
    try:
        tokens = granted.at(now_utc())
        store.save_connection(realm_id, tokens)
    finally:
        store.close()
    return Connection(realm_id, tokens.refresh_expires_at)


class TokenManager:
    """Access tokens for one realm, refreshed before they expire, one refresh at a time across
    threads and processes."""

    def __init__(
        self,
        store: QuickBooksStore,
        realm_id: str,
        *,
        client_id: str,
        client_secret: str,
        token_url: str,
        http: httpx.Client,
        margin: timedelta = timedelta(minutes=5),
        lease: timedelta = timedelta(seconds=30),
        wait: timedelta = timedelta(seconds=60),
        clock: Callable[[], datetime] = now_utc,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.store = store
        self.realm_id = realm_id
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_url = token_url
        self.http = http
        self.margin = margin
        self.lease = lease
        self.wait = wait
        self.clock = clock
        self.sleep = sleep
        self._lock = threading.Lock()
        self._cached: TokenRow | None = None

    def access_token(self) -> str:
        cached = self._cached
        if cached is not None and cached.access_valid(self.clock(), self.margin):
            assert cached.access_token is not None
            return cached.access_token
        with self._lock:  # one thread per process asks the store; the store picks one process
            row = self._fresh()
            self._cached = row
            assert row.access_token is not None
            return row.access_token

    def rejected(self, access_token: str) -> None:
        """QBO answered 401 to this token: drop it here and in the store."""
        with self._lock:
            if self._cached is not None and self._cached.access_token == access_token:
                self._cached = None
        self.store.expire_access(self.realm_id, access_token)

    def _reconnect_error(self, problem: str | None) -> QuickBooksReconnectRequired:
        return QuickBooksReconnectRequired(
            f"QuickBooks is disconnected for company {self.realm_id}"
            + (f" ({problem})" if problem else "")
            + f": {RECONNECT_HINT}"
        )

    def _fresh(self) -> TokenRow:
        deadline = time.monotonic() + self.wait.total_seconds()
        pause = 0.02
        while True:
            row = self.store.token(self.realm_id)
            if row is None:
                raise QuickBooksReconnectRequired(
                    f"QuickBooks is not connected for company {self.realm_id}: set "
                    f"QBO_REFRESH_TOKEN, or {RECONNECT_HINT}"
                )
            if row.status != "connected":
                raise self._reconnect_error(row.problem)
            now = self.clock()
            if row.access_valid(now, self.margin):
                return row
            owner = uuid.uuid4().hex
            if self.store.claim_refresh(self.realm_id, owner, row.version, now, self.lease):
                return self._refresh(row, owner)
            if time.monotonic() > deadline:
                raise QuickBooksUnavailable(
                    "another arbot process has been refreshing the QuickBooks token for too "
                    "long; try again shortly"
                )
            self.sleep(pause)  # someone else is refreshing: wait for their result
            pause = min(pause * 2, 0.5)

    def _refresh(self, row: TokenRow, owner: str) -> TokenRow:
        try:
            granted = token_request(
                self.http,
                self.token_url,
                self.client_id,
                self.client_secret,
                {"grant_type": "refresh_token", "refresh_token": row.refresh_token},
                sleep=self.sleep,
            )
        except OAuthRefused as refused:
            if refused.error == "invalid_client":
                self.store.release_refresh(self.realm_id, owner)
                raise QuickBooksConfigError(
                    "Intuit does not accept QBO_CLIENT_ID / QBO_CLIENT_SECRET (invalid_client)"
                ) from None
            problem = f"Intuit refused the refresh token: {refused.error or refused}"
            self.store.mark_reconnect(self.realm_id, row.version, problem)
            raise self._reconnect_error(problem) from None
        except BaseException:
            self.store.release_refresh(self.realm_id, owner)
            raise
        self.store.save_refreshed(self.realm_id, row.version, granted.at(self.clock()))
        fresh = self.store.token(self.realm_id)
        if fresh is None or not fresh.access_valid(self.clock(), timedelta(0)):
            raise self._reconnect_error(fresh.problem if fresh else None)
        return fresh
