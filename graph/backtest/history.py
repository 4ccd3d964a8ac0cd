"""The books read once from the ERP, and rebuilt as they stood on any past day.

Only reads are made (``ErpClient`` read methods: the client pages and keeps the ERP's rate
limits). An invoice's balance at the end of a day is its amount less what was applied to it
and credited against it (payments' applications, credit memos, write-offs, imported balances)
up to and including that day; an invoice issued later did not exist yet.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import cached_property

from integrations.erp.port import ErpClient
from integrations.erp.records import (
    Adjustment,
    Customer,
    Invoice,
    Note,
    Payment,
    PromiseToPay,
)

ZERO = Decimal("0.00")
READ_STEPS = ("customers", "invoices", "payments", "adjustments", "promises", "notes")

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True)
class Books:
    customers: tuple[Customer, ...]
    invoices: tuple[Invoice, ...]  # every invoice, open or paid, with today's balance
    payments: tuple[Payment, ...]  # oldest first, each with its applications
    adjustments: tuple[Adjustment, ...]
    promises: tuple[PromiseToPay, ...] = ()
    notes: tuple[Note, ...] = ()
    # The payer's name as the bank wrote it, by payment id, for the payments arbot read a bank
    # line of (its cash application's files): what a replay says instead of the ERP's name.
    bank_payers: Mapping[str, str] = field(default_factory=dict)
    _taken: dict[str, list[tuple[date, Decimal]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _earlier: dict[tuple[str, Decimal], Invoice] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        taken: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
        for payment in self.payments:
            for application in payment.applications:
                taken[application.invoice_number].append(
                    (application.applied_on, application.amount)
                )
        for adjustment in self.adjustments:
            if adjustment.invoice_number:
                taken[adjustment.invoice_number].append((adjustment.adjusted_on, adjustment.amount))
        for number, items in taken.items():  # by day, each with the total taken by then
            items.sort(key=lambda item: item[0])
            running = ZERO
            self._taken[number] = []
            for on, amount in items:
                running += amount
                self._taken[number].append((on, running))

    @cached_property
    def by_number(self) -> dict[str, Invoice]:
        return {i.invoice_number: i for i in self.invoices}

    @property
    def end(self) -> date | None:
        """The last day the books show activity on (an invoice, payment or adjustment)."""
        days = [i.invoice_date for i in self.invoices]
        days += [p.received_on for p in self.payments]
        days += [a.applied_on for p in self.payments for a in p.applications]
        days += [a.adjusted_on for a in self.adjustments]
        return max(days) if days else None

    def balance_at(self, invoice: Invoice, day: date) -> Decimal:
        """The invoice's balance at the end of ``day``."""
        taken = self._taken.get(invoice.invoice_number)
        if not taken:
            return invoice.amount
        index = bisect_right(taken, day, key=lambda item: item[0])
        return max(invoice.amount - (taken[index - 1][1] if index else ZERO), ZERO)

    def open_at(self, day: date, *, issued_by: date | None = None) -> list[Invoice]:
        """The invoices open at the end of ``day``, with their balances then; ``issued_by``: also
        those issued after ``day`` up to that date (with nothing taken off them yet)."""
        found = []
        last = max(day, issued_by or day)
        for invoice in self.invoices:
            if invoice.invoice_date > last:
                continue
            balance = self.balance_at(invoice, day)
            if balance == invoice.balance:
                found.append(invoice)
            elif balance > 0:
                found.append(self._as_of(invoice, balance))
        return found

    def _as_of(self, invoice: Invoice, balance: Decimal) -> Invoice:
        """The invoice with an earlier balance (one object per balance, kept across days)."""
        key = (invoice.invoice_number, balance)
        known = self._earlier.get(key)
        if known is None:
            known = self._earlier[key] = replace(invoice, balance=balance)
        return known


def read_books(
    erp: ErpClient,
    progress: Progress | None = None,
    *,
    bank_payers: Mapping[str, str] | None = None,
) -> Books:
    """Everything a backtest needs, read once. ``progress(what, done, total)`` after each read;
    ``bank_payers``: payers' names as their bank lines said (``Books.bank_payers``)."""
    total = len(READ_STEPS)

    def step(index: int) -> None:
        if progress is not None:
            progress(READ_STEPS[index], index + 1, total)

    customers = tuple(erp.list_customers())
    step(0)
    invoices = tuple(erp.invoices(open_only=False))
    step(1)
    payments = tuple(sorted(erp.payments(), key=lambda p: (p.received_on, p.payment_id)))
    step(2)
    adjustments = tuple(erp.adjustments())
    step(3)
    promises = tuple(erp.promises())
    step(4)
    notes = tuple(erp.notes())
    step(5)
    return Books(
        customers, invoices, payments, adjustments, promises, notes, dict(bank_payers or {})
    )


def months_before(day: date, months: int) -> date:
    """The same day ``months`` months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")
