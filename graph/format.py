"""How numbers and dates read in every reply (surfaces add their own styling on top).

Without ``ARBOT_LOCALE``: ``$12,400.00``, ``CAD 1,250.00`` and ISO dates. With it (``de_DE``,
``fr_FR``, ``en_GB``...): the locale's own money and dates, by Babel (CLDR) — ``12.400,00 $``,
``21.11.2026``. Either way an amount shows its currency's ISO 4217 decimals (XOF none, TND
three), never the display data's."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from integrations.erp.money import minor_units

LOCALE_ENV = "ARBOT_LOCALE"
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


class LocaleError(ValueError):
    """``ARBOT_LOCALE`` names no locale Babel knows."""


@lru_cache(maxsize=8)
def _babel_locale(name: str) -> Any:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise LocaleError(
            f"{LOCALE_ENV}={name!r} is not a locale (e.g. en_US, en_GB, de_DE, fr_FR)"
        ) from None


def business_locale() -> Any | None:
    """The Babel locale of ``ARBOT_LOCALE``, or None when unset (the built-in style)."""
    name = (os.environ.get(LOCALE_ENV) or "").strip()
    return _babel_locale(name) if name else None


@lru_cache(maxsize=64)
def _currency_pattern(locale: Any, places: int) -> Any:
    from copy import copy

    from babel.numbers import parse_pattern

    pattern = copy(parse_pattern(locale.currency_formats["standard"]))
    pattern.frac_prec = (places, places)
    return pattern


def money(amount: Decimal, currency: str) -> str:
    """``$12,400.00``, ``€80.10``, ``CAD 1,250.00`` (or the locale's own): the currency is
    always visible."""
    places = minor_units(currency)
    locale = business_locale()
    if locale is not None:
        pattern = _currency_pattern(locale, places)
        return str(pattern.apply(amount, locale, currency=currency, currency_digits=False))
    body = f"{abs(amount):,.{places}f}"
    sign = "-" if amount < 0 else ""
    symbol = _SYMBOLS.get(currency)
    return f"{sign}{symbol}{body}" if symbol else f"{sign}{currency} {body}"


def day(value: date) -> str:
    """``2026-11-21``, or the locale's own date with a four-digit year (``21.11.2026``,
    ``21/11/2026``, ``Nov 21, 2026``)."""
    locale = business_locale()
    if locale is None:
        return value.isoformat()
    from babel.dates import format_date

    return str(format_date(value, _date_format(locale), locale))


@lru_cache(maxsize=8)
def _date_format(locale: Any) -> str:
    """The short format, unless its year has two digits (en_US 11/21/26): then the medium."""
    short = str(locale.date_formats["short"].pattern)
    return "medium" if short.count("y") == 2 else "short"


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
