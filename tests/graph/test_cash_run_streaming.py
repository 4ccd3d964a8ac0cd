"""A cash run over a bank file holds a batch of its lines at a time, never the file's (issue 16):
a dry run reads the lines back from the statement's spool (the file parsed once, when it was
checked) as it goes through them; a real run matches them a chunk at a time (the matches wait on
disk), then reads them back again for the batches that propose and record them."""

from __future__ import annotations

import gc
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import graph.cash_application as cash_application
import graph.cash_run_batches as cash_run_batches
from bot.bank_runs import run_bank_file
from graph.cash_application import CashApplication
from integrations.erp.records import BankLine
from tests.approvals_kit import service
from tests.graph.cash_run_kit import TODAY, bank_csv, check_books, policy_overrides, seed

BATCH = 8


def live_lines() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, BankLine))


def bank_and_runtime(ledger_url: str, tmp_path: Path) -> tuple[Path, Any]:
    """A file of 60 lines that pay the ledger's customers and 4 from strangers, and a runtime."""
    bank = tmp_path / "bank.csv"
    bank.write_text(bank_csv(seed(ledger_url, 60), strangers=4))
    approvals = service(ledger_url, **policy_overrides())
    return bank, SimpleNamespace(approvals=approvals, settings=SimpleNamespace(today=lambda: TODAY))


def count_lines_while_matching(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The bank lines alive each time the matcher is given lines."""
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
    return held


def test_a_dry_run_holds_one_batch_of_the_files_lines(
    ledger_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank, runtime = bank_and_runtime(ledger_url, tmp_path)
    monkeypatch.setattr(cash_application, "DRY_BATCH", BATCH)
    held = count_lines_while_matching(monkeypatch)
    gc.collect()
    before = live_lines()
    done = run_bank_file(runtime, bank, dry_run=True, with_reply=False)
    assert done.run.count("auto") + done.run.count("review") == 60
    assert done.run.count("unmatched") == 4
    assert len(held) == 64 // BATCH
    assert max(held) - before <= BATCH + 1, held  # the batch, not the file's 64 lines

    # The same lines as a list give the same results, row for row.
    whole = CashApplication(runtime.approvals).run(
        list(done.statement.receipts), as_of=TODAY, dry_run=True
    )
    assert list(done.run.results) == whole.results


def test_a_real_run_holds_a_batch_of_the_files_lines(
    ledger_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank, runtime = bank_and_runtime(ledger_url, tmp_path)
    monkeypatch.setattr(cash_run_batches, "DRY_BATCH", BATCH)
    monkeypatch.setattr(cash_run_batches, "FIRST_BATCH", BATCH)
    monkeypatch.setattr(cash_run_batches, "BATCH", BATCH)
    matching = count_lines_while_matching(monkeypatch)
    settling: list[int] = []
    real_settle = cash_run_batches.CashRunBatches._settle_batch

    def settle(self: Any, *args: Any) -> Any:
        settling.append(live_lines())
        return real_settle(self, *args)

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


def test_a_real_run_goes_through_the_lines_once_to_check_them_and_key_them(
    ledger_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lines are checked and the run's key (``lines_key``) hashed in one pass: a real run
    goes through the spooled lines three times (checked and keyed, matched, proposed and
    recorded), a dry run twice (checked, matched); the key is the one ``lines_key`` gives."""
    from integrations.bank import FileLines
    from integrations.store import schema as store_schema

    bank, runtime = bank_and_runtime(ledger_url, tmp_path)
    passes: list[bool] = []
    real_iter = FileLines.__iter__

    def counted(self: FileLines) -> Any:
        passes.append(True)
        return real_iter(self)

    monkeypatch.setattr(FileLines, "__iter__", counted)
    dry = run_bank_file(runtime, bank, dry_run=True, with_reply=False)
    assert len(passes) == 2
    passes.clear()
    done = run_bank_file(runtime, bank, with_reply=False)
    assert len(passes) == 3
    assert done.run.count("auto") + done.run.count("review") == 60
    key = cash_application.lines_key(list(dry.statement.receipts))
    with runtime.approvals.store.engine.connect() as conn:
        keys = conn.execute(store_schema.cash_runs.select()).mappings().all()
    assert [row["run_key"] for row in keys] == [key]
