"""DSO, CEI and the receipts forecast of a whole ERP, per currency: on the local ledger from its
invoices and what reduced them read once as columns (``LedgerBook``: a few narrow reads, summed
with numpy, no record made); on any other ERP from its records. Both give the same figures
(``tests/graph/ar/test_forecast_book.py``)."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import islice, repeat
from typing import Any

import numpy as np

from graph.ar.forecast_curve import history as curve_history
from graph.ar.forecast_curve import labels_of, learn_curves
from graph.ar.forecast_place import METHOD, OpenItems, expect
from graph.ar.metrics import ZERO, Metrics, Sums, metrics_from, receivables_metrics
from integrations.erp.port import ErpClient, is_local_ledger

TENTH = Decimal("0.1")


def _money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class LedgerBook:
    """The local ledger's invoices (in invoice-number order) and everything that reduced them,
    as arrays: day numbers are ``date.toordinal()``, money in cents. ``pair`` indexes ``pairs``
    (customer, currency), ``code`` indexes ``currencies``. Applications carry their payment's
    customer, currency and day received; credits are the adjustments against an invoice."""

    pairs: dict[tuple[str, str], int]
    currencies: dict[str, int]
    pair: np.ndarray
    code: np.ndarray
    issued: np.ndarray
    due: np.ndarray
    amount: np.ndarray
    balance: np.ndarray
    applied_invoice: np.ndarray  # −1: an invoice not in the book
    applied_day: np.ndarray
    applied_cents: np.ndarray
    applied_received: np.ndarray
    payers: list[tuple[str, str]]  # (customer, currency) of the payments
    payer: np.ndarray  # per application, an index into ``payers``
    credit_invoice: np.ndarray
    credit_day: np.ndarray
    credit_cents: np.ndarray

    @classmethod
    def read(cls, erp: Any) -> LedgerBook:
        from integrations.erp.local import report_sums

        engine = erp.engine
        invoices = report_sums.invoice_columns(engine)
        numbers, accounts = invoices.texts
        issued, due, amount, balance = _integers(invoices, days=2)
        # In invoice-number order (code points), as the records come: the curve sums in this
        # order (the database sorts them; a collation that does not is made up for here).
        if any(map(operator.ge, numbers, islice(numbers, 1, None))):
            order = np.argsort(np.array(numbers, dtype=str), kind="stable")
            numbers = [numbers[k] for k in order.tolist()]
            accounts = [accounts[k] for k in order.tolist()]
            issued, due, amount, balance = (c[order] for c in (issued, due, amount, balance))
        pairs, pair = _codes(accounts)
        currencies: dict[str, int] = {}
        pair_code = np.array(
            [currencies.setdefault(c, len(currencies)) for _, c in pairs], np.int64
        ).reshape(len(pairs))
        index = dict(zip(numbers, range(len(numbers)), strict=True))
        cash = report_sums.application_columns(engine)
        applied_to, payer_accounts = cash.texts
        applied_day, applied_received, applied_cents = _integers(cash, days=2)
        payers, payer = _codes(payer_accounts)
        credits = _table(report_sums.credit_rows(engine), _CREDIT)
        return cls(
            pairs=pairs,
            currencies=currencies,
            pair=pair,
            code=pair_code[pair],
            issued=issued,
            due=due,
            amount=amount,
            balance=balance,
            applied_invoice=_positions(applied_to, index),
            applied_day=applied_day,
            applied_cents=applied_cents,
            applied_received=applied_received,
            payers=list(payers),
            payer=payer,
            credit_invoice=_positions(credits["invoice"].tolist(), index),
            credit_day=_ordinals(credits["on"]),
            credit_cents=credits["cents"].copy(),
        )

    def aging(self, as_of: date) -> dict[str, tuple[int, ...]]:
        """Open balances per currency in the aging buckets (cents), aged by due date: what
        ``report_sums.aging_by_currency`` sums in SQL."""
        from integrations.erp.records import AGING_BUCKETS

        is_open = self.balance > 0
        days = as_of.toordinal() - self.due[is_open]
        uppers = np.array([upper for _, upper in AGING_BUCKETS if upper is not None])
        bucket = np.searchsorted(uppers, days, side="left")
        totals = np.zeros((len(self.currencies), len(AGING_BUCKETS)), np.int64)
        np.add.at(totals, (self.code[is_open], bucket), self.balance[is_open])
        counted = np.bincount(self.code[is_open], minlength=len(self.currencies))
        rows = totals.tolist()
        return {c: tuple(rows[k]) for c, k in self.currencies.items() if counted[k]}


# The adjustments' rows of ``integrations.erp.local.report_sums`` as numpy records: dates parsed
# in C (ISO text on SQLite, dates on PostgreSQL), strings kept as Python strings.
_CREDIT = np.dtype([("invoice", "O"), ("on", "M8[D]"), ("cents", "i8")])
_ORDINAL_OF_EPOCH = date(1970, 1, 1).toordinal()


def _table(rows: list[tuple[Any, ...]], dtype: np.dtype) -> np.ndarray:
    return np.array(rows, dtype=dtype).reshape(len(rows))


def _integers(columns: Any, days: int) -> list[np.ndarray]:
    """The integer columns of a ``report_sums.Columns`` as arrays, parsed in C; the first
    ``days`` of them are days since 1970-01-01, made ``date.toordinal()``."""
    from integrations.erp.local.report_sums import SEPARATOR

    found = []
    for k, text in enumerate(columns.integers):
        values = np.fromstring(text, dtype=np.int64, sep=SEPARATOR)
        if len(values) != columns.count:
            raise ValueError(f"read {len(values)} values of {columns.count}")
        found.append(values + _ORDINAL_OF_EPOCH if k < days else values)
    return found


def _ordinals(days: np.ndarray) -> np.ndarray:
    """``date.toordinal()`` of each day."""
    return days.astype(np.int64) + _ORDINAL_OF_EPOCH


def _codes(accounts: list[str]) -> tuple[dict[tuple[str, str], int], np.ndarray]:
    """Each distinct account (``report_sums.account_key``) as (customer, currency), numbered in
    the order first seen, and each row's number (``dict.fromkeys`` and ``map`` loop in C)."""
    from integrations.erp.local.report_sums import ACCOUNT

    numbers = {key: k for k, key in enumerate(dict.fromkeys(accounts))}
    codes = np.fromiter(map(numbers.__getitem__, accounts), np.int64, len(accounts))
    pairs = {}
    for key, k in numbers.items():
        customer_id, _, currency = key.rpartition(ACCOUNT)
        pairs[(customer_id, currency)] = k
    return pairs, codes


def _positions(numbers: Sequence[str], index: dict[str, int]) -> np.ndarray:
    return np.fromiter(map(index.get, numbers, repeat(-1)), np.int64, count=len(numbers))


def read_ledger_book(erp: ErpClient) -> LedgerBook | None:
    """The local ledger's ``LedgerBook`` (for ``book_metrics_at`` and ``book_forecast`` to share
    one read); None for any other ERP."""
    return LedgerBook.read(erp) if is_local_ledger(erp) else None


# --- DSO and CEI ---------------------------------------------------------------------------


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
                Sums(*(_money(cents) for cents in sums[currency])),
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
        sold = {month: _money(cents) for month, cents in zip(months, row, strict=True) if cents}
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
