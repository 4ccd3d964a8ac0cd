"""``arbot erp import``'s rules: all or nothing, precise errors, idempotent re-import."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from integrations.erp.local import LocalLedger
from integrations.erp.local.csv_import import ImportFailed, import_csv
from tests.conftest import FIXTURES, TODAY

CSV = FIXTURES / "csv"
D = Decimal


def load(ledger: LocalLedger, folder: Path = CSV, **only: Path | None):
    files = {
        "customers": folder / "customers.csv",
        "invoices": folder / "invoices.csv",
        "payments": folder / "payments.csv",
        "sales_orders": folder / "sales_orders.csv",
    } | only
    return import_csv(ledger, today=lambda: TODAY, **files)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A writable copy of the fixture CSVs, to break on purpose."""
    target = tmp_path / "csv"
    shutil.copytree(CSV, target)
    return target


def test_import_builds_a_consistent_ledger(ledger: LocalLedger) -> None:
    summary = load(ledger)
    assert summary.added["customers"] == 5
    assert summary.added["invoices"] == 7
    assert summary.added["payments"] == 3
    assert summary.added["sales_orders"] == 2
    assert ledger.integrity_problems() == []
    # Paid in full by PAY-5001.
    paid = ledger.get_invoice("INV-000981")
    assert paid is not None and paid.balance == D("0.00")
    # Parent HW-100 paid 1000.00 of its subsidiary's invoice; 500.00 of the payment is unapplied.
    partial = ledger.get_invoice("INV-000983")
    assert partial is not None and partial.balance == D("999.99")
    [pay] = [p for p in ledger.payments("HW-100") if p.payment_id == "PAY-5002"]
    assert pay.unapplied == D("500.00")
    # No payment explains INV-000987's lower balance: an imported_balance adjustment does.
    [gap] = ledger.adjustments(invoice_number="INV-000987")
    assert (gap.kind, gap.amount) == ("imported_balance", D("500.00"))
    cad = ledger.get_invoice("INV-000986")
    assert cad is not None and cad.currency == "CAD"
    orders = {o.order_id: o.status for o in ledger.sales_orders()}
    assert orders == {"SO-9001": "pending", "SO-9002": "pending"}
    subsidiary = ledger.get_customer("HW-101")
    assert subsidiary is not None and subsidiary.parent_id == "HW-100"


def test_reimporting_the_same_files_changes_nothing(ledger: LocalLedger) -> None:
    load(ledger)
    counts = ledger.counts()
    balances = {i.invoice_number: i.balance for i in ledger.invoices(open_only=False)}
    summary = load(ledger)
    assert ledger.counts() == counts
    assert {i.invoice_number: i.balance for i in ledger.invoices(open_only=False)} == balances
    assert sum(summary.added.values()) == 0
    assert sum(summary.updated.values()) == 0
    assert summary.unchanged["invoices"] == 7


def test_a_later_export_with_a_lower_balance_is_booked_not_overwritten(
    ledger: LocalLedger, folder: Path
) -> None:
    load(ledger, folder)
    text = (folder / "invoices.csv").read_text()
    (folder / "invoices.csv").write_text(
        text.replace(
            "INV-000982,HW-100,2026-09-15,2026-10-15,8250.50,8250.50",
            "INV-000982,HW-100,2026-09-15,2026-10-15,8250.50,250.50",
        )
    )
    summary = load(ledger, folder)
    assert summary.updated["invoices"] == 1
    invoice = ledger.get_invoice("INV-000982")
    assert invoice is not None and invoice.balance == D("250.50")
    assert ledger.integrity_problems() == []


def test_every_bad_row_is_reported_and_nothing_is_written(
    ledger: LocalLedger, folder: Path
) -> None:
    (folder / "customers.csv").write_text(
        "customer_id,name,credit_limit,terms_days,currency,email\n"
        "A1,Alpha Inc.,1000.00,30,USD,ap@alpha.example.com\n"
        "A2,,12.345,thirty,usd,not-an-email\n"
        "A1,Alpha Again,,30,USD,\n"
    )
    (folder / "invoices.csv").write_text(
        "invoice_number,customer_id,invoice_date,due_date,amount,balance,currency,po_number\n"
        "I-1,A1,2026-11-01,2026-12-01,100.00,100.00,USD,\n"
        "I-2,ZZ,2026-13-01,2026-12-01,abc,5,USD,\n"
        "I-3,A1,2026-11-01,2026-10-01,100.00,150.00,USD,\n"
    )
    with pytest.raises(ImportFailed) as failure:
        load(ledger, folder, payments=None, sales_orders=None)
    problems = failure.value.problems
    expected = [
        "customers.csv:3: name: is empty",
        "customers.csv:3: credit_limit: '12.345' has more than 2 decimals for USD",
        "customers.csv:3: terms_days: 'thirty' is not a whole number of days",
        "customers.csv:3: currency: 'usd' is not an ISO currency code such as USD",
        "customers.csv:3: email: 'not-an-email' is not an email address",
        "customers.csv:4: customer_id: A1 appears again (first on line 2)",
        "invoices.csv:3: customer_id: customer ZZ is not in the customers file",
        "invoices.csv:3: invoice_date: '2026-13-01' is not a date (expected YYYY-MM-DD)",
        "invoices.csv:3: amount: 'abc' is not an amount (expected e.g. 1234.50)",
        "invoices.csv:4: due_date: 2026-10-01 is before the invoice date 2026-11-01",
        "invoices.csv:4: balance: 150.00 is more than the amount 100.00",
    ]
    for line in expected:
        assert line in problems
    assert ledger.counts()["customers"] == 0
    assert ledger.counts()["invoices"] == 0


def test_missing_columns_and_missing_files_are_named(ledger: LocalLedger, folder: Path) -> None:
    (folder / "invoices.csv").write_text("invoice_number,customer_id,amount\nI-1,HW-100,5.00\n")
    with pytest.raises(ImportFailed) as failure:
        load(ledger, folder, payments=folder / "nope.csv")
    problems = "\n".join(failure.value.problems)
    assert (
        "invoices.csv:1: header: missing column(s) invoice_date, due_date, balance, currency, "
        "po_number" in problems
    )
    assert "nope.csv:0: file: cannot be read" in problems
    assert ledger.counts()["customers"] == 0


def test_payments_must_fit_their_invoices(ledger: LocalLedger, folder: Path) -> None:
    (folder / "payments.csv").write_text(
        "payment_id,customer_id,date,amount,currency,invoice_number,applied_amount\n"
        "P-1,HW-100,2026-11-01,100.00,USD,INV-000982,80.00\n"
        "P-1,HW-100,2026-11-01,100.00,USD,INV-000985,30.00\n"
        "P-2,PK-201,2026-11-01,50.00,USD,INV-000986,50.00\n"
        "P-3,HW-100,2026-11-01,50.00,USD,INV-404,50.00\n"
    )
    with pytest.raises(ImportFailed) as failure:
        load(ledger, folder)
    problems = failure.value.problems
    assert (
        "payments.csv:2: applied_amount: applications add up to 110.00, more than the "
        "payment's 100.00" in problems
    )
    assert "payments.csv:4: currency: invoice INV-000986 is in CAD" in problems
    assert "payments.csv:5: invoice_number: invoice INV-404 is not in the invoices file" in problems
    assert ledger.counts()["payments"] == 0


def test_a_balance_the_payments_contradict_is_refused(ledger: LocalLedger, folder: Path) -> None:
    text = (folder / "invoices.csv").read_text()
    (folder / "invoices.csv").write_text(
        text.replace(
            "INV-000983,HW-101,2026-10-02,2026-11-01,1999.99,999.99",
            "INV-000983,HW-101,2026-10-02,2026-11-01,1999.99,1999.99",
        )
    )
    with pytest.raises(ImportFailed) as failure:
        load(ledger, folder)
    assert failure.value.problems == [
        "invoices.csv:4: balance: 1999.99 is more than the 999.99 left after the payments "
        "applied to INV-000983"
    ]


def test_changed_immutable_fields_are_refused_on_reimport(
    ledger: LocalLedger, folder: Path
) -> None:
    load(ledger, folder)
    text = (folder / "invoices.csv").read_text()
    (folder / "invoices.csv").write_text(text.replace("8250.50,8250.50", "9250.50,8250.50"))
    with pytest.raises(ImportFailed) as failure:
        load(ledger, folder)
    assert failure.value.problems == [
        "invoices.csv:3: amount: invoice INV-000982 was imported with amount 8250.50, not 9250.50"
    ]


def test_sales_orders_take_an_optional_po_number_and_tax(ledger: LocalLedger, folder: Path) -> None:
    (folder / "sales_orders.csv").write_text(
        "order_id,customer_id,order_date,amount,currency,po_number,tax\n"
        "SO-9001,PK-200,2026-11-18,15000.00,USD,PO-4471,1237.50\n"
        "SO-9002,HW-100,2026-11-19,4200.00,USD,,\n"
    )
    load(ledger, folder)
    orders = {o.order_id: o for o in ledger.sales_orders()}
    assert (orders["SO-9001"].po_number, orders["SO-9001"].tax) == ("PO-4471", D("1237.50"))
    assert (orders["SO-9002"].po_number, orders["SO-9002"].tax) == (None, D("0.00"))
    assert orders["SO-9001"].lines == ()  # imported without lines: billed as one line
    assert load(ledger, folder).unchanged["sales_orders"] == 2


def test_a_bad_tax_or_po_number_is_named_and_nothing_is_written(
    ledger: LocalLedger, folder: Path
) -> None:
    (folder / "sales_orders.csv").write_text(
        "order_id,customer_id,order_date,amount,currency,po_number,tax\n"
        "SO-1,PK-200,2026-11-18,100.00,USD,PO-1,abc\n"
        "SO-2,PK-200,2026-11-18,100.00,USD,PO-2,-5\n"
        "SO-3,PK-200,2026-11-18,100.00,USD,PO-3,100.00\n"
        f"SO-4,PK-200,2026-11-18,100.00,USD,{'P' * 65},\n"
    )
    with pytest.raises(ImportFailed) as failure:
        load(ledger, folder)
    problems = failure.value.problems
    assert "sales_orders.csv:2: tax: 'abc' is not an amount (expected e.g. 1234.50)" in problems
    assert "sales_orders.csv:3: tax: -5 must be zero or more" in problems
    assert "sales_orders.csv:4: tax: 100.00 is not less than the amount 100.00" in problems
    assert "sales_orders.csv:5: po_number: is 65 characters long (at most 64)" in problems
    assert ledger.counts()["sales_orders"] == 0
