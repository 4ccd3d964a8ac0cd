"""What a customer owes: open invoices, unapplied cash and credits, open promises, and the
reply that ages them by due date, per currency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from graph.format import day, due_phrase, money, plural
from graph.inquiries import Resolved, by_currency, customer_fact
from graph.inquiry_reads import BALANCE_RECENT, InquiryReads
from graph.messages import TABLE_MAX_ROWS, Fact, Reply, Section, Table
from integrations.erp.port import ErpClient, is_local_ledger
from integrations.erp.records import (
    AGING_BUCKET_NAMES,
    Adjustment,
    Customer,
    Invoice,
    Payment,
    PromiseToPay,
    aging_bucket,
)


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
    if is_local_ledger(erp):
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


def answer_customer_balance(resolved: Resolved, facts: BalanceFacts, today: date) -> Reply:
    customer = facts.customer
    open_by = by_currency([(i.currency, i.balance) for i in facts.invoices])
    due_by = by_currency([(i.currency, i.balance) for i in facts.invoices if i.due_date < today])
    credits_by = by_currency(
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
        "customer": customer_fact(customer),
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
