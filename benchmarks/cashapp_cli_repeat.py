"""The real ``arbot cashapp`` against its dry run, interleaved: ratios a busy machine can't fake.

    python benchmarks/cashapp_cli_repeat.py [--rounds 5] [--bank-format csv|camt053|...]
                                            [--lines 10000] [--tree DIR ...] [--keep DIR]

Builds the world of ``cashapp_cli.py`` once (its files, imported into a ledger), then runs, for
``--rounds`` rounds, for each ``--tree`` (a checkout of arbot; default this one) in turn: the dry
run and the real run, each on a fresh copy of the ledger as imported (the store migrated by that
tree first). A dry and a real run measured next to each other share the machine's load of that
moment, so their ratio (real / dry CPU and wall) is what a quiet machine would show, more
nearly than either time; the medians over the rounds are printed per tree, with each tree's
summary lines, whether its dry run's results are its real run's and whether its real run's are
the first tree's (approval ids aside).
Goal (issue 16): real ≤ 1.5× the dry run.
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
        for index, (env, before) in enumerate(zip(envs, befores, strict=True)):
            db = Path(env["ARBOT_HOME"]) / "arbot.db"
            for suffix in ("-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(before, db)
            dry = measure([*bank, "--dry-run", "--out", str(folder / f"dry{index}.json")], env)
            for suffix in ("-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(before, db)
            real = measure([*bank, "--out", str(folder / f"real{index}.json")], env)
            costs[index].append((dry, real))
            print(
                f"round {round_ + 1} tree {index}: dry {dry.cpu:.2f} s, real {real.cpu:.2f} s "
                f"CPU = {real.cpu / dry.cpu:.2f}x ({real.wall / dry.wall:.2f}x wall); "
                f"peak {dry.peak_mb:.1f} / {real.peak_mb:.1f} MB; "
                f"load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
        if round_ == 0:
            verified = measure([*arbot, "audit", "verify"], envs[-1])
            print(f"  audit verify (last tree): {verified.output.splitlines()[-1]}")
    first = None
    for index, tree in enumerate(trees):
        pairs = costs[index]
        cpu = statistics.median(r.cpu / d.cpu for d, r in pairs)
        wall = statistics.median(r.wall / d.wall for d, r in pairs)
        dry_cpu = statistics.median(d.cpu for d, _ in pairs)
        real_cpu = statistics.median(r.cpu for _, r in pairs)
        results = (_results(folder / f"dry{index}.json"), _results(folder / f"real{index}.json"))
        same = f"; dry = real: {results[0] == results[1]}"
        same += "" if first is None else f"; real results as tree 0's: {results[1] == first[1]}"
        first = first or results
        dry_said, real_said = (pairs[-1][k].output.splitlines()[-1] for k in (0, 1))
        print(
            f"tree {index} ({tree}), {args.bank_format}, {len(pairs)} rounds: median dry "
            f"{dry_cpu:.2f} s, real {real_cpu:.2f} s CPU; real / dry median {cpu:.2f}x CPU, "
            f"{wall:.2f}x wall (goal ≤ 1.5x){same}\n  dry:  {dry_said}\n  real: {real_said}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
