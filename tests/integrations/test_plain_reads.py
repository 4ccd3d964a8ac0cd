"""Reads straight to the driver return what SQLAlchemy returns: the same rows, values of the
same types (dates, Decimal money, booleans, NULLs), on SQLite and PostgreSQL; each statement
with its own literal values; through SQLAlchemy while someone listens to what is sent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, event, select

from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.local.demo import build_demo
from integrations.erp.local.plain_reads import plain_rows

TODAY = date(2026, 11, 21)


def through_sqlalchemy(ledger: LocalLedger, statement: Any, params: dict[str, Any]) -> list[Any]:
    with ledger.engine.connect() as conn:
        return [dict(r) for r in conn.execute(statement, params).mappings()]


def test_the_same_rows_as_sqlalchemy(ledger: LocalLedger) -> None:
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    i, p = t.invoices.c, t.payments.c
    cid = bindparam("cid")
    statements = {
        "customer": select(t.customers).where(t.customers.c.customer_id == cid),
        "open": select(t.invoices)
        .where(i.customer_id == cid, i.balance > 0)
        .order_by(i.due_date, i.invoice_number),
        "over": select(t.invoices)
        .where(i.customer_id == cid, i.balance > 1000)  # the same shape, another literal
        .order_by(i.due_date, i.invoice_number),
        "paid": select(t.payments)
        .where(p.customer_id == cid, p.received_on >= bindparam("since"))
        .order_by(p.received_on.desc(), p.payment_id.desc())
        .limit(bindparam("limit")),
    }
    customers = [c.customer_id for c in ledger.list_customers()]
    compared = 0
    for customer in customers:
        params = {"cid": customer, "since": date(2026, 9, 1), "limit": 7}
        for name, statement in statements.items():
            expected = through_sqlalchemy(ledger, statement, params)
            for _ in range(2):  # learnt on the first, straight to the driver on the second
                with ledger.engine.connect() as conn:
                    got = plain_rows(conn, f"test:{ledger.engine.url}:{name}", statement, params)
                assert got == expected
                assert [{k: type(v) for k, v in r.items()} for r in got] == [
                    {k: type(v) for k, v in r.items()} for r in expected
                ]
            compared += len(expected)
    assert compared > 100
    some = through_sqlalchemy(ledger, statements["open"], {"cid": customers[0]})
    assert isinstance(some[0]["balance"], Decimal) and isinstance(some[0]["due_date"], date)


def test_what_is_sent_is_seen_by_listeners(ledger: LocalLedger) -> None:
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    statement = select(t.customers.c.name).where(t.customers.c.customer_id == bindparam("cid"))
    for _ in range(2):
        with ledger.engine.connect() as conn:
            plain_rows(conn, f"listened:{ledger.engine.url}", statement, {"cid": "C00001"})
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        sent.append(sql)

    event.listen(ledger.engine, "before_cursor_execute", record)
    try:
        with ledger.engine.connect() as conn:
            plain_rows(conn, f"listened:{ledger.engine.url}", statement, {"cid": "C00001"})
    finally:
        event.remove(ledger.engine, "before_cursor_execute", record)
    assert any("FROM ledger_customers" in sql for sql in sent)
