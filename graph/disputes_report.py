"""The answer to "disputed invoices": open disputes with reason, amount, age and owner, and the
open invoices the ERP's notes call disputed that arbot holds no dispute of."""

from __future__ import annotations

from decimal import Decimal

from graph.dispute_reads import open_disputes
from graph.format import money, plural
from graph.messages import TABLE_MAX_ROWS, Reply, Section, Table
from graph.reports import ReportContext, scoped_customer
from graph.understand import Request


def disputes_report(context: ReportContext, request: Request) -> Reply:
    """Open disputes with their reason, amount, age and owner (one customer, or every one), and
    the open invoices the ERP's notes call disputed that arbot holds no dispute record of."""
    customer, unread = scoped_customer(context, request)
    ids = [customer.customer_id] if customer else None
    records = open_disputes(context.store, ids)
    known = (
        {d.invoice_number for d in context.store.disputes(customer_ids=ids)}
        if context.store
        else set()
    )
    noted_numbers = sorted(
        {
            n.invoice_number
            for n in context.erp.notes(customer.customer_id if customer else None)
            if n.invoice_number and "disput" in n.text.lower() and n.invoice_number not in known
        }
    )
    noted = [
        i for n in noted_numbers if (i := context.erp.get_invoice(n)) is not None and i.balance
    ]
    disputed_invoices = [
        i for d in records if (i := context.erp.get_invoice(d.invoice_number)) is not None
    ] + noted
    totals: dict[str, Decimal] = {}
    for d in records:
        totals[d.currency] = totals.get(d.currency, Decimal("0.00")) + d.amount
    for i in noted:
        totals[i.currency] = totals.get(i.currency, Decimal("0.00")) + i.balance
    count = len(records) + len(noted)
    scope = customer.name if customer else "all customers"
    if count:
        headline = (
            f"{plural(count, 'open dispute')} ({scope}): "
            + " + ".join(money(v, c) for c, v in sorted(totals.items()))
            + " disputed."
        )
    else:
        headline = (
            f"No open dispute ({scope}). Short-paid amounts are under “open deductions”; "
            "“INV-… is disputed: why” opens one."
        )
    rows = [
        (
            d.dispute_id,
            d.invoice_number,
            d.customer_id,
            d.reason_code.replace("_", " "),
            money(d.amount, d.currency),
            f"{d.age_days(context.today)} days",
            d.owner,
        )
        for d in records
    ] + [
        ("(ERP note)", i.invoice_number, i.customer_id, "", money(i.balance, i.currency), "", "")
        for i in noted
    ]
    sections = []
    if rows:
        sections.append(
            Section(
                table=Table(
                    ("Dispute", "Invoice", "Customer", "Reason", "Amount", "Age", "Owner"),
                    tuple(rows[:TABLE_MAX_ROWS]),
                    numeric=(4,),
                )
            )
        )
    return Reply(
        headline=" ".join([*unread, headline]),
        sections=sections,
        context=[
            "Source: disputes in arbot's store (mirrored to the ERP as notes on the invoice), "
            "and ERP notes on open invoices that say “disputed”. Disputed invoices are left out "
            "of reminders."
        ],
        intent="disputes",
        entities={"customer_id": customer.customer_id} if customer else {},
        data={
            "totals": totals,
            "disputes": [
                {
                    "dispute_id": d.dispute_id,
                    "invoice_number": d.invoice_number,
                    "customer_id": d.customer_id,
                    "reason_code": d.reason_code,
                    "amount": d.amount,
                    "currency": d.currency,
                    "owner": d.owner,
                    "age_days": d.age_days(context.today),
                    "source": d.source,
                }
                for d in records
            ],
            "invoices": [
                {
                    "invoice_number": i.invoice_number,
                    "customer_id": i.customer_id,
                    "balance": i.balance,
                    "currency": i.currency,
                }
                for i in disputed_invoices
            ],
        },
    )
