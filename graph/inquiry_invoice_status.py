"""Did a customer pay an invoice: the invoice, its payments, credits and promises, and the
reply that says whether it is paid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from graph.format import day, due_phrase, money
from graph.inquiries import Resolved
from graph.inquiry_reads import InquiryReads
from graph.messages import Fact, Reply, Section, Table
from integrations.erp.port import ErpClient, is_local_ledger
from integrations.erp.records import (
    Adjustment,
    Customer,
    Invoice,
    Payment,
    PromiseToPay,
    aging_bucket,
)


@dataclass
class InvoiceFacts:
    invoice: Invoice
    customer: Customer | None
    payments: list[Payment]
    adjustments: list[Adjustment]
    promises: list[PromiseToPay]


def gather_invoice_status(erp: ErpClient, resolved: Resolved) -> list[InvoiceFacts]:
    if is_local_ledger(erp):
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
