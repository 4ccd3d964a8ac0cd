"""Cold start of the ``arbot`` command against bare Python, measured in one run.

    python benchmarks/coldstart.py [--runs 9] [--db sqlite:///path/small.db]

Times, each in a fresh process and interleaved round by round (so a busy machine slows all
alike): ``python -c pass``, ``python -c "import sqlalchemy, rapidfuzz"`` (what a question really
needs), ``arbot --help``, ``arbot --version``, a typo, and ``arbot ask "what does globex owe?"``
on the small demo company (built first when the database has none). The answer's own time (open
the ledger, build the name index, answer, render) is measured in this process once everything
is imported. A first round is not counted: it writes the bytecode cache, as any installed or
once-run Python has (``PYTHONDONTWRITEBYTECODE`` is dropped for the commands). Prints medians
of wall time and of CPU time (user + system) and the ratios against the goals:

    arbot --help  ≤ 3 × python -c pass + 50 ms
    arbot ask     ≤ 1.5 × python -c "import sqlalchemy, rapidfuzz" + the answer's own time

CPU time on a shared machine swings by tens of percent between runs. ``--valgrind`` also counts
the instructions each command executes (valgrind's cachegrind without its cache simulation,
``valgrind_count.py``;
``PYTHONHASHSEED=0``, so a count repeats to within a few hundred thousand): ``python -c pass``,
the import floor, ``arbot --help`` and ``arbot ask``, once each after the warm-up round, and the
answer's own instructions as (a process answering 1 + N times − one answering once) / N, in this
same benchmark's ``--answer-only`` mode. The same goals are printed against those counts.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.valgrind_count import instructions  # noqa: E402

TODAY = "2026-11-21"
QUESTION = "what does globex owe?"


@dataclass
class Timing:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, wall: float, cpu: float) -> None:
        self.wall.append(wall)
        self.cpu.append(cpu)

    @property
    def wall_ms(self) -> float:
        return 1000 * statistics.median(self.wall)

    @property
    def cpu_ms(self) -> float:
        return 1000 * statistics.median(self.cpu)


def arbot_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m bot.cli``."""
    script = Path(sys.executable).with_name("arbot")
    if script.exists():
        return [str(script)]
    found = shutil.which("arbot")
    return [found] if found else [sys.executable, "-m", "bot.cli"]


def run_once(argv: list[str], env: dict[str, str], expect: tuple[int, ...]) -> tuple[float, float]:
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode not in expect:
        raise SystemExit(f"{' '.join(argv)} exited {process.returncode}: {stderr.strip()}")
    return wall, usage.ru_utime + usage.ru_stime


def build_demo(db: str, env: dict[str, str]) -> None:
    from integrations.erp.local import LocalLedger

    ledger = LocalLedger.open(db)
    has_demo = ledger.get_meta("demo") is not None
    ledger.close()
    if not has_demo:
        run_once([*arbot_command(), "demo", "--no-chat", "--db", db], env, (0,))


def answer_own_time(db: str, home: Path, runs: int) -> Timing:
    """Everything ``arbot ask`` does but importing: settings, open the ledger, resolve, answer
    and render, in this process with the modules already imported."""
    os.environ.update({"ARBOT_HOME": str(home), "ARBOT_TODAY": TODAY})
    from rich.console import Console

    from bot.cli.common import runtime_for, settings_for
    from bot.terminal import render
    from graph.messages import Turn

    def answer() -> None:
        runtime = runtime_for(settings_for(db))
        reply = runtime.agent.ask(Turn("bench", "terminal", QUESTION))
        Console(file=io.StringIO(), width=100).print(render(reply))
        runtime.erp.close()  # type: ignore[attr-defined]

    answer()  # imports whatever answering imports
    timing = Timing()
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        answer()
        timing.add(time.perf_counter() - wall, time.process_time() - cpu)
    return timing


def count_instructions(
    commands: dict[str, tuple[list[str], tuple[int, ...]]],
    db: str,
    env: dict[str, str],
    floor_cpu_ms: float,
) -> None:
    """``--valgrind``: the goals against instruction counts (see the module's docstring); the
    50 ms of the ``--help`` goal as instructions at the import floor's rate in this run."""
    counted = ("python -c pass", "python -c 'import sqlalchemy, rapidfuzz'", "arbot --help")
    counts = {name: instructions(commands[name][0], env, ROOT) for name in counted}
    ask_name = next(name for name in commands if name.startswith("arbot ask"))
    counts[ask_name] = instructions(commands[ask_name][0], env, ROOT)
    repeats = 5
    own_argv = [sys.executable, str(Path(__file__).resolve()), "--db", db, "--answer-only"]
    once = instructions([*own_argv, "0"], env, ROOT)
    again = instructions([*own_argv, str(repeats)], env, ROOT)
    own = (again - once) / repeats
    print(f"\n{'instructions (valgrind)':<50}{'M':>10}")
    for name, count in counts.items():
        print(f"{name:<50}{count / 1e6:>10.1f}")
    own_label = "the answer's own (in process, imported)"
    print(f"{own_label:<50}{own / 1e6:>10.1f}")
    bare, floor, ask = counts["python -c pass"], counts[counted[1]], counts[ask_name]
    help_goal = 3 * bare + 50 * floor / floor_cpu_ms
    print(
        f"instructions: arbot --help = {counts['arbot --help'] / bare:.2f}× python -c pass "
        f"(goal ≤ 3× + 50 ms = {help_goal / 1e6:.0f} M at the floor's "
        f"{floor / floor_cpu_ms / 1e6:.1f} M a CPU ms): "
        f"{'meets' if counts['arbot --help'] <= help_goal else 'MISSES'}"
    )
    goal = 1.5 * floor + own
    print(
        f"instructions: arbot ask = {(ask - own) / floor:.2f}× import sqlalchemy, rapidfuzz "
        f"+ the answer's own ({ask / 1e6:.0f} M; goal ≤ 1.5 × {floor / 1e6:.0f} + "
        f"{own / 1e6:.0f} = {goal / 1e6:.0f} M): {'meets' if ask <= goal else 'MISSES'}"
    )


def answer_only(db: str, repeats: int) -> None:
    """``--answer-only N``: import what answering imports, answer once, then N times more (what
    ``--valgrind`` counts the answer's own instructions with)."""
    home = Path(os.environ.get("ARBOT_HOME") or tempfile.mkdtemp(prefix="arbot-coldstart-"))
    answer_own_time(db, home, repeats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="processes per command (median)")
    parser.add_argument("--db", help="the small demo's database URL (default: a temporary one)")
    parser.add_argument(
        "--valgrind", action="store_true", help="also count instructions (valgrind)"
    )
    parser.add_argument("--answer-only", type=int, metavar="N", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.answer_only is not None:
        answer_only(args.db, args.answer_only)
        return
    load_at_start = os.getloadavg()
    home = Path(tempfile.mkdtemp(prefix="arbot-coldstart-"))
    db = args.db or f"sqlite:///{home / 'small.db'}"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "ARBOT_HOME": str(home),
        "ARBOT_TODAY": TODAY,
    }
    unsets = ("ARBOT_DATABASE_URL", "ARBOT_ERP", "ARBOT_POLICY", "ARBOT_LLM_MODEL")
    for unset in (*unsets, "PYTHONDONTWRITEBYTECODE"):
        env.pop(unset, None)
    build_demo(db, env)

    arbot = arbot_command()
    commands = {
        "python -c pass": ([sys.executable, "-c", "pass"], (0,)),
        "python -c 'import sqlalchemy, rapidfuzz'": (
            [sys.executable, "-c", "import sqlalchemy, rapidfuzz"],
            (0,),
        ),
        "arbot --help": ([*arbot, "--help"], (0,)),
        "arbot --version": ([*arbot, "--version"], (0,)),
        "arbot aks (a typo)": ([*arbot, "aks"], (2,)),
        f'arbot ask "{QUESTION}"': ([*arbot, "ask", "--db", db, QUESTION], (0,)),
    }
    timings = {name: Timing() for name in commands}
    for argv, expect in commands.values():  # the warm-up round: bytecode caches written
        run_once(argv, env, expect)
    for _ in range(args.runs):
        for name, (argv, expect) in commands.items():
            timings[name].add(*run_once(argv, env, expect))
    own = answer_own_time(db, home, args.runs)

    print(f"{args.runs} runs each, medians; arbot = {' '.join(arbot)}")
    print(f"{'command':<50}{'wall ms':>10}{'cpu ms':>10}")
    for name, timing in timings.items():
        print(f"{name:<50}{timing.wall_ms:>10.0f}{timing.cpu_ms:>10.0f}")
    own_label = "the answer's own time (in process, imported)"
    print(f"{own_label:<50}{own.wall_ms:>10.0f}{own.cpu_ms:>10.0f}")

    bare = timings["python -c pass"]
    needs = timings["python -c 'import sqlalchemy, rapidfuzz'"]
    ask = timings[f'arbot ask "{QUESTION}"']
    print()
    for label, measure in (("wall", "wall_ms"), ("cpu", "cpu_ms")):
        floor = getattr(bare, measure)
        for name in ("arbot --help", "arbot --version", "arbot aks (a typo)"):
            value = getattr(timings[name], measure)
            goal = 3 * floor + 50
            verdict = "meets" if value <= goal else "MISSES"
            print(
                f"{label}: {name} = {value / floor:.2f}× python -c pass "
                f"({value:.0f} ms; goal ≤ 3× + 50 ms = {goal:.0f} ms): {verdict}"
            )
        value, base, answer = getattr(ask, measure), getattr(needs, measure), getattr(own, measure)
        goal = 1.5 * base + answer
        verdict = "meets" if value <= goal else "MISSES"
        print(
            f"{label}: arbot ask = {(value - answer) / base:.2f}× import sqlalchemy, rapidfuzz "
            f"+ the answer's own time ({value:.0f} ms; goal ≤ 1.5 × {base:.0f} + {answer:.0f} = "
            f"{goal:.0f} ms): {verdict}"
        )
    if args.valgrind:
        count_instructions(commands, db, env, needs.cpu_ms)
    print(
        "load average (1, 5, 15 min) at the start: {:.2f} {:.2f} {:.2f}, at the end: "
        "{:.2f} {:.2f} {:.2f}".format(*load_at_start, *os.getloadavg())
    )


if __name__ == "__main__":
    main()
