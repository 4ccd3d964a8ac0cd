"""The receipts forecast's backtest: forecast as of past cutoffs with only what was known then,
and compare with what customers really paid (``benchmarks/forecast.py`` runs it on the demo
company and on ``benchmarks/history_model.py``'s histories)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from graph.ar.forecast import habits_of, history_of, items_of
from graph.ar.forecast_curve import learn_curves
from graph.ar.forecast_place import expect
from graph.ar.metrics import HUNDRED, ZERO, reductions, taken_by, tenth
from integrations.erp.records import Adjustment, Invoice, Payment


@dataclass(frozen=True, slots=True)
class BacktestRow:
    cutoff: date
    currency: str
    open_ar: Decimal  # open at the end of the cutoff day
    open_invoices: int
    forecast: Decimal  # expected in (cutoff, cutoff + horizon]
    actual: Decimal  # applied in that window to the invoices open at the cutoff
    error: Decimal  # forecast − actual
    abs_pct_error: Decimal | None  # |error| ÷ actual × 100; None when nothing was paid


@dataclass(frozen=True, slots=True)
class Backtest:
    horizon_days: int
    rows: tuple[BacktestRow, ...]  # by cutoff, then currency
    mape: dict[str, Decimal | None]  # currency → mean of abs_pct_error over the cutoffs
    weighted_abs_error: dict[str, Decimal | None]  # currency → Σ|error| ÷ Σ actual × 100
    method: str


def backtest(
    all_invoices: Sequence[Invoice],
    payments: Sequence[Payment],
    cutoffs: Sequence[date],
    horizon_days: int = 30,
    *,
    adjustments: Sequence[Adjustment] = (),
    habits_from: str = "payments",
) -> Backtest:
    """Forecast as of each past cutoff with only what was known then, and compare.

    At cutoff T: the invoices dated up to T, less what was applied or credited up to T, are what
    was open; the habits come from payments received up to T and the collection curve from the
    applications and credits dated up to T (its newest snapshot is T − horizon_days, so that
    what it saw collected was collected by T); the forecast is what ``graph.ar.forecast``'s
    model expects in (T, T + horizon_days]; the actual is what was applied to those same
    invoices in that window (invoices issued after T are in neither). ``habits_from``:
    "payments" (each customer's amount-weighted days beyond terms, as the forecast does) or
    "behaviour" (``graph.ar.behaviour``'s expected days beyond terms, for comparison).
    """
    by_number = {i.invoice_number: i for i in all_invoices}
    taken_of = reductions(payments, adjustments)
    history = history_of(all_invoices, taken_of)
    rows = []
    for cutoff in sorted(cutoffs):
        window_end = cutoff + timedelta(days=horizon_days)
        known = [p for p in payments if p.received_on <= cutoff]
        habits, portfolio = habits_of(known, by_number)
        if habits_from == "behaviour":
            habits = _behaviour_habits(all_invoices, taken_of, known, cutoff)
        curves = learn_curves(history, cutoff.toordinal(), (horizon_days,))
        items = []
        actual: dict[str, Decimal] = {}
        open_ar: dict[str, Decimal] = {}
        counts: dict[str, int] = {}
        for invoice in all_invoices:
            if invoice.invoice_date > cutoff:
                continue
            taken = taken_of.get(invoice.invoice_number, ())
            balance = invoice.amount - taken_by(taken, cutoff)
            if balance <= 0:
                continue
            items.append((invoice, balance))
            currency = invoice.currency
            open_ar[currency] = open_ar.get(currency, ZERO) + balance
            counts[currency] = counts.get(currency, 0) + 1
            paid = sum(
                (amount for on, amount, cash in taken if cash and cutoff < on <= window_end),
                ZERO,
            )
            actual[currency] = actual.get(currency, ZERO) + paid
        forecast: dict[str, Decimal] = {}
        placed = expect(items_of(items), habits, portfolio, curves, cutoff, (horizon_days,))
        for (invoice, _), cents in zip(items, placed.cents[:, 0].tolist(), strict=True):
            if cents:
                amount = Decimal(cents).scaleb(-2)
                forecast[invoice.currency] = forecast.get(invoice.currency, ZERO) + amount
        for currency in sorted(open_ar):
            expected, paid = forecast.get(currency, ZERO), actual.get(currency, ZERO)
            error = expected - paid
            rows.append(
                BacktestRow(
                    cutoff=cutoff,
                    currency=currency,
                    open_ar=open_ar[currency],
                    open_invoices=counts[currency],
                    forecast=expected,
                    actual=paid,
                    error=error,
                    abs_pct_error=tenth(abs(error) / paid * HUNDRED) if paid else None,
                )
            )
    mape: dict[str, Decimal | None] = {}
    weighted: dict[str, Decimal | None] = {}
    for currency in sorted({r.currency for r in rows}):
        mine = [r for r in rows if r.currency == currency]
        pct = [abs(r.error) / r.actual * HUNDRED for r in mine if r.actual]
        mape[currency] = tenth(sum(pct, Decimal(0)) / len(pct)) if pct else None
        paid_total = sum((r.actual for r in mine), ZERO)
        weighted[currency] = (
            tenth(sum((abs(r.error) for r in mine), ZERO) / paid_total * HUNDRED)
            if paid_total
            else None
        )
    return Backtest(
        horizon_days=horizon_days,
        rows=tuple(rows),
        mape=mape,
        weighted_abs_error=weighted,
        method=(
            f"at each cutoff T: invoices dated ≤ T less applications and credits ≤ T; habits "
            f"from payments received ≤ T; collection curve from snapshots ≤ T − {horizon_days} "
            f"days; forecast for (T, T+{horizon_days}] against the applications to those "
            "invoices in that window. MAPE = mean |F − A| ÷ A × 100 over cutoffs; weighted = "
            "Σ|F − A| ÷ ΣA × 100"
        ),
    )


def _behaviour_habits(
    invoices: Sequence[Invoice],
    taken_of: dict[str, list[tuple[date, Decimal, bool]]],
    known: Sequence[Payment],
    cutoff: date,
) -> dict[str, Decimal]:
    """Each customer's expected days beyond terms from the behaviour model, as of ``cutoff``
    (balances as they stood then)."""
    from dataclasses import replace

    from graph.ar.forecast import behaviour_habits

    as_of_cutoff = [
        replace(
            i, balance=max(i.amount - taken_by(taken_of.get(i.invoice_number, ()), cutoff), ZERO)
        )
        for i in invoices
        if i.invoice_date <= cutoff
    ]
    return behaviour_habits(as_of_cutoff, known, cutoff)
