"""Rows whose key is one of many values (``WHERE key IN (...)``, a chunk at a time), straight to
the driver: what a cash run's batch reads (its invoices, customers, payments, approvals, bank
lines: thousands of rows in a few hundred statements) costs without SQLAlchemy's work per
statement (building the ``IN``, its cache key, rendering the list) and per row.

``rows_in(conn, name, statement, values)`` gives the rows of ``statement(bindparam)`` with the
bind parameter expanded to each chunk of ``values``, as dicts keyed like ``Result.mappings()``.
The statement is compiled by SQLAlchemy once per dialect under ``name``; its first execution goes
through SQLAlchemy and leaves behind SQLAlchemy's own conversions of the values and of each
result column (as ``plain_reads`` does for single look-ups). Only on a driver with positional
``?`` parameters (SQLite); elsewhere, and while someone listens to the cursor's events, every
statement goes through SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import BindParameter, Connection, bindparam
from sqlalchemy.sql import Executable

# Values per IN (...) list, in every SQL read of the ledger, the store and the Intacct state: a
# statement's bound values stay under SQLite's default limit before 3.32 (999), with room to spare.
CHUNK = 500
VALUES = "in_values"  # the expanding parameter's name
_TOKEN = f"(__[POSTCOMPILE_{VALUES}])"


@dataclass(frozen=True, slots=True)
class _Plain:
    head: str  # the SQL before the list of values
    tail: str  # and after it
    order: tuple[str, ...]  # the positional parameters' names (``VALUES`` where the list goes)
    compiled: Any  # SQLAlchemy's compiled statement: completes the other parameters
    binds: dict[str, Callable[[Any], Any]]  # SQLAlchemy's conversions of the parameters
    keys: tuple[str, ...]
    results: tuple[tuple[int, Callable[[Any], Any]], ...]  # (column, conversion)


_KEPT: dict[tuple[str, str, str], _Plain | None] = {}
_V = TypeVar("_V")


def chunks(values: Sequence[_V]) -> Iterator[Sequence[_V]]:
    """``values`` ``CHUNK`` at a time: what one ``IN (...)`` asks for."""
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def rows_in(
    conn: Connection,
    name: str,
    statement: Callable[[BindParameter[Any]], Executable],
    values: Iterable[Any],
    params: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """The rows of ``statement(in_values)`` for every value (each value asked once, in chunks
    of ``CHUNK``): ``statement`` builds the query from the expanding parameter it is given
    (``column.in_(param)``); ``params``: its other parameters. One statement per ``name``."""
    wanted = list(dict.fromkeys(values))
    rows: list[dict[str, Any]] = []
    for chunk in chunks(wanted):
        rows += _chunk(conn, name, statement, chunk, params or {})
    return rows


def _chunk(
    conn: Connection,
    name: str,
    statement: Callable[[BindParameter[Any]], Executable],
    chunk: list[Any],
    params: Mapping[str, Any],
) -> list[dict[str, Any]]:
    dialect = conn.dialect
    key = (dialect.name, dialect.driver, name)
    plain = _KEPT.get(key, False)
    if plain is False or plain is None or _listened(conn):
        query = statement(bindparam(VALUES, expanding=True))
        result = conn.execute(query, {**params, VALUES: chunk})
        if plain is False:
            plain = _KEPT[key] = _learn(query, result)
        return [dict(row) for row in result.mappings()]
    bound = plain.compiled.construct_params(params, _check=False)
    binds = plain.binds
    given: list[Any] = []
    for bound_name in plain.order:
        process = binds.get(bound_name)
        if bound_name == VALUES:
            given += chunk if process is None else map(process, chunk)
        else:
            value = bound[bound_name]
            given.append(value if process is None else process(value))
    sql = plain.head + ", ".join("?" * len(chunk)) + plain.tail
    if not conn.in_transaction():
        conn.begin()  # as SQLAlchemy would (SQLite: the engine's BEGIN)
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, given)
        fetched = cursor.fetchall()
    finally:
        cursor.close()
    return as_dicts(plain.keys, plain.results, fetched)


def as_dicts(
    keys: Sequence[str],
    results: Sequence[tuple[int, Callable[[Any], Any]]],
    fetched: Iterable[Sequence[Any]],
) -> list[dict[str, Any]]:
    """The driver's rows as SQLAlchemy would give them: each column through its type's result
    processor (``results``: column index, processor), keyed by the statement's column names."""
    if not results:
        return [dict(zip(keys, raw, strict=True)) for raw in fetched]
    rows = []
    for raw in fetched:
        row = list(raw)
        for column, process in results:
            row[column] = process(row[column])
        rows.append(dict(zip(keys, row, strict=True)))
    return rows


def _listened(conn: Connection) -> bool:
    """Someone listens to what is sent (a test, a tracer): SQLAlchemy's way."""
    return bool(conn.dispatch.before_cursor_execute or conn.dispatch.after_cursor_execute)


def _learn(query: Executable, result: Any) -> _Plain | None:
    """How to run ``query`` again straight to the driver (its first execution is ``result``);
    None when the driver's parameters are not ``?`` or the SQL is not the plain shape."""
    dialect = result.context.dialect
    if dialect.paramstyle != "qmark":
        return None
    compiled = query.compile(dialect=dialect)
    head, token, tail = compiled.string.partition(_TOKEN)
    order = tuple(compiled.positiontup or ())
    if not token or _TOKEN in tail or order.count(VALUES) != 1:
        return None
    if compiled.literal_execute_params or compiled.post_compile_params != {compiled.binds[VALUES]}:
        return None  # another parameter completed at execution
    processors = getattr(result._metadata, "_processors", None)
    if processors is None:
        return None
    return _Plain(
        head=head + "(",
        tail=")" + tail,
        order=order,
        compiled=compiled,
        binds=dict(compiled._bind_processors),
        keys=tuple(result.keys()),
        results=tuple((i, p) for i, p in enumerate(processors) if p is not None),
    )
