"""The collections list from SQL sums over the local ledger is the list from its records."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from graph.ar.behaviour import payment_behaviour
from graph.ar.collections_book import read_book
from integrations.erp.local import LocalLedger
from integrations.erp.local.demo import build_demo

AS_OF = date(2026, 11, 21)


class PortOnly:
    """The same ledger seen only through the ERP port (as QuickBooks or Intacct would be)."""

    def __init__(self, ledger: LocalLedger) -> None:
        self._ledger = ledger

    def __getattr__(self, name: str) -> Any:
        if name in ("engine", "name"):
            raise AttributeError(name)
        return getattr(self._ledger, name)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> LocalLedger:
    path: Path = tmp_path_factory.mktemp("ledger") / "demo.db"
    ledger = LocalLedger.open(f"sqlite:///{path}")
    build_demo(ledger, size="small", seed=7, as_of=AS_OF)
    # A dispute on an invoice not yet due, and one on a late one.
    open_invoices = ledger.invoices()
    not_due = next(i for i in open_invoices if i.due_date > AS_OF)
    late = next(i for i in open_invoices if (AS_OF - i.due_date).days > 30)
    for invoice in (not_due, late):
        ledger.add_note(
            invoice.customer_id,
            f"Customer disputes {invoice.invoice_number}: wrong price",
            author="test",
            invoice_number=invoice.invoice_number,
            idempotency_key=f"dispute-{invoice.invoice_number}",
        )
    return ledger


def test_sql_and_records_rank_the_same_accounts_with_the_same_figures(ledger: LocalLedger) -> None:
    in_sql = read_book(ledger, AS_OF)
    from_records = read_book(PortOnly(ledger), AS_OF)  # type: ignore[arg-type]
    assert type(in_sql.source).__name__ == "_SqlSource"
    assert type(from_records.source).__name__ == "_RecordSource"

    def figures(book: Any) -> list[tuple]:
        return [
            (r.account.customer_id, r.account.currency, r.score, r.account.buckets)
            for r in book.ranked
        ]

    assert len(in_sql.ranked) > 30
    assert figures(in_sql) == figures(from_records)
    assert in_sql.entries(in_sql.ranked[:15]) == from_records.entries(from_records.ranked[:15])
    disputed = [
        e for e in in_sql.entries(in_sql.ranked) if any(f.name == "disputes" for f in e.factors)
    ]
    assert len(disputed) == 2


def test_the_credit_check_can_ask_for_one_customers_behaviour(ledger: LocalLedger) -> None:
    northwind = payment_behaviour(ledger, "C00005", AS_OF)  # the demo's delinquent payer
    acme = payment_behaviour(ledger, "C00002", AS_OF)  # and a prompt one
    assert northwind.chance_late > 0.8 > 0.3 > acme.chance_late
    assert northwind.describe().startswith("pays ")
    assert "days late on average" in northwind.describe()
    assert payment_behaviour(PortOnly(ledger), "C00005", AS_OF) == northwind  # type: ignore[arg-type]
