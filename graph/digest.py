"""The daily digest: what an AR team needs at 8 am, short enough for a phone.

Built from the ERP and the bot's store only; every figure names where it comes from.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from graph.ar.collections_book import read_book
from graph.ar.credit import check_credit
from graph.ar.deductions import find_deductions
from graph.ar.forecast import forecast_receipts
from graph.ar.metrics import receivables_metrics
from graph.collector_digest import collector_sections
from graph.collector_signals import collector_signals
from graph.format import day, money, plural
from graph.messages import Fact, Image, Reply, Section, Table
from graph.portfolio import Portfolio
from graph.trust_report import weekly_sections
from integrations.erp.port import ErpClient
from integrations.erp.records import AGING_BUCKET_NAMES, Invoice, Payment
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


def _orders_to_review(book: Portfolio, today: date) -> list[tuple[str, str, str, str]]:
    """Credit checks of the pending sales orders: new orders are checked here every day."""
    invoices_of: dict[str, list[Invoice]] = defaultdict(list)
    for invoice in book.invoices_by_number.values():
        invoices_of[invoice.customer_id].append(invoice)
    payments_of: dict[str, list[Payment]] = defaultdict(list)
    for payment in book.payments:
        payments_of[payment.customer_id].append(payment)
    customers = {c.customer_id: c for c in book.customers}
    open_orders = [o for o in book.orders if o.status in ("pending", "approved", "on_hold")]
    flagged = []
    for order in (o for o in open_orders if o.status == "pending"):
        mine = invoices_of.get(order.customer_id, [])
        decision = check_credit(
            customers[order.customer_id],
            order.amount,
            order_id=order.order_id,
            open_invoices=[i for i in mine if i.balance > 0],
            other_open_orders=[
                o
                for o in open_orders
                if o.customer_id == order.customer_id and o.order_id != order.order_id
            ],
            payments=payments_of.get(order.customer_id, []),
            invoices_by_number={i.invoice_number: i for i in mine},
            as_of=today,
        )
        if decision.decision != "APPROVE":
            flagged.append(
                (
                    order.order_id,
                    customers[order.customer_id].name,
                    money(order.amount, order.currency),
                    decision.decision,
                )
            )
    return flagged


def build_digest(
    erp: ErpClient,
    store: Store,
    today: date,
    *,
    deduction_tolerance: Decimal = Decimal("250.00"),
    since: date | None = None,
) -> Reply:
    """``since``: the first day of cash it covers (default yesterday; the scheduler passes the
    day of the last digest, so Monday's covers the weekend)."""
    yesterday = today - timedelta(days=1)
    since = min(since or yesterday, yesterday)
    period = "yesterday" if since == yesterday else f"since {day(since)}"
    received = erp.payments(since=since, until=yesterday)
    cash = _sum([(p.currency, p.amount) for p in received])
    unapplied = _sum([(p.currency, p.unapplied) for p in received if p.unapplied > 0])
    waiting = store.list(("pending", "failed"))
    book = Portfolio.read(erp, store, today)

    buckets_by_currency: dict[str, dict[str, Decimal]] = {}
    for row in erp.aging(today):
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

    headline = (
        f"AR digest for {day(today)}: {_amounts(cash)} received {period}, "
        f"{plural(len(waiting), 'approval')} waiting."
    )
    sections = [
        Section(
            title="Yesterday's cash" if since == yesterday else f"Cash since {day(since)}",
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

    collections = read_book(erp, today, collector_signals(erp, store))
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

    collector, collector_data = collector_sections(store, book.promises, book.customers, today)
    sections.extend(collector)
    sections.extend(weekly_sections(store, today))  # Mondays: shadow mode's scorecard

    fresh = [
        d
        for d in find_deductions(
            book.customers,
            book.open_invoices,
            book.payments,
            book.adjustments,
            today,
            tolerance=deduction_tolerance,
        )
        if d.age_days <= 7
    ]
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

    flagged = _orders_to_review(book, today)
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

    mine = [i for i in book.invoices_by_number.values() if i.currency == main_currency]
    adjustments = [a for a in book.adjustments if a.currency == main_currency]
    payments = [p for p in book.payments if p.currency == main_currency]
    trend = []
    for back in (60, 30, 0):
        moment = today - timedelta(days=back)
        value = receivables_metrics(mine, adjustments, payments, moment).dso_standard
        if value is not None:
            trend.append((moment, value))
    outlook = forecast_receipts(
        book.open_invoices, book.customers, book.payments, book.invoices_by_number, today
    )
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
        "payments_received": len(received),
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
    from graph.charts import aging_chart  # matplotlib: only when a digest is drawn

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
        images=[
            Image(
                f"ar-digest-{today.isoformat()}.png",
                aging_chart(main, main_currency, trend),
                f"Open AR by days past due and DSO trend, {main_currency}",
            )
        ],
    )
