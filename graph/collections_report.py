"""Who to chase first (``who should I chase first``, ``Dana Kim's worklist``): the accounts ranked
by money expected to be paid late, the top ones' reasons, and a reminder proposed for each that
calls for one (never about a disputed invoice)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from graph.action_base import Action as ErpAction
from graph.ar.behaviour import LATE_DAYS
from graph.ar.collections import PriorityEntry
from graph.ar.collections_book import read_book
from graph.collector_signals import collector_signals
from graph.disputes import without_disputed
from graph.format import day, money, plural
from graph.messages import Reply, Section, Table
from graph.reports import ReportContext, propose_actions, scoped_customer, with_proposals
from graph.requests import reminder_for
from graph.understand import Request


def _entry_json(rank: int, entry: PriorityEntry) -> dict[str, Any]:
    return {
        "rank": rank,
        "customer_id": entry.customer_id,
        "name": entry.name,
        "collector": entry.collector,
        "currency": entry.currency,
        "score": entry.score,
        "open_total": entry.open_total,
        "past_due": entry.past_due,
        "amount_at_risk": entry.amount_at_risk,
        "chance_late": entry.chance_late,
        "behaviour": entry.behaviour,
        "buckets": entry.buckets,
        "next_step": entry.next_step,
        "next_step_text": entry.next_step_text,
        "stage": entry.stage,
        "past_due_invoices": list(entry.past_due_invoices),
        "factors": [{"name": f.name, "points": f.points, "text": f.text} for f in entry.factors],
    }


def collections_list(context: ReportContext, request: Request) -> Reply:
    book = read_book(context.erp, context.today, collector_signals(context.erp, context.store))
    ranked = book.ranked
    scope = "all accounts"
    unread: list[str] = []
    if request.customer_text:
        wanted = request.customer_text.lower()
        named = [c for c in book.collectors() if wanted in c.lower()]
        if named:
            mine = book.customers_of_collector(named[0])
            ranked = [r for r in ranked if r.account.customer_id in mine]
            scope = f"{named[0]}'s worklist"
        else:
            customer, unread = scoped_customer(context, request)
            if customer is not None:
                ranked = [r for r in ranked if r.account.customer_id == customer.customer_id]
                scope = customer.name
    top = request.limit or 10
    shown = book.entries(ranked[:top])
    at_risk: dict[str, float] = {}
    chasing = 0
    for r in ranked:
        past_due = bool(r.account.past_due_key())
        if past_due or r.risk.expected:
            chasing += past_due
            at_risk[r.account.currency] = at_risk.get(r.account.currency, 0.0) + r.risk.expected
    headline = (
        f"Collections for {day(context.today)} ({scope}): {plural(chasing, 'account')} "
        "past due, "
        + (" + ".join(money(_cents(v), c) for c, v in sorted(at_risk.items()) if v) or "nothing")
        + f" expected to be paid more than {LATE_DAYS} days late."
    )
    rows = tuple(
        (
            str(rank),
            e.name,
            money(e.past_due, e.currency),
            money(e.amount_at_risk, e.currency),
            e.next_step,
            e.factors[0].text if e.factors else "",
        )
        for rank, e in enumerate(shown, start=1)
    )
    sections = [
        Section(
            table=Table(
                ("#", "Customer", "Past due", "Expected late", "Next", "Why"),
                rows,
                numeric=(2, 3),
                title=f"Top {len(shown)} by money expected late",
            )
        )
    ]
    for rank, e in enumerate(shown[:3], start=1):
        sections.append(
            Section(
                title=f"{rank}. {e.name} — {e.next_step_text}",
                text="\n".join(f"• {f.text}" for f in e.factors[:3]),
            )
        )
    reply = Reply(
        headline=" ".join([*unread, headline]),
        sections=sections,
        context=[
            "Order: money expected to be paid more than "
            f"{LATE_DAYS} days late (each open invoice's balance × the chance its customer pays "
            "it late, from its own payment history, disputes and broken promises), weighted by "
            "how late; aged by due date."
        ],
        intent="collections_list",
        data={
            "as_of": context.today,
            "scope": scope,
            "entries": [_entry_json(r, e) for r, e in enumerate(shown, start=1)],
        },
    )
    customers = book.customers({e.customer_id for e in shown})
    invoices = book.invoices({n for e in shown for n in e.past_due_invoices})
    reminders: list[ErpAction | tuple[ErpAction, str | None]] = []
    for entry in shown:
        customer = customers.get(entry.customer_id)
        mine = [invoices[n] for n in entry.past_due_invoices if n in invoices]
        mine, _ = without_disputed(context.store, mine)  # a disputed invoice is not chased
        if entry.next_step in ("reminder", "call") and customer and customer.email and mine:
            reminders.append(
                reminder_for(customer, mine, context.today, context.requested_by, context.llm)
            )
    return with_proposals(reply, propose_actions(context, reminders), context)


def _cents(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(Decimal("0.01"))
