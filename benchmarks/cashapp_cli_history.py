"""A year of paid invoices and payments for ``cashapp_cli.py --history``: what a real ledger has
besides its open invoices, and what a cash run reads to learn who pays the oldest invoices first
(``graph.cash_matcher_source``).

Every customer gets 12-50 payments received over the year before the run's date, each applying
one to three invoices in full (the invoices paid, balance 0, in a file of their own: the
benchmark imports them with the payments after the open invoices, so that the floor script's
files without history are the ones it reads without ``--history``). About 70% of the
customers pay their invoices in the order they were issued; the others pay one invoice after a
newer one. The customers with recurring
invoices keep the three payments of ``World.history`` (the habit that the benchmark's bank lines
follow), and their year before it is paid in order, so that their habit stays the world's. Its
own random stream and invoice series (``INV-5000001`` on): the world and its bank lines are the
ones the run without history has.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from cashapp import AS_OF, World, money  # type: ignore[import-not-found]

INVOICE_HEADER = [
    "invoice_number",
    "customer_id",
    "invoice_date",
    "due_date",
    "amount",
    "balance",
    "currency",
    "po_number",
]
PAYMENT_HEADER = [
    "payment_id",
    "customer_id",
    "date",
    "amount",
    "currency",
    "invoice_number",
    "applied_amount",
]
HABIT_DAYS = 365  # graph.cash_matcher_source's (not imported: this process stays small)
OLDEST_FIRST_SHARE = 0.7
FIRST_NUMBER = 5_000_001


def _customer_year(
    rng: random.Random,
    count: int,
    issued: tuple[date, date],
    received: tuple[date, date],
) -> Iterator[tuple[date, list[date]]]:
    """``count`` payments as (received on, dates of the invoices they pay), in the order they
    arrived, every one paying invoices issued no later than the next one's."""
    sizes = [rng.choices((1, 2, 3), (0.7, 0.2, 0.1))[0] for _ in range(count)]
    span = (issued[1] - issued[0]).days
    dates = sorted(issued[0] + timedelta(days=rng.randint(0, span)) for _ in range(sum(sizes)))
    pay_span = (received[1] - received[0]).days
    last = received[0]
    taken = 0
    for k, size in enumerate(sizes):
        paid = dates[taken : taken + size]
        taken += size
        on = received[0] + timedelta(days=pay_span * k // count)
        on = max(on, max(paid) + timedelta(days=1), last)
        last = on
        yield on, paid


def _swap_once(rng: random.Random, year: list[tuple[date, list[date]]]) -> None:
    """One invoice paid after a newer one: a payment's first invoice traded with the newest
    invoice of the payment before it (when that one is newer)."""
    for _ in range(20):
        k = rng.randrange(1, len(year))
        before, after = year[k - 1][1], year[k][1]
        if after[0] > before[-1]:
            before[-1], after[0] = after[0], before[-1]
            on = max(year[k - 1][0], max(before) + timedelta(days=1))
            year[k - 1] = (on, before)
            for j in range(k, len(year)):  # later receipts stay in order
                year[j] = (max(year[j][0], on), year[j][1])
            return


def write_history(world: World, paid_csv: Path, payments_csv: Path, seed: int) -> int:
    """Writes the year's paid invoices to ``paid_csv`` (the columns of ``arbot erp import
    --invoices``) and its payments to ``payments_csv`` (``--payments``); returns the number of
    payments."""
    rng = random.Random(seed + 16)
    numbers = iter(range(FIRST_NUMBER, 10_000_000))
    payments = 0
    start = AS_OF - timedelta(days=364)
    with paid_csv.open("w", newline="") as inv, payments_csv.open("w", newline="") as pay:
        invoices_out, payments_out = csv.writer(inv), csv.writer(pay)
        invoices_out.writerow(INVOICE_HEADER)
        payments_out.writerow(PAYMENT_HEADER)
        for customer in world.customers:
            cid = customer.customer_id
            terms = timedelta(days=customer.terms_days)
            if cid in world.recurring:  # the year before World.history's invoices and payments
                issued = (start - terms - timedelta(days=20), AS_OF - timedelta(days=211))
                received = (start, AS_OF - timedelta(days=101))
                in_order = True
            else:
                late = terms + timedelta(days=20)
                issued = (start - late, AS_OF - late)
                received = (start, AS_OF - timedelta(days=1))
                in_order = rng.random() < OLDEST_FIRST_SHARE
            year = list(_customer_year(rng, rng.randint(12, 50), issued, received))
            if not in_order:
                _swap_once(rng, year)
            for k, (on, paid) in enumerate(year):
                payment_id = f"PAY-{cid}-{k:03d}"
                rows = []
                for issued_on in paid:
                    number = f"INV-{next(numbers):07d}"
                    amount = money(rng.uniform(100, 9000))
                    invoices_out.writerow(
                        [
                            number,
                            cid,
                            issued_on.isoformat(),
                            (issued_on + terms).isoformat(),
                            amount,
                            "0.00",
                            customer.currency,
                            "",
                        ]
                    )
                    rows.append((number, amount))
                total = sum((a for _, a in rows), Decimal("0.00"))
                for number, amount in rows:
                    payments_out.writerow(
                        [payment_id, cid, on.isoformat(), total, customer.currency, number, amount]
                    )
                payments += 1
        for invoice in world.closed:  # World.history's own
            invoices_out.writerow(
                [
                    invoice.invoice_number,
                    invoice.customer_id,
                    invoice.invoice_date.isoformat(),
                    invoice.due_date.isoformat(),
                    invoice.amount,
                    invoice.balance,
                    invoice.currency,
                    "",
                ]
            )
        for payment in world.history:
            for application in payment.applications:
                payments_out.writerow(
                    [
                        payment.payment_id,
                        payment.customer_id,
                        payment.received_on.isoformat(),
                        payment.amount,
                        payment.currency,
                        application.invoice_number,
                        application.amount,
                    ]
                )
            payments += 1
    return payments
