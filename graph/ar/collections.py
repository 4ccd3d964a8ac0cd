"""The collections priority list: who to chase first, why, and how.

An entry is one customer in one currency (a customer billed in two currencies gets two entries;
amounts are never added across currencies). Aging is by due date.

The list orders *expected late money*: for each open invoice, its balance × the chance it is
paid more than ``LATE_DAYS`` days late (``graph.ar.behaviour``: the customer's own history, its
trend, disputes, partial payments and broken promises). Money already more than ``LATE_DAYS``
past due is late for certain; money not yet due counts as much as its payer's habits say, so a
habitual late payer's invoices falling due next week come ahead of a small overdue balance. How
late is said in the entry's words but does not weigh in the order: every form of "× how late"
tried caught less late money in the backtest (``benchmarks/collections_backtest.py``, top-decile
lift on the medium demo / on ``benchmarks/history_model.py``, against 6.89× / 5.29× without it;
the clerk's sort 5.60× / 4.90×): × (1 + days late / 60) 4.95× on the history model; × expected
days late capped at C and divided by C (late money at least its aging bucket's days), C = 30:
6.86× / 5.28×, C = 60: 6.76× / 5.17×, C = 90: 6.76× / 5.12×. The outcome that matters is money
paid late, and weighting by days moves long-late small balances ahead of large ones. How late
breaks ties instead (first among ties it left the lift unchanged on both: 6.89× / 5.29×).

The score is that amount in percent of the average account's open balance in the same currency
(so a EUR account and a USD account compare; 250 means two and a half average accounts' worth of
money expected late); ties go to the larger past-due balance, then to the customer whose late
payments are later (``Behaviour.lateness``), then the customer id.

Each entry's factors say where its expected late money comes from, in sentences with numbers
("$12,400 falling due in the next 30 days; pays 18 days late on average, later lately"); the
factor's ``points`` are its share of the entry's score.

Next step: "hold" when anything is more than 90 days past due, or a promise is broken and the
account is over its credit limit; "call" when anything is more than 30 days past due or a promise
is broken; "reminder" when the oldest is 1-30 days past due, or when nothing is past due yet but
the payer more likely than not pays late and something falls due within ``DUE_SOON_DAYS``;
otherwise "monitor". The dunning stage follows the oldest days past due as
``graph.requests.reminder_stage`` does: up to 30 friendly, 31-60 firm, over 60 final.

The inputs come from one of two places with the same figures: ``collections_accounts`` totals
records from any ERP in Python; ``integrations.erp.local.aggregates`` totals the local ledger in
SQL, so that a million open invoices never become Python objects (only the entries shown do).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from graph.ar.behaviour import (
    LATE_DAYS,
    Behaviour,
    PaymentStats,
    Priors,
    chance_late,
    default_behaviour,
    learn,
)
from integrations.erp.records import Customer, Invoice, Note, Payment, PromiseToPay

ZERO = Decimal("0.00")
DUE_SOON_DAYS = 14
EARLY_PAST_DUE_DAYS = 5.0  # where the 1-LATE_DAYS band sits, for its chance
PROMISE_MEMORY_DAYS = 90
PERCENT = 100.0
SCORE_STEP = 0.1  # scores are rounded to it


@dataclass(slots=True)
class AccountTotals:
    """One customer's open invoices in one currency, totalled for the score.

    ``buckets`` are the aging buckets (AGING_BUCKET_NAMES); the rest splits the same money
    by what the score needs: ``late`` is more than LATE_DAYS past due, ``early_past_due``
    1-LATE_DAYS, ``not_due`` not yet due (``due_soon`` of it within DUE_SOON_DAYS); the
    partly-paid and disputed parts are of the money not yet late (an invoice both disputed and
    partly paid counts as disputed), ``early_partly_paid`` and ``early_disputed`` the share of
    them 1-LATE_DAYS past due.
    """

    customer_id: str
    currency: str
    buckets: list[Decimal]
    late: Decimal = ZERO
    late_day_money: float = 0.0  # Σ balance × days past due over the late money
    early_past_due: Decimal = ZERO
    not_due: Decimal = ZERO
    due_soon: Decimal = ZERO
    partly_paid: Decimal = ZERO
    disputed: Decimal = ZERO
    early_partly_paid: Decimal = ZERO
    early_disputed: Decimal = ZERO
    disputed_numbers: list[str] = field(default_factory=list)
    late_count: int = 0  # invoices more than LATE_DAYS past due
    # For the words only (the local ledger reads them for the entries shown):
    oldest_due: date | None = None  # of the past-due invoices
    past_due_count: int = 0

    @property
    def open_total(self) -> Decimal:
        return sum(self.buckets, ZERO)

    @property
    def past_due(self) -> Decimal:
        return self.open_total - self.buckets[0]

    def past_due_key(self) -> Decimal:
        """``past_due`` for ordering (the ledger's accounts give cents: the same order)."""
        return self.past_due

    def open_total_float(self) -> float:
        """``open_total`` as a float (the ledger's accounts divide their cents: the same
        float, both being correctly rounded)."""
        return float(self.open_total)

    def risk_amounts(self) -> tuple[float, ...]:
        """What ``risk`` weighs, as floats: late; 1-LATE_DAYS past due (plain, disputed, partly
        paid); not yet due (plain, disputed, partly paid)."""
        due_disputed = self.disputed - self.early_disputed
        due_partly = self.partly_paid - self.early_partly_paid
        return (
            float(self.late),
            float(self.early_past_due - self.early_disputed - self.early_partly_paid),
            float(self.early_disputed),
            float(self.early_partly_paid),
            float(self.not_due - due_disputed - due_partly),
            float(due_disputed),
            float(due_partly),
        )


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
    score: float  # expected late money, % of the currency's average open account
    open_total: Decimal
    past_due: Decimal
    amount_at_risk: Decimal  # expected late money (balance × chance of paying late)
    buckets: dict[str, Decimal]
    factors: tuple[Factor, ...]  # largest first
    next_step: str  # call | reminder | hold | monitor
    next_step_text: str
    stage: str  # friendly | firm | final
    past_due_invoices: tuple[str, ...]  # oldest first
    chance_late: float = 0.0  # that money not yet due is paid late
    behaviour: str = ""


@dataclass(frozen=True, slots=True)
class Risk:
    """An account's expected late money, part by part."""

    late_now: float  # more than LATE_DAYS past due: late for certain
    early_past_due: float  # 1-LATE_DAYS past due × the chance
    not_due: float  # not yet due × the chance

    @property
    def expected(self) -> float:
        return self.late_now + self.early_past_due + self.not_due


def risk(account: AccountTotals, behaviour: Behaviour) -> Risk:
    """The account's expected late money (see the module's docstring). Disputed and partly paid
    money not yet late has the larger of the customer's chance and its own, as far past due as
    it is (1-LATE_DAYS past due or not yet due)."""
    late, early, early_disputed, early_partly, due, due_disputed, due_partly = (
        account.risk_amounts()
    )
    return Risk(
        late,
        _expected_late(behaviour, EARLY_PAST_DUE_DAYS, early, early_disputed, early_partly),
        _expected_late(behaviour, 0.0, due, due_disputed, due_partly),
    )


def _expected_late(
    behaviour: Behaviour, days: float, plain: float, disputed: float, partly_paid: float
) -> float:
    """The money × the chance it is paid late: ``plain`` with the customer's chance,
    ``disputed`` and ``partly_paid`` with their own."""
    found = plain * chance_late(behaviour, days) if plain else 0.0
    if disputed:
        found += disputed * chance_late(behaviour, days, disputed=True)
    if partly_paid:
        found += partly_paid * chance_late(behaviour, days, partly_paid=True)
    return found


@dataclass(frozen=True, slots=True)
class Ranked:
    account: AccountTotals
    behaviour: Behaviour
    risk: Risk
    score: float

    def order(self) -> tuple[float, Decimal | int, float, str, str]:
        """Most expected late money first; ties: larger past due, then the later payer (how late
        its late payments are), then customer id."""
        return (
            -self.score,
            -self.account.past_due_key(),
            -self.behaviour.lateness,
            self.account.customer_id,
            self.account.currency,
        )


@dataclass(frozen=True, slots=True)
class BookTotals:
    """What ``rank`` takes from the whole book when it is given only some of its accounts (the
    ones that can reach the top): the average open account per currency, and the book's sums
    the payment behaviour is shrunk towards."""

    typical: Mapping[str, float]
    priors: Priors


def typical_accounts(open_totals: Iterable[tuple[str, float]]) -> dict[str, float]:
    """The average open balance of an account per currency, from (currency, open total) in
    the accounts' order."""
    books: dict[str, list[float]] = {}  # currency → [open total, accounts]
    for currency, total in open_totals:
        if total > 0:
            book = books.setdefault(currency, [0.0, 0.0])
            book[0] += total
            book[1] += 1
    return {currency: total / count for currency, (total, count) in books.items()}


def rank(
    accounts: Iterable[AccountTotals],
    stats: Iterable[PaymentStats],
    broken_promises: Mapping[str, int] | None = None,
    book: BookTotals | None = None,
) -> list[Ranked]:
    """Every account with an open balance, most urgent first (``book``: the whole book's
    totals, when ``accounts`` and ``stats`` are only the part of it that can come first)."""
    behaviours = learn(stats, broken_promises, book.priors if book else None)
    # Accounts without any history share the book's behaviour (customer id "": anyone's).
    newcomer = default_behaviour("", behaviours)
    totals = [(a, a.open_total_float()) for a in accounts]
    totals = [(a, total) for a, total in totals if total > 0]
    accounts = [a for a, _ in totals]
    if book is not None:
        typical = dict(book.typical)
    else:
        typical = typical_accounts((a.currency, total) for a, total in totals)
    ranked = []
    for account in accounts:
        behaviour = behaviours.get(account.customer_id, newcomer)
        found = risk(account, behaviour)
        score = round(PERCENT * found.expected / typical[account.currency], 1)  # SCORE_STEP
        ranked.append(Ranked(account, behaviour, found, score))
    ranked.sort(key=Ranked.order)
    return ranked


@dataclass
class Details:
    """What the entries shown need beyond the totals (read for those accounts only)."""

    customers: Mapping[str, Customer]
    past_due_numbers: Mapping[tuple[str, str], Sequence[str]]  # oldest first
    last_contact: Mapping[str, datetime]
    broken: Mapping[str, list[PromiseToPay]]  # still mattering


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
    """Every customer with an open balance, most urgent first, from an ERP's records
    (``invoices_by_number`` holds every invoice, paid ones too: the history the behaviour is
    learned from). With ``limit``, only the first ``limit`` entries: every account is still
    ranked, but the texts are written only for the entries returned."""
    from graph.ar.behaviour import stats_from_records
    from graph.ar.collections_accounts import (
        accounts_from_records,
        last_contacts,
        mattering_broken_promises,
        past_due_numbers,
    )
    from graph.ar.collections_text import entry

    if limit is not None and limit < 0:
        raise ValueError(f"limit must be at least 0, not {limit}")
    open_list = [i for i in open_invoices if i.balance > 0]
    payments = list(payments)
    accounts = accounts_from_records(open_list, as_of, disputed)
    open_numbers = {i.invoice_number for i in open_list}
    broken = mattering_broken_promises(promises, open_numbers, as_of)
    stats = stats_from_records(invoices_by_number.values(), payments, as_of).values()
    ranked = rank(accounts, stats, {c: len(p) for c, p in broken.items()})
    shown = ranked if limit is None else ranked[:limit]
    details = Details(
        customers={c.customer_id: c for c in customers},
        past_due_numbers=past_due_numbers(open_list, as_of),
        last_contact=last_contacts(notes),
        broken=broken,
    )
    return [entry(r, details, as_of) for r in shown]


def worklists(entries: Iterable[PriorityEntry]) -> dict[str, list[PriorityEntry]]:
    """The priority list split by collector ("unassigned" when none), each in the list's order."""
    lists: dict[str, list[PriorityEntry]] = {}
    for item in entries:
        lists.setdefault(item.collector or "unassigned", []).append(item)
    return lists


__all__ = [
    "LATE_DAYS",
    "AccountTotals",
    "BookTotals",
    "Details",
    "Factor",
    "PriorityEntry",
    "Ranked",
    "priority_list",
    "rank",
    "worklists",
]
