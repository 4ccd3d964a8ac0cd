"""The daily digest: what an AR team needs at 8 am, short enough for a phone.

Built from the ERP and the bot's store only; every figure names where it comes from.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from graph.charts import aging_chart
from graph.format import day, money, plural
from graph.messages import Fact, Image, Reply, Section, Table
from integrations.erp.port import ErpClient
from integrations.erp.records import AGING_BUCKET_NAMES
from integrations.store import Store

TOP = 5


def _sum(rows: list[tuple[str, Decimal]]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for currency, amount in rows:
        totals[currency] += amount
    return dict(totals)


def _amounts(totals: dict[str, Decimal]) -> str:
    return " + ".join(money(v, c) for c, v in sorted(totals.items())) or money(Decimal(0), "USD")


def build_digest(erp: ErpClient, store: Store, today: date) -> Reply:
    yesterday = today - timedelta(days=1)
    received = erp.payments(since=yesterday, until=yesterday)
    cash = _sum([(p.currency, p.amount) for p in received])
    unapplied = _sum([(p.currency, p.unapplied) for p in received if p.unapplied > 0])
    waiting = store.list(("pending", "failed"))
    aging_rows = erp.aging(today)
    buckets_by_currency: dict[str, dict[str, Decimal]] = {}
    for row in aging_rows:
        buckets = buckets_by_currency.setdefault(
            row.currency, dict.fromkeys(AGING_BUCKET_NAMES, Decimal("0.00"))
        )
        for name, amount in row.buckets.items():
            buckets[name] += amount
    main_currency = max(
        buckets_by_currency, key=lambda c: sum(buckets_by_currency[c].values()), default="USD"
    )
    main = buckets_by_currency.get(main_currency, dict.fromkeys(AGING_BUCKET_NAMES, Decimal(0)))
    open_total = sum(main.values(), Decimal("0.00"))
    past_due = open_total - main["current"]

    headline = (
        f"AR digest for {day(today)}: {_amounts(cash)} received yesterday, "
        f"{plural(len(waiting), 'approval')} waiting."
    )
    sections = [
        Section(
            title="Yesterday's cash",
            facts=(
                Fact("Received", f"{_amounts(cash)} in {plural(len(received), 'payment')}"),
                Fact("Not yet applied", _amounts(unapplied)),
            ),
        )
    ]
    if waiting:
        now = datetime.now(UTC)
        rows = tuple(
            (
                a.approval_id,
                a.summary,
                a.status,
                f"{max(int((now - a.created_at).total_seconds() // 3600), 0)} h",
            )
            for a in waiting[:TOP]
        )
        title = "Waiting for approval, oldest first" + (
            f" ({TOP} of {len(waiting)})" if len(waiting) > TOP else ""
        )
        sections.append(
            Section(table=Table(("Approval", "What", "Status", "Age"), rows, title=title))
        )
    sections.append(
        Section(
            title=f"Open AR ({main_currency})",
            facts=(
                Fact("Open", money(open_total, main_currency)),
                Fact("Past due", money(past_due, main_currency)),
                Fact("Over 90 days", money(main["91-120"] + main["120+"], main_currency)),
            ),
        )
    )
    chart = aging_chart(main, main_currency)
    return Reply(
        headline=headline,
        sections=sections,
        context=[
            f"Sources: ERP payments received {day(yesterday)}, open invoices aged by due "
            f"date as of {day(today)}, the approval queue."
        ],
        intent="digest",
        data={
            "date": today,
            "cash_received": cash,
            "payments_received": len(received),
            "unapplied": unapplied,
            "approvals_waiting": len(waiting),
            "aging": buckets_by_currency,
        },
        images=[
            Image(
                f"ar-digest-{today.isoformat()}.png",
                chart,
                f"Open AR by days past due, {main_currency}",
            )
        ],
    )
