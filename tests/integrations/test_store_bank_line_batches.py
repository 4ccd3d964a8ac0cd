"""A run's batch of bank lines begun and finished together (``begin_bank_lines``,
``finish_bank_lines``): only the lines the run holds are its own, whoever else has the others."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from integrations.erp.records import BankLine
from integrations.store import Store
from integrations.store.bank_lines import IN_PROGRESS


def _line(n: int) -> BankLine:
    return BankLine(f"BNK-{n}", date(2026, 11, 20), Decimal(f"{100 + n}.50"), "USD", "Payer")


def _result(n: int, decision: str) -> dict[str, object]:
    return {"payment_id": f"BNK-{n}", "decision": decision, "approval_id": None}


def test_a_batch_holds_the_new_lines_and_finishes_all_it_holds(ledger_url: str) -> None:
    store = Store.open(ledger_url)
    lines = [_line(n) for n in range(4)]
    held = store.begin_bank_lines(
        [(x, _result(n, IN_PROGRESS)) for n, x in enumerate(lines)], run_key="A"
    )
    assert held == {f"BNK-{n}" for n in range(4)}
    done = store.finish_bank_lines(
        [(f"BNK-{n}", _result(n, "auto" if n % 2 else "unmatched")) for n in range(4)], run_key="A"
    )
    assert done == held
    rows = store.bank_line_rows([f"BNK-{n}" for n in range(4)])
    assert [rows[f"BNK-{n}"]["decision"] for n in range(4)] == ["unmatched", "auto"] * 2
    assert all(row["run_key"] == "A" for row in rows.values())


def test_lines_another_run_has_are_left_to_it(ledger_url: str) -> None:
    store = Store.open(ledger_url)
    store.begin_bank_lines([(_line(0), _result(0, IN_PROGRESS))], run_key="B")  # B's, running
    store.begin_bank_lines([(_line(1), _result(1, IN_PROGRESS))], run_key="B")
    assert store.finish_bank_lines([("BNK-1", _result(1, "review"))], run_key="B") == {"BNK-1"}
    held = store.begin_bank_lines(
        [(_line(n), _result(n, IN_PROGRESS)) for n in range(4)], run_key="A"
    )
    assert held == {"BNK-2", "BNK-3"}  # BNK-0 is B's in progress, BNK-1 B's finished
    # B takes BNK-3 over (A was silent): A finishes BNK-2 only, and BNK-3 stays B's.
    assert store.take_over_bank_line("BNK-3", from_run="A", run_key="B")
    done = store.finish_bank_lines(
        [("BNK-2", _result(2, "auto")), ("BNK-3", _result(3, "auto"))], run_key="A"
    )
    assert done == {"BNK-2"}
    rows = store.bank_line_rows([f"BNK-{n}" for n in range(4)])
    assert {k: (r["decision"], r["run_key"]) for k, r in rows.items()} == {
        "BNK-0": (IN_PROGRESS, "B"),
        "BNK-1": ("review", "B"),
        "BNK-2": ("auto", "A"),
        "BNK-3": (IN_PROGRESS, "B"),
    }
    assert rows["BNK-3"]["result"] == _result(3, IN_PROGRESS)
