"""The benchmarks' builds run in a child, so a measured command's peak memory is its own."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from benchmarks.in_child import in_child

GROWTH_MB = 200


def grow() -> None:
    block = bytearray(GROWTH_MB * 2**20)
    block[:: 2**12] = b"x" * len(block[:: 2**12])  # every page touched


def child_peak_mb() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss // 1024


def test_a_build_in_the_child_leaves_the_next_command_its_own_peak() -> None:
    in_child(grow)
    assert child_peak_mb() < GROWTH_MB


def test_a_failed_build_stops_the_benchmark() -> None:
    def fail() -> None:
        raise RuntimeError("no ledger")

    with pytest.raises(SystemExit, match="fail failed"):
        in_child(fail)
