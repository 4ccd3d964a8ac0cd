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


def test_a_cash_runs_proposals_are_decided_like_any_other(ledger_url: str) -> None:
    """A bank file's proposals wait without a LangGraph thread; a person's approval writes the
    payment once, a rejection writes nothing, and every change is in the audit chain."""
    from integrations.bank import parse_bank_bytes
    from tests.graph.cash_run_kit import bank_csv, check_books, policy_overrides, seed

    lines = parse_bank_bytes(bank_csv(seed(ledger_url, 20)).encode(), "bank.csv")
    approvals = service(ledger_url, **policy_overrides())
    run = CashApplication(approvals).run(lines, as_of=TODAY, source="bank.csv")
    waiting = [r for r in run.results if r["decision"] == "review"]
    assert len(waiting) >= 2 and run.count("auto") > 0
    first, second = (approvals.store.get(r["approval_id"]) for r in waiting[:2])
    assert first is not None and second is not None
    assert first.status == second.status == "pending" and first.interrupt_id is None
    approved = approvals.approve(first.approval_id, as_("morgan"))
    assert approved.ok and approved.approval is not None, approved.message
    assert approved.approval.status == "done"
    rejected = approvals.reject(second.approval_id, as_("morgan"), "customer paid by check")
    assert rejected.ok and rejected.approval is not None
    assert rejected.approval.status == "rejected"
    again = approvals.approve(first.approval_id, as_("clerk1"))
    assert not again.ok and again.message.startswith("Already done by Morgan Lee")
    ledger = LocalLedger.open(ledger_url)
    assert ledger.get_payment(first.payload["payment_id"]) is not None
    assert ledger.get_payment(second.payload["payment_id"]) is None
    assert check_books(ledger_url) == []
    assert approvals.store.verify_audit() is None
    events = [record.event for record in approvals.store.audit(first.approval_id)]
    assert events == ["proposed", "approved", "executing", "done"]
    auto_id = next(r["approval_id"] for r in run.results if r["decision"] == "auto")
    auto_events = [record.event for record in approvals.store.audit(auto_id)]
    assert auto_events == ["proposed", "auto_approved", "executing", "done"]


def test_a_dry_run_says_line_for_line_what_the_real_run_does(ledger_url: str) -> None:
    """A line proposed against an invoice an earlier line of the file applied automatically is
    refused by the real run (the invoice has nothing left open then): the dry run, the user's
    preview, says so too. A second payment of an invoice whose first waits for a person (over
    the auto limit) takes nothing yet: proposed in both."""
    from integrations.bank import parse_bank_bytes
    from tests.graph.cash_run_kit import bank_csv, check_books, policy_overrides, seed

    made = seed(ledger_url, 20)
    assert made[0][3] <= Decimal("5000") < made[3][3]
    text = bank_csv([*made, made[0], made[3]])  # each line's id is its place: BNK-0020, -0021
    lines = parse_bank_bytes(text.encode(), "bank.csv")
    approvals = service(ledger_url, **policy_overrides())
    dry = CashApplication(approvals).run(lines, as_of=TODAY, dry_run=True)
    real = CashApplication(approvals).run(lines, as_of=TODAY)

    def said(results: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{k: v for k, v in r.items() if k != "approval_id"} for r in results]

    assert isinstance(dry.results, list) and isinstance(real.results, list)
    assert said(dry.results) == said(real.results)
    twice = {r["payment_id"]: r for r in dry.results[20:22]}
    assert twice["BNK-0020"]["decision"] == "unmatched"
    assert "not proposed: invoice INV-5000 has $0.00 open" in str(twice["BNK-0020"]["explanation"])
    assert twice["BNK-0021"]["decision"] == "review"
    assert [dry.count(d) for d in ("auto", "review", "unmatched")] == [
        real.count(d) for d in ("auto", "review", "unmatched")
    ]
    assert check_books(ledger_url) == []
