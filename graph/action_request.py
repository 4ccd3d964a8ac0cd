"""A change request as the parser reads it (``ActionRequest``), and what every reader of one
uses: the customer a piece of text names, and a deduction's reason code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from graph.lazy_regex import lazy
from graph.understand_refs import _extract, _name


@dataclass(frozen=True)
class ActionRequest:
    """A person asking for a change in the ERP; it becomes a proposal, never a direct write."""

    kind: str
    customer_text: str | None = None
    invoice_refs: tuple[str, ...] = ()
    payment_ref: str | None = None
    order_ref: str | None = None
    amount: Decimal | None = None
    reason_code: str | None = None
    text: str | None = None
    on_hold: bool = True
    due: date | None = None  # the day a promise to pay is due
    terms: tuple[int, Decimal, int] | None = None  # net days, discount %, discount days
    currency: str | None = None  # the currency the amount was written in, when it was
    # bare numbers ("on 987") that are invoices only if the ledger has them (graph.requests)
    maybe_invoices: tuple[str, ...] = ()
    oldest: bool = False  # "apply … to their oldest invoice"
    spread: bool = False  # "… to their open invoices": oldest first, as far as it goes


_REASONS = tuple(
    (lazy(pattern), code)
    for pattern, code in (
        (r"\bbank (?:fee|charge)s?\b|\bwire (?:fee|charge)s?\b|\bfees?\b|\bbank_fee\b", "bank_fee"),
        (r"\bpric(?:e|es|ing)\b", "pricing"),
        (r"\bshort(?:age|[- ]?ship(?:ped|ment)?)s?\b|\bshort shipped\b", "shortage"),
        (r"\bdamage[ds]?\b|\bbroken\b", "damage"),
        (r"\bpromo(?:tion(?:al)?)?s?\b|\bco-?op\b", "promotion"),
        (r"\bfreight\b|\bshipping (?:cost|charge)s?\b", "freight"),
        (r"\b(?:sales )?tax\b", "tax"),
        (r"\bdiscounts?\b", "discount"),
    )
)


def _reason(text: str) -> str | None:
    if m := re.search(r"\b(?:as|reason(?: code)?|code|for)\s*[:=]?\s*([a-z_]+)\s*$", text):
        for pattern, code in _REASONS:
            if pattern.search(m.group(1)):
                return code
    for pattern, code in _REASONS:
        if pattern.search(text):
            return code
    return None


def _customer_of(*parts: str) -> str | None:
    """The first of the parts that names someone."""
    for part in parts:
        name, _ = _name(_extract(part).remaining)
        if name:
            return name
    return None
