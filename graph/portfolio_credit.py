"""Credit, asked without an order: one customer's standing ("what's initech's credit limit", "how
much headroom does pinnacle have", "is kendall paper on hold", "credit limit for whitaker svcs")
and the whole book's exceptions (who is over their limit, who is on hold).

The limit, what is open against it (in the customer's currency; other currencies are named, never
added), the pending orders that would use it, the headroom left, the hold and the terms — read
from the ERP, with the customer's id. A credit *decision* is made only for an order
(``graph.credit_report.credit_check``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from graph.format import money, plural
from graph.lazy_regex import lazy
from graph.messages import TABLE_MAX_ROWS, Fact, Reply, Section, Table
from graph.portfolio_reads import book_reads
from integrations.erp.records import Customer, SalesOrder

if TYPE_CHECKING:
    from graph.reports import ReportContext
    from graph.understand import Request

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


# --- the whole book: over the limit, on hold ------------------------------------------------
def credit_exceptions(context: ReportContext, request: Request) -> Reply:
    """Who is over their credit limit, who is on hold (or one customer's standing against both)."""
    from graph.portfolio_answers import DATA_MAX_ROWS, as_of, customer_cell
    from graph.reports import scoped_customer

    customer, notes = scoped_customer(context, request)
    reads = book_reads(context.erp, context.today)
    if customer is not None:
        sums = reads.customer_sums({customer.customer_id})
        used = next((s.total for s in sums if s.currency == customer.currency), ZERO)
        limit = customer.credit_limit
        over = [(customer, used)] if limit is not None and used > limit else []
        held = [customer] if customer.on_hold else []
        over_count = len(over)
    else:
        over_count, over = reads.over_limit(DATA_MAX_ROWS)
        held = reads.held()
    if customer is not None:
        limit_text = (
            money(customer.credit_limit, customer.currency) if customer.credit_limit else "none"
        )
        standing = (
            f"over its {limit_text} limit by "
            f"{money(used - (customer.credit_limit or ZERO), customer.currency)}"
            if over
            else f"within its {limit_text} limit"
        )
        headline = f"{customer.name} owes {money(used, customer.currency)}: {standing}; " + (
            "ON credit hold." if customer.on_hold else "not on credit hold."
        )
    else:
        headline = (
            f"{plural(over_count, 'customer')} over their credit limit, "
            f"{plural(len(held), 'customer')} on credit hold ({as_of(context)})."
        )
    sections = []
    if over:
        sections.append(
            Section(
                table=Table(
                    ("Customer", "Open", "Limit", "Over by", "On hold"),
                    tuple(
                        (
                            customer_cell(who),
                            money(used, who.currency),
                            money(who.credit_limit or ZERO, who.currency),
                            money(used - (who.credit_limit or ZERO), who.currency),
                            "yes" if who.on_hold else "",
                        )
                        for who, used in over[:TABLE_MAX_ROWS]
                    ),
                    numeric=(1, 2, 3),
                    title="Over their credit limit",
                )
            )
        )
    if held and customer is None:
        shown = held[:TABLE_MAX_ROWS]
        open_of = {
            (s.customer_id, s.currency): s.total
            for s in reads.customer_sums({c.customer_id for c in shown})
        }
        sections.append(
            Section(
                table=Table(
                    ("Customer", "Open", "Limit"),
                    tuple(
                        (
                            customer_cell(c),
                            money(open_of.get((c.customer_id, c.currency), ZERO), c.currency),
                            money(c.credit_limit, c.currency) if c.credit_limit else "none",
                        )
                        for c in shown
                    ),
                    numeric=(1, 2),
                    title="On credit hold",
                )
            )
        )
    return Reply(
        headline=" ".join([*notes, headline]),
        sections=sections,
        context=[
            f"Source: ERP customers and open invoices {as_of(context)}; the limit is compared "
            "with what is open in the customer's currency."
        ],
        intent="credit_exceptions",
        entities={"customer_id": customer.customer_id} if customer else {},
        data={
            "as_of": context.today,
            "over_limit": [
                {
                    "customer_id": who.customer_id,
                    "name": who.name,
                    "currency": who.currency,
                    "open": used,
                    "credit_limit": who.credit_limit,
                    "over_by": used - (who.credit_limit or ZERO),
                }
                for who, used in over[:DATA_MAX_ROWS]
            ],
            "over_limit_count": over_count,
            "on_hold": [{"customer_id": c.customer_id, "name": c.name} for c in held],
        },
    )
