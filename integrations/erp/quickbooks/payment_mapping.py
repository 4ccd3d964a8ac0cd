"""QBO Payments and CreditMemos → arbot's payments and adjustments: a payment's id (the one
arbot wrote it under, else ``QBO-<Id>``), its method and memo, the cash it applied to each
invoice and what a credit memo paid in it (an adjustment, not cash); a credit memo as one
adjustment per invoice it paid plus what is left of it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from integrations.erp.money import ZERO, quantize
from integrations.erp.quickbooks.entity_fields import (
    Context,
    amount,
    clean_memo,
    currency_of,
    day_of,
    linked,
    ref,
    ref_name,
)
from integrations.erp.records import Adjustment, Application, Payment

PAYMENT_PREFIX = "QBO-"  # payments arbot did not write: "QBO-<Id>" (the chat parses such ids)


def _method(entity: dict[str, Any]) -> str:
    name = ref_name(entity.get("PaymentMethodRef")) or ""
    lowered = name.lower()
    if "check" in lowered or "cheque" in lowered:
        return "check"
    if "card" in lowered or "visa" in lowered or "mastercard" in lowered or "amex" in lowered:
        return "card"
    if "ach" in lowered or "eft" in lowered or "transfer" in lowered:
        return "ach"
    if "wire" in lowered:
        return "wire"
    return lowered or "other"


def payment_split(
    entity: dict[str, Any],
) -> tuple[list[tuple[str, Decimal]], list[tuple[str, Decimal]]]:
    """(invoice lines, credit-memo lines) of a payment, as (QBO Id, amount)."""
    invoices: list[tuple[str, Decimal]] = []
    credits: list[tuple[str, Decimal]] = []
    for line in entity.get("Line") or []:
        if not isinstance(line, dict):
            continue
        value = amount(line.get("Amount"))
        for txn in linked(line, "Invoice"):
            invoices.append((txn, value))
        for txn in linked(line, "CreditMemo"):
            credits.append((txn, value))
    return invoices, credits


def cash_applications(entity: dict[str, Any]) -> list[tuple[str, Decimal]]:
    """The cash (not credit) a payment applied to each invoice (QBO Id, amount): credits used
    in the same payment are taken off the invoice lines first, in order."""
    invoices, credits = payment_split(entity)
    credit = sum((v for _, v in credits), ZERO)
    out = []
    for txn, value in invoices:
        used = min(credit, value)
        credit -= used
        if value - used > 0:
            out.append((txn, value - used))
    return out


def credit_applications(entity: dict[str, Any]) -> list[tuple[str, str, Decimal]]:
    """What each credit memo paid of each invoice in a payment: (credit memo Id, invoice Id,
    amount), credits matched to invoice lines in order."""
    invoices, credits = payment_split(entity)
    out = []
    remaining = [[txn, value] for txn, value in invoices]
    for memo, value in credits:
        left = value
        for slot in remaining:
            if left <= 0:
                break
            used = min(left, slot[1])
            if used > 0:
                out.append((memo, str(slot[0]), used))
                slot[1] -= used
                left -= used
    return out


def payment(entity: dict[str, Any], context: Context) -> Payment | None:
    """None for a payment that moved no cash (a credit memo applied with a zero payment)."""
    total = amount(entity.get("TotalAmt"))
    if total <= 0:
        return None
    qbo_id = str(entity["Id"])
    received = day_of(entity.get("TxnDate")) or date.today()
    pid = context.payment_ids.get(qbo_id, f"{PAYMENT_PREFIX}{qbo_id}")
    currency = currency_of(entity, context)
    applications = tuple(
        Application(pid, context.invoice_numbers.get(txn, txn), quantize(value, currency), received)
        for txn, value in cash_applications(entity)
    )
    memo = clean_memo(entity.get("PrivateNote"))
    return Payment(
        payment_id=pid,
        customer_id=ref(entity.get("CustomerRef")) or "",
        received_on=received,
        amount=quantize(total, currency),
        currency=currency,
        method=_method(entity),
        reference=memo or str(entity.get("PaymentRefNum") or ""),
        applications=applications,
    )


def adjustments(
    memo: dict[str, Any],
    applied: Iterable[tuple[str, Decimal]],
    context: Context,
    notes: dict[str, Any] | None,
) -> list[Adjustment]:
    """A credit memo as adjustments: one per invoice it paid (``applied``: invoice number,
    amount), and one without an invoice for what is left of it."""
    currency = currency_of(memo, context)
    one = partial(
        Adjustment,
        adjustment_id=f"CM-{memo['Id']}",
        customer_id=ref(memo.get("CustomerRef")) or "",
        adjusted_on=day_of(memo.get("TxnDate")) or date.today(),
        currency=currency,
        kind=str(notes["kind"]) if notes else "credit_memo",
        reason_code=notes.get("reason_code") if notes else None,
        memo=str(notes["memo"]) if notes else clean_memo(memo.get("PrivateNote")),
    )
    out = [one(invoice_number=n, amount=quantize(v, currency)) for n, v in applied]
    remaining = amount(memo.get("RemainingCredit", memo.get("Balance")))
    if remaining > 0:
        out.append(one(invoice_number=None, amount=quantize(remaining, currency)))
    return out
