"""What every bank-file reader shares: the error, the payer-name hints, the stable ids."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from integrations.erp.records import BankLine


class BankFileError(ValueError):
    """A bank file that cannot be read as a whole. The message says ``file:line: what is wrong``
    or ``file:line: Element/Path: what is wrong`` (camt), always on one line: text quoted from
    a hostile file cannot start a forged log line."""

    def __init__(self, message: str) -> None:
        super().__init__(_CONTROL.sub(" ", message))


class Unstreamable(Exception):
    """A file a streamed reader does not follow as ``read_statement`` reads it whole (a
    statement's header after its entries, any refusal): it is read whole instead, so that
    what comes back, or the refusal, is ``read_statement``'s own."""


_CONTROL = re.compile("[\x00-\x1f\x7f\u2028\u2029]")

# ACH addenda as banks print them: ``ORIG CO NAME:ACME IND SUPPLY ORIG ID:1234567890 ...``.
# A value runs until the next known addenda key or the end of the text.
_ADDENDA_KEYS = (
    "ORIG CO NAME|ORIG ID|ORIG BK|DESC DATE|CO ENTRY DESCR|ENTRY DESCR|CO ID|SEC|TRACE#|TRACE NO"
    "|EED|IND ID|IND NAME|RECEIVER NAME|ORIGINATOR|ORIGINATOR NAME|RECEIVED FROM|BY ORDER OF|REF"
    "|OBI|BNF|RMR|PMT DET|TRN"
)
_NAME_FIELD = re.compile(
    r"\b(?:ORIG CO NAME|ORIGINATOR NAME|ORIGINATOR|RECEIVED FROM|BY ORDER OF)\s*:\s*"
    rf"(?P<value>.*?)\s*(?=\b(?:{_ADDENDA_KEYS})\s*:|$)"
)


# Names are written near the start of a text; a bound keeps lazy patterns linear on hostile input.
_SEARCHED = 1000


def payer_from_text(text: str) -> str:
    """The originator's name written inside free text (ACH addenda, wire text), or ``""``."""
    found = _NAME_FIELD.search(text[:_SEARCHED].upper())
    return found.group("value").strip(" /,") if found else ""


def hashed_id(prefix: str, *fields: object) -> str:
    """A stable id for a line without a bank reference: the same fields give the same id."""
    digest = hashlib.sha256("\x1f".join(str(f) for f in fields).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16].upper()}"


def unique_ids(lines: Iterable[BankLine]) -> list[BankLine]:
    """Make payment ids unique inside one file without losing stability: the second line
    carrying the same id becomes ``ID~2``, the third ``ID~3``, in file order."""
    seen: Counter[str] = Counter()
    result = []
    for line in lines:
        seen[line.payment_id] += 1
        count = seen[line.payment_id]
        if count > 1:
            line = replace(line, payment_id=f"{line.payment_id}~{count}")
        result.append(line)
    return result
