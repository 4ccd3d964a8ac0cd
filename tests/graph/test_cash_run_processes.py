"""Two OS processes on the same bank file, and a ``kill -9`` in the middle of a run: afterwards
the ledger, the approvals and the bank-line records agree (``check_books``)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from graph.cash_application import CashApplication
from integrations.bank import read_bank_file
from tests.approvals_kit import service
from tests.graph.cash_run_kit import (
    TODAY,
    auto_applied,
    bank_csv,
    check_books,
    policy_overrides,
    seed,
)

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 300.0


def bank_file(tmp_path: Path, url: str, invoices: int) -> tuple[Path, int]:
    text = bank_csv(seed(url, invoices))
    service(url).store.close()  # the store's tables exist before the runs start
    path = tmp_path / "bank.csv"
    path.write_text(text)
    return path, text.count("\n") - 1


def start_run(url: str, bank: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.graph.cash_run_kit", url, str(bank)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def decisions(url: str) -> dict[str, int]:
    rows = service(url).store.bank_lines()
    return {d: sum(1 for r in rows if r["decision"] == d) for d in ("auto", "review", "unmatched")}


def test_two_processes_on_one_file_process_it_once(ledger_url: str, tmp_path: Path) -> None:
    bank, count = bank_file(tmp_path, ledger_url, 16)
    runs = [start_run(ledger_url, bank), start_run(ledger_url, bank)]
    outputs = [run.communicate(timeout=DEADLINE) for run in runs]
    codes = [run.returncode for run in runs]
    assert all(code in (0, 3) for code in codes), outputs
    assert 0 in codes, outputs
    for code, (_, stderr) in zip(codes, outputs, strict=True):
        if code == 3:
            refusal = stderr.strip().splitlines()[-1]
            assert refusal.startswith(f"{bank} is being processed by another run (pid "), stderr
    assert check_books(ledger_url) == []
    recorded = decisions(ledger_url)
    assert sum(recorded.values()) == count
    assert recorded["auto"] == auto_applied(ledger_url) > 0
    for code, (stdout, _) in zip(codes, outputs, strict=True):
        if code == 0:  # what each run reports is what happened, counted once
            summary = json.loads(stdout)
            assert {d: summary[d] for d in recorded} == recorded


def wait_for(condition, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


def test_a_run_killed_half_way_is_finished_by_the_next(ledger_url: str, tmp_path: Path) -> None:
    bank, count = bank_file(tmp_path, ledger_url, 60)
    store = service(ledger_url).store
    run = start_run(ledger_url, bank)

    def finished() -> int:
        return sum(1 for line in store.bank_lines() if line["decision"] != "in_progress")

    wait_for(lambda: finished() >= 5 or run.poll() is not None, "5 lines recorded")
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=DEADLINE)
    assert run.returncode == -signal.SIGKILL, run.stderr.read() if run.stderr else ""
    done_before = finished()
    assert 5 <= done_before < count  # killed half-way
    # The next run (the same command) takes the dead run's claim over; an ERP write the kill
    # cut short is finished at once (a lease of zero, as the reconciler does after its lease).
    approvals = service(ledger_url, lease=timedelta(0), **policy_overrides())
    resumed = CashApplication(approvals).run(read_bank_file(bank), as_of=TODAY, source=str(bank))
    assert resumed.resumed_from is not None and resumed.resumed_from["pid"] == run.pid
    assert resumed.already_processed == done_before
    assert check_books(ledger_url) == []
    assert decisions(ledger_url)["auto"] == resumed.count("auto") == auto_applied(ledger_url)
    assert sum(decisions(ledger_url).values()) == count
