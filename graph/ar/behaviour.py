"""How each customer pays, learned from the ledger's own history, and what that predicts.

The model is deliberately small enough to read back as a sentence. Per customer it counts the
invoices it settled (fully paid) and how many of those were paid *late* (more than
``LATE_DAYS`` after the due date), with the last ``RECENT_DAYS`` counted twice (habits change);
invoices still open more than ``LATE_DAYS`` past due count as late too (they are, whatever
happens next). The customer's chance that an invoice is paid late is that share, shrunk towards
the whole book's share by ``PRIOR_WEIGHT`` invoices (three invoices say little; thirty say a
lot). Its lateness is the average days beyond terms of its late payments, and its trend the
average days beyond terms lately against before.

For one open invoice (``chance_late``):

- more than ``LATE_DAYS`` past due: it *is* late (1.0);
- 1-``LATE_DAYS`` days past due and unpaid: the customer's chance, raised because an on-time
  payer would mostly have paid by now;
- not yet due: the customer's chance;
- disputed: at least ``DISPUTED_CHANCE`` (disputes take weeks to settle); partly paid: at least
  ``PARTLY_PAID_CHANCE``;
- each promise to pay the customer broke lately halves the chance it pays on time.

Measured by ``benchmarks/collections_backtest.py`` (top-decile lift of late money) on the demo
company and on ``benchmarks/history_model.py``'s independently written histories. The same
model serves the collections list, the receipts forecast and the credit check
(``payment_behaviour``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from integrations.erp.records import Invoice, Payment

LATE_DAYS = 10
RECENT_DAYS = 180
PRIOR_WEIGHT = 4.0
DEFAULT_CHANCE = 0.2  # a book with no history at all
DEFAULT_LATENESS = 20.0  # days beyond terms of a late payment, with no late payments seen
DISPUTED_CHANCE = 0.8
PARTLY_PAID_CHANCE = 0.5
BROKEN_PROMISE_FACTOR = 0.5  # of the chance to pay on time, per broken promise (at most two)
TREND_NOTED_DAYS = 5.0  # a change in days beyond terms worth saying


@dataclass(frozen=True, slots=True)
class PaymentStats:
    """What one customer's history adds up to, as of a date (see the module's docstring)."""

    customer_id: str
    settled: int = 0  # invoices fully paid
    settled_late: int = 0  # of them, paid more than LATE_DAYS after due
    days_beyond_terms: int = 0  # Σ days between due and paid, over the settled (negative: early)
    late_days: int = 0  # Σ days beyond terms over the late ones
    recent_settled: int = 0  # settled in the last RECENT_DAYS
    recent_late: int = 0
    recent_days_beyond_terms: int = 0
    open_late: int = 0  # open invoices more than LATE_DAYS past due

    def __add__(self, other: PaymentStats) -> PaymentStats:
        return PaymentStats(
            self.customer_id,
            *(getattr(self, f) + getattr(other, f) for f in _COUNTS),
        )


SETTLED_COUNTS = (  # what the settled invoices give; open_late comes from the open ones
    "settled",
    "settled_late",
    "days_beyond_terms",
    "late_days",
    "recent_settled",
    "recent_late",
    "recent_days_beyond_terms",
)
_COUNTS = (*SETTLED_COUNTS, "open_late")


@dataclass(frozen=True, slots=True)
class Behaviour:
    customer_id: str
    chance_late: float  # that an invoice not yet due is paid more than LATE_DAYS late
    lateness: float  # days beyond terms when it pays late
    average_beyond_terms: float | None  # over everything it settled
    recent_beyond_terms: float | None  # over the last RECENT_DAYS
    earlier_beyond_terms: float | None  # before that
    settled: int
    late: int  # settled late, plus open and already late
    open_late: int = 0  # of them, still open
    broken_promises: int = 0
    on_time_beyond_terms: float | None = None  # average over those paid within LATE_DAYS

    @property
    def trend(self) -> float | None:
        """Days beyond terms lately minus before (positive: paying later)."""
        if self.recent_beyond_terms is None or self.earlier_beyond_terms is None:
            return None
        return self.recent_beyond_terms - self.earlier_beyond_terms

    def describe(self) -> str:
        """One sentence with the numbers: "pays 18 days beyond terms on average, later lately
        (25 days over the last 6 months, 12 before); 7 of 11 invoices paid late"."""
        if self.average_beyond_terms is None and not self.late:
            return "no payment history yet"
        parts = []
        if self.average_beyond_terms is not None:
            parts.append(f"pays {_days(self.average_beyond_terms)} on average")
            trend = self.trend
            if trend is not None and abs(trend) >= TREND_NOTED_DAYS:
                direction = "later" if trend > 0 else "sooner"
                parts[-1] += (
                    f", {direction} lately ({_days(self.recent_beyond_terms)} over the last "
                    f"6 months, {_days(self.earlier_beyond_terms)} before)"
                )
        observed = self.settled + self.open_late
        parts.append(f"{self.late} of {observed} invoices more than {LATE_DAYS} days late")
        return "; ".join(parts)


def _days(value: float | None) -> str:
    if value is None:
        return "?"
    rounded = round(value)
    if rounded == 0:
        return "on terms"
    unit = "day" if abs(rounded) == 1 else "days"
    if rounded < 0:
        return f"{-rounded} {unit} early"
    return f"{rounded} {unit} late"


def learn(
    stats: Iterable[PaymentStats],
    broken_promises: Mapping[str, int] | None = None,
    book: Priors | None = None,
) -> dict[str, Behaviour]:
    """Each customer's behaviour, shrunk towards the whole book's (``book``: the book's sums
    when ``stats`` are only some of its customers')."""
    stats = list(stats)
    broken = broken_promises or {}
    prior, prior_lateness = (book or Priors.of(stats)).values()
    found = {
        s.customer_id: _behaviour(s, prior, prior_lateness, broken.get(s.customer_id, 0))
        for s in stats
    }
    for customer_id, count in broken.items():
        if customer_id not in found:
            found[customer_id] = _behaviour(PaymentStats(customer_id), prior, prior_lateness, count)
    return found


@dataclass(frozen=True, slots=True)
class Priors:
    """The whole book's sums the customers are shrunk towards: invoices observed and of them
    late (the recent ones counted twice, as ``_weighted``), late invoices settled and their
    days beyond terms."""

    observed: int
    late: int
    settled_late: int
    late_days: int

    @classmethod
    def of(cls, stats: Iterable[PaymentStats]) -> Priors:
        stats = list(stats)
        return cls(
            sum(_weighted(s)[0] for s in stats),
            sum(_weighted(s)[1] for s in stats),
            sum(s.settled_late for s in stats),
            sum(s.late_days for s in stats),
        )

    def values(self) -> tuple[float, float]:
        """(the book's chance of paying late, its days beyond terms of a late payment)."""
        chance = self.late / self.observed if self.observed else DEFAULT_CHANCE
        lateness = self.late_days / self.settled_late if self.settled_late else DEFAULT_LATENESS
        return chance, lateness


def default_behaviour(customer_id: str, others: Mapping[str, Behaviour]) -> Behaviour:
    """A customer with no history: the book's average (or the default for an empty book)."""
    if not others:
        return Behaviour(customer_id, DEFAULT_CHANCE, DEFAULT_LATENESS, None, None, None, 0, 0)
    chance = sum(b.chance_late for b in others.values()) / len(others)
    lateness = sum(b.lateness for b in others.values()) / len(others)
    return Behaviour(customer_id, chance, lateness, None, None, None, 0, 0)


def _weighted(s: PaymentStats) -> tuple[float, float]:
    """(invoices observed, of them late), the recent ones counted twice."""
    observed = s.settled + s.recent_settled + s.open_late
    late = s.settled_late + s.recent_late + s.open_late
    return observed, late


def _behaviour(s: PaymentStats, prior: float, prior_lateness: float, broken: int) -> Behaviour:
    observed, late = _weighted(s)
    chance = (late + PRIOR_WEIGHT * prior) / (observed + PRIOR_WEIGHT)
    late_count = s.settled_late + s.open_late
    lateness = (s.late_days + prior_lateness * 2) / (s.settled_late + 2)
    earlier = s.settled - s.recent_settled
    return Behaviour(
        s.customer_id,
        chance_late=chance,
        lateness=lateness,
        average_beyond_terms=s.days_beyond_terms / s.settled if s.settled else None,
        recent_beyond_terms=(
            s.recent_days_beyond_terms / s.recent_settled if s.recent_settled else None
        ),
        earlier_beyond_terms=(
            (s.days_beyond_terms - s.recent_days_beyond_terms) / earlier if earlier else None
        ),
        settled=s.settled,
        late=late_count,
        open_late=s.open_late,
        broken_promises=broken,
        on_time_beyond_terms=(
            (s.days_beyond_terms - s.late_days) / (s.settled - s.settled_late)
            if s.settled > s.settled_late
            else None
        ),
    )


def chance_late(
    behaviour: Behaviour, days_past_due: float, *, disputed: bool = False, partly_paid: bool = False
) -> float:
    """The chance an open invoice is paid more than LATE_DAYS after its due date."""
    if days_past_due > LATE_DAYS:
        return 1.0
    chance = behaviour.chance_late
    if days_past_due > 0:
        # Of its on-time payers, the share still unpaid this far past due shrinks to nothing.
        on_time_left = 1.0 - days_past_due / (LATE_DAYS + 1)
        chance = chance / (chance + (1.0 - chance) * on_time_left)
    if behaviour.broken_promises:
        chance = 1.0 - (1.0 - chance) * BROKEN_PROMISE_FACTOR ** min(behaviour.broken_promises, 2)
    if disputed:
        chance = max(chance, DISPUTED_CHANCE)
    if partly_paid:
        chance = max(chance, PARTLY_PAID_CHANCE)
    return chance


def expected_beyond_terms(behaviour: Behaviour, *, disputed: bool = False) -> float:
    """Days beyond terms an invoice not yet due is expected to be paid: late (``lateness``)
    with the chance it is paid late, else as its on-time payments were (on terms without
    any)."""
    chance = chance_late(behaviour, 0.0, disputed=disputed)
    on_time = behaviour.on_time_beyond_terms or 0.0
    return chance * behaviour.lateness + (1.0 - chance) * min(on_time, float(LATE_DAYS))


def expected_days_late(behaviour: Behaviour, days_past_due: float) -> float:
    """How late a late payment of this invoice will be: at least as late as it already is."""
    return max(behaviour.lateness, float(days_past_due))


# --- from records (any ERP) --------------------------------------------------------------------


def stats_from_records(
    invoices: Iterable[Invoice], payments: Iterable[Payment], as_of: date
) -> dict[str, PaymentStats]:
    """``PaymentStats`` per customer from an ERP's records: every invoice (paid ones included)
    and the payments applied to them. Settled on the last application's date."""
    settled_on: dict[str, date] = {}
    for payment in payments:
        for application in payment.applications:
            if application.applied_on <= as_of:
                seen = settled_on.get(application.invoice_number)
                if seen is None or application.applied_on > seen:
                    settled_on[application.invoice_number] = application.applied_on
    sums: dict[str, list[int]] = {}
    recent_from = as_of.toordinal() - RECENT_DAYS
    for invoice in invoices:
        row = sums.get(invoice.customer_id)
        if row is None:
            row = sums[invoice.customer_id] = [0] * len(_COUNTS)
        if invoice.balance <= 0:
            paid = settled_on.get(invoice.invoice_number)
            if paid is None:
                continue  # settled by a credit, or before the payments we see
            beyond = (paid - invoice.due_date).days
            late = beyond > LATE_DAYS
            recent = paid.toordinal() > recent_from
            row[0] += 1
            row[1] += late
            row[2] += beyond
            row[3] += beyond if late else 0
            if recent:
                row[4] += 1
                row[5] += late
                row[6] += beyond
        else:
            if (as_of - invoice.due_date).days > LATE_DAYS:
                row[7] += 1
    return {cid: PaymentStats(cid, *row) for cid, row in sums.items()}


def payment_behaviour(erp: object, customer_id: str, as_of: date) -> Behaviour:
    """One customer's behaviour as the collections list sees it, for the credit check and
    anyone else: from the local ledger in SQL, from any other ERP through its records."""
    from graph.ar.collections_book import behaviour_of

    return behaviour_of(erp, customer_id, as_of)  # type: ignore[arg-type]
