"""Reading a QBO entity's fields: references (``{"value": …, "name": …}``), amounts, dates and
timestamps, the currency, custom fields, linked transactions and memos (without arbot's
markers); ``Context``, what mapping an entity needs beyond it, and the Terms it holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from integrations.erp.money import ZERO

MARKER = re.compile(r"\s*\[arbot [0-9a-f]{12}\]")


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


def term(entity: dict[str, Any]) -> Term:
    return Term(
        due_days=int(amount(entity.get("DueDays"))),
        discount_percent=amount(entity.get("DiscountPercent")),
        discount_days=int(amount(entity.get("DiscountDays"))),
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


def linked(line: dict[str, Any], kind: str) -> list[str]:
    return [
        str(link["TxnId"])
        for link in line.get("LinkedTxn") or []
        if isinstance(link, dict) and link.get("TxnType") == kind and link.get("TxnId")
    ]


def clean_memo(text: Any) -> str:
    return MARKER.sub("", str(text or "")).strip()
