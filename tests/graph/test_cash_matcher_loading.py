"""On the local ledger the matcher asks the ledger's indexes a batch of bank lines at a time
(``LedgerItems``) and holds that batch's invoices only; another ERP's open invoices are read
whole and held (``MemoryItems``). The results of a run must be the ones the ledger's whole
list gives, on SQLite and PostgreSQL, whatever the batch sizes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

import pytest
from sqlalchemy import insert

from graph import cash_application, cash_matcher_source
from graph.ar import cashapp
from graph.ar.cashapp_ledger import LedgerItems
from graph.cash_application import CashApplication
from graph.cash_spool import ResultSpool
from integrations.bank import parse_bank_bytes
from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.records import ApplicationRequest, NewPayment, invoice_number_key
from tests.approvals_kit import service
from tests.graph.cash_run_kit import bank_csv, policy_overrides, seed

TODAY = date(2026, 11, 21)


class ListOnly:
    """The same ledger as another ERP client would be: its open invoices read as a list."""

    name = "listed"

    def __init__(self, ledger: LocalLedger) -> None:
        self._ledger = ledger

    def __getattr__(self, name: str) -> Any:
        if name in ("iter_open_invoices", "engine"):
            raise AttributeError(name)
        return getattr(self._ledger, name)


class Counted(LedgerItems):
    made: ClassVar[list[LedgerItems]] = []

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        Counted.made.append(self)


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


def test_a_run_reads_the_invoices_its_lines_point_at_not_the_ledger(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = seed(ledger_url, 600)  # 12 customers, 50 open invoices each
    paid = [m for m in made if m[1] in ("C01", "C02")][:8]  # lines of two customers
    lines = parse_bank_bytes(bank_csv(paid).encode(), "bank.csv")
    monkeypatch.setattr(cash_matcher_source, "LedgerItems", Counted)
    Counted.made.clear()
    run = CashApplication(service(ledger_url, **policy_overrides())).run(
        lines, as_of=TODAY, dry_run=True
    )
    assert run.count("auto") == sum(1 for m in paid if m[3] <= 5000)
    (items,) = Counted.made
    # The two customers' open invoices (and the strangers' look-ups), not the 600.
    assert 0 < items.rows_read <= 2 * 50 + 10


def test_batches_of_any_size_give_the_same_results(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = seed(ledger_url, 40)
    # A payment sent twice, lines apart: the second is not proposed (the first took the invoice)
    # whichever batch it is in.
    lines = parse_bank_bytes(
        bank_csv([*made, made[0]]).encode().replace(b"BNK-0040,", b"BNK-DUP0,"), "bank.csv"
    )
    approvals = service(ledger_url, **policy_overrides())
    whole = CashApplication(approvals).run(lines, as_of=TODAY, dry_run=True)
    monkeypatch.setattr(cash_application, "DRY_BATCH", 3)
    monkeypatch.setattr(cashapp, "BATCH_LINES", 2)
    small = CashApplication(approvals).run(lines, as_of=TODAY, dry_run=True, results=ResultSpool())
    assert list(small.results) == whole.results
    assert [small.count(d) for d in ("auto", "review", "unmatched")] == [
        whole.count(d) for d in ("auto", "review", "unmatched")
    ]
    duplicate = next(r for r in whole.results if r["payment_id"] == "BNK-DUP0")
    assert duplicate["decision"] == "unmatched"
    assert "already applied from BNK-0000" in duplicate["explanation"]
    assert "not proposed: invoice INV-5000 has $0.00 open" in duplicate["explanation"]


def test_the_ledger_s_paying_habits_are_the_ones_its_listed_history_gives(
    ledger_url: str,
) -> None:
    """On the local ledger the habits come from one query (``paying_order``), elsewhere from
    the payments and invoices read whole: the same customers either way."""
    seed(ledger_url, 24)
    ledger = LocalLedger.open(ledger_url)
    paid_in = {"C00": [0, 1, 2], "C01": [1, 0, 2], "C02": [0, 1], "C03": [0, 1, 2]}
    with ledger.writing() as conn:
        conn.execute(
            insert(t.invoices),
            [
                {
                    "invoice_number": f"OLD-{customer}-{k}",
                    "number_key": invoice_number_key(f"OLD-{customer}-{k}"),
                    "customer_id": customer,
                    "invoice_date": date(2026, 6, 1 + k),
                    "due_date": date(2026, 7, 1 + k),
                    "amount": Decimal("50.00"),
                    "balance": Decimal("50.00"),
                    "currency": "USD",
                }
                for customer, order in paid_in.items()
                for k in order
            ],
        )
    for customer, order in paid_in.items():
        for n, k in enumerate(order):
            # C03's first payment is older than the year the habits read: two are left.
            on = date(2025, 8, 1) if customer == "C03" and n == 0 else date(2026, 8, 1 + n)
            ledger.apply_payment(
                NewPayment(f"PAY-{customer}-{n}", customer, on, Decimal("50.00"), "USD"),
                [ApplicationRequest(f"OLD-{customer}-{k}", Decimal("50.00"))],
                idempotency_key=f"habit-{customer}-{n}",
            )
    ledger.close()
    approvals = service(ledger_url, **policy_overrides())
    local = cash_matcher_source.matcher_for(approvals.erp, approvals.store, TODAY)
    listed = cash_matcher_source.matcher_for(ListOnly(approvals.erp), approvals.store, TODAY)  # type: ignore[arg-type]
    assert (local._oldest_first, local._out_of_order) == (
        frozenset({"C00"}),
        frozenset({"C01"}),
    )
    assert (listed._oldest_first, listed._out_of_order) == (
        local._oldest_first,
        local._out_of_order,
    )
