"""The reading of one request (``graph.understand.parse``'s answer): its intent, the mentions
and references it names, its period and cuts, the change it asks for or names without asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from graph.understand_action_names import NotAsked
from graph.understand_actions import ActionRequest
from graph.understand_periods import DateRange


@dataclass(frozen=True)
class Request:
    intent: str
    customer_text: str | None = None
    invoice_refs: tuple[str, ...] = ()
    po_refs: tuple[str, ...] = ()
    order_refs: tuple[str, ...] = ()
    period: DateRange | None = None
    limit: int | None = None
    text: str = ""
    # True when no word said what is wanted and the intent was inferred from a name alone.
    guessed: bool = False
    action: ActionRequest | None = None
    payment_refs: tuple[str, ...] = ()
    days: int | None = None  # "over 90": days past due
    currency: str | None = None  # "euro customers": only that currency
    by_collector: bool = False
    # What arbot cannot do that the message asks for (graph.understand_vocab.CANNOT's kinds).
    cannot: str | None = None
    # Tokens that may be invoice numbers without a known prefix ("K-1002", "K1001"): the agent
    # reads them as invoices when the ledger has them.
    maybe_invoices: tuple[str, ...] = ()
    # The whole-book question the words also ask when the name is not a customer ("aging
    # breakdown", "gimme the aging"): the agent answers it when the name resolves to no one.
    book_intent: str | None = None
    # "who owes more than 50k": the amount a whole-book ranking is cut at
    at_least: Decimal | None = None
    # "northwind and globex": the other customers named beside ``customer_text``; the reply
    # answers the first and says so (never one of them silently)
    also_named: tuple[str, ...] = ()
    # the words of a part of a change request arbot cannot do ("… and waive interest")
    not_done: str | None = None
    # a change named but not asked for: negated, done already, hypothetical, an override
    not_asked: NotAsked | None = None
    # "top 5 customers by overdue amount": the ranking of debtors by what is past due
    past_due_first: bool = False
    # "collections this week vs last week": the period the one asked is compared to
    compared_to: DateRange | None = None
