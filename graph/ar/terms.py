"""Payment terms and a credit limit for a new customer, from its orders and an external score.

A new customer has no invoices and no payments to judge by, so the proposal rests on what it
has ordered (in its own currency, declined and cancelled orders left out) and, when given, an
external view of how it pays:

- the limit covers two of its largest orders (one being delivered, one being paid), rounded up
  to the next 1,000; a strong external view (PAYDEX 80 or more, or a 300-850 score of 700 or
  more) allows half as much again, a weak one (PAYDEX below 50, a score below 550) half as much;
- terms are Net 30 with a neutral or strong external view, Net 15 with a weak one or none.

It is a proposal: a credit manager approves it (``set_terms``) within the policy's limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from graph.lazy_regex import lazy
from integrations.erp.records import Customer, SalesOrder

STANDARD_TERMS = 30
CAUTIOUS_TERMS = 15
COUNTED = frozenset({"pending", "approved", "on_hold", "released", "shipped"})


@dataclass(frozen=True)
class TermsProposal:
    terms_days: int
    credit_limit: Decimal
    basis: tuple[str, ...]


def _view(external_score: int | None, paydex: int | None) -> str | None:
    if paydex is not None:
        return "strong" if paydex >= 80 else "weak" if paydex < 50 else "neutral"
    if external_score is not None:
        return "strong" if external_score >= 700 else "weak" if external_score < 550 else "neutral"
    return None


def propose_terms(
    customer: Customer,
    orders: Iterable[SalesOrder],
    *,
    external_score: int | None = None,
    paydex: int | None = None,
) -> TermsProposal | None:
    """None when the customer has no order in its currency to size a limit by."""
    mine = [
        o
        for o in orders
        if o.customer_id == customer.customer_id
        and o.currency == customer.currency
        and o.status in COUNTED
    ]
    if not mine:
        return None
    largest = max(o.amount for o in mine)
    base = largest * 2
    basis = [f"two of its largest order ({largest} {customer.currency}, {len(mine)} order(s))"]
    view = _view(external_score, paydex)
    named = f"PAYDEX {paydex}" if paydex is not None else f"external score {external_score}"
    if view == "strong":
        base *= Decimal("1.5")
        basis.append(f"{named}: strong, half as much again")
    elif view == "weak":
        base *= Decimal("0.5")
        basis.append(f"{named}: weak, half as much")
    elif view == "neutral":
        basis.append(f"{named}: neutral")
    else:
        basis.append("no external score: shorter terms until it has paid")
    limit = (base / 1000).to_integral_value(rounding=ROUND_CEILING) * 1000
    terms = STANDARD_TERMS if view in ("strong", "neutral") else CAUTIOUS_TERMS
    return TermsProposal(terms, limit.quantize(Decimal("0.01")), tuple(basis))


# "net 60", "n30", "2/10 net 30", "2% 10 net 30", "1.5/15 n45", "due on receipt"
TERMS_WRITTEN = lazy(
    r"(?:\b(?P<pct>\d{1,2}(?:\.\d{1,2})?)\s*%?\s*(?:/|\s)\s*(?P<within>\d{1,3})\s*,?\s*)?"
    r"\b(?:net|n)\s?-?\s?(?P<days>\d{1,3})\b(?:\s*days?)?"
    r"|\b(?P<receipt>due (?:up)?on receipt)\b",
    re.IGNORECASE,
)


def read_terms(text: str) -> tuple[int, Decimal, int] | None:
    """(net days, discount percent, discount days) written in ``text``, or None."""
    found = TERMS_WRITTEN.search(text)
    if found is None:
        return None
    if found.group("receipt"):
        return 0, Decimal("0"), 0
    days = int(found.group("days"))
    if found.group("pct"):
        return days, Decimal(found.group("pct")), int(found.group("within"))
    return days, Decimal("0"), 0
