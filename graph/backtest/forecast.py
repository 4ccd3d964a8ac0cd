"""The receipts forecast backtested on the books: at a cutoff in each past month, what it
expected to be paid in the next ``horizon`` days against what was paid
(``graph.ar.forecast_backtest.backtest``, the same function ``benchmarks/forecast.py`` measures)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from graph.ar.forecast_backtest import backtest
from graph.backtest.history import Books


def monthly_cutoffs(as_of: date, months: int) -> list[date]:
    """The same day of each of the last ``months`` months, oldest first."""
    cutoffs = []
    year, month = as_of.year, as_of.month
    for _ in range(months):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        cutoffs.append(date(year, month, min(as_of.day, 28)))
    return sorted(cutoffs)


def backtest_forecast(books: Books, today: date, months: int, horizon: int = 30) -> dict[str, Any]:
    """Forecast error per currency over the monthly cutoffs whose horizon has passed."""
    cutoffs = [c for c in monthly_cutoffs(today, months) if c + timedelta(days=horizon) <= today]
    if not cutoffs:
        return {"horizon_days": horizon, "cutoffs": [], "currencies": {}, "rows": []}
    result = backtest(
        books.invoices, books.payments, cutoffs, horizon, adjustments=books.adjustments
    )
    return {
        "horizon_days": horizon,
        "cutoffs": [c.isoformat() for c in cutoffs],
        "currencies": {
            currency: {
                "mape": _number(result.mape[currency]),
                "weighted_abs_error": _number(result.weighted_abs_error[currency]),
            }
            for currency in result.mape
        },
        "rows": [
            {
                "cutoff": r.cutoff.isoformat(),
                "currency": r.currency,
                "open_ar": str(r.open_ar),
                "forecast": str(r.forecast),
                "actual": str(r.actual),
                "abs_pct_error": _number(r.abs_pct_error),
            }
            for r in result.rows
        ],
        "method": result.method,
    }


def _number(value: Any) -> float | None:
    return None if value is None else float(value)
