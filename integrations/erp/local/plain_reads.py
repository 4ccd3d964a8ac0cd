"""Reads straight to the driver for the ledger's small, frequent look-ups (an inquiry's
customer, invoice, payments): a statement is compiled by SQLAlchemy once per dialect, its
first execution goes through SQLAlchemy as usual and leaves behind the SQL, the order of its
parameters and SQLAlchemy's own value conversions (bind and result processors); later ones
run that SQL on the connection's DB-API cursor and convert each value the same way, without
SQLAlchemy's per-execution work (~20 µs a statement, more than the read itself on SQLite).

Rows come back as dicts keyed like ``Result.mappings()``. A statement whose SQL is completed
at execution (an expanding ``IN``), or any statement while someone listens to the cursor's
events (``before_cursor_execute``: tests that explain what was sent, tracers), is run through
SQLAlchemy."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, func, select
from sqlalchemy.sql import Executable

from integrations.plain_in import as_dicts


@dataclass(frozen=True, slots=True)
class _Plain:
    sql: str
    compiled: Any  # SQLAlchemy's compiled statement: completes the parameters
    order: tuple[str, ...] | None  # positional parameters' names; None: by name
    binds: tuple[tuple[str, Callable[[Any], Any]], ...]
    keys: tuple[str, ...]
    results: tuple[tuple[int, Callable[[Any], Any]], ...]  # (column, conversion)


_KEPT: dict[tuple[str, str, str], _Plain | None] = {}


@cache
def point_reads() -> dict[str, Executable]:
    """The ledger's look-ups a question makes while its words are resolved (built once)."""
    from integrations.erp.local import schema as t

    c, i = t.customers.c, t.invoices.c
    return {
        "customer": select(t.customers).where(c.customer_id == bindparam("id")),
        "by_key": select(t.invoices)
        .where(i.number_key == bindparam("key"))
        .order_by(i.invoice_number),
        "by_po": select(t.invoices)
        .where(func.upper(i.po_number) == bindparam("po"))
        .order_by(i.invoice_date),
    }


def plain_rows(
    conn: Connection, name: str, statement: Executable, params: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """``[dict(r) for r in conn.execute(statement, params).mappings()]``; ``name`` is the
    statement's (one statement per name)."""
    dialect = conn.dialect
    key = (dialect.name, dialect.driver, name)
    plain = _KEPT.get(key, False)
    if plain is False:
        result = conn.execute(statement, dict(params))
        plain = _KEPT[key] = _learn(statement, result)
        return [dict(row) for row in result.mappings()]
    if plain is None or conn.dispatch.before_cursor_execute or conn.dispatch.after_cursor_execute:
        # not possible, or someone listens to what is sent (a test, a tracer): SQLAlchemy's way
        return [dict(row) for row in conn.execute(statement, dict(params)).mappings()]
    values = plain.compiled.construct_params(params, _check=False)
    for bound, process in plain.binds:
        values[bound] = process(values[bound])
    if not conn.in_transaction():
        conn.begin()  # as SQLAlchemy would (SQLite: the engine's BEGIN)
    cursor = conn.connection.cursor()
    try:
        if plain.order is None:
            cursor.execute(plain.sql, values)
        else:
            cursor.execute(plain.sql, tuple(values[bound] for bound in plain.order))
        fetched = cursor.fetchall()
    finally:
        cursor.close()
    return as_dicts(plain.keys, plain.results, fetched)


def _learn(statement: Executable, result: Any) -> _Plain | None:
    """How to run ``statement`` (whose first execution is ``result``) again straight to the
    driver (None: not possible, e.g. an expanding parameter). Compiled here, from this very
    statement, so its literal values are its own (SQLAlchemy's cached compilation may come
    from another statement of the same shape)."""
    compiled = statement.compile(dialect=result.context.dialect)
    if compiled.string != result.context.statement or compiled.literal_execute_params:
        return None
    processors = getattr(result._metadata, "_processors", None)
    if processors is None:
        return None
    order = tuple(compiled.positiontup) if compiled.positional else None
    return _Plain(
        sql=compiled.string,
        compiled=compiled,
        order=order,
        binds=tuple(compiled._bind_processors.items()),
        keys=tuple(result.keys()),
        results=tuple((i, p) for i, p in enumerate(processors) if p is not None),
    )
