"""One customer's payments, the last few or those in a period, and their paying habit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph.ar.payers import paying_habit
from graph.format import day, money, plural
from graph.inquiries import Resolved, by_currency, customer_fact, payment_fact
from graph.inquiry_reads import HABIT_RECENT, InquiryReads
from graph.messages import TABLE_MAX_ROWS, Fact, Reply, Section, Table
from integrations.erp.port import ErpClient, is_local_ledger
from integrations.erp.records import Customer, Invoice, Payment

HISTORY_DEFAULT = 5


@dataclass
class HistoryFacts:
    customer: Customer
    payments: list[Payment]
    last_payment: Payment | None
    invoices: dict[str, Invoice]
    habit_payments: list[Payment]


def gather_payment_history(erp: ErpClient, resolved: Resolved) -> HistoryFacts:
    assert resolved.customer is not None
    cid = resolved.customer.customer_id
    period = resolved.period
    limit = resolved.limit or (None if period else HISTORY_DEFAULT)
    if is_local_ledger(erp):
        with InquiryReads(erp) as reads:
            recent = reads.recent_payments(cid, HABIT_RECENT)
            if period is None and limit is not None and limit <= HABIT_RECENT:
                payments = recent[:limit]  # the same read, cut shorter
            elif period is not None and resolved.limit is None:
                payments = reads.payments_received(cid, period.start, period.end)
            else:
                payments = erp.payments(
                    cid,
                    since=period.start if period else None,
                    until=period.end if period else None,
                    limit=limit,
                )
            # the paying habit reads only the customer's invoices those payments paid
            paid = {a.invoice_number for p in recent for a in p.applications}
            invoices = reads.invoices_numbered(cid, paid)
        return HistoryFacts(
            resolved.customer, payments, recent[0] if recent else None, invoices, recent
        )
    payments = erp.payments(
        cid,
        since=period.start if period else None,
        until=period.end if period else None,
        limit=limit,
    )
    recent = erp.payments(cid, limit=HABIT_RECENT)
    invoices = {i.invoice_number: i for i in erp.invoices(cid, open_only=False)}
    return HistoryFacts(
        resolved.customer,
        payments,
        recent[0] if recent else None,
        invoices,
        recent,
    )


def answer_payment_history(resolved: Resolved, facts: HistoryFacts, today: date) -> Reply:
    customer = facts.customer
    period = resolved.period
    habit = paying_habit(facts.habit_payments, facts.invoices)
    if period is not None:
        if facts.payments:
            total = by_currency([(p.currency, p.amount) for p in facts.payments])
            headline = (
                f"Yes — {customer.name} paid "
                + " + ".join(money(v, c) for c, v in total.items())
                + f" in {plural(len(facts.payments), 'payment')} {period.label} "
                f"({day(period.start)} to {day(period.end)})."
            )
        else:
            headline = (
                f"No — no payment from {customer.name} {period.label} "
                f"({day(period.start)} to {day(period.end)})."
            )
            if facts.last_payment is not None:
                last = facts.last_payment
                headline += (
                    f" The last one was {money(last.amount, last.currency)} on "
                    f"{day(last.received_on)}."
                )
    elif facts.payments:
        headline = f"{customer.name}'s last {plural(len(facts.payments), 'payment')}:"
    else:
        headline = f"No payments on record from {customer.name}."
    sections = []
    if facts.payments:
        rows = tuple(
            (
                p.payment_id,
                day(p.received_on),
                p.method.upper(),
                money(p.amount, p.currency),
                ", ".join(
                    f"{a.invoice_number} {money(a.amount, p.currency)}" for a in p.applications
                )
                or "—",
                money(p.unapplied, p.currency) if p.unapplied else "",
            )
            for p in facts.payments[:TABLE_MAX_ROWS]
        )
        sections.append(
            Section(
                table=Table(
                    ("Payment", "Received", "Method", "Amount", "Applied to", "Unapplied"),
                    rows,
                    numeric=(3, 5),
                    title="Payments, newest first",
                )
            )
        )
    habit_facts = []
    if habit.days_to_pay is not None:
        habit_facts.append(Fact("Average days to pay", f"{habit.days_to_pay} days"))
        habit_facts.append(Fact("Average days beyond terms", f"{habit.days_beyond_terms} days"))
        habit_facts.append(Fact("Terms", customer.terms_label))
    if habit_facts:
        sections.append(Section(facts=tuple(habit_facts)))
    data = {
        "customer": customer_fact(customer),
        "period": {"start": period.start, "end": period.end, "label": period.label}
        if period
        else None,
        "payments": [payment_fact(p) for p in facts.payments],
        "average_days_to_pay": habit.days_to_pay,
        "average_days_beyond_terms": habit.days_beyond_terms,
    }
    context = [f"Source: ERP payments and their applications as of {day(today)}."]
    if habit.days_to_pay is not None:
        context.append(
            f"Days to pay: amount-weighted over the last {plural(habit.applications, 'invoice')}"
            " paid (payment date − invoice date)."
        )
    return Reply(
        headline=" ".join([*resolved.notes, headline]),
        sections=sections,
        context=context,
        intent="payment_history",
        entities={"customer_id": customer.customer_id},
        data=data,
    )
