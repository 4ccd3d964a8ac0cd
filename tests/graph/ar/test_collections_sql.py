"""The collections list from SQL sums over the local ledger is the list from its records."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from graph.ar.behaviour import DISPUTED_CHANCE, LATE_DAYS, chance_late, payment_behaviour
from graph.ar.collections import EARLY_PAST_DUE_DAYS
from graph.ar.collections_book import read_book
from integrations.erp.local import LocalLedger
from integrations.erp.local.demo import build_demo
from integrations.erp.records import PromiseToPay

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
    assert type(in_sql.source).__name__ == "LedgerSource"
    assert type(from_records.source).__name__ == "RecordSource"

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


class StoreOnlyDisputes:
    """Signals as arbot's store gives them: disputes the ERP's notes know nothing of."""

    def __init__(self, numbers: set[str]) -> None:
        self.numbers = frozenset(numbers)

    def disputed_invoices(self) -> frozenset[str]:
        return self.numbers

    def broken_promises(self, as_of: date) -> list[PromiseToPay]:
        return []


def test_disputes_only_in_arbots_store_count_alike_in_sql_and_in_records(
    ledger: LocalLedger,
) -> None:
    early = [i for i in ledger.invoices() if 0 < (AS_OF - i.due_date).days <= LATE_DAYS]
    partly = next(i for i in early if i.balance < i.amount)
    whole = next(i for i in early if i.balance == i.amount and i.customer_id != partly.customer_id)
    signals = StoreOnlyDisputes({partly.invoice_number, whole.invoice_number})
    in_sql = read_book(ledger, AS_OF, signals)
    from_records = read_book(PortOnly(ledger), AS_OF, signals)  # type: ignore[arg-type]

    def figures(book: Any) -> list[tuple]:
        return [
            (
                r.account.customer_id,
                r.account.currency,
                r.score,
                r.risk,
                r.account.disputed,
                r.account.early_disputed,
                r.account.partly_paid,
                r.account.early_partly_paid,
                r.account.disputed_numbers,
            )
            for r in book.ranked
        ]

    assert figures(in_sql) == figures(from_records)
    for invoice in (partly, whole):
        found = next(r for r in in_sql.ranked if r.account.customer_id == invoice.customer_id)
        assert invoice.invoice_number in found.account.disputed_numbers
        assert found.account.early_disputed >= invoice.balance
        # The disputed money 1-10 days past due counts once, with the larger chance.
        chance = max(chance_late(found.behaviour, EARLY_PAST_DUE_DAYS), DISPUTED_CHANCE)
        others = found.account.early_past_due - invoice.balance
        assert others >= 0
        expected = float(invoice.balance) * chance
        expected += float(others - found.account.early_partly_paid) * chance_late(
            found.behaviour, EARLY_PAST_DUE_DAYS
        )
        expected += float(found.account.early_partly_paid) * chance_late(
            found.behaviour, EARLY_PAST_DUE_DAYS, partly_paid=True
        )
        assert found.risk.early_past_due == pytest.approx(expected)
    shown = in_sql.entries([r for r in in_sql.ranked if r.account.customer_id == whole.customer_id])
    assert any(f.name == "disputes" and whole.invoice_number in f.text for f in shown[0].factors)


def test_the_digest_ranks_from_the_arrays_it_read_as_sql_does(ledger: LocalLedger) -> None:
    """The digest reads the ledger once as arrays (for DSO and the forecast) and ranks from
    them: the same accounts, totals, behaviours and entries as the SQL sums."""
    from graph.ar.ledger_book import LedgerBook

    early = [i for i in ledger.invoices() if 0 < (AS_OF - i.due_date).days <= LATE_DAYS]
    signals = StoreOnlyDisputes({early[0].invoice_number})
    for as_of in (AS_OF, date(2026, 8, 1)):
        in_sql = read_book(ledger, as_of, signals)
        from_arrays = read_book(ledger, as_of, signals, ledger=LedgerBook.read(ledger))
        assert type(from_arrays.source).__name__ == "LedgerArraySource"

        def figures(book: Any) -> list[tuple]:
            return [
                (
                    r.account.customer_id,
                    r.account.currency,
                    r.score,
                    r.risk,
                    r.behaviour,
                    r.account.buckets,
                    r.account.partly_paid,
                    r.account.early_partly_paid,
                    r.account.disputed_numbers,
                )
                for r in book.ranked
            ]

        assert len(in_sql.ranked) > 30
        assert figures(from_arrays) == figures(in_sql)
        assert from_arrays.entries(from_arrays.ranked[:10]) == in_sql.entries(in_sql.ranked[:10])
        # Only the first few wanted (the digest's "chase first"): the same first few, scored
        # against the whole book, fewer accounts made.
        for top in (1, 5, 20):
            first = read_book(ledger, as_of, signals, ledger=LedgerBook.read(ledger), top=top)
            assert figures(first)[:top] == figures(in_sql)[:top]
            assert first.entries(first.ranked[:top]) == in_sql.entries(in_sql.ranked[:top])
            assert top <= len(first.ranked) <= len(in_sql.ranked)
            if as_of == AS_OF and top < 20:  # most accounts cannot reach the first few
                assert len(first.ranked) < len(in_sql.ranked) / 2
