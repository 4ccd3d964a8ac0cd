"""The daily digest: what an AR team needs at 8 am, short enough for a phone.

Built from the ERP and the bot's store only; every figure names where it comes from.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from graph.ar.collections_book import read_book
from graph.collector_digest import collector_sections
from graph.collector_signals import collector_signals
from graph.digest_reads import (
    aging_by_currency,
    cash_received,
    customers_by_id,
    held_orders,
    new_deductions,
)
from graph.format import day, money, plural
from graph.messages import Fact, Image, Reply, Section, Table
from graph.promise_reads import promises_as_of, settle
from graph.trust_report import weekly_sections
from integrations.erp.port import ErpClient
from integrations.erp.records import AGING_BUCKET_NAMES
from integrations.store import Store

TOP = 5


def _sum(rows: list[tuple[str, Decimal]]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for currency, amount in rows:
        totals[currency] += amount
    return dict(totals)


def _days(first: date, last: date) -> str:
    return day(last) if first == last else f"{day(first)} to {day(last)}"


def _amounts(totals: dict[str, Decimal]) -> str:
    return " + ".join(money(v, c) for c, v in sorted(totals.items())) or money(Decimal(0), "USD")


def build_digest(
    erp: ErpClient,
    store: Store,
    today: date,
    *,
    deduction_tolerance: Decimal = Decimal("250.00"),
    since: date | None = None,
    chart: bool = True,
) -> Reply:
    """``since``: the first day of cash it covers (default yesterday; the scheduler passes the
    day of the last digest, so Monday's covers the weekend). ``chart=False``: without the
    chart's image (``arbot digest --json``; drawing it imports matplotlib, ~0.8 s CPU)."""
    yesterday = today - timedelta(days=1)
    since = min(since or yesterday, yesterday)
    period = "yesterday" if since == yesterday else f"since {day(since)}"
    received = cash_received(erp, since, yesterday)
    cash, unapplied = received.received, received.unapplied
    waiting = store.list(("pending", "failed"))
    from graph.ar.book_metrics import book_metrics_at  # numpy
    from graph.ar.forecast_book import book_forecast
    from graph.ar.ledger_book import read_ledger_book

    # The local ledger read once as arrays: the aging, the collections list, the DSO trend and
    # the forecast.
    book = read_ledger_book(erp)
    buckets_by_currency = aging_by_currency(erp, today, book)
    main_currency = max(
        buckets_by_currency, key=lambda c: sum(buckets_by_currency[c].values()), default="USD"
    )
    main = buckets_by_currency.get(main_currency, dict.fromkeys(AGING_BUCKET_NAMES, Decimal(0)))
    open_total = sum(main.values(), Decimal("0.00"))

    headline = (
        f"AR digest for {day(today)}: {_amounts(cash)} received {period}, "
        f"{plural(len(waiting), 'approval')} waiting."
    )
    sections = [
        Section(
            title="Yesterday's cash" if since == yesterday else f"Cash since {day(since)}",
            facts=(
                Fact("Received", f"{_amounts(cash)} in {plural(received.count, 'payment')}"),
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

    # Only the first 20 are read (the first three needing a step are shown).
    settle(store, erp, today)  # arbot's promises, once: the list and the promises below read them
    signals = collector_signals(erp, store, settled=True)
    collections = read_book(erp, today, signals, ledger=book, top=20)
    entries = [e for e in collections.entries(collections.ranked[:20]) if e.next_step != "monitor"]
    if entries:
        rows = tuple(
            (
                e.name,
                money(e.past_due, e.currency),
                e.next_step,
                e.factors[0].text if e.factors else "",
            )
            for e in entries[:3]
        )
        sections.append(
            Section(
                table=Table(
                    ("Customer", "Past due", "Next", "Why"), rows, numeric=(1,), title="Chase first"
                )
            )
        )

    promises = promises_as_of(store, erp, today, settled=True)
    promised_by = customers_by_id(erp, {p.customer_id for p in promises if p.status == "broken"})
    collector, collector_data = collector_sections(store, promises, promised_by.values(), today)
    sections.extend(collector)
    sections.extend(weekly_sections(store, today))  # Mondays: shadow mode's scorecard

    fresh = new_deductions(erp, today, deduction_tolerance, days=7)
    if fresh:
        sections.append(
            Section(
                title="New deductions (last 7 days)",
                text=(
                    f"{plural(len(fresh), 'deduction')}, "
                    f"{_amounts(_sum([(d.currency, d.amount) for d in fresh]))}: "
                    + ", ".join(sorted({d.reason_code for d in fresh}))
                ),
            )
        )

    held = held_orders(erp)
    names = customers_by_id(erp, {o.customer_id for o in held[:TOP]})
    flagged = [
        (
            o.order_id,
            names[o.customer_id].name if o.customer_id in names else o.customer_id,
            money(o.amount, o.currency),
            "on hold",
        )
        for o in held
    ]
    if flagged:
        sections.append(
            Section(
                table=Table(
                    ("Order", "Customer", "Amount", "Credit"),
                    tuple(flagged[:TOP]),
                    numeric=(2,),
                    title="Orders held for credit review",
                )
            )
        )

    moments = [today - timedelta(days=back) for back in (60, 30, 0)]
    trend = []
    for moment, by_currency in book_metrics_at(erp, moments, book=book).items():
        value = by_currency[main_currency].dso_standard if main_currency in by_currency else None
        if value is not None:
            trend.append((moment, value))
    outlook = book_forecast(erp, today, book=book)
    next_30 = outlook.expected.get(main_currency, {}).get(outlook.buckets[0], Decimal("0.00"))
    sections.append(
        Section(
            title=f"Open AR ({main_currency})",
            facts=(
                Fact("Open", money(open_total, main_currency)),
                Fact("Past due", money(open_total - main["current"], main_currency)),
                Fact("Over 90 days", money(main["91-120"] + main["120+"], main_currency)),
                Fact(
                    "DSO (standard, 90 days), 60 and 30 days ago and today",
                    " → ".join(str(v) for _, v in trend) if trend else "n/a",
                ),
                Fact("Expected in the next 30 days", money(next_30, main_currency)),
            ),
        )
    )
    data: dict[str, Any] = {
        "date": today,
        "cash_received": cash,
        "payments_received": received.count,
        "unapplied": unapplied,
        "approvals_waiting": len(waiting),
        "aging": buckets_by_currency,
        "chase_first": [e.customer_id for e in entries[:3]],
        "new_deductions": len(fresh),
        "orders_for_review": [order for order, *_ in flagged],
        "dso_trend": [{"date": moment, "dso": value} for moment, value in trend],
        "expected_next_30_days": {main_currency: next_30},
        **collector_data,
    }
    images = []
    if chart:
        from graph.charts import aging_chart  # matplotlib: only when a digest is drawn

        images.append(
            Image(
                f"ar-digest-{today.isoformat()}.png",
                aging_chart(main, main_currency, trend),
                f"Open AR by days past due and DSO trend, {main_currency}",
            )
        )
    return Reply(
        headline=headline,
        sections=sections,
        context=[
            f"Sources: ERP payments received {_days(since, yesterday)}; open invoices aged by due "
            f"date as of {day(today)}; the approval queue; DSO = ending AR ÷ credit sales "
            "of the last 90 days × 90; the forecast from each customer's own days beyond "
            "terms."
        ],
        intent="digest",
        data=data,
        images=images,
    )
