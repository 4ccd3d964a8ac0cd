"""Narrow reads and sums of the local ledger for the reports that cover a whole book: DSO and CEI,
the receipts forecast and the digest (SQLAlchemy core, SQLite and PostgreSQL). Like
``aggregates``, every function returns plain values — ints (money in cents, days since
1970-01-01), dates and strings — never records: ``graph`` makes what it shows. The book's
invoices and applications come as ``Columns`` (each column concatenated in the database: one
row, not a Python tuple per invoice), which ``graph.ar.ledger_book.LedgerBook`` turns into
arrays.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Select, String, and_, case, cast, func, select
from sqlalchemy.engine import Engine

from integrations.erp.local import schema as t
from integrations.erp.local.aggregates import _cents, day_number
from integrations.erp.records import AGING_BUCKETS
from integrations.plain_in import chunks

SEPARATOR = "\x1f"  # the ASCII unit separator: between the values of a column read as one text
ACCOUNT = "\x1e"  # the ASCII record separator: between a customer and a currency (an account)


class Columns(NamedTuple):
    """A query's rows read as columns: each text column as a list of strings, each integer
    column (money in cents, days since 1970-01-01) as one text of its values separated by
    ``SEPARATOR`` — one row from the database, not one Python tuple per row."""

    count: int
    texts: tuple[list[str], ...]
    integers: tuple[str, ...]


def _columns(engine: Engine, query: Select[Any], texts: int) -> Columns:
    """``query``'s rows (its first ``texts`` columns text, the others integers, none NULL) in
    its order, each column concatenated in the database. A text column holding the separator
    somewhere is read again on its own, row by row."""
    rows = query.subquery()
    columns = list(rows.c)
    joined = [func.aggregate_strings(cast(c, String), SEPARATOR) for c in columns]
    with engine.connect() as conn:
        count, *values = conn.execute(select(func.count(), *joined).select_from(rows)).one()
        found: list[list[str]] = []
        for k, text in enumerate(values[:texts]):
            split = text.split(SEPARATOR) if count else []
            if len(split) != count:
                split = list(conn.scalars(select(columns[k])))
            found.append(split)
    return Columns(int(count), tuple(found), tuple(v or "" for v in values[texts:]))


# --- DSO, CEI and the receipts forecast: the book as columns ---------------------------------


def account_key(customer_id: Any, currency: Any) -> Any:
    """An account (customer and currency) as one text: customer, ``ACCOUNT``, currency."""
    return customer_id + ACCOUNT + currency


def invoice_columns(engine: Engine) -> Columns:
    """Every invoice: number and account (``account_key``); invoice and due day, amount and
    balance in cents. In invoice-number order as Python orders strings (code points: SQLite's
    binary collation, PostgreSQL's "C"), so that the caller need not sort them (SQLite walks
    the primary key's index)."""
    i = t.invoices.c
    number: Any = i.invoice_number
    if engine.dialect.name == "postgresql":
        number = number.collate("C")
    query = select(
        i.invoice_number,
        account_key(i.customer_id, i.currency),
        day_number(engine, i.invoice_date),
        day_number(engine, i.due_date),
        _cents(i.amount),
        _cents(i.balance),
    ).order_by(number)
    return _columns(engine, query, texts=2)


def application_columns(engine: Engine) -> Columns:
    """Every application: invoice, and its payment's account (``account_key``); the day
    applied, the day its payment was received, and cents."""
    a, p = t.applications.c, t.payments.c
    query = select(
        a.invoice_number,
        account_key(p.customer_id, p.currency),
        day_number(engine, a.applied_on),
        day_number(engine, p.received_on),
        _cents(a.amount),
    ).select_from(t.applications.join(t.payments, p.payment_id == a.payment_id))
    return _columns(engine, query, texts=2)


def _driver_rows(engine: Engine, query: Any) -> list[tuple[Any, ...]]:
    """The query's rows straight from the driver's cursor (no ``Row`` objects), for a query of
    strings, integers and dates (ISO text on SQLite, dates on PostgreSQL)."""
    with engine.connect() as conn:
        result = conn.execute(query)
        try:
            return list(result.cursor.fetchall())
        finally:
            result.close()


def credit_rows(engine: Engine) -> list[tuple[Any, ...]]:
    """Every adjustment against an invoice: (invoice, day, cents)."""
    adj = t.adjustments.c
    query = select(adj.invoice_number, adj.adjusted_on, _cents(adj.amount)).where(
        adj.invoice_number.is_not(None)
    )
    return _driver_rows(engine, query)


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


def cash_by_day(engine: Engine, since: date, until: date) -> list[tuple[Any, ...]]:
    """The payments received from ``since`` to ``until`` per currency and day: (currency, day,
    the greatest payment id, how many, cents received; the greatest id, how many and cents of
    those with cents left unapplied), newest day and id first — the order of
    ``LocalLedger.payments``, for a caller to take the currencies in the order it would meet
    them."""
    p = t.payments.c
    unapplied = _cents(p.unapplied)
    some_left = unapplied > 0
    query = (
        select(
            p.currency,
            p.received_on,
            func.max(p.payment_id),
            func.count(),
            func.sum(_cents(p.amount)),
            func.max(case((some_left, p.payment_id), else_=None)),
            func.sum(case((some_left, 1), else_=0)),
            func.sum(unapplied),
        )
        .where(p.received_on >= since, p.received_on <= until)
        .group_by(p.currency, p.received_on)
    )
    with engine.connect() as conn:
        rows = [tuple(row) for row in conn.execute(query)]
    return sorted(rows, key=lambda r: (r[1], r[2]), reverse=True)


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
        for chunk in chunks(wanted):
            query = select(a.invoice_number, a.payment_id).where(a.invoice_number.in_(chunk))
            for number, payment_id in conn.execute(query):
                found.setdefault(number, []).append(payment_id)
    return found


def adjustments_of(engine: Engine, numbers: Iterable[str]) -> list[Any]:
    """The adjustments (rows) against these invoices, oldest first."""
    adj = t.adjustments.c
    wanted = sorted(set(numbers))
    found: list[Any] = []
    with engine.connect() as conn:
        for chunk in chunks(wanted):
            query = select(t.adjustments).where(adj.invoice_number.in_(chunk))
            found.extend(conn.execute(query).mappings())
    return sorted(found, key=lambda r: (r["adjusted_on"], r["adjustment_id"]))
