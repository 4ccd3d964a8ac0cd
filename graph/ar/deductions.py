"""Deductions: invoices left open by a short payment, why the customer paid less, and whether
the reason holds.

**Reason codes** (``classify_reason``, re-exported from ``graph.ar.cashapp_reasons``, where the
vocabulary and its precedence are written down): an EDI 820 ``ADX`` reason code when known,
else the first of bank fee, tax, damage, shortage, pricing, freight, promotion, discount whose
words (English, German, French, Spanish; retailer shorthand) the text contains; else ``unknown``.

**What counts as an open deduction** (``find_deductions``): an open invoice with a payment
applied to it, where the latest such payment's reference gives a reason (any keyword above, or
the short-pay words cash application reads: SHORT, DEDUCTION, CHARGEBACK, CLAIM, ABZUG, RETENUE,
…), or an EDI ``RMR`` segment for the invoice shows less paid than billed, or the balance left is
exactly the customer's early-payment discount. A reference saying the payment is partial (PARTIAL,
INSTALLMENT, TEILZAHLUNG, ACOMPTE, PAGO PARCIAL, … as cash application reads it) is an agreed
partial payment, never a deduction. The deduction is the invoice's open balance, taken on the
payment's date.

**Validity**: a discount is valid only for a customer with discount terms, paid within the
discount days, and no larger than the terms allow; otherwise it is an *unearned discount*.
Reason ``unknown`` is invalid until the customer explains. Any deduction above ``tolerance``
needs backup (still valid unless a rule above fails), except a discount the terms allow: the
terms are its backup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from graph.ar.cashapp_amounts import plain_decimal
from graph.ar.cashapp_channel_text import says_partial
from graph.ar.cashapp_reasons import ADX_REASON_CODES, SAYS_SHORT, classify_reason, fold
from graph.format import money
from integrations.erp.money import quantize
from integrations.erp.records import (
    Adjustment,
    Customer,
    Invoice,
    Payment,
    invoice_number_key,
)

ZERO = Decimal("0.00")
__all__ = ["ADX_REASON_CODES", "classify_reason", "find_deductions", "summarize"]

# An EDI segment runs to its terminator "~"; in a bank's free text it may also end at a space.
_SEGMENT = re.compile(r"\b(RMR|ADX)\*([^~\s\\]*)[~\\]?")
_STATED_SHORT = re.compile(r"SHORT(?:\s+PAID|\s+PAY|\s+PMT)?\s+\$?(\d[\d,]*\.\d{2})")

# What a collector asks for before accepting a deduction above tolerance.
BACKUP: dict[str, str] = {
    "pricing": "the price they were quoted: contract, quote or PO",
    "shortage": "the receiving report; check our proof of delivery",
    "damage": "photos and the carrier's damage notation",
    "promotion": "the promotion agreement and proof of performance",
    "freight": "the freight terms they rely on and the bill of lading",
    "tax": "a valid tax exemption certificate",
    "discount": "the payment date and the terms they rely on",
    "bank_fee": "the bank's fee advice",
    "unknown": "what the deduction is for",
}

AGE_BUCKETS: tuple[tuple[str, int | None], ...] = (
    ("0-30", 30),
    ("31-60", 60),
    ("61-90", 90),
    ("90+", None),
)


@dataclass(frozen=True, slots=True)
class Deduction:
    customer_id: str
    invoice_number: str
    payment_id: str
    amount: Decimal
    currency: str
    reason_code: str
    memo: str
    taken_on: date
    age_days: int
    valid: bool
    needs_backup: bool
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DeductionSummary:
    """Totals per currency (amounts are never added across currencies)."""

    count: int
    totals: dict[str, Decimal]  # currency → amount
    by_reason: dict[str, dict[str, Decimal]]  # currency → reason code → amount
    by_customer: dict[str, dict[str, Decimal]]  # currency → customer id → amount
    by_age: dict[str, dict[str, Decimal]]  # currency → 0-30 | 31-60 | 61-90 | 90+ → amount
    counts_by_reason: dict[str, int]
    invoices_by_reason: dict[str, tuple[str, ...]]
    writable: tuple[Deduction, ...]  # valid and within tolerance: write-off proposals
    follow_up: tuple[Deduction, ...]  # the rest: ask for backup, re-bill or chase


@dataclass(frozen=True, slots=True)
class _Remittance:
    paid: Decimal
    billed: Decimal | None
    discount: Decimal | None


def find_deductions(
    customers: Iterable[Customer],
    open_invoices: Iterable[Invoice],
    payments: Iterable[Payment],
    adjustments: Iterable[Adjustment],
    as_of: date,
    *,
    tolerance: Decimal,
) -> list[Deduction]:
    """The open deductions, by customer, then date taken, then invoice number."""
    by_id = {c.customer_id: c for c in customers}
    open_by_number = {i.invoice_number: i for i in open_invoices if i.balance > 0}
    applied: dict[str, list[tuple[Payment, Decimal]]] = {}
    for payment in payments:
        for application in payment.applications:
            if application.invoice_number in open_by_number:
                applied.setdefault(application.invoice_number, []).append(
                    (payment, application.amount)
                )
    credited: dict[str, list[Adjustment]] = {}
    for adjustment in adjustments:
        if adjustment.invoice_number in open_by_number:
            credited.setdefault(adjustment.invoice_number, []).append(adjustment)

    found = []
    for number, paid_by in applied.items():
        invoice = open_by_number[number]
        deduction = _deduction(
            invoice,
            by_id.get(invoice.customer_id),
            paid_by,
            credited.get(number, []),
            as_of,
            tolerance,
        )
        if deduction is not None:
            found.append(deduction)
    found.sort(key=lambda d: (d.customer_id, d.taken_on, d.invoice_number))
    return found


def summarize(deductions: Sequence[Deduction]) -> DeductionSummary:
    totals: dict[str, Decimal] = {}
    by_reason: dict[str, dict[str, Decimal]] = {}
    by_customer: dict[str, dict[str, Decimal]] = {}
    by_age: dict[str, dict[str, Decimal]] = {}
    counts: dict[str, int] = {}
    invoices: dict[str, list[str]] = {}
    writable, follow_up = [], []
    for d in deductions:
        currency = d.currency
        totals[currency] = totals.get(currency, ZERO) + d.amount
        _add(by_reason.setdefault(currency, {}), d.reason_code, d.amount)
        _add(by_customer.setdefault(currency, {}), d.customer_id, d.amount)
        ages = by_age.setdefault(currency, {name: ZERO for name, _ in AGE_BUCKETS})
        _add(ages, age_bucket(d.age_days), d.amount)
        counts[d.reason_code] = counts.get(d.reason_code, 0) + 1
        invoices.setdefault(d.reason_code, []).append(d.invoice_number)
        (writable if d.valid and not d.needs_backup else follow_up).append(d)
    return DeductionSummary(
        count=len(deductions),
        totals=totals,
        by_reason=by_reason,
        by_customer=by_customer,
        by_age=by_age,
        counts_by_reason=counts,
        invoices_by_reason={code: tuple(numbers) for code, numbers in invoices.items()},
        writable=tuple(writable),
        follow_up=tuple(follow_up),
    )


def age_bucket(age_days: int) -> str:
    for name, upper in AGE_BUCKETS:
        if upper is None or age_days <= upper:
            return name
    raise AssertionError("unreachable: the last bucket is open-ended")


# --- one invoice -----------------------------------------------------------------------------


def _deduction(
    invoice: Invoice,
    customer: Customer | None,
    paid_by: list[tuple[Payment, Decimal]],
    credits: list[Adjustment],
    as_of: date,
    tolerance: Decimal,
) -> Deduction | None:
    payment = max((p for p, _ in paid_by), key=lambda p: (p.received_on, p.payment_id))
    text = payment.reference
    upper = text.upper()
    if says_partial(upper):
        return None
    amount = invoice.balance
    currency = invoice.currency
    remittance = _remittance_for(upper, invoice.invoice_number)
    allowed = _allowed_discount(invoice, customer)
    reason = classify_reason(text)
    shows_short = remittance is not None and (
        (remittance.billed is not None and remittance.paid < remittance.billed)
        or bool(remittance.discount)
    )
    if reason == "unknown":
        exact_discount = allowed is not None and amount == allowed
        if exact_discount or (remittance is not None and remittance.discount):
            reason = "discount"
        elif not (shows_short or SAYS_SHORT.search(fold(_SEGMENT.sub(" ", upper)))):
            return None  # paid part, said nothing: a partial payment, not a deduction

    problems: list[str] = []
    valid = True
    if reason == "unknown":
        valid = False
        problems.append("no reason given: ask the customer for backup")
    earned_discount = False
    if reason == "discount":
        problem = _discount_problem(invoice, customer, payment, amount, allowed)
        if problem:
            valid = False
            problems.append(problem)
        else:
            earned_discount = True
    needs_backup = amount > tolerance and not earned_discount
    if needs_backup:
        problems.append(
            f"{money(amount, currency)} is above the {money(tolerance, currency)} tolerance: "
            f"get the customer's backup ({BACKUP[reason]})"
        )
    stated = _STATED_SHORT.search(upper)
    if stated:
        said = plain_decimal(stated.group(1).replace(",", ""))
        if said is not None and said != amount:
            problems.append(
                f"the remittance says {money(said, currency)} short; "
                f"{money(amount, currency)} is open"
            )
    credited = sum((a.amount for a in credits), ZERO)
    if credited:
        kinds = ", ".join(sorted({a.reason_code or a.kind for a in credits}))
        problems.append(
            f"{money(credited, currency)} already credited on this invoice ({kinds}); "
            f"{money(amount, currency)} still open"
        )
    return Deduction(
        customer_id=invoice.customer_id,
        invoice_number=invoice.invoice_number,
        payment_id=payment.payment_id,
        amount=amount,
        currency=currency,
        reason_code=reason,
        memo=text,
        taken_on=payment.received_on,
        age_days=(as_of - payment.received_on).days,
        valid=valid,
        needs_backup=needs_backup,
        problems=tuple(problems),
    )


def _allowed_discount(invoice: Invoice, customer: Customer | None) -> Decimal | None:
    if customer is None or not (customer.discount_percent and customer.discount_days):
        return None
    return quantize(invoice.amount * customer.discount_percent / 100, invoice.currency)


def _discount_problem(
    invoice: Invoice,
    customer: Customer | None,
    payment: Payment,
    amount: Decimal,
    allowed: Decimal | None,
) -> str | None:
    terms = customer.terms_label if customer else "its"
    if customer is None or allowed is None:
        return f"unearned discount: {terms} terms give no early-payment discount"
    day = (payment.received_on - invoice.invoice_date).days
    if day > customer.discount_days:
        return f"unearned discount: paid on day {day}, terms {terms}"
    if amount > allowed:
        return (
            f"discount of {money(amount, invoice.currency)} is more than the "
            f"{money(allowed, invoice.currency)} that {terms} allows"
        )
    return None


def _remittance_for(upper_text: str, invoice_number: str) -> _Remittance | None:
    """The EDI RMR segment for this invoice: RMR*IV*<number>*<action>*<paid>*<billed>*<disc>~"""
    key = invoice_number_key(invoice_number)
    for kind, body in _SEGMENT.findall(upper_text):
        elements = body.split("*")
        if kind != "RMR" or len(elements) < 4 or invoice_number_key(elements[1]) != key:
            continue
        paid = plain_decimal(elements[3])
        if paid is None:
            continue
        billed = plain_decimal(elements[4]) if len(elements) > 4 else None
        discount = plain_decimal(elements[5]) if len(elements) > 5 else None
        return _Remittance(paid, billed, discount)
    return None


def _add(totals: dict[str, Decimal], key: str, amount: Decimal) -> None:
    totals[key] = totals.get(key, ZERO) + amount
