"""Payment inquiries: what was asked, what the ERP says, and the reply a person reads.

Each intent has a ``gather`` (ERP reads only) and an ``answer`` (a Reply from gathered data only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from graph.ar.payers import paying_habit
from graph.format import day, due_phrase, money, plural
from graph.inquiry_reads import BALANCE_RECENT, HABIT_RECENT, InquiryReads, is_local
from graph.messages import Fact, Reply, Section, Table
from graph.understand import DateRange
from integrations.erp.port import ErpClient
from integrations.erp.records import (
    AGING_BUCKET_NAMES,
    Adjustment,
    Customer,
    Invoice,
    Payment,
    PromiseToPay,
    aging_bucket,
)

HISTORY_DEFAULT = 5
TABLE_MAX_ROWS = 50


@dataclass
class Resolved:
    """What the request is about, resolved against the ERP."""

    customer: Customer | None = None
    invoices: list[Invoice] = field(default_factory=list)
    missing_refs: list[str] = field(default_factory=list)
    period: DateRange | None = None
    limit: int | None = None
    notes: list[str] = field(default_factory=list)  # said before the answer (e.g. a mismatch)


def _customer_fact(customer: Customer) -> dict[str, Any]:
    return {
        "customer_id": customer.customer_id,
        "name": customer.name,
        "currency": customer.currency,
        "terms": customer.terms_label,
        "credit_limit": customer.credit_limit,
        "on_hold": customer.on_hold,
    }


# --- invoice_status --------------------------------------------------------------------------


@dataclass
class InvoiceFacts:
    invoice: Invoice
    customer: Customer | None
    payments: list[Payment]
    adjustments: list[Adjustment]
    promises: list[PromiseToPay]


def gather_invoice_status(erp: ErpClient, resolved: Resolved) -> list[InvoiceFacts]:
    if is_local(erp):
        return _local_invoice_status(erp, resolved)
    customers: dict[str, Customer | None] = {}
    out = []
    for invoice in resolved.invoices:
        if invoice.customer_id not in customers:
            customers[invoice.customer_id] = erp.get_customer(invoice.customer_id)
        promises = [
            p
            for p in erp.promises(invoice.customer_id)
            if p.invoice_number == invoice.invoice_number
        ]
        out.append(
            InvoiceFacts(
                invoice,
                customers[invoice.customer_id],
                erp.payments_for_invoice(invoice.invoice_number),
                erp.adjustments(invoice_number=invoice.invoice_number),
                promises,
            )
        )
    return out


def _local_invoice_status(erp: ErpClient, resolved: Resolved) -> list[InvoiceFacts]:
    """``gather_invoice_status`` on one connection of the local ledger (the same facts)."""
    customers: dict[str, Customer | None] = {}
    if resolved.customer is not None:  # read for this question already
        customers[resolved.customer.customer_id] = resolved.customer
    out = []
    with InquiryReads(erp) as reads:
        for invoice in resolved.invoices:
            cid, number = invoice.customer_id, invoice.invoice_number
            if cid not in customers:
                customers[cid] = reads.customer(cid)
            out.append(
                InvoiceFacts(
                    invoice,
                    customers[cid],
                    reads.payments_for_invoice(number),
                    reads.invoice_adjustments(number),
                    reads.invoice_promises(cid, number),
                )
            )
    return out


def _invoice_state(facts: InvoiceFacts, today: date) -> tuple[str, str]:
    """(state, headline) of one invoice."""
    inv = facts.invoice
    name = facts.customer.name if facts.customer else inv.customer_id
    total = money(inv.amount, inv.currency)
    if inv.balance == 0:
        last = max((p.received_on for p in facts.payments), default=None)
        when = f" on {day(last)}" if last else ""
        credited = sum((a.amount for a in facts.adjustments), Decimal(0))
        how = " (with credits)" if credited else ""
        return "paid", f"Yes — {inv.invoice_number} ({name}, {total}) is paid in full{how}{when}."
    open_ = money(inv.balance, inv.currency)
    timing = due_phrase(inv.due_date, today)
    if inv.balance < inv.amount:
        return "partially_paid", (
            f"Partly — {inv.invoice_number} ({name}) has {open_} of {total} still open, {timing}."
        )
    return "open", f"Not yet — {inv.invoice_number} ({name}, {total}) is unpaid, {timing}."


def _invoice_section(facts: InvoiceFacts, today: date) -> list[Section]:
    inv = facts.invoice
    applied = {
        p.payment_id: sum(
            (a.amount for a in p.applications if a.invoice_number == inv.invoice_number),
            Decimal(0),
        )
        for p in facts.payments
    }
    fact_list = [
        Fact(
            "Customer",
            f"{facts.customer.name} ({inv.customer_id})" if facts.customer else inv.customer_id,
        ),
        Fact("Invoice date", day(inv.invoice_date)),
        Fact("Due date", day(inv.due_date)),
        Fact("Amount", money(inv.amount, inv.currency)),
        Fact("Paid", money(sum(applied.values(), Decimal(0)), inv.currency)),
    ]
    credited = sum((a.amount for a in facts.adjustments), Decimal(0))
    if credited:
        fact_list.append(Fact("Credits", money(credited, inv.currency)))
    fact_list.append(Fact("Open balance", money(inv.balance, inv.currency)))
    if inv.balance:
        fact_list.append(Fact("Aging", aging_bucket(inv.days_past_due(today))))
    if inv.po_number:
        fact_list.append(Fact("PO", inv.po_number))
    sections = [Section(facts=tuple(fact_list), title=inv.invoice_number)]
    if facts.payments:
        rows = tuple(
            (
                p.payment_id,
                day(p.received_on),
                p.method.upper(),
                money(applied[p.payment_id], p.currency),
                p.reference[:60],
            )
            for p in facts.payments
        )
        sections.append(
            Section(
                table=Table(
                    ("Payment", "Received", "Method", "Applied", "Remittance"),
                    rows,
                    numeric=(3,),
                    title="Payments applied",
                ),
            )
        )
    for adjustment in facts.adjustments:
        reason = f" ({adjustment.reason_code})" if adjustment.reason_code else ""
        sections.append(
            Section(
                text=(
                    f"{adjustment.kind.replace('_', ' ').capitalize()}{reason} "
                    f"{money(adjustment.amount, adjustment.currency)} "
                    f"on {day(adjustment.adjusted_on)}: {adjustment.memo}"
                )
            )
        )
    for promise in facts.promises:
        sections.append(
            Section(
                text=(
                    f"Promise to pay {money(promise.amount, promise.currency)} "
                    f"by {day(promise.promised_on)} — {promise.status}."
                )
            )
        )
    return sections


def answer_invoice_status(resolved: Resolved, gathered: list[InvoiceFacts], today: date) -> Reply:
    states = [_invoice_state(f, today) for f in gathered]
    data: dict[str, Any] = {"invoices": []}
    for facts, (state, _) in zip(gathered, states, strict=True):
        inv = facts.invoice
        data["invoices"].append(
            {
                "invoice_number": inv.invoice_number,
                "customer_id": inv.customer_id,
                "customer_name": facts.customer.name if facts.customer else None,
                "status": state,
                "invoice_date": inv.invoice_date,
                "due_date": inv.due_date,
                "amount": inv.amount,
                "balance": inv.balance,
                "currency": inv.currency,
                "po_number": inv.po_number,
                "days_past_due": inv.days_past_due(today),
                "payments": [
                    {
                        "payment_id": p.payment_id,
                        "received_on": p.received_on,
                        "method": p.method,
                        "amount": p.amount,
                        "reference": p.reference,
                        "applied": sum(
                            (
                                a.amount
                                for a in p.applications
                                if a.invoice_number == inv.invoice_number
                            ),
                            Decimal("0.00"),
                        ),
                    }
                    for p in facts.payments
                ],
                "adjustments": [
                    {
                        "adjustment_id": a.adjustment_id,
                        "kind": a.kind,
                        "amount": a.amount,
                        "reason_code": a.reason_code,
                        "date": a.adjusted_on,
                    }
                    for a in facts.adjustments
                ],
            }
        )
    if len(gathered) == 1:
        headline = states[0][1]
        sections = _invoice_section(gathered[0], today)
    else:
        paid = sum(1 for state, _ in states if state == "paid")
        headline = f"{paid} of {len(gathered)} invoices are paid in full."
        rows = tuple(
            (
                f.invoice.invoice_number,
                f.customer.name if f.customer else f.invoice.customer_id,
                money(f.invoice.amount, f.invoice.currency),
                money(f.invoice.balance, f.invoice.currency),
                state.replace("_", " "),
            )
            for f, (state, _) in zip(gathered, states, strict=True)
        )
        sections = [
            Section(
                table=Table(
                    ("Invoice", "Customer", "Amount", "Open", "Status"), rows, numeric=(2, 3)
                )
            )
        ]
    if resolved.missing_refs:
        sections.append(Section(text="No invoice found for: " + ", ".join(resolved.missing_refs)))
    first = gathered[0].invoice
    return Reply(
        headline=" ".join([*resolved.notes, headline]),
        sections=sections,
        context=[f"Source: ERP invoice, its payment applications and credits, as of {day(today)}."],
        intent="invoice_status",
        entities={"customer_id": first.customer_id, "invoice_number": first.invoice_number},
        data=data,
    )


# --- customer_balance ------------------------------------------------------------------------


@dataclass
class BalanceFacts:
    customer: Customer
    invoices: list[Invoice]
    unapplied: list[Payment]
    on_account_credits: list[Adjustment]
    promises: list[PromiseToPay]


def gather_customer_balance(erp: ErpClient, resolved: Resolved) -> BalanceFacts:
    assert resolved.customer is not None
    cid = resolved.customer.customer_id
    if is_local(erp):
        with InquiryReads(erp) as reads:
            return BalanceFacts(
                resolved.customer,
                reads.open_invoices(cid),
                reads.unapplied_payments(cid),
                reads.on_account_credits(cid),
                reads.open_promises(cid),
            )
    recent = erp.payments(cid, limit=BALANCE_RECENT)
    return BalanceFacts(
        resolved.customer,
        erp.invoices(cid, open_only=True),
        [p for p in recent if p.unapplied > 0],
        [a for a in erp.adjustments(cid) if a.invoice_number is None],
        [p for p in erp.promises(cid) if p.status == "open"],
    )


def _by_currency(values: list[tuple[str, Decimal]]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for currency, amount in values:
        totals[currency] = totals.get(currency, Decimal("0.00")) + amount
    return totals


def answer_customer_balance(resolved: Resolved, facts: BalanceFacts, today: date) -> Reply:
    customer = facts.customer
    open_by = _by_currency([(i.currency, i.balance) for i in facts.invoices])
    due_by = _by_currency([(i.currency, i.balance) for i in facts.invoices if i.due_date < today])
    credits_by = _by_currency(
        [(p.currency, p.unapplied) for p in facts.unapplied]
        + [(a.currency, a.amount) for a in facts.on_account_credits]
    )
    currencies = sorted(set(open_by) | set(credits_by)) or [customer.currency]
    zero = Decimal("0.00")
    buckets: dict[str, dict[str, Decimal]] = {
        c: dict.fromkeys(AGING_BUCKET_NAMES, zero) for c in currencies
    }
    for invoice in facts.invoices:
        buckets[invoice.currency][aging_bucket(invoice.days_past_due(today))] += invoice.balance

    def amounts(totals: dict[str, Decimal]) -> str:
        return " + ".join(money(totals.get(c, zero), c) for c in currencies)

    if not facts.invoices:
        headline = f"{customer.name} owes nothing: no open invoices."
    else:
        headline = (
            f"{customer.name} owes {amounts(open_by)} on "
            f"{plural(len(facts.invoices), 'open invoice')}"
        )
        headline += f", {amounts(due_by)} of it past due." if due_by else ", none of it past due."
    fact_list = [
        Fact("Customer", f"{customer.name} ({customer.customer_id})"),
        Fact("Terms", customer.terms_label),
        Fact("Open invoices", amounts(open_by)),
        Fact("Past due", amounts(due_by)),
    ]
    if credits_by:
        net = {c: open_by.get(c, zero) - credits_by.get(c, zero) for c in currencies}
        fact_list.append(Fact("Unapplied cash and credits", amounts(credits_by)))
        fact_list.append(Fact("Net balance", amounts(net)))
    if customer.credit_limit is not None:
        headroom = customer.credit_limit - open_by.get(customer.currency, zero)
        standing = (
            f"{money(headroom, customer.currency)} available"
            if headroom >= 0
            else f"over by {money(-headroom, customer.currency)}"
        )
        fact_list.append(
            Fact("Credit limit", f"{money(customer.credit_limit, customer.currency)} ({standing})")
        )
    if customer.on_hold:
        fact_list.append(Fact("Credit hold", "ON HOLD — new orders do not ship"))
    sections = [Section(facts=tuple(fact_list))]
    aging_rows = tuple(
        (name, *(money(buckets[c][name], c) for c in currencies)) for name in AGING_BUCKET_NAMES
    )
    sections.append(
        Section(
            table=Table(
                ("Days past due", *currencies),
                aging_rows,
                numeric=tuple(range(1, len(currencies) + 1)),
                title="Aging by due date",
            )
        )
    )
    if facts.invoices:
        oldest = sorted(facts.invoices, key=lambda i: (i.due_date, i.invoice_number))
        rows = tuple(
            (
                i.invoice_number,
                day(i.invoice_date),
                day(i.due_date),
                money(i.balance, i.currency),
                due_phrase(i.due_date, today),
            )
            for i in oldest[:TABLE_MAX_ROWS]
        )
        more = len(oldest) - len(rows)
        title = "Open invoices, oldest first" + (
            f" (first {len(rows)} of {len(oldest)})" if more else ""
        )
        sections.append(
            Section(
                table=Table(
                    ("Invoice", "Date", "Due", "Open", "Timing"), rows, numeric=(3,), title=title
                )
            )
        )
    for promise in facts.promises:
        sections.append(
            Section(
                text=(
                    f"Promised {money(promise.amount, promise.currency)} "
                    f"by {day(promise.promised_on)}"
                    + (f" for {promise.invoice_number}." if promise.invoice_number else ".")
                )
            )
        )
    data = {
        "customer": _customer_fact(customer),
        "open_total": open_by,
        "past_due": due_by,
        "unapplied_credits": credits_by,
        "aging": buckets,
        "open_invoices": [
            {
                "invoice_number": i.invoice_number,
                "invoice_date": i.invoice_date,
                "due_date": i.due_date,
                "amount": i.amount,
                "balance": i.balance,
                "currency": i.currency,
                "days_past_due": i.days_past_due(today),
            }
            for i in facts.invoices
        ],
    }
    return Reply(
        headline=" ".join([*resolved.notes, headline]),
        sections=sections,
        context=[
            f"Source: ERP open invoices and unapplied cash as of {day(today)}; aged by due date."
        ],
        intent="customer_balance",
        entities={"customer_id": customer.customer_id},
        data=data,
    )


# --- payment_history -------------------------------------------------------------------------


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
    if is_local(erp):
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
            total = _by_currency([(p.currency, p.amount) for p in facts.payments])
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
        "customer": _customer_fact(customer),
        "period": {"start": period.start, "end": period.end, "label": period.label}
        if period
        else None,
        "payments": [
            {
                "payment_id": p.payment_id,
                "received_on": p.received_on,
                "amount": p.amount,
                "currency": p.currency,
                "method": p.method,
                "reference": p.reference,
                "unapplied": p.unapplied,
                "applications": [
                    {"invoice_number": a.invoice_number, "amount": a.amount} for a in p.applications
                ],
            }
            for p in facts.payments
        ],
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
