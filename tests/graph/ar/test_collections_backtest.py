"""The collections backtest's own arithmetic: what was late, the ledger as it stood, refusals."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from integrations.erp.local import LocalLedger

SCRIPT = Path(__file__).resolve().parents[3] / "benchmarks" / "collections_backtest.py"
HEADER = (
    "countryCode,customerID,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,SettledDate"
)


@pytest.fixture(scope="module")
def backtest() -> ModuleType:
    spec = importlib.util.spec_from_file_location("collections_backtest", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("collections_backtest", module)
    spec.loader.exec_module(module)
    return module


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "history.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_late_money_is_what_was_open_then_paid_more_than_ten_days_late(
    backtest: ModuleType, tmp_path: Path
) -> None:
    history = backtest.csv_history(
        write(
            tmp_path,
            "391,A,1,1/1/2026,1/31/2026,100.00,No,3/15/2026",  # 43 days late
            "391,A,2,1/2/2026,2/1/2026,50.00,Yes,2/11/2026",  # 10 days: not late
            "391,B,3,1/1/2026,1/31/2026,70.00,No,2/2/2026",
            "391,B,4,1/3/2026,2/2/2026,30.00,No,1/10/2026",  # paid before the cutoff
            "391,B,5,1/20/2026,2/19/2026,99.00,No,3/31/2026",  # issued after the cutoff
        )
    )
    cutoff = date(2026, 1, 15)
    assert backtest.late_money(history, cutoff) == {
        ("A", "USD"): Decimal("100.00"),
        ("B", "USD"): Decimal("0.00"),
    }
    assert backtest.past_due_at(history, cutoff) == {("A", "USD"): 0, ("B", "USD"): 0}
    url = f"sqlite:///{tmp_path}/as-of.db"
    backtest.ledger_as_of(history, cutoff, url)
    ledger = LocalLedger.open(url)
    open_now = {i.invoice_number: i.balance for i in ledger.invoices()}
    assert open_now == {
        "INV-1": Decimal("100.00"),
        "INV-2": Decimal("50.00"),
        "INV-3": Decimal("70.00"),
    }
    assert [n.invoice_number for n in ledger.notes()] == []  # the dispute is noted on its due date
    ledger.close()


def test_rank_correlation_is_one_for_the_perfect_order(backtest: ModuleType) -> None:
    outcome = {("A", "USD"): Decimal(3), ("B", "USD"): Decimal(2), ("C", "USD"): Decimal(0)}
    order = [("A", "USD"), ("B", "USD"), ("C", "USD")]
    assert backtest.spearman(order, outcome) == pytest.approx(1.0)
    assert backtest.spearman(order[::-1], outcome) == pytest.approx(-1.0)


@pytest.mark.parametrize(
    "row",
    [
        "391,A,1,2026-01-01,1/31/2026,100.00,No,3/15/2026",  # not a US date
        "391,A,1,1/1/2026,1/31/2026,lots,No,3/15/2026",
        "391,A,1,1/1/2026,1/31/2026,NaN,No,3/15/2026",
        "391,A,1,1/1/2026,1/31/2026,-5,No,3/15/2026",
        "391,A,1,1/31/2026,1/1/2026,5,No,3/15/2026",  # due before it was issued
        "391,,1,1/1/2026,1/31/2026,5,No,3/15/2026",
        "391,A,1,1/1/2026",  # short row
    ],
)
def test_a_row_that_is_not_an_invoice_is_refused_with_its_line(
    backtest: ModuleType, tmp_path: Path, row: str
) -> None:
    path = write(tmp_path, "391,A,0,1/1/2026,1/31/2026,1.00,No,2/1/2026", row)
    with pytest.raises(SystemExit, match=r"history\.csv:3: not an invoice row"):
        backtest.csv_history(path)


def test_a_file_without_invoices_is_refused(backtest: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no invoice rows"):
        backtest.csv_history(write(tmp_path))
