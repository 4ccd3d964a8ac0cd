"""Cash application on receipts read from real bank files (tests/fixtures/bank/real, see its
SOURCES.md and LICENSES): the matcher gets what the readers make of them, quirks included."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from graph.ar.cashapp import CashMatcher
from integrations.bank import read_bank_file
from integrations.erp.records import BankLine, Customer, Invoice

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "bank" / "real"
EOD = REAL / "bai2" / "venturehacks-bai2__eod.bai2"  # a Fedwire credit, OBI:=INVOICE 123456


def open_invoice(number: str, customer: str, amount: str, currency: str, issued: date) -> Invoice:
    value = Decimal(amount)
    return Invoice(number, customer, issued, issued + timedelta(days=30), value, value, currency)


def test_a_fedwire_credit_naming_its_invoice_in_the_obi_is_applied() -> None:
    (line,) = read_bank_file(EOD, None)
    issued = line.received_on - timedelta(days=20)
    customers = [
        Customer("C1", "Options Link Wire Clearing LLC", "USD", 30),
        Customer("C2", "Options Lab Inc.", "USD", 30),
    ]
    invoices = [
        open_invoice("123456", "C1", str(line.amount), "USD", issued),
        open_invoice("123457", "C2", str(line.amount), "USD", issued),
    ]
    result = CashMatcher(customers, invoices).match(line, line.received_on)
    assert result.decision == "auto", result.explanation
    assert result.customer_id == "C1"
    assert result.applications == (("123456", line.amount),)


def test_the_same_credit_over_the_invoice_it_names_is_never_left_on_account_alone() -> None:
    (line,) = read_bank_file(EOD, None)
    issued = line.received_on - timedelta(days=20)
    customers = [Customer("C1", "Options Link Wire Clearing LLC", "USD", 30)]
    invoices = [open_invoice("123456", "C1", "80000.00", "USD", issued)]
    result = CashMatcher(customers, invoices).match(line, line.received_on)
    assert result.decision == "review"
    assert result.unapplied == line.amount - Decimal("80000.00")
    assert "on account" in result.explanation


# As camt053/viafintech-camt_parser__valid_example_v8.xml gives it: a SCOR creditor reference.
RF_TEXT = "RF38000000000000000000552 Credit Creditor Reference"


@pytest.mark.parametrize(
    ("reference", "decision"),
    [(RF_TEXT, "auto"), (RF_TEXT.replace("RF38", "RF39"), "review")],
)
def test_an_rf_creditor_reference_counts_only_with_its_check_digits(
    reference: str, decision: str
) -> None:
    today = date(2024, 5, 31)
    customers = [
        Customer("C1", "Finanz AG", "CHF", 30),
        Customer("C2", "Finanz Treuhand AG", "CHF", 30),
    ]
    invoices = [
        open_invoice("552", "C1", "88.85", "CHF", today - timedelta(days=10)),
        open_invoice("553", "C1", "88.85", "CHF", today - timedelta(days=9)),
    ]
    line = BankLine("P1", today, Decimal("88.85"), "CHF", "Finanz AG", reference)
    result = CashMatcher(customers, invoices).match(line, today)
    assert result.decision == decision, result.explanation
    if decision == "auto":
        assert result.applications == (("552", Decimal("88.85")),)
        assert "RF creditor reference" in result.explanation


@pytest.mark.parametrize(
    "path", sorted(p for p in REAL.glob("*/*") if p.suffix in (".bai2", ".txt", ".sta")), ids=str
)
def test_no_real_receipt_is_applied_to_a_stranger(path: Path) -> None:
    """Returns, fees, interest and transfers from other people are no customer's payment."""
    lines = read_bank_file(path, None)
    customers = [Customer("C1", "Harlow Foods Inc.", "USD", 30)]
    invoices = [open_invoice("INV-1", "C1", "25.00", "USD", date(2010, 1, 1))]
    matcher = CashMatcher(customers, invoices)
    for line in lines:
        assert matcher.match(line, line.received_on).decision != "auto"
