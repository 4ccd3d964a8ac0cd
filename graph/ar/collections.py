"""The collections priority list: who to chase first, why, and how.

An entry is one customer in one currency (a customer billed in two currencies gets two entries;
amounts are never added across currencies). Aging is by due date. The score (0-100) is the sum
of its factors' points, so every point can be read back as a sentence:

==================  ======  =================================================================
factor              max     how the points are earned
==================  ======  =================================================================
past_due            10      anything past due at all (so every such account ranks above every
                            account with nothing past due)
aging               20      half for the oldest past-due invoice's bucket, half for how the
                            past-due balance spreads over the buckets (older weighs more)
amount_at_risk      20      the account's amount at risk as a percentile among the past-due
                            accounts in the same currency (a share of the portfolio)
broken_promise      15      10 for a broken promise to pay that still matters, 5 more for a
                            second one
days_to_pay_trend   10      half for how late it pays lately (30+ days beyond terms = full),
                            half for how much later than it used to (+20 days = full)
credit_utilisation  10      open balance over the credit limit: nothing up to 50 %, full at 120 %
last_contact        10      days since the last note: nothing within 7 days, full from 45 days
                            (no note on record = long ago)
disputes            5       the disputed share of the past-due balance (any dispute: at least 2)
==================  ======  =================================================================

*Amount at risk* is what is past due, with 61+ days counted in full and 1-60 days at half (the
older the debt, the less of it is ever collected). A broken promise *still matters* when the
invoice it named is still open, or, naming none, when it fell due in the last 90 days.
Accounts with nothing past due keep only their promise, trend, utilisation and dispute points,
divided by 5 (at most 8): they are a watch list, next step "monitor".

Next step: "hold" when anything is more than 90 days past due, or a promise is broken and the
account is over its credit limit; "call" when anything is more than 30 days past due or a promise
is broken; "reminder" when the oldest is 1-30 days past due. The dunning stage follows the oldest
days past due as ``graph.requests.reminder_stage`` does: up to 30 friendly, 31-60 firm, over 60
final.

Linear in the size of the inputs: a pass or two over each, per-account totals kept as it goes;
only each account's own past-due invoices are sorted, and only when they did not come in
due-date order.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Set
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from operator import attrgetter

from graph.ar.payers import paying_habit
from graph.format import money, plural
from integrations.erp.records import (
    AGING_BUCKET_NAMES,
    Customer,
    Invoice,
    Note,
    Payment,
    PromiseToPay,
    aging_bucket,
)

ZERO = Decimal("0.00")
HALF = Decimal("0.5")

PAST_DUE_POINTS = 10.0
AGING_POINTS = 20.0
AMOUNT_POINTS = 20.0
PROMISE_POINTS = (10.0, 5.0)
TREND_POINTS = 10.0
UTILISATION_POINTS = 10.0
CONTACT_POINTS = 10.0
DISPUTE_POINTS = 5.0
WATCH_LIST_DIVISOR = 5.0

# How much each bucket weighs in the aging factor, by index in AGING_BUCKET_NAMES.
BUCKET_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 0.9, 1.0)
BUCKET_INDEX = {name: index for index, name in enumerate(AGING_BUCKET_NAMES)}
FIRST_61_PLUS = BUCKET_INDEX["61-90"]

TREND_WINDOW_DAYS = 90
LATE_FOR_FULL_POINTS = 30.0
WORSENING_FOR_FULL_POINTS = 20.0
UTILISATION_FREE = 0.5
UTILISATION_FULL = 1.2
CONTACT_FREE_DAYS = 7
CONTACT_FULL_DAYS = 45
PROMISE_MEMORY_DAYS = 90

_DUE_DATE = attrgetter("due_date")
_NUMBER = attrgetter("invoice_number")
_NAME = attrgetter("name")
_POINTS = attrgetter("points")


@dataclass(frozen=True, slots=True)
class Factor:
    name: str
    points: float
    text: str


@dataclass(frozen=True, slots=True)
class PriorityEntry:
    customer_id: str
    name: str
    collector: str | None
    currency: str
    score: float
    open_total: Decimal
    past_due: Decimal
    amount_at_risk: Decimal
    buckets: dict[str, Decimal]
    factors: tuple[Factor, ...]  # largest first
    next_step: str  # call | reminder | hold | monitor
    next_step_text: str
    stage: str  # friendly | firm | final
    past_due_invoices: tuple[str, ...]  # oldest first


@dataclass(frozen=True, slots=True)
class _Trend:
    """Amount-weighted days beyond terms in the last TREND_WINDOW_DAYS and before them."""

    recent: Decimal | None
    older: Decimal | None


class _Account:
    """Totals for one customer in one currency."""

    __slots__ = (
        "amount_at_risk",
        "buckets",
        "currency",
        "customer_id",
        "disputed",
        "disputed_amount",
        "oldest_days",
        "open_total",
        "past_due",
        "past_due_61_plus",
        "past_due_invoices",
        "past_due_numbers",
    )

    def __init__(
        self,
        customer_id: str,
        currency: str,
        buckets: list[Decimal],
        past_due_invoices: list[Invoice],
        as_of: date,
    ) -> None:
        self.customer_id = customer_id
        self.currency = currency
        self.buckets = buckets
        self.past_due_invoices = past_due_invoices  # oldest first
        self.past_due_numbers = tuple(map(_NUMBER, past_due_invoices))
        self.disputed: list[str] = []
        self.disputed_amount = ZERO
        self.open_total = sum(buckets, ZERO)
        self.past_due = self.open_total - buckets[0]
        older = self.past_due_61_plus = sum(buckets[FIRST_61_PLUS:], ZERO)
        self.amount_at_risk = older + (self.past_due - older) * HALF
        self.oldest_days = (as_of - past_due_invoices[0].due_date).days if past_due_invoices else 0


def priority_list(
    customers: Iterable[Customer],
    open_invoices: Iterable[Invoice],
    payments: Iterable[Payment],
    invoices_by_number: Mapping[str, Invoice],
    promises: Iterable[PromiseToPay],
    notes: Iterable[Note],
    as_of: date,
    *,
    disputed: Set[str] = frozenset(),
) -> list[PriorityEntry]:
    """Every customer with an open balance, most urgent first (ties: larger past due first,
    then customer id). Invoices with a zero or credit balance are left out: nothing to chase."""
    with _cyclic_gc_paused():
        return _priority_list(
            customers,
            open_invoices,
            payments,
            invoices_by_number,
            promises,
            notes,
            as_of,
            disputed,
        )


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cycle collector while the list is built.

    Building 50,000 entries allocates about a million small objects, none in a cycle, and the
    allocations make the collector walk every live object (a million invoices): 0.5-0.8 s of
    the benchmark's run. Reference counting still frees everything as usual; the collector
    resumes afterwards only if it was on (another caller may have turned it off on purpose).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _priority_list(
    customers: Iterable[Customer],
    open_invoices: Iterable[Invoice],
    payments: Iterable[Payment],
    invoices_by_number: Mapping[str, Invoice],
    promises: Iterable[PromiseToPay],
    notes: Iterable[Note],
    as_of: date,
    disputed: Set[str],
) -> list[PriorityEntry]:
    by_id = {c.customer_id: c for c in customers}
    promises_by_customer: dict[str, list[PromiseToPay]] = {}
    for promise in promises:
        if promise.status == "broken":
            promises_by_customer.setdefault(promise.customer_id, []).append(promise)
    accounts, open_numbers = _accounts(open_invoices, as_of, disputed, promises_by_customer)
    habits = _habits(payments, invoices_by_number, as_of)
    last_contact = _last_contact(notes)
    percentiles = _risk_percentiles(accounts)

    entries = []
    for account in accounts:
        customer_id, currency = account.customer_id, account.currency
        customer = by_id.get(customer_id)
        broken = [
            p
            for p in promises_by_customer.get(customer_id, ())
            if p.currency == currency and _still_matters(p, open_numbers, as_of)
        ]
        entries.append(
            _entry(
                account,
                customer,
                broken,
                habits.get(customer_id),
                last_contact.get(customer_id),
                percentiles,
                as_of,
            )
        )
    entries.sort(key=lambda e: (-e.score, -e.past_due, e.customer_id, e.currency))
    return entries


def worklists(entries: Iterable[PriorityEntry]) -> dict[str, list[PriorityEntry]]:
    """The priority list split by collector ("unassigned" when none), each in the list's order."""
    lists: dict[str, list[PriorityEntry]] = {}
    for entry in entries:
        lists.setdefault(entry.collector or "unassigned", []).append(entry)
    return lists


# --- one pass over each input ----------------------------------------------------------------


def _accounts(
    open_invoices: Iterable[Invoice],
    as_of: date,
    disputed: Set[str],
    broken_promises: Mapping[str, list[PromiseToPay]],
) -> tuple[list[_Account], set[str]]:
    """Per-account totals, and which of the invoices named by broken promises are still open.

    Two passes, both linear: group the invoices by customer, then total each group with its
    running sums in local variables (measured faster on a million invoices than updating one
    account object per invoice).
    """
    groups: dict[str, list[Invoice]] = {}
    group_of = groups.get
    for invoice in open_invoices:
        group = group_of(invoice.customer_id)
        if group is None:
            group = groups[invoice.customer_id] = []
        group.append(invoice)

    promised = {p.invoice_number for ps in broken_promises.values() for p in ps if p.invoice_number}
    flagged = promised | set(disputed)
    # Many invoices share a due date: work out its bucket once (index 0 = current).
    bucket_of_due_date: dict[date, int] = {}
    bucket_of = bucket_of_due_date.get
    accounts: list[_Account] = []
    still_open: set[str] = set()
    pending = [(customer_id, group) for customer_id, group in groups.items()]
    while pending:
        customer_id, group = pending.pop()
        currency = group[0].currency
        buckets = [ZERO] * len(AGING_BUCKET_NAMES)
        past_due: list[Invoice] = []
        marked: list[Invoice] = []
        other_currencies: list[Invoice] = []
        # Ledgers often list invoices by due date already: then nothing needs sorting.
        in_due_order, last_due = True, date.min
        for invoice in group:
            balance = invoice.balance
            if balance <= ZERO:
                continue
            if invoice.currency != currency:
                other_currencies.append(invoice)
                continue
            due = invoice.due_date
            bucket = bucket_of(due)
            if bucket is None:
                days = max((as_of - due).days, 0)
                bucket = bucket_of_due_date[due] = BUCKET_INDEX[aging_bucket(days)]
            buckets[bucket] += balance
            if bucket:
                if due < last_due:
                    in_due_order = False
                last_due = due
                past_due.append(invoice)
            # Past-due invoices are checked below, once their numbers are gathered.
            elif flagged and invoice.invoice_number in flagged:
                marked.append(invoice)
        if other_currencies:
            pending.append((customer_id, other_currencies))
        if not any(buckets):
            continue
        if not in_due_order:
            past_due.sort(key=_DUE_DATE)  # invoices due the same day keep their order
        account = _Account(customer_id, currency, buckets, past_due, as_of)
        if flagged and not flagged.isdisjoint(account.past_due_numbers):
            marked += [i for i in past_due if i.invoice_number in flagged]
        for invoice in marked:
            if invoice.invoice_number in promised:
                still_open.add(invoice.invoice_number)
            if invoice.invoice_number in disputed:
                account.disputed.append(invoice.invoice_number)
                account.disputed_amount += invoice.balance
        accounts.append(account)
    return accounts, still_open


def _habits(
    payments: Iterable[Payment], invoices_by_number: Mapping[str, Invoice], as_of: date
) -> dict[str, _Trend]:
    """Per customer: days beyond terms lately and before, split TREND_WINDOW_DAYS before as_of."""
    split = as_of - timedelta(days=TREND_WINDOW_DAYS)
    recent: dict[str, list[Payment]] = {}
    older: dict[str, list[Payment]] = {}
    for payment in payments:
        if not payment.applications or payment.received_on > as_of:
            continue
        side = recent if payment.received_on > split else older
        side.setdefault(payment.customer_id, []).append(payment)
    return {
        customer_id: _Trend(
            paying_habit(recent.get(customer_id, ()), invoices_by_number).days_beyond_terms,
            paying_habit(older.get(customer_id, ()), invoices_by_number).days_beyond_terms,
        )
        for customer_id in recent.keys() | older.keys()
    }


def _last_contact(notes: Iterable[Note]) -> dict[str, datetime]:
    latest: dict[str, datetime] = {}
    for note in notes:
        seen = latest.get(note.customer_id)
        if seen is None or note.created_at > seen:
            latest[note.customer_id] = note.created_at
    return latest


def _risk_percentiles(accounts: Iterable[_Account]) -> dict[str, list[Decimal]]:
    """Sorted amounts at risk of the past-due accounts, per currency."""
    values: dict[str, list[Decimal]] = {}
    for account in accounts:
        if account.past_due:
            values.setdefault(account.currency, []).append(account.amount_at_risk)
    for amounts in values.values():
        amounts.sort()
    return values


def _still_matters(promise: PromiseToPay, open_numbers: Set[str], as_of: date) -> bool:
    if promise.invoice_number:
        return promise.invoice_number in open_numbers
    return (as_of - promise.promised_on).days <= PROMISE_MEMORY_DAYS


# --- one account -----------------------------------------------------------------------------


def _entry(
    account: _Account,
    customer: Customer | None,
    broken: list[PromiseToPay],
    habits: _Trend | None,
    last_contact: datetime | None,
    percentiles: Mapping[str, list[Decimal]],
    as_of: date,
) -> PriorityEntry:
    currency = account.currency
    limit = customer.credit_limit if customer and customer.currency == currency else None
    promise = _promise_text(broken) if broken else ""
    factors = []
    if broken:
        factors.append(Factor("broken_promise", sum(PROMISE_POINTS[: len(broken)]), promise))
    if habits is not None and (trend := _trend_factor(habits, customer)) is not None:
        factors.append(trend)
    if limit is not None and limit > 0:
        factors.append(_utilisation_factor(account.open_total, limit, currency))
    if account.disputed:
        factors.append(_dispute_factor(account))
    past_due_text = ""
    if account.past_due:
        past_due_text = money(account.past_due, currency)
        count = len(account.past_due_invoices)
        factors += [
            Factor("past_due", PAST_DUE_POINTS, f"{plural(count, 'invoice')} past due"),
            _aging_factor(account),
            _amount_factor(account, past_due_text, percentiles[currency]),
            _contact_factor(last_contact, as_of),
        ]
    else:
        factors = [Factor(f.name, round(f.points / WATCH_LIST_DIVISOR, 1), f.text) for f in factors]
    shown = [f for f in factors if f.points > 0]
    # Largest first, ties by name: two stable sorts with C-level keys.
    shown.sort(key=_NAME)
    shown.sort(key=_POINTS, reverse=True)
    score = min(round(sum(map(_POINTS, shown)), 1), 100.0)
    over_limit = limit is not None and account.open_total > limit
    next_step, next_step_text = _next_step(account, past_due_text, promise, over_limit, limit)
    return PriorityEntry(
        customer_id=account.customer_id,
        name=customer.name if customer else account.customer_id,
        collector=customer.collector if customer else None,
        currency=currency,
        score=score,
        open_total=account.open_total,
        past_due=account.past_due,
        amount_at_risk=account.amount_at_risk,
        buckets=dict(zip(AGING_BUCKET_NAMES, account.buckets, strict=True)),
        factors=tuple(shown),
        next_step=next_step,
        next_step_text=next_step_text,
        stage=_stage(account.oldest_days),
        past_due_invoices=account.past_due_numbers,
    )


def _aging_factor(account: _Account) -> Factor:
    days, number = account.oldest_days, account.past_due_invoices[0].invoice_number
    buckets = account.buckets
    weighted = 0.0
    for index in range(1, len(buckets)):
        if buckets[index]:
            weighted += float(buckets[index]) * BUCKET_WEIGHTS[index]
    past_due = float(account.past_due)
    oldest_bucket = max(index for index in range(1, len(buckets)) if buckets[index])
    points = AGING_POINTS * (0.5 * BUCKET_WEIGHTS[oldest_bucket] + 0.5 * weighted / past_due)
    text = f"oldest, {number}, is {days} days past due"
    if account.past_due_61_plus:
        share = float(account.past_due_61_plus) / past_due
        text += f"; {share:.0%} of the past-due balance is 61+ days"
    return Factor("aging", round(points, 1), text)


def _amount_factor(account: _Account, past_due_text: str, sorted_at_risk: list[Decimal]) -> Factor:
    at_risk, currency = account.amount_at_risk, account.currency
    # Share of the currency's past-due accounts whose amount at risk is at most this one's.
    rank = bisect_right(sorted_at_risk, at_risk) / len(sorted_at_risk)
    of_it = ""
    if account.past_due_61_plus:
        older = [
            AGING_BUCKET_NAMES[index]
            for index in range(FIRST_61_PLUS, len(account.buckets))
            if account.buckets[index]
        ]
        span = older[0] if len(older) == 1 else "61+"
        of_it = f", {money(account.past_due_61_plus, currency)} of it {span} days"
    text = (
        f"{past_due_text} past due{of_it} ({money(at_risk, currency)} at risk, "
        f"at or above {rank:.0%} of past-due {currency} accounts)"
    )
    return Factor("amount_at_risk", round(AMOUNT_POINTS * rank, 1), text)


def _promise_text(broken: list[PromiseToPay]) -> str:
    latest = max(broken, key=lambda p: p.promised_on)
    which = f" ({latest.invoice_number})" if latest.invoice_number else ""
    promise = (
        f"a promise to pay {money(latest.amount, latest.currency)} "
        f"due {latest.promised_on.isoformat()}{which}"
    )
    if len(broken) == 1:
        return f"broke {promise}"
    return f"broke {len(broken)} promises to pay; the latest: {promise}"


def _trend_factor(habits: _Trend | None, customer: Customer | None) -> Factor | None:
    if habits is None:
        return None
    recent, older = habits.recent, habits.older
    terms = customer.terms_label if customer else "terms"
    if recent is None:
        if older is None:
            return None
        level, worsening = float(older), 0.0
        text = f"pays {older} days beyond {terms} (nothing paid in the last 90 days)"
    else:
        level, worsening = float(recent), 0.0
        text = f"pays {recent} days beyond {terms}"
        if older is not None:
            worsening = float(recent - older)
            if recent > older:
                text += f", up from {older}"
            elif recent < older:
                text += f", down from {older}"
            else:
                text += ", as before"
    points = TREND_POINTS * (
        0.5 * _clamp(level / LATE_FOR_FULL_POINTS)
        + 0.5 * _clamp(worsening / WORSENING_FOR_FULL_POINTS)
    )
    return Factor("days_to_pay_trend", round(points, 1), text)


def _utilisation_factor(open_total: Decimal, limit: Decimal, currency: str) -> Factor:
    used = float(open_total / limit)
    share = _clamp((used - UTILISATION_FREE) / (UTILISATION_FULL - UTILISATION_FREE))
    text = f"uses {used:.0%} of its {money(limit, currency)} credit limit"
    return Factor("credit_utilisation", round(UTILISATION_POINTS * share, 1), text)


def _contact_factor(last: datetime | None, as_of: date) -> Factor:
    if last is None:
        return Factor("last_contact", CONTACT_POINTS, "no contact on record")
    days = (as_of - last.date()).days
    share = _clamp((days - CONTACT_FREE_DAYS) / (CONTACT_FULL_DAYS - CONTACT_FREE_DAYS))
    text = f"last contact {plural(days, 'day')} ago ({last.date().isoformat()})"
    return Factor("last_contact", round(CONTACT_POINTS * share, 1), text)


def _dispute_factor(account: _Account) -> Factor:
    base = account.past_due or account.open_total
    share = _clamp(float(account.disputed_amount / base)) if base else 1.0
    points = max(DISPUTE_POINTS * share, 2.0)
    numbers = ", ".join(sorted(account.disputed))
    text = f"{numbers} disputed ({money(account.disputed_amount, account.currency)})"
    return Factor("disputes", round(points, 1), text)


def _next_step(
    account: _Account, past_due_text: str, promise: str, over_limit: bool, limit: Decimal | None
) -> tuple[str, str]:
    if not account.past_due:
        return "monitor", "Nothing past due: monitor."
    days = account.oldest_days
    summary = (
        f"{past_due_text} past due on {plural(len(account.past_due_invoices), 'invoice')}, "
        f"oldest {account.past_due_invoices[0].invoice_number} {days} days"
    )
    if promise:
        summary += f"; {promise}"
    if days > 90 or (promise and over_limit):
        if over_limit and limit is not None:
            summary += (
                f"; {money(account.open_total, account.currency)} open against a "
                f"{money(limit, account.currency)} credit limit"
            )
        return "hold", f"Put on credit hold and call: {summary}."
    if days > 30 or promise:
        return "call", f"Call: {summary}."
    return "reminder", f"Send a {_stage(days)} reminder: {summary}."


def _stage(oldest_days: int) -> str:
    if oldest_days > 60:
        return "final"
    if oldest_days > 30:
        return "firm"
    return "friendly"


def _clamp(value: float) -> float:
    return min(max(value, 0.0), 1.0)
