"""The payment inquiries' reads over the local ledger (each ``graph.inquiry_*`` module's
gather uses them when the ERP is the local ledger): each inquiry's facts on one connection,
from statements built once per process, reading the rows the answer shows and no more — the
same rows, in the same order, as the ``ErpClient`` reads they replace (a test checks both
gather alike). Nothing is kept between questions, so an answer never lags a write."""

from __future__ import annotations

from functools import cache
from typing import Any

from integrations.erp.local.ledger_records import payment_of
from integrations.erp.local.plain_reads import plain_rows
from integrations.erp.records import (
    Adjustment,
    Application,
    Customer,
    Invoice,
    Payment,
    PromiseToPay,
)

BALANCE_RECENT = 200  # unapplied cash is looked for among the newest payments
HABIT_RECENT = 50  # the paying habit is read from the newest payments
PAYMENT_READS = ("unapplied", "recent", "received", "for_invoice")


@cache
def _statements() -> dict[str, Any]:
    from sqlalchemy import bindparam, select

    from integrations.erp.local import schema as t

    c, i, p, a = t.customers.c, t.invoices.c, t.payments.c, t.applications.c
    adj, pr = t.adjustments.c, t.promises.c
    cid = bindparam("cid")
    newest = (p.received_on.desc(), p.payment_id.desc())
    newest_ids = (
        select(p.payment_id).where(p.customer_id == cid).order_by(*newest).limit(BALANCE_RECENT)
    )
    applied_to = select(a.payment_id).where(a.invoice_number == bindparam("invoice"))
    statements = {
        "customer": select(t.customers).where(c.customer_id == cid),
        "open_invoices": select(t.invoices)
        .where(i.customer_id == cid, i.balance > 0)
        .order_by(i.due_date, i.invoice_number),
        "invoices_in": select(t.invoices).where(
            i.customer_id == cid, i.invoice_number.in_(bindparam("numbers", expanding=True))
        ),
        "unapplied": select(t.payments)
        .where(p.customer_id == cid, p.unapplied > 0, p.payment_id.in_(newest_ids))
        .order_by(*newest),
        "recent": select(t.payments)
        .where(p.customer_id == cid)
        .order_by(*newest)
        .limit(bindparam("limit")),
        "received": select(t.payments)
        .where(
            p.customer_id == cid,
            p.received_on >= bindparam("since"),
            p.received_on <= bindparam("until"),
        )
        .order_by(*newest),
        "for_invoice": select(t.payments)
        .where(p.payment_id.in_(applied_to))
        .order_by(p.received_on, p.payment_id),
        "on_account": select(t.adjustments)
        .where(adj.customer_id == cid, adj.invoice_number.is_(None))
        .order_by(adj.adjusted_on, adj.adjustment_id),
        "invoice_adjustments": select(t.adjustments)
        .where(adj.invoice_number == bindparam("invoice"))
        .order_by(adj.adjusted_on, adj.adjustment_id),
        "open_promises": select(t.promises)
        .where(pr.customer_id == cid, pr.status == "open")
        .order_by(pr.promised_on, pr.id),
        "invoice_promises": select(t.promises)
        .where(pr.customer_id == cid, pr.invoice_number == bindparam("invoice"))
        .order_by(pr.promised_on, pr.id),
    }
    # the applications of each payments read: of the payments the same criteria select
    for name in PAYMENT_READS:
        ids = statements[name].with_only_columns(p.payment_id)
        if name != "recent":  # an IN (subquery) needs no order, save with a LIMIT
            ids = ids.order_by(None)
        statements[f"{name}:applications"] = (
            select(t.applications).where(a.payment_id.in_(ids)).order_by(a.id)
        )
    return statements


def _promise(r: Any) -> PromiseToPay:
    return PromiseToPay(
        r["customer_id"], r["promised_on"], r["amount"], r["currency"], r["status"],
        r["invoice_number"],
    )  # fmt: skip


class InquiryReads:
    """One inquiry's reads on one connection (``with InquiryReads(ledger) as reads``)."""

    def __init__(self, ledger: Any) -> None:
        self.ledger = ledger
        self.sql = _statements()

    def __enter__(self) -> InquiryReads:
        self._opened = self.ledger.engine.connect()
        self.conn = self._opened.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._opened.__exit__(*exc)

    def _rows(self, name: str, **params: Any) -> list[Any]:
        return plain_rows(self.conn, f"inquiry:{name}", self.sql[name], params)

    def _payments(self, name: str, **params: Any) -> list[Payment]:
        """The payments ``name`` reads, each with its applications (in the order of their
        ids, as ``LocalLedger`` reads them), the applications in one more read."""
        rows = self._rows(name, **params)
        applied: dict[str, list[Application]] = {r["payment_id"]: [] for r in rows}
        if rows:
            for a in self._rows(f"{name}:applications", **params):
                applied[a["payment_id"]].append(
                    Application(a["payment_id"], a["invoice_number"], a["amount"], a["applied_on"])
                )
        return [payment_of(r, applied[r["payment_id"]]) for r in rows]

    def customer(self, customer_id: str) -> Customer | None:
        from integrations.erp.local.ledger_records import customer_of

        rows = self._rows("customer", cid=customer_id)
        return customer_of(rows[0]) if rows else None

    def open_invoices(self, customer_id: str) -> list[Invoice]:
        from integrations.erp.local.ledger_records import invoice_of

        return [invoice_of(r) for r in self._rows("open_invoices", cid=customer_id)]

    def invoices_numbered(self, customer_id: str, numbers: set[str]) -> dict[str, Invoice]:
        """The customer's invoices of these numbers (the others are not the customer's)."""
        from integrations.erp.local.ledger_records import invoice_of

        if not numbers:
            return {}
        rows = self._rows("invoices_in", cid=customer_id, numbers=sorted(numbers))
        return {r["invoice_number"]: invoice_of(r) for r in rows}

    def unapplied_payments(self, customer_id: str) -> list[Payment]:
        """Of the customer's newest ``BALANCE_RECENT`` payments, those with cash unapplied."""
        return self._payments("unapplied", cid=customer_id)

    def recent_payments(self, customer_id: str, limit: int) -> list[Payment]:
        return self._payments("recent", cid=customer_id, limit=limit)

    def payments_received(self, customer_id: str, since: Any, until: Any) -> list[Payment]:
        """The customer's payments received from ``since`` to ``until``, newest first."""
        return self._payments("received", cid=customer_id, since=since, until=until)

    def payments_for_invoice(self, invoice_number: str) -> list[Payment]:
        return self._payments("for_invoice", invoice=invoice_number)

    def on_account_credits(self, customer_id: str) -> list[Adjustment]:
        from integrations.erp.local.ledger_records import adjustment_of

        return [adjustment_of(r) for r in self._rows("on_account", cid=customer_id)]

    def invoice_adjustments(self, invoice_number: str) -> list[Adjustment]:
        from integrations.erp.local.ledger_records import adjustment_of

        return [adjustment_of(r) for r in self._rows("invoice_adjustments", invoice=invoice_number)]

    def open_promises(self, customer_id: str) -> list[PromiseToPay]:
        return [_promise(r) for r in self._rows("open_promises", cid=customer_id)]

    def invoice_promises(self, customer_id: str, invoice_number: str) -> list[PromiseToPay]:
        rows = self._rows("invoice_promises", cid=customer_id, invoice=invoice_number)
        return [_promise(r) for r in rows]
