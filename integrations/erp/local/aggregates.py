"""Sums over the local ledger computed where the data lives (SQLAlchemy core, SQLite and
PostgreSQL), for the reports that read a whole book: a million open invoices come back as one
row per customer and currency, never as a million objects.

Every function takes an ``Engine`` and returns plain tuples of ints (money in cents), dates and
strings; ``graph`` turns them into its own records. Dates are compared with bound dates wherever
possible; where days between two dates are summed, ``day_number`` turns a date into a number in
each dialect.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import BigInteger, Integer, and_, case, cast, func, select, type_coerce
from sqlalchemy.engine import Engine

from integrations.erp.local import schema as t
from integrations.erp.records import AGING_BUCKETS
from integrations.plain_in import chunks

EPOCH = date(1970, 1, 1)


class AccountRow(NamedTuple):
    """One customer's open invoices in one currency (money in cents): the aging buckets, then
    what the collections score needs beyond them."""

    customer_id: str
    currency: str
    buckets: tuple[int, ...]
    early_past_due: int  # 1..late_days past due
    due_soon: int  # not yet due, due within soon_days
    partly_paid: int  # not more than late_days past due, and partly paid
    early_partly_paid: int  # of it, 1..late_days past due
    late_count: int  # invoices more than late_days past due


class SettledRow(NamedTuple):
    """One customer's fully paid invoices (settled on the last application's date)."""

    customer_id: str
    settled: int
    settled_late: int  # paid more than late_days after due
    days_beyond_terms: int
    late_days: int
    recent_settled: int  # settled after ``recent_from``
    recent_late: int
    recent_days_beyond_terms: int


def day_number(engine: Engine, column: Any) -> Any:
    """Days since 1970-01-01 of a date column, as an integer expression."""
    if engine.dialect.name == "sqlite":
        return type_coerce(cast(func.julianday(column) - 2440587.5, Integer), Integer)
    return type_coerce(column - EPOCH, Integer)


def _cents(column: Any) -> Any:
    return type_coerce(column, BigInteger)


def account_rows(
    engine: Engine, as_of: date, *, late_days: int, soon_days: int, customer_id: str | None = None
) -> list[AccountRow]:
    """Every account with an open balance: one GROUP BY, dates only compared with bound dates
    (no date arithmetic per invoice)."""
    i = t.invoices.c
    balance, amount, due = _cents(i.balance), _cents(i.amount), i.due_date
    late_cut = as_of - timedelta(days=late_days)
    soon = as_of + timedelta(days=soon_days)

    def total(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, balance), else_=0)), 0)

    bucket_columns = []
    lower: date | None = None  # due on or after this date is in the bucket
    for _name, upper in AGING_BUCKETS:
        bound = as_of - timedelta(days=upper) if upper is not None else None
        if bound is None:
            bucket_columns.append(total(due < lower))
        elif lower is None:
            bucket_columns.append(total(due >= bound))
        else:
            bucket_columns.append(total(and_(due >= bound, due < lower)))
        lower = bound
    query = (
        select(
            i.customer_id,
            i.currency,
            *bucket_columns,
            total(and_(due >= late_cut, due < as_of)),
            total(and_(due >= as_of, due <= soon)),
            total(and_(due >= late_cut, balance < amount)),
            func.sum(case((due < late_cut, 1), else_=0)),
        )
        .where(i.balance > 0)
        .group_by(i.customer_id, i.currency)
    )
    # The partly paid money 1..late_days past due: a few days of invoices, read along the
    # open-by-due index rather than one more sum over every open invoice.
    early_partly = (
        select(i.customer_id, i.currency, func.sum(balance))
        .where(i.balance > 0, due >= late_cut, due < as_of, balance < amount)
        .group_by(i.customer_id, i.currency)
    )
    if customer_id is not None:
        query = query.where(i.customer_id == customer_id)
        early_partly = early_partly.where(i.customer_id == customer_id)
    width = len(AGING_BUCKETS)
    with engine.connect() as conn:
        early = {(r[0], r[1]): int(r[2]) for r in conn.execute(early_partly)}
        return [
            AccountRow(
                row[0],
                row[1],
                tuple(row[2 : 2 + width]),
                row[2 + width],
                row[3 + width],
                row[4 + width],
                early.get((row[0], row[1]), 0),
                row[5 + width],
            )
            for row in conn.execute(query)
        ]


def past_due_details(
    engine: Engine, as_of: date, customer_ids: Iterable[str], *, late_days: int
) -> dict[tuple[str, str], tuple[date, int, int]]:
    """For these customers' accounts with something past due: (oldest due date, invoices past
    due, Σ balance in cents × days past due over those more than ``late_days`` past due)."""
    i = t.invoices.c
    late_cut = as_of - timedelta(days=late_days)
    days = (as_of - EPOCH).days - day_number(engine, i.due_date)
    found: dict[tuple[str, str], tuple[date, int, int]] = {}
    wanted = sorted(set(customer_ids))
    with engine.connect() as conn:
        for chunk in chunks(wanted):
            query = (
                select(
                    i.customer_id,
                    i.currency,
                    func.min(i.due_date),
                    func.count(),
                    func.sum(case((i.due_date < late_cut, _cents(i.balance) * days), else_=0)),
                )
                .where(
                    i.customer_id.in_(chunk),
                    i.balance > 0,
                    i.due_date < as_of,
                )
                .group_by(i.customer_id, i.currency)
            )
            for cid, currency, oldest, count, day_cents in conn.execute(query):
                found[cid, currency] = (_as_date(oldest), int(count), int(day_cents or 0))
    return found


def settled_rows(
    engine: Engine,
    as_of: date,
    *,
    late_days: int,
    recent_from: date,
    customer_id: str | None = None,
) -> list[SettledRow]:
    """Per customer, its invoices fully paid by ``as_of``: how many, how many late, days
    beyond terms (all, late ones, recent ones)."""
    a, i = t.applications.c, t.invoices.c
    settled = (
        select(a.invoice_number, func.max(a.applied_on).label("paid_on"))
        .where(a.applied_on <= as_of)
        .group_by(a.invoice_number)
    )
    if customer_id is not None:
        settled = settled.join(t.invoices, t.invoices.c.invoice_number == a.invoice_number).where(
            i.customer_id == customer_id
        )
    paid = settled.subquery()
    beyond = day_number(engine, paid.c.paid_on) - day_number(engine, i.due_date)
    late = beyond > late_days
    recent = paid.c.paid_on >= recent_from
    query = (
        select(
            i.customer_id,
            func.count(),
            func.sum(case((late, 1), else_=0)),
            func.sum(beyond),
            func.sum(case((late, beyond), else_=0)),
            func.sum(case((recent, 1), else_=0)),
            func.sum(case((and_(recent, late), 1), else_=0)),
            func.sum(case((recent, beyond), else_=0)),
        )
        .select_from(t.invoices.join(paid, paid.c.invoice_number == i.invoice_number))
        .where(i.balance == 0)
        .group_by(i.customer_id)
    )
    with engine.connect() as conn:
        return [SettledRow(r[0], *(int(v or 0) for v in r[1:])) for r in conn.execute(query)]


def broken_promises(
    engine: Engine, as_of: date
) -> list[tuple[str, str | None, date, int, str, bool]]:
    """Broken promises to pay due by ``as_of``: (customer, invoice, promised on, cents,
    currency, whether the invoice it names is still open)."""
    p, i = t.promises.c, t.invoices.c
    query = (
        select(
            p.customer_id,
            p.invoice_number,
            p.promised_on,
            _cents(p.amount),
            p.currency,
            func.coalesce(_cents(i.balance), 0) > 0,
        )
        .select_from(
            t.promises.outerjoin(t.invoices, t.invoices.c.invoice_number == p.invoice_number)
        )
        .where(p.status == "broken", p.promised_on <= as_of)
    )
    with engine.connect() as conn:
        return [
            (r[0], r[1], _as_date(r[2]), int(r[3]), r[4], bool(r[5])) for r in conn.execute(query)
        ]


def disputed_open(engine: Engine) -> list[str]:
    """The open invoices with a note that says they are disputed."""
    n, i = t.notes.c, t.invoices.c
    query = (
        select(i.invoice_number)
        .select_from(t.notes.join(t.invoices, t.invoices.c.invoice_number == n.invoice_number))
        .where(func.lower(n.text).like("%disput%"), i.balance > 0)
        .distinct()
    )
    with engine.connect() as conn:
        return list(conn.scalars(query))


def open_invoices(
    engine: Engine, numbers: Iterable[str]
) -> list[tuple[str, str, str, int, int, date]]:
    """These invoices, those still open: (number, customer, currency, balance, amount, due
    date), in cents."""
    i = t.invoices.c
    wanted = sorted(set(numbers))
    found = []
    with engine.connect() as conn:
        for chunk in chunks(wanted):
            query = select(
                i.invoice_number,
                i.customer_id,
                i.currency,
                _cents(i.balance),
                _cents(i.amount),
                i.due_date,
            ).where(i.invoice_number.in_(chunk), i.balance > 0)
            found += [
                (r[0], r[1], r[2], int(r[3]), int(r[4]), _as_date(r[5]))
                for r in conn.execute(query)
            ]
    return found


def past_due_numbers(
    engine: Engine, as_of: date, customer_ids: Iterable[str]
) -> dict[tuple[str, str], list[str]]:
    """The past-due invoice numbers of these customers, per currency, oldest first."""
    i = t.invoices.c
    found: dict[tuple[str, str], list[str]] = {}
    wanted = sorted(set(customer_ids))
    with engine.connect() as conn:
        for chunk in chunks(wanted):
            query = (
                select(i.customer_id, i.currency, i.invoice_number)
                .where(
                    i.customer_id.in_(chunk),
                    i.balance > 0,
                    i.due_date < as_of,
                )
                .order_by(i.due_date, i.invoice_number)
            )
            for customer_id, currency, number in conn.execute(query):
                found.setdefault((customer_id, currency), []).append(number)
    return found


def last_contacts(engine: Engine, customer_ids: Iterable[str]) -> dict[str, Any]:
    n = t.notes.c
    found: dict[str, Any] = {}
    wanted = sorted(set(customer_ids))
    with engine.connect() as conn:
        for chunk in chunks(wanted):
            query = (
                select(n.customer_id, func.max(n.created_at))
                .where(n.customer_id.in_(chunk))
                .group_by(n.customer_id)
            )
            found.update({cid: at for cid, at in conn.execute(query)})
    return found


def customers_of_collector(engine: Engine, collector: str) -> set[str]:
    c = t.customers.c
    with engine.connect() as conn:
        return set(conn.scalars(select(c.customer_id).where(c.collector == collector)))


def collectors(engine: Engine) -> Sequence[str]:
    c = t.customers.c
    with engine.connect() as conn:
        return list(conn.scalars(select(c.collector).where(c.collector.is_not(None)).distinct()))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
