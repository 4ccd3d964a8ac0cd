"""Look-ups a question makes read an index, not the whole invoice table: the query
``LocalLedger.invoices_by_po`` really sends is explained by the database itself (SQLite and
PostgreSQL). A plan, not a timing: ``benchmarks/inquiry.py`` has the timings."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.exc import SAWarning

from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.records import ApplicationRequest, NewPayment

INVOICES = "ledger_invoices"


@contextmanager
def statements(ledger: LocalLedger) -> Iterator[list[tuple[str, Any]]]:
    sent: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    event.listen(ledger.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(ledger.engine, "before_cursor_execute", record)


def plan(ledger: LocalLedger, statement: str, parameters: Any) -> str:
    raw = ledger.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if ledger.engine.dialect.name == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = off")  # a tiny table: say what it could use
        cursor.execute(f"EXPLAIN {statement}", parameters)
        return "\n".join(str(row[0]) for row in cursor.fetchall())
    finally:
        raw.rollback()
        raw.close()


def seed(ledger: LocalLedger) -> None:
    with ledger.writing() as conn:
        conn.execute(
            t.customers.insert().values(
                customer_id="C1",
                name="Acme",
                currency="USD",
                terms_days=30,
                on_hold=False,
                discount_percent=Decimal(0),
                discount_days=0,
            )
        )
        for n in range(1, 41):
            conn.execute(
                t.invoices.insert().values(
                    invoice_number=f"INV-{n}",
                    number_key=str(n),
                    customer_id="C1",
                    invoice_date=date(2026, 11, 1),
                    due_date=date(2026, 12, 1),
                    amount=Decimal("10.00"),
                    balance=Decimal("10.00"),
                    currency="USD",
                    po_number=f"po-{n}",
                )
            )


def test_a_po_look_up_in_any_case_reads_the_index(ledger: LocalLedger) -> None:
    seed(ledger)
    with statements(ledger) as sent:
        found = ledger.invoices_by_po(" PO-7 ")
    assert [i.invoice_number for i in found] == ["INV-7"]
    [(statement, parameters)] = [(s, p) for s, p in sent if s.lstrip().startswith("SELECT")]
    explained = plan(ledger, statement, parameters)
    assert "ix_ledger_invoices_po_number_upper" in explained, explained
    with ledger.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_invoices")).scalar() == 40


def test_whole_book_sums_read_the_open_invoice_indexes(ledger: LocalLedger) -> None:
    """The aging, the ranking of debtors and the largest open invoices read the partial indexes
    over the open invoices (migration 0003), never the whole table of invoices ever issued."""
    from graph.portfolio_sql import SqlBookReads

    seed(ledger)
    reads = SqlBookReads(ledger, date(2026, 12, 20))
    with statements(ledger) as sent:
        aging = reads.book_aging()
        reads.top_debtors(5)
        reads.currency_totals()
        largest = reads.largest_by_currency(3)
    assert aging.buckets["USD"]["1-30"] == Decimal("400.00") and aging.customers == 1
    balances = [i.balance for _, invoices in largest.values() for i in invoices]
    assert balances == [Decimal("10.00")] * 3
    on_invoices = [(s, p) for s, p in sent if "FROM ledger_invoices" in s and "SELECT" in s]
    assert len(on_invoices) >= 5
    for statement, parameters in on_invoices:
        explained = plan(ledger, statement, parameters)
        assert "ix_ledger_invoices_open_by_" in explained, (statement, explained)


def test_paying_habits_read_covering_indexes_only(ledger: LocalLedger) -> None:
    """The "slowest payers" question weighs every payment application: payments, applications
    and the invoices' dates are read along the indexes of migration 0005, never by scanning a
    table (on SQLite from the covering indexes alone)."""
    from graph.portfolio_sql import SqlBookReads

    seed(ledger)
    ledger.apply_payment(
        NewPayment("PMT-1", "C1", date(2026, 12, 11), Decimal("10.00"), "USD"),
        [ApplicationRequest("INV-3", Decimal("10.00"))],
        idempotency_key="habit-1",
    )
    reads = SqlBookReads(ledger, date(2026, 12, 20))
    measured, [habit] = reads.slowest(5)  # on SQLite: the sums the ledger keeps (0006)
    assert measured == 1 and habit.days_to_pay == Decimal("40.0")
    assert habit.days_beyond_terms == Decimal("10.0")
    with statements(ledger) as sent:  # the join PostgreSQL reads (and SQLite before 0006)
        [joined] = [r for r in reads._joined_habit_rows(None) if r[1]]
    assert (joined[0], int(joined[1]), int(joined[4])) == ("C1", 1000, 1)
    [(statement, parameters)] = [(s, p) for s, p in sent if "ledger_applications" in s]
    explained = plan(ledger, statement, parameters)
    covering = ["ix_ledger_applications_payment_invoice", "ix_ledger_invoices_dates"]
    if ledger.engine.dialect.name == "sqlite":
        covering.append("ix_ledger_payments_customer_received")
    else:  # PostgreSQL may walk the payments by their key for a merge join: an index either way
        assert "Seq Scan" not in explained, explained
    for index in covering:
        assert index in explained, explained


def test_the_collections_sums_read_the_open_accounts_index_alone(ledger: LocalLedger) -> None:
    """The collections list's one GROUP BY over every open account (aging buckets, partly paid
    money: the balance against the amount) reads the open-by-account index of migration 0007,
    on SQLite from that index alone: no look-up of an invoice's row per open invoice."""
    from integrations.erp.local import aggregates

    seed(ledger)
    with statements(ledger) as sent:
        [row] = aggregates.account_rows(
            ledger.engine, date(2026, 12, 20), late_days=10, soon_days=7
        )
    assert (row.customer_id, row.currency, int(row.buckets[1])) == ("C1", "USD", 40_000)
    [(statement, parameters)] = [(s, p) for s, p in sent if "GROUP BY" in s and "CASE" in s]
    explained = plan(ledger, statement, parameters)
    if ledger.engine.dialect.name == "sqlite":
        assert "COVERING INDEX ix_ledger_invoices_open_by_account" in explained, explained
    else:  # on forty rows PostgreSQL may pick any of the open-invoice indexes
        assert "ix_ledger_invoices_open_by_" in explained, explained
    with warnings.catch_warnings():  # the upper(po_number) index is not reflected: fine here
        warnings.simplefilter("ignore", SAWarning)
        found = inspect(ledger.engine).get_indexes(INVOICES)
    indexes = {i["name"]: i["column_names"] for i in found}
    assert indexes["ix_ledger_invoices_open_by_account"] == [
        "customer_id",
        "currency",
        "due_date",
        "balance",
        "amount",
    ]
    assert "ix_ledger_invoices_open_by_customer" not in indexes  # replaced: its prefix
