"""DSO and CEI of a whole ERP, per currency, over a period ending on a day or on each of several
(a DSO trend): on the local ledger summed from its ``LedgerBook``, on any other ERP from its
records (``graph.ar.metrics``). Both give the same figures
(``tests/graph/ar/test_forecast_book.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

import numpy as np

from graph.ar.ledger_book import LedgerBook, money_of_cents
from graph.ar.metrics import Metrics, Sums, metrics_from, receivables_metrics
from integrations.erp.port import ErpClient, is_local_ledger


def book_metrics(
    erp: ErpClient, as_of: date, period_days: int = 90, book: LedgerBook | None = None
) -> dict[str, Metrics]:
    """Each currency's metrics over the ``period_days`` days ending on ``as_of``."""
    return book_metrics_at(erp, [as_of], period_days, book)[as_of]


def book_metrics_at(
    erp: ErpClient,
    moments: Sequence[date],
    period_days: int = 90,
    book: LedgerBook | None = None,
) -> dict[date, dict[str, Metrics]]:
    """``book_metrics`` at each of ``moments`` (a DSO trend), the book read once."""
    if book is None:
        if not is_local_ledger(erp):
            return _metrics_from_records(erp, moments, period_days)
        book = LedgerBook.read(erp)
    found: dict[date, dict[str, Metrics]] = {}
    for as_of in moments:
        start = as_of - timedelta(days=period_days - 1)
        sums = _period_sums(book, start.toordinal(), as_of.toordinal())
        by_month = _sales_by_month(book, as_of.toordinal())
        found[as_of] = {
            currency: metrics_from(
                currency,
                as_of,
                period_days,
                Sums(*(money_of_cents(cents) for cents in sums[currency])),
                by_month.get(currency, {}),
            )
            for currency in sorted(sums)
        }
    return found


def _period_sums(book: LedgerBook, start: int, as_of: int) -> dict[str, list[int]]:
    """Per currency with invoices dated by ``as_of``: AR the day before ``start`` and at the
    end of ``as_of`` (each invoice's amount less what was applied or credited to it by then,
    never below zero), sales, collections and credits of the period, and the current part of
    the ending AR (due on or after ``as_of``) — as ``graph.ar.metrics`` adds up records."""
    n, codes = len(book.amount), len(book.currencies)
    day_before = start - 1
    ev_invoice = np.concatenate((book.applied_invoice, book.credit_invoice))
    ev_day = np.concatenate((book.applied_day, book.credit_day))
    ev_cents = np.concatenate((book.applied_cents, book.credit_cents))
    ev_cash = np.concatenate(
        (np.ones(len(book.applied_day), bool), np.zeros(len(book.credit_day), bool))
    )
    ours = ev_invoice >= 0
    ev_invoice, ev_day, ev_cents, ev_cash = (
        ev_invoice[ours],
        ev_day[ours],
        ev_cents[ours],
        ev_cash[ours],
    )

    def left(by: int) -> np.ndarray:
        taken = np.zeros(n, np.int64)
        seen = ev_day <= by
        np.add.at(taken, ev_invoice[seen], ev_cents[seen])
        return np.maximum(book.amount - taken, 0)

    def per_currency(mask: np.ndarray, values: np.ndarray) -> list[int]:
        totals = np.zeros(codes, np.int64)
        np.add.at(totals, book.code[mask], values[mask])
        return totals.tolist()

    dated = book.issued <= as_of
    before = book.issued <= day_before
    left_end = left(as_of)
    ev_dated = dated[ev_invoice] & (ev_day >= start) & (ev_day <= as_of)
    ev_code = book.code[ev_invoice]
    collected, credited = np.zeros(codes, np.int64), np.zeros(codes, np.int64)
    np.add.at(collected, ev_code[ev_dated & ev_cash], ev_cents[ev_dated & ev_cash])
    np.add.at(credited, ev_code[ev_dated & ~ev_cash], ev_cents[ev_dated & ~ev_cash])
    columns = (
        per_currency(before, left(day_before)),
        per_currency(dated & (book.issued >= start), book.amount),
        collected.tolist(),
        credited.tolist(),
        per_currency(dated, left_end),
        per_currency(dated & (book.due >= as_of), left_end),
    )
    counted = np.bincount(book.code[dated], minlength=codes)
    return {
        currency: [column[c] for column in columns]
        for currency, c in book.currencies.items()
        if counted[c]
    }


def _sales_by_month(book: LedgerBook, as_of: int) -> dict[str, dict[date, Decimal]]:
    """Per currency, month start → sales of the invoices dated by ``as_of``."""
    dated = book.issued <= as_of
    days, where = np.unique(book.issued[dated], return_inverse=True)
    month_of = [date.fromordinal(d).replace(day=1) for d in days.tolist()]
    months = sorted(set(month_of))
    month_index = np.array([months.index(m) for m in month_of], np.int64).reshape(len(days))
    codes = len(book.currencies)
    totals = np.zeros((codes, len(months)), np.int64)
    np.add.at(totals, (book.code[dated], month_index[where]), book.amount[dated])
    found: dict[str, dict[date, Decimal]] = {}
    for currency, c in book.currencies.items():
        row = totals[c].tolist()
        sold = {
            month: money_of_cents(cents) for month, cents in zip(months, row, strict=True) if cents
        }
        if sold:
            found[currency] = sold
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
