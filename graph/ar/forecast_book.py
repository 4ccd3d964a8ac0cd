"""The receipts forecast of a whole ERP, per currency and window (``ForecastTotals``, as the DSO
report and the digest show it): on the local ledger from its ``LedgerBook`` (the collection
curves, the paying habits and the open invoices' places summed with numpy), on any other ERP
from its records (``graph.ar.forecast``). Both give the same figures
(``tests/graph/ar/test_forecast_book.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from graph.ar.forecast_curve import history as curve_history
from graph.ar.forecast_curve import labels_of, learn_curves
from graph.ar.forecast_place import METHOD, OpenItems, expect
from graph.ar.ledger_book import LedgerBook, money_of_cents
from graph.ar.metrics import ZERO
from integrations.erp.port import ErpClient, is_local_ledger

TENTH = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class ForecastTotals:
    """The forecast's totals, as the DSO report and the digest show them."""

    as_of: date
    buckets: tuple[str, ...]
    expected: dict[str, dict[str, Decimal]]  # currency → window → Σ balance × probability
    doubtful: dict[str, Decimal]  # currency → open more than 120 days past due, left out
    method: str = METHOD


def book_forecast(
    erp: ErpClient,
    as_of: date,
    horizons: Sequence[int] = (30, 60, 90),
    book: LedgerBook | None = None,
) -> ForecastTotals:
    """What the whole book's open invoices are expected to bring in, window by window."""
    if book is None:
        if not is_local_ledger(erp):
            return _forecast_from_records(erp, as_of, horizons)
        book = LedgerBook.read(erp)
    n = len(book.amount)
    today = as_of.toordinal()
    # The cash the payments received by ``as_of`` applied.
    known = (book.applied_received <= today) & (book.applied_invoice >= 0)
    cash_invoice = book.applied_invoice[known]
    cash_day, cash_cents = book.applied_day[known], book.applied_cents[known]
    # What an invoice lost other than to cash: credited on its last payment's day (or issue).
    paid = np.zeros(n, np.int64)
    np.add.at(paid, cash_invoice, cash_cents)
    last_paid = book.issued.copy()
    np.maximum.at(last_paid, cash_invoice, cash_day)
    has_cash = np.bincount(cash_invoice, minlength=n) > 0
    credit_day = np.where(has_cash, last_paid, book.issued)
    credited = book.amount - book.balance - paid
    credits = np.flatnonzero(credited > 0)
    history = curve_history(
        list(book.pairs),
        list(book.currencies),
        book.pair,
        book.code,
        book.issued,
        book.due,
        book.amount,
        np.concatenate((cash_invoice, credits)),
        np.concatenate((cash_day, credit_day[credits])),
        np.concatenate((cash_cents, credited[credits])),
        np.concatenate((np.ones(len(cash_invoice), bool), np.zeros(len(credits), bool))),
    )
    curves = learn_curves(history, today, horizons)
    habits, portfolio = _paying_habits(book, book.applied_received <= today)
    is_open = np.flatnonzero(book.balance > 0)
    items = OpenItems(
        list(book.pairs), book.pair[is_open], book.due[is_open], book.balance[is_open]
    )
    placed = expect(items, habits, portfolio, curves, as_of, horizons)
    labels = labels_of(horizons)
    expected: dict[str, dict[str, Decimal]] = {}
    doubtful: dict[str, Decimal] = {}
    open_code = book.code[is_open]
    counted = placed.segment >= 0
    for currency, c in book.currencies.items():
        mine = open_code == c
        if (mine & counted).any():
            totals = placed.cents[mine & counted].sum(axis=0).tolist()
            expected[currency] = {
                label: money_of_cents(v) for label, v in zip(labels, totals, strict=True)
            }
        if (mine & ~counted).any():
            doubtful[currency] = money_of_cents(int(items.balance[mine & ~counted].sum()))
    return ForecastTotals(
        as_of=as_of,
        buckets=labels,
        expected=dict(sorted(expected.items())),
        doubtful=doubtful,
    )


def _paying_habits(
    book: LedgerBook, known: np.ndarray
) -> tuple[dict[str, Decimal], dict[str, Decimal | None]]:
    """As ``graph.ar.payers`` learns them from the ``known`` applications: per paying customer,
    and per payment currency, the amount-weighted days between due date and receipt."""
    known = known & (book.applied_invoice >= 0)
    payer = book.payer[known]
    cents = book.applied_cents[known]
    days = book.applied_received[known] - book.due[book.applied_invoice[known]]
    weighted = np.zeros(len(book.payers), np.int64)
    total = np.zeros(len(book.payers), np.int64)
    np.add.at(weighted, payer, cents * days)
    np.add.at(total, payer, cents)
    by_customer: dict[str, list[int]] = {}
    by_currency: dict[str, list[int]] = {}
    sums = zip(book.payers, weighted.tolist(), total.tolist(), strict=True)
    for (customer_id, currency), w, t in sums:
        if not t:
            continue
        for found in (
            by_customer.setdefault(customer_id, [0, 0]),
            by_currency.setdefault(currency, [0, 0]),
        ):
            found[0] += w
            found[1] += t
    habits = {k: _average(w, t) for k, (w, t) in by_customer.items() if t}
    portfolio = {k: _average(w, t) if t else None for k, (w, t) in by_currency.items()}
    return habits, portfolio


def _average(weighted: int, total: int) -> Decimal:
    """As ``graph.ar.payers.paying_habit`` rounds it: the amount-weighted days, to 0.1."""
    return (Decimal(weighted) / Decimal(total)).quantize(TENTH, ROUND_HALF_UP)


def _forecast_from_records(erp: ErpClient, as_of: date, horizons: Sequence[int]) -> ForecastTotals:
    from graph.ar.forecast import forecast_receipts  # the records' forecast: not for the ledger

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
