"""DSO, CEI and the receipts forecast of a whole book: from the local ledger's SQL sums they are
the figures its records give, on a ledger with credits, partial payments and several
currencies, and at a past date as well as today."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from graph.ar.book_metrics import book_metrics, book_metrics_at
from graph.ar.forecast_book import book_forecast
from integrations.erp.local import LocalLedger
from integrations.erp.local.demo import build_demo
from tests.graph.ar.test_collections_sql import PortOnly

AS_OF = date(2026, 11, 21)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> LocalLedger:
    path: Path = tmp_path_factory.mktemp("ledger") / "demo.db"
    ledger = LocalLedger.open(f"sqlite:///{path}")
    build_demo(ledger, size="small", seed=3, as_of=AS_OF)
    return ledger


MOMENTS = [AS_OF - timedelta(days=400), AS_OF - timedelta(days=45), AS_OF]


@pytest.mark.parametrize("as_of", MOMENTS)
def test_sql_metrics_are_the_records_metrics(ledger: LocalLedger, as_of: date) -> None:
    in_sql = book_metrics_at(ledger, MOMENTS)[as_of]  # one pass for a trend
    from_records = book_metrics(PortOnly(ledger), as_of)  # type: ignore[arg-type]
    assert list(in_sql) == list(from_records)
    assert as_of < AS_OF - timedelta(days=365) or len(in_sql) > 1
    for currency, metrics in in_sql.items():
        other = from_records[currency]
        assert other.sales_invoices  # the records path lists them; SQL does not
        assert metrics == other.__class__(
            **{
                **{f: getattr(other, f) for f in other.__slots__},
                "sales_invoices": (),
                "open_invoices": (),
            }
        )
    if as_of < AS_OF - timedelta(days=365):
        return  # before the demo's history: no currency has invoices yet
    usd = in_sql["USD"]
    assert usd.ending_ar > 0 and usd.credit_sales > 0 and usd.dso_standard is not None
    assert usd.ending_ar == usd.current_ar + usd.past_due_ar


def test_sql_forecast_is_the_records_forecast(ledger: LocalLedger) -> None:
    in_sql = book_forecast(ledger, AS_OF)
    from_records = book_forecast(PortOnly(ledger), AS_OF)  # type: ignore[arg-type]
    assert in_sql == from_records
    open_by_currency: dict[str, Decimal] = {}
    for invoice in ledger.invoices():
        open_by_currency[invoice.currency] = (
            open_by_currency.get(invoice.currency, Decimal(0)) + invoice.balance
        )
    for currency, expected in in_sql.expected.items():
        total = sum(expected.values(), Decimal(0))
        assert 0 < total <= open_by_currency[currency] - in_sql.doubtful.get(currency, 0)


def test_an_invoice_reduced_by_more_than_its_amount_counts_as_zero_ar_on_both_paths(
    tmp_path: Path,
) -> None:
    """A database written by another tool may apply more to an invoice than it was for; its AR
    is zero then, never negative, in SQL as in the records."""
    from sqlalchemy import insert, select

    from integrations.erp.local import schema as t

    ledger = LocalLedger.open(f"sqlite:///{tmp_path / 'demo.db'}")
    build_demo(ledger, size="small", seed=3, as_of=AS_OF)
    a = t.applications.c
    with ledger.engine.begin() as conn:
        payment_id, number = conn.execute(select(a.payment_id, a.invoice_number).limit(1)).one()
        amount = conn.execute(
            select(t.invoices.c.amount).where(t.invoices.c.invoice_number == number)
        ).scalar_one()
        conn.execute(
            insert(t.applications).values(
                payment_id=payment_id,
                invoice_number=number,
                amount=amount,
                applied_on=AS_OF - timedelta(days=40),
            )
        )
    moments = [AS_OF - timedelta(days=45), AS_OF]
    for as_of in moments:
        in_sql = book_metrics_at(ledger, moments)[as_of]
        from_records = book_metrics(PortOnly(ledger), as_of)  # type: ignore[arg-type]
        for currency, metrics in in_sql.items():
            assert metrics.ending_ar == from_records[currency].ending_ar
            assert metrics.beginning_ar == from_records[currency].beginning_ar
            assert metrics.current_ar == from_records[currency].current_ar


@pytest.mark.parametrize("ledger_url", ["postgresql"], indirect=True)
def test_on_postgresql_the_arrays_give_the_records_figures(ledger_url: str) -> None:
    """PostgreSQL's driver gives dates as dates (SQLite's as text): DSO, the forecast and the
    collections list from the ledger's arrays are the records' there too."""
    from graph.ar.collections_book import read_book
    from graph.ar.ledger_book import LedgerBook

    ledger = LocalLedger.open(ledger_url)
    try:
        build_demo(ledger, size="small", seed=3, as_of=AS_OF)
        book = LedgerBook.read(ledger)
        port = PortOnly(ledger)
        assert book_forecast(ledger, AS_OF, book=book) == book_forecast(port, AS_OF)  # type: ignore[arg-type]
        in_sql = book_metrics_at(ledger, [AS_OF], book=book)[AS_OF]
        from_records = book_metrics(port, AS_OF)  # type: ignore[arg-type]
        assert {c: m.ending_ar for c, m in in_sql.items()} == {
            c: m.ending_ar for c, m in from_records.items()
        }
        assert {c: m.dso_countback for c, m in in_sql.items()} == {
            c: m.dso_countback for c, m in from_records.items()
        }
        ranked = [(r.account.customer_id, r.score) for r in read_book(ledger, AS_OF).ranked]
        from_arrays = read_book(ledger, AS_OF, ledger=book).ranked
        assert [(r.account.customer_id, r.score) for r in from_arrays] == ranked
        by_records = read_book(port, AS_OF).ranked  # type: ignore[arg-type]
        assert [(r.account.customer_id, r.score) for r in by_records] == ranked
    finally:
        ledger.close()


def test_a_number_holding_the_column_separator_is_read_row_by_row(tmp_path: Path) -> None:
    """The book is read as one text per column; an invoice number holding the separator is
    read again on its own, and the figures are still the records'."""
    from sqlalchemy import insert

    from graph.ar.ledger_book import LedgerBook
    from integrations.erp.local import schema as t
    from integrations.erp.local.report_sums import SEPARATOR, invoice_columns
    from integrations.erp.records import invoice_number_key

    ledger = LocalLedger.open(f"sqlite:///{tmp_path / 'ledger.db'}")
    odd = f"INV{SEPARATOR}7"
    rows = [(odd, 100, 40, 50), ("INV-1", 80, 80, 20), ("INV-2", 60, 0, 45)]
    with ledger.writing() as conn:
        conn.execute(
            insert(t.customers),
            [{"customer_id": "C1", "name": "One", "currency": "USD", "terms_days": 30}],
        )
        conn.execute(
            insert(t.invoices),
            [
                {
                    "invoice_number": number,
                    "number_key": invoice_number_key(number),
                    "customer_id": "C1",
                    "invoice_date": AS_OF - timedelta(days=age),
                    "due_date": AS_OF - timedelta(days=age - 30),
                    "amount": Decimal(amount),
                    "balance": Decimal(balance),
                    "currency": "USD",
                }
                for number, amount, balance, age in rows
            ],
        )
        conn.execute(
            insert(t.payments),
            [
                {
                    "payment_id": "P1",
                    "customer_id": "C1",
                    "received_on": AS_OF - timedelta(days=5),
                    "amount": Decimal(120),
                    "unapplied": Decimal(0),
                    "currency": "USD",
                }
            ],
        )
        conn.execute(
            insert(t.applications),
            [
                {
                    "payment_id": "P1",
                    "invoice_number": number,
                    "amount": Decimal(paid),
                    "applied_on": day,
                }
                for number, paid, day in (
                    (odd, 60, AS_OF - timedelta(days=5)),
                    ("INV-2", 60, AS_OF - timedelta(days=4)),
                )
            ],
        )
    try:
        assert invoice_columns(ledger.engine).texts[0] == sorted(n for n, *_ in rows)
        book = LedgerBook.read(ledger)
        assert book.applied_invoice.tolist() == [0, 2]  # INV␟7, INV-1, INV-2
        port = PortOnly(ledger)
        assert book_forecast(ledger, AS_OF, book=book) == book_forecast(port, AS_OF)  # type: ignore[arg-type]
        in_sql, from_records = book_metrics(ledger, AS_OF), book_metrics(port, AS_OF)  # type: ignore[arg-type]
        assert {c: (m.ending_ar, m.dso_standard, m.cei) for c, m in in_sql.items()} == {
            c: (m.ending_ar, m.dso_standard, m.cei) for c, m in from_records.items()
        }
        assert in_sql["USD"].ending_ar == Decimal(120)
    finally:
        ledger.close()
