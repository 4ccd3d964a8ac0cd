"""Receivables metrics (DSO, best possible DSO, ADD, CEI), a receipts forecast, and a backtest of
that forecast against what customers really paid.

The formulas, as in the AR primer (each result is rounded half up to 0.1; None when there are no
sales to divide by):

- DSO, standard:  ending AR ÷ credit sales in the period × days in the period
- DSO, countback: walk back month by month from the newest, consuming each month's credit sales
  until the ending AR is used up; the days consumed are the DSO
- best possible DSO: current (not yet due) AR ÷ credit sales × days in the period
- average days delinquent (ADD): DSO (standard) − best possible DSO
- CEI: (beginning AR + credit sales − ending total AR) ÷ (beginning AR + credit sales − ending
  current AR) × 100

From records, AR at the end of a day is reconstructed, invoice by invoice: its amount, less the
applications and invoice adjustments (credit memos, write-offs) dated up to that day. Unapplied
cash and credits not tied to an invoice do not reduce it. Metrics work on one currency at a time:
the caller groups the records by currency (mixed currencies raise ValueError).

Forecast: an open invoice is expected on its due date plus its customer's amount-weighted
average days beyond terms (``paying_habit``), or the portfolio's average in that currency when
the customer has no history. Expected dates already past: within the first horizon when the
invoice is at most 90 days past due, within the last horizon when it is 91-120 days past due.
Invoices more than 120 days past due are left out as doubtful and listed apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from graph.ar.payers import paying_habit
from integrations.erp.records import Adjustment, Customer, Invoice, Payment

ZERO = Decimal("0.00")
TENTH = Decimal("0.1")
HUNDRED = Decimal(100)
DOUBTFUL_AFTER_DAYS = 120
FIRST_HORIZON_UNTIL_DAYS = 90


def _tenth(value: Decimal) -> Decimal:
    return value.quantize(TENTH, ROUND_HALF_UP)


# --- the formulas ----------------------------------------------------------------------------


def dso_standard(ending_ar: Decimal, credit_sales: Decimal, days: int) -> Decimal | None:
    """Ending AR ÷ credit sales in the period × days in the period."""
    if not credit_sales:
        return None
    return _tenth(ending_ar / credit_sales * days)


def dso_countback(
    ending_ar: Decimal, monthly_sales_newest_first: Sequence[tuple[int, Decimal]]
) -> Decimal | None:
    """Consume each month's credit sales, newest first, until the ending AR is used up.

    ``monthly_sales_newest_first`` holds (days in the month, credit sales) pairs; the newest
    month may be a partial one (its days so far). A month without sales is passed through whole.
    If the AR is more than all the sales given, the rest is counted at the oldest month's daily
    sales rate. None when no month has sales and there is AR to place.
    """
    remaining = ending_ar
    if remaining <= 0:
        return Decimal("0.0")
    consumed = Decimal(0)
    daily_rate: Decimal | None = None
    for days, sales in monthly_sales_newest_first:
        if sales <= 0:
            consumed += days
            continue
        daily_rate = sales / days
        if remaining <= sales:
            return _tenth(consumed + remaining / sales * days)
        remaining -= sales
        consumed += days
    if daily_rate is None:
        return None
    return _tenth(consumed + remaining / daily_rate)


def best_possible_dso(current_ar: Decimal, credit_sales: Decimal, days: int) -> Decimal | None:
    """Current (not yet due) AR ÷ credit sales × days in the period."""
    return dso_standard(current_ar, credit_sales, days)


def cei(
    beginning_ar: Decimal,
    credit_sales: Decimal,
    ending_total_ar: Decimal,
    ending_current_ar: Decimal,
) -> Decimal | None:
    """(beginning AR + sales − ending total AR) ÷ (beginning AR + sales − ending current AR)
    × 100; None when nothing was collectable."""
    collectable = beginning_ar + credit_sales - ending_current_ar
    if collectable <= 0:
        return None
    return _tenth((beginning_ar + credit_sales - ending_total_ar) / collectable * HUNDRED)


# --- metrics from records --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Metrics:
    currency: str | None  # None when there are no invoices
    as_of: date
    period_start: date  # the period is period_start .. as_of, both days included
    period_days: int
    beginning_ar: Decimal  # open when period_start began
    credit_sales: Decimal  # invoices dated in the period
    collections: Decimal  # applications dated in the period
    credits: Decimal  # invoice adjustments dated in the period
    ending_ar: Decimal  # open at the end of as_of
    current_ar: Decimal  # of which not yet due
    past_due_ar: Decimal
    dso_standard: Decimal | None
    dso_countback: Decimal | None
    best_possible_dso: Decimal | None
    average_days_delinquent: Decimal | None
    cei: Decimal | None
    monthly_sales: tuple[tuple[date, int, Decimal], ...]  # (month start, days, sales) newest first
    methods: dict[str, str]
    sales_invoices: tuple[str, ...]
    open_invoices: tuple[str, ...]


def receivables_metrics(
    all_invoices: Iterable[Invoice],
    adjustments: Iterable[Adjustment],
    payments: Iterable[Payment],
    as_of: date,
    period_days: int = 90,
) -> Metrics:
    """DSO, best possible DSO, ADD and CEI over the ``period_days`` days ending on ``as_of``,
    for one currency (see the module docstring)."""
    invoices = [i for i in all_invoices if i.invoice_date <= as_of]
    currencies = {i.currency for i in invoices}
    if len(currencies) > 1:
        raise ValueError(
            "receivables_metrics works on one currency at a time; got "
            f"{', '.join(sorted(currencies))}: group the records by currency first"
        )
    currency = next(iter(currencies), None)
    start = as_of - timedelta(days=period_days - 1)
    day_before = start - timedelta(days=1)
    reductions = _reductions(payments, adjustments)

    beginning = ending = current = sales = collected = credited = ZERO
    sales_numbers, open_numbers = [], []
    by_month: dict[date, Decimal] = {}
    for invoice in invoices:
        taken = reductions.get(invoice.invoice_number, ())
        if invoice.invoice_date <= day_before:
            beginning += max(invoice.amount - _taken_by(taken, day_before), ZERO)
        else:
            sales += invoice.amount
            sales_numbers.append(invoice.invoice_number)
        month = invoice.invoice_date.replace(day=1)
        by_month[month] = by_month.get(month, ZERO) + invoice.amount
        open_balance = invoice.amount - _taken_by(taken, as_of)
        if open_balance > 0:
            ending += open_balance
            open_numbers.append(invoice.invoice_number)
            if invoice.due_date >= as_of:
                current += open_balance
        for on, amount, is_cash in taken:
            if start <= on <= as_of:
                if is_cash:
                    collected += amount
                else:
                    credited += amount

    months = _months_newest_first(as_of, by_month)
    dso = dso_standard(ending, sales, period_days)
    best = best_possible_dso(current, sales, period_days)
    return Metrics(
        currency=currency,
        as_of=as_of,
        period_start=start,
        period_days=period_days,
        beginning_ar=beginning,
        credit_sales=sales,
        collections=collected,
        credits=credited,
        ending_ar=ending,
        current_ar=current,
        past_due_ar=ending - current,
        dso_standard=dso,
        dso_countback=dso_countback(ending, [(days, amount) for _, days, amount in months]),
        best_possible_dso=best,
        average_days_delinquent=dso - best if dso is not None and best is not None else None,
        cei=cei(beginning, sales, ending, current),
        monthly_sales=tuple(months),
        methods={
            "ar": "open balance of each invoice at the end of the day: amount less applications "
            "and invoice adjustments dated up to then",
            "dso_standard": f"ending AR ÷ credit sales of the {period_days} days "
            f"{start.isoformat()}..{as_of.isoformat()} × {period_days}",
            "dso_countback": "ending AR consumed against credit sales by calendar month, newest "
            f"first ({as_of.strftime('%B')} to date = {as_of.day} days)",
            "best_possible_dso": f"current (not yet due) AR ÷ credit sales × {period_days}",
            "average_days_delinquent": "DSO (standard) − best possible DSO",
            "cei": "(beginning AR + credit sales − ending AR) ÷ (beginning AR + credit sales − "
            "ending current AR) × 100",
        },
        sales_invoices=tuple(sales_numbers),
        open_invoices=tuple(open_numbers),
    )


def _reductions(
    payments: Iterable[Payment], adjustments: Iterable[Adjustment]
) -> dict[str, list[tuple[date, Decimal, bool]]]:
    """Per invoice: (date, amount, is cash) of everything that reduced it."""
    taken: dict[str, list[tuple[date, Decimal, bool]]] = {}
    for payment in payments:
        for application in payment.applications:
            taken.setdefault(application.invoice_number, []).append(
                (application.applied_on, application.amount, True)
            )
    for adjustment in adjustments:
        if adjustment.invoice_number:
            taken.setdefault(adjustment.invoice_number, []).append(
                (adjustment.adjusted_on, adjustment.amount, False)
            )
    return taken


def _taken_by(taken: Iterable[tuple[date, Decimal, bool]], day: date) -> Decimal:
    return sum((amount for on, amount, _ in taken if on <= day), ZERO)


def _months_newest_first(
    as_of: date, by_month: Mapping[date, Decimal]
) -> list[tuple[date, int, Decimal]]:
    """(month start, days, sales) from as_of's month (to date) back to the oldest month."""
    oldest = min(by_month, default=as_of.replace(day=1))
    months = []
    month = as_of.replace(day=1)
    days = as_of.day
    while month >= oldest:
        months.append((month, days, by_month.get(month, ZERO)))
        previous_end = month - timedelta(days=1)
        month, days = previous_end.replace(day=1), previous_end.day
    return months


# --- the receipts forecast -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpectedReceipt:
    invoice_number: str
    customer_id: str
    currency: str
    balance: Decimal
    due_date: date
    days_past_due: int
    expected_on: date | None  # None when doubtful
    days_beyond_terms: Decimal  # the habit used
    basis: str  # customer | portfolio | none
    bucket: str | None  # a horizon's label; None when later than the last horizon, or doubtful


@dataclass(frozen=True, slots=True)
class CustomerForecast:
    customer_id: str
    name: str
    currency: str
    days_beyond_terms: Decimal
    basis: str  # customer | portfolio | none
    expected: dict[str, Decimal]  # horizon label → amount
    invoices: dict[str, tuple[str, ...]]  # horizon label → invoice numbers


@dataclass(frozen=True, slots=True)
class Forecast:
    as_of: date
    buckets: tuple[str, ...]  # "0-30", "31-60", "61-90": days from as_of
    expected: dict[str, dict[str, Decimal]]  # currency → bucket → amount
    invoices: dict[str, dict[str, tuple[str, ...]]]  # currency → bucket → invoice numbers
    customers: tuple[CustomerForecast, ...]  # by currency, then largest expected first
    receipts: tuple[ExpectedReceipt, ...]  # every open invoice, doubtful ones included
    later: tuple[ExpectedReceipt, ...]  # expected after the last horizon
    doubtful: tuple[ExpectedReceipt, ...]  # more than 120 days past due: left out
    portfolio_days_beyond_terms: dict[str, Decimal | None]  # currency → average
    method: str


def forecast_receipts(
    open_invoices: Iterable[Invoice],
    customers: Iterable[Customer],
    payments: Iterable[Payment],
    invoices_by_number: Mapping[str, Invoice],
    as_of: date,
    horizons: Sequence[int] = (30, 60, 90),
) -> Forecast:
    """When the open invoices are expected to be paid, by horizon (see the module docstring)."""
    names = {c.customer_id: c.name for c in customers}
    items = [(i, i.balance) for i in open_invoices if i.balance > 0]
    habits, portfolio = _habits(payments, invoices_by_number)
    receipts = _expect(items, habits, portfolio, as_of, horizons)
    labels = _labels(horizons)

    expected: dict[str, dict[str, Decimal]] = {}
    numbers: dict[str, dict[str, list[str]]] = {}
    # (customer, currency) → (its first receipt, amounts by bucket, invoice numbers by bucket)
    rows: dict[tuple[str, str], tuple[ExpectedReceipt, dict[str, Decimal], dict[str, list[str]]]]
    rows = {}
    for receipt in receipts:
        if receipt.bucket is None:
            continue
        currency, bucket = receipt.currency, receipt.bucket
        amounts = expected.setdefault(currency, dict.fromkeys(labels, ZERO))
        amounts[bucket] += receipt.balance
        numbers.setdefault(currency, {label: [] for label in labels})[bucket].append(
            receipt.invoice_number
        )
        key = (receipt.customer_id, currency)
        if key not in rows:
            rows[key] = (receipt, dict.fromkeys(labels, ZERO), {label: [] for label in labels})
        rows[key][1][bucket] += receipt.balance
        rows[key][2][bucket].append(receipt.invoice_number)

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
            currency: {label: tuple(found) for label, found in by_bucket.items()}
            for currency, by_bucket in numbers.items()
        },
        customers=tuple(customer_rows),
        receipts=tuple(receipts),
        later=tuple(r for r in receipts if r.bucket is None and r.expected_on is not None),
        doubtful=tuple(r for r in receipts if r.expected_on is None),
        portfolio_days_beyond_terms=portfolio,
        method=(
            "due date + the customer's amount-weighted average days beyond terms (the "
            "portfolio's average in the currency when it has no history); already past: first "
            "horizon up to 90 days past due, last horizon at 91-120; over 120 days past due: "
            "doubtful, left out"
        ),
    )


def _labels(horizons: Sequence[int]) -> tuple[str, ...]:
    labels, previous = [], -1
    for horizon in horizons:
        labels.append(f"{previous + 1}-{horizon}")
        previous = horizon
    return tuple(labels)


def _habits(
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


def _expect(
    items: Iterable[tuple[Invoice, Decimal]],
    habits: Mapping[str, Decimal],
    portfolio: Mapping[str, Decimal | None],
    as_of: date,
    horizons: Sequence[int],
) -> list[ExpectedReceipt]:
    labels = _labels(horizons)
    receipts = []
    for invoice, balance in items:
        late = invoice.days_past_due(as_of)
        average = portfolio.get(invoice.currency)
        if invoice.customer_id in habits:
            beyond, basis = habits[invoice.customer_id], "customer"
        elif average is not None:
            beyond, basis = average, "portfolio"
        else:
            beyond, basis = Decimal(0), "none"
        expected_on: date | None = None
        bucket: str | None = None
        if late <= DOUBTFUL_AFTER_DAYS:
            whole_days = int(beyond.quantize(Decimal(1), ROUND_HALF_UP))
            expected_on = invoice.due_date + timedelta(days=whole_days)
            ahead = (expected_on - as_of).days
            if ahead <= 0:
                bucket = labels[0] if late <= FIRST_HORIZON_UNTIL_DAYS else labels[-1]
            else:
                bucket = next(
                    (label for label, h in zip(labels, horizons, strict=True) if ahead <= h), None
                )
        receipts.append(
            ExpectedReceipt(
                invoice_number=invoice.invoice_number,
                customer_id=invoice.customer_id,
                currency=invoice.currency,
                balance=balance,
                due_date=invoice.due_date,
                days_past_due=late,
                expected_on=expected_on,
                days_beyond_terms=beyond,
                basis=basis,
                bucket=bucket,
            )
        )
    return receipts


# --- the backtest ----------------------------------------------------------------------------


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
) -> Backtest:
    """Forecast as of each past cutoff with only what was known then, and compare.

    At cutoff T: the invoices dated up to T, less what was applied or credited up to T, are what
    was open; the habits come from payments received up to T; the forecast is what
    ``forecast_receipts`` expects in its first horizon, (T, T + horizon_days]; the actual is
    what was applied to those same invoices in that window (invoices issued after T are in
    neither).
    """
    by_number = {i.invoice_number: i for i in all_invoices}
    reductions = _reductions(payments, adjustments)
    rows = []
    for cutoff in sorted(cutoffs):
        window_end = cutoff + timedelta(days=horizon_days)
        known = [p for p in payments if p.received_on <= cutoff]
        habits, portfolio = _habits(known, by_number)
        items = []
        actual: dict[str, Decimal] = {}
        open_ar: dict[str, Decimal] = {}
        counts: dict[str, int] = {}
        for invoice in all_invoices:
            if invoice.invoice_date > cutoff:
                continue
            taken = reductions.get(invoice.invoice_number, ())
            balance = invoice.amount - _taken_by(taken, cutoff)
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
        for receipt in _expect(items, habits, portfolio, cutoff, (horizon_days,)):
            if receipt.bucket is not None:
                forecast[receipt.currency] = forecast.get(receipt.currency, ZERO) + receipt.balance
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
                    abs_pct_error=_tenth(abs(error) / paid * HUNDRED) if paid else None,
                )
            )
    mape: dict[str, Decimal | None] = {}
    weighted: dict[str, Decimal | None] = {}
    for currency in sorted({r.currency for r in rows}):
        mine = [r for r in rows if r.currency == currency]
        pct = [abs(r.error) / r.actual * HUNDRED for r in mine if r.actual]
        mape[currency] = _tenth(sum(pct, Decimal(0)) / len(pct)) if pct else None
        paid_total = sum((r.actual for r in mine), ZERO)
        weighted[currency] = (
            _tenth(sum((abs(r.error) for r in mine), ZERO) / paid_total * HUNDRED)
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
            f"from payments received ≤ T; forecast for (T, T+{horizon_days}] against the "
            "applications to those invoices in that window. MAPE = mean |F − A| ÷ A × 100 over "
            "cutoffs; weighted = Σ|F − A| ÷ ΣA × 100"
        ),
    )
