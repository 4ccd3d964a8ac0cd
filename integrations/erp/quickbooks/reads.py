"""The QuickBooks client's reads of customers, invoices, orders, promises and notes, an entity
as arbot's record, and its change events (CDC, webhooks); payments and credits are read in
``payment_reads.py``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from integrations.erp import rules
from integrations.erp.port import Change
from integrations.erp.quickbooks import mapping as m
from integrations.erp.quickbooks import order_mapping, payment_mapping
from integrations.erp.quickbooks.entity_fields import moment_of, ref
from integrations.erp.quickbooks.errors import INVALID_QUERY, QuickBooksFault
from integrations.erp.quickbooks.queries import QuickBooksQueries
from integrations.erp.quickbooks.store import now_utc
from integrations.erp.quickbooks.wire import quote
from integrations.erp.records import (
    AgingRow,
    Customer,
    Invoice,
    Note,
    PromiseToPay,
    SalesOrder,
    invoice_number_key,
)


class QuickBooksReads(QuickBooksQueries):
    """Reads of one QuickBooks company; mixed into ``QuickBooksClient``."""

    # --- an entity as a record, change events (ChangeFeed, WebhookSource) -------------------
    def record(self, entity: str, data: dict[str, Any]) -> object | None:
        """An entity fetched by Id as arbot's record (None for kinds arbot does not read)."""
        if entity == "Customer":
            return m.customer(data, self._context(customers=True))
        if entity == "Invoice":
            return m.invoice(data, self._context())
        if entity == "Payment":
            context = self._context()
            self._resolve_invoices((t for t, _ in payment_mapping.payment_split(data)[0]), context)
            return payment_mapping.payment(data, context)
        if entity == "Estimate":
            overlay = self.store.order_statuses(self.realm_id).get(str(data["Id"]))
            return order_mapping.sales_order(data, self._context(), overlay)
        if entity == "CreditMemo":
            notes = self.store.adjustment_notes(self.realm_id).get(str(data["Id"]))
            return payment_mapping.adjustments(data, [], self._context(), notes)
        return None

    def cdc(self, entities: Sequence[str], changed_since: datetime) -> dict[str, Any]:
        """``GET /cdc``: what changed in ``entities`` since then (30 days back at most)."""
        return self.transport.get(
            "cdc",
            {"entities": ",".join(entities), "changedSince": changed_since.isoformat()},
            what="the change data capture",
        )

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
            order_mapping.sales_order(e, context, overlays.get(str(e["Id"])))
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
            created = moment_of((entity.get("MetaData") or {}).get("CreateTime")) or now_utc()
            found.extend(m.notes_in(entity.get("Notes"), str(entity["Id"]), created))
        for entity in invoices:
            if not entity.get("PrivateNote"):
                continue
            created = moment_of((entity.get("MetaData") or {}).get("CreateTime")) or now_utc()
            found.extend(
                m.notes_in(
                    entity.get("PrivateNote"),
                    ref(entity.get("CustomerRef")) or "",
                    created,
                    m.invoice_number(entity),
                )
            )
        return sorted(found, key=lambda n: n.created_at)
