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
    credits of the period — of the invoices dated by ``as_of``. One pass for all the periods."""
    a, adj, i = t.applications.c, t.adjustments.c, t.invoices.c
    events = union_all(
        select(
            a.invoice_number,
            a.applied_on.label("on"),
            _cents(a.amount).label("cents"),
            literal(1).label("cash"),
        ),
        select(adj.invoice_number, adj.adjusted_on, _cents(adj.amount), literal(0)).where(
            adj.invoice_number.is_not(None)
        ),
    ).subquery()
    e = events.c

    def taken(condition: Any, name: str) -> Any:
        return func.coalesce(func.sum(case((condition, e.cents), else_=0)), 0).label(name)

    columns = []
    for k, (start, as_of) in enumerate(periods):
        day_before = start - timedelta(days=1)
        columns += [
            taken(e.on <= day_before, f"before_{k}"),
            taken(e.on <= as_of, f"end_{k}"),
            taken(and_(e.on >= start, e.on <= as_of, e.cash == 1), f"collected_{k}"),
            taken(and_(e.on >= start, e.on <= as_of, e.cash == 0), f"credited_{k}"),
        ]
    per_invoice = select(e.invoice_number, *columns).group_by(e.invoice_number).subquery()
    r = per_invoice.c
    amount = _cents(i.amount)
    sums = []
    for k, (start, as_of) in enumerate(periods):
        day_before = start - timedelta(days=1)
        dated = i.invoice_date <= as_of

        def when(condition: Any, value: Any) -> Any:
            return func.sum(case((condition, value), else_=0))

        left_at_end = _positive(amount - func.coalesce(r[f"end_{k}"], 0))
        sums += [
            when(
                i.invoice_date <= day_before, _positive(amount - func.coalesce(r[f"before_{k}"], 0))
            ),
            when(and_(dated, i.invoice_date >= start), amount),
            when(dated, func.coalesce(r[f"collected_{k}"], 0)),
            when(dated, func.coalesce(r[f"credited_{k}"], 0)),
            when(dated, left_at_end),
            when(and_(dated, i.due_date >= as_of), left_at_end),
            when(dated, 1),
        ]
    latest = max((as_of for _, as_of in periods), default=date.min)
    query = (
        select(i.currency, *sums)
        .select_from(t.invoices.outerjoin(per_invoice, r.invoice_number == i.invoice_number))
        .where(i.invoice_date <= latest)
        .group_by(i.currency)
    )
    found: dict[date, list[ReceivableSums]] = {as_of: [] for _, as_of in periods}
    with engine.connect() as conn:
        rows = conn.execute(query).all() if periods else []
    for row in rows:
        for k, (_, as_of) in enumerate(periods):
            *values, invoices = (int(v or 0) for v in row[1 + 7 * k : 8 + 7 * k])
            if invoices:  # the currency has invoices dated by then
                found[as_of].append(ReceivableSums(row[0], *values))
    return found


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


def forecast_invoices(engine: Engine) -> list[tuple[str, str, str, int, int, int, int]]:
    """Every invoice: (number, customer, currency, issued, due, amount, balance)."""
    i = t.invoices.c
    query = select(
        i.invoice_number,
        i.customer_id,
        i.currency,
        _ordinal(engine, i.invoice_date),
        _ordinal(engine, i.due_date),
        _cents(i.amount),
        _cents(i.balance),
    )
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]  # type: ignore[misc]


def known_cash(engine: Engine, as_of: date) -> list[tuple[str, int, int]]:
    """What the payments received by ``as_of`` applied: (invoice, day applied, cents)."""
    a, p = t.applications.c, t.payments.c
    query = (
        select(a.invoice_number, _ordinal(engine, a.applied_on), _cents(a.amount))
        .select_from(t.applications.join(t.payments, p.payment_id == a.payment_id))
        .where(p.received_on <= as_of)
    )
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]  # type: ignore[misc]


def paying_habits(engine: Engine, as_of: date) -> list[tuple[str, str, int, int]]:
    """Days beyond terms of the payments received by ``as_of``, amount-weighted, per paying
    customer and payment currency: (customer, currency, Σ cents × days between due date and
    receipt, Σ cents)."""
    a, p, i = t.applications.c, t.payments.c, t.invoices.c
    cents = _cents(a.amount)
    days = day_number(engine, p.received_on) - day_number(engine, i.due_date)
    query = (
        select(p.customer_id, p.currency, func.sum(cents * days), func.sum(cents))
        .select_from(
            t.applications.join(t.payments, p.payment_id == a.payment_id).join(
                t.invoices, i.invoice_number == a.invoice_number
            )
        )
        .where(p.received_on <= as_of)
        .group_by(p.customer_id, p.currency)
    )
    with engine.connect() as conn:
        return [(k, c, int(w), int(n)) for k, c, w, n in conn.execute(query)]


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
