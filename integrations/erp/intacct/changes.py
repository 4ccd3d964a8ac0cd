"""Change events by polling: what changed in Intacct since the last poll.

Intacct's XML API has no webhook of its own (Smart Events and Platform triggers need an admin
to set them up in the company), so arbot polls ``WHENMODIFIED`` of customers, AR invoices,
AR payments, AR adjustments and sales orders. Each poll reads from the newest ``WHENMODIFIED``
seen minus an overlap (clocks, commit delays), and keeps the key → ``WHENMODIFIED`` set it has
seen, so the overlap never reports a record twice. Deletions leave no ``WHENMODIFIED``: every
``reconcile_every`` the full key sets are read and keys that disappeared are reported.

The watermark is Intacct's own clock (the company's local time, as it answers), never ours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from integrations.erp.intacct import mapping as m
from integrations.erp.intacct.state import SyncMark
from integrations.erp.records import Adjustment, Customer, Invoice, Payment, SalesOrder

if TYPE_CHECKING:
    from integrations.erp.intacct.client import IntacctClient

KINDS = ("customers", "invoices", "payments", "adjustments", "sales_orders")
_OBJECTS = {
    "customers": ("CUSTOMER", m.CUSTOMER_FIELDS),
    "invoices": ("ARINVOICE", m.INVOICE_FIELDS),
    "payments": ("ARPYMT", m.PAYMENT_FIELDS),
    "adjustments": ("ARADJUSTMENT", m.ADJUSTMENT_FIELDS),
    "sales_orders": ("SODOCUMENT", m.ORDER_FIELDS),
}


@dataclass(frozen=True)
class ChangeSet:
    """What changed since the previous poll. ``new_payments`` and ``new_orders`` are the ones
    never seen before (what a caller acts on: cash to apply, orders to credit-check).
    ``deleted`` lists the Intacct keys (RECORDNO) of each kind that disappeared. The first
    poll is a ``baseline``: it reads everything and reports nothing as new."""

    polled_at: datetime
    customers: tuple[Customer, ...] = ()
    invoices: tuple[Invoice, ...] = ()
    payments: tuple[Payment, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    sales_orders: tuple[SalesOrder, ...] = ()
    new_payments: tuple[Payment, ...] = ()
    new_orders: tuple[SalesOrder, ...] = ()
    deleted: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    baseline: bool = False
    reconciled: bool = False

    @property
    def empty(self) -> bool:
        return not (
            self.customers
            or self.invoices
            or self.payments
            or self.adjustments
            or self.sales_orders
            or any(self.deleted.values())
        )


def _stamp(row: dict[str, str]) -> str:
    moment = m.parse_timestamp(row.get("WHENMODIFIED"))
    return moment.isoformat() if moment else (row.get("WHENMODIFIED") or "")


def poll_changes(
    client: IntacctClient,
    *,
    overlap: timedelta = timedelta(minutes=5),
    reconcile_every: timedelta = timedelta(hours=24),
    reconcile: bool = False,
    now: datetime | None = None,
) -> ChangeSet:
    """One poll of every kind (run it every few minutes, from one process at a time)."""
    polled_at = now or datetime.now(UTC)
    state = client.state
    changed: dict[str, list[dict[str, str]]] = {}
    fresh: dict[str, set[str]] = {}
    deleted: dict[str, tuple[str, ...]] = {}
    baseline = False
    reconciled = False
    for kind in KINDS:
        obj, fields = _OBJECTS[kind]
        docparid = client.settings.sales_order_type if kind == "sales_orders" else None
        mark = state.mark(kind)
        seen = state.seen(kind)
        if mark.watermark is None:
            query = ""
            baseline = True
        else:
            since = datetime.fromisoformat(mark.watermark) - overlap
            query = f"WHENMODIFIED >= {m.q_timestamp(since)}"
        rows = list(client.gateway.read_by_query(obj, fields, query, docparid=docparid))
        moved = [r for r in rows if r.get("RECORDNO") and seen.get(r["RECORDNO"]) != _stamp(r)]
        changed[kind] = moved
        fresh[kind] = (
            set() if mark.watermark is None else {r["RECORDNO"] for r in moved} - set(seen)
        )
        stamps = [m.parse_timestamp(r.get("WHENMODIFIED")) for r in rows]
        newest = max((s for s in stamps if s is not None), default=None)
        watermark = mark.watermark
        if newest is not None and (watermark is None or newest.isoformat() > watermark):
            watermark = newest.isoformat()
        if mark.watermark is None and watermark is None:
            watermark = polled_at.replace(tzinfo=None).isoformat(timespec="seconds")
        state.remember(kind, {r["RECORDNO"]: _stamp(r) for r in moved})

        reconciled_at = polled_at if mark.watermark is None else mark.reconciled_at
        due = reconciled_at is None or polled_at - reconciled_at >= reconcile_every
        if mark.watermark is not None and (reconcile or due):
            keys = {
                r["RECORDNO"]
                for r in client.gateway.read_by_query(obj, ("RECORDNO",), "", docparid=docparid)
                if r.get("RECORDNO")
            }
            gone = sorted(set(state.seen(kind)) - keys, key=lambda k: (len(k), k))
            state.forget(kind, gone)
            deleted[kind] = tuple(gone)
            reconciled_at = polled_at
            reconciled = True
        state.set_mark(kind, SyncMark(watermark, polled_at, reconciled_at))

    base = client.settings.base_currency.upper()
    payments = _payments(client, changed["payments"])
    orders = client._orders(changed["sales_orders"])
    order_keys = {
        (r.get("DOCNO") or r.get("DOCID") or r.get("RECORDNO", "")): r["RECORDNO"]
        for r in changed["sales_orders"]
    }
    payment_keys = {p: k for k, p in payments.items()}
    return ChangeSet(
        polled_at=polled_at,
        customers=tuple(m.customer(r, base) for r in changed["customers"]),
        invoices=tuple(m.invoice(r, base) for r in changed["invoices"] if m.is_invoice(r)),
        payments=tuple(payments.values()),
        adjustments=tuple(
            m.adjustment(r, r.get("DOCNUMBER") or None, base)
            for r in changed["adjustments"]
            if m.is_credit(r)
        ),
        sales_orders=tuple(orders),
        new_payments=tuple(p for p in payments.values() if payment_keys[p] in fresh["payments"]),
        new_orders=tuple(o for o in orders if order_keys.get(o.order_id) in fresh["sales_orders"]),
        deleted=deleted,
        baseline=baseline,
        reconciled=reconciled,
    )


def _payments(client: IntacctClient, rows: list[dict[str, str]]) -> dict[str, Payment]:
    """Changed payments by their Intacct key; a changed applied-overpayment row stands for its
    parent payment."""
    wanted = {r["RECORDNO"]: r for r in rows if not client._is_child(r)}
    parents = {r.get("PARENTPAYMENTKEY", "") for r in rows if client._is_child(r)} - set(wanted)
    keys = sorted((k for k in parents if k.isdigit()), key=int)
    for chunk in m.chunks(keys):
        for row in client.gateway.read_by_query(
            "ARPYMT", m.PAYMENT_FIELDS, f"RECORDNO in {m.q_keys(chunk)}"
        ):
            wanted[row["RECORDNO"]] = row
    found: dict[str, Payment] = {}
    for key, row in wanted.items():
        payments = client._payments([row])
        if payments:
            found[key] = payments[0]
    return found
