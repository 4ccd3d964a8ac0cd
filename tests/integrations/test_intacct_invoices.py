"""Invoices and terms written to Sage Intacct (the stand-in gateway): created with
``create_invoice`` under a control id, a lost answer (HTTP 524, a timeout after the write) read
back instead of resent, a repeated control id recognised, and what Intacct needs said plainly."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from integrations.erp.intacct import IntacctConfigError
from integrations.erp.port import InvalidWrite
from integrations.erp.records import InvoiceDraft, InvoiceLine
from tests.erp_kit import TODAY, Company, intacct_company

D = Decimal


@pytest.fixture
def books(tmp_path: Path) -> Iterator[Company]:
    with intacct_company(tmp_path) as opened:
        yield opened


def draft(books: Company, number: str = "INV-SO-9") -> InvoiceDraft:
    return InvoiceDraft(
        invoice_number=number,
        customer_id=books.payer,
        invoice_date=TODAY,
        due_date=TODAY + timedelta(days=30),
        currency="USD",
        lines=(InvoiceLine("Sales order SO-9", D("5000.00")),),
        terms_days=30,
        po_number="PO-9",
    )


def test_the_invoice_is_created_once_under_a_control_id(books: Company) -> None:
    books.erp.create_invoice(draft(books), idempotency_key="k-1")
    [sent] = books.fake.requests_with("create_invoice")
    assert sent.unique_id and [c for f, c, _ in sent.functions if f == "create_invoice"]
    [row] = books.fake.find("ARINVOICE", RECORDID="INV-SO-9")
    assert (row["CUSTOMERID"], row["TOTALDUE"], row["DOCNUMBER"]) == ("P1", "5000.00", "PO-9")
    assert row["WHENDUE"] == f"{TODAY + timedelta(days=30):%m/%d/%Y}"


def test_a_524_after_the_write_is_read_back_not_resent(books: Company) -> None:
    books.fake.fail("http_after", status=524, function="create_invoice")
    result = books.erp.create_invoice(draft(books), idempotency_key="k-524")
    assert result.replayed
    assert len(books.fake.requests_with("create_invoice")) == 1
    assert books.invoices_numbered("INV-SO-9") == 1


def test_a_timeout_after_the_write_is_one_invoice(books: Company) -> None:
    gateway = books.erp.gateway  # type: ignore[attr-defined]
    gateway.settings = replace(gateway.settings, timeout=0.3)
    books.fake.fail("timeout_after", function="create_invoice", delay=1.0)
    result = books.erp.create_invoice(draft(books), idempotency_key="k-timeout")
    assert result.replayed
    assert books.invoices_numbered("INV-SO-9") == 1


def test_what_intacct_needs_is_said(books: Company) -> None:
    books.erp.settings = replace(books.erp.settings, revenue_account=None)
    with pytest.raises(IntacctConfigError, match="INTACCT_REVENUE_ACCOUNT"):
        books.erp.create_invoice(draft(books, "INV-X"), idempotency_key="k-noacct")
    assert books.invoices_numbered("INV-X") == 0
    # Terms Intacct does not have are refused before the update is sent, in plain words.
    with pytest.raises(InvalidWrite, match="Intacct has no Net 21 term: add it under Accounts"):
        books.erp.set_payment_terms(books.payer, 21, idempotency_key="k-21")
    assert not books.fake.requests_with("update", "CUSTOMER")
    with pytest.raises(InvalidWrite, match="is billed in USD"):
        books.erp.create_invoice(
            replace(draft(books, "INV-Y"), currency="EUR"),
            idempotency_key="k-eur",
        )
