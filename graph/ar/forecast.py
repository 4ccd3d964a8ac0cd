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
  past-due invoices); its own history is blended in at its real days to due.
- An invoice's probabilities over the windows add up to at most 1; the rest is the chance of
  its being paid later, or never. So accounts whose old invoices were never paid get the low
  rates that history shows, not an assumed payment.
- A segment and window with no history at all fall back on the due date plus the customer's
  days beyond terms: all of it in that date's window (a date already past: the first window up
  to 90 days past due, the last one at 91-120).
- Invoices more than 120 days past due are left out as doubtful and listed apart.

``expected_on`` is that habit date (due date + days beyond terms) moved into the most likely
window, or after the last window when being paid later (or never) is likelier than any window.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from graph.ar.metrics import HUNDRED, ZERO, reductions, taken_by, tenth
from graph.ar.payers import paying_habit
from integrations.erp.records import (
    AGING_BUCKET_NAMES,
    Adjustment,
    Customer,
    Invoice,
    Payment,
    aging_bucket,
)

CENT = Decimal("0.01")
PROBABILITY = Decimal("0.0001")
DOUBTFUL_AFTER_DAYS = 120
FIRST_HORIZON_UNTIL_DAYS = 90  # without history: an expected date already past, this late or less
SNAPSHOT_EVERY_DAYS = 7
HISTORY_DAYS = 182
HALF_LIFE_DAYS = 14
CURRENCY_CREDIBILITY = 30.0
CUSTOMER_CREDIBILITY = 5.0


# --- the receipts forecast -------------------------------------------------------------------


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
    habits, portfolio = _habits(known, invoices_by_number)
    history = {**invoices_by_number, **{i.invoice_number: i for i in open_list}}
    taken = reductions(known, ())
    for invoice in history.values():
        cash = taken.get(invoice.invoice_number, [])
        credited = invoice.amount - invoice.balance - sum((a for _, a, _ in cash), ZERO)
        if credited > 0:
            on = max((on for on, _, _ in cash), default=invoice.invoice_date)
            taken.setdefault(invoice.invoice_number, []).append((on, credited, False))
    curves = _collection_curves(history.values(), taken, as_of, horizons)
    receipts = _expect(items, habits, portfolio, curves, as_of, horizons)
    labels = _labels(horizons)

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


METHOD = (
    "open balance × the probability of collecting it in each window, from an empirical "
    "collection curve: at weekly snapshots of the ledger's own history before the as-of date "
    f"(up to {HISTORY_DAYS} days back, each weighing half as much every {HALF_LIFE_DAYS} "
    "days), the share of the open balance collected in each window after the snapshot, by "
    "segment: past due by aging bucket (1-30 to 91-120 days), not yet due by days to due (a "
    "customer with a paying habit looked up as due as many days later as it pays beyond terms "
    "more than its currency's average). Each currency's rates are shrunk toward all "
    f"currencies' (half weight at {CURRENCY_CREDIBILITY:g} invoices of history), each "
    f"customer's own toward its currency's (half weight at {CUSTOMER_CREDIBILITY:g}). A "
    "segment without history: due date + days beyond terms decides the window (already past: "
    "the first up to 90 days past due, the last at 91-120). Over 120 days past due: doubtful, "
    "left out"
)


def _labels(horizons: Sequence[int]) -> tuple[str, ...]:
    labels, previous = [], -1
    for horizon in horizons:
        labels.append(f"{previous + 1}-{horizon}")
        previous = horizon
    return tuple(labels)


def _windows(horizons: Sequence[int]) -> tuple[tuple[int, int], ...]:
    """Each window as (start, end]: days after the as-of date."""
    return tuple(zip((0, *horizons[:-1]), horizons, strict=True))


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


def _whole_days(days: Decimal) -> int:
    return int(days.quantize(Decimal(1), ROUND_HALF_UP))


# The curve's rows: not yet due by days to due (up to each bound), past due by aging bucket.
NOT_DUE_SEGMENTS = ((15, "0-15"), (30, "16-30"), (60, "31-60"))
SEGMENTS = (
    f"due in {NOT_DUE_SEGMENTS[-1][0] + 1}+ days",
    *(f"due in {name} days" for _, name in reversed(NOT_DUE_SEGMENTS)),
    *(f"{name} days past due" for name in AGING_BUCKET_NAMES[1:-1]),
)


def _segment(days_late: int) -> str | None:
    """The curve's row for days past due (negative: days to due); None when doubtful."""
    if days_late > DOUBTFUL_AFTER_DAYS:
        return None
    if days_late > 0:
        return f"{aging_bucket(days_late)} days past due"
    for upper, name in NOT_DUE_SEGMENTS:
        if -days_late <= upper:
            return f"due in {name} days"
    return SEGMENTS[0]


class _Tally:
    """Recency-weighted: open balance, what was collected of it, and how many invoices."""

    __slots__ = ("collected", "invoices", "open")

    def __init__(self) -> None:
        self.open = 0.0
        self.collected = 0.0
        self.invoices = 0.0

    def rate(self, prior: float | None = None, credibility: float = 0.0) -> float:
        """The share collected, shrunk toward ``prior`` (if any): its own rate weighs
        n ÷ (n + credibility), n the invoices counted."""
        own = self.collected / self.open
        if prior is None:
            return own
        weight = self.invoices / (self.invoices + credibility)
        return weight * own + (1 - weight) * prior


# (customer or None, currency or None, segment, window index) → tally
_Key = tuple[str | None, str | None, str, int]


@dataclass(frozen=True, slots=True)
class _Curves:
    tallies: dict[_Key, _Tally]

    def portfolio(self, currency: str, segment: str, window: int) -> float | None:
        """All currencies' rate, and the currency's shrunk toward it; None without history."""
        overall = self.tallies.get((None, None, segment, window))
        if overall is None:
            return None
        mine = self.tallies.get((None, currency, segment, window))
        return mine.rate(overall.rate(), CURRENCY_CREDIBILITY) if mine else overall.rate()

    def customer(self, customer_id: str, currency: str, segment: str, window: int) -> _Tally | None:
        return self.tallies.get((customer_id, currency, segment, window))

    def table(self, labels: Sequence[str]) -> dict[str, dict[str, dict[str, Decimal]]]:
        """currency → segment → window label → the portfolio's rate."""
        currencies = sorted({c for customer, c, _, _ in self.tallies if customer is None and c})
        table: dict[str, dict[str, dict[str, Decimal]]] = {}
        for currency in currencies:
            for segment in SEGMENTS:
                row = {}
                for window, label in enumerate(labels):
                    if (None, currency, segment, window) in self.tallies:
                        rate = self.portfolio(currency, segment, window)
                        row[label] = _probability(rate or 0.0)
                if row:
                    table.setdefault(currency, {})[segment] = row
        return table


def _probability(rate: float) -> Decimal:
    return Decimal(min(max(rate, 0.0), 1.0)).quantize(PROBABILITY, ROUND_HALF_UP)


def _collection_curves(
    history: Iterable[Invoice],
    taken: Mapping[str, Sequence[tuple[date, Decimal, bool]]],
    as_of: date,
    horizons: Sequence[int],
) -> _Curves:
    """At weekly snapshots before ``as_of``: each invoice's open balance by segment, and what
    was applied to it in each window after the snapshot.

    For the window (start, end], the newest snapshot is ``as_of − end``: all that is counted
    happened by ``as_of``. Older snapshots, one every SNAPSHOT_EVERY_DAYS for HISTORY_DAYS,
    weigh half as much every HALF_LIFE_DAYS. An invoice counts at a snapshot when it was issued
    by then and had a balance left: its amount less what was applied or credited up to then.
    """
    windows = _windows(horizons)
    count = HISTORY_DAYS // SNAPSHOT_EVERY_DAYS + 1
    weights = [0.5 ** (j * SNAPSHOT_EVERY_DAYS / HALF_LIFE_DAYS) for j in range(count)]
    today = as_of.toordinal()
    newest = today - windows[0][1]
    oldest = today - windows[-1][1] - (count - 1) * SNAPSHOT_EVERY_DAYS
    tallies: dict[_Key, _Tally] = {}
    for invoice in history:
        issued = invoice.invoice_date.toordinal()
        if issued > newest:
            continue
        events = sorted(
            (on.toordinal(), amount, cash)
            for on, amount, cash in taken.get(invoice.invoice_number, ())
            if on <= as_of
        )
        # Balance after each event, and cash received to date at each cash event.
        days: list[int] = []
        balances: list[Decimal] = []
        cash_days: list[int] = []
        cash_to_date: list[float] = []
        balance, received = invoice.amount, 0.0
        for on, amount, cash in events:
            balance -= amount
            days.append(on)
            balances.append(balance)
            if cash:
                received += float(amount)
                cash_days.append(on)
                cash_to_date.append(received)
        # Settled for good on the last event's day (never open without one): no snapshot from
        # then on counts.
        settled = None
        if balance <= 0:
            if not days or days[-1] <= oldest:
                continue
            settled = days[-1]
        customer_id, currency = invoice.customer_id, invoice.currency
        due = invoice.due_date.toordinal()
        counted: set[tuple[str, int]] = set()
        for window, (start, end) in enumerate(windows):
            first = today - end
            skip = 0
            if settled is not None and first >= settled:
                skip = (first - settled) // SNAPSHOT_EVERY_DAYS + 1
            for j in range(skip, count):
                day = first - j * SNAPSHOT_EVERY_DAYS
                if day < issued:
                    break
                at = bisect_right(days, day)
                left = balances[at - 1] if at else invoice.amount
                if left <= 0:
                    continue
                segment = _segment(day - due)
                if segment is None:
                    continue
                owed = float(left)
                got = _between(cash_days, cash_to_date, day + start, day + end)
                got = min(max(got, 0.0), owed)
                weight = weights[j]
                # The invoice counts once per segment and window, at its most recent weight.
                new = (segment, window) not in counted
                if new:
                    counted.add((segment, window))
                for key in (
                    (None, None, segment, window),
                    (None, currency, segment, window),
                    (customer_id, currency, segment, window),
                ):
                    tally = tallies.get(key)
                    if tally is None:
                        tally = tallies[key] = _Tally()
                    tally.open += owed * weight
                    tally.collected += got * weight
                    if new:
                        tally.invoices += weight
    return _Curves(tallies)


def _between(days: list[int], to_date: list[float], after: int, until: int) -> float:
    """What was received in (after, until], from running totals by day."""
    if not days:
        return 0.0
    upto = bisect_right(days, until)
    before = bisect_right(days, after)
    if upto <= before:
        return 0.0
    return to_date[upto - 1] - (to_date[before - 1] if before else 0.0)


def _expect(
    items: Iterable[tuple[Invoice, Decimal]],
    habits: Mapping[str, Decimal],
    portfolio: Mapping[str, Decimal | None],
    curves: _Curves,
    as_of: date,
    horizons: Sequence[int],
) -> list[ExpectedReceipt]:
    labels = _labels(horizons)
    windows = _windows(horizons)
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
        habit_date = invoice.due_date + timedelta(days=_whole_days(beyond))
        days_late = (as_of - invoice.due_date).days
        own_segment = segment = _segment(days_late)
        if days_late <= 0 and basis == "customer":
            # Paying later than its currency's average: looked up as due that much later
            # (sooner for an earlier payer, but never as if past due).
            shift = _whole_days(beyond) - (_whole_days(average) if average is not None else 0)
            segment = _segment(min(days_late - shift, 0))
        probabilities: dict[str, Decimal] = {}
        expected: dict[str, Decimal] = {}
        expected_on: date | None = None
        bucket: str | None = None
        rates_basis = "none"
        if segment is not None and own_segment is not None:
            # A window without any history: all of it in the habit date's window (as before
            # there were curves).
            ahead = (habit_date - as_of).days
            if ahead <= 0:
                by_habit = 0 if late <= FIRST_HORIZON_UNTIL_DAYS else len(windows) - 1
            else:
                by_habit = next((w for w, (_, end) in enumerate(windows) if ahead <= end), None)
            rest = Decimal(1)
            for window, label in enumerate(labels):
                rate = curves.portfolio(invoice.currency, segment, window)
                if rate is None:
                    rate = 1.0 if window == by_habit else 0.0
                else:
                    own = curves.customer(
                        invoice.customer_id, invoice.currency, own_segment, window
                    )
                    if own is not None:
                        rate = own.rate(rate, CUSTOMER_CREDIBILITY)
                        rates_basis = "customer"
                    elif rates_basis == "none":
                        rates_basis = "portfolio"
                probability = min(_probability(rate), rest)
                rest -= probability
                probabilities[label] = probability
                expected[label] = (balance * probability).quantize(CENT, ROUND_HALF_UP)
            # The likeliest window; none when being collected later, or never, is likelier.
            best = max(probabilities.values())
            if best >= rest:
                bucket = labels[list(probabilities.values()).index(best)]
            if bucket is None:
                earliest, latest = as_of + timedelta(days=windows[-1][1] + 1), date.max
            else:
                start, end = windows[labels.index(bucket)]
                earliest = as_of + timedelta(days=start + 1)
                latest = as_of + timedelta(days=end)
            expected_on = min(max(habit_date, earliest), latest)
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
                probabilities=probabilities,
                expected=expected,
                segment=segment,
                rates_basis=rates_basis,
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
    was open; the habits come from payments received up to T and the collection curve from the
    applications and credits dated up to T (its newest snapshot is T − horizon_days, so that
    what it saw collected was collected by T); the forecast is what ``forecast_receipts``'s
    model expects in (T, T + horizon_days]; the actual is what was applied to those same
    invoices in that window (invoices issued after T are in neither).
    """
    by_number = {i.invoice_number: i for i in all_invoices}
    taken_of = reductions(payments, adjustments)
    label = _labels((horizon_days,))[0]
    rows = []
    for cutoff in sorted(cutoffs):
        window_end = cutoff + timedelta(days=horizon_days)
        known = [p for p in payments if p.received_on <= cutoff]
        habits, portfolio = _habits(known, by_number)
        curves = _collection_curves(all_invoices, taken_of, cutoff, (horizon_days,))
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
        for receipt in _expect(items, habits, portfolio, curves, cutoff, (horizon_days,)):
            amount = receipt.expected.get(label)
            if amount:
                forecast[receipt.currency] = forecast.get(receipt.currency, ZERO) + amount
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
