"""The write rules every ERP client enforces, in one place, with one wording.

Each function raises ``InvalidWrite`` (or ``NotFound``) with the message a person reads, or
returns quietly. The clients call them with what they read from their ERP, so the local ledger,
QuickBooks and Intacct refuse the same writes the same way; ``aging_rows`` is the one bucketing
of open invoices every client answers ``aging()`` with.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Protocol

from integrations.erp.money import ZERO, is_currency_code, quantize
from integrations.erp.port import InvalidWrite
from integrations.erp.records import (
    AGING_BUCKET_NAMES,
    SALES_ORDER_STATUSES,
    AgingRow,
    Invoice,
    InvoiceDraft,
    aging_bucket,
)

KEY_REQUIRED = "an idempotency key is required for every ERP write"
MAX_TERMS_DAYS = 365


def require_key(key: str) -> None:
    if not key:
        raise InvalidWrite(KEY_REQUIRED)


def positive_payment(payment_id: str, amount: Decimal, currency: str) -> Decimal:
    value = quantize(amount, currency)
    if value <= 0:
        raise InvalidWrite(f"payment {payment_id}: amount must be positive")
    return value


def positive_application(invoice_number: str, amount: Decimal, currency: str) -> Decimal:
    value = quantize(amount, currency)
    if value <= 0:
        raise InvalidWrite(f"{invoice_number}: an application must be a positive amount")
    return value


def positive_adjustment(amount: Decimal, currency: str) -> Decimal:
    value = quantize(amount, currency)
    if value <= 0:
        raise InvalidWrite("an adjustment must be a positive amount")
    return value


def payment_currency_matches(invoice_number: str, invoice_currency: str, currency: str) -> None:
    if invoice_currency != currency:
        raise InvalidWrite(
            f"invoice {invoice_number} is in {invoice_currency}, the payment in {currency}"
        )


def payer_may_pay(invoice_number: str, owner_id: str, payer_id: str, related: bool) -> None:
    """``related``: ``records.may_pay_for`` of the payer and the invoice's owner."""
    if not related:
        raise InvalidWrite(
            f"invoice {invoice_number} belongs to {owner_id}, not to the payer {payer_id}"
        )


def within_balance(invoice_number: str, balance: Decimal, currency: str, amount: Decimal) -> None:
    if balance < amount:
        raise InvalidWrite(
            f"invoice {invoice_number} has {balance} {currency} open; cannot take {amount} off it"
        )


def enough_unapplied(
    payment_id: str, unapplied: Decimal, amount: Decimal, invoice_number: str | None = None
) -> None:
    if unapplied < amount:
        on = f" on {invoice_number}" if invoice_number else ""
        raise InvalidWrite(f"payment {payment_id} has not enough unapplied cash for {amount}{on}")


def same_payment(
    payment_id: str, recorded: tuple[str, Decimal, str], wanted: tuple[str, Decimal, str]
) -> None:
    """A payment id already in the ERP must be the same payment (payer, amount, currency)."""
    if recorded != wanted:
        customer, amount, currency = recorded
        raise InvalidWrite(
            f"payment {payment_id} is already recorded as {amount} {currency} from {customer}"
        )


def adjustment_fits_invoice(
    invoice: Invoice, customer_id: str, currency: str, amount: Decimal
) -> None:
    if invoice.customer_id != customer_id:
        raise InvalidWrite(
            f"invoice {invoice.invoice_number} belongs to {invoice.customer_id}, not {customer_id}"
        )
    if invoice.currency != currency:
        raise InvalidWrite(f"invoice {invoice.invoice_number} is in {invoice.currency}")
    within_balance(invoice.invoice_number, invoice.balance, currency, amount)


def billed_in(customer_id: str, customer_currency: str, currency: str) -> None:
    if customer_currency != currency:
        raise InvalidWrite(f"customer {customer_id} is billed in {customer_currency}")


def credit_limit(limit: Decimal) -> Decimal:
    if limit < 0:
        raise InvalidWrite("a credit limit cannot be negative")
    return quantize(limit)


def terms_days(days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_TERMS_DAYS:
        raise InvalidWrite(f"payment terms must be 0 to {MAX_TERMS_DAYS} days net")
    return days


def discount(discount_percent: Decimal, discount_days: int, terms_days: int) -> None:
    """An early-payment discount: none (0 and 0), or under 100 % within fewer days than the
    net terms."""
    if not discount_percent and not discount_days:
        return
    if not 0 < discount_percent < 100 or not 0 < discount_days < terms_days:
        raise InvalidWrite(
            "an early-payment discount must be under 100% within fewer days than the net terms"
        )


def terms_label(terms_days: int, discount_percent: Decimal, discount_days: int) -> str:
    """ "Net 30", "2/10 Net 30": how the terms are named (Intacct's term names, the chat)."""
    if discount_percent and discount_days:
        return f"{discount_percent.normalize():f}/{discount_days} Net {terms_days}"
    return f"Net {terms_days}"


def note_text(text: str) -> None:
    if not text.strip():
        raise InvalidWrite("a note needs some text")


def order_status(status: str) -> None:
    if status not in SALES_ORDER_STATUSES:
        raise InvalidWrite(
            f"unknown sales order status {status!r}; one of {', '.join(SALES_ORDER_STATUSES)}"
        )


def invoice_draft(draft: InvoiceDraft, customer_currency: str) -> Decimal:
    """A draft an ERP can bill: lines with positive amounts, the customer's currency, a due
    date on or after the invoice date. Returns the total before tax."""
    if not draft.lines:
        raise InvalidWrite(f"invoice {draft.invoice_number}: an invoice needs at least one line")
    if not is_currency_code(draft.currency):
        raise InvalidWrite(f"invoice {draft.invoice_number}: {draft.currency!r} is no currency")
    billed_in(draft.customer_id, customer_currency, draft.currency)
    if draft.due_date < draft.invoice_date:
        raise InvalidWrite(
            f"invoice {draft.invoice_number}: due {draft.due_date} is before its date "
            f"{draft.invoice_date}"
        )
    total = ZERO
    for line in draft.lines:
        value = quantize(line.amount, draft.currency)
        if value <= 0 or not line.description.strip():
            raise InvalidWrite(
                f"invoice {draft.invoice_number}: every line needs a description and a "
                "positive amount"
            )
        total += value
    return total


class Open(Protocol):
    """What aging reads of an open invoice (an ``Invoice``, or a row of the same columns)."""

    customer_id: str
    currency: str
    due_date: date
    balance: Decimal


def aging_rows(invoices: Iterable[Open], as_of: date) -> list[AgingRow]:
    """Open balances per customer and currency, bucketed by days past due date."""
    totals: dict[tuple[str, str], dict[str, Decimal]] = {}
    for invoice in invoices:
        if invoice.balance <= 0:
            continue
        buckets = totals.setdefault(
            (invoice.customer_id, invoice.currency), dict.fromkeys(AGING_BUCKET_NAMES, ZERO)
        )
        buckets[aging_bucket(max((as_of - invoice.due_date).days, 0))] += invoice.balance
    return [
        AgingRow(customer, currency, buckets)
        for (customer, currency), buckets in sorted(totals.items())
    ]
