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

import hashlib
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx

from integrations.erp import rules
from integrations.erp.money import ZERO
from integrations.erp.port import Change, InvalidWrite, NotFound
from integrations.erp.quickbooks import mapping as m
from integrations.erp.quickbooks.errors import (
    INVALID_QUERY,
    QuickBooksConfigError,
    QuickBooksFault,
    QuickBooksNotFound,
    StaleObject,
)
from integrations.erp.quickbooks.oauth import TOKEN_URL, TokenManager
from integrations.erp.quickbooks.store import QuickBooksStore, now_utc
from integrations.erp.quickbooks.transport import (
    MAX_CONCURRENT,
    PER_MINUTE,
    Limiter,
    RealmGate,
    RetryPolicy,
    Transport,
    realm_gate,
)
from integrations.erp.quickbooks.wire import quote
from integrations.erp.records import (
    Adjustment,
    AgingRow,
    ApplicationRequest,
    Customer,
    Invoice,
    InvoiceDraft,
    NewPayment,
    Note,
    Payment,
    PromiseToPay,
    SalesOrder,
    WriteResult,
    invoice_number_key,
    may_pay_for,
)

PRODUCTION_BASE_URL = "https://quickbooks.api.intuit.com"
SANDBOX_BASE_URL = "https://sandbox-quickbooks.api.intuit.com"
MAX_PAGE = 1000
CACHE_SECONDS = 600.0
ID_CHUNK = 200
LONG_QUERY = 1000  # longer statements go in a POST body (URL-encoded they triple)
CUSTOMER_NOTES_MAX = 2000
PRIVATE_NOTE_MAX = 4000
PAYMENT_REF_MAX = 21
REQUIRED_ENV = ("QBO_CLIENT_ID", "QBO_CLIENT_SECRET", "QBO_REALM_ID")


@dataclass(frozen=True)
class QuickBooksConfig:
    client_id: str
    client_secret: str
    realm_id: str
    base_url: str = PRODUCTION_BASE_URL
    token_url: str = TOKEN_URL
    refresh_token: str | None = None  # seeds the store; the store keeps the rotated one
    webhook_verifier: str | None = None
    po_field: str = "PO Number"  # a custom field's name or DefinitionId; "" = none
    deduction_item: str = "Deductions"  # the Item (name or Id) on write-off credit memos
    invoice_item: str = "Services"  # the Item (name or Id) on the lines of invoices arbot drafts
    home_currency: str | None = None  # None: asked of the company's preferences
    page_size: int = MAX_PAGE
    timeout: float = 60.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> QuickBooksConfig:
        env = os.environ if environ is None else environ

        def value(name: str) -> str | None:
            text = (env.get(name) or "").strip()
            return text or None

        for name in REQUIRED_ENV:
            if value(name) is None:
                raise QuickBooksConfigError(
                    f"{name} is not set: QuickBooks needs QBO_CLIENT_ID, QBO_CLIENT_SECRET and "
                    "QBO_REALM_ID (see integrations/erp/quickbooks/README.md)"
                )
        return cls(
            client_id=value("QBO_CLIENT_ID") or "",
            client_secret=value("QBO_CLIENT_SECRET") or "",
            realm_id=value("QBO_REALM_ID") or "",
            base_url=(value("QBO_BASE_URL") or PRODUCTION_BASE_URL).rstrip("/"),
            token_url=value("QBO_TOKEN_URL") or TOKEN_URL,
            refresh_token=value("QBO_REFRESH_TOKEN"),
            webhook_verifier=value("QBO_WEBHOOK_VERIFIER"),
            po_field=env.get("QBO_PO_FIELD", "PO Number").strip(),
            deduction_item=value("QBO_DEDUCTION_ITEM") or "Deductions",
            invoice_item=value("QBO_INVOICE_ITEM") or "Services",
        )


@dataclass
class Outcome:
    reference: str
    payment: tuple[str, str] | None = None
    adjustment: dict[str, Any] | None = None


@dataclass
class Progress:
    values: dict[str, Any]
    save: Callable[[dict[str, Any]], None]

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def set(self, name: str, value: Any) -> None:
        self.values[name] = value
        self.save(dict(self.values))


@dataclass
class _Cached:
    value: Any = None
    until: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def marker_for(realm_id: str, key: str) -> str:
    return f"[arbot {hashlib.sha256(f'{realm_id}:{key}'.encode()).hexdigest()[:12]}]"


def _chunks(items: Sequence[str], size: int = ID_CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class QuickBooksClient:
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
        self._terms = _Cached()
        self._home = _Cached()
        self._item = _Cached()
        self.invoice_item = _Cached()
        self.po_definition = _Cached()
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

    # --- plumbing --------------------------------------------------------------------------
    def _request_id(self, key: str, step: str) -> str:
        return hashlib.sha256(f"{self.realm_id}:{key}:{step}".encode()).hexdigest()[:40]

    def _run_query(self, statement: str, what: str) -> dict[str, Any]:
        if len(statement) > LONG_QUERY:
            document = self.transport.query_text(statement, what=what)
        else:
            document = self.transport.get("query", {"query": statement}, what=what)
        response = document.get("QueryResponse") if isinstance(document, dict) else None
        return response if isinstance(response, dict) else {}

    def query(
        self, entity: str, where: Sequence[str] = (), *, order: str | None = "Id"
    ) -> list[dict[str, Any]]:
        """Every row of ``SELECT * FROM entity WHERE …``, page by page (STARTPOSITION /
        MAXRESULTS) until a page comes back short or empty."""
        statement = f"SELECT * FROM {entity}"
        if where:
            statement += " WHERE " + " AND ".join(where)
        if order:
            statement += f" ORDERBY {order}"
        size = self.config.page_size
        rows: list[dict[str, Any]] = []
        start = 1
        while True:
            page = self._run_query(
                f"{statement} STARTPOSITION {start} MAXRESULTS {size}", f"the {entity} query"
            ).get(entity, [])
            rows.extend(r for r in page if isinstance(r, dict))
            if len(page) < size:
                return rows
            start += size

    def _by_ids(self, entity: str, ids: Iterable[str]) -> list[dict[str, Any]]:
        wanted = sorted({i for i in ids if i and i.isdigit()}, key=int)
        rows: list[dict[str, Any]] = []
        for chunk in _chunks(wanted):
            rows.extend(self.query(entity, [f"Id IN ({', '.join(quote(i) for i in chunk)})"]))
        return rows

    def fetch(self, entity: str, entity_id: str) -> dict[str, Any] | None:
        """One entity by Id (``GET /{entity}/{id}``); None when QBO has no such object."""
        if not entity_id.isdigit():
            return None
        try:
            document = self.transport.get(
                f"{entity.lower()}/{entity_id}", what=f"reading {entity} {entity_id}"
            )
        except QuickBooksNotFound:
            return None
        found = document.get(entity) if isinstance(document, dict) else None
        return found if isinstance(found, dict) else None

    def cached(self, slot: _Cached, load: Callable[[], Any]) -> Any:
        with slot.lock:
            if slot.until < time.monotonic():
                slot.value = load()
                slot.until = time.monotonic() + CACHE_SECONDS
            return slot.value

    def home_currency(self) -> str:
        if self.config.home_currency:
            return self.config.home_currency

        def load() -> str:
            document = self.transport.get("preferences", what="reading the company preferences")
            prefs = document.get("Preferences", {}) if isinstance(document, dict) else {}
            home = (prefs.get("CurrencyPrefs") or {}).get("HomeCurrency")
            return m.ref(home) or "USD"

        return self.cached(self._home, load)

    def terms(self) -> dict[str, m.Term]:
        return self.cached(
            self._terms, lambda: {str(t["Id"]): m.term(t) for t in self.query("Term", order=None)}
        )

    def _context(self, *, customers: bool = False) -> m.Context:
        return m.Context(
            home_currency=self.home_currency(),
            po_field=self.config.po_field,
            terms=self.terms() if customers else {},
            credit=self.store.credit_terms(self.realm_id) if customers else {},
            payment_ids=self.store.payment_ids(self.realm_id),
            invoice_numbers=self._invoice_numbers,
            invoice_customers=self._invoice_customers,
        )

    def _resolve_invoices(self, ids: Iterable[str], context: m.Context) -> None:
        missing = [i for i in set(ids) if i not in context.invoice_numbers]
        for entity in self._by_ids("Invoice", missing):
            m.invoice(entity, context)

    def record(self, entity: str, data: dict[str, Any]) -> object | None:
        """An entity fetched by Id as arbot's record (None for kinds arbot does not read)."""
        if entity == "Customer":
            return m.customer(data, self._context(customers=True))
        if entity == "Invoice":
            return m.invoice(data, self._context())
        if entity == "Payment":
            context = self._context()
            self._resolve_invoices((t for t, _ in m.payment_split(data)[0]), context)
            return m.payment(data, context)
        if entity == "Estimate":
            overlay = self.store.order_statuses(self.realm_id).get(str(data["Id"]))
            return m.sales_order(data, self._context(), overlay)
        if entity == "CreditMemo":
            notes = self.store.adjustment_notes(self.realm_id).get(str(data["Id"]))
            return m.adjustments(data, [], self._context(), notes)
        return None

    def cdc(self, entities: Sequence[str], changed_since: datetime) -> dict[str, Any]:
        """``GET /cdc``: what changed in ``entities`` since then (30 days back at most)."""
        return self.transport.get(
            "cdc",
            {"entities": ",".join(entities), "changedSince": changed_since.isoformat()},
            what="the change data capture",
        )

    # --- change events (ChangeFeed, WebhookSource) -----------------------------------------
    def feed_changes(self, on_change: Callable[[Change], None]) -> int:
        """``ChangeFeed``: CDC from where the last poll stopped (webhooks can be missed)."""
        from integrations.erp.quickbooks.webhooks import as_change, catch_up

        return catch_up(self, lambda event: on_change(as_change(event)))

    def webhook_router(self, on_change: Callable[[Change], None]) -> Any | None:
        """``WebhookSource``: ``POST /quickbooks/webhooks``, or None without a verifier token."""
        if not self.config.webhook_verifier:
            return None
        from integrations.erp.quickbooks.webhooks import as_change, webhook_router

        return webhook_router(
            self, self.config.webhook_verifier, lambda event: on_change(as_change(event))
        )

    # --- reads: customers ------------------------------------------------------------------
    def list_customers(self) -> list[Customer]:
        context = self._context(customers=True)
        found = [m.customer(e, context) for e in self.query("Customer")]
        return sorted(found, key=lambda c: c.customer_id)

    def get_customer(self, customer_id: str) -> Customer | None:
        entity = self.fetch("Customer", customer_id)
        return m.customer(entity, self._context(customers=True)) if entity else None

    # --- reads: invoices -------------------------------------------------------------------
    def _invoice_entity(self, invoice_number: str) -> dict[str, Any] | None:
        number = invoice_number.strip()
        if not number:
            return None
        rows = self.query("Invoice", [f"DocNumber = {quote(number)}"])
        if rows:
            return rows[0]
        if number.isdigit():
            entity = self.fetch("Invoice", number)
            if entity is not None and not entity.get("DocNumber"):
                return entity
        return None

    def get_invoice(self, invoice_number: str) -> Invoice | None:
        entity = self._invoice_entity(invoice_number)
        return m.invoice(entity, self._context()) if entity else None

    @staticmethod
    def _sorted(invoices: Iterable[Invoice]) -> list[Invoice]:
        return sorted(invoices, key=lambda i: (i.due_date, i.invoice_number))

    def invoices(self, customer_id: str | None = None, *, open_only: bool = True) -> list[Invoice]:
        where = []
        if customer_id is not None:
            if not customer_id.isdigit():
                return []
            where.append(f"CustomerRef = {quote(customer_id)}")
        if open_only:
            where.append("Balance > '0'")
        context = self._context()
        return self._sorted(m.invoice(e, context) for e in self.query("Invoice", where))

    def find_invoices(self, reference: str) -> list[Invoice]:
        key = invoice_number_key(reference)
        if not key:
            return []
        context = self._context()
        rows: list[dict[str, Any]] | None = None
        if key.isdigit():
            try:
                rows = self.query("Invoice", [f"DocNumber LIKE {quote('%' + key + '%')}"])
            except QuickBooksFault as fault:
                if not set(fault.codes) & set(INVALID_QUERY):
                    raise
        if rows is None:
            rows = self.query("Invoice")
        found = [m.invoice(e, context) for e in rows]
        return sorted(
            (i for i in found if invoice_number_key(i.invoice_number) == key),
            key=lambda i: i.invoice_number,
        )

    def invoices_by_po(self, po_number: str) -> list[Invoice]:
        """QBO cannot query custom fields: every invoice is read and compared."""
        wanted = po_number.strip().upper()
        if not wanted or not self.config.po_field:
            return []
        context = self._context()
        found = [m.invoice(e, context) for e in self.query("Invoice")]
        return sorted(
            (i for i in found if (i.po_number or "").upper() == wanted),
            key=lambda i: i.invoice_date,
        )

    def aging(self, as_of: date, customer_id: str | None = None) -> list[AgingRow]:
        return rules.aging_rows(self.invoices(customer_id, open_only=True), as_of)

    # --- reads: payments and credits -------------------------------------------------------
    def _payments(self, entities: Iterable[dict[str, Any]]) -> list[Payment]:
        rows = list(entities)
        context = self._context()
        self._resolve_invoices((txn for e in rows for txn, _ in m.payment_split(e)[0]), context)
        return [p for p in (m.payment(e, context) for e in rows) if p is not None]

    def payments(
        self,
        customer_id: str | None = None,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Payment]:
        where = []
        if customer_id is not None:
            if not customer_id.isdigit():
                return []
            where.append(f"CustomerRef = {quote(customer_id)}")
        if since is not None:
            where.append(f"TxnDate >= {quote(since.isoformat())}")
        if until is not None:
            where.append(f"TxnDate <= {quote(until.isoformat())}")
        found = self._payments(self.query("Payment", where))
        found.sort(key=lambda p: (p.received_on, p.payment_id), reverse=True)
        return found[:limit] if limit is not None else found

    def _linked_payments(self, invoice: dict[str, Any]) -> list[dict[str, Any]]:
        ids = [
            str(link["TxnId"])
            for link in invoice.get("LinkedTxn") or []
            if isinstance(link, dict) and link.get("TxnType") == "Payment"
        ]
        return self._by_ids("Payment", ids)

    def payments_for_invoice(self, invoice_number: str) -> list[Payment]:
        invoice = self._invoice_entity(invoice_number)
        if invoice is None:
            return []
        number = m.invoice_number(invoice)
        found = [
            p
            for p in self._payments(self._linked_payments(invoice))
            if any(a.invoice_number == number for a in p.applications)
        ]
        return sorted(found, key=lambda p: (p.received_on, p.payment_id))

    def _payment_entity(self, payment_id: str) -> dict[str, Any] | None:
        """The QBO Payment arbot wrote under ``payment_id``, else the one ``QBO-<Id>`` names
        (unless arbot knows that one by another id)."""
        mapped = self.store.qbo_payment_id(self.realm_id, payment_id)
        if mapped is not None:
            return self.fetch("Payment", mapped)
        if not payment_id.upper().startswith(m.PAYMENT_PREFIX):
            return None
        qbo_id = payment_id[len(m.PAYMENT_PREFIX) :]
        if not qbo_id.isdigit() or qbo_id != str(int(qbo_id)):
            return None
        known_as = self.store.payment_ids(self.realm_id).get(qbo_id)
        if known_as is not None and known_as != payment_id:
            return None
        return self.fetch("Payment", qbo_id)

    def get_payment(self, payment_id: str) -> Payment | None:
        entity = self._payment_entity(payment_id)
        if entity is None:
            return None
        found = self._payments([entity])
        return found[0] if found else None

    def adjustments(
        self, customer_id: str | None = None, *, invoice_number: str | None = None
    ) -> list[Adjustment]:
        context = self._context()
        notes = self.store.adjustment_notes(self.realm_id)
        applied: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
        if invoice_number is not None:
            invoice = self._invoice_entity(invoice_number)
            if invoice is None:
                return []
            inv_id = str(invoice["Id"])
            for payment in self._linked_payments(invoice):
                for memo, txn, value in m.credit_applications(payment):
                    if txn == inv_id:
                        applied[memo].append((m.invoice_number(invoice), value))
            memos = self._by_ids("CreditMemo", list(applied))
            out = [
                a
                for memo in memos
                for a in m.adjustments(
                    memo, applied[str(memo["Id"])], context, notes.get(str(memo["Id"]))
                )
                if a.invoice_number is not None
            ]
        else:
            where = []
            if customer_id is not None:
                if not customer_id.isdigit():
                    return []
                where.append(f"CustomerRef = {quote(customer_id)}")
            memos = self.query("CreditMemo", where)
            links = [
                link
                for payment in self.query("Payment", where)
                for link in m.credit_applications(payment)
            ]
            self._resolve_invoices((txn for _, txn, _ in links), context)
            for memo, txn, value in links:
                applied[memo].append((context.invoice_numbers.get(txn, txn), value))
            out = [
                a
                for memo in memos
                for a in m.adjustments(
                    memo, applied[str(memo["Id"])], context, notes.get(str(memo["Id"]))
                )
            ]
        return sorted(out, key=lambda a: (a.adjusted_on, a.adjustment_id, a.invoice_number or ""))

    # --- reads: orders, promises, notes ----------------------------------------------------
    def sales_orders(
        self, customer_id: str | None = None, *, status: str | None = None
    ) -> list[SalesOrder]:
        where = []
        if customer_id is not None:
            if not customer_id.isdigit():
                return []
            where.append(f"CustomerRef = {quote(customer_id)}")
        context = self._context()
        overlays = self.store.order_statuses(self.realm_id)
        orders = [
            m.sales_order(e, context, overlays.get(str(e["Id"])))
            for e in self.query("Estimate", where)
        ]
        if status is not None:
            orders = [o for o in orders if o.status == status]
        return sorted(orders, key=lambda o: (o.order_date, o.order_id))

    def promises(self, customer_id: str | None = None) -> list[PromiseToPay]:
        """QBO has no promise-to-pay; none are read from it."""
        return []

    def notes(self, customer_id: str | None = None) -> list[Note]:
        if customer_id is not None:
            entity = self.fetch("Customer", customer_id)
            if entity is None:
                return []
            customers = [entity]
            invoices = self.query("Invoice", [f"CustomerRef = {quote(customer_id)}"])
        else:
            customers = self.query("Customer")
            invoices = self.query("Invoice")
        found: list[Note] = []
        for entity in customers:
            created = m.moment_of((entity.get("MetaData") or {}).get("CreateTime")) or now_utc()
            found.extend(m.notes_in(entity.get("Notes"), str(entity["Id"]), created))
        for entity in invoices:
            if not entity.get("PrivateNote"):
                continue
            created = m.moment_of((entity.get("MetaData") or {}).get("CreateTime")) or now_utc()
            found.extend(
                m.notes_in(
                    entity.get("PrivateNote"),
                    m.ref(entity.get("CustomerRef")) or "",
                    created,
                    m.invoice_number(entity),
                )
            )
        return sorted(found, key=lambda n: n.created_at)

    # --- writes: the idempotency frame -----------------------------------------------------
    def _idempotent(
        self,
        key: str,
        action: str,
        *,
        find_done: Callable[[Progress], Outcome | None],
        validate: Callable[[], Any],
        send: Callable[[Any, Progress], Outcome],
    ) -> WriteResult:
        rules.require_key(key)
        row = self.store.write(self.realm_id, key)
        if row is not None and row.status == "done":
            return WriteResult(row.erp_reference or "", key, replayed=True)
        if row is not None:
            # An earlier attempt began and never learnt how it ended: look before resending.
            progress = Progress(dict(row.progress), self._saver(key))
            found = find_done(progress)
            if found is not None:
                self._finish(key, found)
                return WriteResult(found.reference, key, replayed=True)
        plan = validate()
        row, _ = self.store.begin_write(self.realm_id, key, action)
        if row.status == "done":
            return WriteResult(row.erp_reference or "", key, replayed=True)
        outcome = send(plan, Progress(dict(row.progress), self._saver(key)))
        self._finish(key, outcome)
        return WriteResult(outcome.reference, key)

    def _saver(self, key: str) -> Callable[[dict[str, Any]], None]:
        return lambda values: self.store.save_progress(self.realm_id, key, values)

    def _finish(self, key: str, outcome: Outcome) -> None:
        self.store.finish_write(
            self.realm_id,
            key,
            outcome.reference,
            payment=outcome.payment,
            adjustment=outcome.adjustment,
        )

    def _customer_entity(self, customer_id: str) -> dict[str, Any]:
        entity = self.fetch("Customer", customer_id)
        if entity is None:
            raise NotFound(f"customer {customer_id} does not exist")
        return entity

    def _invoice_or_fail(self, invoice_number: str) -> dict[str, Any]:
        entity = self._invoice_entity(invoice_number)
        if entity is None:
            raise NotFound(f"invoice {invoice_number} does not exist")
        return entity

    def _update(
        self,
        entity: str,
        entity_id: str,
        key: str,
        step: str,
        change: Callable[[dict[str, Any]], dict[str, Any] | None],
    ) -> dict[str, Any]:
        """A sparse update from a fresh read: ``change(current)`` gives the fields to set (None:
        nothing to do). On a stale SyncToken (fault 5010) it reads again and retries once."""
        for attempt in range(2):
            current = self.fetch(entity, entity_id)
            if current is None:
                raise NotFound(f"{entity} {entity_id} does not exist in QuickBooks")
            fields = change(current)
            if fields is None:
                return current
            body = {"Id": entity_id, "SyncToken": current["SyncToken"], "sparse": True, **fields}
            request_id = self._request_id(key, f"{step}:{attempt}:{current['SyncToken']}")
            try:
                document = self.transport.post(
                    entity.lower(),
                    body,
                    request_id=request_id,
                    what=f"updating {entity} {entity_id}",
                )
            except StaleObject:
                if attempt == 0:
                    continue
                raise
            return document.get(entity, {})
        raise AssertionError("unreachable")

    def _create(self, entity: str, body: dict[str, Any], key: str, step: str) -> dict[str, Any]:
        document = self.transport.post(
            entity.lower(),
            body,
            request_id=self._request_id(key, step),
            what=f"creating a {entity}",
        )
        created = document.get(entity) if isinstance(document, dict) else None
        if not isinstance(created, dict) or "Id" not in created:
            raise QuickBooksFault(f"QuickBooks did not return the {entity} it created")
        return created

    def _currency_ref(self, currency: str) -> dict[str, Any]:
        return {} if currency == self.home_currency() else {"CurrencyRef": {"value": currency}}

    # --- writes: payments ------------------------------------------------------------------
    @staticmethod
    def _related(payer: dict[str, Any], owner: dict[str, Any]) -> bool:
        """A payer may pay its own invoices and those of its parent or sub-customers."""
        return may_pay_for(
            str(payer["Id"]),
            m.ref(payer.get("ParentRef")),
            str(owner["Id"]),
            m.ref(owner.get("ParentRef")),
        )

    def apply_payment(
        self,
        payment: NewPayment,
        applications: Sequence[ApplicationRequest],
        *,
        idempotency_key: str,
    ) -> WriteResult:
        """One QBO Payment per arbot payment id: created with a line per invoice (partial
        amounts allowed, the rest stays unapplied), or — when it exists — given more lines."""
        currency = payment.currency
        total = rules.positive_payment(payment.payment_id, payment.amount, currency)
        key = idempotency_key
        marker = marker_for(self.realm_id, key)

        def find_done(progress: Progress) -> Outcome | None:
            qbo_id = progress.get("payment")
            known = (
                self.fetch("Payment", qbo_id)
                if qbo_id
                else self._payment_entity(payment.payment_id)
            )
            if known is not None:
                candidates = [known]
            else:
                candidates = self.query(
                    "Payment",
                    [
                        f"CustomerRef = {quote(payment.customer_id)}",
                        f"TxnDate = {quote(payment.received_on.isoformat())}",
                    ],
                )
            for entity in candidates:
                if marker in str(entity.get("PrivateNote") or ""):
                    qid = str(entity["Id"])
                    return Outcome(f"Payment {qid}", payment=(payment.payment_id, qid))
            return None

        def validate() -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
            payer = self._customer_entity(payment.customer_id)
            existing = self._payment_entity(payment.payment_id)
            unapplied = total
            if existing is not None:
                recorded = (
                    m.ref(existing.get("CustomerRef")),
                    m.amount(existing.get("TotalAmt")),
                    m.currency_of(existing, m.Context(home_currency=self.home_currency())),
                )
                rules.same_payment(
                    payment.payment_id,
                    (recorded[0] or "", recorded[1], recorded[2]),
                    (payment.customer_id, total, currency),
                )
                unapplied = m.amount(existing.get("UnappliedAmt"))
            lines: dict[str, Decimal] = {}
            entities: dict[str, dict[str, Any]] = {}
            owners: dict[str, dict[str, Any]] = {str(payer["Id"]): payer}
            for request in applications:
                number = request.invoice_number
                applied = rules.positive_application(number, request.amount, currency)
                invoice = self._invoice_or_fail(number)
                inv_currency = m.currency_of(invoice, m.Context(home_currency=self.home_currency()))
                rules.payment_currency_matches(number, inv_currency, currency)
                owner_id = m.ref(invoice.get("CustomerRef")) or ""
                if owner_id not in owners:
                    owners[owner_id] = self._customer_entity(owner_id)
                rules.payer_may_pay(
                    number, owner_id, payment.customer_id, self._related(payer, owners[owner_id])
                )
                inv_id = str(invoice["Id"])
                lines[inv_id] = lines.get(inv_id, ZERO) + applied
                entities[inv_id] = invoice
                rules.within_balance(
                    number, m.amount(invoice.get("Balance")), currency, lines[inv_id]
                )
                if sum(lines.values(), ZERO) > unapplied:
                    rules.enough_unapplied(payment.payment_id, ZERO, applied, number)
            new_lines = [
                {"Amount": value, "LinkedTxn": [{"TxnId": inv_id, "TxnType": "Invoice"}]}
                for inv_id, value in lines.items()
            ]
            return new_lines, existing

        def send(
            plan: tuple[list[dict[str, Any]], dict[str, Any] | None], progress: Progress
        ) -> Outcome:
            new_lines, existing = plan
            qbo_id = progress.get("payment") or (str(existing["Id"]) if existing else None)
            if qbo_id is None:
                memo = m.clean_memo(payment.reference)
                note = f"{memo} {marker}".strip()
                if len(note) > PRIVATE_NOTE_MAX:
                    note = memo[: PRIVATE_NOTE_MAX - len(marker) - 1] + " " + marker
                body = {
                    "CustomerRef": {"value": payment.customer_id},
                    "TotalAmt": total,
                    "TxnDate": payment.received_on.isoformat(),
                    "PaymentRefNum": payment.payment_id[:PAYMENT_REF_MAX],
                    "PrivateNote": note,
                    "Line": new_lines,
                    **self._currency_ref(currency),
                }
                created = self._create("Payment", body, key, "payment")
                qbo_id = str(created["Id"])
                progress.set("payment", qbo_id)
                return Outcome(f"Payment {qbo_id}", payment=(payment.payment_id, qbo_id))

            def change(current: dict[str, Any]) -> dict[str, Any] | None:
                note = str(current.get("PrivateNote") or "")
                if marker in note:
                    return None
                merged: dict[str, Decimal] = {}
                for line in current.get("Line") or []:
                    for txn in m.linked(line, "Invoice"):
                        merged[txn] = merged.get(txn, ZERO) + m.amount(line.get("Amount"))
                others = [
                    {"Amount": m.amount(line.get("Amount")), "LinkedTxn": line["LinkedTxn"]}
                    for line in current.get("Line") or []
                    if not m.linked(line, "Invoice") and line.get("LinkedTxn")
                ]
                for line in new_lines:
                    txn = line["LinkedTxn"][0]["TxnId"]
                    merged[txn] = merged.get(txn, ZERO) + line["Amount"]
                lines = [
                    {"Amount": value, "LinkedTxn": [{"TxnId": txn, "TxnType": "Invoice"}]}
                    for txn, value in merged.items()
                ] + others
                return {"Line": lines, "PrivateNote": f"{note} {marker}".strip()}

            self._update("Payment", qbo_id, key, "payment-lines", change)
            return Outcome(f"Payment {qbo_id}", payment=(payment.payment_id, qbo_id))

        return self._idempotent(
            key, "apply_payment", find_done=find_done, validate=validate, send=send
        )

    # --- writes: adjustments ---------------------------------------------------------------
    def item_id(self, wanted: str, slot: _Cached, purpose: str, variable: str) -> str:
        def load() -> str | None:
            if wanted.isdigit():
                return wanted
            rows = self.query("Item", [f"Name = {quote(wanted)}"], order=None)
            return str(rows[0]["Id"]) if rows else None

        item = self.cached(slot, load)
        if item is None:
            slot.until = 0.0
            raise InvalidWrite(
                f"QuickBooks has no item named {wanted!r} for {purpose}: create a Service item "
                f"with that name (or set {variable})"
            )
        return item

    def _deduction_item(self) -> str:
        return self.item_id(
            self.config.deduction_item, self._item, "write-off credit memos", "QBO_DEDUCTION_ITEM"
        )

    def create_adjustment(
        self,
        *,
        customer_id: str,
        invoice_number: str | None,
        amount: Decimal,
        currency: str,
        kind: str,
        reason_code: str | None,
        memo: str,
        idempotency_key: str,
    ) -> WriteResult:
        """A CreditMemo for the amount; against an invoice, applied to it with a zero-amount
        Payment that links both (QBO's way to use a credit)."""
        value = rules.positive_adjustment(amount, currency)
        key = idempotency_key
        marker = marker_for(self.realm_id, key)
        notes = {
            "invoice_number": invoice_number,
            "kind": kind,
            "reason_code": reason_code,
            "memo": memo,
        }

        def outcome(memo_id: str) -> Outcome:
            return Outcome(f"CreditMemo {memo_id}", adjustment={"credit_memo_id": memo_id, **notes})

        def find_done(progress: Progress) -> Outcome | None:
            memo_id = progress.get("credit_memo")
            if memo_id is None:
                for entity in self.query("CreditMemo", [f"CustomerRef = {quote(customer_id)}"]):
                    if marker in str(entity.get("PrivateNote") or ""):
                        memo_id = str(entity["Id"])
                        progress.set("credit_memo", memo_id)
                        break
            if memo_id is None:
                return None
            if invoice_number is None or progress.get("link"):
                return outcome(memo_id)
            entity = self.fetch("CreditMemo", memo_id)
            remaining = m.amount(
                (entity or {}).get("RemainingCredit", (entity or {}).get("Balance"))
            )
            return outcome(memo_id) if entity is not None and remaining <= 0 else None

        def validate() -> tuple[str | None, str]:
            customer = self._customer_entity(customer_id)
            context = m.Context(home_currency=self.home_currency())
            invoice_id = None
            if invoice_number is not None:
                invoice = self._invoice_or_fail(invoice_number)
                rules.adjustment_fits_invoice(
                    m.invoice(invoice, context), customer_id, currency, value
                )
                invoice_id = str(invoice["Id"])
            else:
                rules.billed_in(customer_id, m.currency_of(customer, context), currency)
            return invoice_id, self._deduction_item()

        def send(plan: tuple[str | None, str], progress: Progress) -> Outcome:
            invoice_id, item = plan
            memo_id = progress.get("credit_memo")
            if memo_id is None:
                on = f" on invoice {invoice_number}" if invoice_number else ""
                reason = f" ({reason_code})" if reason_code else ""
                note = f"arbot {kind.replace('_', ' ')}{reason}{on}: {m.clean_memo(memo)}"
                note = note[: PRIVATE_NOTE_MAX - len(marker) - 1] + " " + marker
                body = {
                    "CustomerRef": {"value": customer_id},
                    "TxnDate": self.today().isoformat(),
                    "PrivateNote": note,
                    "Line": [
                        {
                            "Amount": value,
                            "DetailType": "SalesItemLineDetail",
                            "Description": (memo or kind.replace("_", " "))[:4000],
                            "SalesItemLineDetail": {
                                "ItemRef": {"value": item},
                                "Qty": 1,
                                "UnitPrice": value,
                            },
                        }
                    ],
                    **self._currency_ref(currency),
                }
                memo_id = str(self._create("CreditMemo", body, key, "creditmemo")["Id"])
                progress.set("credit_memo", memo_id)
            if invoice_id is not None and not progress.get("link"):
                body = {
                    "CustomerRef": {"value": customer_id},
                    "TotalAmt": ZERO,
                    "TxnDate": self.today().isoformat(),
                    "PrivateNote": f"arbot: credit memo {memo_id} applied to invoice "
                    f"{invoice_number} {marker}",
                    "Line": [
                        {
                            "Amount": value,
                            "LinkedTxn": [{"TxnId": invoice_id, "TxnType": "Invoice"}],
                        },
                        {
                            "Amount": value,
                            "LinkedTxn": [{"TxnId": memo_id, "TxnType": "CreditMemo"}],
                        },
                    ],
                    **self._currency_ref(currency),
                }
                link = self._create("Payment", body, key, "link")
                progress.set("link", str(link["Id"]))
            return outcome(memo_id)

        return self._idempotent(
            key, "create_adjustment", find_done=find_done, validate=validate, send=send
        )

    # --- writes: credit terms (kept by arbot) ----------------------------------------------
    def _set_credit(self, customer_id: str, key: str, action: str, **values: Any) -> WriteResult:
        rules.require_key(key)
        row = self.store.write(self.realm_id, key)
        if row is not None and row.status == "done":
            return WriteResult(row.erp_reference or "", key, replayed=True)
        self._customer_entity(customer_id)
        reference = f"customer {customer_id} (arbot store)"
        if self.store.set_credit(self.realm_id, customer_id, key, action, reference, **values):
            return WriteResult(reference, key)
        row = self.store.write(self.realm_id, key)
        return WriteResult(row.erp_reference if row else reference, key, replayed=True)

    def set_credit_limit(
        self, customer_id: str, limit: Decimal, *, idempotency_key: str
    ) -> WriteResult:
        """QBO has no credit limit: arbot keeps it (``quickbooks_credit``)."""
        return self._set_credit(
            customer_id, idempotency_key, "set_credit_limit", credit_limit=rules.credit_limit(limit)
        )

    def set_credit_hold(
        self, customer_id: str, on_hold: bool, *, idempotency_key: str
    ) -> WriteResult:
        """QBO has no credit hold (``Active=false`` hides a customer; it is not a hold): arbot
        keeps it (``quickbooks_credit``)."""
        return self._set_credit(
            customer_id, idempotency_key, "set_credit_hold", on_hold=bool(on_hold)
        )

    def set_payment_terms(
        self,
        customer_id: str,
        terms_days: int,
        *,
        idempotency_key: str,
        discount_percent: Decimal = ZERO,
        discount_days: int = 0,
    ) -> WriteResult:
        """See ``billing.set_payment_terms``."""
        from integrations.erp.quickbooks import billing

        return billing.set_payment_terms(
            self, customer_id, terms_days, idempotency_key, discount_percent, discount_days
        )

    def missing_terms(
        self, terms_days: int, discount_percent: Decimal, discount_days: int
    ) -> str | None:
        """``TermsCatalog``: see ``billing.term_for``."""
        from integrations.erp.quickbooks import billing

        try:
            billing.term_for(self, terms_days, discount_percent, discount_days)
        except InvalidWrite as missing:
            return str(missing)
        return None

    def create_invoice(self, draft: InvoiceDraft, *, idempotency_key: str) -> WriteResult:
        """See ``billing.create_invoice``."""
        from integrations.erp.quickbooks import billing

        return billing.create_invoice(self, draft, idempotency_key)

    # --- writes: notes and orders ----------------------------------------------------------
    def add_note(
        self,
        customer_id: str,
        text: str,
        *,
        author: str,
        invoice_number: str | None = None,
        idempotency_key: str,
    ) -> WriteResult:
        """A timestamped line appended to ``Invoice.PrivateNote`` (internal, never printed) or
        ``Customer.Notes``; what is there stays."""
        rules.note_text(text)
        key = idempotency_key
        entity = "Invoice" if invoice_number is not None else "Customer"
        field_name = "PrivateNote" if invoice_number is not None else "Notes"
        limit = PRIVATE_NOTE_MAX if invoice_number is not None else CUSTOMER_NOTES_MAX

        def target() -> str:
            if invoice_number is None:
                return str(self._customer_entity(customer_id)["Id"])
            return str(self._invoice_or_fail(invoice_number)["Id"])

        def find_done(progress: Progress) -> Outcome | None:
            line, target_id = progress.get("line"), progress.get("target")
            if not line or not target_id:
                return None
            current = self.fetch(entity, target_id) or {}
            if line in str(current.get(field_name) or "").splitlines():
                return Outcome(f"{entity} {target_id}")
            return None

        def validate() -> str:
            self._customer_entity(customer_id)
            return target()

        def send(target_id: str, progress: Progress) -> Outcome:
            line = progress.get("line")
            if not line:
                line = m.note_line(now_utc(), author, text)
                progress.values["target"] = target_id
                progress.set("line", line)

            def change(current: dict[str, Any]) -> dict[str, Any] | None:
                existing = str(current.get(field_name) or "")
                if line in existing.splitlines():
                    return None
                updated = f"{existing.rstrip()}\n{line}" if existing.strip() else line
                if len(updated) > limit:
                    raise InvalidWrite(
                        f"the {entity.lower()}'s {field_name} in QuickBooks is full ({limit} "
                        "characters); nothing was overwritten — tidy it in QuickBooks first"
                    )
                return {field_name: updated}

            self._update(entity, target_id, key, "note", change)
            return Outcome(f"{entity} {target_id}")

        return self._idempotent(key, "add_note", find_done=find_done, validate=validate, send=send)

    def set_sales_order_status(
        self, order_id: str, status: str, *, idempotency_key: str
    ) -> WriteResult:
        """The estimate's TxnStatus where QBO has a match (approved/released → Accepted,
        shipped → Closed, cancelled → Rejected, pending/on hold → Pending); the finer state
        (on hold, released) is kept by arbot and read back while QBO's status stays put."""
        rules.order_status(status)
        key = idempotency_key
        est_id = m.estimate_id(order_id)
        if est_id is None:
            raise NotFound(f"sales order {order_id} does not exist")
        wanted = m.QBO_STATUS_FOR[status]
        reference = f"Estimate {est_id}"

        def find_done(progress: Progress) -> Outcome | None:
            overlay = self.store.order_statuses(self.realm_id).get(est_id)
            current = self.fetch("Estimate", est_id) or {}
            if overlay == (status, wanted) and current.get("TxnStatus") == wanted:
                return Outcome(reference)
            return None

        def validate() -> None:
            if self.fetch("Estimate", est_id) is None:
                raise NotFound(f"sales order {order_id} does not exist")

        def send(_plan: None, progress: Progress) -> Outcome:
            self._update(
                "Estimate",
                est_id,
                key,
                "status",
                lambda current: (
                    None if current.get("TxnStatus") == wanted else {"TxnStatus": wanted}
                ),
            )
            self.store.set_order_status(self.realm_id, est_id, status, wanted)
            return Outcome(reference)

        return self._idempotent(
            key, "set_sales_order_status", find_done=find_done, validate=validate, send=send
        )
