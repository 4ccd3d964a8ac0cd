"""The collection curve's tallies (``learn_curves``, which visits only runs of snapshots) are
those of the definition in ``graph.ar.forecast_curve``'s docstring, computed here the slow way:
every invoice at every weekly snapshot of every window."""

from __future__ import annotations

import random

import numpy as np

from graph.ar.forecast_curve import (
    HALF_LIFE_DAYS,
    HISTORY_DAYS,
    NEVER,
    SEGMENT_BOUNDS,
    SNAPSHOT_EVERY_DAYS,
    HistoryBuilder,
    learn_curves,
    windows_of,
)

AS_OF = 740_000  # a day number (date.toordinal())
HORIZONS = (30, 60, 90)


def _segment(days_late: int) -> int | None:
    for index, (_, low, high) in enumerate(SEGMENT_BOUNDS):
        if low <= days_late <= high:
            return index
    return None


def _slow_tallies(invoices: list[tuple], events: list[tuple]) -> tuple[np.ndarray, ...]:
    """(open, collected, invoices) per account, segment and window, snapshot by snapshot."""
    accounts = 1 + max(a for _, a, *_ in invoices)
    shape = (accounts, len(SEGMENT_BOUNDS), len(HORIZONS))
    open_, collected, counted = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    seen = [e for e in events if e[1] <= AS_OF]
    count = HISTORY_DAYS // SNAPSHOT_EVERY_DAYS + 1
    for window, (start, end) in enumerate(windows_of(HORIZONS)):
        base = AS_OF - end
        for j in range(count):
            day = base - SNAPSHOT_EVERY_DAYS * j
            weight = 0.5 ** (j * SNAPSHOT_EVERY_DAYS / HALF_LIFE_DAYS)
            for number, account, issued, due, amount in invoices:
                segment = _segment(day - due)
                if day < issued or segment is None:
                    continue
                mine = [(d, c, cash) for n, d, c, cash in seen if n == number]
                left = amount - sum(c for d, c, _ in mine if d <= day)
                if left > 0:
                    open_[account, segment, window] += left / 100 * weight
                for d, c, cash in mine:
                    if cash and start < d - day <= end:
                        collected[account, segment, window] += c / 100 * weight
                last = max((d for d, *_ in mine), default=issued)
                open_until = NEVER if amount - sum(c for _, c, _ in mine) > 0 else last - 1
                # counted once per segment and window: at its most recent snapshot there
                if day <= open_until and not any(
                    issued <= later <= open_until and _segment(later - due) == segment
                    for later in range(day + SNAPSHOT_EVERY_DAYS, base + 1, SNAPSHOT_EVERY_DAYS)
                ):
                    counted[account, segment, window] += weight
    return open_, collected, counted


def test_the_tallies_are_those_of_every_snapshot() -> None:
    rng = random.Random(5)
    builder = HistoryBuilder()
    invoices, events = [], []
    for k in range(60):
        number, account = f"INV-{k:03d}", rng.randrange(4)
        issued = AS_OF - rng.randrange(0, 330)
        due = issued + rng.choice((0, 15, 30, 45, 60))
        amount = rng.randrange(1_000, 500_000)
        invoices.append((number, account, issued, due, amount))
        builder.invoice(number, f"C{account}", "USD", issued, due, amount)
        left = amount
        for _ in range(rng.randrange(0, 4)):  # payments and credits, some after the as-of day
            cents = min(left, rng.randrange(1, amount))
            day = issued + rng.randrange(-5, 200)
            cash = rng.random() < 0.8
            if cents:
                events.append((number, day, cents, cash))
                builder.event(number, day, cents, cash)
                left -= cents
    curves = learn_curves(builder.build(), AS_OF, HORIZONS)
    slow = _slow_tallies(invoices, events)
    rows = [curves.pairs[(f"C{a}", "USD")] for a in range(len(curves.pairs))]
    for found, expected in zip((curves.open, curves.collected, curves.invoices), slow, strict=True):
        assert np.allclose(found[rows], expected, rtol=1e-12, atol=1e-9)
    assert all(tally.sum() > 0 for tally in slow)
