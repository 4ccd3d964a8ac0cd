"""The collections order backtested on the books' own history: does its top catch late money?

At each past cutoff the ledger is rebuilt as it stood that day (``ledger_as_of``: invoices issued
by then with the balance left after the payments and credits booked by then; those payments;
promises whose date had passed; notes written by then) into a scratch SQLite ledger, and the
collections list (``graph.ar.collections_book.read_book``, what ``arbot collections`` shows)
ranks its accounts. What happened afterwards decides: an account's *late money* is its balance
at the cutoff that was then paid more than 10 days after its due date, or was still unpaid at
the end of the history more than 10 days after it.

Next to arbot's order, in the same run: the clerk's sort (past-due amount), each customer's own
past lateness alone (average days beyond terms of what it paid before the cutoff, ties by past
due), and a perfect ranking (by late money). For each: the *top-decile lift* (the share of late
money in the first 10 % of accounts, over 10 %; pooled over the cutoffs) and Spearman's rank
correlation between the order and late money (mean over cutoffs). Accounts in the book's main
currency are compared (amounts in other currencies are not added to them).

``benchmarks/collections_backtest.py`` runs the same functions on any ledger, the demo, a
history model or a public CSV; ``arbot backtest --kind collections`` on the configured ERP.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.backtest import BacktestError
from graph.backtest.collections_history import (
    History,
    late_money,
    ledger_as_of,
    own_lateness,
    past_due_at,
)
from integrations.erp.local.ledger import LocalLedger

TOP_SHARE = 0.10
RANKINGS = ("arbot", "clerk", "own lateness", "perfect")

Account = tuple[str, str]  # (customer id, currency)
Order = Callable[[str, date], list[Account]]  # (ledger URL, cutoff) → accounts, first first


def spearman(order: list[tuple[str, str]], outcome: dict[tuple[str, str], Decimal]) -> float:
    """Rank correlation of list position (first = highest) with late money (ties averaged)."""
    n = len(order)
    if n < 3:
        return float("nan")
    position = {key: float(n - index) for index, key in enumerate(order)}
    values = sorted(order, key=lambda k: outcome.get(k, 0))
    ranks: dict[tuple[str, str], float] = {}
    index = 0
    while index < n:
        end = index
        while end + 1 < n and outcome.get(values[end + 1], 0) == outcome.get(values[index], 0):
            end += 1
        for k in values[index : end + 1]:
            ranks[k] = (index + end) / 2 + 1
        index = end + 1
    xs, ys = [position[k] for k in order], [ranks[k] for k in order]
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (sx * sy) if sx and sy else float("nan")


def _lift(row: list[float]) -> float:
    top, total, top_n, n = row
    return (top / total) / (top_n / n) if total and n else float("nan")


def _mean(values: list[float]) -> float:
    kept = [v for v in values if not math.isnan(v)]
    return sum(kept) / len(kept) if kept else float("nan")


def cutoffs_for(end: date, count: int, every: int, horizon: int) -> list[date]:
    last = end - timedelta(days=horizon)
    return sorted(last - timedelta(days=every * n) for n in range(count))


def main_currency(history: History) -> str:
    counts: dict[str, int] = defaultdict(int)
    for i in history.invoices:
        counts[i["currency"]] += 1
    return max(counts, key=counts.__getitem__)


def book_order(url: str, cutoff: date) -> list[Account]:
    """The collections list's order on the ledger at ``url`` on ``cutoff`` (in process)."""
    from graph.ar.collections_book import read_book

    ledger = LocalLedger.open(url)
    try:
        ranked = read_book(ledger, cutoff).ranked
    finally:
        ledger.close()
    return [(r.account.customer_id, r.account.currency) for r in ranked]


@dataclass
class CutoffScore:
    """One cutoff: its accounts in the main currency, their late money, each ranking's lift."""

    cutoff: date
    accounts: int
    late_money: float
    top_n: int
    top: dict[str, float]  # ranking → late money in its first top_n accounts
    spearman: dict[str, float]
    seconds: float = 0.0

    def lift(self, name: str) -> float:
        if not self.late_money:
            return float("nan")
        return (self.top[name] / self.late_money) / (self.top_n / self.accounts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "cutoff": self.cutoff.isoformat(),
            "accounts": self.accounts,
            "late_money": self.late_money,
            "top_n": self.top_n,
            "top": self.top,
            "spearman": self.spearman,
            "seconds": self.seconds,
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> CutoffScore:
        return cls(**(row | {"cutoff": date.fromisoformat(row["cutoff"])}))


def score_cutoff(
    history: History, cutoff: date, arbot: list[Account], currency: str
) -> CutoffScore:
    """The four rankings of the accounts open at ``cutoff`` against the late money that
    followed. ``arbot``: the collections list's order (it must list exactly those accounts)."""
    arbot = [k for k in arbot if k[1] == currency]
    outcome = late_money(history, cutoff)
    past_due = past_due_at(history, cutoff)
    accounts = [k for k in past_due if k[1] == currency]
    if set(arbot) != set(accounts):
        missing = sorted(set(accounts) - set(arbot))[:5]
        extra = sorted(set(arbot) - set(accounts))[:5]
        raise BacktestError(f"{cutoff}: the list has other accounts ({missing=}, {extra=})")
    lateness = own_lateness(history, cutoff)
    orders = {
        "arbot": arbot,
        "clerk": sorted(accounts, key=lambda k: (-past_due[k], k)),
        "own lateness": sorted(accounts, key=lambda k: (-lateness.get(k[0], 0.0), -past_due[k], k)),
        "perfect": sorted(accounts, key=lambda k: (-outcome.get(k, 0), k)),
    }
    top_n = max(1, math.ceil(TOP_SHARE * len(accounts)))
    return CutoffScore(
        cutoff=cutoff,
        accounts=len(accounts),
        late_money=float(sum(outcome.get(k, 0) for k in accounts)),
        top_n=top_n,
        top={n: float(sum(outcome.get(k, 0) for k in o[:top_n])) for n, o in orders.items()},
        spearman={n: spearman(o, outcome) for n, o in orders.items()},
    )


@dataclass
class Pooled:
    """The rankings over several cutoffs: pooled top-decile lift, mean Spearman."""

    scores: list[CutoffScore] = field(default_factory=list)

    def lift(self, name: str) -> float:
        row = [0.0, 0.0, 0, 0]
        for s in self.scores:
            row[0] += s.top[name]
            row[1] += s.late_money
            row[2] += s.top_n
            row[3] += s.accounts
        return _lift(row)

    def spearman(self, name: str) -> float:
        return _mean([s.spearman[name] for s in self.scores])

    def summary(self) -> dict[str, dict[str, float]]:
        return {n: {"lift": self.lift(n), "spearman": self.spearman(n)} for n in RANKINGS}


def scratch_ledger(history: History, cutoff: date, folder: str) -> str:
    """A new SQLite ledger in ``folder`` holding the books as they stood on ``cutoff``."""
    url = f"sqlite:///{folder}/ledger-{cutoff.isoformat()}.db"
    ledger_as_of(history, cutoff, url)
    return url


def backtest_cutoffs(
    history: History,
    cutoffs: Iterable[date],
    folder: str,
    *,
    order: Order = book_order,
    done: dict[str, dict[str, Any]] | None = None,
    saved: Callable[[CutoffScore], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Pooled:
    """Every cutoff scored (those in ``done``, a checkpoint, are taken from it)."""
    import time

    currency = main_currency(history)
    cutoffs = sorted(cutoffs)
    pooled = Pooled()
    for index, cutoff in enumerate(cutoffs, start=1):
        if done and cutoff.isoformat() in done:
            pooled.scores.append(CutoffScore.from_dict(done[cutoff.isoformat()]))
        else:
            url = scratch_ledger(history, cutoff, folder)
            started = time.perf_counter()
            arbot = order(url, cutoff)
            seconds = time.perf_counter() - started
            score = score_cutoff(history, cutoff, arbot, currency)
            score.seconds = round(seconds, 2)
            pooled.scores.append(score)
            if saved is not None:
                saved(score)
        if progress is not None:
            progress(index, len(cutoffs))
    return pooled
