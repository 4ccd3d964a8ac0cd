"""Sums and narrow reads of the local ledger for the reports that cover a whole book: DSO and CEI,
the receipts forecast and the digest (SQLAlchemy core, SQLite and PostgreSQL). Like
``aggregates``, every function returns plain tuples of ints (money in cents, days as
``date.toordinal()`` numbers), dates and strings, never records: ``graph`` makes what it shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, literal, select, union_all
from sqlalchemy.engine import Engine

from integrations.erp.local import schema as t
from integrations.erp.local.aggregates import EPOCH, _as_date, _cents, day_number
from integrations.erp.records import AGING_BUCKETS

ORDINAL_OF_EPOCH = EPOCH.toordinal()


def _ordinal(engine: Engine, column: Any) -> Any:
    return day_number(engine, column) + ORDINAL_OF_EPOCH


def _columns(engine: Engine, query: Any, width: int) -> list[Sequence[Any]]:
    """The query's rows as ``width`` columns, for a query of strings and integers only: its
    rows straight from the driver's cursor (a hundred thousand ``Row`` objects cost a tenth of
    a second)."""
    with engine.connect() as conn:
        result = conn.execute(query)
        try:
            rows = result.cursor.fetchall()
        finally:
            result.close()
    return list(zip(*rows, strict=True)) if rows else [()] * width


def _positive(value: Any) -> Any:
    return case((value > 0, value), else_=0)


# --- DSO and CEI ---------------------------------------------------------------------------


class ReceivableSums(NamedTuple):
    """One currency's figures for the period ``start``..``as_of`` (cents)."""

    currency: str
    beginning: int  # open at the end of the day before ``start``
    sales: int  # invoices dated in the period
    collected: int  # applications dated in the period
    credited: int  # invoice adjustments dated in the period
    ending: int  # open at the end of ``as_of``
    current: int  # of which due on or after ``as_of``


def receivable_sums(
    engine: Engine, periods: Sequence[tuple[date, date]]
) -> dict[date, list[ReceivableSums]]:
    """For each period (start, as_of), per currency: AR at both ends (each invoice's amount
    less what was applied or credited to it by then, never below zero), sales, collections and
    credits of the period — of the invoices dated by ``as_of``.

    Three flat passes whatever the number of periods: the invoices' amounts, the reductions
    (applications and credits) joined to their invoice, and the invoices reduced by more than
    their amount, whose AR would go below zero (none, on a ledger that keeps its balances), put
    right one by one."""
    if not periods:
        return {}
    i = t.invoices.c
    amount = _cents(i.amount)

    def when(condition: Any, value: Any = None) -> Any:
        return func.coalesce(func.sum(case((condition, value), else_=0)), 0)

    invoice_sums = []
    for start, as_of in periods:
        day_before = start - timedelta(days=1)
        dated = i.invoice_date <= as_of
        invoice_sums += [
            when(i.invoice_date <= day_before, amount),
            when(and_(dated, i.invoice_date >= start), amount),
            when(dated, amount),
            when(and_(dated, i.due_date >= as_of), amount),
            when(dated, 1),
        ]
    latest = max(as_of for _, as_of in periods)
    invoices_query = (
        select(i.currency, *invoice_sums).where(i.invoice_date <= latest).group_by(i.currency)
    )
    events = _reductions().subquery()
    e = events.c
    event_sums = []
    for start, as_of in periods:
        day_before = start - timedelta(days=1)
        dated = and_(i.invoice_date <= as_of, e.on <= as_of)
        in_period = and_(dated, e.on >= start)
        event_sums += [
            when(and_(i.invoice_date <= day_before, e.on <= day_before), e.cents),
            when(dated, e.cents),
            when(and_(dated, i.due_date >= as_of), e.cents),
            when(and_(in_period, e.cash == 1), e.cents),
            when(and_(in_period, e.cash == 0), e.cents),
        ]
    events_query = (
        select(i.currency, *event_sums)
        .select_from(events.join(t.invoices, i.invoice_number == e.invoice_number))
        .where(i.invoice_date <= latest)
        .group_by(i.currency)
    )
    width = 5 * len(periods)
    with engine.connect() as conn:
        issued = {row[0]: [int(v) for v in row[1:]] for row in conn.execute(invoices_query)}
        reduced = {row[0]: [int(v) for v in row[1:]] for row in conn.execute(events_query)}
        fixes = _over_reduced(conn, periods)
    found: dict[date, list[ReceivableSums]] = {as_of: [] for _, as_of in periods}
    for currency in sorted(issued):
        amounts, taken = issued[currency], reduced.get(currency, [0] * width)
        fix = fixes.get(currency, [0] * 3 * len(periods))
        for k, (_, as_of) in enumerate(periods):
            before, sales, dated, current, invoices = amounts[5 * k : 5 * k + 5]
            taken_before, taken_end, taken_current, collected, credited = taken[5 * k : 5 * k + 5]
            fix_before, fix_end, fix_current = fix[3 * k : 3 * k + 3]
            if invoices:  # the currency has invoices dated by then
                found[as_of].append(
                    ReceivableSums(
                        currency,
                        before - taken_before + fix_before,
                        sales,
                        collected,
                        credited,
                        dated - taken_end + fix_end,
                        current - taken_current + fix_current,
                    )
                )
    return found


def _reductions() -> Any:
    """What reduced an invoice: applications (cash = 1) and its credits (cash = 0)."""
    a, adj = t.applications.c, t.adjustments.c
    return union_all(
        select(
            a.invoice_number,
            a.applied_on.label("on"),
            _cents(a.amount).label("cents"),
            literal(1).label("cash"),
        ),
        select(adj.invoice_number, adj.adjusted_on, _cents(adj.amount), literal(0)).where(
            adj.invoice_number.is_not(None)
        ),
    )


def _over_reduced(conn: Any, periods: Sequence[tuple[date, date]]) -> dict[str, list[int]]:
    """Per currency and period, what keeping the invoices reduced by more than their amount at
    zero adds to AR at the start, at the end and to its current part."""
    i = t.invoices.c
    events = _reductions().subquery()
    e = events.c
    totals = (
        select(e.invoice_number, func.sum(e.cents).label("cents"))
        .group_by(e.invoice_number)
        .subquery()
    )
    over = (
        select(i.invoice_number, i.currency, i.invoice_date, i.due_date, _cents(i.amount))
        .join(totals, totals.c.invoice_number == i.invoice_number)
        .where(totals.c.cents > _cents(i.amount))
    )
    invoices = {row[0]: row[1:] for row in conn.execute(over)}
    if not invoices:
        return {}
    reductions: dict[str, list[tuple[date, int]]] = {}
    for start in range(0, len(invoices), 500):
        numbers = sorted(invoices)[start : start + 500]
        query = select(e.invoice_number, e.on, e.cents).where(e.invoice_number.in_(numbers))
        for number, on, cents in conn.execute(query):
            reductions.setdefault(number, []).append((_as_date(on), int(cents)))
    fixes: dict[str, list[int]] = {}
    for number, (currency, issued, due, amount) in invoices.items():
        issued, due = _as_date(issued), _as_date(due)
        fix = fixes.setdefault(currency, [0] * 3 * len(periods))
        for k, (start, as_of) in enumerate(periods):
            day_before = start - timedelta(days=1)
            left_before = amount - sum(c for on, c in reductions[number] if on <= day_before)
            left_end = amount - sum(c for on, c in reductions[number] if on <= as_of)
            if issued <= day_before:
                fix[3 * k] += max(-left_before, 0)
            if issued <= as_of:
                fix[3 * k + 1] += max(-left_end, 0)
                if due >= as_of:
                    fix[3 * k + 2] += max(-left_end, 0)
    return fixes


def daily_sales(engine: Engine, until: date) -> list[tuple[str, date, int]]:
    """(currency, day, cents invoiced that day) up to ``until``."""
    i = t.invoices.c
    query = (
        select(i.currency, i.invoice_date, func.sum(_cents(i.amount)))
        .where(i.invoice_date <= until)
        .group_by(i.currency, i.invoice_date)
    )
    with engine.connect() as conn:
        return [(c, _as_date(d), int(s)) for c, d, s in conn.execute(query)]


# --- the receipts forecast -----------------------------------------------------------------


class ForecastColumns(NamedTuple):
    """Every invoice, column by column, by invoice number."""

    numbers: Sequence[str]
    customer_ids: Sequence[str]
    currencies: Sequence[str]
    issued: Sequence[int]  # ordinal
    due: Sequence[int]
    amount: Sequence[int]  # cents
    balance: Sequence[int]


def forecast_invoices(engine: Engine) -> ForecastColumns:
    """Every invoice: number, customer, currency, issued, due, amount, balance."""
    i = t.invoices.c
    query = select(
        i.invoice_number,
        i.customer_id,
        i.currency,
        _ordinal(engine, i.invoice_date),
        _ordinal(engine, i.due_date),
        _cents(i.amount),
        _cents(i.balance),
    ).order_by(i.invoice_number)
    return ForecastColumns(*_columns(engine, query, 7))


class CashColumns(NamedTuple):
    """What the payments received by a date applied, application by application."""

    invoices: Sequence[str]
    applied: Sequence[int]  # ordinal
    cents: Sequence[int]
    payers: Sequence[str]  # the payment's customer
    currencies: Sequence[str]  # the payment's currency
    received: Sequence[int]  # ordinal


def known_cash(engine: Engine, as_of: date) -> CashColumns:
    """What the payments received by ``as_of`` applied: invoice, day applied, cents, and the
    payment's customer, currency and day received."""
    a, p = t.applications.c, t.payments.c
    query = (
        select(
            a.invoice_number,
            _ordinal(engine, a.applied_on),
            _cents(a.amount),
            p.customer_id,
            p.currency,
            _ordinal(engine, p.received_on),
        )
        .select_from(t.applications.join(t.payments, p.payment_id == a.payment_id))
        .where(p.received_on <= as_of)
    )
    return CashColumns(*_columns(engine, query, 6))


# --- the digest ----------------------------------------------------------------------------


def aging_by_currency(engine: Engine, as_of: date) -> dict[str, tuple[int, ...]]:
    """Open balances per currency in the aging buckets (cents), aged by due date."""
    i = t.invoices.c
    columns, lower = [], None
    for _name, upper in AGING_BUCKETS:
        bound = as_of - timedelta(days=upper) if upper is not None else None
        if bound is None:
            when = i.due_date < lower
        elif lower is None:
            when = i.due_date >= bound
        else:
            when = and_(i.due_date >= bound, i.due_date < lower)
        columns.append(func.sum(case((when, _cents(i.balance)), else_=0)))
        lower = bound
    query = select(i.currency, *columns).where(i.balance > 0).group_by(i.currency)
    with engine.connect() as conn:
        return {row[0]: tuple(int(v or 0) for v in row[1:]) for row in conn.execute(query)}


def paid_in_part_since(engine: Engine, since: date) -> list[str]:
    """Open invoices a payment received on or after ``since`` was applied to."""
    a, p, i = t.applications.c, t.payments.c, t.invoices.c
    query = (
        select(i.invoice_number)
        .select_from(
            t.applications.join(t.payments, p.payment_id == a.payment_id).join(
                t.invoices, i.invoice_number == a.invoice_number
            )
        )
        .where(p.received_on >= since, i.balance > 0)
        .distinct()
    )
    with engine.connect() as conn:
        return sorted(conn.scalars(query))


def applied_to(engine: Engine, numbers: Iterable[str]) -> dict[str, list[str]]:
    """The payments applied to these invoices, by invoice."""
    a = t.applications.c
    found: dict[str, list[str]] = {}
    wanted: Sequence[str] = sorted(set(numbers))
    with engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            query = select(a.invoice_number, a.payment_id).where(
                a.invoice_number.in_(wanted[start : start + 500])
            )
            for number, payment_id in conn.execute(query):
                found.setdefault(number, []).append(payment_id)
    return found


def adjustments_of(engine: Engine, numbers: Iterable[str]) -> list[Any]:
    """The adjustments (rows) against these invoices, oldest first."""
    adj = t.adjustments.c
    wanted = sorted(set(numbers))
    found: list[Any] = []
    with engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            query = select(t.adjustments).where(adj.invoice_number.in_(wanted[start : start + 500]))
            found.extend(conn.execute(query).mappings())
    return sorted(found, key=lambda r: (r["adjusted_on"], r["adjustment_id"]))
