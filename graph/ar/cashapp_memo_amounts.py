"""Amounts as a bank line's memo writes them: "1,234.56", a decimal comma ("1.234,56",
"159,87"), a currency code glued to them ("EUR159,87", "159.87USD"), or cut in two by a line
break ("194 .76")."""

from __future__ import annotations

import re
from decimal import Decimal

AMOUNT = re.compile(r"(?<![\w.])\$?(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?![\w.])")
# "1.234,56" and "159,87": a decimal comma, as most of Europe writes amounts.
EU_AMOUNT = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})(?![\w,]|\.\d)")

# A currency code written against an amount, before or after it.
GLUED_CURRENCY = re.compile(
    r"(?<![A-Z0-9])(?:USD|EUR|GBP|CAD|CHF|AUD)(?=\d{1,3}(?:[.,]\d{3})*[.,]\d{2}(?![\d]))"
    r"|(?<=\d[.,]\d\d)(?:USD|EUR|GBP|CAD|CHF|AUD)(?![A-Z])"
)

_NUMERIC_PAIR = re.compile(r"(?<![\w.,])(\d[\d,.]*) ([\d,.]*\d)(?![\w.,])")


def split_amounts(text: str) -> tuple[Decimal, ...]:
    """Amounts cut in two by a 35-character line break ("194 .76", "4 06.03"): two adjacent
    numeric words that are an amount only when joined. Used only where an amount must equal
    another to the cent."""
    found = []
    for match in _NUMERIC_PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        padded = second[:1] == "0" and second[1:2].isdigit()  # "06.03": no amount starts so
        if AMOUNT.fullmatch(first) or (AMOUNT.fullmatch(second) and not padded):
            continue
        joined = first + second
        if AMOUNT.fullmatch(joined):
            found.append(Decimal(joined.replace(",", "")))
        elif EU_AMOUNT.fullmatch(joined):
            found.append(Decimal(joined.replace(".", "").replace(",", ".")))
    return tuple(found)
