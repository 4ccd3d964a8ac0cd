"""A second, independently written payment-history model, for backtesting the collections list.

    python benchmarks/history_model.py --db sqlite:///history.db [--customers 400] [--seed 11]

Written before (and without reading) the collections score, so that a backtest on it does not
only confirm the assumptions the score was built on. It differs from the demo company
(``integrations/erp/local/demo_books.py``) on purpose: the demo draws each customer's days late from
one fixed range; here a customer's lateness moves over time and with circumstances.

Each customer gets, at random:

- a *base delay* (days beyond terms, lognormal: most pay near terms, a long tail pays months
  late) and a day-to-day spread around it;
- a *drift*: a fifth of the customers get later every quarter (2-8 days a quarter), a tenth get
  more punctual;
- *cash crunches*: spells of 1-4 months in which everything it pays is 20-70 days later;
- an *approval threshold*: for a third, invoices above twice their usual amount wait for a
  second signature (10-35 days more);
- *disputes*: 1-12 % of its invoices are disputed a few days after they fall due; those are paid
  20-90 days after the dispute (some with a credit, i.e. partly), the dispute noted in the ledger;
- *split payments*: some pay a share on time and the rest weeks later;
- *promises*: when an invoice is 15-40 days past due a collector calls and notes a promise to pay
  within 1-3 weeks, which chronic late payers break more often than not.

Amounts are Pareto-distributed per customer size (a few large accounts hold most of the money),
terms 30/45/60 days, three years of invoices up to ``--end``; invoices still unpaid at the end
stay open. Everything is written through the local ledger's tables: customers, invoices (the
balance left at the end), payments with their applications, promises, dispute notes.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import delete, insert

from integrations.erp.local import schema as t
from integrations.erp.local.ledger import LocalLedger
from integrations.erp.records import invoice_number_key

CENT = Decimal("0.01")
END = date(2026, 9, 30)
YEARS = 3


@dataclass
class Trait:
    base_delay: float
    spread: float
    drift_per_quarter: float
    crunches: list[tuple[date, date, int]]
    approval_threshold: float | None
    approval_wait: int
    dispute_rate: float
    split_rate: float
    promise_keeping: float
    size: float
    invoices_per_month: float
    terms: int


@dataclass
class Payment:
    on: date
    amount: Decimal


@dataclass
class HistoryInvoice:
    number: str
    customer_id: str
    invoice_date: date
    due_date: date
    amount: Decimal
    payments: list[Payment] = field(default_factory=list)
    disputed_on: date | None = None
    promise: tuple[date, date, bool] | None = None  # (made on, promised for, kept)


def _trait(rng: random.Random, start: date) -> Trait:
    base = rng.lognormvariate(1.6, 1.1) - 4.0  # median ~1 day beyond terms, a long tail
    roll = rng.random()
    drift = rng.uniform(2, 8) if roll < 0.2 else (-rng.uniform(1, 4) if roll < 0.3 else 0.0)
    crunches = []
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
        begin = start + timedelta(days=rng.randint(0, 365 * YEARS))
        crunches.append((begin, begin + timedelta(days=rng.randint(30, 120)), rng.randint(20, 70)))
    return Trait(
        base_delay=base,
        spread=rng.uniform(2, 12),
        drift_per_quarter=drift,
        crunches=crunches,
        approval_threshold=2.0 if rng.random() < 0.33 else None,
        approval_wait=rng.randint(10, 35),
        dispute_rate=rng.uniform(0.01, 0.12),
        split_rate=rng.choice((0.0, 0.0, 0.05, 0.2)),
        promise_keeping=rng.uniform(0.2, 0.95),
        size=rng.paretovariate(1.3) * 900,
        invoices_per_month=rng.uniform(0.4, 4.0),
        terms=rng.choice((30, 30, 30, 45, 60)),
    )


def _days_late(rng: random.Random, trait: Trait, due: date, amount: float, start: date) -> int:
    quarters = (due - start).days / 91
    late = trait.base_delay + trait.drift_per_quarter * quarters + rng.gauss(0, trait.spread)
    for begin, until, extra in trait.crunches:
        if begin <= due <= until:
            late += extra
    if trait.approval_threshold and amount > trait.approval_threshold * trait.size:
        late += trait.approval_wait
    return max(round(late), -trait.terms + 1)


def generate(customers: int, seed: int, end: date = END) -> tuple[list[dict], list[HistoryInvoice]]:
    rng = random.Random(seed)
    start = end - timedelta(days=365 * YEARS)
    people, history = [], []
    number = 500_000
    for index in range(customers):
        trait = _trait(rng, start)
        customer_id = f"H{index + 1:04d}"
        people.append(
            {
                "customer_id": customer_id,
                "name": f"History Customer {index + 1}",
                "currency": "USD",
                "terms_days": trait.terms,
                "credit_limit": (Decimal(round(trait.size * 8)) * 1).quantize(CENT),
                "email": None,
                "on_hold": False,
                "collector": None,
            }
        )
        day = start + timedelta(days=rng.randint(0, 60))
        while day <= end:
            number += rng.randint(1, 7)
            amount_f = max(trait.size * rng.lognormvariate(0, 0.6), 20.0)
            amount = Decimal(str(round(amount_f, 2))).quantize(CENT)
            invoice = HistoryInvoice(
                f"H-{number}", customer_id, day, day + timedelta(days=trait.terms), amount
            )
            _settle(rng, trait, invoice, amount_f, start)
            history.append(invoice)
            gap = rng.expovariate(trait.invoices_per_month / 30.0)
            day += timedelta(days=max(1, math.ceil(gap)))
    return people, history


def _settle(
    rng: random.Random, trait: Trait, invoice: HistoryInvoice, amount: float, start: date
) -> None:
    due = invoice.due_date
    late = _days_late(rng, trait, due, amount, start)
    paid_on = due + timedelta(days=late)
    if rng.random() < trait.dispute_rate:
        invoice.disputed_on = due + timedelta(days=rng.randint(-5, 10))
        paid_on = max(paid_on, invoice.disputed_on + timedelta(days=rng.randint(20, 90)))
        if rng.random() < 0.4:
            credit = (invoice.amount * Decimal(rng.choice(("0.1", "0.25", "0.5")))).quantize(CENT)
            invoice.payments.append(Payment(paid_on, invoice.amount - credit))
            return  # the credited part stays open: a dispute nobody closed in the ledger
    if late > 15:
        made = due + timedelta(days=rng.randint(15, min(late, 40)))
        promised = made + timedelta(days=rng.randint(7, 21))
        kept = rng.random() < trait.promise_keeping or paid_on <= promised
        if kept:
            paid_on = min(paid_on, promised)
        invoice.promise = (made, promised, kept)
    if rng.random() < trait.split_rate:
        first = (invoice.amount * Decimal(rng.choice(("0.3", "0.5", "0.7")))).quantize(CENT)
        early = due + timedelta(days=min(late, rng.randint(-5, 5)))
        invoice.payments.append(Payment(early, first))
        invoice.payments.append(
            Payment(paid_on + timedelta(days=rng.randint(0, 40)), invoice.amount - first)
        )
        return
    invoice.payments.append(Payment(paid_on, invoice.amount))


def write_ledger(
    ledger: LocalLedger, customers: list[dict], history: list[HistoryInvoice], end: date
) -> dict[str, int]:
    """Write the history as it stands at ``end`` (payments after it have not happened)."""
    invoices, payments, applications, promises, notes = [], [], [], [], []
    for invoice in history:
        if invoice.invoice_date > end:
            continue
        balance = invoice.amount
        for index, paid in enumerate(invoice.payments):
            if paid.on > end:
                continue
            payment_id = f"P-{invoice.number}-{index}"
            payments.append(
                {
                    "payment_id": payment_id,
                    "customer_id": invoice.customer_id,
                    "received_on": paid.on,
                    "amount": paid.amount,
                    "unapplied": Decimal("0.00"),
                    "currency": "USD",
                    "method": "ach",
                    "reference": invoice.number,
                }
            )
            applications.append(
                {
                    "payment_id": payment_id,
                    "invoice_number": invoice.number,
                    "amount": paid.amount,
                    "applied_on": paid.on,
                }
            )
            balance -= paid.amount
        invoices.append(
            {
                "invoice_number": invoice.number,
                "number_key": invoice_number_key(invoice.number),
                "customer_id": invoice.customer_id,
                "invoice_date": invoice.invoice_date,
                "due_date": invoice.due_date,
                "amount": invoice.amount,
                "balance": balance,
                "currency": "USD",
                "po_number": None,
            }
        )
        if invoice.disputed_on and invoice.disputed_on <= end:
            notes.append(
                {
                    "customer_id": invoice.customer_id,
                    "invoice_number": invoice.number,
                    "author": "history model",
                    "text": f"Customer disputes {invoice.number}",
                    "created_at": datetime.combine(invoice.disputed_on, time(12), UTC),
                }
            )
        if invoice.promise and invoice.promise[0] <= end:
            _made, promised, kept = invoice.promise
            status = "open" if promised >= end else ("kept" if kept else "broken")
            promises.append(
                {
                    "customer_id": invoice.customer_id,
                    "invoice_number": invoice.number,
                    "promised_on": promised,
                    "amount": invoice.amount,
                    "currency": "USD",
                    "status": status,
                }
            )
    with ledger.writing() as conn:
        for table in (t.notes, t.promises, t.applications, t.payments, t.invoices, t.customers):
            conn.execute(delete(table))
        for table, rows in (
            (t.customers, customers),
            (t.invoices, invoices),
            (t.payments, payments),
            (t.applications, applications),
            (t.promises, promises),
            (t.notes, notes),
        ):
            for begin in range(0, len(rows), 5_000):
                conn.execute(insert(table), rows[begin : begin + 5_000])
    return {"customers": len(customers), "invoices": len(invoices), "payments": len(payments)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLAlchemy URL of the ledger to (re)write")
    parser.add_argument("--customers", type=int, default=400)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--end", type=date.fromisoformat, default=END)
    args = parser.parse_args()
    customers, history = generate(args.customers, args.seed, args.end)
    ledger = LocalLedger.open(args.db)
    counts = write_ledger(ledger, customers, history, args.end)
    print(f"history model (seed {args.seed}) up to {args.end}: {counts}")


if __name__ == "__main__":
    main()
