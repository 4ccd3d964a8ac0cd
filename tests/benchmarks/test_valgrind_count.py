"""benchmarks/valgrind_count.py: the instruction count of a command, its system time beside it."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from benchmarks.valgrind_count import count, instructions

pytestmark = pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind not installed")


def test_a_count_repeats_and_grows_with_the_work() -> None:
    env = dict(os.environ)
    small = [sys.executable, "-S", "-c", "sum(range(10))"]
    large = [sys.executable, "-S", "-c", "sum(range(3_000_000))"]
    first, again = count(small, env), count(small, env)
    assert first.instructions > 1_000_000
    assert abs(first.instructions - again.instructions) < first.instructions / 1000
    assert first.system >= 0.0
    assert instructions(large, env) > first.instructions + 30_000_000


def test_the_output_is_kept_and_a_failure_stops() -> None:
    env = dict(os.environ)
    said = count([sys.executable, "-S", "-c", "print('hello')"], env)
    assert said.output == "hello"
    with pytest.raises(SystemExit, match="exited 3"):
        count([sys.executable, "-S", "-c", "raise SystemExit(3)"], env)
    assert count([sys.executable, "-S", "-c", "raise SystemExit(3)"], env, expect=(3,)).output == ""
