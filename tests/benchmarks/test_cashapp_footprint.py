"""benchmarks/cashapp_cli.py's "arbot's own footprint" imports every module a cash run imports,
so what a run holds above it is what its input data costs, not code loaded late."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bot.test_cashapp_cli import BANK, CSV, POLICY

ROOT = Path(__file__).resolve().parents[2]
# The footprint, then the run in the same process: the modules the run imported on top of it.
SCRIPT = """
import json, sys
footprint, modules, run = json.loads(sys.argv[1])
sys.argv = ["footprint", *modules]
exec(compile(footprint, "footprint", "exec"))
before = set(sys.modules)
from bot.cli import main
main.main(run, standalone_mode=False)
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def benchmark_values() -> tuple[str, list[str]]:
    """FOOTPRINT and RUN_MODULES as the benchmark defines them (read, not imported: importing
    the benchmark would import modules of its own first)."""
    tree = ast.parse((ROOT / "benchmarks" / "cashapp_cli.py").read_text())
    found = {
        target.id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id in ("FOOTPRINT", "RUN_MODULES")
    }
    return found["FOOTPRINT"], list(found["RUN_MODULES"])


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    policy = tmp_path / "policy.toml"
    policy.write_text(POLICY)
    made = {
        **os.environ,
        "ARBOT_HOME": str(tmp_path / "home"),
        "ARBOT_TODAY": "2026-11-21",
        "ARBOT_DATABASE_URL": "",
        "ARBOT_ERP": "",
        "ARBOT_POLICY": str(policy),
        "PYTHONPATH": str(ROOT),
    }
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "erp",
            "import",
            "--customers",
            str(CSV / "customers.csv"),
            "--invoices",
            str(CSV / "invoices.csv"),
        ],
        env=made,
        check=True,
        capture_output=True,
    )
    return made


@pytest.mark.parametrize("dry", [True, False], ids=["dry", "real"])
def test_a_cash_run_imports_nothing_the_footprint_did_not(
    env: dict[str, str], tmp_path: Path, dry: bool
) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text(BANK)
    footprint, modules = benchmark_values()
    run = ["cashapp", "--bank", str(bank), "--out", str(tmp_path / "out.json")]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps([footprint, modules, run + ["--dry-run"] * dry])],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert json.loads(done.stdout.splitlines()[-1]) == []
    assert json.loads((tmp_path / "out.json").read_text())["results"]


@pytest.mark.parametrize("format", ["camt053", "mt940", "bai2", "sparkasse"])
def test_a_cash_run_of_each_bank_format_imports_nothing_more(
    env: dict[str, str], tmp_path: Path, format: str
) -> None:
    """``--bank-format``: the footprint imports that format's reader too (``FORMAT_MODULES``)."""
    from benchmarks.cashapp_cli_formats import FORMAT_MODULES, FORMATS, write_bank_file
    from tests.bot.test_cashapp_cli_formats import bank_lines

    name, options = FORMATS[format]
    bank = tmp_path / name
    write_bank_file(bank, format, bank_lines())
    footprint, modules = benchmark_values()
    run = ["cashapp", "--bank", str(bank), *options, "--dry-run"]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            SCRIPT,
            json.dumps([footprint, modules + list(FORMAT_MODULES[format]), run]),
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert json.loads(done.stdout.splitlines()[-1]) == []
