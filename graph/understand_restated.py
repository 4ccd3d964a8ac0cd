"""A value said again after a slip, in a change request: "drop X's limit to £2,000... well,
$2,000", "set X to COD... i mean net 7", "put X on pro forma terms... well, 7 days", "raise X to
25k - sorry, 30k". What follows the correction replaces the value said just before it, and the
message is read as if it had been written right the first time.

Only a value (an amount, terms, a number of days) said right after a pause and a correction word
is taken; "as well", "well done", "sorry to ask, …" and a correction that is followed by no value
leave the message as it was (``graph.understand_money.corrected`` still reads an amount after
"sorry" anywhere in it).
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy

_AMOUNT = (
    r"(?:(?:usd|eur|gbp|cad|us\$|c\$|[$\u00a3\u20ac])\s?)?\d[\d,.]*(?:\s?(?:k|m|mm)\b)?"
    r"(?:\s?(?:usd|eur|gbp|cad|dollars|pounds|euros)\b)?"
)
_TERMS = (
    r"(?:\d{1,2}(?:\.\d{1,2})?\s?%?\s?/\s?\d{1,3}\s)?(?:net|n)\s?-?\d{1,3}(?:\s?days?)?"
    r"|\d{1,3}[- ]?days?"
    r"|c\.?o\.?d\.?|cash on delivery|cash in advance|cia|pro[- ]?forma|prepayment|prepaid"
    r"|due (?:up)?on receipt"
)
_VALUE = rf"(?:{_TERMS}|{_AMOUNT})"
# value, a pause ("...", "…", ",", " - "), a correction word, the value meant
_RESTATED = lazy(
    rf"(?P<old>(?<![\w$\u00a3\u20ac])(?:{_VALUE})(?P<terms_word>\s(?:payment\s)?terms?)?)"
    r"\s*(?:\.{2,}|\u2026|,|\s-+)\s*"
    r"(?:well|i mean|i meant|sorry|oops|no wait|correction|make (?:that|it)|scratch that"
    r"|rather|actually|err?|um+)\b[\s,:;.!-]*"
    rf"(?P<new>(?:{_VALUE}))(?![\w%/])",
    re.IGNORECASE,
)
_NAMES_TERMS = lazy(r"(?i)\bterms?\b|\bnet\b|\bn\d|\bdue\b")


def restated(text: str) -> str:
    """``text`` with each value said again after a correction put in place of the one before
    it ("… to COD... i mean net 7" → "… to net 7")."""
    return _RESTATED.sub(_meant, text)


def _meant(found: re.Match[str]) -> str:
    new = found.group("new")
    if found.group("terms_word") and not _NAMES_TERMS.search(new):
        # "pro forma terms... well, 7 days": the days are the terms' ("7 days terms")
        return f"{new}{found.group('terms_word')}"
    return new
