"""``ErpClient`` over the QuickBooks Online Accounting API v3 (see ``mapping.py`` for how QBO's
entities become arbot's records, ``transport.py`` for limits and retries, ``oauth.py`` for
tokens).

Every write is idempotent under arbot's key, three ways over:

1. a key written before (``quickbooks_writes`` says ``done``) returns its first result with
   ``replayed=True`` and sends nothing;
2. every request of a write carries a ``requestid`` derived from the key, so QBO answers a resend
   (after a timeout, a dropped connection, a 5xx) with its first response instead of writing
   again;
3. what arbot writes is marked (``[arbot <hash of the key>]`` in the memo, the note's exact
   line), so a write whose outcome was never learnt (a crash, every retry failed) is looked up
   before it is sent again, and counted as done (``replayed=True``) when it is there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import httpx

from integrations.erp.quickbooks.config import (
    MAX_PAGE,
    Cached,
    QuickBooksConfig,
)
from integrations.erp.quickbooks.errors import (
    QuickBooksConfigError,
)
from integrations.erp.quickbooks.oauth import TokenManager
from integrations.erp.quickbooks.payment_reads import QuickBooksPaymentReads
from integrations.erp.quickbooks.payments import QuickBooksPayments
from integrations.erp.quickbooks.reads import QuickBooksReads
from integrations.erp.quickbooks.store import QuickBooksStore
from integrations.erp.quickbooks.transport import (
    MAX_CONCURRENT,
    PER_MINUTE,
    Limiter,
    RealmGate,
    RetryPolicy,
    Transport,
    realm_gate,
)


class QuickBooksClient(QuickBooksReads, QuickBooksPaymentReads, QuickBooksPayments):
    """``ErpClient`` for one QuickBooks Online company (realm). Thread-safe: the product calls
    it from worker threads; requests to the realm share one concurrency and rate limit."""

    name = "quickbooks"

    def __init__(
        self,
        config: QuickBooksConfig,
        store: QuickBooksStore,
        *,
        http: httpx.Client | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        token_margin: timedelta = timedelta(minutes=5),
        max_concurrent: int = MAX_CONCURRENT,
        per_minute: int = PER_MINUTE,
        today: Callable[[], date] = date.today,
    ) -> None:
        if not 1 <= config.page_size <= MAX_PAGE:
            raise QuickBooksConfigError(f"page_size must be 1 to {MAX_PAGE}")
        self.config = config
        self.realm_id = config.realm_id
        self.store = store
        self.today = today
        self._own_http = http is None
        self.http = http or httpx.Client(
            timeout=httpx.Timeout(config.timeout, connect=10.0),
            headers={"User-Agent": "arbot-quickbooks/1"},
        )
        if config.refresh_token:
            store.seed_token(self.realm_id, config.refresh_token)
        self.tokens = TokenManager(
            store,
            self.realm_id,
            client_id=config.client_id,
            client_secret=config.client_secret,
            token_url=config.token_url,
            http=self.http,
            margin=token_margin,
            sleep=sleep,
        )
        self.transport = Transport(
            base_url=config.base_url,
            realm_id=self.realm_id,
            tokens=self.tokens,
            http=self.http,
            gate=realm_gate(
                config.base_url,
                self.realm_id,
                max_concurrent=max_concurrent,
                per_minute=per_minute,
            ),
            retry=retry or RetryPolicy(),
            sleep=sleep,
        )
        self._terms = Cached()
        self._home = Cached()
        self._item = Cached()
        self.invoice_item = Cached()
        self.po_definition = Cached()
        self._invoice_numbers: dict[str, str] = {}
        self._invoice_customers: dict[str, str] = {}

    @classmethod
    def open(cls, database_url: str, config: QuickBooksConfig, **options: Any) -> QuickBooksClient:
        return cls(config, QuickBooksStore.open(database_url), **options)

    @classmethod
    def from_env(cls, database_url: str, **options: Any) -> QuickBooksClient:
        """The client the environment describes, its tokens and tables in ``database_url`` (the
        bot's store). Raises ``QuickBooksConfigError`` naming a missing variable; a company
        with no token stored yet also needs ``QBO_REFRESH_TOKEN`` (or the connect flow)."""
        config = QuickBooksConfig.from_env()
        store = QuickBooksStore.open(database_url)
        if config.refresh_token is None and store.token(config.realm_id) is None:
            store.close()
            raise QuickBooksConfigError(
                f"QBO_REFRESH_TOKEN is not set and company {config.realm_id} was never "
                "connected: set it, or run `arbot quickbooks connect`"
            )
        return cls(config, store, **options)

    def limit_rate_with(self, limiter: Limiter) -> None:
        """Count this company's requests against ``limiter`` (one shared by the replicas,
        integrations.ratelimit) instead of this process's own window."""
        self.transport.gate = RealmGate(self.transport.gate.concurrent, limiter)

    def close(self) -> None:
        if self._own_http:
            self.http.close()
        self.store.close()
