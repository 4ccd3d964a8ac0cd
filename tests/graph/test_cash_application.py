"""Unapplied payments already in the ERP go through the same matching as bank lines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from graph.cash_application import CashApplication
from integrations.erp.local import LocalLedger
from integrations.erp.records import NewPayment
from tests.approvals_kit import as_, service
from tests.books import seed_books

TODAY = date(2026, 11, 21)


def test_unapplied_erp_payments_are_proposed_once_and_applied_on_approval(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'books.db'}"
    ledger = LocalLedger.open(url)
    seed_books(ledger)
    ledger.apply_payment(
        NewPayment(
            "CHK-4471", "P1", date(2026, 11, 18), Decimal("1000.00"), "USD", "check", "INV 001"
        ),
        [],
        idempotency_key="keyed-in",
    )
    approvals = service(url, erp=ledger)
    cash = CashApplication(approvals)
    first = cash.apply_unapplied_erp_payments(as_of=TODAY)
    [result] = first.results
    assert result["decision"] == "review"
    assert result["applications"] == [{"invoice_number": "INV-001", "amount": 1000.0}]
    again = cash.apply_unapplied_erp_payments(as_of=TODAY)
    assert again.results == [] and again.already_processed == 1
    decision = approvals.approve(result["approval_id"], as_("dana"))
    assert decision.ok, decision.message
    payment = ledger.get_payment("CHK-4471")
    assert payment is not None and payment.unapplied == Decimal("0.00")
    assert ledger.get_invoice("INV-001").balance == Decimal("0.00")  # type: ignore[union-attr]
    assert len(ledger.payments("P1")) == 1  # the existing payment was applied, not a new one
