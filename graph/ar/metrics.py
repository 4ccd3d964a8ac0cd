"""Receivables metrics: DSO, best possible DSO, ADD, CEI.

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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from integrations.erp.records import Adjustment, Invoice, Payment

ZERO = Decimal("0.00")
TENTH = Decimal("0.1")
HUNDRED = Decimal(100)


def tenth(value: Decimal) -> Decimal:
    return value.quantize(TENTH, ROUND_HALF_UP)


# --- the formulas ----------------------------------------------------------------------------


def dso_standard(ending_ar: Decimal, credit_sales: Decimal, days: int) -> Decimal | None:
    """Ending AR ÷ credit sales in the period × days in the period."""
    if not credit_sales:
        return None
    return tenth(ending_ar / credit_sales * days)


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
            return tenth(consumed + remaining / sales * days)
        remaining -= sales
        consumed += days
    if daily_rate is None:
        return None
    return tenth(consumed + remaining / daily_rate)


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
    return tenth((beginning_ar + credit_sales - ending_total_ar) / collectable * HUNDRED)


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
    sales_invoices: tuple[str, ...]  # from records only (the ledger's SQL does not list them)
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
    taken_of = reductions(payments, adjustments)

    beginning = ending = current = sales = collected = credited = ZERO
    sales_numbers, open_numbers = [], []
    by_month: dict[date, Decimal] = {}
    for invoice in invoices:
        taken = taken_of.get(invoice.invoice_number, ())
        if invoice.invoice_date <= day_before:
            beginning += max(invoice.amount - taken_by(taken, day_before), ZERO)
        else:
            sales += invoice.amount
            sales_numbers.append(invoice.invoice_number)
        month = invoice.invoice_date.replace(day=1)
        by_month[month] = by_month.get(month, ZERO) + invoice.amount
        open_balance = invoice.amount - taken_by(taken, as_of)
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

    return metrics_from(
        currency,
        as_of,
        period_days,
        Sums(beginning, sales, collected, credited, ending, current),
        by_month,
        sales_invoices=tuple(sales_numbers),
        open_invoices=tuple(open_numbers),
    )


@dataclass(frozen=True, slots=True)
class Sums:
    """One currency's figures behind the metrics (see ``Metrics``)."""

    beginning_ar: Decimal
    credit_sales: Decimal
    collections: Decimal
    credits: Decimal
    ending_ar: Decimal
    current_ar: Decimal


def metrics_from(
    currency: str | None,
    as_of: date,
    period_days: int,
    sums: Sums,
    sales_by_month: Mapping[date, Decimal],
    *,
    sales_invoices: tuple[str, ...] = (),
    open_invoices: tuple[str, ...] = (),
) -> Metrics:
    """The metrics from one currency's sums, however they were added up (records here, the
    local ledger's SQL in ``graph.ar.metrics_book``); ``sales_by_month``: month start → sales
    of the invoices dated by ``as_of``."""
    start = as_of - timedelta(days=period_days - 1)
    months = _months_newest_first(as_of, sales_by_month)
    ending, current, sales = sums.ending_ar, sums.current_ar, sums.credit_sales
    dso = dso_standard(ending, sales, period_days)
    best = best_possible_dso(current, sales, period_days)
    return Metrics(
        currency=currency,
        as_of=as_of,
        period_start=start,
        period_days=period_days,
        beginning_ar=sums.beginning_ar,
        credit_sales=sales,
        collections=sums.collections,
        credits=sums.credits,
        ending_ar=ending,
        current_ar=current,
        past_due_ar=ending - current,
        dso_standard=dso,
        dso_countback=dso_countback(ending, [(days, amount) for _, days, amount in months]),
        best_possible_dso=best,
        average_days_delinquent=dso - best if dso is not None and best is not None else None,
        cei=cei(sums.beginning_ar, sales, ending, current),
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
        sales_invoices=sales_invoices,
        open_invoices=open_invoices,
    )


def reductions(
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


def taken_by(taken: Iterable[tuple[date, Decimal, bool]], day: date) -> Decimal:
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
