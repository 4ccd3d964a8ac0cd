"""Amounts in a change request, as people write them: "140", "776.98", "$15,000", "50k",
"1.5m", "15.000 EUR", "15.000,00 €", "GBP 75,000" — and corrected in the same message
("15.000 EUR... sorry USD 15,000": the amount after the correction is the one meant).

Separators follow the rule the remittance reader uses for "1.234,56"
(``graph.ar.cashapp_memo_amounts``) made independent of the locale: money has at most two decimals,
so a dot or comma followed by exactly three digits groups thousands (``15.000`` and ``15,000`` are
both fifteen thousand), and the last one followed by one or two digits is the decimal mark
(``1.234,56``, ``1,234.56``, ``776.98``). Amounts are Decimals; a currency is read only when it is
written (a code or €/£ — "$" is the sign of several dollars, so it names none).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from graph.lazy_regex import lazy

_NUMBER = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"  # lakh grouping: "1,50,000" is 150,000
    r"|(?:\d{1,3}(?:(?P<group>[.,])\d{3})(?:(?P=group)\d{3})*(?:(?!(?P=group))[.,]\d{1,2})?"
    r"|\d+(?:\.\d{1,2}|,\d{2}(?!\d)|,\d(?=\s?[km]\b)))"  # "2,5k": a decimal comma
    r"|\d+"
)
_MONEY = lazy(
    r"(?<![\w./-])(?:(?P<before>usd|eur|gbp|cad|inr|chf|rs\.?|us\$|c\$|[\u20ac\u00a3\u20b9$])\s?)?"
    r"(?P<number>" + _NUMBER + r")\s*(?P<unit>k|m|mm)?\b(?![./-]\d)"
    r"(?!\s*(?:days?|weeks?|months?|years?|hrs?|hours?|%|st\b|nd\b|rd\b|th\b|\+|/))"
    r"(?:\s?(?P<after>(?:usd|eur|gbp|cad|inr|chf|euros?|dollars?|pounds?)\b|[\u20ac\u00a3]))?",
    re.IGNORECASE,
)
_CURRENCY = {
    "usd": "USD",
    "us$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "\u20ac": "EUR",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "\u00a3": "GBP",
    "cad": "CAD",
    "c$": "CAD",
    "inr": "INR",
    "rs": "INR",
    "rs.": "INR",
    "\u20b9": "INR",
    "chf": "CHF",
}
# "sorry", "I mean", "correction", "make that", "scratch that", "no wait", "typo", "rather":
# what follows replaces what was said before it.
_CORRECTION = lazy(
    r"\b(?:sorry|i mean|i meant|correction|make (?:that|it)|scratch that|no wait|typo"
    r"|rather|actually)\b[\s,:;.!-]*",
    re.IGNORECASE,
)


def _value(number: str) -> Decimal | None:
    """ "15.000" → 15000, "1.234,56" → 1234.56, "776.98" → 776.98 (see the module's rule)."""
    last = max(number.rfind("."), number.rfind(","))  # the decimal mark, if it is one
    if last >= 0 and len(number) - last - 1 in (1, 2):
        whole, cents = number[:last], number[last + 1 :]
    else:
        whole, cents = number, ""
    digits = re.sub(r"[.,]", "", whole)
    try:
        return Decimal(f"{digits}.{cents}" if cents else digits)
    except InvalidOperation:
        return None


def money(text: str) -> tuple[Decimal | None, re.Match[str] | None]:
    """The first amount written in ``text`` (as a Decimal) and where it was written."""
    for match in _MONEY.finditer(text):
        value = _value(match.group("number"))
        if value is None:
            continue
        unit = (match.group("unit") or "").lower()
        if unit == "k":
            value *= 1000
        elif unit in ("m", "mm"):
            value *= 1_000_000
        return value, match
    return None, None


def currency(match: re.Match[str] | None) -> str | None:
    """The currency written with the amount ``money`` found, if one was."""
    if match is None:
        return None
    written = (match.group("before") or match.group("after") or "").lower()
    return _CURRENCY.get(written)


def corrected(text: str) -> tuple[Decimal, str | None] | None:
    """ "limit to 15.000 EUR... sorry USD 15,000": the amount (and its currency) said after the
    last correction in ``text``, when one follows it."""
    ends = [found.end() for found in _CORRECTION.finditer(text)]
    if not ends:
        return None
    amount, match = money(text[ends[-1] :])
    return None if amount is None else (amount, currency(match))
