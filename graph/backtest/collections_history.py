"""A ledger's history as rows, and the ledger as it stood on a past day.

``History`` holds every row of a ledger (read once: from a local ledger's tables by
``benchmarks/collections_backtest.py``, from any ERP's records by ``history_from_books``);
``ledger_as_of`` writes the books as they stood at the end of a cutoff into a new SQLite ledger;
``late_money``, ``past_due_at`` and ``own_lateness`` are what the collections backtest compares.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert

from graph.backtest.history import Books
from integrations.erp.local import schema as t
from integrations.erp.local.ledger import LocalLedger
from integrations.erp.records import invoice_number_key

LATE_DAYS = 10


@dataclass
class History:
    """Every row of a ledger, read once."""

    customers: list[dict[str, Any]]
    invoices: list[dict[str, Any]]
    payments: list[dict[str, Any]]
    applications: list[dict[str, Any]]
    adjustments: list[dict[str, Any]]
    promises: list[dict[str, Any]]
    notes: list[dict[str, Any]]

    @property
    def end(self) -> date:
        dates = [a["applied_on"] for a in self.applications]
        dates += [i["invoice_date"] for i in self.invoices]
        return max(dates)


def ledger_as_of(history: History, cutoff: date, url: str) -> None:
    """Write the ledger as it stood at the end of ``cutoff`` into ``url`` (a new database)."""
    applied: dict[str, Decimal] = defaultdict(Decimal)
    applications = [a for a in history.applications if a["applied_on"] <= cutoff]
    for a in applications:
        applied[a["invoice_number"]] += a["amount"]
    by_payment: dict[str, Decimal] = defaultdict(Decimal)
    for a in applications:
        by_payment[a["payment_id"]] += a["amount"]
    credited: dict[str, Decimal] = defaultdict(Decimal)
    adjustments = [a for a in history.adjustments if a["adjusted_on"] <= cutoff]
    for a in adjustments:
        if a["invoice_number"]:
            credited[a["invoice_number"]] += a["amount"]
    invoices = []
    for i in history.invoices:
        if i["invoice_date"] > cutoff:
            continue
        balance = i["amount"] - applied[i["invoice_number"]] - credited[i["invoice_number"]]
        invoices.append({**i, "balance": max(balance, Decimal("0.00"))})
    issued = {i["invoice_number"] for i in invoices}
    known = issued | {"", None}
    payments = []
    for p in history.payments:
        if p["received_on"] <= cutoff:
            unapplied = max(p["amount"] - by_payment[p["payment_id"]], Decimal("0.00"))
            payments.append({**p, "unapplied": unapplied})
    promises = [
        {k: v for k, v in p.items() if k != "id"}
        for p in history.promises
        if p["promised_on"] < cutoff and p["invoice_number"] in known
    ]
    end_of_day = datetime.combine(cutoff, datetime.max.time(), UTC)
    notes = [
        {k: v for k, v in n.items() if k != "id"}
        for n in history.notes
        if _aware(n["created_at"]) <= end_of_day
        and (n["invoice_number"] is None or n["invoice_number"] in issued)
    ]
    ledger = LocalLedger.open(url)
    with ledger.writing() as conn:
        for table, rows in (
            (t.customers, history.customers),
            (t.invoices, invoices),
            (t.payments, payments),
            (t.applications, [{k: v for k, v in a.items() if k != "id"} for a in applications]),
            (t.adjustments, [a for a in adjustments if a["invoice_number"] in known]),
            (t.promises, promises),
            (t.notes, notes),
        ):
            for start in range(0, len(rows), 5_000):
                conn.execute(insert(table), rows[start : start + 5_000])
    ledger.close()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def late_money(history: History, cutoff: date) -> dict[tuple[str, str], Decimal]:
    """Per account: its balance at the cutoff then paid more than LATE_DAYS late, or never."""
    end = history.end
    paid_after: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
    paid_before: dict[str, Decimal] = defaultdict(Decimal)
    for a in history.applications:
        if a["applied_on"] <= cutoff:
            paid_before[a["invoice_number"]] += a["amount"]
        else:
            paid_after[a["invoice_number"]].append((a["applied_on"], a["amount"]))
    credited_before: dict[str, Decimal] = defaultdict(Decimal)
    credited_after: dict[str, Decimal] = defaultdict(Decimal)
    for a in history.adjustments:
        if a["invoice_number"]:
            side = credited_before if a["adjusted_on"] <= cutoff else credited_after
            side[a["invoice_number"]] += a["amount"]
    found: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for i in history.invoices:
        number = i["invoice_number"]
        if i["invoice_date"] > cutoff:
            continue
        open_at_cutoff = i["amount"] - paid_before[number] - credited_before[number]
        if open_at_cutoff <= 0:
            continue
        late_from = i["due_date"] + timedelta(days=LATE_DAYS)
        late = sum((amount for on, amount in paid_after[number] if on > late_from), Decimal(0))
        never = open_at_cutoff - sum((a for _, a in paid_after[number]), Decimal(0))
        never -= credited_after[number]
        if never > 0 and end > late_from:
            late += never
        found[i["customer_id"], i["currency"]] += late
    return found


def own_lateness(history: History, cutoff: date) -> dict[str, float]:
    """Each customer's average days beyond terms over what it paid by the cutoff."""
    due = {i["invoice_number"]: (i["customer_id"], i["due_date"]) for i in history.invoices}
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for a in history.applications:
        if a["applied_on"] <= cutoff and a["invoice_number"] in due:
            customer_id, due_date = due[a["invoice_number"]]
            weight = float(a["amount"])
            sums[customer_id][0] += weight * (a["applied_on"] - due_date).days
            sums[customer_id][1] += weight
    return {c: total / weight for c, (total, weight) in sums.items() if weight}


def past_due_at(history: History, cutoff: date) -> dict[tuple[str, str], Decimal]:
    paid: dict[str, Decimal] = defaultdict(Decimal)
    for a in history.applications:
        if a["applied_on"] <= cutoff:
            paid[a["invoice_number"]] += a["amount"]
    for a in history.adjustments:
        if a["invoice_number"] and a["adjusted_on"] <= cutoff:
            paid[a["invoice_number"]] += a["amount"]
    found: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for i in history.invoices:
        if i["invoice_date"] <= cutoff:
            left = i["amount"] - paid[i["invoice_number"]]
            key = (i["customer_id"], i["currency"])
            if left > 0:
                found[key] += left if i["due_date"] < cutoff else 0
    return found


def history_from_books(books: Books) -> History:
    """The rows of ``History`` from any ERP's records (what ``read_history`` reads from a local
    ledger's tables)."""
    customers = [
        {
            "customer_id": c.customer_id,
            "name": c.name,
            "currency": c.currency,
            "terms_days": c.terms_days,
            "credit_limit": c.credit_limit,
            "email": c.email,
            "on_hold": c.on_hold,
            "discount_percent": c.discount_percent,
            "discount_days": c.discount_days,
            "parent_id": c.parent_id,
            "collector": c.collector,
        }
        for c in books.customers
    ]
    known = {c["customer_id"] for c in customers}
    invoices, numbers = [], set()
    for i in books.invoices:
        if i.customer_id not in known or i.invoice_number in numbers:
            continue  # an ERP may repeat a document number; the ledger keys on it
        numbers.add(i.invoice_number)
        invoices.append(
            {
                "invoice_number": i.invoice_number,
                "number_key": invoice_number_key(i.invoice_number),
                "customer_id": i.customer_id,
                "invoice_date": i.invoice_date,
                "due_date": i.due_date,
                "amount": i.amount,
                "balance": i.balance,
                "currency": i.currency,
                "po_number": i.po_number,
            }
        )
    payments = [p for p in books.payments if p.customer_id in known]
    return History(
        customers,
        invoices,
        [
            {
                "payment_id": p.payment_id,
                "customer_id": p.customer_id,
                "received_on": p.received_on,
                "amount": p.amount,
                "unapplied": p.unapplied,
                "currency": p.currency,
                "method": p.method[:20],
                "reference": p.reference,
            }
            for p in payments
        ],
        [
            {
                "payment_id": a.payment_id,
                "invoice_number": a.invoice_number,
                "amount": a.amount,
                "applied_on": a.applied_on,
            }
            for p in payments
            for a in p.applications
            if a.invoice_number in numbers
        ],
        [
            {
                "adjustment_id": a.adjustment_id,
                "customer_id": a.customer_id,
                "invoice_number": a.invoice_number,
                "adjusted_on": a.adjusted_on,
                "amount": a.amount,
                "currency": a.currency,
                "kind": a.kind,
                "reason_code": a.reason_code,
                "memo": a.memo,
            }
            for a in books.adjustments
            if a.customer_id in known and (a.invoice_number is None or a.invoice_number in numbers)
        ],
        [
            {
                "customer_id": p.customer_id,
                "invoice_number": p.invoice_number,
                "promised_on": p.promised_on,
                "amount": p.amount,
                "currency": p.currency,
                "status": p.status,
            }
            for p in books.promises
            if p.customer_id in known
        ],
        [
            {
                "customer_id": n.customer_id,
                "invoice_number": n.invoice_number,
                "author": n.author,
                "text": n.text,
                "created_at": n.created_at,
            }
            for n in books.notes
            if n.customer_id in known
        ],
    )
