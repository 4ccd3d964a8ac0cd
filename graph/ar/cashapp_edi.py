"""EDI 820 remittance in a bank line's text: RMR items (invoice, paid, invoice amount,
discount), REF*PO orders and ADX adjustments (deductions) of each item or of the whole
payment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from graph.ar.cashapp_amounts import plain_decimal

# X12 segments end with "~"; NACHA CCD+ addenda write them with a backslash instead.
_SEGMENT = re.compile(r"(?<![A-Z0-9])(RMR|ADX|REF|BPR|TRN|ENT|NM1|N1|DTM|IT1|RMT)\*[^~\n\\]*[~\\]?")
_NOTE = re.compile(r"(?<![A-Z0-9])NTE\*[A-Z0-9]{0,3}\*")  # an EDI note: its text is memo


@dataclass(frozen=True, slots=True)
class EdiAdjustment:
    """An ADX segment: a positive ``amount`` reduces the payment (a deduction)."""

    amount: Decimal
    reason: str  # the X12 426 code as written


@dataclass(frozen=True, slots=True)
class EdiItem:
    """An RMR segment: ``RMR*IV*<ref>*PO*<paid>*<invoice amount>*<discount>~``."""

    qualifier: str
    reference: str
    paid: Decimal | None
    invoice_amount: Decimal | None
    discount: Decimal | None
    adjustments: tuple[EdiAdjustment, ...] = ()


def edi_segments(text: str) -> tuple[tuple[EdiItem, ...], tuple[EdiAdjustment, ...]]:
    items: list[EdiItem] = []
    header: list[EdiAdjustment] = []
    for found in _SEGMENT.finditer(text):
        elements = found.group(0).rstrip("~\\").split("*")
        tag = elements[0]
        fields = [*elements[1:], "", "", "", "", "", ""]
        if tag == "RMR" and fields[1].strip():
            items.append(
                EdiItem(
                    fields[0].strip(),
                    fields[1].strip(),
                    plain_decimal(fields[3]),
                    plain_decimal(fields[4]),
                    plain_decimal(fields[5]),
                )
            )
        elif tag == "REF" and fields[0].strip() == "PO" and fields[1].strip():
            # REF*PO*<purchase order>: the order the payment (or the invoice before it) is for.
            items.append(EdiItem("PO", fields[1].strip(), None, None, None))
        elif tag == "ADX":
            amount = plain_decimal(fields[0])
            if amount is None:
                continue
            # ADX01 is signed: negative reduces the payment. Some payers write it unsigned.
            adjustment = EdiAdjustment(abs(amount), fields[1].strip())
            if items:
                last = items[-1]
                items[-1] = EdiItem(
                    last.qualifier,
                    last.reference,
                    last.paid,
                    last.invoice_amount,
                    last.discount,
                    (*last.adjustments, adjustment),
                )
            else:
                header.append(adjustment)
    return tuple(items), tuple(header)


def without_segments(text: str) -> str:
    """The text without its EDI segments, and an EDI note's text kept as memo."""
    return _NOTE.sub(" ", _SEGMENT.sub(" ", text))
