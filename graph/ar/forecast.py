"""A receipts forecast, and a backtest of it against what customers really paid.

Forecast: an empirical collection curve, learnt from the ledger's own history before the as-of
date. Expected receipts in a window = Σ open balance × the probability of collecting it then.

- The windows are (0, 30], (30, 60] and (60, 90] days after the as-of date (``horizons``).
- The curve's rows (segments): past due by aging bucket (1-30, 31-60, 61-90, 91-120 days), and
  not yet due by days to due (0-15, 16-30, 31-60, 61+).
- The rates: at a snapshot every SNAPSHOT_EVERY_DAYS days over HISTORY_DAYS, each invoice issued
  by then with a balance left (its amount less the applications and credits dated up to then)
  counts in its segment, with what was applied to it in each window after the snapshot. A
  window's rate for a segment is collected ÷ open balance. The window (start, end] uses only
  snapshots up to ``as_of − end``: nothing after the as-of date is seen. A snapshot weighs half
  as much every HALF_LIFE_DAYS further back: collections drift, and the latest months say most
  about the next.
- Shrinkage: a currency's rate is blended with all currencies' rate, and a customer's own rate
  with its currency's, by credibility: the own rate weighs n ÷ (n + k), n the (recency-weighted)
  number of invoices behind it, k = CURRENCY_CREDIBILITY or CUSTOMER_CREDIBILITY. A customer
  with little history gets the portfolio's curve; one with much, mostly its own.
- The customer's habit, for invoices not yet due: a customer that pays its invoices d days
  beyond terms more than its currency's average (``paying_habit``, amount-weighted) has the
  portfolio's rates of invoices due d days later (sooner when it pays earlier; never those of
  past-due invoices); its own history is blended in at its real days to due. The payment-behaviour
  model's expected days beyond terms (``behaviour_habits``: the chance it pays late × how late,
  the rest as its on-time payments) was measured in place of the amount-weighted average
  (``benchmarks/forecast.py --habits-from behaviour``): weighted error on the demo company USD
  39.1% → 35.9% (EUR and GBP better too, CAD worse), on the independent history model 4.6% →
  4.8%. Not better on both, so not adopted: a money forecast keeps the money-weighted habit.
- An invoice's probabilities over the windows add up to at most 1; the rest is the chance of
  its being paid later, or never. So accounts whose old invoices were never paid get the low
  rates that history shows, not an assumed payment.
- A segment and window with no history at all fall back on the due date plus the customer's
  days beyond terms: all of it in that date's window (a date already past: the first window up
  to 90 days past due, the last one at 91-120).
- Invoices more than 120 days past due are left out as doubtful and listed apart.

The curve is learnt on arrays (``graph.ar.forecast_curve``) and every open invoice is placed on
it at once (``expect``): from an ERP's records here, from the local ledger's SQL in
``graph.ar.forecast_book``, with the same numbers. ``graph.ar.forecast_backtest`` measures it.

``expected_on`` is that habit date (due date + days beyond terms) moved into the most likely
window, or after the last window when being paid later (or never) is likelier than any window.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from graph.ar.forecast_curve import (
    DOUBTFUL_AFTER_DAYS,
    SEGMENTS,
    Curves,
    History,
    HistoryBuilder,
    labels_of,
    learn_curves,
    windows_of,
)
from graph.ar.forecast_place import METHOD, OpenItems, Placed, expect
from graph.ar.metrics import ZERO, reductions
from graph.ar.payers import paying_habit
from integrations.erp.records import Customer, Invoice, Payment

CENT = Decimal("0.01")
TENTH = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class ExpectedReceipt:
    invoice_number: str
    customer_id: str
    currency: str
    balance: Decimal
    due_date: date
    days_past_due: int
    expected_on: date | None  # the habit date moved into the most likely window; None: doubtful
    days_beyond_terms: Decimal  # the habit used
    basis: str  # whose habit: customer | portfolio | none
    bucket: str | None  # the most likely window; None when after the last one, or doubtful
    # Window label → the probability of collecting it then, and balance × that probability.
    probabilities: dict[str, Decimal] = field(default_factory=dict)
    expected: dict[str, Decimal] = field(default_factory=dict)
    # The curve's row its portfolio rates come from (not yet due and the customer has a habit:
    # its days to due shifted by how much later than its currency's average it pays); None
    # when doubtful.
    segment: str | None = None
    rates_basis: str = "none"  # whose history set the probabilities: customer | portfolio | none


@dataclass(frozen=True, slots=True)
class CustomerForecast:
    customer_id: str
    name: str
    currency: str
    days_beyond_terms: Decimal
    basis: str  # customer | portfolio | none
    expected: dict[str, Decimal]  # window label → Σ balance × probability
    invoices: dict[str, tuple[str, ...]]  # window label → the invoices expected in part then


@dataclass(frozen=True, slots=True)
class Forecast:
    as_of: date
    buckets: tuple[str, ...]  # the windows: "0-30", "31-60", "61-90" days from as_of
    expected: dict[str, dict[str, Decimal]]  # currency → window → Σ balance × probability
    invoices: dict[str, dict[str, tuple[str, ...]]]  # currency → window → invoices in part
    customers: tuple[CustomerForecast, ...]  # by currency, then largest expected first
    receipts: tuple[ExpectedReceipt, ...]  # every open invoice, doubtful ones included
    later: tuple[ExpectedReceipt, ...]  # likeliest collected after the last window, or never
    doubtful: tuple[ExpectedReceipt, ...]  # more than 120 days past due: left out
    portfolio_days_beyond_terms: dict[str, Decimal | None]  # currency → average
    method: str
    # currency → segment → window → the portfolio's collection rate (before customer history)
    rates: dict[str, dict[str, dict[str, Decimal]]] = field(default_factory=dict)


# --- from an ERP's records ---------------------------------------------------------------------


def habits_of(
    payments: Iterable[Payment], invoices_by_number: Mapping[str, Invoice]
) -> tuple[dict[str, Decimal], dict[str, Decimal | None]]:
    """Days beyond terms per customer, and per currency for the whole portfolio."""
    by_customer: dict[str, list[Payment]] = {}
    by_currency: dict[str, list[Payment]] = {}
    for payment in payments:
        if payment.applications:
            by_customer.setdefault(payment.customer_id, []).append(payment)
            by_currency.setdefault(payment.currency, []).append(payment)
    customers = {}
    for customer_id, paid in by_customer.items():
        beyond = paying_habit(paid, invoices_by_number).days_beyond_terms
        if beyond is not None:
            customers[customer_id] = beyond
    portfolio = {
        currency: paying_habit(paid, invoices_by_number).days_beyond_terms
        for currency, paid in by_currency.items()
    }
    return customers, portfolio


def behaviour_habits(
    invoices: Iterable[Invoice], payments: Iterable[Payment], as_of: date
) -> dict[str, Decimal]:
    """Days beyond terms per customer from the payment-behaviour model (``graph.ar.behaviour``):
    the chance it pays late × how late it then pays, the rest as its on-time payments were."""
    from graph.ar.behaviour import expected_beyond_terms, learn, stats_from_records

    behaviours = learn(stats_from_records(invoices, payments, as_of).values())
    return {
        customer_id: Decimal(expected_beyond_terms(b)).quantize(TENTH, ROUND_HALF_UP)
        for customer_id, b in behaviours.items()
        if b.settled or b.late
    }


def history_of(
    invoices: Iterable[Invoice], taken: Mapping[str, Iterable[tuple[date, Decimal, bool]]]
) -> History:
    """Invoices (sorted by number) and what reduced them, as the curve's arrays."""
    builder = HistoryBuilder()
    every = sorted(invoices, key=lambda i: i.invoice_number)
    for invoice in every:
        builder.invoice(
            invoice.invoice_number,
            invoice.customer_id,
            invoice.currency,
            invoice.invoice_date.toordinal(),
            invoice.due_date.toordinal(),
            _cents(invoice.amount),
        )
    for invoice in every:
        for on, amount, cash in taken.get(invoice.invoice_number, ()):
            builder.event(invoice.invoice_number, on.toordinal(), _cents(amount), cash)
    return builder.build()


def items_of(open_items: Sequence[tuple[Invoice, Decimal]]) -> OpenItems:
    return OpenItems.of(
        [i.customer_id for i, _ in open_items],
        [i.currency for i, _ in open_items],
        np.array([i.due_date.toordinal() for i, _ in open_items], dtype=np.int64),
        np.array([_cents(b) for _, b in open_items], dtype=np.int64),
    )


def _cents(amount: Decimal) -> int:
    return int(amount.scaleb(2).to_integral_value(ROUND_HALF_UP))


def inferred_reductions(
    history: Mapping[str, Invoice], known: Iterable[Payment]
) -> dict[str, list[tuple[date, Decimal, bool]]]:
    """The cash applied by the payments known, and what each invoice lost other than to cash
    (its amount less its balance and that cash) as credited on the day of its last application,
    or on its invoice date without one."""
    taken = reductions(known, ())
    for invoice in history.values():
        cash = taken.get(invoice.invoice_number, [])
        credited = invoice.amount - invoice.balance - sum((a for _, a, _ in cash), ZERO)
        if credited > 0:
            on = max((on for on, _, _ in cash), default=invoice.invoice_date)
            taken.setdefault(invoice.invoice_number, []).append((on, credited, False))
    return taken


def forecast_receipts(
    open_invoices: Iterable[Invoice],
    customers: Iterable[Customer],
    payments: Iterable[Payment],
    invoices_by_number: Mapping[str, Invoice],
    as_of: date,
    horizons: Sequence[int] = (30, 60, 90),
) -> Forecast:
    """What the open invoices are expected to bring in, window by window (see the module
    docstring).

    The history is every invoice of ``invoices_by_number`` (and the open ones) with what the
    ``payments`` received up to ``as_of`` applied to it. Credits are not passed in: what an
    invoice lost other than to cash (its amount less its balance and the cash applied to it) is
    taken as credited on the day of its last application, or on its invoice date without one.
    """
    names = {c.customer_id: c.name for c in customers}
    open_list = list(open_invoices)
    items = [(i, i.balance) for i in open_list if i.balance > 0]
    known = [p for p in payments if p.received_on <= as_of]
    habits, portfolio = habits_of(known, invoices_by_number)
    history = {**invoices_by_number, **{i.invoice_number: i for i in open_list}}
    taken = inferred_reductions(history, known)
    curves = learn_curves(history_of(history.values(), taken), as_of.toordinal(), horizons)
    placed = expect(items_of(items), habits, portfolio, curves, as_of, horizons)
    receipts = receipts_of(items, placed, as_of, horizons)
    return _forecast(receipts, names, portfolio, curves, as_of, horizons)


def receipts_of(
    items: Sequence[tuple[Invoice, Decimal]], placed: Placed, as_of: date, horizons: Sequence[int]
) -> list[ExpectedReceipt]:
    labels, windows = labels_of(horizons), windows_of(horizons)
    receipts = []
    chances, cents = placed.chances.tolist(), placed.cents.tolist()
    beyond, basis, rates_basis = placed.beyond, placed.basis, placed.rates_basis
    for k, (invoice, balance) in enumerate(items):
        segment = int(placed.segment[k])
        expected_on, bucket = None, None
        probabilities: dict[str, Decimal] = {}
        expected: dict[str, Decimal] = {}
        if segment >= 0:
            probabilities = {
                label: Decimal(chances[k][w]).scaleb(-4) for w, label in enumerate(labels)
            }
            expected = {label: Decimal(cents[k][w]).scaleb(-2) for w, label in enumerate(labels)}
            best = int(placed.best[k])
            habit_date = date.fromordinal(int(placed.habit_day[k]))
            if best < 0:
                earliest, latest = as_of + timedelta(days=windows[-1][1] + 1), date.max
            else:
                bucket = labels[best]
                start, end = windows[best]
                earliest, latest = as_of + timedelta(days=start + 1), as_of + timedelta(days=end)
            expected_on = min(max(habit_date, earliest), latest)
        receipts.append(
            ExpectedReceipt(
                invoice_number=invoice.invoice_number,
                customer_id=invoice.customer_id,
                currency=invoice.currency,
                balance=balance,
                due_date=invoice.due_date,
                days_past_due=max((as_of - invoice.due_date).days, 0),
                expected_on=expected_on,
                days_beyond_terms=beyond[k],
                basis=basis[k],
                bucket=bucket,
                probabilities=probabilities,
                expected=expected,
                segment=SEGMENTS[segment] if segment >= 0 else None,
                rates_basis=rates_basis[k],
            )
        )
    return receipts


def _forecast(
    receipts: list[ExpectedReceipt],
    names: Mapping[str, str],
    portfolio: dict[str, Decimal | None],
    curves: Curves,
    as_of: date,
    horizons: Sequence[int],
) -> Forecast:
    labels = labels_of(horizons)
    expected: dict[str, dict[str, Decimal]] = {}
    numbers: dict[str, dict[str, list[str]]] = {}
    # (customer, currency) → (its first receipt, amounts by window, invoice numbers by window)
    rows: dict[tuple[str, str], tuple[ExpectedReceipt, dict[str, Decimal], dict[str, list[str]]]]
    rows = {}
    for receipt in receipts:
        if receipt.segment is None:
            continue  # doubtful
        currency = receipt.currency
        amounts = expected.setdefault(currency, dict.fromkeys(labels, ZERO))
        found = numbers.setdefault(currency, {label: [] for label in labels})
        if not any(receipt.expected.values()):
            continue
        key = (receipt.customer_id, currency)
        if key not in rows:
            rows[key] = (receipt, dict.fromkeys(labels, ZERO), {label: [] for label in labels})
        _, customer_amounts, customer_numbers = rows[key]
        for label, amount in receipt.expected.items():
            if amount:
                amounts[label] += amount
                found[label].append(receipt.invoice_number)
                customer_amounts[label] += amount
                customer_numbers[label].append(receipt.invoice_number)
    customer_rows = [
        CustomerForecast(
            customer_id=first.customer_id,
            name=names.get(first.customer_id, first.customer_id),
            currency=first.currency,
            days_beyond_terms=first.days_beyond_terms,
            basis=first.basis,
            expected=amounts,
            invoices={label: tuple(found) for label, found in invoice_numbers.items()},
        )
        for first, amounts, invoice_numbers in rows.values()
    ]
    customer_rows.sort(key=lambda r: (r.currency, -sum(r.expected.values()), r.customer_id))
    return Forecast(
        as_of=as_of,
        buckets=labels,
        expected=expected,
        invoices={
            currency: {label: tuple(found) for label, found in by_window.items()}
            for currency, by_window in numbers.items()
        },
        customers=tuple(customer_rows),
        receipts=tuple(receipts),
        later=tuple(r for r in receipts if r.bucket is None and r.expected_on is not None),
        doubtful=tuple(r for r in receipts if r.expected_on is None),
        portfolio_days_beyond_terms=portfolio,
        method=METHOD,
        rates=curves.table(labels),
    )


__all__ = [
    "DOUBTFUL_AFTER_DAYS",
    "METHOD",
    "CustomerForecast",
    "ExpectedReceipt",
    "Forecast",
    "OpenItems",
    "expect",
    "forecast_receipts",
]
