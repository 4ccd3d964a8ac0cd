"""The backtest on the demo company: its figures are the benchmarks' on the same ledger, and an
interrupted run resumed from its checkpoint gives the figures of a run never interrupted."""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from graph.ar.cashapp import CashMatcher
from graph.ar.payers import pays_oldest_first
from graph.backtest import cashapp as replay_module
from graph.backtest.checkpoint import Checkpoint
from graph.backtest.history import Books, months_before, read_books
from graph.backtest.run import run_backtest
from integrations.erp.records import BankLine, Payment
from tests.conftest import TODAY, Demo

BENCHMARKS = Path(__file__).resolve().parents[3] / "benchmarks"
MONTHS = 6


@pytest.fixture(scope="module")
def books(demo: Demo) -> Books:
    return read_books(demo.ledger)


@pytest.fixture(scope="module")
def report(books: Books, tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("checkpoints")
    return run_backtest(
        books,
        today=TODAY,
        months=MONTHS,
        kinds=["cashapp", "collections", "forecast", "deductions"],
        checkpoint=Checkpoint(folder, {"run": "whole"}, resume=False),
    )


def benchmark(name: str) -> Any:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_collections_lift_is_the_benchmarks(demo: Demo, report: dict) -> None:
    bench = benchmark("collections_backtest")
    history = bench.read_history(demo.url)  # the benchmark reads the ledger's tables itself
    cutoffs = bench.cutoffs_for(history.end, MONTHS, 30, 90)
    theirs = bench.run(history, cutoffs, True, "demo small")
    ours = report["collections"]["rankings"]
    assert len(report["collections"]["cutoffs"]) == len(cutoffs) == MONTHS
    for name, values in theirs.items():
        assert ours[name]["lift"] == pytest.approx(values["lift"], abs=1e-4), name
    assert ours["arbot"]["lift"] > 1  # its top decile holds more than its share of late money


def test_forecast_error_is_the_benchmarks(demo: Demo, report: dict) -> None:
    from graph.ar.forecast_backtest import backtest

    bench = benchmark("forecast")
    ledger = demo.ledger
    theirs = backtest(
        ledger.invoices(open_only=False),
        ledger.payments(),
        bench.monthly_cutoffs(TODAY, MONTHS),
        30,
        adjustments=ledger.adjustments(),
    )
    ours = report["forecast"]["currencies"]
    assert set(ours) == set(theirs.mape)
    for currency, mape in theirs.mape.items():
        assert ours[currency]["mape"] == pytest.approx(float(mape) if mape is not None else None)


def test_cash_figures_are_the_benchmarks_way(demo: Demo, report: dict) -> None:
    """The benchmarks' way, written out here from the ledger's own records: each day's applied
    payments matched together (``match_all``) against the invoices open the day before, and the
    clerk's rule of benchmarks/cashapp_mess2.py; a proposal counts when customer, invoices and
    amounts and the unapplied rest are what people booked."""
    clerk = benchmark("cashapp_mess2").clerk
    ledger = demo.ledger
    invoices = ledger.invoices(open_only=False)
    payments = sorted(ledger.payments(), key=lambda p: (p.received_on, p.payment_id))
    by_number = {i.invoice_number: i for i in invoices}
    taken: dict[str, list] = defaultdict(list)
    for p in payments:
        for a in p.applications:
            taken[a.invoice_number].append((a.applied_on, a.amount))
    for adj in ledger.adjustments():
        if adj.invoice_number:
            taken[adj.invoice_number].append((adj.adjusted_on, adj.amount))
    names = {c.customer_id: c.name for c in ledger.list_customers()}
    since = months_before(TODAY, MONTHS)
    days: dict = defaultdict(list)
    for p in payments:
        if since < p.received_on <= TODAY and p.applications:
            days[p.received_on].append(p)
    counts = defaultdict(int)
    for day, todays in sorted(days.items()):
        before = day - timedelta(days=1)
        open_then = []
        for i in invoices:
            left = i.amount - sum((amt for on, amt in taken[i.invoice_number] if on <= before), 0)
            if i.invoice_date <= day and left > 0:
                open_then.append(type(i)(**{**_fields(i), "balance": left}))
        history = [p for p in payments if before - timedelta(days=365) <= p.received_on <= before]
        matcher = CashMatcher(
            ledger.list_customers(),
            open_then,
            oldest_first=pays_oldest_first(history, by_number),
        )
        lines = [
            BankLine(p.payment_id, day, p.amount, p.currency, names[p.customer_id], p.reference)
            for p in todays
        ]
        for p, mine, theirs in zip(
            todays, matcher.match_all(lines, day), clerk(lines, open_then), strict=True
        ):
            want = defaultdict(int)
            for a in p.applications:
                want[a.invoice_number] += a.amount
            for who, got in (("arbot", mine), ("clerk", theirs)):
                ok = (
                    got.customer_id == p.customer_id
                    and dict(got.applications) == dict(want)
                    and got.unapplied == p.unapplied
                )
                counts[who, "lines"] += 1
                counts[who, "auto"] += got.decision == "auto"
                counts[who, "auto right"] += got.decision == "auto" and ok
                counts[who, "right"] += ok
    cash = report["cashapp"]
    assert cash["payments"] == counts["arbot", "lines"] > 50
    for who in ("arbot", "clerk"):
        assert cash[who]["auto"] == counts[who, "auto"], who
        assert cash[who]["auto_wrong"] == counts[who, "auto"] - counts[who, "auto right"], who
        assert cash[who]["right_top"] == round(counts[who, "right"] / counts[who, "lines"], 4)
    assert cash["arbot"]["auto_rate"] > cash["clerk"]["auto_rate"]


def _fields(invoice: object) -> dict:
    return {name: getattr(invoice, name) for name in invoice.__slots__}  # type: ignore[attr-defined]


def test_interrupted_and_resumed_gives_the_same_figures(
    books: Books, report: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    identity = {"books": "demo small"}
    stop_after = 20

    def interrupt(what: str, done: int, total: int) -> None:
        if what == "cash application" and done >= stop_after:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_backtest(
            books,
            today=TODAY,
            months=MONTHS,
            kinds=["cashapp"],
            checkpoint=Checkpoint(tmp_path, identity, resume=False),
            progress=interrupt,
        )
    saved = Checkpoint(tmp_path, identity, resume=True)
    assert saved.resumed
    kept = {row["payment_id"] for row in saved.get("cashapp")["rows"]}
    assert stop_after <= len(kept) < report["cashapp"]["payments"]

    replayed: list[str] = []
    real_day = replay_module.replay_day

    def counting(books: Books, day: date, payments: list[Payment]) -> list[dict]:
        replayed.extend(p.payment_id for p in payments)
        return real_day(books, day, payments)

    monkeypatch.setattr(replay_module, "replay_day", counting)
    resumed = run_backtest(books, today=TODAY, months=MONTHS, kinds=["cashapp"], checkpoint=saved)
    assert resumed["resumed"] is True
    assert not kept & set(replayed)  # what the checkpoint held was not matched again
    assert resumed["cashapp"] == report["cashapp"]
    assert not saved.path.exists()  # finished: the checkpoint is gone
