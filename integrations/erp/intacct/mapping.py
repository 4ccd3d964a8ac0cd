"""Intacct rows (field name → text) to arbot's records, and the query-language helpers.

Intacct's ``readByQuery`` answers dates as ``MM/DD/YYYY`` and timestamps as
``MM/DD/YYYY HH:MM:SS`` (company time); amounts as decimal strings; booleans as ``true``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from integrations.erp.money import quantize
from integrations.erp.records import Adjustment, Customer, Invoice, OrderLine, SalesOrder

# --- the query language ---------------------------------------------------------------------


def q(value: str) -> str:
    """A quoted string literal for a readByQuery ``query`` (backslash escapes)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def q_date(day: date) -> str:
    return f"'{day:%m/%d/%Y}'"


def q_timestamp(moment: datetime) -> str:
    return f"'{moment:%m/%d/%Y %H:%M:%S}'"


def q_in(values: Iterable[str]) -> str:
    return "(" + ",".join(q(v) for v in values) + ")"


def q_keys(values: Iterable[str]) -> str:
    """An ``in (…)`` list of record numbers (digits only, never free text)."""
    keys = [str(int(v)) for v in values]
    return "(" + ",".join(keys) + ")"


def where(*conditions: str | None) -> str:
    return " AND ".join(f"{c}" for c in conditions if c)


def chunks(values: list[str], size: int = 100) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# --- values ---------------------------------------------------------------------------------


def parse_date(text: str | None) -> date | None:
    if not text:
        return None
    text = text.strip().split(" ")[0].split("T")[0]
    for fmt in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_timestamp(text: str | None) -> datetime | None:
    if not text:
        return None
    text = text.strip()
    for fmt in ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text[:19], fmt)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None


def amount(text: str | None, currency: str = "USD") -> Decimal:
    try:
        return quantize(Decimal((text or "0").strip() or "0"), currency)
    except InvalidOperation:
        return quantize(Decimal("0"), currency)


def first_amount(row: dict[str, str], names: Iterable[str], currency: str) -> Decimal:
    for name in names:
        if (row.get(name) or "").strip():
            return amount(row[name], currency)
    return quantize(Decimal("0"), currency)


def flag(text: str | None) -> bool:
    return (text or "").strip().lower() in ("true", "t", "1", "yes", "y")


def mmddyyyy(day: date) -> str:
    return f"{day:%m/%d/%Y}"


def tag_for(key: str) -> str:
    """A short, stable tag of an idempotency key, written into Intacct records to find them."""
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def control_id_for(key: str, step: str) -> str:
    """The function control id of one write step, derived from the approval's idempotency key
    (Intacct allows up to 256 characters; this is 45)."""
    return "arbot-" + hashlib.sha256(f"{key}|{step}".encode()).hexdigest()[:32] + f"-{step[:6]}"


# --- terms ----------------------------------------------------------------------------------

_NET = re.compile(r"net\s*(\d+)", re.IGNORECASE)
_DAYS = re.compile(r"(\d+)\s*days?", re.IGNORECASE)
_DISCOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*%?\s*(?:/|\s)\s*(\d+)", re.IGNORECASE)


def parse_terms(name: str | None) -> tuple[int, Decimal, int]:
    """(days, discount percent, discount days) from a term name such as ``Net 30``,
    ``2/10 Net 30``, ``2% 10 Net 45`` or ``Due on receipt``; unknown names give Net 30."""
    text = (name or "").strip()
    if not text:
        return 30, Decimal("0"), 0
    net = _NET.search(text)
    if net:
        days = int(net.group(1))
    elif "receipt" in text.lower():
        days = 0
    elif (plain := _DAYS.search(text)) is not None:
        days = int(plain.group(1))
    else:
        days = 30
    before = text[: net.start()] if net else ""
    discount = _DISCOUNT.search(before)
    if discount:
        return days, Decimal(discount.group(1)), int(discount.group(2))
    return days, Decimal("0"), 0


# --- records --------------------------------------------------------------------------------

CUSTOMER_FIELDS = (
    "RECORDNO",
    "CUSTOMERID",
    "NAME",
    "STATUS",
    "CURRENCY",
    "TERMNAME",
    "CREDITLIMIT",
    "ONHOLD",
    "PARENTID",
    "CUSTREPNAME",
    "DISPLAYCONTACT.EMAIL1",
    "COMMENTS",
    "WHENMODIFIED",
)
INVOICE_FIELDS = (
    "RECORDNO",
    "RECORDID",
    "DOCNUMBER",
    "CUSTOMERID",
    "WHENCREATED",
    "WHENDUE",
    "CURRENCY",
    "TOTALENTERED",
    "TOTALDUE",
    "TRX_TOTALENTERED",
    "TRX_TOTALDUE",
    "STATE",
    "WHENMODIFIED",
)
PAYMENT_FIELDS = (
    "RECORDNO",
    "RECORDTYPE",
    "DOCNUMBER",
    "DESCRIPTION",
    "CUSTOMERID",
    "PAYERNAME",
    "RECEIPTDATE",
    "PAYMENTMETHOD",
    "CURRENCY",
    "TOTALENTERED",
    "TRX_TOTALENTERED",
    "STATE",
    "PARENTPAYMENTKEY",
    "WHENMODIFIED",
)
DETAIL_FIELDS = (
    "RECORDNO",
    "PAYMENTKEY",
    "RECORDKEY",
    "TRX_PAYMENTAMOUNT",
    "ADJUSTMENTKEY",
    "TRX_ADJUSTMENTAMOUNT",
    "OVERPAYMENTKEY",
    "TRX_POSTEDOVERPAYMENTAMOUNT",
    "PAYMENTDATE",
)
ADJUSTMENT_FIELDS = (
    "RECORDNO",
    "RECORDID",
    "CUSTOMERID",
    "WHENCREATED",
    "CURRENCY",
    "TOTALENTERED",
    "TRX_TOTALENTERED",
    "DESCRIPTION",
    "DOCNUMBER",
    "STATE",
    "WHENMODIFIED",
)
ORDER_FIELDS = (
    "RECORDNO",
    "DOCNO",
    "DOCID",
    "CUSTVENDID",
    "WHENCREATED",
    "CURRENCY",
    "TOTAL",
    "TRX_TOTAL",
    "SUBTOTAL",
    "TRX_SUBTOTAL",
    "PONUMBER",
    "STATE",
    "WHENMODIFIED",
)


def customer(row: dict[str, str], base_currency: str) -> Customer:
    days, percent, discount_days = parse_terms(row.get("TERMNAME"))
    limit = (row.get("CREDITLIMIT") or "").strip()
    return Customer(
        customer_id=row.get("CUSTOMERID", ""),
        name=row.get("NAME") or row.get("CUSTOMERID", ""),
        currency=(row.get("CURRENCY") or base_currency).upper(),
        terms_days=days,
        credit_limit=amount(limit) if limit else None,
        email=row.get("DISPLAYCONTACT.EMAIL1") or None,
        on_hold=flag(row.get("ONHOLD")),
        discount_percent=percent,
        discount_days=discount_days,
        parent_id=row.get("PARENTID") or None,
        collector=row.get("CUSTREPNAME") or None,
    )


def invoice_number(row: dict[str, str]) -> str:
    return row.get("RECORDID") or row.get("RECORDNO", "")


def is_invoice(row: dict[str, str]) -> bool:
    """Posted invoices only: drafts and negative (credit) invoices are not receivables."""
    state = (row.get("STATE") or "").strip().lower()
    if state in ("draft", "d", "reversed", "reversal"):
        return False
    return first_amount(row, ("TRX_TOTALENTERED", "TOTALENTERED"), "USD") >= 0


def invoice(row: dict[str, str], base_currency: str) -> Invoice:
    currency = (row.get("CURRENCY") or base_currency).upper()
    created = parse_date(row.get("WHENCREATED")) or date.today()
    return Invoice(
        invoice_number=invoice_number(row),
        customer_id=row.get("CUSTOMERID", ""),
        invoice_date=created,
        due_date=parse_date(row.get("WHENDUE")) or created,
        amount=first_amount(row, ("TRX_TOTALENTERED", "TOTALENTERED"), currency),
        balance=first_amount(row, ("TRX_TOTALDUE", "TOTALDUE"), currency),
        currency=currency,
        po_number=row.get("DOCNUMBER") or None,
    )


_METHOD_TO_INTACCT = {
    "check": "Printed Check",
    "cheque": "Printed Check",
    "cash": "Cash",
    "card": "Credit Card",
    "credit_card": "Credit Card",
}
_METHOD_FROM_INTACCT = {
    "printed check": "check",
    "check": "check",
    "cash": "cash",
    "eft": "ach",
    "online ach debit": "ach",
    "credit card": "card",
    "online charge card": "card",
}


def method_to_intacct(method: str) -> str:
    """arbot's methods (ach, wire, bank, check, …) as Intacct's PAYMENTMETHOD; transfers are EFT."""
    return _METHOD_TO_INTACCT.get(method.strip().lower(), "EFT")


def method_from_intacct(text: str | None) -> str:
    return _METHOD_FROM_INTACCT.get((text or "").strip().lower(), "ach")


_PAYMENT_TAG = re.compile(r"\s*\(arbot ([0-9a-f]{12})(?: payer ([^)]+))?\)\s*$")


def payment_description(reference: str, tag: str, payer: str | None = None) -> str:
    suffix = f" (arbot {tag}" + (f" payer {payer}" if payer else "") + ")"
    return " ".join(reference.split())[: 1000 - len(suffix)] + suffix


def split_payment_description(text: str | None) -> tuple[str, str | None, str | None]:
    """(reference, tag, payer) from a DESCRIPTION written by ``payment_description``."""
    text = text or ""
    found = _PAYMENT_TAG.search(text)
    if not found:
        return text.strip(), None, None
    return text[: found.start()].strip(), found.group(1), found.group(2)


_ADJUSTMENT_DESCRIPTION = re.compile(r"^arbot (\w+)/([\w-]+): ?(.*)$", re.DOTALL)


def adjustment_description(kind: str, reason_code: str | None, memo: str) -> str:
    return f"arbot {kind}/{reason_code or '-'}: {' '.join(memo.split())}"[:1000]


def adjustment(row: dict[str, str], invoice_no: str | None, base_currency: str) -> Adjustment:
    currency = (row.get("CURRENCY") or base_currency).upper()
    described = _ADJUSTMENT_DESCRIPTION.match(row.get("DESCRIPTION") or "")
    if described:
        kind, reason, memo = described.groups()
        reason_code = None if reason == "-" else reason
    else:
        kind, reason_code, memo = "credit_memo", None, row.get("DESCRIPTION") or ""
    return Adjustment(
        adjustment_id=row.get("RECORDID") or row.get("RECORDNO", ""),
        customer_id=row.get("CUSTOMERID", ""),
        invoice_number=invoice_no,
        adjusted_on=parse_date(row.get("WHENCREATED")) or date.today(),
        amount=abs(first_amount(row, ("TRX_TOTALENTERED", "TOTALENTERED"), currency)),
        currency=currency,
        kind=kind,
        reason_code=reason_code,
        memo=memo,
    )


def is_credit(row: dict[str, str]) -> bool:
    """A credit memo (negative adjustment); debit memos raise what is owed and are left out."""
    return first_amount(row, ("TRX_TOTALENTERED", "TOTALENTERED"), "USD") < 0


_ORDER_STATES = {
    "approved": "approved",
    "a": "approved",
    "declined": "cancelled",
    "r": "cancelled",
    "closed": "shipped",
    "d": "shipped",
    "converted": "shipped",
    "c": "shipped",
    "partially converted": "shipped",
    "p": "shipped",
}


def order_status(state: str | None) -> str:
    """Intacct's STATE as arbot's status: Draft, Pending, Submitted, Partially Approved and In
    Progress are pending; Approved approved; Declined cancelled; Converted/Closed shipped."""
    return _ORDER_STATES.get((state or "").strip().lower(), "pending")


def sales_order(
    row: dict[str, str],
    status: str,
    base_currency: str,
    lines: tuple[OrderLine, ...] = (),
) -> SalesOrder:
    """A SODOCUMENT header (and its lines): the tax is its total less its subtotal."""
    currency = (row.get("CURRENCY") or base_currency).upper()
    total = first_amount(row, ("TRX_TOTAL", "TOTAL"), currency)
    subtotal = first_amount(row, ("TRX_SUBTOTAL", "SUBTOTAL"), currency)
    has_subtotal = any((row.get(n) or "").strip() for n in ("TRX_SUBTOTAL", "SUBTOTAL"))
    return SalesOrder(
        order_id=row.get("DOCNO") or row.get("DOCID") or row.get("RECORDNO", ""),
        customer_id=row.get("CUSTVENDID", ""),
        order_date=parse_date(row.get("WHENCREATED")) or date.today(),
        amount=total,
        currency=currency,
        status=status,
        po_number=(row.get("PONUMBER") or "").strip() or None,
        lines=lines,
        tax=max(total - subtotal, Decimal(0)) if has_subtotal else quantize(Decimal(0), currency),
    )
