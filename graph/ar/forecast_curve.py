"""The receipts forecast's collection curve, learnt on arrays (numpy), and the probabilities it
gives an open invoice. The same arrays come from an ERP's records or from the local ledger's SQL
(``graph.ar.forecast_book``), so both give the same curve.

What is counted (see ``graph.ar.forecast``'s docstring for why): at a snapshot every
``SNAPSHOT_EVERY_DAYS`` days over ``HISTORY_DAYS`` before each window's newest one, each invoice
issued by then with a balance left, in its segment, with what was collected of it in the window
after the snapshot; a snapshot weighs half as much every ``HALF_LIFE_DAYS`` further back.

Rather than visiting every invoice at every snapshot, each invoice's history is cut into pieces
of constant balance (between two of its payments or credits), and a piece adds its balance ×
the weights of the snapshots that fall in it and in a segment — a contiguous run of snapshots,
whose weights are a difference of prefix sums. A payment adds its amount × the weights of the
snapshots whose window it falls in. An invoice counts once per segment and window, at the
weight of the most recent snapshot that saw it there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np

SNAPSHOT_EVERY_DAYS = 7
HISTORY_DAYS = 182
HALF_LIFE_DAYS = 14
CURRENCY_CREDIBILITY = 30.0
CUSTOMER_CREDIBILITY = 5.0
DOUBTFUL_AFTER_DAYS = 120
PROBABILITY = Decimal("0.0001")
NEVER = 10**9  # a day number after any date

# The curve's rows: (name, fewest days past due, most), negative days being days to due.
SEGMENT_BOUNDS: tuple[tuple[str, int, int], ...] = (
    ("due in 61+ days", -NEVER, -61),
    ("due in 31-60 days", -60, -31),
    ("due in 16-30 days", -30, -16),
    ("due in 0-15 days", -15, 0),
    ("1-30 days past due", 1, 30),
    ("31-60 days past due", 31, 60),
    ("61-90 days past due", 61, 90),
    ("91-120 days past due", 91, DOUBTFUL_AFTER_DAYS),
)
SEGMENTS = tuple(name for name, _, _ in SEGMENT_BOUNDS)


def labels_of(horizons: Sequence[int]) -> tuple[str, ...]:
    labels, previous = [], -1
    for horizon in horizons:
        labels.append(f"{previous + 1}-{horizon}")
        previous = horizon
    return tuple(labels)


def windows_of(horizons: Sequence[int]) -> tuple[tuple[int, int], ...]:
    """Each window as (start, end]: days after the as-of date."""
    return tuple(zip((0, *horizons[:-1]), horizons, strict=True))


def probability(rate: float) -> Decimal:
    return Decimal(min(max(rate, 0.0), 1.0)).quantize(PROBABILITY, ROUND_HALF_UP)


@dataclass(frozen=True)
class History:
    """Invoices and what reduced them, as arrays (day numbers are ``date.toordinal()``, money in
    cents). ``pairs`` are the (customer, currency) accounts; ``pair`` and ``currency`` index
    them and ``currencies`` per invoice. Events are (invoice index, day, cents, is cash)."""

    pairs: list[tuple[str, str]]
    currencies: list[str]
    pair: np.ndarray
    currency: np.ndarray
    issued: np.ndarray
    due: np.ndarray
    amount: np.ndarray
    event_invoice: np.ndarray
    event_day: np.ndarray
    event_cents: np.ndarray
    event_cash: np.ndarray


class HistoryBuilder:
    """Collects invoices and events one by one (any source) into a ``History``."""

    def __init__(self) -> None:
        self._pairs: dict[tuple[str, str], int] = {}
        self._currencies: dict[str, int] = {}
        self._index: dict[str, int] = {}
        self._invoices: list[tuple[int, int, int, int, int]] = []
        self._events: list[tuple[int, int, int, bool]] = []  # (invoice index, day, cents, cash)

    def invoice(
        self, number: str, customer_id: str, currency: str, issued: int, due: int, cents: int
    ) -> None:
        pair = self._pairs.setdefault((customer_id, currency), len(self._pairs))
        code = self._currencies.setdefault(currency, len(self._currencies))
        self._index[number] = len(self._invoices)
        self._invoices.append((pair, code, issued, due, cents))

    def event(self, number: str, day: int, cents: int, cash: bool) -> None:
        index = self._index.get(number)
        if index is not None and cents:
            self._events.append((index, day, cents, cash))

    def build(self) -> History:
        rows = np.array(self._invoices, dtype=np.int64).reshape(-1, 5)
        events = np.array([(i, d, c) for i, d, c, _ in self._events], dtype=np.int64).reshape(-1, 3)
        return history(
            list(self._pairs),
            list(self._currencies),
            rows[:, 0],
            rows[:, 1],
            rows[:, 2],
            rows[:, 3],
            rows[:, 4],
            events[:, 0],
            events[:, 1],
            events[:, 2],
            np.array([e[3] for e in self._events], dtype=bool),
        )


def history(
    pairs: list[tuple[str, str]],
    currencies: list[str],
    pair: np.ndarray,
    currency: np.ndarray,
    issued: np.ndarray,
    due: np.ndarray,
    amount: np.ndarray,
    event_invoice: np.ndarray,
    event_day: np.ndarray,
    event_cents: np.ndarray,
    event_cash: np.ndarray,
) -> History:
    """A ``History`` from its columns; events in any order (sorted here by invoice, day)."""
    order = np.lexsort((~event_cash, event_cents, event_day, event_invoice))
    return History(
        pairs=pairs,
        currencies=currencies,
        pair=pair,
        currency=currency,
        issued=issued,
        due=due,
        amount=amount,
        event_invoice=event_invoice[order],
        event_day=event_day[order],
        event_cents=event_cents[order],
        event_cash=event_cash[order],
    )


@dataclass(frozen=True)
class Curves:
    """Recency-weighted tallies per account, segment and window: open balance, collected, and
    invoices counted; an account's currency and the whole book's are their sums."""

    pairs: dict[tuple[str, str], int]
    currencies: dict[str, int]
    open: np.ndarray  # [pair, segment, window]
    collected: np.ndarray
    invoices: np.ndarray
    currency_open: np.ndarray  # [currency, segment, window]
    currency_collected: np.ndarray
    currency_invoices: np.ndarray
    all_open: np.ndarray  # [segment, window]
    all_collected: np.ndarray
    all_invoices: np.ndarray

    def portfolio(self, currency: str, segment: int, window: int) -> float | None:
        """All currencies' rate, and the currency's shrunk toward it; None without history."""
        if not self.all_invoices[segment, window] > 0:
            return None
        overall = self.all_collected[segment, window] / self.all_open[segment, window]
        code = self.currencies.get(currency)
        if code is None or not self.currency_invoices[code, segment, window] > 0:
            return float(overall)
        return _shrunk(
            self.currency_collected[code, segment, window],
            self.currency_open[code, segment, window],
            self.currency_invoices[code, segment, window],
            float(overall),
            CURRENCY_CREDIBILITY,
        )

    def table(self, labels: Sequence[str]) -> dict[str, dict[str, dict[str, Decimal]]]:
        """currency → segment → window label → the portfolio's rate."""
        table: dict[str, dict[str, dict[str, Decimal]]] = {}
        for currency in sorted(self.currencies):
            code = self.currencies[currency]
            for segment, name in enumerate(SEGMENTS):
                row = {}
                for window, label in enumerate(labels):
                    if self.currency_invoices[code, segment, window] > 0:
                        rate = self.portfolio(currency, segment, window)
                        row[label] = probability(rate or 0.0)
                if row:
                    table.setdefault(currency, {})[name] = row
        return table


def _shrunk(collected: Any, open_: Any, invoices: Any, prior: float, credibility: float) -> float:
    weight = float(invoices) / (float(invoices) + credibility)
    return weight * float(collected) / float(open_) + (1 - weight) * prior


_HIGHS = np.array([high for _, _, high in SEGMENT_BOUNDS], dtype=np.int64)
_LOWS = np.array([low for _, low, _ in SEGMENT_BOUNDS], dtype=np.int64)


def _runs(
    base: int, low: np.ndarray, high: np.ndarray, due: np.ndarray, count: int
) -> tuple[np.ndarray, ...]:
    """For snapshot days base − SNAPSHOT_EVERY_DAYS × j (j = 0..count−1) within [low, high],
    each element's runs of snapshots in one segment (days past ``due`` within its bounds):
    (element, segment, first j, last j) of each run, element by element, segments in order.
    Going back from its latest snapshot, an element's days past due fall through contiguous
    segments, each at least a week wide, so each segment between those of its latest and its
    earliest snapshot holds a run."""
    step = SNAPSHOT_EVERY_DAYS
    first_any = np.clip(-((high - base) // step), 0, count)  # ceil((base − high) / step)
    last_any = np.clip((base - low) // step, -1, count - 1)
    late = base - due  # days past due at the newest snapshot (j = 0)
    top = np.minimum(np.searchsorted(_HIGHS, late - step * first_any), len(_HIGHS) - 1)
    bottom = np.searchsorted(_HIGHS, late - step * last_any)
    spans = np.where((first_any <= last_any) & (bottom < len(_HIGHS)), top - bottom + 1, 0)
    element = np.repeat(np.arange(len(late)), spans)
    segment = np.arange(len(element)) - np.repeat(np.cumsum(spans) - spans - bottom, spans)
    days = late[element]
    first = np.maximum(first_any[element], -((_HIGHS[segment] - days) // step))
    last = np.minimum(last_any[element], (days - _LOWS[segment]) // step)
    kept = first <= last
    return element[kept], segment[kept], first[kept], last[kept]


def learn_curves(history: History, as_of: int, horizons: Sequence[int]) -> Curves:
    """The tallies of every account, segment and window (see the module's docstring); events
    after ``as_of`` are not seen."""
    count = HISTORY_DAYS // SNAPSHOT_EVERY_DAYS + 1
    weights = np.array([0.5 ** (j * SNAPSHOT_EVERY_DAYS / HALF_LIFE_DAYS) for j in range(count)])
    prefix = np.concatenate(([0.0], np.cumsum(weights)))
    pairs, n_segments = len(history.pairs), len(SEGMENTS)
    windows = windows_of(horizons)
    shape = (pairs, n_segments, len(windows))
    open_, collected, invoices = np.zeros(shape), np.zeros(shape), np.zeros(shape)

    seen = history.event_day <= as_of
    ev_invoice = history.event_invoice[seen]
    ev_day = history.event_day[seen]
    ev_cents = history.event_cents[seen]
    ev_cash = history.event_cash[seen]
    n = len(history.amount)
    # Pieces of constant balance: before the first event, then from each event to the next.
    taken = np.cumsum(ev_cents)
    starts = np.searchsorted(ev_invoice, np.arange(n), side="left")
    before = np.concatenate(([0], taken))[starts]  # taken before each invoice's first event
    left_after = history.amount[ev_invoice] - (taken - before[ev_invoice])
    next_day = np.full(len(ev_day), NEVER, dtype=np.int64)
    same_next = ev_invoice[1:] == ev_invoice[:-1]
    next_day[:-1][same_next] = ev_day[1:][same_next]
    ends = np.searchsorted(ev_invoice, np.arange(n), side="right")
    has_event = starts < ends
    days = np.concatenate((ev_day, [NEVER]))  # so that every index below is one
    first_event = np.where(has_event, days[starts], NEVER)
    piece_invoice = np.concatenate((np.arange(n), ev_invoice))
    piece_from = np.concatenate((history.issued, np.maximum(ev_day, history.issued[ev_invoice])))
    piece_until = np.concatenate((first_event, next_day)) - 1
    piece_owed = np.concatenate((history.amount, left_after))
    keep = piece_owed > 0
    piece_invoice, piece_from = piece_invoice[keep], piece_from[keep]
    piece_until, piece_owed = piece_until[keep], piece_owed[keep] / 100.0
    # Open from issue to the day the balance was used up (the last event), or for good.
    final_left = history.amount - (np.concatenate(([0], taken))[ends] - before)
    last_event = np.where(has_event, days[np.maximum(ends - 1, 0)], history.issued)
    open_until = np.where(final_left > 0, NEVER, last_event - 1)
    cash = ev_cash
    cash_invoice, cash_day, cash_amount = ev_invoice[cash], ev_day[cash], ev_cents[cash] / 100.0

    piece_due = history.due[piece_invoice]
    cash_due, cash_issued = history.due[cash_invoice], history.issued[cash_invoice]
    piece_pair, cash_pair = history.pair[piece_invoice], history.pair[cash_invoice]

    def tally(runs: tuple[np.ndarray, ...], per: np.ndarray, values: Any) -> np.ndarray:
        """Σ values × the runs' snapshot weights, per account and segment. Only the runs are
        visited: each account's sum adds the terms of a pass over every element and segment
        in the same order, less its zeros."""
        element, segment, first, last = runs
        if values is None:  # invoices: counted at the most recent snapshot's weight
            added = weights[first]
        else:
            added = values[element] * (prefix[last + 1] - prefix[first])
        totals = np.bincount(
            per[element] * n_segments + segment, added, minlength=pairs * n_segments
        )
        return totals.reshape(pairs, n_segments)

    for window, (start, end) in enumerate(windows):
        base = as_of - end
        runs = _runs(base, piece_from, piece_until, piece_due, count)
        open_[:, :, window] = tally(runs, piece_pair, piece_owed)
        runs = _runs(
            base, np.maximum(cash_day - end, cash_issued), cash_day - start - 1, cash_due, count
        )
        collected[:, :, window] = tally(runs, cash_pair, cash_amount)
        runs = _runs(base, history.issued, open_until, history.due, count)
        invoices[:, :, window] = tally(runs, history.pair, None)

    codes = len(history.currencies)
    pair_currency = np.zeros(pairs, dtype=np.int64)
    pair_currency[history.pair] = history.currency

    cells = n_segments * len(windows)
    cell_of = (pair_currency[:, None] * cells + np.arange(cells)).reshape(-1)

    def by_currency(values: np.ndarray) -> np.ndarray:
        """The accounts' tallies summed per currency, account after account."""
        out = np.bincount(cell_of, values.reshape(-1), minlength=codes * cells)
        return out.reshape(codes, n_segments, len(windows))

    currency_open = by_currency(open_)
    currency_collected = by_currency(collected)
    currency_invoices = by_currency(invoices)
    return Curves(
        pairs={p: i for i, p in enumerate(history.pairs)},
        currencies={c: i for i, c in enumerate(history.currencies)},
        open=open_,
        collected=collected,
        invoices=invoices,
        currency_open=currency_open,
        currency_collected=currency_collected,
        currency_invoices=currency_invoices,
        all_open=currency_open.sum(axis=0),
        all_collected=currency_collected.sum(axis=0),
        all_invoices=currency_invoices.sum(axis=0),
    )
