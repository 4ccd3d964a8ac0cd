"""The benchmarks' builds run in a child, so a measured command's peak memory is its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.in_child import in_child

GROWTH_MB = 200
ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: a process started later carries its parent's peak memory, so the
# test's own process (a pytest worker that other tests have grown) must not be the parent.
SCRIPT = f"""
import os, subprocess, sys
sys.path.insert(0, {str(ROOT)!r})
from benchmarks.in_child import in_child

def grow():
    block = bytearray({GROWTH_MB} * 2**20)
    block[:: 2**12] = b"x" * len(block[:: 2**12])  # every page touched

if sys.argv[1] == "child":
    in_child(grow)
else:
    grow()
process = subprocess.Popen([sys.executable, "-c", "pass"])
_, _, usage = os.wait4(process.pid, 0)
print(usage.ru_maxrss // 1024)
"""


def next_command_peak_mb(build_in: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, build_in], capture_output=True, text=True, check=True
    )
    return int(done.stdout.split()[-1])


def test_a_build_in_the_child_leaves_the_next_command_its_own_peak() -> None:
    assert next_command_peak_mb("child") < GROWTH_MB
    # Built in the measuring process, the build's peak becomes the next command's.
    assert next_command_peak_mb("here") >= GROWTH_MB


def test_a_failed_build_stops_the_benchmark() -> None:
    def fail() -> None:
        raise RuntimeError("no ledger")

    with pytest.raises(SystemExit, match="fail failed"):
        in_child(fail)
