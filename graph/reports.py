"""The reports people ask for by name: the digest, cash application, collections, deductions,
credit checks, DSO and the forecast. Each is a function of the ERP (and the bot's store) that
returns a Reply; the surfaces render it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.actions import Action as ErpAction
from graph.actions import WriteOffDeduction
from graph.approvals import ApprovalService, ProposalRejected
from graph.ar.behaviour import LATE_DAYS
from graph.ar.collections import PriorityEntry
from graph.ar.collections_book import read_book
from graph.ar.deductions import Deduction, find_deductions, summarize
from graph.ar.names import Resolution
from graph.collector_signals import collector_signals
from graph.digest import build_digest
from graph.disputes import without_disputed
from graph.format import day, money, plural
from graph.llm import LlmService
from graph.messages import Fact, Reply, Section, Table
from graph.policy import Policy
from graph.portfolio import Portfolio
from graph.portfolio_credit import asks_standing, credit_standing
from graph.proposals import attach_proposals
from graph.requests import Unclear, reminder_for
from graph.understand import Request
from integrations.erp.port import ErpClient
from integrations.erp.records import (
    Customer,
)
from integrations.store import Store

PROPOSE_AT_MOST = 5


@dataclass
class ReportContext:
    erp: ErpClient
    store: Store | None
    today: date
    customer_of: Callable[[str], Customer]  # raises graph.requests.Unclear with a question
    approvals: ApprovalService | None = None
    requested_by: str = "arbot"
    llm: LlmService | None = None
    # A customer, or how the name resolved (no match, several): for questions about the whole
    # book that may be narrowed to one customer.
    find_customer: Callable[[str], Customer | Resolution] | None = None
    # Reports asked for in words make no proposals: a proposal only when the request names it.
    propose: bool = True
    could_propose: list[str] = field(default_factory=list)
    # The approval service opened on first need (a question in words never opens it: opening
    # it builds the approvals' LangGraph threads); the policy when known without it.
    open_approvals: Callable[[], ApprovalService | None] | None = None
    known_policy: Policy | None = None

    def approval_service(self) -> ApprovalService | None:
        if self.approvals is None and self.open_approvals is not None:
            self.approvals, self.open_approvals = self.open_approvals(), None
        return self.approvals

    @property
    def can_propose(self) -> bool:
        return self.approvals is not None or self.open_approvals is not None

    @property
    def policy(self) -> Policy:
        if self.known_policy is not None:
            return self.known_policy
        return self.approvals.policy if self.approvals else Policy()


def scoped_customer(context: ReportContext, request: Request) -> tuple[Customer | None, list[str]]:
    """The customer a report or whole-book question is narrowed to, and what was said about
    words that were not read as one ("I did not read “x” as a customer: this is all
    customers"). Several customers matching is a question ("which one?")."""
    if not request.customer_text:
        return None, []
    if context.find_customer is None:
        return context.customer_of(request.customer_text), []
    found = context.find_customer(request.customer_text)
    if isinstance(found, Customer):
        return found, []
    if found.status == "ambiguous":
        context.customer_of(request.customer_text)  # raises the question "which one?"
    return None, [f"I did not read “{request.customer_text}” as a customer: this is all customers."]


def _needs_store(context: ReportContext, what: str) -> Store:
    if context.store is None:
        raise LookupError(f"{what} needs the bot's store, which is not set up here")
    return context.store


def digest(context: ReportContext, request: Request) -> Reply:
    return build_digest(
        context.erp,
        _needs_store(context, "The digest"),
        context.today,
        deduction_tolerance=context.policy.deduction_tolerance,
    )


def cash_application(context: ReportContext, request: Request) -> Reply:
    store = _needs_store(context, "Cash application")
    since = context.today - timedelta(days=7)
    lines = store.bank_lines(since=since)
    suspense = store.bank_lines(decision="unmatched")
    counts = {
        d: sum(1 for line in lines if line["decision"] == d)
        for d in ("auto", "review", "unmatched")
    }
    waiting = [a for a in store.list(("pending", "failed")) if a.action == "apply_payment"]
    headline = (
        f"Cash application since {day(since)}: {plural(len(lines), 'bank line')} — "
        f"{counts['auto']} applied automatically, {counts['review']} proposed, "
        f"{counts['unmatched']} unmatched."
    )
    sections = [
        Section(
            facts=(
                Fact("Payment applications waiting for approval", str(len(waiting))),
                Fact("In suspense (nobody could place them)", str(len(suspense))),
            )
        )
    ]
    if suspense:
        rows = tuple(
            (
                line["payment_id"],
                day(line["received_on"]),
                money(line["amount"], line["currency"]),
                line["payer_name"],
            )
            for line in suspense
        )
        sections.append(
            Section(
                table=Table(
                    ("Bank line", "Date", "Amount", "Payer"),
                    rows,
                    numeric=(2,),
                    title="Suspense, oldest first",
                )
            )
        )
    return Reply(
        headline=headline,
        sections=sections,
        context=["Source: bank lines processed by arbot cashapp and the approval queue."],
        intent="cash_application",
        data={
            "since": since,
            "counts": counts,
            "waiting": len(waiting),
            "suspense": [
                {
                    "payment_id": line["payment_id"],
                    "amount": line["amount"],
                    "currency": line["currency"],
                    "payer_name": line["payer_name"],
                    "received_on": line["received_on"],
                }
                for line in suspense
            ],
        },
    )


def _propose(
    context: ReportContext, actions: list[ErpAction | tuple[ErpAction, str | None]]
) -> list[Any]:
    """Proposals for the actions that still hold against the ERP (the same one proposed again
    while open is the same approval, so looking at a report twice asks nothing twice). An
    action may come with the prompt an LLM drafted it with, for the audit."""
    if not context.can_propose:
        return []
    if not context.propose:
        # Asked in words: the report says what could be proposed, and proposes nothing.
        context.could_propose = [
            (item[0] if isinstance(item, tuple) else item).summary()
            for item in actions[:PROPOSE_AT_MOST]
        ]
        return []
    approvals = context.approval_service()
    assert approvals is not None
    made = []
    for item in actions[:PROPOSE_AT_MOST]:
        action, drafted_with = item if isinstance(item, tuple) else (item, None)
        origin = {"drafted_with": drafted_with} if drafted_with else None
        try:
            made.append(approvals.propose(action, requested_by=context.requested_by, origin=origin))
        except ProposalRejected:
            continue
    return made


def _with_proposals(reply: Reply, approvals: list[Any], context: ReportContext) -> Reply:
    if context.could_propose:
        reply.sections.append(
            Section(
                title="I could propose (ask for it by name: “send a reminder to …”, "
                "“write off … on INV-…”, “put … on hold”)",
                text="\n".join(f"• {summary}" for summary in context.could_propose),
            )
        )
    return attach_proposals(reply, approvals, context.policy)


# --- collections ---------------------------------------------------------------------------


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
    return _with_proposals(reply, _propose(context, reminders), context)


def _cents(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(Decimal("0.01"))


# --- deductions ----------------------------------------------------------------------------


def _suggest_reason(llm: LlmService, deduction: Deduction) -> Deduction:
    """A reason for a memo the rules could not place, as a suggestion to confirm (it stays a
    follow-up, never an automatic write-off)."""
    if deduction.reason_code != "unknown" or not deduction.memo:
        return deduction
    code = llm.classify(deduction.memo)
    if code is None:
        return deduction
    return dataclasses.replace(
        deduction,
        reason_code=code,
        problems=(*deduction.problems, f"reason “{code}” suggested from the memo: confirm it"),
    )


def deduction_summary(context: ReportContext, request: Request) -> Reply:
    book = Portfolio.read(context.erp)
    tolerance = context.policy.deduction_tolerance
    found = find_deductions(
        book.customers,
        book.open_invoices,
        book.payments,
        book.adjustments,
        context.today,
        tolerance=tolerance,
    )
    since = request.period.start if request.period else None
    if since is not None:
        found = [d for d in found if d.taken_on >= since]
    customer, unread = scoped_customer(context, request)
    if customer is not None:
        found = [d for d in found if d.customer_id == customer.customer_id]
    if context.llm is not None:
        found = [_suggest_reason(context.llm, d) for d in found]
    summary = summarize(found)
    totals = " + ".join(money(v, c) for c, v in sorted(summary.totals.items())) or "nothing"
    whose = f" of {customer.name}" if customer else ""
    headline = (
        f"{plural(summary.count, 'open deduction')}{whose}: {totals}; "
        f"{len(summary.writable)} can be written off, {len(summary.follow_up)} need follow-up."
    )
    reason_rows = tuple(
        (
            reason,
            str(summary.counts_by_reason.get(reason, 0)),
            " + ".join(
                money(amounts[reason], c)
                for c, amounts in sorted(summary.by_reason.items())
                if reason in amounts
            ),
        )
        for reason in sorted(summary.counts_by_reason, key=lambda r: -summary.counts_by_reason[r])
    )
    age_rows = tuple(
        (
            bucket,
            " + ".join(
                money(v[bucket], c) for c, v in sorted(summary.by_age.items()) if bucket in v
            ),
        )
        for bucket in ("0-30", "31-60", "61-90", "90+")
    )
    follow = tuple(
        (
            d.invoice_number,
            d.customer_id,
            money(d.amount, d.currency),
            d.reason_code,
            "; ".join(d.problems) or "needs backup",
        )
        for d in summary.follow_up[:15]
    )
    sections = [
        Section(
            table=Table(
                ("Reason", "Count", "Amount"), reason_rows, numeric=(1, 2), title="By reason"
            )
        ),
        Section(table=Table(("Age (days)", "Amount"), age_rows, numeric=(1,), title="By age")),
    ]
    if follow:
        sections.append(
            Section(
                table=Table(
                    ("Invoice", "Customer", "Amount", "Reason", "To do"),
                    follow,
                    numeric=(2,),
                    title="Follow up",
                )
            )
        )
    reply = Reply(
        headline=" ".join([*unread, headline]),
        sections=sections,
        context=[
            f"Deductions: short-pays still open on invoices, reason from the remittance "
            f"text; above {money(tolerance, 'USD')} needs backup; a discount taken after "
            "its window is invalid.",
            "“open a dispute for the short-pay on INV-…” makes one a dispute (its reminder "
            "stops until it is resolved).",
        ],
        intent="deduction_summary",
        entities={"customer_id": customer.customer_id} if customer else {},
        data={
            "as_of": context.today,
            "since": since,
            "count": summary.count,
            "totals": summary.totals,
            "by_reason": summary.by_reason,
            "by_customer": summary.by_customer,
            "by_age": summary.by_age,
            "deductions": [
                {
                    "customer_id": d.customer_id,
                    "invoice_number": d.invoice_number,
                    "payment_id": d.payment_id,
                    "amount": d.amount,
                    "currency": d.currency,
                    "reason_code": d.reason_code,
                    "memo": d.memo,
                    "taken_on": d.taken_on,
                    "age_days": d.age_days,
                    "valid": d.valid,
                    "needs_backup": d.needs_backup,
                    "problems": list(d.problems),
                }
                for d in found
            ],
        },
    )
    write_offs: list[ErpAction] = [
        WriteOffDeduction(
            customer_id=d.customer_id,
            invoice_number=d.invoice_number,
            write_off=str(d.amount),
            invoice_currency=d.currency,
            reason_code=d.reason_code,
            memo=f"deduction on {d.payment_id}: {d.memo}"[:500],
        )
        for d in summary.writable
    ]
    return _with_proposals(reply, _propose(context, write_offs), context)


# --- credit --------------------------------------------------------------------------------


def credit_check(context: ReportContext, request: Request) -> Reply:
    erp = context.erp
    orders = erp.sales_orders()
    if request.order_refs:
        wanted = {o for o in request.order_refs}
        chosen = [o for o in orders if o.order_id.upper() in wanted]
        if not chosen:
            raise Unclear(f"I can't find sales order {', '.join(request.order_refs)}.")
        order = chosen[0]
    elif request.customer_text:
        customer = context.customer_of(request.customer_text)
        pending = [
            o
            for o in orders
            if o.customer_id == customer.customer_id and o.status in ("pending", "on_hold")
        ]
        if not pending or asks_standing(request.text or ""):
            # "what's initech's credit limit", "is kendall on hold": the customer's standing
            return credit_standing(context, customer, pending)
        order = max(pending, key=lambda o: o.amount)
    else:
        raise Unclear("Which order? e.g. “check credit for SO-1001”.")
    from graph.orders import assess, credit_reply, external_scores, write_back

    external, paydex = external_scores(request.text or "")
    customer, decision = assess(
        erp, order, as_of=context.today, external_score=external, paydex=paydex
    )
    reply = credit_reply(order, customer, decision)
    reply.data.setdefault("customer_id", order.customer_id)
    reply.entities.setdefault("customer_id", order.customer_id)
    if decision.decision != "REVIEW":
        return reply
    _, options = write_back(order, customer, decision)
    return _with_proposals(reply, _propose(context, list(options)), context)


# --- DSO and forecast ----------------------------------------------------------------------


def forecast(context: ReportContext, request: Request) -> Reply:
    from graph.forecast_report import forecast_report

    return forecast_report(context, request)
