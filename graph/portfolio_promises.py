"""Promises to pay across the book (or one customer): broken, open and due, and kept when the
question asks which were kept. Amounts per currency, never summed across currencies."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from typing import Any

from graph.format import day, money, plural
from graph.messages import TABLE_MAX_ROWS, Reply, Section, Table
from graph.portfolio_answers import amounts
from graph.portfolio_reads import ZERO, book_reads
from graph.promises import promises_as_of
from graph.reports import ReportContext, scoped_customer
from graph.understand import Request
from graph.understand_promises import PROMISES_KEPT
from graph.understand_vocab import normalize
from integrations.erp.records import Customer


def _who(customers: dict[str, Customer], customer_id: str) -> str:
    found = customers.get(customer_id)
    return found.name if found else customer_id


def promises(context: ReportContext, request: Request) -> Reply:
    customer, notes = scoped_customer(context, request)
    ids = [customer.customer_id] if customer else None
    every = promises_as_of(context.store, context.erp, context.today, ids)
    horizon = request.period.end if request.period else context.today + timedelta(days=7)
    broken = [p for p in every if p.status == "broken"]
    due = [p for p in every if p.status == "open" and p.promised_on <= horizon]
    kept = []
    asked_kept = bool(PROMISES_KEPT.search(normalize(request.text)))
    if asked_kept:  # "which promises were kept this month"
        period = request.period
        kept = [
            p
            for p in every
            if p.status == "kept"
            and (period is None or period.start <= p.promised_on <= period.end)
        ]
    customers = book_reads(context.erp, context.today).customers(
        {p.customer_id for p in broken + due + kept}
    )

    def total(items: list) -> dict[str, Decimal]:
        sums: dict[str, Decimal] = defaultdict(lambda: ZERO)
        for p in items:
            sums[p.currency] += p.amount
        return dict(sums)

    headline = (
        f"{plural(len(broken), 'broken promise')} ({amounts(total(broken))}); "
        f"{plural(len(due), 'open promise')} due by {day(horizon)} ({amounts(total(due))})."
    )
    kept_title = "Kept" + (f", promised {request.period.label}" if request.period else "")
    if asked_kept:
        when = f", promised {request.period.label}" if request.period else ""
        headline = (
            f"{plural(len(kept), 'promise')} kept{when} ({amounts(total(kept))}); " + headline
        )
    sections = []
    for title, items in (
        (kept_title, kept),
        ("Broken", broken),
        (f"Open, due by {day(horizon)}", due),
    ):
        if items:
            sections.append(
                Section(
                    table=Table(
                        ("Customer", "Promised for", "Amount", "Invoice"),
                        tuple(
                            (
                                _who(customers, p.customer_id),
                                day(p.promised_on),
                                money(p.amount, p.currency),
                                p.invoice_number or "",
                            )
                            for p in items[:TABLE_MAX_ROWS]
                        ),
                        numeric=(2,),
                        title=title,
                    )
                )
            )

    def listed(items: list) -> list[dict[str, Any]]:
        return [
            {
                "customer_id": p.customer_id,
                "name": _who(customers, p.customer_id),
                "promised_on": p.promised_on,
                "amount": p.amount,
                "currency": p.currency,
                "invoice_number": p.invoice_number,
                "status": p.status,
            }
            for p in items
        ]

    return Reply(
        headline=" ".join([*notes, headline]),
        sections=sections,
        context=[
            "Source: promises to pay recorded in the ERP and in arbot (captured in chat or read"
            " from customers' e-mails); a promise not kept is broken from the next business day."
        ],
        intent="promises",
        entities={"customer_id": customer.customer_id} if customer else {},
        data={"broken": listed(broken), "due": listed(due), "horizon": horizon}
        | ({"kept": listed(kept)} if kept else {})
        | ({"customer_id": customer.customer_id, "name": customer.name} if customer else {}),
    )
