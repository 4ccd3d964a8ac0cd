"""Instructions a command executes, counted by valgrind: a measure a busy machine cannot move.

CPU time on a shared machine swings by tens of percent from one minute to the next; the number
of instructions a process executes in user space does not (with ``PYTHONHASHSEED=0`` a Python
command's count repeats to within a few hundred thousand, ~0.01%). valgrind's cachegrind without
its cache model counts them at ~20-40× the command's own time. What it does not count is the
kernel's work on the process's behalf (system calls: reads, writes, ``fsync``, SQLite's WAL
frames and checkpoints), so the process's system CPU from ``rusage`` is returned next to the
count: a reader sees what the count leaves out. (Under valgrind that system time is the guest's
system calls plus valgrind's own memory mapping, a little above a native run's.)

Used by ``coldstart.py --valgrind`` and ``cashapp_cli_repeat.py --valgrind``.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

VALGRIND = "valgrind"


@dataclass(frozen=True)
class Counted:
    instructions: int  # user-space instructions (valgrind's "I refs")
    system: float  # system CPU seconds (rusage): the kernel's work, which valgrind does not count
    output: str  # the command's stdout and stderr


def count(
    argv: list[str],
    env: dict[str, str],
    cwd: Path | str | None = None,
    expect: tuple[int, ...] = (0,),
    tool_options: tuple[str, ...] = ("--tool=cachegrind", "--cache-sim=no"),
    out_file: str = "/dev/null",
) -> Counted:
    """Run ``argv`` once under valgrind (``PYTHONHASHSEED=0``) and return its instruction count,
    its system CPU and its output; raises SystemExit when its exit status is not in ``expect``.
    ``tool_options`` and ``out_file`` choose another tool (callgrind, with its profile kept)."""
    with tempfile.NamedTemporaryFile(prefix="valgrind-", suffix=".log", delete=False) as log:
        log_path = Path(log.name)
    out_option = "--callgrind-out-file" if "--tool=callgrind" in tool_options else None
    out_option = out_option or "--cachegrind-out-file"
    command = [
        VALGRIND,
        *tool_options,
        f"{out_option}={out_file}",
        f"--log-file={log_path}",
        *argv,
    ]
    try:
        process = subprocess.Popen(
            command,
            env={**env, "PYTHONHASHSEED": "0"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=cwd,
        )
        assert process.stdout is not None
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        said = log_path.read_text()
    finally:
        log_path.unlink(missing_ok=True)
    if code not in expect:
        raise SystemExit(f"{' '.join(argv[:3])} exited {code} under valgrind:\n{output[-2000:]}")
    found = re.search(r"(?:I\s+refs|Collected)\s*:\s+([\d,]+)", said)
    if found is None:
        raise SystemExit(f"valgrind printed no count: {said[-500:]}")
    return Counted(int(found.group(1).replace(",", "")), usage.ru_stime, output.strip())


def instructions(argv: list[str], env: dict[str, str], cwd: Path | str | None = None) -> int:
    """The instructions ``argv`` executes (exit status 0 expected)."""
    return count(argv, env, cwd).instructions
