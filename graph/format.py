"""How numbers and dates read in every reply (surfaces add their own styling on top)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from integrations.erp.money import minor_units

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


def money(amount: Decimal, currency: str) -> str:
    """``$12,400.00``, ``€80.10``, ``CAD 1,250.00``: the currency is always visible."""
    places = minor_units(currency)
    body = f"{abs(amount):,.{places}f}"
    sign = "-" if amount < 0 else ""
    symbol = _SYMBOLS.get(currency)
    return f"{sign}{symbol}{body}" if symbol else f"{sign}{currency} {body}"


def day(value: date) -> str:
    return value.isoformat()


def due_phrase(due: date, today: date) -> str:
    days = (due - today).days
    if days > 1:
        return f"due in {days} days"
    if days == 1:
        return "due tomorrow"
    if days == 0:
        return "due today"
    return f"{-days} day{'s' if days != -1 else ''} past due"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
