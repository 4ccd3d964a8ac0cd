"""Backtest the receipts forecast on the medium demo company (or on another history).

    python benchmarks/forecast.py [--seed 7] [--horizon 30] [--months 6]
    python benchmarks/forecast.py --history-model [--customers 400] [--seed 11]
    python benchmarks/forecast.py --habits-from behaviour   # the behaviour model's habits

Builds the medium demo company (as of 2026-11-21) into a temporary SQLite ledger, reads its
records through the ledger, and forecasts, at a cutoff on the 21st of each of the last months,
what would be paid in the next ``--horizon`` days using only what was known at the cutoff. Prints
forecast against actual per cutoff and currency, then MAPE and the weighted absolute error, and
today's metrics, forecast and collection curve for USD. ``--history-model`` backtests on
``benchmarks/history_model.py``'s independently written histories instead (as of their end);
``--habits-from behaviour`` takes each customer's days beyond terms from the payment-behaviour
model (chance of paying late × how late) instead of its amount-weighted average.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.ar.forecast import forecast_receipts
from graph.ar.forecast_backtest import backtest
from graph.ar.metrics import receivables_metrics
from graph.backtest.forecast import monthly_cutoffs
from graph.format import money
from integrations.erp.local import LocalLedger
from integrations.erp.local.demo import build_demo

AS_OF = date(2026, 11, 21)


def percent(value: object) -> str:
    return "n/a" if value is None else f"{value}%"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--horizon", type=int, default=30)
    parser.add_argument("--months", type=int, default=6)
    parser.add_argument("--history-model", action="store_true")
    parser.add_argument("--customers", type=int, default=400)
    parser.add_argument("--habits-from", choices=("payments", "behaviour"), default="payments")
    args = parser.parse_args()
    as_of = AS_OF

    with tempfile.TemporaryDirectory() as folder:
        ledger = LocalLedger.open(f"sqlite:///{Path(folder) / 'medium.db'}")
        started = time.perf_counter()
        if args.history_model:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from history_model import END, generate, write_ledger

            seed = 11 if args.seed == 7 else args.seed
            people, history = generate(args.customers, seed, END)
            write_ledger(ledger, people, history, END)
            as_of = END
        else:
            build_demo(ledger, size="medium", seed=args.seed, as_of=AS_OF)
        built = time.perf_counter() - started
        started = time.perf_counter()
        customers = ledger.list_customers()
        invoices = ledger.invoices(open_only=False)
        open_invoices = ledger.invoices()
        payments = ledger.payments()
        adjustments = ledger.adjustments()
        read = time.perf_counter() - started
        ledger.close()
    print(
        f"{'history model' if args.history_model else 'medium demo'}: "
        f"{len(customers):,} customers, {len(invoices):,} invoices "
        f"({len(open_invoices):,} open), {len(payments):,} payments, "
        f"{len(adjustments):,} adjustments; built in {built:.1f} s, read in {read:.1f} s"
    )

    cutoffs = monthly_cutoffs(as_of, args.months)
    started = time.perf_counter()
    result = backtest(
        invoices,
        payments,
        cutoffs,
        args.horizon,
        adjustments=adjustments,
        habits_from=args.habits_from,
    )
    elapsed = time.perf_counter() - started
    print(
        f"\nbacktest, {args.horizon}-day horizon, {len(cutoffs)} cutoffs, habits from "
        f"{args.habits_from} ({elapsed:.2f} s)"
    )
    print(
        f"{'cutoff':<12}{'cur':<5}{'open AR':>19}{'forecast':>19}{'actual':>19}"
        f"{'error':>19}{'abs %':>8}"
    )
    for row in result.rows:
        print(
            f"{row.cutoff.isoformat():<12}{row.currency:<5}"
            f"{money(row.open_ar, row.currency):>19}{money(row.forecast, row.currency):>19}"
            f"{money(row.actual, row.currency):>19}{money(row.error, row.currency):>19}"
            f"{percent(row.abs_pct_error):>8}"
        )
    print("\ncurrency  MAPE     weighted abs error")
    for currency in result.mape:
        print(
            f"{currency:<10}{percent(result.mape[currency]):<9}"
            f"{percent(result.weighted_abs_error[currency])}"
        )
    print(f"method: {result.method}")

    usd = [i for i in invoices if i.currency == "USD"]
    usd_numbers = {i.invoice_number for i in usd}
    metrics = receivables_metrics(
        usd,
        [a for a in adjustments if a.invoice_number in usd_numbers],
        [p for p in payments if p.currency == "USD"],
        as_of,
    )
    print(
        f"\nUSD as of {as_of}: ending AR {money(metrics.ending_ar, 'USD')}, current "
        f"{money(metrics.current_ar, 'USD')}; DSO {metrics.dso_standard} (standard, "
        f"{metrics.period_days} days), {metrics.dso_countback} (countback); best possible "
        f"{metrics.best_possible_dso}; ADD {metrics.average_days_delinquent}; CEI {metrics.cei}"
    )
    by_number = {i.invoice_number: i for i in invoices}
    forecast = forecast_receipts(open_invoices, customers, payments, by_number, as_of)
    expected = forecast.expected.get("USD", {})
    print(
        "USD receipts expected: "
        + ", ".join(f"{label} days {money(amount, 'USD')}" for label, amount in expected.items())
        + f"; {len(forecast.doubtful)} invoices doubtful (over 120 days past due)"
    )
    rates = forecast.rates.get("USD", {})
    if rates:
        print("USD collection curve (the portfolio's share collected in each window):")
        print(f"  {'segment':<24}" + "".join(f"{label:>9}" for label in forecast.buckets))
        for segment, by_window in rates.items():
            print(
                f"  {segment:<24}"
                + "".join(f"{by_window.get(label, '-')!s:>9}" for label in forecast.buckets)
            )


if __name__ == "__main__":
    main()
