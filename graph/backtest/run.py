"""``arbot backtest``: the kinds asked for, on books read once, resumable.

``run_backtest(books, ...)`` returns the report (the JSON ``arbot backtest --json`` prints);
``Checkpoint`` keeps each kind's finished days or cutoffs so that an interrupted run continues
where it stopped and gives the same figures as one that was never interrupted.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from graph.backtest import BacktestError
from graph.backtest import cashapp as cash
from graph.backtest import deductions as ded
from graph.backtest.checkpoint import Checkpoint
from graph.backtest.collections import CutoffScore, backtest_cutoffs, cutoffs_for
from graph.backtest.collections_history import history_from_books
from graph.backtest.forecast import backtest_forecast
from graph.backtest.history import Books, months_before

KINDS = ("cashapp", "collections", "forecast", "deductions")
COLLECTIONS_EVERY, COLLECTIONS_HORIZON = 30, 90  # as benchmarks/collections_backtest.py

Step = Callable[[str, int, int], None]  # (what, done, total)


def run_backtest(
    books: Books,
    *,
    today: date,
    months: int,
    kinds: Sequence[str],
    checkpoint: Checkpoint,
    tolerance: Decimal = Decimal("250.00"),
    progress: Step | None = None,
) -> dict[str, Any]:
    if not books.invoices or not any(p.applications for p in books.payments):
        raise BacktestError(
            "nothing to backtest: the ERP has no paid history "
            f"({len(books.invoices)} invoices, {len(books.payments)} payments)"
        )
    since = months_before(today, months)
    report: dict[str, Any] = {
        "today": today.isoformat(),
        "since": since.isoformat(),
        "months": months,
        "books": {
            "customers": len(books.customers),
            "invoices": len(books.invoices),
            "payments": len(books.payments),
            "adjustments": len(books.adjustments),
        },
        "resumed": checkpoint.resumed,
    }

    def step(what: str) -> Callable[[int, int], None] | None:
        if progress is None:
            return None
        return lambda done, total: progress(what, done, total)

    if "cashapp" in kinds:
        report["cashapp"] = _cashapp(books, since, today, checkpoint, step("cash application"))
    if "collections" in kinds:
        report["collections"] = _collections(books, months, checkpoint, step("collections"))
    if "forecast" in kinds:
        report["forecast"] = backtest_forecast(books, today, months)
    if "deductions" in kinds:
        rows = [ded.judge(books, a, tolerance) for a in ded.written_off(books, since, today)]
        report["deductions"] = ded.figures(rows)
    checkpoint.finish()
    return report


def _cashapp(
    books: Books,
    since: date,
    today: date,
    checkpoint: Checkpoint,
    progress: Callable[[int, int], None] | None,
) -> dict[str, Any]:
    payments = cash.replayable(books, since, today)
    done = {row["payment_id"]: row for row in checkpoint.get("cashapp").get("rows", [])}
    rows = cash.replay(
        books,
        payments,
        done=done,
        progress=progress,
        saved=lambda so_far: checkpoint.put("cashapp", {"rows": so_far}),
    )
    return cash.figures(rows)


def _collections(
    books: Books,
    months: int,
    checkpoint: Checkpoint,
    progress: Callable[[int, int], None] | None,
) -> dict[str, Any]:
    history = history_from_books(books)
    if not history.invoices or not history.applications:
        return {"cutoffs": [], "rankings": {}}
    cutoffs = cutoffs_for(history.end, months, COLLECTIONS_EVERY, COLLECTIONS_HORIZON)
    done = dict(checkpoint.get("collections"))

    def saved(score: CutoffScore) -> None:
        done[score.cutoff.isoformat()] = score.as_dict()
        checkpoint.put("collections", done)

    with tempfile.TemporaryDirectory(prefix="arbot-backtest-") as folder:
        pooled = backtest_cutoffs(
            history, cutoffs, folder, done=done, saved=saved, progress=progress
        )
    return {
        "cutoffs": [
            s.as_dict() | {"lift": {n: _finite(s.lift(n)) for n in s.top}} for s in pooled.scores
        ],
        "rankings": {
            name: {k: _finite(v) for k, v in values.items()}
            for name, values in pooled.summary().items()
        },
        "method": (
            f"{len(cutoffs)} cutoffs {COLLECTIONS_EVERY} days apart, the last "
            f"{COLLECTIONS_HORIZON} days before the history ends; top-decile lift of money then "
            "paid more than 10 days late (benchmarks/collections_backtest.py)"
        ),
    }


def _finite(value: float) -> float | None:
    return None if value != value else round(value, 4)  # NaN → null in JSON
