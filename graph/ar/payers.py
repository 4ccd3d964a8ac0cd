"""Payment behaviour: days to pay and days beyond terms, amount-weighted."""

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
