"""A real cash run's write phase, timed inside the process: its batches' CPU, part by part.

    python benchmarks/cashapp_cli_settle.py --keep DIR [--rounds 3] [--bank-format csv|...]
                                            [--tree DIR ...]

Uses the world ``cashapp_cli_repeat.py --keep DIR`` built (its files and the ledger as
imported, ``before0.db``; build it with that first, at least one round). For ``--rounds``
rounds, for each ``--tree`` in turn (interleaved), runs ``arbot cashapp`` for real in a child
process on a fresh copy of that ledger, with ``time.process_time`` around the batches
(``CashRunBatches._settle_batch``) and around the parts of a batch that exist in that tree:
the bank lines begun and finished, the ERP read for validation (``ReadAhead``), the approvals
created (``create_many``), the ledger's write (``apply_payments``) and the approvals moved
(``move_many``). Prints each run's seconds, then per tree the min / median of each. The
machine's speed moves every figure of a run together (a shared machine's load): compare a
part against a part both trees run unchanged (``read_ahead``), pair by pair.
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
import subprocess
import tempfile

from cashapp_cli import run_env  # type: ignore[import-not-found]
from cashapp_cli_formats import FORMATS  # type: ignore[import-not-found]

# The child: the run, its parts timed (those its tree has), one JSON line of seconds.
CHILD = r"""
import json, sys, time

times = {}


def timed(owner, name, label):
    original = getattr(owner, name, None)
    if original is None:
        return

    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            times[label] = times.get(label, 0.0) + time.process_time() - started

    setattr(owner, name, wrapper)


import graph.approval_batch as approval_batch
import graph.cash_run_batches as batches
from integrations.erp.local import bulk
from integrations.store import audit_batch, bank_lines

timed(batches.CashRunBatches, "_settle_batch", "batches")
timed(bank_lines.BankLineStore, "begin_bank_lines", "begin")
timed(bank_lines.BankLineStore, "finish_bank_lines", "finish")
timed(approval_batch.ReadAhead, "__init__", "read_ahead")
timed(audit_batch.BatchWrites, "create_many", "create_many")
timed(audit_batch.BatchWrites, "move_many", "move_many")
timed(bulk, "apply_payments", "apply_payments")
from bot.cli import main

try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
times["process"] = time.process_time()
print("TIMES " + json.dumps(times))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, required=True, help="cashapp_cli_repeat's folder")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bank-format", choices=tuple(FORMATS), default="csv")
    parser.add_argument("--tree", action="append", help="an arbot checkout (repeatable)")
    args = parser.parse_args(argv)
    trees = [Path(t).resolve() for t in (args.tree or [Path(__file__).resolve().parents[1]])]
    folder = args.keep.resolve()
    before = folder / "before0.db"
    if not before.exists():
        raise SystemExit(f"{before} is missing: run cashapp_cli_repeat.py --keep {folder} first")
    bank_name, bank_options = FORMATS[args.bank_format]
    seen: list[list[dict[str, float]]] = [[] for _ in trees]
    for round_ in range(args.rounds):
        for index, tree in enumerate(trees):
            home = Path(tempfile.mkdtemp(prefix="arbot-settle-"))
            try:
                shutil.copyfile(before, home / "arbot.db")
                env = run_env(home, folder / "policy.toml", PYTHONPATH=str(tree))
                command = [sys.executable, "-c", CHILD, "cashapp", "--bank"]
                command += [str(folder / bank_name), *bank_options, "--out", str(home / "o.json")]
                # Run in its home: a ``-c`` child puts its working folder first on its path.
                done = subprocess.run(command, env=env, cwd=home, capture_output=True, text=True)
                said = [x for x in done.stdout.splitlines() if x.startswith("TIMES ")]
                if done.returncode != 0 or not said:
                    raise SystemExit(f"the run failed:\n{done.stdout}\n{done.stderr}")
            finally:
                shutil.rmtree(home, ignore_errors=True)
            times = json.loads(said[-1].removeprefix("TIMES "))
            seen[index].append(times)
            parts = ", ".join(f"{k} {v:.3f}" for k, v in times.items())
            load = os.getloadavg()[0]
            print(f"round {round_ + 1} tree {index}: {parts} (load {load:.1f})", flush=True)
    for index, tree in enumerate(trees):
        names = list(dict.fromkeys(k for times in seen[index] for k in times))
        parts = ", ".join(
            f"{name} {min(values):.3f} / {statistics.median(values):.3f}"
            for name in names
            if (values := [times.get(name, 0.0) for times in seen[index]])
        )
        print(f"tree {index} ({tree}), {len(seen[index])} runs, CPU s min / median: {parts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
