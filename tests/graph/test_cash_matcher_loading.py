"""The matcher holds its own compact copies of the open invoices, read from the local ledger one
at a time: the results of a run must be the ones the ledger's whole list gives, on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import date
from typing import Any

from graph.cash_application import CashApplication
from integrations.bank import parse_bank_bytes
from integrations.erp.local import LocalLedger
from tests.approvals_kit import service
from tests.graph.cash_run_kit import bank_csv, policy_overrides, seed

TODAY = date(2026, 11, 21)


class ListOnly:
    """The same ledger without its streaming read (as another ERP client would be)."""

    def __init__(self, ledger: LocalLedger) -> None:
        self._ledger = ledger

    def __getattr__(self, name: str) -> Any:
        if name == "iter_open_invoices":
            raise AttributeError(name)
        return getattr(self._ledger, name)


def test_the_streamed_open_invoices_are_the_listed_ones(ledger_url: str) -> None:
    seed(ledger_url, 30)
    ledger = LocalLedger.open(ledger_url)
    try:
        assert list(ledger.iter_open_invoices()) == ledger.invoices(open_only=True)
    finally:
        ledger.close()


def test_a_dry_run_matches_the_same_from_the_stream_as_from_the_list(ledger_url: str) -> None:
    lines = parse_bank_bytes(bank_csv(seed(ledger_url, 40)).encode(), "bank.csv")
    approvals = service(ledger_url, **policy_overrides())
    streamed = CashApplication(approvals).run(lines, as_of=TODAY, dry_run=True)
    approvals.erp = ListOnly(approvals.erp)  # type: ignore[assignment]
    listed = CashApplication(approvals).run(lines, as_of=TODAY, dry_run=True)
    assert streamed.results == listed.results
    assert streamed.count("auto") > 0
