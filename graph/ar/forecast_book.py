"""DSO, CEI and the receipts forecast of a whole ERP, per currency: on the local ledger from SQL
sums and narrow reads (``integrations.erp.local.report_sums``), no record made; on any other ERP
from its records. Both give the same figures (``tests/graph/ar/test_forecast_book.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np

from graph.ar.forecast import METHOD, forecast_receipts
from graph.ar.forecast_curve import history as curve_history
from graph.ar.forecast_curve import labels_of, learn_curves
from graph.ar.forecast_place import OpenItems, expect
from graph.ar.metrics import ZERO, Metrics, Sums, metrics_from, receivables_metrics
from integrations.erp.port import ErpClient

TENTH = Decimal("0.1")


def _is_local(erp: object) -> bool:
    return getattr(erp, "name", None) == "local" and hasattr(erp, "engine")


def _money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2).quantize(Decimal("0.01"))


# --- DSO and CEI ---------------------------------------------------------------------------


def book_metrics(erp: ErpClient, as_of: date, period_days: int = 90) -> dict[str, Metrics]:
    """Each currency's metrics over the ``period_days`` days ending on ``as_of``."""
    return book_metrics_at(erp, [as_of], period_days)[as_of]


def book_metrics_at(
    erp: ErpClient, moments: Sequence[date], period_days: int = 90
) -> dict[date, dict[str, Metrics]]:
    """``book_metrics`` at each of ``moments`` (a DSO trend), the book read once."""
    if not _is_local(erp):
        return _metrics_from_records(erp, moments, period_days)
    from integrations.erp.local import report_sums

    engine: Any = erp.engine  # type: ignore[attr-defined]
    periods = [(as_of - timedelta(days=period_days - 1), as_of) for as_of in moments]
    daily = report_sums.daily_sales(engine, max(moments, default=date.min))
    found: dict[date, dict[str, Metrics]] = {}
    for as_of, rows in report_sums.receivable_sums(engine, periods).items():
        by_month: dict[str, dict[date, Decimal]] = {}
        for currency, day, cents in daily:
            if day <= as_of:
                months = by_month.setdefault(currency, {})
                month = day.replace(day=1)
                months[month] = months.get(month, ZERO) + _money(cents)
        found[as_of] = {
            row.currency: metrics_from(
                row.currency,
                as_of,
                period_days,
                Sums(*(_money(cents) for cents in row[1:])),
                by_month.get(row.currency, {}),
            )
            for row in sorted(rows)
        }
    return found


def _metrics_from_records(
    erp: ErpClient, moments: Sequence[date], period_days: int
) -> dict[date, dict[str, Metrics]]:
    invoices = erp.invoices(open_only=False)
    adjustments = erp.adjustments()
    payments = erp.payments()
    found: dict[date, dict[str, Metrics]] = {}
    for as_of in moments:
        found[as_of] = {
            currency: receivables_metrics(
                [i for i in invoices if i.currency == currency],
                [a for a in adjustments if a.currency == currency],
                [p for p in payments if p.currency == currency],
                as_of,
                period_days,
            )
            for currency in sorted({i.currency for i in invoices if i.invoice_date <= as_of})
        }
    return found


# --- the receipts forecast -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ForecastTotals:
    """The forecast's totals, as the DSO report and the digest show them."""

    as_of: date
    buckets: tuple[str, ...]
    expected: dict[str, dict[str, Decimal]]  # currency → window → Σ balance × probability
    doubtful: dict[str, Decimal]  # currency → open more than 120 days past due, left out
    method: str = METHOD


def book_forecast(
    erp: ErpClient, as_of: date, horizons: Sequence[int] = (30, 60, 90)
) -> ForecastTotals:
    """What the whole book's open invoices are expected to bring in, window by window."""
    if not _is_local(erp):
        return _forecast_from_records(erp, as_of, horizons)
    from integrations.erp.local import report_sums

    engine: Any = erp.engine  # type: ignore[attr-defined]
    rows = sorted(report_sums.forecast_invoices(engine))
    numbers, customer_ids, currencies, issued, due, amount, balance = (
        (list(column) for column in zip(*rows, strict=True))
        if rows
        else ([], [], [], [], [], [], [])
    )
    pairs: dict[tuple[str, str], int] = {}
    codes: dict[str, int] = {}
    accounts = list(zip(customer_ids, currencies, strict=True))
    pair = np.array([pairs.setdefault(a, len(pairs)) for a in accounts], dtype=np.int64)
    code = np.array([codes.setdefault(c, len(codes)) for c in currencies], dtype=np.int64)
    issued_days, amount_cents = np.array(issued, np.int64), np.array(amount, np.int64)
    balance_cents = np.array(balance, np.int64)
    index = {number: k for k, number in enumerate(numbers)}
    cash = [
        (index[n], day, cents)
        for n, day, cents in report_sums.known_cash(engine, as_of)
        if n in index
    ]
    cash_rows = np.array(cash, dtype=np.int64).reshape(-1, 3)
    cash_invoice, cash_day, cash_cents = cash_rows[:, 0], cash_rows[:, 1], cash_rows[:, 2]
    # What an invoice lost other than to cash: credited on its last payment's day (or issue).
    paid = np.bincount(cash_invoice, cash_cents, minlength=len(numbers)).astype(np.int64)
    last_paid = issued_days.copy()
    np.maximum.at(last_paid, cash_invoice, cash_day)
    has_cash = np.bincount(cash_invoice, minlength=len(numbers)) > 0
    credit_day = np.where(has_cash, last_paid, issued_days)
    credited = amount_cents - balance_cents - paid
    credits = np.flatnonzero(credited > 0)
    history = curve_history(
        list(pairs),
        list(codes),
        pair,
        code,
        issued_days,
        np.array(due, np.int64),
        amount_cents,
        np.concatenate((cash_invoice, credits)),
        np.concatenate((cash_day, credit_day[credits])),
        np.concatenate((cash_cents, credited[credits])),
        np.concatenate((np.ones(len(cash_invoice), bool), np.zeros(len(credits), bool))),
    )
    curves = learn_curves(history, as_of.toordinal(), horizons)
    by_customer: dict[str, list[int]] = {}
    by_currency: dict[str, list[int]] = {}
    for customer_id, currency, weighted, total in report_sums.paying_habits(engine, as_of):
        for sums in (
            by_customer.setdefault(customer_id, [0, 0]),
            by_currency.setdefault(currency, [0, 0]),
        ):
            sums[0] += weighted
            sums[1] += total
    habits = {k: _average(w, t) for k, (w, t) in by_customer.items() if t}
    portfolio = {k: _average(w, t) if t else None for k, (w, t) in by_currency.items()}
    is_open = np.flatnonzero(balance_cents > 0)
    items = OpenItems(
        customer_ids=[customer_ids[k] for k in is_open.tolist()],
        currencies=[currencies[k] for k in is_open.tolist()],
        due=np.array(due, np.int64)[is_open],
        balance=balance_cents[is_open],
    )
    placed = expect(items, habits, portfolio, curves, as_of, horizons)
    labels = labels_of(horizons)
    expected: dict[str, dict[str, Decimal]] = {}
    doubtful: dict[str, Decimal] = {}
    open_code = code[is_open]
    counted = placed.segment >= 0
    for currency, c in codes.items():
        mine = open_code == c
        if (mine & counted).any():
            totals = placed.cents[mine & counted].sum(axis=0).tolist()
            expected[currency] = {label: _money(v) for label, v in zip(labels, totals, strict=True)}
        if (mine & ~counted).any():
            doubtful[currency] = _money(int(items.balance[mine & ~counted].sum()))
    return ForecastTotals(
        as_of=as_of,
        buckets=labels,
        expected=dict(sorted(expected.items())),
        doubtful=doubtful,
    )


def _average(weighted: int, total: int) -> Decimal:
    """As ``graph.ar.payers.paying_habit`` rounds it: the amount-weighted days, to 0.1."""
    return (Decimal(weighted) / Decimal(total)).quantize(TENTH, ROUND_HALF_UP)


def _forecast_from_records(erp: ErpClient, as_of: date, horizons: Sequence[int]) -> ForecastTotals:
    every = erp.invoices(open_only=False)
    outlook = forecast_receipts(
        [i for i in every if i.balance > 0],
        [],
        erp.payments(),
        {i.invoice_number: i for i in every},
        as_of,
        horizons,
    )
    doubtful: dict[str, Decimal] = {}
    for receipt in outlook.doubtful:
        doubtful[receipt.currency] = doubtful.get(receipt.currency, ZERO) + receipt.balance
    return ForecastTotals(as_of, outlook.buckets, outlook.expected, doubtful, outlook.method)
