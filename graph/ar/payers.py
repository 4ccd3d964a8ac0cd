"""Payment behaviour: days to pay and days beyond terms, amount-weighted; who pays the oldest
invoices first (cash application uses it to choose among equal open invoices)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from integrations.erp.records import Invoice, Payment


@dataclass(frozen=True, slots=True)
class PayingHabit:
    """Amount-weighted averages over the applications seen (None when there are none)."""

    days_to_pay: Decimal | None
    days_beyond_terms: Decimal | None
    applications: int


def paying_habit(payments: Iterable[Payment], invoices: Mapping[str, Invoice]) -> PayingHabit:
    weight = Decimal(0)
    to_pay = Decimal(0)
    beyond = Decimal(0)
    count = 0
    for payment in payments:
        for application in payment.applications:
            invoice = invoices.get(application.invoice_number)
            if invoice is None:
                continue
            count += 1
            weight += application.amount
            to_pay += application.amount * (payment.received_on - invoice.invoice_date).days
            beyond += application.amount * (payment.received_on - invoice.due_date).days
    if not weight:
        return PayingHabit(None, None, 0)
    one = Decimal("0.1")
    return PayingHabit(
        (to_pay / weight).quantize(one, ROUND_HALF_UP),
        (beyond / weight).quantize(one, ROUND_HALF_UP),
        count,
    )


def pays_oldest_first(
    payments: Iterable[Payment], invoices: Mapping[str, Invoice], *, at_least: int = 3
) -> frozenset[str]:
    """The customers whose own history pays the oldest invoices first: taken in the order they
    arrived, every payment went to invoices dated no later than those the next one paid. At
    least ``at_least`` applications are needed for a habit; ``invoices`` must include the
    closed ones (the history is about them)."""
    return _in_order(payments, invoices, at_least)[0]


def pays_out_of_order(
    payments: Iterable[Payment], invoices: Mapping[str, Invoice]
) -> frozenset[str]:
    """The customers whose own history once paid an invoice dated before one an earlier payment
    had already settled: for them the oldest of equal open invoices is not the convention."""
    return _in_order(payments, invoices, 3)[1]


def _in_order(
    payments: Iterable[Payment], invoices: Mapping[str, Invoice], at_least: int
) -> tuple[frozenset[str], frozenset[str]]:
    by_customer: dict[str, list[Payment]] = {}
    for payment in payments:
        by_customer.setdefault(payment.customer_id, []).append(payment)
    habitual = []
    contrary = []
    for customer_id, paid in by_customer.items():
        paid.sort(key=lambda p: (p.received_on, p.payment_id))
        count = 0
        newest_so_far = None
        in_order = True
        for payment in paid:
            dates = [
                invoices[a.invoice_number].invoice_date
                for a in payment.applications
                if a.invoice_number in invoices
            ]
            if not dates:
                continue
            count += len(dates)
            if newest_so_far is not None and min(dates) < newest_so_far:
                in_order = False
                contrary.append(customer_id)
                break
            newest_so_far = max(dates) if newest_so_far is None else max(newest_so_far, *dates)
        if in_order and count >= at_least:
            habitual.append(customer_id)
    return frozenset(habitual), frozenset(contrary)
