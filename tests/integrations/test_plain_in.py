"""Rows of ``key IN (...)`` straight to the driver return what SQLAlchemy returns: the same rows,
values of the same types (dates, Decimal money, booleans, NULLs), every value asked in chunks,
with the statement's other parameters; on SQLite straight to the driver after the first chunk,
on PostgreSQL and while someone listens to what is sent through SQLAlchemy."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import BindParameter, bindparam, event, select

from integrations import plain_in
from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.local.demo import build_demo

TODAY = date(2026, 11, 21)


def through_sqlalchemy(ledger: LocalLedger, statement: Any, params: dict[str, Any]) -> list[Any]:
    with ledger.engine.connect() as conn:
        return [dict(r) for r in conn.execute(statement, params).mappings()]


def typed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: (v, type(v)) for k, v in r.items()} for r in rows]


def test_the_same_rows_as_sqlalchemy(ledger: LocalLedger, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plain_in, "CHUNK", 100)
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    i = t.invoices.c
    with ledger.engine.connect() as conn:
        numbers = list(conn.scalars(select(i.invoice_number).order_by(i.invoice_number)))
    asked = [*numbers, "NO-SUCH-INVOICE", numbers[0]]  # one unknown, one twice
    assert len(numbers) > plain_in.CHUNK  # several chunks

    def whole(values: BindParameter[Any]) -> Any:
        return select(t.invoices).where(i.invoice_number.in_(values))

    def some(values: BindParameter[Any]) -> Any:
        return (
            select(i.invoice_number, i.balance, i.due_date)
            .where(i.invoice_number.in_(values), i.currency == bindparam("currency"))
            .with_for_update()
        )

    for name, statement, params in (
        ("whole", whole, {}),
        ("some", some, {"currency": "USD"}),
        ("some", some, {"currency": "EUR"}),  # the same statement, another parameter
    ):
        expected = through_sqlalchemy(
            ledger,
            statement(bindparam("v", expanding=True)),
            {"v": list(dict.fromkeys(asked)), **params},
        )
        for _ in range(2):  # learnt on the first chunk, straight to the driver after
            with ledger.engine.connect() as conn:
                got = plain_in.rows_in(
                    conn, f"t:{ledger.engine.url}:{name}", statement, asked, params
                )
            key = "invoice_number"
            assert typed(sorted(got, key=lambda r: r[key])) == typed(
                sorted(expected, key=lambda r: r[key])
            )
    assert any(r["invoice_number"] for r in expected)
    learnt = [
        plain
        for (_, _, name), plain in plain_in._KEPT.items()
        if name.startswith(f"t:{ledger.engine.url}:")
    ]
    if ledger.engine.dialect.name == "sqlite":
        assert learnt and all(plain is not None for plain in learnt)


def test_what_is_sent_is_seen_by_listeners(ledger: LocalLedger) -> None:
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    c = t.customers.c

    def names(values: BindParameter[Any]) -> Any:
        return select(c.customer_id, c.name).where(c.customer_id.in_(values))

    name = f"listened:{ledger.engine.url}"
    for _ in range(2):
        with ledger.engine.connect() as conn:
            plain_in.rows_in(conn, name, names, ["C00001", "C00002"])
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        sent.append(sql)

    event.listen(ledger.engine, "before_cursor_execute", record)
    try:
        with ledger.engine.connect() as conn:
            got = plain_in.rows_in(conn, name, names, ["C00001", "C00002"])
    finally:
        event.remove(ledger.engine, "before_cursor_execute", record)
    assert any("FROM ledger_customers" in sql for sql in sent)
    assert sorted(r["customer_id"] for r in got) == ["C00001", "C00002"]
