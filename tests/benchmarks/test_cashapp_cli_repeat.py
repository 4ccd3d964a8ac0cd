"""``benchmarks/cashapp_cli_repeat.py``'s estimator: the rounds alternate which run goes first,
and the per-round ratios are summarised by their median, quartiles and range."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def benchmark(name: str) -> Any:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(BENCHMARKS))


repeat = benchmark("cashapp_cli_repeat")


def test_rounds_alternate_which_run_goes_first() -> None:
    orders = [repeat.run_order(n) for n in range(4)]
    assert orders == [("dry", "real"), ("real", "dry"), ("dry", "real"), ("real", "dry")]


def test_each_round_begins_with_the_next_tree() -> None:
    assert [repeat.tree_order(n, 3) for n in range(4)] == [
        [0, 1, 2],
        [1, 2, 0],
        [2, 0, 1],
        [0, 1, 2],
    ]
    assert repeat.tree_order(5, 1) == [0]


def test_the_spread_of_per_round_ratios() -> None:
    found = repeat.spread([1.6, 1.2, 1.4, 1.9, 1.5])
    assert (found.median, found.least, found.most, found.count) == (1.5, 1.2, 1.9, 5)
    assert (found.low, found.high) == pytest.approx((1.4, 1.6))
    assert str(found) == "1.50x (quartiles 1.40-1.60x, range 1.20-1.90x, 5 rounds)"
    one = repeat.spread([1.3])
    assert (one.median, one.low, one.high, one.least, one.most) == (1.3,) * 5


def test_user_time_is_the_cpu_less_the_system_time() -> None:
    cost = repeat.Cost(cpu=10.0, wall=12.0, peak_mb=70.0, output="", system=0.75)
    assert repeat.user(cost) == pytest.approx(9.25)
