"""``execute_plain`` (a cash run's approval, audit and bank-line writes straight to the driver)
stores exactly what ``conn.execute`` stores: the same values, in the same stored form (money in
cents, times as naive UTC), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import bindparam, insert, select, text, update

from integrations.db import make_engine, write_transaction
from integrations.plain_writes import (
    BULK_CACHE_KIB,
    BULK_CHECKPOINT_PAGES,
    LEDGER_CACHE_KIB,
    bulk_write_transaction,
    execute_tuples,
)
from integrations.store import Store
from integrations.store import schema as t
from integrations.store.audit_batch import execute_plain, new_approval_row


def _approval(n: int, stamp: datetime) -> dict[str, Any]:
    return new_approval_row(
        {
            "approval_id": f"A{n}",
            "action": "apply_payment",
            "status": "pending",
            "payload": {"n": n, "amount": "10.50"},
            "summary": f"Apply payment {n}",
            "amount": Decimal("1234.5") + n,
            "currency": "EUR",
            "customer_id": "C1",
            "target": f"INV-{n}",
            "idempotency_key": f"key-{n}",
            "requested_by": "cash_application",
            "proposed_by": "arbot",
            "expires_at": datetime(2026, 12, 9, 8, 30, tzinfo=UTC),
            "origin": {"payment_id": f"P{n}"} if n % 2 else None,
        },
        stamp,
    )


def _raw(store: Store, table: str) -> list[tuple[Any, ...]]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1"))]


def test_plain_writes_store_what_sqlalchemy_stores(ledger_url: str) -> None:
    store = Store.open(ledger_url)
    stamp = datetime(2026, 11, 21, 9, 15, 30, 123456, tzinfo=UTC)
    plain_rows = [_approval(n, stamp) for n in range(3)]
    other_rows = [_approval(n, stamp) | {"approval_id": f"B{n}"} for n in range(3)]
    for row in other_rows:
        row["idempotency_key"] += "-b"
    with write_transaction(store.engine) as conn:
        execute_plain(conn, "test:insert", lambda: insert(t.approvals), plain_rows)
        conn.execute(insert(t.approvals), other_rows)
    moved = [
        {"b_id": f"{p}1", "b_from": "pending", "b_status": "done", "b_decided_at": stamp}
        for p in "AB"
    ]

    def move() -> Any:
        a = t.approvals.c
        return (
            update(t.approvals)
            .where(a.approval_id == bindparam("b_id"), a.status == bindparam("b_from"))
            .values(status=bindparam("b_status"), decided_at=bindparam("b_decided_at"))
        )

    with write_transaction(store.engine) as conn:
        assert execute_plain(conn, "test:move", move, moved[:1]) == 1  # the rows it changed
        assert execute_plain(conn, "test:move", move, moved[:1]) == 0  # no longer pending
        conn.execute(move(), moved[1:])
    rows = _raw(store, "store_approvals")
    by_id = {row[0]: row[1:] for row in rows}
    for n in range(3):
        plain, other = by_id[f"A{n}"], by_id[f"B{n}"]
        key = [c.name for c in t.approvals.columns][1:].index("idempotency_key")
        assert plain[:key] + plain[key + 1 :] == other[:key] + other[key + 1 :]
    assert store.get("A1").status == "done"  # type: ignore[union-attr]
    assert store.get("A1").decided_at == stamp  # type: ignore[union-attr]
    assert store.get("A2").amount == Decimal("1236.50")  # type: ignore[union-attr]
    with store.engine.connect() as conn:
        origins = dict(conn.execute(select(t.approvals.c.approval_id, t.approvals.c.origin)).all())
    assert origins["A0"] is None and origins["A1"] == '{"payment_id":"P1"}' == origins["B1"]


def test_a_row_leaving_a_column_out_gets_sqlalchemy_s_default(ledger_url: str) -> None:
    store = Store.open(ledger_url)
    stamp = datetime(2026, 11, 21, 9, 15, tzinfo=UTC)
    row = _approval(7, stamp)
    del row["attempts"]  # the column's default (0) is SQLAlchemy's to add
    with write_transaction(store.engine) as conn:
        execute_plain(conn, "test:insert-partial", lambda: insert(t.approvals), [row])
    assert store.get("A7").attempts == 0  # type: ignore[union-attr]
    assert store.get("A7").expires_at.date() == date(2026, 12, 9)  # type: ignore[union-attr]


def test_a_move_reads_again_a_row_changed_since_it_was_created(ledger_url: str) -> None:
    """``move_many(known=...)`` trusts the caller's rows only while status and last change are
    as stored: a row another process changed meanwhile is read whole and moved from its
    current state, and the audit chain still verifies."""
    from integrations.store.audit_batch import Move, Step

    store = Store.open(ledger_url)
    stamp = datetime(2026, 11, 21, 9, 15, tzinfo=UTC)
    made = [(_approval(n, stamp), [Step("proposed", "arbot", {"n": n})]) for n in range(2)]
    known = store.create_many(made)
    elsewhere = store.transition(
        "A1", ("pending",), "pending", actor="Dana Kim", event="noted", detail={}, note="seen"
    )
    assert elsewhere is not None
    moves = [
        Move(a, ("pending",), {"status": "rejected"}, Step("rejected", "arbot", {}))
        for a in ("A0", "A1")
    ]
    moved = store.move_many(moves, known=known)
    assert moved["A0"]["note"] is None
    assert moved["A1"]["note"] == "seen"  # the row as it stood, not the caller's copy
    assert store.get("A1").note == "seen"  # type: ignore[union-attr]
    assert store.get("A1").status == store.get("A0").status == "rejected"  # type: ignore[union-attr]
    assert store.verify_audit() is None


def test_a_move_of_rows_as_known_reads_no_approval(ledger_url: str) -> None:
    """``move_many(known=...)`` with every row as the caller stored it moves them by UPDATEs
    conditioned on status and last change: no approval is read, the rows are moved and
    audited once each."""
    from sqlalchemy import event

    from integrations.store.audit_batch import Move, Step

    store = Store.open(ledger_url)
    stamp = datetime(2026, 11, 21, 9, 15, tzinfo=UTC)
    made = [(_approval(n, stamp), [Step("proposed", "arbot", {"n": n})]) for n in range(3)]
    known = store.create_many(made)
    moves = [
        Move(f"A{n}", ("pending",), {"status": "rejected"}, Step("rejected", "arbot", {}))
        for n in range(3)
    ]
    selects: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "approvals" in statement:
            selects.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        moved = store.move_many(moves, known=known)
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert sorted(moved) == ["A0", "A1", "A2"]
    if store.engine.dialect.supports_sane_multi_rowcount:
        assert selects == []
    assert {store.get(f"A{n}").status for n in range(3)} == {"rejected"}  # type: ignore[union-attr]
    with store.engine.connect() as conn:
        events = conn.execute(select(t.audit.c.event).order_by(t.audit.c.seq)).scalars().all()
    assert events == ["proposed"] * 3 + ["rejected"] * 3
    assert store.verify_audit() is None


def test_a_move_of_a_row_changed_since_leaves_nothing_of_the_first_attempt(
    ledger_url: str,
) -> None:
    """When a row is not as the caller knows it (here: moved on elsewhere), the moves' first
    transaction is rolled back whole and they are made the careful way: the rows still as known
    are moved and audited once, the row moved on is left as it is, and the chain verifies."""
    from integrations.store.audit_batch import Move, Step

    store = Store.open(ledger_url)
    stamp = datetime(2026, 11, 21, 9, 15, tzinfo=UTC)
    made = [(_approval(n, stamp), [Step("proposed", "arbot", {"n": n})]) for n in range(3)]
    known = store.create_many(made)
    elsewhere = store.transition(
        "A1", ("pending",), "approved", actor="Dana Kim", event="approved", detail={}
    )
    assert elsewhere is not None
    moves = [
        Move(f"A{n}", ("pending",), {"status": "rejected"}, Step("rejected", "arbot", {}))
        for n in range(3)
    ]
    moved = store.move_many(moves, known=known)
    assert sorted(moved) == ["A0", "A2"]
    assert store.get("A1").status == "approved"  # type: ignore[union-attr]
    assert store.get("A0").status == store.get("A2").status == "rejected"  # type: ignore[union-attr]
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(t.audit.c.approval_id, t.audit.c.event).order_by(t.audit.c.seq)
        ).all()
    assert [tuple(r) for r in rows][3:] == [
        ("A1", "approved"),
        ("A0", "rejected"),
        ("A2", "rejected"),
    ]
    assert store.verify_audit() is None


def test_a_bulk_write_sets_sqlite_s_cache_and_checkpoint_for_its_transaction_only(
    tmp_path: Path,
) -> None:
    """A batch's transaction holds its dirty pages in a larger page cache (written once, at
    the commit), lets the WAL grow longer before a checkpoint and keeps its statement journals
    in memory (not rewritten in a temporary file); the connection goes back to the pool as it
    was, whether the transaction committed or rolled back."""
    engine = make_engine(f"sqlite:///{tmp_path / 'bulk.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")

    def settings(conn: Any) -> tuple[int, int, int]:
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        checkpoint = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
        return int(cache), int(checkpoint), int(conn.exec_driver_sql("PRAGMA temp_store").scalar())

    with engine.connect() as conn:
        before = settings(conn)
    with bulk_write_transaction(engine) as conn:
        assert settings(conn) == (-BULK_CACHE_KIB, BULK_CHECKPOINT_PAGES, 2)  # 2: MEMORY
        assert before[2] != 2
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
    with pytest.raises(RuntimeError), bulk_write_transaction(engine) as conn:
        conn.exec_driver_sql("INSERT INTO t VALUES (2)")
        raise RuntimeError("cut")
    with bulk_write_transaction(engine, LEDGER_CACHE_KIB) as conn:  # a ledger batch's size
        assert settings(conn) == (-LEDGER_CACHE_KIB, BULK_CHECKPOINT_PAGES, 2)
        conn.exec_driver_sql("INSERT INTO t VALUES (3)")
    with engine.connect() as conn:
        assert settings(conn) == before
        assert [tuple(r) for r in conn.exec_driver_sql("SELECT x FROM t")] == [(1,), (3,)]
    engine.dispose()


def test_a_bulk_write_gives_its_cache_s_pages_back_when_it_ends(tmp_path: Path) -> None:
    """The pages a batch's transaction left in the connection's cache are freed once it ends
    (``PRAGMA shrink_memory``): the cache's setting is the pool's again and what it held is
    given back (a cash run's other connection writes next and would make them stale)."""
    import sqlite3

    engine = make_engine(f"sqlite:///{tmp_path / 'bulk.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER, pad TEXT)")
    released: list[str] = []

    def trace(statement: str) -> None:
        released.append(statement)

    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.set_trace_callback(trace)
    with bulk_write_transaction(engine) as conn:
        rows = [{"x": n, "pad": "p" * 500} for n in range(2_000)]
        conn.exec_driver_sql("INSERT INTO t VALUES (:x, :pad)", rows)
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.set_trace_callback(None)
        assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 2_000
    # After the commit, the settings set back and then the memory given back, in that order.
    tail = [s for s in released if s.startswith("PRAGMA")][-4:]
    assert tail[-1] == "PRAGMA shrink_memory"
    assert tail[0].startswith("PRAGMA cache_size=")
    engine.dispose()


def test_rows_as_tuples_store_what_dicts_store_or_are_refused(ledger_url: str) -> None:
    """``execute_tuples`` (the audit records' insert): the tuples go to a positional driver as
    they are and store what ``execute_plain`` of the same rows as dicts stores; a statement
    whose values are converted (money, times), or bound in another order or by name
    (PostgreSQL), is refused with nothing written."""
    store = Store.open(ledger_url)
    names = tuple(c.name for c in t.audit.columns)
    rows = [
        (n, f"A{n}", "proposed", "arbot", "2026-11-21", '{"n":1}', None, f"p{n}", f"h{n}", "k", "s")
        for n in (1, 2)
    ]
    with write_transaction(store.engine) as conn:
        done = execute_tuples(conn, "test:audit-tuples", lambda: insert(t.audit), names, rows)
        if done is None:
            assert store.engine.dialect.name != "sqlite"
        else:
            assert done == 2
        swapped = (names[1], names[0], *names[2:])
        assert (
            execute_tuples(conn, "test:audit-swapped", lambda: insert(t.audit), swapped, rows)
            is None
        )
        approval = tuple(c.name for c in t.approvals.columns)  # money and times converted
        assert (
            execute_tuples(conn, "test:approval-tuples", lambda: insert(t.approvals), approval, [])
            is None
        )
        dicts = [
            dict(zip(names, (n + 10, *row[1:]), strict=True))
            for n, row in zip((1, 2), rows, strict=True)
        ]
        execute_plain(conn, "test:audit-dicts", lambda: insert(t.audit), dicts)
    stored = _raw(store, "store_audit")
    if done is not None:
        assert [r[1:] for r in stored[:2]] == [r[1:] for r in stored[2:]]
    assert len(stored) == (4 if done is not None else 2)
