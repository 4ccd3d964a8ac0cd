"""What the portfolio answers read from the ERP, aggregated as close to the data as it allows.

``book_reads(erp, today)`` gives ``SqlBookReads`` over the local ledger (``graph.portfolio_sql``:
each question's sums and rankings in one or two SQL statements, read from covering indexes, so
a question on a 150k-invoice book costs tens of milliseconds in a fresh process) and
``BookReads`` over any other ``ErpClient`` (the same figures from the port's reads). Both return
records and Decimals; nothing here words a reply.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

from graph.ar.payers import paying_habit
from integrations.erp.port import ErpClient, is_local_ledger
from integrations.erp.records import (
    AGING_BUCKET_NAMES,
    Customer,
    Invoice,
    Payment,
    aging_bucket,
)

ZERO = Decimal("0.00")
LIST_AT_MOST = 50


@dataclass
class OpenBalance:
    """One customer's open invoices in one currency, aged by due date."""

    customer: Customer
    currency: str
    buckets: dict[str, Decimal]
    invoices: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # invoices per bucket
    oldest_due: dict[str, date] = field(default_factory=dict)  # per bucket

    total: Decimal = ZERO
    past_due: Decimal = ZERO

    def finish(self) -> OpenBalance:
        """Totals from the buckets, once they are filled."""
        self.total = sum(self.buckets.values(), ZERO)
        self.past_due = self.total - self.buckets.get("current", ZERO)
        return self


@dataclass
class Received:
    """Payments in a period: totals per currency, and the newest of them."""

    totals: dict[str, Decimal]
    count: int
    newest: list[Payment]
    by_customer: dict[tuple[str, str], Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Habit:
    customer_id: str
    days_to_pay: Decimal
    days_beyond_terms: Decimal
    invoices_paid: int


@dataclass
class OverGroup:
    """One customer's open invoices in one currency more than N days past due."""

    customer_id: str
    currency: str
    total: Decimal
    count: int
    oldest_due: date
    invoices: list[str] = field(default_factory=list)  # listed for the largest groups only


@dataclass(frozen=True)
class CustomerSum:
    """What one customer has open in one currency: the total, the part past due, how many."""

    customer_id: str
    currency: str
    total: Decimal
    past_due: Decimal
    invoices: int


@dataclass
class BookAging:
    """The open book aged by due date, per currency (and per collector when asked)."""

    buckets: dict[str, dict[str, Decimal]]  # currency -> bucket -> open amount
    customers: int  # customers with something open
    by_collector: dict[tuple[str, str], dict[str, Decimal]] = field(default_factory=dict)


def empty_buckets() -> dict[str, Decimal]:
    return dict.fromkeys(AGING_BUCKET_NAMES, ZERO)


def _largest_first(invoice: Invoice) -> tuple[Decimal, str]:
    return (-invoice.balance, invoice.invoice_number)


def _cents(value: Any) -> Decimal:
    return (Decimal(int(value or 0)) / 100).quantize(Decimal("0.01"))


class BookReads:
    """The portfolio's reads through the ErpClient port (any ERP)."""

    def __init__(self, erp: ErpClient, today: date) -> None:
        self.erp = erp
        self.today = today

    @cached_property
    def _customers(self) -> dict[str, Customer]:
        return {c.customer_id: c for c in self.erp.list_customers()}

    def customers(self, ids: set[str] | None = None) -> dict[str, Customer]:
        everyone = self._customers
        return everyone if ids is None else {i: everyone[i] for i in ids if i in everyone}

    @cached_property
    def _open_invoices(self) -> list[Invoice]:
        return self.erp.invoices(open_only=True)

    def open_balances(self, customer_id: str | None = None) -> list[OpenBalance]:
        rows = []
        customers = self.customers()
        for row in self.erp.aging(self.today, customer_id):
            if row.customer_id in customers:
                buckets = {name: row.buckets.get(name, ZERO) for name in AGING_BUCKET_NAMES}
                rows.append(OpenBalance(customers[row.customer_id], row.currency, buckets).finish())
        return rows

    def customer_sums(self, ids: set[str] | None = None) -> list[CustomerSum]:
        """Per customer (of ``ids``, or all) and currency: open, past due and how many."""
        return [
            CustomerSum(r.customer.customer_id, r.currency, r.total, r.past_due, r.invoices)
            for r in self.open_balances()
            if ids is None or r.customer.customer_id in ids
        ]

    def book_aging(self, customer_id: str | None = None, by_collector: bool = False) -> BookAging:
        rows = self.open_balances(customer_id)
        aging = BookAging({}, len({r.customer.customer_id for r in rows}))
        for row in rows:
            buckets = aging.buckets.setdefault(row.currency, empty_buckets())
            mine = (
                aging.by_collector.setdefault(
                    (row.customer.collector or "(none)", row.currency), empty_buckets()
                )
                if by_collector
                else None
            )
            for name, value in row.buckets.items():
                buckets[name] += value
                if mine is not None:
                    mine[name] += value
        return aging

    def over_limit(self, at_most: int) -> tuple[int, list[tuple[Customer, Decimal]]]:
        """How many customers have more open in their own currency than their credit limit,
        and the first ``at_most`` of them (by currency, most over first) with what is open."""
        customers = self.customers()
        over = []
        for row in self.customer_sums():
            who = customers.get(row.customer_id)
            limit = who.credit_limit if who else None
            if who and limit is not None and row.currency == who.currency and row.total > limit:
                over.append((who, row.total))
        over.sort(
            key=lambda o: (o[0].currency, -(o[1] - (o[0].credit_limit or ZERO)), o[0].customer_id)
        )
        return len(over), over[:at_most]

    def top_debtors(
        self, at_most: int, currency: str | None = None, past_due: bool = False
    ) -> dict[str, tuple[int, list[CustomerSum]]]:
        """Per currency: how many customers have something open (``past_due``: something past
        due), and the ``at_most`` who owe the most (of it; ties by customer id)."""
        ranked: dict[str, list[CustomerSum]] = defaultdict(list)
        for row in self.customer_sums():
            if currency in (None, row.currency) and (row.past_due > 0 or not past_due):
                ranked[row.currency].append(row)

        def owed(r: CustomerSum) -> Decimal:
            return r.past_due if past_due else r.total

        return {
            cur: (len(rows), sorted(rows, key=lambda r: (-owed(r), r.customer_id))[:at_most])
            for cur, rows in ranked.items()
        }

    def currency_totals(self) -> dict[str, tuple[Decimal, Decimal, int]]:
        """Per currency: open, past due, and how many customers owe it."""
        totals: dict[str, tuple[Decimal, Decimal, int]] = {}
        for row in self.customer_sums():
            total, late, count = totals.get(row.currency, (ZERO, ZERO, 0))
            totals[row.currency] = (total + row.total, late + row.past_due, count + 1)
        return totals

    def held(self) -> list[Customer]:
        """Customers on credit hold."""
        return [c for c in self.customers().values() if c.on_hold]

    def invoices_over(self, days: int, customer_id: str | None = None) -> list[Invoice]:
        """Open invoices more than ``days`` past due, oldest first."""
        if customer_id is not None:
            invoices = self.erp.invoices(customer_id, open_only=True)
        else:
            invoices = self._open_invoices
        return sorted(
            (i for i in invoices if i.days_past_due(self.today) > days),
            key=lambda i: (i.due_date, i.invoice_number),
        )

    def over_groups(
        self, days: int, customer_id: str | None = None, currency: str | None = None
    ) -> list[OverGroup]:
        """Per customer and currency, largest first; invoice numbers of the first groups."""
        groups: dict[tuple[str, str], OverGroup] = {}
        for invoice in self.invoices_over(days, customer_id):
            if currency not in (None, invoice.currency):
                continue
            key = (invoice.customer_id, invoice.currency)
            group = groups.setdefault(key, OverGroup(key[0], key[1], ZERO, 0, invoice.due_date))
            group.total += invoice.balance
            group.count += 1
            group.oldest_due = min(group.oldest_due, invoice.due_date)
            group.invoices.append(invoice.invoice_number)
        ranked = sorted(groups.values(), key=lambda g: (g.currency, -g.total, g.customer_id))
        for group in ranked[LIST_AT_MOST:]:
            group.invoices = []
        return ranked

    def largest_by_currency(
        self,
        at_most: int,
        currency: str | None = None,
        customer_id: str | None = None,
        above: Decimal | None = None,
        customer_ids: frozenset[str] | None = None,
    ) -> dict[str, tuple[int, list[Invoice]]]:
        """Per currency: how many open invoices there are (of one customer, or of the customers
        ``customer_ids`` names; above ``above`` when given), and the ``at_most`` largest by open
        balance (ties by invoice number). Ranked within each currency: amounts in different
        currencies are never compared."""
        if customer_id is not None:
            invoices = self.erp.invoices(customer_id, open_only=True)
        else:
            invoices = self._open_invoices
        if customer_ids is not None:
            invoices = [i for i in invoices if i.customer_id in customer_ids]
        grouped: dict[str, list[Invoice]] = defaultdict(list)
        for invoice in invoices:
            if currency in (None, invoice.currency) and (above is None or invoice.balance > above):
                grouped[invoice.currency].append(invoice)
        return {
            cur: (len(rows), sorted(rows, key=_largest_first)[:at_most])
            for cur, rows in grouped.items()
        }

    def received(self, start: date, end: date, customer_id: str | None = None) -> Received:
        payments = self.erp.payments(customer_id, since=start, until=end)
        totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
        by_customer: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
        for p in payments:
            totals[p.currency] += p.amount
            by_customer[(p.customer_id, p.currency)] += p.amount
        return Received(dict(totals), len(payments), payments[:LIST_AT_MOST], dict(by_customer))

    def unapplied(self, customer_id: str | None = None) -> list[Payment]:
        return [p for p in self.erp.payments(customer_id) if p.unapplied > 0]

    def find_payments(self, reference: str) -> list[Payment]:
        if (amount := written_amount(reference)) is not None:
            return [p for p in self.erp.payments() if p.amount == amount][:10]
        found = payment_by_number(self.erp, reference)
        if found is not None:
            return [found]
        wanted = reference.lower()
        return [p for p in self.erp.payments() if wanted in p.reference.lower()][:10]

    def habits(self, customer_id: str | None = None) -> list[Habit]:
        payments = self.erp.payments(customer_id)
        invoices = {i.invoice_number: i for i in self.erp.invoices(customer_id, open_only=False)}
        by_customer: dict[str, list[Payment]] = defaultdict(list)
        for payment in payments:
            by_customer[payment.customer_id].append(payment)
        habits = []
        for cid, theirs in by_customer.items():
            habit = paying_habit(theirs, invoices)
            if habit.days_to_pay is not None and habit.days_beyond_terms is not None:
                habits.append(
                    Habit(cid, habit.days_to_pay, habit.days_beyond_terms, habit.applications)
                )
        return habits

    def slowest(self, at_most: int, fastest: bool = False) -> tuple[int, list[Habit]]:
        """How many customers have paid anything, and the ``at_most`` furthest beyond terms
        on average (the least far, ``fastest``; ties by customer id)."""
        habits = self.habits()
        sign = Decimal(1 if fastest else -1)
        ranked = sorted(habits, key=lambda h: (sign * h.days_beyond_terms, h.customer_id))
        return len(habits), ranked[:at_most]

    def invoices(self, numbers: set[str]) -> list[Invoice]:
        return [i for n in sorted(numbers) if (i := self.erp.get_invoice(n)) is not None]


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


_AMOUNT = re.compile(r"^\$?\s?(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})$")


def written_amount(ref: str) -> Decimal | None:
    """ "9,390.20", "$828.82": a payment named by its amount (cents written), else None."""
    m = _AMOUNT.match(ref.strip())
    return Decimal(f"{m.group(1).replace(',', '')}.{m.group(2)}") if m else None


def payment_by_number(erp: ErpClient, ref: str) -> Payment | None:
    """The payment a person names by its id as written ("PMT-000234"), without its prefix
    ("000234", "U00001", "pmt 000237"), or by the id's last digits after a separator; None
    when no payment has it (or several do)."""
    wanted = ref.strip().upper()
    if not wanted:
        return None
    for candidate in (wanted, f"PMT-{wanted}"):
        if (found := erp.get_payment(candidate)) is not None:
            return found
    number = _UNPADDED.fullmatch(wanted)
    if number is not None:  # "pmt 241": the id's number written without its leading zeros
        return _payment_numbered(erp, int(number.group(1)))
    if len(wanted) < 4 or not any(c.isdigit() for c in wanted):
        return None
    ends = [
        i
        for i in _ids_ending(erp, wanted)
        if i.upper().endswith(wanted) and not i[-len(wanted) - 1].isalnum()
    ]
    return erp.get_payment(ends[0]) if len(ends) == 1 else None


_UNPADDED = re.compile(r"(?:PMT[-# ]?)?0*([1-9]\d{0,5})")


def _ids_ending(erp: ErpClient, wanted: str) -> list[str]:
    if is_local_ledger(erp):
        from graph.portfolio_sql_cash import payment_ids_ending

        return payment_ids_ending(erp.engine, wanted)
    return [p.payment_id for p in erp.payments()]


def _payment_numbered(erp: ErpClient, number: int) -> Payment | None:
    """The one payment whose id's last part is ``number`` zero-padded ("PMT-000241" for 241)."""
    found = [
        i
        for i in _ids_ending(erp, str(number))
        if (last := re.split(r"[^0-9A-Za-z]", i)[-1]).isdigit() and int(last) == number
    ]
    return erp.get_payment(found[0]) if len(found) == 1 else None


def book_reads(erp: ErpClient, today: date) -> BookReads:
    if is_local_ledger(erp):
        from graph.portfolio_sql import SqlBookReads

        return SqlBookReads(erp, today)
    return BookReads(erp, today)


def bucket_of(invoice: Invoice, today: date) -> str:
    return aging_bucket(invoice.days_past_due(today))
