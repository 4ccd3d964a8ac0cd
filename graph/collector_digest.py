"""The digest's part about the collector's loop: promises broken in the last week (flagged from
the business day after their date) and the open disputes with their age."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from graph.dispute_reads import open_disputes
from graph.format import day, money, plural
from graph.messages import Section, Table
from graph.promise_reads import next_business_day
from integrations.erp.records import Customer, PromiseToPay
from integrations.store.collector import CollectorStore

RECENT_DAYS = 7
TOP = 5


def collector_sections(
    store: CollectorStore | None,
    promises: Iterable[PromiseToPay],
    customers: Iterable[Customer],
    today: date,
) -> tuple[list[Section], dict[str, Any]]:
    names = {c.customer_id: c.name for c in customers}
    since = today - timedelta(days=RECENT_DAYS)
    broken = sorted(
        (
            p
            for p in promises
            if p.status == "broken" and since <= next_business_day(p.promised_on) <= today
        ),
        key=lambda p: (p.promised_on, p.customer_id),
    )
    disputes = open_disputes(store)
    sections = []
    if broken:
        sections.append(
            Section(
                table=Table(
                    ("Customer", "Promised", "By", "Invoice"),
                    tuple(
                        (
                            names.get(p.customer_id, p.customer_id),
                            money(p.amount, p.currency),
                            day(p.promised_on),
                            p.invoice_number or "",
                        )
                        for p in broken[:TOP]
                    ),
                    numeric=(1,),
                    title=f"Promises broken in the last {RECENT_DAYS} days",
                )
            )
        )
    if disputes:
        oldest = max(d.age_days(today) for d in disputes)
        sections.append(
            Section(
                title="Open disputes",
                text=(
                    f"{plural(len(disputes), 'open dispute')}, the oldest {oldest} days old: "
                    + ", ".join(
                        f"{d.invoice_number} ({d.reason_code.replace('_', ' ')}, "
                        f"{d.age_days(today)} days, {d.owner})"
                        for d in sorted(disputes, key=lambda d: d.opened_at)[:TOP]
                    )
                ),
            )
        )
    data = {
        "broken_promises": [
            {"customer_id": p.customer_id, "promised_on": p.promised_on, "amount": p.amount}
            for p in broken
        ],
        "open_disputes": [
            {
                "dispute_id": d.dispute_id,
                "invoice_number": d.invoice_number,
                "age_days": d.age_days(today),
            }
            for d in disputes
        ],
    }
    return sections, data
