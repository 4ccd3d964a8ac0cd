"""The real ``arbot cashapp`` against its dry run, interleaved: ratios a busy machine can't fake.

    python benchmarks/cashapp_cli_repeat.py [--rounds 5] [--bank-format csv|camt053|...]
                                            [--lines 10000] [--tree DIR ...] [--keep DIR]

Builds the world of ``cashapp_cli.py`` once (its files, imported into a ledger), then runs, for
``--rounds`` rounds, for each ``--tree`` (a checkout of arbot; default this one) in turn: the dry
run and the real run, each on a fresh copy of the ledger as imported (the store migrated by that
tree first). Even rounds run the dry run first, odd rounds the real run first, so a machine that
grows slower or faster through a round (other users' work starting, the page cache's writeback
of the run before) favours neither side; with several trees, each round begins with the next
tree (``tree_order``), so no tree always runs right after another's real run. A dry and a real
run measured next to each other share the machine's load of that moment, so their ratio is what
a quiet machine would show, more nearly than either time.

What the ratio is: for each round, the real run's CPU seconds over the dry run's, each the
process's own user + system time as ``wait4`` reports it for that one process (the measuring
script's time is not in it); printed per tree: the median of the rounds' ratios (the goal's
figure), their quartiles and their range, and the same per-round ratio of user time alone and of
wall time, with each tree's summary lines, whether its dry run's results are its real run's and
whether its real run's are the first tree's (approval ids aside). A median of per-round ratios,
not a ratio of medians: a round whose machine was slow for both runs counts as one ratio, not
as one slow dry run set against another round's real run.
Goal (issue 16): real ≤ 1.5× the dry run.

``--valgrind`` then runs, for each tree, the dry and the real run once more each under valgrind
(``valgrind_count.py``: cachegrind without its cache model, ``PYTHONHASHSEED=0``), each on a
fresh copy of the ledger as imported exactly as the timed rounds do, and prints the user-space
instructions of each and their ratio: a measure the machine's load cannot move (a count repeats
to within ~0.1%; ``--rounds 0`` skips the timed rounds). valgrind does not count the kernel's
work (the real run's commits, WAL writes and checkpoints), so each run's system CPU from
``rusage`` is printed next to its count (under valgrind, and the timed rounds' median), and, when
there were timed rounds, the ratio with that system time added at the dry run's instructions per
user second. ~20-40× slower than a run: a few minutes a run at 10k lines (run it with ``nice``,
one valgrind at a time on a shared machine). ``--callgrind FILE`` also profiles the first tree's
real run with callgrind into FILE (``callgrind_annotate --inclusive=yes FILE``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import json
import os
import shutil
import statistics
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

from cashapp_cli import (  # type: ignore[import-not-found]
    FOOTPRINT,
    POLICY,
    RUN_MODULES,
    Cost,
    arbot_command,
    build_files,
    measure,
    run_env,
)
from cashapp_cli_formats import FORMAT_MODULES, FORMATS  # type: ignore[import-not-found]

from benchmarks.in_child import in_child
from benchmarks.valgrind_count import Counted, count


def _results(path: Path) -> list[dict[str, object]]:
    """A run's result rows without their approval ids (new ids each run)."""
    rows = json.loads(path.read_text())["results"]
    return [{k: v for k, v in row.items() if k != "approval_id"} for row in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bank-format", choices=tuple(FORMATS), default="csv")
    parser.add_argument("--tree", action="append", help="an arbot checkout (repeatable)")
    parser.add_argument("--keep", type=Path, help="build in (and leave) this folder")
    parser.add_argument(
        "--valgrind", action="store_true", help="also count each run's instructions (valgrind)"
    )
    parser.add_argument("--callgrind", type=Path, help="profile tree 0's real run into this file")
    args = parser.parse_args(argv)
    args.history = False
    trees = [Path(t).resolve() for t in (args.tree or [Path(__file__).resolve().parents[1]])]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="arbot-cashapp-repeat-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        run(args, trees, folder)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


def run(args: argparse.Namespace, trees: list[Path], folder: Path) -> None:
    if not (folder / "counts.txt").exists():
        in_child(build_files, args, args.lines, folder)
    bank_name, bank_options = FORMATS[args.bank_format]
    policy = folder / "policy.toml"
    policy.write_text(POLICY)
    arbot = arbot_command()
    modules = (*RUN_MODULES, *FORMAT_MODULES[args.bank_format])
    envs, befores = [], []
    for index, tree in enumerate(trees):
        home = folder / f"home{index}"
        shutil.rmtree(home, ignore_errors=True)
        env = run_env(home, policy, PYTHONPATH=str(tree))
        csvs = ("--customers", str(folder / "customers.csv"))
        measure([*arbot, "erp", "import", *csvs, "--invoices", str(folder / "invoices.csv")], env)
        measure([sys.executable, "-c", FOOTPRINT, *modules], env)  # the store's migrations
        before = folder / f"before{index}.db"
        shutil.copyfile(home / "arbot.db", before)
        envs.append(env)
        befores.append(before)
    bank = [*arbot, "cashapp", "--bank", str(folder / bank_name), *bank_options]
    costs: list[list[tuple[Cost, Cost]]] = [[] for _ in trees]
    for round_ in range(args.rounds):
        for index in tree_order(round_, len(trees)):
            env, before = envs[index], befores[index]
            ran: dict[str, Cost] = {}
            for name in run_order(round_):
                fresh(env, before)
                options = ("--dry-run",) if name == "dry" else ()
                out = str(folder / f"{name}{index}.json")
                ran[name] = measure([*bank, *options, "--out", out], env)
            dry, real = ran["dry"], ran["real"]
            costs[index].append((dry, real))
            print(
                f"round {round_ + 1} tree {index} ({' then '.join(run_order(round_))}): "
                f"dry {dry.cpu:.2f} s, real {real.cpu:.2f} s "
                f"CPU = {real.cpu / dry.cpu:.2f}x ({real.wall / dry.wall:.2f}x wall; user "
                f"{user(real) / user(dry):.2f}x; system "
                f"{dry.system:.2f} / {real.system:.2f} s); "
                f"peak {dry.peak_mb:.1f} / {real.peak_mb:.1f} MB; "
                f"load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
        if round_ == 0:
            verified = measure([*arbot, "audit", "verify"], envs[-1])
            print(f"  audit verify (last tree): {verified.output.splitlines()[-1]}")
    if args.rounds:
        summarise(args, trees, folder, costs)
    if args.valgrind:
        count_runs(args, trees, folder, envs, befores, bank, costs)
    if args.callgrind:
        fresh(envs[0], befores[0])
        tool = ("--tool=callgrind",)
        out = str(args.callgrind.resolve())
        profiled = count(
            [*bank, "--out", str(folder / "callgrind.json")], envs[0], None, (0,), tool, out
        )
        print(
            f"callgrind: tree 0's real run, {profiled.instructions / 1e6:,.0f} M instructions, "
            f"profile in {out}"
        )


def tree_order(round_: int, count: int) -> list[int]:
    """The trees in the order a round runs them: each round begins one tree later (tree 0
    first in round 0, tree 1 first in round 1, ...), so no tree always follows another's."""
    return [(round_ + step) % count for step in range(count)]


def run_order(round_: int) -> tuple[str, str]:
    """Which run of a round goes first: the dry run in even rounds, the real run in odd ones."""
    return ("dry", "real") if round_ % 2 == 0 else ("real", "dry")


def user(cost: Cost) -> float:
    """A run's user CPU seconds (its CPU less its system time)."""
    return cost.cpu - cost.system


@dataclass(frozen=True)
class Spread:
    """Per-round values summarised: their median, quartiles and range."""

    median: float
    low: float  # the first quartile
    high: float  # the third quartile
    least: float
    most: float
    count: int

    def __str__(self) -> str:
        return (
            f"{self.median:.2f}x (quartiles {self.low:.2f}-{self.high:.2f}x, range "
            f"{self.least:.2f}-{self.most:.2f}x, {self.count} rounds)"
        )


def spread(values: Sequence[float]) -> Spread:
    """The median, quartiles (``statistics.quantiles``' inclusive method: within the values'
    range; for one value, that value) and range of ``values``."""
    ordered = sorted(values)
    if len(ordered) == 1:
        low = high = ordered[0]
    else:
        low, _, high = statistics.quantiles(ordered, n=4, method="inclusive")
    return Spread(statistics.median(ordered), low, high, ordered[0], ordered[-1], len(ordered))


def fresh(env: dict[str, str], before: Path) -> None:
    """The tree's ledger as imported, its WAL and shared-memory files gone."""
    db = Path(env["ARBOT_HOME"]) / "arbot.db"
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(before, db)


def count_runs(
    args: argparse.Namespace,
    trees: list[Path],
    folder: Path,
    envs: list[dict[str, str]],
    befores: list[Path],
    bank: list[str],
    costs: list[list[tuple[Cost, Cost]]],
) -> None:
    """``--valgrind``: each tree's dry and real run once under valgrind, their instructions."""
    counted: list[tuple[Counted, Counted]] = []
    for index, (env, before) in enumerate(zip(envs, befores, strict=True)):
        runs = []
        for name, options in (("dry", ("--dry-run",)), ("real", ())):
            fresh(env, before)
            out = folder / f"valgrind-{name}{index}.json"
            runs.append(count([*bank, *options, "--out", str(out)], env))
            print(
                f"valgrind tree {index} {name}: {runs[-1].instructions:,} instructions, "
                f"{runs[-1].system:.2f} s system CPU; load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
        dry, real = runs
        counted.append((dry, real))
        results = [_results(folder / f"valgrind-{name}{index}.json") for name in ("dry", "real")]
        same = f"dry = real: {results[0] == results[1]}"
        timed = folder / f"real{index}.json"
        if timed.exists():
            same += f"; real as the timed rounds': {results[1] == _results(timed)}"
        ratio = real.instructions / dry.instructions
        print(
            f"tree {index} ({trees[index]}), {args.bank_format}, {args.lines:,} lines, "
            f"instructions (valgrind): dry {dry.instructions / 1e6:,.0f} M, real "
            f"{real.instructions / 1e6:,.0f} M; real / dry {ratio:.3f}x "
            f"(goal ≤ 1.5x: {'meets' if ratio <= 1.5 else 'MISSES'}); {same}"
        )
        print(
            f"  not counted, the kernel's (system CPU, rusage): under valgrind dry "
            f"{dry.system:.2f} s, real {real.system:.2f} s"
        )
        pairs = costs[index]
        if pairs:
            dry_user = statistics.median(d.cpu - d.system for d, _ in pairs)
            dry_sys = statistics.median(d.system for d, _ in pairs)
            real_sys = statistics.median(r.system for _, r in pairs)
            rate = dry.instructions / dry_user  # instructions a user CPU second, this machine
            with_kernel = (real.instructions + rate * real_sys) / (
                dry.instructions + rate * dry_sys
            )
            print(
                f"  timed rounds' median system CPU dry {dry_sys:.2f} s, real {real_sys:.2f} s "
                f"(dry user {dry_user:.2f} s); that time added at the dry run's "
                f"{rate / 1e6:,.0f} M instructions a user second: real / dry {with_kernel:.3f}x"
            )
    if len(counted) > 1:
        base = counted[0][1].instructions
        for index, (_, real) in enumerate(counted[1:], start=1):
            print(
                f"real run's instructions, tree {index} / tree 0: "
                f"{real.instructions / base:.4f} ({(real.instructions - base) / 1e6:+,.0f} M)"
            )


def summarise(
    args: argparse.Namespace,
    trees: list[Path],
    folder: Path,
    costs: list[list[tuple[Cost, Cost]]],
) -> None:
    first = None
    for index, tree in enumerate(trees):
        pairs = costs[index]
        cpu = spread([r.cpu / d.cpu for d, r in pairs])
        users = spread([user(r) / user(d) for d, r in pairs])
        wall = spread([r.wall / d.wall for d, r in pairs])
        dry_cpu = statistics.median(d.cpu for d, _ in pairs)
        real_cpu = statistics.median(r.cpu for _, r in pairs)
        dry_sys = statistics.median(d.system for d, _ in pairs)
        real_sys = statistics.median(r.system for _, r in pairs)
        results = (_results(folder / f"dry{index}.json"), _results(folder / f"real{index}.json"))
        same = f"dry = real: {results[0] == results[1]}"
        same += "" if first is None else f"; real results as tree 0's: {results[1] == first[1]}"
        first = first or results
        dry_said, real_said = (pairs[-1][k].output.splitlines()[-1] for k in (0, 1))
        print(
            f"tree {index} ({tree}), {args.bank_format}, {len(pairs)} rounds: median dry "
            f"{dry_cpu:.2f} s, real {real_cpu:.2f} s CPU (system {dry_sys:.2f} / "
            f"{real_sys:.2f} s); {same}\n"
            f"  real / dry CPU, per round: {cpu} (goal ≤ 1.5x: median "
            f"{'meets' if cpu.median <= 1.5 else 'MISSES'})\n"
            f"  user CPU alone, per round: {users}\n"
            f"  wall, per round: {wall}\n  dry:  {dry_said}\n  real: {real_said}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
