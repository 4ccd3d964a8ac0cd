"""Payment inquiries: what was asked, what the ERP says, and the reply a person reads.

Each intent has a ``gather`` (ERP reads only) and an ``answer`` (a Reply from gathered data
only), in a module of its own: ``graph.inquiry_invoice_status``,
``graph.inquiry_customer_balance`` and ``graph.inquiry_payment_history``. This module holds what
they share: what the question is about (``Resolved``) and the pieces of their replies' data
(a payment's also in the whole book's replies).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from graph.understand import DateRange
from integrations.erp.records import Customer, Invoice, Payment


@dataclass
class Resolved:
    """What the request is about, resolved against the ERP."""

    customer: Customer | None = None
    invoices: list[Invoice] = field(default_factory=list)
    missing_refs: list[str] = field(default_factory=list)
    period: DateRange | None = None
    limit: int | None = None
    notes: list[str] = field(default_factory=list)  # said before the answer (e.g. a mismatch)


def customer_fact(customer: Customer) -> dict[str, Any]:
    return {
        "customer_id": customer.customer_id,
        "name": customer.name,
        "currency": customer.currency,
        "terms": customer.terms_label,
        "credit_limit": customer.credit_limit,
        "on_hold": customer.on_hold,
    }


def payment_fact(payment: Payment, payer: dict[str, Any] | None = None) -> dict[str, Any]:
    """A payment in a reply's data; ``payer``: who paid, after the payment's id (the whole book's
    replies name the customer)."""
    return {
        "payment_id": payment.payment_id,
        **(payer or {}),
        "received_on": payment.received_on,
        "amount": payment.amount,
        "currency": payment.currency,
        "method": payment.method,
        "reference": payment.reference,
        "unapplied": payment.unapplied,
        "applications": [
            {"invoice_number": a.invoice_number, "amount": a.amount} for a in payment.applications
        ],
    }


def by_currency(values: list[tuple[str, Decimal]]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for currency, amount in values:
        totals[currency] = totals.get(currency, Decimal("0.00")) + amount
    return totals
