"""QBO entities → arbot's records, and the few conventions that make them round-trip.

- Customer: ``customer_id`` is the QBO Id, ``name`` the DisplayName; terms (and an early-payment
  discount) come from its SalesTermRef's Term; credit limit and hold from arbot's store.
- Invoice: ``invoice_number`` is the DocNumber (the Id when the company numbers no invoices);
  ``po_number`` is the custom field named by ``QBO_PO_FIELD`` (name or DefinitionId).
- Payment: ``payment_id`` is the id arbot wrote it under (a bank line's), else ``QBO-<Id>``;
  ``reference`` the memo (PrivateNote, without arbot's markers) or else PaymentRefNum. Lines
  linking an invoice are its applications; what a credit memo paid in the same payment is an
  adjustment, not cash, and a payment of no cash at all (a credit applied) is not a payment.
- Credit memo → Adjustment(s): one per invoice it was applied to, plus what is left of it.
- Estimate → SalesOrder ``SO-<Id>``; status from TxnStatus unless arbot set one QBO cannot hold.
- Notes are lines ``[YYYY-MM-DD HH:MM UTC] author: text`` appended to Customer.Notes and
  Invoice.PrivateNote; other text there is one note by "QuickBooks".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from integrations.erp.money import ZERO, quantize
from integrations.erp.records import (
    Adjustment,
    Application,
    Customer,
    Invoice,
    Note,
    OrderLine,
    Payment,
    SalesOrder,
)

ORDER_PREFIX = "SO-"
PAYMENT_PREFIX = "QBO-"  # payments arbot did not write: "QBO-<Id>" (the chat parses such ids)
MARKER = re.compile(r"\s*\[arbot [0-9a-f]{12}\]")
NOTE_LINE = re.compile(r"^\[(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC\] ([^:\n]{1,200}): (.*)$")

# arbot's sales-order states ↔ an Estimate's TxnStatus.
QBO_STATUS_FOR = {
    "pending": "Pending",
    "on_hold": "Pending",
    "approved": "Accepted",
    "released": "Accepted",
    "shipped": "Closed",
    "cancelled": "Rejected",
    "declined": "Rejected",
}
STATUS_FROM_QBO = {
    "Pending": "pending",
    "Accepted": "approved",
    "Closed": "shipped",
    "Converted": "shipped",
    "Rejected": "cancelled",
}


@dataclass(frozen=True, slots=True)
class Term:
    due_days: int
    discount_percent: Decimal = Decimal("0")
    discount_days: int = 0


@dataclass
class Context:
    """What mapping needs beyond the entity itself."""

    home_currency: str = "USD"
    po_field: str = "PO Number"
    terms: dict[str, Term] = field(default_factory=dict)
    default_terms_days: int = 30
    credit: dict[str, tuple[Decimal | None, bool]] = field(default_factory=dict)
    payment_ids: dict[str, str] = field(default_factory=dict)  # QBO Id → arbot payment id
    invoice_numbers: dict[str, str] = field(default_factory=dict)  # QBO Id → invoice number
    invoice_customers: dict[str, str] = field(default_factory=dict)  # QBO Id → customer id


def ref(value: Any) -> str | None:
    """The id of a ``{"value": "20", "name": …}`` reference (or of a bare value)."""
    if isinstance(value, dict):
        inner = value.get("value")
        return str(inner) if inner not in (None, "") else None
    return str(value) if value not in (None, "") else None


def ref_name(value: Any) -> str | None:
    return str(value.get("name")) if isinstance(value, dict) and value.get("name") else None


def amount(value: Any) -> Decimal:
    if value in (None, ""):
        return ZERO
    return Decimal(str(value))


def day_of(value: Any) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def moment_of(value: Any) -> datetime | None:
    """An ISO timestamp as QBO writes them (``2020-09-29T06:00:07-07:00``, ``…Z``), in UTC."""
    if not value:
        return None
    text = str(value).replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


def currency_of(entity: dict[str, Any], context: Context) -> str:
    return ref(entity.get("CurrencyRef")) or context.home_currency


def boolean(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def term(entity: dict[str, Any]) -> Term:
    return Term(
        due_days=int(amount(entity.get("DueDays"))),
        discount_percent=amount(entity.get("DiscountPercent")),
        discount_days=int(amount(entity.get("DiscountDays"))),
    )


def customer(entity: dict[str, Any], context: Context) -> Customer:
    cid = str(entity["Id"])
    terms = context.terms.get(ref(entity.get("SalesTermRef")) or "")
    limit, on_hold = context.credit.get(cid, (None, False))
    email = entity.get("PrimaryEmailAddr")
    return Customer(
        customer_id=cid,
        name=str(entity.get("DisplayName") or entity.get("FullyQualifiedName") or cid),
        currency=currency_of(entity, context),
        terms_days=terms.due_days if terms else context.default_terms_days,
        credit_limit=limit,
        email=str(email["Address"]) if isinstance(email, dict) and email.get("Address") else None,
        on_hold=on_hold,
        discount_percent=terms.discount_percent if terms else Decimal("0"),
        discount_days=terms.discount_days if terms else 0,
        parent_id=ref(entity.get("ParentRef")),
    )


def custom_field(entity: dict[str, Any], wanted: str) -> str | None:
    """The value of the custom field named ``wanted`` (case-insensitive) or with that
    DefinitionId; None when the company has no such field or it is empty."""
    if not wanted:
        return None
    for item in entity.get("CustomField") or []:
        if not isinstance(item, dict):
            continue
        name = str(item.get("Name") or "")
        if name.lower() == wanted.lower() or str(item.get("DefinitionId") or "") == wanted:
            value = item.get("StringValue") or item.get("NumberValue") or item.get("DateValue")
            text = str(value).strip() if value is not None else ""
            return text or None
    return None


def invoice_number(entity: dict[str, Any]) -> str:
    return str(entity.get("DocNumber") or entity["Id"])


def invoice(entity: dict[str, Any], context: Context) -> Invoice:
    issued = day_of(entity.get("TxnDate")) or date.today()
    number = invoice_number(entity)
    customer_id = ref(entity.get("CustomerRef")) or ""
    currency = currency_of(entity, context)
    context.invoice_numbers[str(entity["Id"])] = number
    context.invoice_customers[str(entity["Id"])] = customer_id
    return Invoice(
        invoice_number=number,
        customer_id=customer_id,
        invoice_date=issued,
        due_date=day_of(entity.get("DueDate")) or issued,
        amount=quantize(amount(entity.get("TotalAmt")), currency),
        balance=quantize(amount(entity.get("Balance")), currency),
        currency=currency,
        po_number=custom_field(entity, context.po_field),
    )


def linked(line: dict[str, Any], kind: str) -> list[str]:
    return [
        str(link["TxnId"])
        for link in line.get("LinkedTxn") or []
        if isinstance(link, dict) and link.get("TxnType") == kind and link.get("TxnId")
    ]


def clean_memo(text: Any) -> str:
    return MARKER.sub("", str(text or "")).strip()


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
    qbo_id = str(memo["Id"])
    currency = currency_of(memo, context)
    when = day_of(memo.get("TxnDate")) or date.today()
    kind = str(notes["kind"]) if notes else "credit_memo"
    reason = notes.get("reason_code") if notes else None
    text = str(notes["memo"]) if notes else clean_memo(memo.get("PrivateNote"))
    customer_id = ref(memo.get("CustomerRef")) or ""
    out = [
        Adjustment(
            adjustment_id=f"CM-{qbo_id}",
            customer_id=customer_id,
            invoice_number=number,
            adjusted_on=when,
            amount=quantize(value, currency),
            currency=currency,
            kind=kind,
            reason_code=reason,
            memo=text,
        )
        for number, value in applied
    ]
    remaining = amount(memo.get("RemainingCredit", memo.get("Balance")))
    if remaining > 0:
        out.append(
            Adjustment(
                adjustment_id=f"CM-{qbo_id}",
                customer_id=customer_id,
                invoice_number=None,
                adjusted_on=when,
                amount=quantize(remaining, currency),
                currency=currency,
                kind=kind,
                reason_code=reason,
                memo=text,
            )
        )
    return out


def order_id(estimate_id: str) -> str:
    return f"{ORDER_PREFIX}{estimate_id}"


def estimate_id(order: str) -> str | None:
    text = order.strip().upper()
    if text.startswith(ORDER_PREFIX):
        text = text[len(ORDER_PREFIX) :]
    return text if text.isdigit() else None


def sales_order(
    entity: dict[str, Any], context: Context, overlay: tuple[str, str] | None
) -> SalesOrder:
    qbo_status = str(entity.get("TxnStatus") or "Pending")
    status = STATUS_FROM_QBO.get(qbo_status, "pending")
    if overlay is not None and overlay[1] == qbo_status:
        status = overlay[0]
    currency = currency_of(entity, context)
    tax = (entity.get("TxnTaxDetail") or {}).get("TotalTax")
    return SalesOrder(
        order_id=order_id(str(entity["Id"])),
        customer_id=ref(entity.get("CustomerRef")) or "",
        order_date=day_of(entity.get("TxnDate")) or date.today(),
        amount=quantize(amount(entity.get("TotalAmt")), currency),
        currency=currency,
        status=status,
        po_number=custom_field(entity, context.po_field),
        lines=order_lines(entity.get("Line"), currency),
        tax=quantize(amount(tax), currency),
    )


def order_lines(lines: Any, currency: str) -> tuple[OrderLine, ...]:
    """An Estimate's item lines (``SalesItemLineDetail``: Description or the item's name,
    Qty, UnitPrice, Amount, TaxCodeRef TAX/NON); its subtotal, discount and group lines are
    not lines of their own. A line without Qty is one unit at its amount."""
    found = []
    for line in lines if isinstance(lines, list) else []:
        if not isinstance(line, dict) or line.get("DetailType") != "SalesItemLineDetail":
            continue
        detail = line.get("SalesItemLineDetail")
        if not isinstance(detail, dict):
            continue
        value = quantize(amount(line.get("Amount")), currency)
        item = detail.get("ItemRef") if isinstance(detail.get("ItemRef"), dict) else {}
        text = " ".join(str(line.get("Description") or item.get("name") or "").split())
        quantity = amount(detail.get("Qty")) if detail.get("Qty") is not None else Decimal(1)
        price = (
            amount(detail.get("UnitPrice"))
            if detail.get("UnitPrice") is not None
            else value / quantity
            if quantity
            else value
        )
        found.append(
            OrderLine(
                description=text or "Item",
                quantity=quantity,
                unit_price=price,
                amount=value,
                taxable=ref(detail.get("TaxCodeRef")) == "TAX",
                item=ref(item) if item else None,
            )
        )
    return tuple(found)


def note_line(moment: datetime, author: str, text: str) -> str:
    who = " ".join(re.sub(r"[:\n]+", " ", author).split()) or "arbot"
    return f"[{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC] {who}: {' '.join(text.split())}"


def notes_in(
    text: Any, customer_id: str, created: datetime, invoice_number: str | None = None
) -> list[Note]:
    """The notes in a Notes/PrivateNote field: arbot's timestamped lines, and whatever else a
    person typed there as one note (by "QuickBooks", at the entity's creation)."""
    found: list[Note] = []
    loose: list[str] = []
    for raw in str(text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        match = NOTE_LINE.match(line)
        if match is None:
            loose.append(line)
            continue
        at = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
        found.append(Note(customer_id, match.group(3), match.group(2), at, invoice_number))
    if loose:
        found.insert(0, Note(customer_id, " ".join(loose), "QuickBooks", created, invoice_number))
    return found
