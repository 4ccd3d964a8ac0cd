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

Customers, invoices and notes are mapped here; payments and credit memos in
``payment_mapping.py``, estimates in ``order_mapping.py``; ``entity_fields.py`` reads an
entity's fields and holds the ``Context``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from integrations.erp.money import quantize
from integrations.erp.quickbooks.entity_fields import (
    Context,
    amount,
    currency_of,
    custom_field,
    day_of,
    ref,
)
from integrations.erp.records import Customer, Invoice, Note

NOTE_LINE = re.compile(r"^\[(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC\] ([^:\n]{1,200}): (.*)$")


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
