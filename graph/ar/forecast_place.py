"""Every open invoice placed on the collection curve at once (numpy): its segment (moved by its
customer's paying habit when not yet due), the probability of collecting it in each window, the
likeliest window and the expected cents. ``graph.ar.forecast`` makes records of it,
``graph.ar.forecast_book`` totals it from the local ledger's SQL; see ``graph.ar.forecast``'s
docstring for the method."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from graph.ar.forecast_curve import (
    CURRENCY_CREDIBILITY,
    CUSTOMER_CREDIBILITY,
    HALF_LIFE_DAYS,
    HISTORY_DAYS,
    SEGMENT_BOUNDS,
    SEGMENTS,
    Curves,
    windows_of,
)

FIRST_HORIZON_UNTIL_DAYS = 90  # without history: an expected date already past, this late or less

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


@dataclass(frozen=True)
class OpenItems:
    """Open invoices as arrays: their account (an index into ``accounts``, the distinct
    (customer, currency) pairs), due day (ordinal) and balance in cents."""

    accounts: list[tuple[str, str]]
    account: np.ndarray
    due: np.ndarray
    balance: np.ndarray

    @classmethod
    def of(
        cls,
        customer_ids: Iterable[str],
        currencies: Iterable[str],
        due: np.ndarray,
        balance: np.ndarray,
    ) -> OpenItems:
        index: dict[tuple[str, str], int] = {}
        account = np.fromiter(
            (index.setdefault(a, len(index)) for a in zip(customer_ids, currencies, strict=True)),
            dtype=np.int64,
            count=len(due),
        )
        return cls(list(index), account, due, balance)


@dataclass(frozen=True)
class Placed:
    """``expect``'s answer, one row per open invoice: the probability of each window in
    1/10,000 (``chances``), the expected cents, the likeliest window (−1: later or never),
    the segments (−1: doubtful), the habit used and its date."""

    chances: np.ndarray  # [invoice, window]
    cents: np.ndarray  # [invoice, window]
    best: np.ndarray
    own_segment: np.ndarray
    segment: np.ndarray
    habit_day: np.ndarray  # ordinal
    account: np.ndarray  # per invoice, an index into ``habits``
    habits: list[tuple[Decimal, str, int, int]]  # per account: ``_habit``'s answer
    any_own: np.ndarray  # the customer's own history set a probability
    any_portfolio: np.ndarray

    @property
    def beyond(self) -> list[Decimal]:
        """Each invoice's days beyond terms of its habit."""
        return [self.habits[a][0] for a in self.account.tolist()]

    @property
    def basis(self) -> list[str]:
        """Whose habit each invoice's is: customer | portfolio | none."""
        return [self.habits[a][1] for a in self.account.tolist()]

    @property
    def rates_basis(self) -> list[str]:
        """Whose history set each invoice's probabilities: customer | portfolio | none."""
        return [
            "customer" if o else ("portfolio" if p else "none")
            for o, p in zip(self.any_own.tolist(), self.any_portfolio.tolist(), strict=True)
        ]


def _whole_days(days: Decimal) -> int:
    return int(days.quantize(Decimal(1), ROUND_HALF_UP))


_HIGHS = np.array([high for _, _, high in SEGMENT_BOUNDS])


def _segments(days_late: np.ndarray) -> np.ndarray:
    """The curve's row of each days past due (negative: to due); −1 when doubtful."""
    found = np.searchsorted(_HIGHS, days_late, side="left")
    return np.where(found >= len(SEGMENTS), -1, found)


def expect(
    items: OpenItems,
    habits: Mapping[str, Decimal],
    portfolio: Mapping[str, Decimal | None],
    curves: Curves,
    as_of: date,
    horizons: Sequence[int],
) -> Placed:
    """Each open invoice's probabilities over the windows (see the module's docstring)."""
    windows = windows_of(horizons)
    today = as_of.toordinal()
    n = len(items.due)
    account = items.account
    averages = {c: (a, _whole_days(a) if a is not None else 0) for c, a in portfolio.items()}
    found = [_habit(a, habits, averages) for a in items.accounts]
    whole = np.array([days for _, _, days, _ in found], dtype=np.int64)[account]
    shift = np.array([moved for _, _, _, moved in found], dtype=np.int64)[account]
    customer_habit = np.array([whose == "customer" for _, whose, _, _ in found], dtype=bool)
    customer_habit = customer_habit[account]
    late = today - items.due
    own = _segments(late)
    # Not yet due and paying later than its currency's average: looked up as due that much
    # later (sooner for an earlier payer, but never as if past due).
    moved = (late <= 0) & customer_habit
    segment = np.where(moved, _segments(np.minimum(late - shift, 0)), own)
    habit_day = items.due + whole
    ahead = habit_day - today
    ends = np.array([end for _, end in windows])
    by_habit = np.searchsorted(ends, ahead, side="left")  # the window the habit date falls in
    by_habit = np.where(by_habit >= len(windows), -1, by_habit)
    past = 0 if len(windows) else -1
    by_habit = np.where(
        ahead <= 0, np.where(late <= FIRST_HORIZON_UNTIL_DAYS, past, len(windows) - 1), by_habit
    )

    placed = own >= 0
    codes = np.array([curves.currencies.get(c, -1) for _, c in items.accounts], dtype=np.int64)[
        account
    ]
    pair = np.array([curves.pairs.get(a, -1) for a in items.accounts], dtype=np.int64)[account]
    rest = np.full(n, 10_000, dtype=np.int64)
    chances = np.zeros((n, len(windows)), dtype=np.int64)
    any_own = np.zeros(n, dtype=bool)
    any_portfolio = np.zeros(n, dtype=bool)
    seg = np.maximum(segment, 0)
    own_seg = np.maximum(own, 0)
    table = _portfolio_table(curves, len(windows))
    for w in range(len(windows)):
        rate = table[np.maximum(codes, 0), seg, w]
        # A currency the curve has never seen: all currencies' rate.
        rate = np.where(codes >= 0, rate, _overall(curves, seg, w))
        known = ~np.isnan(rate)
        has_own = known & (pair >= 0)
        counted = np.zeros(n)
        if curves.invoices.size:
            safe = np.maximum(pair, 0)
            counted = np.where(has_own, curves.invoices[safe, own_seg, w], 0.0)
            has_own &= counted > 0
            weight = counted / (counted + CUSTOMER_CREDIBILITY)
            with np.errstate(divide="ignore", invalid="ignore"):
                mine = curves.collected[safe, own_seg, w] / curves.open[safe, own_seg, w]
            rate = np.where(has_own, weight * mine + (1 - weight) * rate, rate)
        any_own |= has_own & placed
        any_portfolio |= known & placed
        rate = np.where(known, rate, np.where(by_habit == w, 1.0, 0.0))
        scaled = np.floor(np.clip(rate, 0.0, 1.0) * 10_000 + 0.5).astype(np.int64)
        chance = np.where(placed, np.minimum(scaled, rest), 0)
        rest -= chance
        chances[:, w] = chance
    cents = (items.balance[:, None] * chances + 5_000) // 10_000
    likeliest = chances.max(axis=1) if len(windows) else np.zeros(n, np.int64)
    best = np.where(placed & (likeliest >= rest), chances.argmax(axis=1), -1)
    return Placed(
        chances=chances,
        cents=cents,
        best=best,
        own_segment=own,
        segment=np.where(placed, segment, -1),
        habit_day=habit_day,
        account=account,
        habits=found,
        any_own=any_own,
        any_portfolio=any_portfolio,
    )


def _habit(
    account: tuple[str, str],
    habits: Mapping[str, Decimal],
    averages: Mapping[str, tuple[Decimal | None, int]],
) -> tuple[Decimal, str, int, int]:
    """(days beyond terms, whose, in whole days, how many days later than its currency's
    average the customer pays — 0 unless its own habit is used); ``averages``: per currency,
    its average and that in whole days (0 without one)."""
    customer_id, currency = account
    average, average_whole = averages.get(currency, (None, 0))
    if customer_id in habits:
        days = habits[customer_id]
        whole = _whole_days(days)
        return days, "customer", whole, whole - average_whole
    if average is not None:
        return average, "portfolio", average_whole, 0
    return Decimal(0), "none", 0, 0


def _portfolio_table(curves: Curves, windows: int) -> np.ndarray:
    """[currency, segment, window] → the portfolio's rate, NaN without history."""
    table = np.full((max(len(curves.currencies), 1), len(SEGMENTS), windows), np.nan)
    for currency, code in curves.currencies.items():
        for segment in range(len(SEGMENTS)):
            for window in range(windows):
                rate = curves.portfolio(currency, segment, window)
                if rate is not None:
                    table[code, segment, window] = rate
    return table


def _overall(curves: Curves, segment: np.ndarray, window: int) -> np.ndarray:
    if curves.all_open.size == 0:
        return np.full(len(segment), np.nan)
    counted = curves.all_invoices[segment, window]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = curves.all_collected[segment, window] / curves.all_open[segment, window]
    return np.where(counted > 0, rate, np.nan)
