"""One customer's credit standing, asked without an order: "what's initech's credit limit", "how
much headroom does pinnacle have", "is kendall paper on hold", "credit limit for whitaker svcs".

The limit, what is open against it (in the customer's currency; other currencies are named, never
added), the pending orders that would use it, the headroom left, the hold and the terms — read
from the ERP, with the customer's id. A credit *decision* is made only for an order
(``graph.reports.credit_check``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from graph.format import money
from graph.lazy_regex import lazy
from graph.messages import Fact, Reply, Section
from graph.portfolio_reads import book_reads
from integrations.erp.records import Customer, SalesOrder

if TYPE_CHECKING:
    from graph.reports import ReportContext

ZERO = Decimal("0.00")
# The words of a question about the standing rather than about an order ("can we ship …").
STANDING = lazy(
    r"\b(?:limit|limits|cl|headroom|room|hold|held|blocked|line|available|open to buy|exposure"
    r"|left|remaining)\b",
    re.IGNORECASE,
)
ORDER_WORDS = lazy(r"\b(?:ship|shipping|release|order|orders|so|approve|take)\b", re.I)


def asks_standing(text: str) -> bool:
    """Whether the words ask about the customer's limit, headroom or hold, not an order."""
    return bool(STANDING.search(text)) and not ORDER_WORDS.search(text)


def credit_standing(context: ReportContext, customer: Customer, pending: list[SalesOrder]) -> Reply:
    reads = book_reads(context.erp, context.today)
    sums = {s.currency: s for s in reads.customer_sums({customer.customer_id})}
    mine = sums.get(customer.currency)
    open_ar = mine.total if mine else ZERO
    past_due = mine.past_due if mine else ZERO
    orders = sum((o.amount for o in pending if o.currency == customer.currency), ZERO)
    exposure = open_ar + orders
    limit = customer.credit_limit
    cur = customer.currency
    who = f"{customer.name} ({customer.customer_id})"
    if limit is None:
        standing = "has no credit limit set"
    elif exposure > limit:
        standing = f"is over its {money(limit, cur)} limit by {money(exposure - limit, cur)}"
    else:
        standing = f"has {money(limit - exposure, cur)} of its {money(limit, cur)} limit left"
    hold = "ON credit hold" if customer.on_hold else "not on credit hold"
    headline = (
        f"{who} {standing}: {money(open_ar, cur)} open"
        + (f" and {money(orders, cur)} in pending orders" if orders else "")
        + f"; {hold}."
    )
    facts = [
        Fact("Credit limit", money(limit, cur) if limit is not None else "none"),
        Fact("Open AR", money(open_ar, cur)),
        Fact("Past due", money(past_due, cur)),
        Fact("Pending orders", money(orders, cur) + (f" ({len(pending)})" if pending else "")),
        Fact("Exposure", money(exposure, cur)),
        Fact(
            "Headroom",
            money(limit - exposure, cur) if limit is not None else "no limit set",
        ),
        Fact("Credit hold", "yes" if customer.on_hold else "no"),
        Fact("Terms", customer.terms_label),
    ]
    others = [s for c, s in sorted(sums.items()) if c != cur]
    context_lines = [
        "Source: ERP customer record, open invoices and pending sales orders; exposure = open "
        f"AR + pending orders in {cur}, against the limit."
    ]
    if others:
        context_lines.append(
            "Also open in other currencies (not counted against the limit): "
            + ", ".join(money(s.total, s.currency) for s in others)
            + "."
        )
    if pending:
        context_lines.append(
            "A credit decision for an order: “check credit for " + pending[0].order_id + "”."
        )
    return Reply(
        headline=headline,
        sections=[Section(facts=tuple(facts))],
        context=context_lines,
        intent="credit_check",
        entities={"customer_id": customer.customer_id},
        data={
            "customer_id": customer.customer_id,
            "name": customer.name,
            "currency": cur,
            "credit_limit": limit,
            "open": open_ar,
            "past_due": past_due,
            "pending_orders": orders,
            "exposure": exposure,
            "headroom": None if limit is None else limit - exposure,
            "on_hold": customer.on_hold,
            "terms": customer.terms_label,
        },
    )
