"""A dry run over a bank file holds a batch of its lines at a time, never the file's (issue 16):
the lines are read again from the file as the run goes through them."""

from __future__ import annotations

import gc
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import graph.cash_application as cash_application
from bot.bank_runs import run_bank_file
from graph.cash_application import CashApplication
from integrations.erp.records import BankLine
from tests.approvals_kit import service
from tests.graph.cash_run_kit import TODAY, bank_csv, policy_overrides, seed

BATCH = 8


def live_lines() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, BankLine))


def test_a_dry_run_holds_one_batch_of_the_files_lines(
    ledger_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text(bank_csv(seed(ledger_url, 60), strangers=4))
    approvals = service(ledger_url, **policy_overrides())
    runtime: Any = SimpleNamespace(
        approvals=approvals, settings=SimpleNamespace(today=lambda: TODAY)
    )
    monkeypatch.setattr(cash_application, "DRY_BATCH", BATCH)
    held: list[int] = []
    real_matcher_for = cash_application.matcher_for

    def matcher_for(*args: Any) -> Any:
        matcher = real_matcher_for(*args)
        matches = matcher.matches

        def counted(lines: Any, *rest: Any, **options: Any) -> Any:
            held.append(live_lines())
            return matches(lines, *rest, **options)

        matcher.matches = counted
        return matcher

    monkeypatch.setattr(cash_application, "matcher_for", matcher_for)
    gc.collect()
    before = live_lines()
    done = run_bank_file(runtime, bank, dry_run=True, with_reply=False)
    assert done.run.count("auto") + done.run.count("review") == 60
    assert done.run.count("unmatched") == 4
    assert len(held) == 64 // BATCH
    assert max(held) - before <= BATCH + 1, held  # the batch, not the file's 64 lines

    # The same lines as a list give the same results, row for row.
    whole = CashApplication(approvals).run(list(done.statement.receipts), as_of=TODAY, dry_run=True)
    assert list(done.run.results) == whole.results
