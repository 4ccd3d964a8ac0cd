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
    invoices = report_sums.forecast_invoices(engine)
    n = len(invoices.numbers)
    pairs: dict[tuple[str, str], int] = {}
    pair = np.fromiter(
        (
            pairs.setdefault(a, len(pairs))
            for a in zip(invoices.customer_ids, invoices.currencies, strict=True)
        ),
        dtype=np.int64,
        count=n,
    )
    codes: dict[str, int] = {}
    pair_code = np.array([codes.setdefault(c, len(codes)) for _, c in pairs], dtype=np.int64)
    code = pair_code[pair]
    issued_days, due_days = np.array(invoices.issued, np.int64), np.array(invoices.due, np.int64)
    amount_cents = np.array(invoices.amount, np.int64)
    balance_cents = np.array(invoices.balance, np.int64)
    index = {number: k for k, number in enumerate(invoices.numbers)}
    cash = report_sums.known_cash(engine, as_of)
    cash_all = np.fromiter(
        (index.get(number, -1) for number in cash.invoices),
        dtype=np.int64,
        count=len(cash.invoices),
    )
    applied = np.array(cash.applied, np.int64)
    applied_cents = np.array(cash.cents, np.int64)
    ours = cash_all >= 0
    cash_invoice, cash_day, cash_cents = cash_all[ours], applied[ours], applied_cents[ours]
    # What an invoice lost other than to cash: credited on its last payment's day (or issue).
    paid = np.zeros(n, np.int64)
    np.add.at(paid, cash_invoice, cash_cents)
    last_paid = issued_days.copy()
    np.maximum.at(last_paid, cash_invoice, cash_day)
    has_cash = np.bincount(cash_invoice, minlength=n) > 0
    credit_day = np.where(has_cash, last_paid, issued_days)
    credited = amount_cents - balance_cents - paid
    credits = np.flatnonzero(credited > 0)
    history = curve_history(
        list(pairs),
        list(codes),
        pair,
        code,
        issued_days,
        due_days,
        amount_cents,
        np.concatenate((cash_invoice, credits)),
        np.concatenate((cash_day, credit_day[credits])),
        np.concatenate((cash_cents, credited[credits])),
        np.concatenate((np.ones(len(cash_invoice), bool), np.zeros(len(credits), bool))),
    )
    curves = learn_curves(history, as_of.toordinal(), horizons)
    habits, portfolio = _paying_habits(cash, cash_all, due_days)
    is_open = np.flatnonzero(balance_cents > 0)
    accounts = list(pairs)
    items = OpenItems(accounts, pair[is_open], due_days[is_open], balance_cents[is_open])
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


def _paying_habits(
    cash: Any, invoice: np.ndarray, due_days: np.ndarray
) -> tuple[dict[str, Decimal], dict[str, Decimal | None]]:
    """As ``graph.ar.payers`` learns them: per paying customer, and per payment currency, the
    amount-weighted days between due date and receipt of what its payments applied."""
    payers: dict[tuple[str, str], int] = {}
    payer = np.fromiter(
        (payers.setdefault(k, len(payers)) for k in zip(cash.payers, cash.currencies, strict=True)),
        dtype=np.int64,
        count=len(cash.payers),
    )
    cents = np.array(cash.cents, np.int64)
    days = np.array(cash.received, np.int64) - due_days[np.maximum(invoice, 0)]
    known = invoice >= 0
    weighted, total = np.zeros(len(payers), np.int64), np.zeros(len(payers), np.int64)
    np.add.at(weighted, payer[known], (cents * days)[known])
    np.add.at(total, payer[known], cents[known])
    by_customer: dict[str, list[int]] = {}
    by_currency: dict[str, list[int]] = {}
    for (customer_id, currency), w, t in zip(
        payers, weighted.tolist(), total.tolist(), strict=True
    ):
        for sums in (
            by_customer.setdefault(customer_id, [0, 0]),
            by_currency.setdefault(currency, [0, 0]),
        ):
            sums[0] += w
            sums[1] += t
    habits = {k: _average(w, t) for k, (w, t) in by_customer.items() if t}
    portfolio = {k: _average(w, t) if t else None for k, (w, t) in by_currency.items()}
    return habits, portfolio


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
