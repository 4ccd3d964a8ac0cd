"""The QuickBooks client's reads: queries, cached lookups, change events and every record
arbot reads (customers, invoices, payments, credits, orders, promises, notes)."""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from integrations.erp import rules
from integrations.erp.port import Change
from integrations.erp.quickbooks import mapping as m
from integrations.erp.quickbooks.config import (
    CACHE_SECONDS,
    LONG_QUERY,
    Cached,
    ClientParts,
    chunks,
)
from integrations.erp.quickbooks.errors import (
    INVALID_QUERY,
    QuickBooksFault,
    QuickBooksNotFound,
)
from integrations.erp.quickbooks.store import now_utc
from integrations.erp.quickbooks.wire import quote
from integrations.erp.records import (
    Adjustment,
    AgingRow,
    Customer,
    Invoice,
    Note,
    Payment,
    PromiseToPay,
    SalesOrder,
    invoice_number_key,
)


class QuickBooksReads(ClientParts):
    """Reads of one QuickBooks company; mixed into ``QuickBooksClient``."""

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
        for chunk in chunks(wanted):
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

    def cached(self, slot: Cached, load: Callable[[], Any]) -> Any:
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
