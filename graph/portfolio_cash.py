"""Cash-side questions about the whole book: payments received in a period, unapplied cash, one
payment by id or reference, days to pay (promises to pay: ``graph.portfolio_promises``). Each
handler is
``(ReportContext, Request) -> Reply``; amounts per currency, never summed across currencies."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from typing import Any

from graph.format import day, money, plural
from graph.inquiries import payment_fact
from graph.messages import TABLE_MAX_ROWS, Fact, Reply, Section, Table
from graph.portfolio_answers import amounts
from graph.portfolio_reads import ZERO, book_reads
from graph.reports import ReportContext, scoped_customer
from graph.unclear import Unclear
from graph.understand import DateRange, Request
from integrations.erp.records import Customer, Payment

SLOWEST_SHOWN = 15


def _who(customers: dict[str, Customer], customer_id: str) -> str:
    found = customers.get(customer_id)
    return found.name if found else customer_id


def _payment_rows(payments: list[Payment], customers: dict[str, Customer]) -> tuple:
    return tuple(
        (
            p.payment_id,
            day(p.received_on),
            _who(customers, p.customer_id),
            money(p.amount, p.currency),
            ", ".join(a.invoice_number for a in p.applications[:3])
            + (" …" if len(p.applications) > 3 else "")
            or "—",
            money(p.unapplied, p.currency) if p.unapplied else "",
        )
        for p in payments
    )


_PAYMENT_COLUMNS = ("Payment", "Received", "Customer", "Amount", "Applied to", "Unapplied")


def _payment_json(p: Payment, customers: dict[str, Customer]) -> dict[str, Any]:
    payer = {"customer_id": p.customer_id, "customer_name": _who(customers, p.customer_id)}
    return payment_fact(p, payer)


# --- payments received ------------------------------------------------------------------------
def payments_received(context: ReportContext, request: Request) -> Reply:
    customer, notes = scoped_customer(context, request)
    period = request.period or DateRange(
        context.today - timedelta(days=6), context.today, "in the last 7 days"
    )
    reads = book_reads(context.erp, context.today)
    received = reads.received(
        period.start, min(period.end, context.today), customer.customer_id if customer else None
    )
    customers = reads.customers(
        {p.customer_id for p in received.newest} | {cid for cid, _ in received.by_customer}
    )
    span = f"{period.label} ({day(period.start)} to {day(min(period.end, context.today))})"
    if period.start == period.end:
        span = period.label if period.label.startswith("on ") else f"{period.label} "
        if not period.label.startswith("on "):
            span = f"{span.strip()} ({day(period.start)})"
    source = f"from {customer.name} " if customer else ""
    if received.count:
        headline = (
            f"Received {amounts(received.totals)} {source}in "
            f"{plural(received.count, 'payment')} {span}."
        )
    else:
        headline = f"No payments received {source}{span}."
    compared: dict[str, Any] = {}
    if (other := request.compared_to) is not None:
        # "collections this week vs last week": the other period beside it, per currency
        before = reads.received(
            other.start, min(other.end, context.today), customer.customer_id if customer else None
        )
        other_span = (
            f"{other.label.removeprefix('in ')} ({day(other.start)} to"
            f" {day(min(other.end, context.today))})"
        )
        headline += (
            f" Compared with {other_span}: {amounts(before.totals)} in"
            f" {plural(before.count, 'payment')}."
            if before.count
            else f" Compared with {other_span}: no payments."
        )
        compared = {
            "compared_to": {
                "period": {"start": other.start, "end": other.end, "label": other.label},
                "totals": before.totals,
                "count": before.count,
            }
        }
    sections = []
    if received.newest:
        more = received.count - len(received.newest)
        sections.append(
            Section(
                table=Table(
                    _PAYMENT_COLUMNS,
                    _payment_rows(received.newest, customers),
                    numeric=(3, 5),
                    title="Newest first" + (f" (first {len(received.newest)})" if more else ""),
                )
            )
        )
    return Reply(
        headline=" ".join([*notes, headline]),
        sections=sections,
        context=[f"Source: ERP payments received {span}."],
        intent="payments_received",
        entities={"customer_id": customer.customer_id} if customer else {},
        data={
            "period": {"start": period.start, "end": period.end, "label": period.label},
            "totals": received.totals,
            "count": received.count,
            "by_customer": [
                {"customer_id": cid, "currency": cur, "amount": amount}
                for (cid, cur), amount in sorted(received.by_customer.items())
            ],
            "payments": [_payment_json(p, customers) for p in received.newest],
        }
        | compared,
    )


# --- unapplied cash ----------------------------------------------------------------------------
def unapplied_cash(context: ReportContext, request: Request) -> Reply:
    customer, notes = scoped_customer(context, request)
    reads = book_reads(context.erp, context.today)
    payments = reads.unapplied(customer.customer_id if customer else None)
    customers = reads.customers({p.customer_id for p in payments})
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    by_customer: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for p in payments:
        totals[p.currency] += p.unapplied
        by_customer[(p.customer_id, p.currency)] += p.unapplied
    if payments:
        names = ", ".join(
            f"{_who(customers, cid)} {money(v, cur)}"
            for (cid, cur), v in sorted(by_customer.items(), key=lambda kv: -kv[1])[:3]
        )
        headline = (
            f"{amounts(dict(totals))} unapplied on {plural(len(payments), 'payment')} of "
            f"{plural(len(by_customer), 'customer')}: {names}"
            + (" …" if len(by_customer) > 3 else "")
            + "."
        )
    else:
        who = f" for {customer.name}" if customer else ""
        headline = f"No unapplied cash{who}: every payment is applied in full."
    sections = []
    if payments:
        sections.append(
            Section(
                table=Table(
                    ("Payment", "Received", "Customer", "Amount", "Unapplied", "Reference"),
                    tuple(
                        (
                            p.payment_id,
                            day(p.received_on),
                            _who(customers, p.customer_id),
                            money(p.amount, p.currency),
                            money(p.unapplied, p.currency),
                            p.reference[:40],
                        )
                        for p in payments[:TABLE_MAX_ROWS]
                    ),
                    numeric=(3, 4),
                    title="Payments with unapplied amounts, newest first",
                )
            )
        )
    return Reply(
        headline=" ".join([*notes, headline]),
        sections=sections,
        context=[
            "Source: ERP payments and their applications; unapplied = amount − applied. "
            "To apply one: “apply PMT-… to INV-…”."
        ],
        intent="unapplied_cash",
        entities={"customer_id": customer.customer_id} if customer else {},
        data={
            "totals": dict(totals),
            "by_customer": [
                {"customer_id": cid, "name": _who(customers, cid), "currency": cur, "amount": v}
                for (cid, cur), v in sorted(by_customer.items())
            ],
            "payments": [_payment_json(p, customers) for p in payments[:TABLE_MAX_ROWS]],
        },
    )


# --- one payment -------------------------------------------------------------------------------
_REFERENCE = re.compile(
    r"\b(?:payment|wire|check|cheque|ach|remittance|reference|ref)\s*(?:#|no\.?|id)?\s*[:#]?\s*"
    r"([a-z0-9][\w-]{3,})",
    re.IGNORECASE,
)


def payment_lookup(context: ReportContext, request: Request) -> Reply:
    refs = list(request.payment_refs)
    if not refs and (m := _REFERENCE.search(request.text)):
        refs = [m.group(1)]
    if not refs:
        raise Unclear("Which payment? Give its id (PMT-000234) or its bank reference.")
    reads = book_reads(context.erp, context.today)
    found: list[Payment] = []
    missing = []
    for ref in refs:
        matches = reads.find_payments(ref)
        found.extend(m for m in matches if m not in found)
        if not matches:
            missing.append(ref)
    if not found:
        raise Unclear(
            f"I can't find a payment {', '.join(missing)} (by id or bank reference). "
            "“payments received this week” lists the recent ones."
        )
    customers = reads.customers({p.customer_id for p in found})
    first = found[0]
    applied = (
        ", ".join(
            f"{a.invoice_number} {money(a.amount, first.currency)}" for a in first.applications
        )
        or "nothing"
    )
    headline = (
        f"{first.payment_id}: {_who(customers, first.customer_id)} ({first.customer_id}) paid "
        f"{money(first.amount, first.currency)} on {day(first.received_on)} by "
        f"{first.method.upper()}; applied to {applied}"
        + (f"; {money(first.unapplied, first.currency)} unapplied." if first.unapplied else ".")
    )
    sections = [
        Section(
            facts=(
                Fact("Customer", f"{_who(customers, p.customer_id)} ({p.customer_id})"),
                Fact("Received", day(p.received_on)),
                Fact("Amount", money(p.amount, p.currency)),
                Fact("Applied", money(p.applied, p.currency)),
                Fact("Unapplied", money(p.unapplied, p.currency)),
                Fact("Reference", p.reference or "—"),
            ),
            title=p.payment_id,
        )
        for p in found[:5]
    ]
    if missing:
        sections.append(Section(text="No payment found for: " + ", ".join(missing)))
    return Reply(
        headline=headline,
        sections=sections,
        context=["Source: ERP payment and its applications."],
        intent="payment_lookup",
        entities={"customer_id": first.customer_id, "payment_id": first.payment_id},
        data={"payments": [_payment_json(p, customers) for p in found]},
    )


# --- days to pay ------------------------------------------------------------------------------
_FASTEST = re.compile(r"\b(?:fastest|quickest|best|prompt(?:est)?|earliest|on[- ]time)\b", re.I)


def days_to_pay(context: ReportContext, request: Request) -> Reply:
    customer, notes = scoped_customer(context, request)
    reads = book_reads(context.erp, context.today)
    if customer is not None:
        habits = reads.habits(customer.customer_id)
        habit = next((h for h in habits if h.customer_id == customer.customer_id), None)
        if habit is None:
            headline = f"{customer.name} has no paid invoices on record to measure."
        else:
            headline = (
                f"{customer.name} pays in {habit.days_to_pay} days on average, "
                f"{habit.days_beyond_terms} days beyond its {customer.terms_label} terms "
                f"(over {plural(habit.invoices_paid, 'invoice')} paid)."
            )
        return Reply(
            headline=headline,
            context=[
                "Amount-weighted over every payment application: days to pay = payment date − "
                "invoice date; beyond terms = payment date − due date."
            ],
            intent="days_to_pay",
            entities={"customer_id": customer.customer_id},
            data={
                "customer_id": customer.customer_id,
                "name": customer.name,
                "terms": customer.terms_label,
                "average_days_to_pay": habit.days_to_pay if habit else None,
                "average_days_beyond_terms": habit.days_beyond_terms if habit else None,
                "invoices_paid": habit.invoices_paid if habit else 0,
            },
        )
    fastest = bool(_FASTEST.search(request.text or ""))
    measured, slowest = reads.slowest(SLOWEST_SHOWN, fastest=fastest)
    which = "Fastest" if fastest else "Slowest"
    customers = reads.customers({h.customer_id for h in slowest})
    headline = (
        f"{which} payer: {_who(customers, slowest[0].customer_id)}, "
        f"{slowest[0].days_beyond_terms} days beyond terms on average "
        f"({slowest[0].days_to_pay} days to pay)."
        if slowest
        else "No paid invoices on record to measure."
    )
    return Reply(
        headline=" ".join([*notes, headline]),
        sections=[
            Section(
                table=Table(
                    ("Customer", "Days to pay", "Beyond terms", "Invoices paid"),
                    tuple(
                        (
                            _who(customers, h.customer_id),
                            str(h.days_to_pay),
                            str(h.days_beyond_terms),
                            str(h.invoices_paid),
                        )
                        for h in slowest
                    ),
                    numeric=(1, 2, 3),
                    title=f"{which} {len(slowest)} of {measured} customers (days beyond terms)",
                )
            )
        ]
        if slowest
        else [],
        context=["Amount-weighted over every payment application of each customer."],
        intent="days_to_pay",
        data={
            "customers": [
                {
                    "customer_id": h.customer_id,
                    "name": _who(customers, h.customer_id),
                    "average_days_to_pay": h.days_to_pay,
                    "average_days_beyond_terms": h.days_beyond_terms,
                    "invoices_paid": h.invoices_paid,
                }
                for h in slowest
            ]
        },
    )
