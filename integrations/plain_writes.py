"""Many rows written with one statement straight to the driver: what a cash run's tens of
thousands of approval, audit, bank-line and ledger rows cost as an executemany of tuples, not
SQLAlchemy's per-row work, with exactly the values SQLAlchemy would bind.

``execute_plain(conn, name, statement, rows)`` is ``conn.execute(statement(), rows)``: the
statement is compiled once per dialect and driver under ``name``, each value goes through the
conversion SQLAlchemy applies to its column (``bind_processor``: money to cents, aware times to
naive UTC, dates to text on SQLite), a column at a time; a value repeated in a column (a batch's
time stamp, a day's date) is converted once. A row leaving a column out falls back to
``conn.execute`` (SQLAlchemy completes it with the column's default).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Date, Engine

from integrations.db import WRITE_OPTION, UtcDateTime, write_transaction
from integrations.erp.local.schema import Money

# SQLite's page cache (KiB) while a batch is written: a cash run's batch dirties more pages
# (its invoices, their indexes, the approvals' and audit's) than the 2 MiB default holds, which
# writes them to the WAL mid-transaction and again at its commit. A 10k-line run of 256-line
# batches (its writes alone, 4 interleaved runs each): 2 MiB 0.81-1.00 s system CPU and the
# least peak memory, 4 MiB 0.67-0.73 s and 2.4 MB more, 8 MiB 0.58-0.68 s and 4.7 MB more;
# the same ~1.0M blocks written by the process with each, and no difference in its total CPU
# the runs' noise (±0.4 s) could show.
BULK_CACHE_KIB = 4 * 1024
# The local ledger's batch (``erp.local.bulk.apply_payments``) dirties more than that: a
# 512-line batch changes ~500 random invoices, each in the table and in the three partial
# open-invoice indexes (~1,500 pages on the benchmark's 100k-invoice ledger), and the writes'
# and payments' key indexes: ~6.5-7 MiB. In 4 MiB SQLite spilled a third of them to the WAL
# mid-transaction, wrote most again at the commit (the same frame rewritten) and then read
# back and re-checksummed every frame after the first rewritten one (10k lines: ~14k frames
# written twice, ~30k more WAL reads). 8 MiB holds the batch (no spill measured from 7 MiB);
# the memory it takes is the same allocator's the store's idle cache gave back
# (``shrink_memory`` below), so the run's peak grows by less than the difference.
LEDGER_CACHE_KIB = 8 * 1024
# And the WAL's length (pages) before a commit copies it into the database (1,000 by
# default): a page the batches of a run write again and again (an index's, the audit's
# last) is copied once per checkpoint. The same run: 197k → 167k page writes, 152k → 122k reads,
# 80 → 26 syncs; the WAL file grows to ~40 MB on disk meanwhile.
BULK_CHECKPOINT_PAGES = 10_000
# And where the transaction's statement journals are kept: in memory (``temp_store=MEMORY``)
# instead of a temporary file. Each row an executemany writes is a statement that SQLite must
# be able to undo alone (a CHECK, a foreign key or a trigger may refuse it), so the pages it
# changes are copied to a statement journal first; past 64 KiB that journal spills to a file
# in /var/tmp, which a batch then keeps rewriting (a 10k-line run: ~51,500 pwrite calls to 15
# such files, a quarter of the run's writes). In memory the journal is emptied after each
# row. It holds nothing a crash needs (an uncommitted transaction is gone with the process
# either way; the WAL alone is recovered), so durability is unchanged.
BULK_TEMP_STORE = 2  # MEMORY

# Column types whose conversion depends only on the value (equal values of one type convert
# alike), so a column's repeated values may be converted once. A naive ``DateTime`` is not
# among them: two equal aware times in different zones are written as different text.
_BY_VALUE = (Money, UtcDateTime, Date)


@dataclass(frozen=True)
class _Plain:
    sql: str
    names: tuple[str, ...]  # the parameters (in the statement's order for positional drivers)
    positional: bool
    defaults: dict[str, Any]  # values bound in the statement itself
    processors: dict[str, Callable[[Any], Any]]  # what SQLAlchemy converts a value with
    by_value: frozenset[str]  # parameters whose conversion depends only on the value


# Statements compiled for the driver, by dialect, driver and the caller's name for the statement.
_PLAIN: dict[tuple[str, str, str], _Plain | None] = {}


def _compiled(conn: Connection, name: str, statement: Callable[[], Any]) -> _Plain | None:
    key = (conn.dialect.name, conn.dialect.driver, name)
    if key not in _PLAIN:
        compiled = statement().compile(dialect=conn.dialect)
        simple = not compiled.escaped_bind_names and not any(
            b.expanding for b in compiled.binds.values()
        )
        needed = frozenset(n for n, b in compiled.binds.items() if b.required)
        bound = compiled.construct_params(_check=False)
        positional = compiled.positiontup is not None
        names = (
            tuple(compiled.positiontup)  # a name used twice is bound twice
            if positional
            else tuple(dict.fromkeys((*sorted(needed), *sorted(bound))))
        )
        _PLAIN[key] = (
            _Plain(
                compiled.string,
                names,
                positional,
                {n: v for n, v in bound.items() if n not in needed},
                dict(compiled._bind_processors),
                frozenset(
                    n
                    for n, b in compiled.binds.items()
                    if isinstance(b.type, _BY_VALUE)
                    or isinstance(getattr(b.type, "impl_instance", None), _BY_VALUE)
                ),
            )
            if simple
            else None
        )
    return _PLAIN[key]


def _converted(process: Callable[[Any], Any], values: Sequence[Any], by_value: bool) -> list[Any]:
    if by_value:
        try:
            return list(map(lru_cache(maxsize=None, typed=True)(process), values))
        except TypeError:  # a value that cannot be a key: each converted on its own
            pass
    return list(map(process, values))


def execute_plain(
    conn: Connection, name: str, statement: Callable[[], Any], rows: Sequence[dict[str, Any]]
) -> int:
    """``conn.execute(statement(), rows)`` (an executemany) straight to the driver (see the
    module); the number of rows it changed. ``statement``: makes the statement (called once
    per dialect)."""
    if not rows:
        return 0
    plain = _compiled(conn, name, statement)
    if plain is None:
        return conn.execute(statement(), list(rows)).rowcount
    names, defaults, processors = plain.names, plain.defaults, plain.processors
    count = len(rows)
    given = list(dict.fromkeys(n for n in names if n not in defaults))  # what each row gives
    columns: dict[str, Sequence[Any]] = {}
    try:
        if len(given) == 1:  # itemgetter of one name gives the value itself, not a tuple
            columns[given[0]] = [row[given[0]] for row in rows]
        elif given:
            take = itemgetter(*given)
            columns = dict(zip(given, zip(*map(take, rows), strict=True), strict=True))
    except KeyError:  # a row leaving a column out is SQLAlchemy's to complete (its default)
        return conn.execute(statement(), list(rows)).rowcount
    for n, value in defaults.items():
        process = processors.get(n)
        columns[n] = [value if process is None else process(value)] * count
    for n in given:
        process = processors.get(n)
        if process is not None:
            columns[n] = _converted(process, columns[n], n in plain.by_value)
    ordered = zip(*(columns[n] for n in names), strict=True)
    if plain.positional:
        return conn.exec_driver_sql(plain.sql, list(ordered)).rowcount
    named = [dict(zip(names, row, strict=True)) for row in ordered]
    return conn.exec_driver_sql(plain.sql, named).rowcount


def execute_tuples(
    conn: Connection,
    name: str,
    statement: Callable[[], Any],
    names: tuple[str, ...],
    rows: Sequence[tuple[Any, ...]],
) -> int | None:
    """``execute_plain`` of rows given as tuples of ``names``' values, handed to the driver as
    they are, when nothing of theirs is converted and the statement binds exactly ``names``
    in that order (positional drivers: SQLite's); the number of rows it changed. None, with
    nothing executed, when the statement is not such a one (the caller then gives dicts)."""
    plain = _compiled(conn, name, statement)
    if (
        plain is None
        or not plain.positional
        or plain.names != names
        or plain.defaults
        or any(n in plain.processors for n in names)
    ):
        return None
    if not rows:
        return 0
    return conn.exec_driver_sql(plain.sql, list(rows)).rowcount


@contextmanager
def bulk_write_transaction(engine: Engine, cache_kib: int = BULK_CACHE_KIB) -> Iterator[Connection]:
    """``write_transaction`` for a batch of thousands of rows. On SQLite the connection's page
    cache is raised to ``cache_kib`` for the transaction (each dirty page written once, at the
    commit), its WAL checkpointed at ``BULK_CHECKPOINT_PAGES`` and its statement journals kept
    in memory (``BULK_TEMP_STORE``); all are set back once the transaction has ended,
    committed or not, and the pages the cache holds then are given back to the allocator
    (``PRAGMA shrink_memory``): with ledger and store in one file (``ARBOT_HOME/arbot.db``) a
    cash run's next transaction on this connection finds them stale anyway (the ledger's and
    the store's connections write in turn, and SQLite in WAL mode drops a connection's whole
    cache when another one wrote), and meanwhile the other connection's batch uses that
    memory. Durability is unchanged: ``synchronous`` and the
    journal mode are the connection's own."""
    if engine.dialect.name != "sqlite":
        with write_transaction(engine) as conn:
            yield conn
        return
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection  # in autocommit: a PRAGMA begins nothing
        assert raw is not None
        (cache,) = raw.execute("PRAGMA cache_size").fetchone()
        (checkpoint,) = raw.execute("PRAGMA wal_autocheckpoint").fetchone()
        (temp_store,) = raw.execute("PRAGMA temp_store").fetchone()
        raw.execute(f"PRAGMA cache_size=-{cache_kib}")
        raw.execute(f"PRAGMA wal_autocheckpoint={BULK_CHECKPOINT_PAGES}")
        raw.execute(f"PRAGMA temp_store={BULK_TEMP_STORE}")
        try:
            conn.execution_options(**{WRITE_OPTION: True})  # as write_transaction begins
            with conn.begin():
                yield conn
        finally:
            raw.execute(f"PRAGMA cache_size={int(cache)}")
            raw.execute(f"PRAGMA wal_autocheckpoint={int(checkpoint)}")
            raw.execute(f"PRAGMA temp_store={int(temp_store)}")
            raw.execute("PRAGMA shrink_memory")
