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

Linear in the size of the inputs: one pass over the invoices (a million in the benchmark: the
per-invoice work is kept to a few dictionary and list operations), one over each other input;
each account's past-due invoices are sorted only when the invoices did not come in due-date
order. Every account is scored; with ``limit``, the texts (the costliest part per account) are
written only for the entries returned.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter, itemgetter

from graph.format import money, plural
from integrations.erp.money import minor_units
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
TENTH = Decimal("0.1")

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
_AT_RISK = attrgetter("amount_at_risk")
_NUMBER = attrgetter("invoice_number")


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
        "past_due_numbers",
        "rank",
    )

    def __init__(
        self,
        customer_id: str,
        currency: str,
        buckets: list[Decimal],
        past_due_numbers: tuple[str, ...],
        oldest_due: date | None,
        as_of: date,
    ) -> None:
        self.customer_id = customer_id
        self.currency = currency
        self.buckets = buckets
        self.past_due_numbers = past_due_numbers  # oldest first
        self.disputed: list[str] = []
        self.disputed_amount = ZERO
        self.open_total = sum(buckets, ZERO)
        self.past_due = self.open_total - buckets[0]
        older = self.past_due_61_plus = sum(buckets[FIRST_61_PLUS:], ZERO)
        self.amount_at_risk = older + (self.past_due - older) * HALF
        self.oldest_days = (as_of - oldest_due).days if oldest_due else 0
        self.rank = 0.0  # see _rank_at_risk


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
    limit: int | None = None,
) -> list[PriorityEntry]:
    """Every customer with an open balance, most urgent first (ties: larger past due first,
    then customer id). Invoices with a zero or credit balance are left out: nothing to chase.

    With ``limit``, only the first ``limit`` entries of that list: every account is still
    scored and ranked, but the texts are written only for the entries returned.
    """
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be at least 0, not {limit}")
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
            limit,
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
    limit: int | None,
) -> list[PriorityEntry]:
    by_id = {c.customer_id: c for c in customers}
    promises_by_customer: dict[str, list[PromiseToPay]] = {}
    for promise in promises:
        if promise.status == "broken":
            promises_by_customer.setdefault(promise.customer_id, []).append(promise)
    accounts, open_numbers = _accounts(open_invoices, as_of, disputed, promises_by_customer)
    habits = _habits(payments, invoices_by_number, as_of)
    last_contact = _last_contact(notes)
    _rank_at_risk(accounts)

    rows = []
    for account in accounts:
        customer_id, currency = account.customer_id, account.currency
        broken = [
            p
            for p in promises_by_customer.get(customer_id, ())
            if p.currency == currency and _still_matters(p, open_numbers, as_of)
        ]
        customer = by_id.get(customer_id)
        rows.append(
            (account, customer, broken, habits.get(customer_id), last_contact.get(customer_id))
        )
    if limit is None:
        entries = [_entry(*row, as_of) for row in rows]
        entries.sort(key=_entry_order)
        return entries
    # Rank on the scores alone; write the texts of the entries returned only.
    ranked = [(_order(row[0], _score(*row, as_of)), row) for row in rows]
    ranked.sort(key=_FIRST)
    return [_entry(*row, as_of) for _, row in ranked[:limit]]


def _order(account: _Account, score: float) -> tuple[float, Decimal, str, str]:
    """Most urgent first; ties: larger past due first, then customer id (and currency)."""
    return (-score, -account.past_due, account.customer_id, account.currency)


def _entry_order(entry: PriorityEntry) -> tuple[float, Decimal, str, str]:
    return (-entry.score, -entry.past_due, entry.customer_id, entry.currency)


_FIRST = itemgetter(0)


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

    Ledgers list open invoices by due date: in that order one pass does it (see
    ``_accounts_in_due_order``). Any other order is found out at the first invoice due before
    the one before it, and then two passes do it (``_accounts_in_any_order``).
    """
    invoices = open_invoices if isinstance(open_invoices, list) else list(open_invoices)
    promised = {p.invoice_number for ps in broken_promises.values() for p in ps if p.invoice_number}
    return _accounts_of(invoices, as_of, promised, disputed, promised | set(disputed))


def _accounts_of(
    invoices: list[Invoice], as_of: date, promised: Set[str], disputed: Set[str], flagged: Set[str]
) -> tuple[list[_Account], set[str]]:
    found = _accounts_in_due_order(invoices, as_of, promised, disputed, flagged)
    if found is None:
        found = _accounts_in_any_order(invoices, as_of, promised, disputed, flagged)
    return found


def _accounts_in_due_order(
    invoices: list[Invoice], as_of: date, promised: Set[str], disputed: Set[str], flagged: Set[str]
) -> tuple[list[_Account], set[str]] | None:
    """One pass, keeping per customer a running total of each bucket and the numbers of its
    past-due invoices (no second look at an invoice), already oldest first. None as soon as an
    invoice is due before the one before it.
    """
    # customer → [currency, due date of its oldest past-due invoice (None: none past due),
    # total of each bucket (current first), then the number of each past-due invoice]
    groups: dict[str, list] = {}
    group_of = groups.get
    bucket_of_due_date: dict[date, int] = {}  # many invoices share a due date
    bucket_of = bucket_of_due_date.get
    other_currencies: list[Invoice] = []
    marked: list[Invoice] = []
    last_due = date.min
    empty = [None, *[ZERO] * len(AGING_BUCKET_NAMES)]
    for invoice in invoices:
        balance = invoice.balance
        if balance <= ZERO:
            continue
        due = invoice.due_date
        if due < last_due:
            return None
        last_due = due
        group = group_of(invoice.customer_id)
        if group is None:
            group = groups[invoice.customer_id] = [invoice.currency, *empty]
        elif group[0] != invoice.currency:
            other_currencies.append(invoice)
            continue
        bucket = bucket_of(due)
        if bucket is None:
            days = max((as_of - due).days, 0)
            bucket = bucket_of_due_date[due] = BUCKET_INDEX[aging_bucket(days)]
        group[bucket + 2] += balance
        number = invoice.invoice_number
        if bucket:
            if group[1] is None:
                group[1] = due
            group.append(number)
        if number in flagged:
            marked.append(invoice)

    first = len(AGING_BUCKET_NAMES) + 2
    accounts: dict[tuple[str, str], _Account] = {}
    for customer_id, group in groups.items():
        accounts[customer_id, group[0]] = _Account(
            customer_id, group[0], group[2:first], tuple(group[first:]), group[1], as_of
        )
    still_open: set[str] = set()
    for invoice in marked:
        number = invoice.invoice_number
        if number in promised:
            still_open.add(number)
        if number in disputed:
            account = accounts[invoice.customer_id, invoice.currency]
            account.disputed.append(number)
            account.disputed_amount += invoice.balance
    found = list(accounts.values())
    if other_currencies:
        more, also_open = _accounts_of(other_currencies, as_of, promised, disputed, flagged)
        found += more
        still_open |= also_open
    return found, still_open


def _accounts_in_any_order(
    invoices: list[Invoice], as_of: date, promised: Set[str], disputed: Set[str], flagged: Set[str]
) -> tuple[list[_Account], set[str]]:
    """Two passes, both linear: group the invoices by customer, then total each group with its
    running sums in local variables; a group's past-due invoices are sorted (stably: those due
    the same day keep their order) when they did not come in due-date order.
    """
    groups: dict[str, list[Invoice]] = {}
    group_of = groups.get
    for invoice in invoices:
        group = group_of(invoice.customer_id)
        if group is None:
            group = groups[invoice.customer_id] = []
        group.append(invoice)

    bucket_of_due_date: dict[date, int] = {}  # many invoices share a due date
    bucket_of = bucket_of_due_date.get
    accounts: list[_Account] = []
    still_open: set[str] = set()
    pending = list(groups.items())
    while pending:
        customer_id, group = pending.pop()
        currency = group[0].currency
        buckets = [ZERO] * len(AGING_BUCKET_NAMES)
        past_due: list[Invoice] = []
        marked: list[Invoice] = []
        other_currencies: list[Invoice] = []
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
            elif invoice.invoice_number in flagged:
                marked.append(invoice)
        if other_currencies:
            pending.append((customer_id, other_currencies))
        if not any(buckets):
            continue
        if not in_due_order:
            past_due.sort(key=_DUE_DATE)
        numbers = tuple(map(_NUMBER, past_due))
        oldest_due = past_due[0].due_date if past_due else None
        account = _Account(customer_id, currency, buckets, numbers, oldest_due, as_of)
        if not flagged.isdisjoint(numbers):
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
    """Per customer: days beyond terms lately and before, split TREND_WINDOW_DAYS before as_of.

    Each is ``paying_habit``'s days beyond terms (amount-weighted over the applications to
    invoices it knows, rounded half up to 0.1; None without any), summed here in one pass
    over the payments instead of a call per customer and period.
    """
    split = as_of - timedelta(days=TREND_WINDOW_DAYS)
    # customer → [recent Σ amount, recent Σ amount × days beyond terms, the same before]
    sums: dict[str, list[Decimal]] = {}
    known = invoices_by_number.get
    for payment in payments:
        received = payment.received_on
        if not payment.applications or received > as_of:
            continue
        row = sums.get(payment.customer_id)
        if row is None:
            row = sums[payment.customer_id] = [Decimal(0)] * 4
        side = 0 if received > split else 2
        for application in payment.applications:
            invoice = known(application.invoice_number)
            if invoice is None:
                continue
            amount = application.amount
            row[side] += amount
            row[side + 1] += amount * (received - invoice.due_date).days
    return {
        customer_id: _Trend(_average(row[1], row[0]), _average(row[3], row[2]))
        for customer_id, row in sums.items()
    }


def _average(total: Decimal, weight: Decimal) -> Decimal | None:
    return (total / weight).quantize(TENTH, ROUND_HALF_UP) if weight else None


def _last_contact(notes: Iterable[Note]) -> dict[str, datetime]:
    latest: dict[str, datetime] = {}
    for note in notes:
        seen = latest.get(note.customer_id)
        if seen is None or note.created_at > seen:
            latest[note.customer_id] = note.created_at
    return latest


def _rank_at_risk(accounts: Iterable[_Account]) -> None:
    """Set each past-due account's ``rank``: the share of the past-due accounts in its currency
    whose amount at risk is at most its own."""
    by_currency: dict[str, list[_Account]] = {}
    for account in accounts:
        if account.past_due:
            by_currency.setdefault(account.currency, []).append(account)
    for ranked in by_currency.values():
        ranked.sort(key=_AT_RISK)
        count = len(ranked)
        at_most = count  # accounts at or below the current amount, walking down from the top
        previous = None
        for index in range(count - 1, -1, -1):
            account = ranked[index]
            if account.amount_at_risk != previous:
                at_most, previous = index + 1, account.amount_at_risk
            account.rank = at_most / count


def _still_matters(promise: PromiseToPay, open_numbers: Set[str], as_of: date) -> bool:
    if promise.invoice_number:
        return promise.invoice_number in open_numbers
    return (as_of - promise.promised_on).days <= PROMISE_MEMORY_DAYS


# --- one account -----------------------------------------------------------------------------


def _factors(
    account: _Account,
    customer: Customer | None,
    broken: list[PromiseToPay],
    trend: _Trend | None,
    last_contact: datetime | None,
    as_of: date,
) -> tuple[Decimal | None, list[tuple[float, str]]]:
    """The credit limit (when in the account's currency), and (−points, factor) for each
    factor with points, largest first (ties by name)."""
    limit = customer.credit_limit if customer and customer.currency == account.currency else None
    points: list[tuple[float, str]] = []
    if broken:
        points.append((sum(PROMISE_POINTS[: len(broken)]), "broken_promise"))
    if trend is not None and (trend_points := _trend_points(trend)) is not None:
        points.append((trend_points, "days_to_pay_trend"))
    if limit is not None and limit > 0:
        points.append((_utilisation_points(account.open_total, limit), "credit_utilisation"))
    if account.disputed:
        points.append((_dispute_points(account), "disputes"))
    if account.past_due:
        points += [
            (PAST_DUE_POINTS, "past_due"),
            (_aging_points(account), "aging"),
            (round(AMOUNT_POINTS * account.rank, 1), "amount_at_risk"),
            (_contact_points(last_contact, as_of), "last_contact"),
        ]
    else:
        points = [(round(p / WATCH_LIST_DIVISOR, 1), name) for p, name in points]
    shown = [(-p, name) for p, name in points if p > 0]
    shown.sort()
    return limit, shown


def _total(shown: list[tuple[float, str]]) -> float:
    """The score: the points of the factors shown, added largest first, at most 100."""
    return min(round(sum([-minus for minus, _ in shown]), 1), 100.0)


def _score(
    account: _Account,
    customer: Customer | None,
    broken: list[PromiseToPay],
    trend: _Trend | None,
    last_contact: datetime | None,
    as_of: date,
) -> float:
    return _total(_factors(account, customer, broken, trend, last_contact, as_of)[1])


def _entry(
    account: _Account,
    customer: Customer | None,
    broken: list[PromiseToPay],
    trend: _Trend | None,
    last_contact: datetime | None,
    as_of: date,
) -> PriorityEntry:
    limit, shown = _factors(account, customer, broken, trend, last_contact, as_of)
    currency = account.currency
    promise = _promise_text(broken) if broken else ""
    past_due_text = _money(account.past_due, currency) if account.past_due else ""
    factors = []
    for minus, name in shown:
        if name == "past_due":
            text = f"{plural(len(account.past_due_numbers), 'invoice')} past due"
        elif name == "aging":
            text = _aging_text(account)
        elif name == "amount_at_risk":
            text = _amount_text(account, past_due_text)
        elif name == "last_contact":
            text = _contact_text(last_contact, as_of)
        elif name == "broken_promise":
            text = promise
        elif name == "credit_utilisation":
            text = _utilisation_text(account, limit)
        elif name == "days_to_pay_trend":
            text = _trend_text(trend, customer)
        else:
            text = _dispute_text(account)
        factors.append(Factor(name, -minus, text))
    over_limit = limit is not None and account.open_total > limit
    next_step, next_step_text = _next_step(account, past_due_text, promise, over_limit, limit)
    return PriorityEntry(
        customer_id=account.customer_id,
        name=customer.name if customer else account.customer_id,
        collector=customer.collector if customer else None,
        currency=currency,
        score=_total(shown),
        open_total=account.open_total,
        past_due=account.past_due,
        amount_at_risk=account.amount_at_risk,
        buckets=dict(zip(AGING_BUCKET_NAMES, account.buckets, strict=True)),
        factors=tuple(factors),
        next_step=next_step,
        next_step_text=next_step_text,
        stage=_stage(account.oldest_days),
        past_due_invoices=account.past_due_numbers,
    )


# Each factor's points, and its text (written only when the factor has points).


def _aging_points(account: _Account) -> float:
    buckets = account.buckets
    weighted = 0.0
    oldest_bucket = 0
    for index in range(1, len(buckets)):
        if buckets[index]:
            weighted += float(buckets[index]) * BUCKET_WEIGHTS[index]
            oldest_bucket = index
    past_due = float(account.past_due)
    points = AGING_POINTS * (0.5 * BUCKET_WEIGHTS[oldest_bucket] + 0.5 * weighted / past_due)
    return round(points, 1)


def _aging_text(account: _Account) -> str:
    days, number = account.oldest_days, account.past_due_numbers[0]
    text = f"oldest, {number}, is {days} days past due"
    if account.past_due_61_plus:
        share = float(account.past_due_61_plus) / float(account.past_due)
        text += f"; {share:.0%} of the past-due balance is 61+ days"
    return text


def _amount_text(account: _Account, past_due_text: str) -> str:
    at_risk, currency = account.amount_at_risk, account.currency
    of_it = ""
    if account.past_due_61_plus:
        older = [
            AGING_BUCKET_NAMES[index]
            for index in range(FIRST_61_PLUS, len(account.buckets))
            if account.buckets[index]
        ]
        span = older[0] if len(older) == 1 else "61+"
        of_it = f", {_money(account.past_due_61_plus, currency)} of it {span} days"
    return (
        f"{past_due_text} past due{of_it} ({_money(at_risk, currency)} at risk, "
        f"at or above {account.rank:.0%} of past-due {currency} accounts)"
    )


def _promise_text(broken: list[PromiseToPay]) -> str:
    latest = max(broken, key=lambda p: p.promised_on)
    which = f" ({latest.invoice_number})" if latest.invoice_number else ""
    promise = (
        f"a promise to pay {_money(latest.amount, latest.currency)} "
        f"due {latest.promised_on.isoformat()}{which}"
    )
    if len(broken) == 1:
        return f"broke {promise}"
    return f"broke {len(broken)} promises to pay; the latest: {promise}"


def _trend_points(habits: _Trend) -> float | None:
    recent, older = habits.recent, habits.older
    if recent is None:
        if older is None:
            return None
        level, worsening = float(older), 0.0
    else:
        level, worsening = float(recent), 0.0
        if older is not None:
            worsening = float(recent - older)
    points = TREND_POINTS * (
        0.5 * _clamp(level / LATE_FOR_FULL_POINTS)
        + 0.5 * _clamp(worsening / WORSENING_FOR_FULL_POINTS)
    )
    return round(points, 1)


def _trend_text(habits: _Trend | None, customer: Customer | None) -> str:
    assert habits is not None  # the factor is there only with a trend
    recent, older = habits.recent, habits.older
    terms = customer.terms_label if customer else "terms"
    if recent is None:
        return f"pays {older} days beyond {terms} (nothing paid in the last 90 days)"
    text = f"pays {recent} days beyond {terms}"
    if older is not None:
        if recent > older:
            text += f", up from {older}"
        elif recent < older:
            text += f", down from {older}"
        else:
            text += ", as before"
    return text


def _utilisation_points(open_total: Decimal, limit: Decimal) -> float:
    used = float(open_total / limit)
    share = _clamp((used - UTILISATION_FREE) / (UTILISATION_FULL - UTILISATION_FREE))
    return round(UTILISATION_POINTS * share, 1)


def _utilisation_text(account: _Account, limit: Decimal | None) -> str:
    assert limit is not None  # the factor is there only with a limit
    used = float(account.open_total / limit)
    return f"uses {used:.0%} of its {_money(limit, account.currency)} credit limit"


def _contact_points(last: datetime | None, as_of: date) -> float:
    if last is None:
        return CONTACT_POINTS
    days = (as_of - last.date()).days
    share = _clamp((days - CONTACT_FREE_DAYS) / (CONTACT_FULL_DAYS - CONTACT_FREE_DAYS))
    return round(CONTACT_POINTS * share, 1)


def _contact_text(last: datetime | None, as_of: date) -> str:
    if last is None:
        return "no contact on record"
    days = (as_of - last.date()).days
    return f"last contact {plural(days, 'day')} ago ({last.date().isoformat()})"


def _dispute_points(account: _Account) -> float:
    base = account.past_due or account.open_total
    share = _clamp(float(account.disputed_amount / base)) if base else 1.0
    return round(max(DISPUTE_POINTS * share, 2.0), 1)


def _dispute_text(account: _Account) -> str:
    numbers = ", ".join(sorted(account.disputed))
    return f"{numbers} disputed ({_money(account.disputed_amount, account.currency)})"


def _money(amount: Decimal, currency: str) -> str:
    """``graph.format.money``, with the currency's format worked out once (see _formatter)."""
    formatter = _FORMATTERS.get(currency)
    if formatter is None:
        formatter = _FORMATTERS[currency] = _formatter(currency)
    return formatter(amount)


_FORMATTERS: dict[str, Callable[[Decimal], str]] = {}


def _formatter(currency: str) -> Callable[[Decimal], str]:
    """A faster ``money(amount, currency)``: the sign, then what ``money`` puts before the
    digits, then the digits; used only when it writes exactly what ``money`` does for a few
    test amounts, else ``money`` itself."""
    spec = f",.{minor_units(currency)}f"
    one = money(Decimal(1), currency)
    prefix = one[: len(one) - len(format(Decimal(1), spec))]

    def fast(amount: Decimal) -> str:
        return f"{'-' if amount < 0 else ''}{prefix}{abs(amount):{spec}}"

    probes = (Decimal("-1234567.891"), Decimal("0.00"), Decimal("-0.004"), Decimal("98765.4"))
    if all(fast(probe) == money(probe, currency) for probe in probes):
        return fast
    return lambda amount: money(amount, currency)


def _next_step(
    account: _Account, past_due_text: str, promise: str, over_limit: bool, limit: Decimal | None
) -> tuple[str, str]:
    if not account.past_due:
        return "monitor", "Nothing past due: monitor."
    days = account.oldest_days
    summary = (
        f"{past_due_text} past due on {plural(len(account.past_due_numbers), 'invoice')}, "
        f"oldest {account.past_due_numbers[0]} {days} days"
    )
    if promise:
        summary += f"; {promise}"
    if days > 90 or (promise and over_limit):
        if over_limit and limit is not None:
            summary += (
                f"; {_money(account.open_total, account.currency)} open against a "
                f"{_money(limit, account.currency)} credit limit"
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
