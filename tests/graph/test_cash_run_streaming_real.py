"""A real run over a bank file holds a batch of its lines at a time, never the file's, as a dry
run does (issue 16): its lines are matched a chunk at a time (the matches wait on disk), then
read again from the file for the batches that propose and record them."""

from __future__ import annotations

import gc
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import graph.cash_application as cash_application
import graph.cash_run_batches as cash_run_batches
from bot.bank_runs import run_bank_file
from integrations.erp.records import BankLine
from tests.approvals_kit import service
from tests.graph.cash_run_kit import TODAY, bank_csv, check_books, policy_overrides, seed

BATCH = 8


def live_lines() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, BankLine))


def test_a_real_run_holds_a_batch_of_the_files_lines(
    ledger_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text(bank_csv(seed(ledger_url, 60), strangers=4))
    approvals = service(ledger_url, **policy_overrides())
    runtime: Any = SimpleNamespace(
        approvals=approvals, settings=SimpleNamespace(today=lambda: TODAY)
    )
    monkeypatch.setattr(cash_run_batches, "DRY_BATCH", BATCH)
    monkeypatch.setattr(cash_run_batches, "FIRST_BATCH", BATCH)
    monkeypatch.setattr(cash_run_batches, "BATCH", BATCH)
    matching: list[int] = []
    settling: list[int] = []
    real_matcher_for = cash_application.matcher_for

    def matcher_for(*args: Any) -> Any:
        matcher = real_matcher_for(*args)
        matches = matcher.matches

        def counted(lines: Any, *rest: Any, **options: Any) -> Any:
            matching.append(live_lines())
            return matches(lines, *rest, **options)

        matcher.matches = counted
        return matcher

    real_settle = cash_run_batches.CashRunBatches._settle_batch

    def settle(self: Any, *args: Any) -> Any:
        settling.append(live_lines())
        return real_settle(self, *args)

    monkeypatch.setattr(cash_application, "matcher_for", matcher_for)
    monkeypatch.setattr(cash_run_batches.CashRunBatches, "_settle_batch", settle)
    gc.collect()
    before = live_lines()
    done = run_bank_file(runtime, bank, with_reply=False)
    assert done.run.count("auto") + done.run.count("review") == 60
    assert done.run.count("unmatched") == 4
    assert len(matching) == 64 // BATCH and len(settling) >= 64 // BATCH
    assert max(matching) - before <= BATCH + 1, matching  # a chunk, not the file's 64 lines
    # a batch, the line after it (read to know the batch is full), lines waiting for it
    assert max(settling) - before <= 2 * BATCH + 2, settling
    assert check_books(ledger_url) == []
