"""End to end: generate the held-out set, import it into a fresh ledger, run `arbot cashapp
--dry-run` on its bank file and score the result next to the clerk's rule.

    python evals/cashapp/run.py [--seed 11] [--size small|full] [--keep DIR] [--json]

The arbot run uses a policy written for the evaluation (mode "auto", thresholds high enough
that every decision the matcher is sure of shows as `auto`), so what is measured is the
matcher's judgement, not the approval limits of one company.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evals.cashapp.generate import SIZES, generate
from evals.cashapp.score import LEGEND, ScoreError, goals_line, load_results, score, table

EVAL_POLICY = """\
# written by evals/cashapp/run.py: let the matcher decide alone wherever it is sure
mode = "auto"

[auto]
apply_payment = "1000000000.00"
write_off_deduction = "1000000000.00"
"""


def arbot_command() -> str:
    """The `arbot` console script of the interpreter running this file (the project's venv)."""
    here = Path(sys.executable).parent / "arbot"
    found = here if here.exists() else shutil.which("arbot")
    if not found:
        raise SystemExit("run: `arbot` is not installed in this environment (pip install -e .)")
    return str(found)


def code_version() -> str | None:
    """HEAD's short hash, with "+dirty" when arbot's code has uncommitted changes."""
    root = Path(__file__).resolve().parents[2]

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], capture_output=True, text=True, cwd=root, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("log", "-1", "--format=%h")
    if not head:
        return None
    dirty = git("status", "--porcelain", "--", "graph", "integrations", "bot")
    return f"{head}+dirty" if dirty else head


def _run(args: list[str], env: dict[str, str], what: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise SystemExit(f"run: {what} failed (exit {done.returncode}):\n" + "\n".join(detail))
    return time.perf_counter() - started


def evaluate(seed: int, size: str, workdir: Path) -> dict[str, object]:
    payments, invoices, customers = SIZES[size]
    data = workdir / "data"
    meta = generate(seed, data, payments=payments, invoices=invoices, customers=customers)
    home = workdir / "home"
    home.mkdir(exist_ok=True)
    (home / "arbot.toml").write_text(EVAL_POLICY, encoding="utf-8")
    ledger = workdir / "ledger.db"
    ledger.unlink(missing_ok=True)  # always a fresh database
    db = f"sqlite:///{ledger}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARBOT_", "OPENAI_"))}
    env.update(
        ARBOT_HOME=str(home),
        ARBOT_POLICY=str(home / "arbot.toml"),
        ARBOT_TODAY=str(meta["business_date"]),
    )
    arbot = arbot_command()
    _run(
        [
            arbot,
            "erp",
            "import",
            "--customers",
            str(data / "customers.csv"),
            "--invoices",
            str(data / "invoices.csv"),
            "--db",
            db,
        ],
        env,
        "arbot erp import",
    )
    result = workdir / "result.json"
    seconds = _run(
        [
            arbot,
            "cashapp",
            "--bank",
            str(data / "bank.csv"),
            "--dry-run",
            "--out",
            str(result),
            "--db",
            db,
        ],
        env,
        "arbot cashapp",
    )
    report = score(data, load_results(result))
    commit = code_version()
    report["run"] = {
        **meta,
        "size": size,
        "commit": commit,
        "cashapp_seconds": round(seconds, 1),
    }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--keep", type=Path, help="work in this directory and keep the files")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    try:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            report = evaluate(args.seed, args.size, args.keep)
        else:
            with tempfile.TemporaryDirectory(prefix="arbot-cashapp-eval-") as tmp:
                report = evaluate(args.seed, args.size, Path(tmp))
    except ScoreError as exc:
        print(f"run: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    run = report["run"]
    print(
        f"held-out cash application set: seed {run['seed']}, {run['payments']} payments, "
        f"{run['invoices']} open invoices, {run['customers']} customers, business date "
        f"{run['business_date']}; arbot at {run['commit']}, cashapp {run['cashapp_seconds']} s"
    )
    print()
    print(table("scenario", report["scenarios"], report["overall"]))
    print()
    print(table("channel", report["channels"], report["overall"]))
    print(LEGEND)
    print(goals_line(report["overall"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
