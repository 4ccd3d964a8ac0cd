"""Invoices and terms written to QuickBooks Online (the stand-in): QuickBooks computes the sales
tax of taxable lines, a write whose answer was lost is never repeated, and what QuickBooks
refuses (a DocNumber over 21 characters, a term the company lacks) is said, not retried."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from integrations.erp.port import ErpError, InvalidWrite
from integrations.erp.records import InvoiceDraft, InvoiceLine
from tests.erp_kit import TODAY, Company, quickbooks_company

D = Decimal


@pytest.fixture
def books(tmp_path: Path) -> Iterator[Company]:
    with quickbooks_company(tmp_path) as opened:
        yield opened


def draft(books: Company, number: str, *lines: InvoiceLine) -> InvoiceDraft:
    return InvoiceDraft(
        invoice_number=number,
        customer_id=books.payer,
        invoice_date=TODAY,
        due_date=TODAY + timedelta(days=30),
        currency="USD",
        lines=lines,
        terms_days=30,
    )


def test_quickbooks_computes_the_tax_of_taxable_lines(books: Company) -> None:
    books.erp.create_invoice(
        draft(
            books,
            "INV-M1",
            InvoiceLine("Consulting, 12.5 h", D("1875.00"), D("12.5"), taxable=False),
            InvoiceLine("Hardware", D("400.00"), D("2"), taxable=True),
        ),
        idempotency_key="k-tax",
    )
    [entity] = [i for i in books.fake.all("Invoice") if i.get("DocNumber") == "INV-M1"]
    assert entity["TxnTaxDetail"]["TotalTax"] == D("33.00")  # 8.25 % of 400.00
    lines = [line for line in entity["Line"] if line["DetailType"] == "SalesItemLineDetail"]
    assert [
        (line["SalesItemLineDetail"]["Qty"], line["SalesItemLineDetail"]["UnitPrice"])
        for line in lines
    ] == [(D("12.5"), D("150.00")), (D("2"), D("200.00"))]
    created = books.erp.get_invoice("INV-M1")
    assert created is not None and created.amount == D("2308.00")


def test_a_lost_answer_is_not_a_second_invoice(books: Company) -> None:
    books.fake.fail("commit-then-500", path="/invoice", method="POST", times=10)
    with pytest.raises(ErpError):
        books.erp.create_invoice(
            draft(books, "INV-M2", InvoiceLine("Workshop", D("900.00"))),
            idempotency_key="k-lost",
        )
    books.fake.failures.clear()
    again = books.erp.create_invoice(
        draft(books, "INV-M2", InvoiceLine("Workshop", D("900.00"))), idempotency_key="k-lost"
    )
    assert again.replayed
    assert books.invoices_numbered("INV-M2") == 1


def test_what_quickbooks_refuses_is_said(books: Company) -> None:
    with pytest.raises(ErpError, match="Max:21"):
        books.erp.create_invoice(
            draft(books, "INV-" + "9" * 20, InvoiceLine("Workshop", D("900.00"))),
            idempotency_key="k-long",
        )
    with pytest.raises(InvalidWrite, match="no Net 60 term"):
        books.erp.set_payment_terms(books.payer, 60, idempotency_key="k-60")
