"""The local ledger's reads: customers, invoices, payments with their applications, adjustments,
sales orders, promises, notes, aging, the change feed, and the bulk look-ups (``local.bulk``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import date

from sqlalchemy import Connection, Engine, RowMapping, func, select

from integrations.erp import rules
from integrations.erp.local import schema as t
from integrations.erp.local.ledger_records import (
    adjustment_of,
    customer_of,
    invoice_of,
    payment_of,
)
from integrations.erp.local.plain_reads import plain_rows, point_reads
from integrations.erp.port import Change
from integrations.erp.records import (
    Adjustment,
    AgingRow,
    Application,
    Customer,
    Invoice,
    Note,
    Payment,
    PromiseToPay,
    SalesOrder,
    invoice_number_key,
)
from integrations.plain_in import chunks


class LedgerReads:
    """Reads are plain queries on the ledger's engine."""

    engine: Engine

    # --- meta ------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(t.meta.c.value).where(t.meta.c.key == key))

    def counts(self) -> dict[str, int]:
        tables = {
            "customers": t.customers,
            "invoices": t.invoices,
            "payments": t.payments,
            "applications": t.applications,
            "adjustments": t.adjustments,
            "sales_orders": t.sales_orders,
            "promises": t.promises,
            "notes": t.notes,
        }
        with self.engine.connect() as conn:
            return {
                name: conn.scalar(select(func.count()).select_from(table)) or 0
                for name, table in tables.items()
            }

    # --- reads -----------------------------------------------------------------------------
    def list_customers(self) -> list[Customer]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.customers).order_by(t.customers.c.customer_id))
            return [customer_of(r) for r in rows.mappings()]

    def has_customers(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.customers.c.customer_id).limit(1)).first() is not None

    def customer_names(self) -> list[tuple[str, str]]:
        c = t.customers.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.customer_id, c.name).order_by(c.customer_id)).all()
        return [(cid, name) for cid, name in rows]

    def get_customer(self, customer_id: str) -> Customer | None:
        with self.engine.connect() as conn:
            rows = plain_rows(
                conn, "ledger:customer", point_reads()["customer"], {"id": customer_id}
            )
        return customer_of(rows[0]) if rows else None

    def get_invoice(self, invoice_number: str) -> Invoice | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(t.invoices).where(t.invoices.c.invoice_number == invoice_number)
                )
                .mappings()
                .first()
            )
        return invoice_of(row) if row else None

    def find_invoices(self, reference: str) -> list[Invoice]:
        key = invoice_number_key(reference)
        if not key:
            return []
        with self.engine.connect() as conn:
            rows = plain_rows(conn, "ledger:invoices_by_key", point_reads()["by_key"], {"key": key})
        return [invoice_of(r) for r in rows]

    def invoices_by_po(self, po_number: str) -> list[Invoice]:
        wanted = po_number.strip().upper()
        with self.engine.connect() as conn:
            rows = plain_rows(conn, "ledger:invoices_by_po", point_reads()["by_po"], {"po": wanted})
        return [invoice_of(r) for r in rows]

    def invoices(self, customer_id: str | None = None, *, open_only: bool = True) -> list[Invoice]:
        query = select(t.invoices).order_by(t.invoices.c.due_date, t.invoices.c.invoice_number)
        if customer_id is not None:
            query = query.where(t.invoices.c.customer_id == customer_id)
        if open_only:
            query = query.where(t.invoices.c.balance > 0)
        with self.engine.connect() as conn:
            return [invoice_of(r) for r in conn.execute(query).mappings()]

    def iter_open_invoices(self) -> Iterator[Invoice]:
        """``invoices(open_only=True)`` one at a time, as the rows arrive (a cash run indexes
        them without holding the ledger's whole list; on PostgreSQL a server-side cursor)."""
        query = (
            select(t.invoices)
            .where(t.invoices.c.balance > 0)
            .order_by(t.invoices.c.due_date, t.invoices.c.invoice_number)
        )
        with self.engine.connect() as conn:
            rows = conn.execution_options(stream_results=True, yield_per=2000).execute(query)
            for row in rows.mappings():
                yield invoice_of(row)

    def _with_applications(self, conn: Connection, rows: Sequence[RowMapping]) -> list[Payment]:
        ids = [r["payment_id"] for r in rows]
        by_payment: dict[str, list[Application]] = defaultdict(list)
        for chunk in chunks(ids):
            apps = conn.execute(
                select(t.applications)
                .where(t.applications.c.payment_id.in_(chunk))
                .order_by(t.applications.c.id)
            ).mappings()
            for a in apps:
                by_payment[a["payment_id"]].append(
                    Application(a["payment_id"], a["invoice_number"], a["amount"], a["applied_on"])
                )
        return [payment_of(r, by_payment[r["payment_id"]]) for r in rows]

    def payments(
        self,
        customer_id: str | None = None,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Payment]:
        p = t.payments.c
        query = select(t.payments).order_by(p.received_on.desc(), p.payment_id.desc())
        if customer_id is not None:
            query = query.where(p.customer_id == customer_id)
        if since is not None:
            query = query.where(p.received_on >= since)
        if until is not None:
            query = query.where(p.received_on <= until)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            rows = list(conn.execute(query).mappings())
            return self._with_applications(conn, rows)

    def get_payment(self, payment_id: str) -> Payment | None:
        with self.engine.connect() as conn:
            rows = list(
                conn.execute(
                    select(t.payments).where(t.payments.c.payment_id == payment_id)
                ).mappings()
            )
            found = self._with_applications(conn, rows)
        return found[0] if found else None

    def payments_for_invoice(self, invoice_number: str) -> list[Payment]:
        applied = select(t.applications.c.payment_id).where(
            t.applications.c.invoice_number == invoice_number
        )
        query = (
            select(t.payments)
            .where(t.payments.c.payment_id.in_(applied))
            .order_by(t.payments.c.received_on, t.payments.c.payment_id)
        )
        with self.engine.connect() as conn:
            rows = list(conn.execute(query).mappings())
            return self._with_applications(conn, rows)

    def adjustments(
        self, customer_id: str | None = None, *, invoice_number: str | None = None
    ) -> list[Adjustment]:
        a = t.adjustments.c
        query = select(t.adjustments).order_by(a.adjusted_on, a.adjustment_id)
        if customer_id is not None:
            query = query.where(a.customer_id == customer_id)
        if invoice_number is not None:
            query = query.where(a.invoice_number == invoice_number)
        with self.engine.connect() as conn:
            return [adjustment_of(r) for r in conn.execute(query).mappings()]

    def sales_orders(
        self, customer_id: str | None = None, *, status: str | None = None
    ) -> list[SalesOrder]:
        from integrations.erp.local.orders import read_sales_orders

        return read_sales_orders(self.engine, customer_id, status)

    def promises(self, customer_id: str | None = None) -> list[PromiseToPay]:
        p = t.promises.c
        query = select(t.promises).order_by(p.promised_on, p.id)
        if customer_id is not None:
            query = query.where(p.customer_id == customer_id)
        with self.engine.connect() as conn:
            return [
                PromiseToPay(
                    r["customer_id"],
                    r["promised_on"],
                    r["amount"],
                    r["currency"],
                    r["status"],
                    r["invoice_number"],
                )
                for r in conn.execute(query).mappings()
            ]

    def notes(self, customer_id: str | None = None) -> list[Note]:
        n = t.notes.c
        query = select(t.notes).order_by(n.created_at, n.id)
        if customer_id is not None:
            query = query.where(n.customer_id == customer_id)
        with self.engine.connect() as conn:
            return [
                Note(r["customer_id"], r["text"], r["author"], r["created_at"], r["invoice_number"])
                for r in conn.execute(query).mappings()
            ]

    def aging(self, as_of: date, customer_id: str | None = None) -> list[AgingRow]:
        i = t.invoices.c
        query = select(i.customer_id, i.currency, i.due_date, i.balance).where(i.balance > 0)
        if customer_id is not None:
            query = query.where(i.customer_id == customer_id)
        with self.engine.connect() as conn:
            return rules.aging_rows(conn.execute(query), as_of)  # rows carry what aging reads

    def feed_changes(self, on_change: Callable[[Change], None]) -> int:
        """``ChangeFeed``: every pending and every fulfilled (shipped) sales order — what arbot
        acts on (orders arrive by import or by other programs writing the ledger; whoever acts
        on them remembers which it has seen)."""
        orders = [o for o in self.sales_orders() if o.status in ("pending", "shipped")]
        for order in orders:
            on_change(Change("sales_order", order.order_id, order))
        return len(orders)

    def get_invoices(self, numbers: Sequence[str]) -> dict[str, Invoice]:
        """Many invoices by number in a few queries (``local.bulk``); unknown ones left out."""
        from integrations.erp.local import bulk

        return bulk.get_invoices(self, numbers)

    def get_customers(self, ids: Sequence[str]) -> dict[str, Customer]:
        from integrations.erp.local import bulk

        return bulk.get_customers(self, ids)

    def get_payments(self, ids: Sequence[str]) -> dict[str, Payment]:
        from integrations.erp.local import bulk

        return bulk.get_payments(self, ids)
