"""One run per file: a second run is told the file is in progress, a run that stopped half-way
(an error, a crash between two writes, a dead process) is finished exactly where it stopped."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from typing import Any

import pytest

from graph import approval_batch
from graph.cash_application import CashApplication, FileInProgress, lines_key
from graph.cash_run_batches import FIRST_BATCH
from integrations.bank import parse_bank_bytes
from integrations.erp.records import BankLine
from integrations.store.bank_lines import RunClaim
from tests.approvals_kit import service
from tests.graph.cash_run_kit import (
    AUTO_DECIDER,
    TODAY,
    auto_applied,
    bank_csv,
    check_books,
    policy_overrides,
    seed,
)


def books(url: str, invoices: int = 10) -> list[BankLine]:
    return parse_bank_bytes(bank_csv(seed(url, invoices)).encode(), "bank.csv")


def cash(url: str, **options: Any) -> CashApplication:
    return CashApplication(service(url, **policy_overrides(), **options))


def recorded(url: str) -> dict[str, str]:
    return {row["payment_id"]: row["decision"] for row in service(url).store.bank_lines()}


def test_a_second_run_is_told_the_file_is_in_progress(ledger_url: str) -> None:
    lines = books(ledger_url)
    store = service(ledger_url).store
    held = store.claim_run(
        lines_key(lines), source="bank.csv", lines=len(lines), stale_after=timedelta(minutes=10)
    )
    assert isinstance(held, RunClaim)
    with pytest.raises(FileInProgress, match=r"^bank.csv is being processed by another run \(pid"):
        cash(ledger_url).run(lines, as_of=TODAY, source="bank.csv", wait=0.3)
    assert store.bank_lines() == []
    store.finish_run(held)
    run = cash(ledger_url).run(lines, as_of=TODAY, source="bank.csv")
    assert run.already_processed == 0 and len(run.results) == len(lines)
    assert check_books(ledger_url) == []


def test_the_claim_of_a_dead_process_is_taken_over(ledger_url: str) -> None:
    lines = books(ledger_url)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    store = service(ledger_url).store
    held = store.claim_run(
        lines_key(lines), source="bank.csv", lines=len(lines), stale_after=timedelta(minutes=10)
    )
    assert isinstance(held, RunClaim)
    from integrations.store import schema as t

    with store.engine.begin() as conn:
        conn.execute(t.cash_runs.update().values(pid=dead.pid))
    run = cash(ledger_url).run(lines, as_of=TODAY, source="bank.csv")
    assert run.resumed_from is not None and run.resumed_from["pid"] == dead.pid
    assert len(recorded(ledger_url)) == len(lines)
    assert check_books(ledger_url) == []


def test_an_error_between_proposing_and_recording_is_resumed(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = books(ledger_url, invoices=40)
    first = cash(ledger_url)
    real = first.store.finish_bank_lines
    calls = {"n": 0}

    def crash_on_second_batch(*args: Any, **kwargs: Any) -> set[str]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise ConnectionError("the database went away")
        return real(*args, **kwargs)

    monkeypatch.setattr(first.store, "finish_bank_lines", crash_on_second_batch)
    with pytest.raises(ConnectionError):
        first.run(lines, as_of=TODAY, source="bank.csv")
    states = list(recorded(ledger_url).values())
    assert len(states) == len(lines)
    assert states.count("in_progress") == len(lines) - FIRST_BATCH
    assert check_books(ledger_url) != []  # the approvals of the second batch have no result yet
    run = cash(ledger_url).run(lines, as_of=TODAY, source="bank.csv")
    assert run.already_processed == FIRST_BATCH
    assert check_books(ledger_url) == []
    assert run.count("auto") == auto_applied(ledger_url) > 0


def test_a_crash_inside_an_automatic_write_is_finished(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = books(ledger_url)
    first = cash(ledger_url)

    def crash(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt  # approved by the auto policy, not written yet

    monkeypatch.setattr(approval_batch, "_write_all", crash)
    with pytest.raises(KeyboardInterrupt):
        first.run(lines, as_of=TODAY, source="bank.csv")
    monkeypatch.undo()
    stuck = [a for a in first.store.list() if a.status == "executing"]
    assert stuck and all(a.decided_by == AUTO_DECIDER for a in stuck)
    assert first.store.verify_audit() is None
    # The next run takes the file over; it finishes the writes the crash cut short once their
    # lease is over (zero here, as the reconciler does after its lease).
    run = cash(ledger_url, lease=timedelta(0)).run(lines, as_of=TODAY, source="bank.csv")
    for approval in stuck:
        assert first.store.get(approval.approval_id).status == "done"  # type: ignore[union-attr]
    assert check_books(ledger_url) == []
    assert run.count("auto") == auto_applied(ledger_url) == len(stuck)
    assert first.store.verify_audit() is None


def test_an_unmatched_line_seen_in_progress_is_settled_once(ledger_url: str) -> None:
    lines = books(ledger_url, invoices=2)
    store = service(ledger_url).store
    stranger = lines[-1]
    assert store.begin_bank_line(stranger, {"decision": "in_progress"}, run_key="gone")
    run = cash(ledger_url).run(lines, as_of=TODAY, source="bank.csv")
    assert run.results[-1]["decision"] == "unmatched"
    assert recorded(ledger_url)[stranger.payment_id] == "unmatched"
    assert check_books(ledger_url) == []


def test_a_line_another_files_live_run_holds_is_left_to_it(ledger_url: str) -> None:
    lines = books(ledger_url)
    store = service(ledger_url).store
    other_file = "f" * 64
    other = store.claim_run(other_file, source="other.csv", lines=1, stale_after=timedelta(1))
    assert isinstance(other, RunClaim)
    assert store.begin_bank_line(lines[0], {"decision": "in_progress"}, run_key=other_file)
    run = cash(ledger_url).run(lines, as_of=TODAY, source="bank.csv")
    assert run.in_progress_elsewhere == 1 and run.results[0]["decision"] == "in_progress"
    assert store.cash_approvals_for(lines[0].payment_id) == []
    store.release_run(other)  # that run stopped on an error: the line is free again
    again = cash(ledger_url).run(lines, as_of=TODAY, source="bank.csv")
    assert again.already_processed == len(lines) - 1 and again.in_progress_elsewhere == 0
    assert again.results[0]["decision"] in ("auto", "review")
    assert check_books(ledger_url) == []


def test_a_waiting_run_goes_on_once_the_holder_finishes(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = books(ledger_url)
    holder_store = service(ledger_url).store
    held = holder_store.claim_run(
        lines_key(lines), source="bank.csv", lines=len(lines), stale_after=timedelta(minutes=10)
    )
    assert isinstance(held, RunClaim)
    waiting = cash(ledger_url)
    real = waiting.store.claim_run
    asked = {"n": 0}

    def holder_finishes_after_the_first_try(*args: Any, **kwargs: Any) -> Any:
        asked["n"] += 1
        if asked["n"] == 2:
            holder_store.finish_run(held)
        return real(*args, **kwargs)

    monkeypatch.setattr(waiting.store, "claim_run", holder_finishes_after_the_first_try)
    run = waiting.run(lines, as_of=TODAY, source="bank.csv", wait=60)
    assert asked["n"] == 2 and len(run.results) == len(lines)
    assert check_books(ledger_url) == []
