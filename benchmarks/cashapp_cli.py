"""The real ``arbot cashapp`` command, end to end, against a floor measured in the same run.

    python benchmarks/cashapp_cli.py [--customers 10000] [--invoices 100000] [--lines 10000]
                                     [--sizes 1000,5000,10000] [--seed 7] [--small] [--no-real]
                                     [--history] [--bank-format csv|camt053|mt940|bai2|sparkasse]

Writes the world of ``benchmarks/cashapp.py`` (customers, open invoices, labelled bank lines)
as the CSV files a user has, loads them with ``arbot erp import`` into a fresh SQLite ledger,
opens arbot's runtime on it once (the store's migrations run, as on any first command), then
runs, each as its own process:

* the floor: a script that reads the same three files and answers every bank line with exact
  dictionary look-ups (an invoice number written as in the ERP, else the one open invoice of the
  amount) and writes a JSON result: what any cash application costs at the least;
* the program's own footprint: a process that loads the ``cashapp`` command as ``arbot`` does
  (``bot.cli.load_command``), imports every module a cash run imports (``RUN_MODULES``: the
  bank readers, the matcher, the run's writes; those a run imports only once it runs included)
  and opens its runtime (ledger, store, policy, and the
  approval service, as every ``arbot cashapp`` does; its LangGraph checkpointer opens only for
  an approval that needs a thread, which a cash run's bulk proposals never do) on the same
  database, and reads no file;
* ``arbot cashapp --bank FILE --dry-run --out RESULT.json``;
* ``arbot cashapp --bank FILE --out RESULT.json`` (applies and proposes for real, every change
  audited) on a copy of the ledger as it was before the dry run; then ``arbot audit verify``.

and prints CPU seconds (user + system), wall seconds and peak resident memory of each, the ratios
dry/floor and real/dry, and, for the dry and the real run, peak memory against the size of the
input files: the whole process, and what it holds above the program's own footprint (the memory
the input data costs), for each number of bank lines in ``--sizes``. Goals (issue 16): dry ≤ 10×
floor, real ≤ 1.5× dry, peak memory ≤ 3× the input data's size.

``--history`` gives the world a year of paid invoices and payments (``cashapp_cli_history.py``:
12-50 payments a customer, most paid oldest first), imported by a second ``arbot erp import``
(``--invoices`` of the paid ones, ``--payments``) and counted in the input size. The floor's
answers need no history, so its ratio stays the one without; a second floor that also reads the
history files and learns the same habits (as a cash run learns them from the ledger) is printed
next to it.

``--bank-format`` writes the same bank lines in another bank format the run reads instead
(``cashapp_cli_formats.py``: camt.053 XML, MT940, BAI2, or a Sparkasse CSV export read with its
profile), counted in the input size in that format; the footprint imports that format's reader
too. The floor reads them from arbot's own CSV layout.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import csv
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta

from cashapp import AS_OF, World, build_lines  # type: ignore[import-not-found]
from cashapp_cli_formats import FORMAT_MODULES, FORMATS  # type: ignore[import-not-found]
from cashapp_cli_history import HABIT_DAYS, write_history  # type: ignore[import-not-found]

from benchmarks.in_child import in_child

POLICY = """
mode = "auto"

[auto]
apply_payment = "1000000.00"

[[people]]
name = "Dana Kim"
roles = ["ar_specialist"]
terminal = ["dana"]
"""

FLOOR = r"""
import csv, json, re, sys
from decimal import Decimal
customers_csv, invoices_csv, bank_csv, out = sys.argv[1:5]
paid_csv, payments_csv, since = sys.argv[5:8] if len(sys.argv) > 7 else (None, None, None)
with open(customers_csv, newline="") as f:
    customers = {row["customer_id"]: row for row in csv.DictReader(f)}
by_number, by_amount = {}, {}
with open(invoices_csv, newline="") as f:
    for row in csv.DictReader(f):
        balance = Decimal(row["balance"])
        if balance <= 0 or row["customer_id"] not in customers:
            continue
        by_number[row["invoice_number"]] = (row, balance)
        by_amount.setdefault((row["currency"], balance), []).append(row)
results = []
with open(bank_csv, newline="") as f:
    for line in csv.DictReader(f):
        amount = Decimal(line["amount"])
        words = re.split(r"[\s,;/|:*~&]+", line["reference"].upper())
        found = [by_number[w] for w in words if w in by_number]
        same = by_amount.get((line["currency"], amount), [])
        if found and sum(b for _, b in found) == amount:
            apps = [{"invoice_number": r["invoice_number"], "amount": float(b)} for r, b in found]
            decision, customer = "auto", found[0][0]["customer_id"]
        elif len(same) == 1:
            apps = [{"invoice_number": same[0]["invoice_number"], "amount": float(amount)}]
            decision, customer = "auto", same[0]["customer_id"]
        else:
            apps, decision, customer = [], "unmatched", None
        results.append({"payment_id": line["payment_id"], "decision": decision,
                        "customer_id": customer, "applications": apps})
habit, contrary = set(), set()
if payments_csv:  # who pays the oldest invoices first, as arbot learns it from its history
    with open(paid_csv, newline="") as f:
        issued = {row["invoice_number"]: row["invoice_date"] for row in csv.DictReader(f)}
    paid = {}
    with open(payments_csv, newline="") as f:
        for row in csv.DictReader(f):
            if row["date"] >= since:
                key = (row["customer_id"], row["date"], row["payment_id"])
                paid.setdefault(key, []).append(issued[row["invoice_number"]])
    newest, counted = {}, {}
    for (customer, _, _), dates in sorted(paid.items()):
        if customer in contrary:
            continue
        if customer in newest and min(dates) < newest[customer]:
            contrary.add(customer)
            continue
        newest[customer] = max(newest.get(customer, ""), *dates)
        counted[customer] = counted.get(customer, 0) + len(dates)
    habit = {c for c, n in counted.items() if n >= 3 and c not in contrary}
with open(out, "w") as f:
    json.dump({"results": results, "oldest_first": len(habit), "out_of_order": len(contrary)}, f)
"""


@dataclass(frozen=True)
class Cost:
    cpu: float  # user + system seconds
    wall: float
    peak_mb: float  # peak resident set size
    output: str
    system: float = 0.0  # the system seconds of ``cpu``

    def row(self, name: str) -> str:
        return f"{name:<26}{self.cpu:>9.2f}{self.wall:>9.2f}{self.peak_mb:>10.1f}"


def measure(command: list[str], env: dict[str, str]) -> Cost:
    """Run one process to its end; its own CPU time and peak memory (``wait4``)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} failed ({process.returncode}):\n{output}")
    cpu = usage.ru_utime + usage.ru_stime
    return Cost(cpu, wall, usage.ru_maxrss / 1024, output.strip(), usage.ru_stime)


def write_world(world: World, lines: list, folder: Path) -> tuple[Path, Path, Path]:
    # Imported here, in the child that writes the files (the ledger's modules stay out of the
    # measuring process: in_child.py).
    from integrations.erp.local.demo_bank import write_bank_csv

    customers_csv = folder / "customers.csv"
    invoices_csv = folder / "invoices.csv"
    bank_csv = folder / "bank.csv"
    with customers_csv.open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(
            ["customer_id", "name", "credit_limit", "terms_days", "currency", "email", "parent_id"]
        )
        for c in world.customers:
            out.writerow(
                [c.customer_id, c.name, "", c.terms_days, c.currency, "", c.parent_id or ""]
            )
    with invoices_csv.open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(
            [
                "invoice_number",
                "customer_id",
                "invoice_date",
                "due_date",
                "amount",
                "balance",
                "currency",
                "po_number",
            ]
        )
        for i in world.invoices:
            out.writerow(
                [
                    i.invoice_number,
                    i.customer_id,
                    i.invoice_date.isoformat(),
                    i.due_date.isoformat(),
                    i.amount,
                    i.balance,
                    i.currency,
                    i.po_number or "",
                ]
            )
    write_bank_csv(bank_csv, lines)
    return customers_csv, invoices_csv, bank_csv


# Every module a cash run imports (dry or real, the CLI's own included), found by comparing
# sys.modules before and after a small run (tests/benchmarks/test_cashapp_footprint.py checks
# that a run imports nothing more): the footprint holds the program, so what a run holds
# above it is what its input data costs.
RUN_MODULES = (
    "bot.cli",
    "bot.cli.cashapp",
    "bot.cli.startup",
    "bot.logs",
    "bot.bank_runs",
    "graph.cash_application",
    "graph.cash_run_reply",
    "graph.cash_spool",
    "graph.lazy_regex",
    "integrations.bank",
    "integrations.bank.csvexport",
    "integrations.bank.csvprofile",
    "integrations.erp.local.bulk",
    "encodings.utf_8_sig",
    "encodings.unicode_escape",
)

FOOTPRINT = r"""
import importlib, sys

from bot.cli import load_command

load_command("cashapp")  # as ``arbot cashapp`` loads it (its compiled dataclass methods too)
for name in sys.argv[1:]:
    importlib.import_module(name)
from bot.cli.common import runtime_for, settings_for

runtime = runtime_for(settings_for(None))
runtime.approvals  # the approval service (its LangGraph threads open only when one is needed)
"""


def run_env(home: Path, policy: Path, **extra: str) -> dict[str, str]:
    """The environment every measured command runs in: its own home and policy, the benchmark's
    business date, no configured database or ERP, a fixed hash seed."""
    return {
        **os.environ,
        **extra,
        "ARBOT_HOME": str(home),
        "ARBOT_TODAY": AS_OF.isoformat(),
        "ARBOT_DATABASE_URL": "",
        "ARBOT_ERP": "",
        "ARBOT_POLICY": str(policy),
        "PYTHONHASHSEED": "0",
    }


def arbot_command() -> list[str]:
    found = shutil.which("arbot", path=str(Path(sys.executable).parent)) or shutil.which("arbot")
    if found is None:
        raise SystemExit("the arbot command is not installed (pip install -e .)")
    return [found]


def history_files(folder: Path) -> tuple[Path, Path]:
    """The year's paid invoices and its payments (``--history``)."""
    return folder / "paid_invoices.csv", folder / "payments.csv"


def build_files(args: argparse.Namespace, count: int, folder: Path) -> None:
    world = World(args.customers, args.invoices, args.seed)
    lines, _ = build_lines(world, count)
    write_world(world, lines, folder)
    if args.bank_format != "csv":
        from cashapp_cli_formats import write_bank_file  # type: ignore[import-not-found]

        write_bank_file(folder / FORMATS[args.bank_format][0], args.bank_format, lines)
    payments = 0
    if args.history:
        payments = write_history(world, *history_files(folder), args.seed)
    (folder / "counts.txt").write_text(f"{len(world.customers)} {len(world.invoices)} {payments}")


def run_size(args: argparse.Namespace, count: int, folder: Path) -> None:
    # Not in this process: its peak memory would be every measured command's (in_child.py).
    in_child(build_files, args, count, folder)
    customers_csv, invoices_csv, bank_csv = (
        folder / "customers.csv",
        folder / "invoices.csv",
        folder / "bank.csv",
    )
    counts = (folder / "counts.txt").read_text().split()
    customer_count, invoice_count, payment_count = map(int, counts)
    paid_csv, payments_csv = history_files(folder)
    history = [paid_csv, payments_csv] if args.history else []
    bank_name, bank_options = FORMATS[args.bank_format]
    bank_file = folder / bank_name  # what the run reads; the floor reads ``bank_csv``
    size_mb = sum(p.stat().st_size for p in (customers_csv, invoices_csv, bank_file, *history))
    size_mb /= 2**20
    bare_mb = sum(p.stat().st_size for p in (customers_csv, invoices_csv, bank_file)) / 2**20
    modules = (*RUN_MODULES, *FORMAT_MODULES[args.bank_format])
    home = folder / "home"
    policy = folder / "policy.toml"
    policy.write_text(POLICY)
    env = run_env(home, policy)
    arbot = arbot_command()
    imported = measure(
        [
            *arbot,
            "erp",
            "import",
            "--customers",
            str(customers_csv),
            "--invoices",
            str(invoices_csv),
        ],
        env,
    )
    if history:  # a second export: the year's paid invoices and the payments applied to them
        imported_history = measure(
            [
                *arbot,
                "erp",
                "import",
                "--customers",
                str(customers_csv),
                "--invoices",
                str(paid_csv),
                "--payments",
                str(payments_csv),
            ],
            env,
        )
    # The store's own migrations run once, on the first command a database meets (as after
    # any install); each measured process then opens a migrated database, as a user's runs do.
    measure([sys.executable, "-c", FOOTPRINT, *modules], env)
    before = folder / "before.db"
    shutil.copyfile(home / "arbot.db", before)
    floor_py = folder / "floor.py"
    floor_py.write_text(FLOOR)
    floor_command = [
        sys.executable,
        str(floor_py),
        str(customers_csv),
        str(invoices_csv),
        str(bank_csv),
        str(folder / "floor.json"),
    ]
    floor = measure(floor_command, env)
    since = (AS_OF - timedelta(days=HABIT_DAYS)).isoformat()
    # The floor's answers need no history; the one that also learns the habits from the files
    # (as arbot's run learns them from the ledger) is measured too.
    floor_history = measure([*floor_command, *map(str, history), since], env) if history else None
    dry = measure(
        [
            *arbot,
            "cashapp",
            "--bank",
            str(bank_file),
            *bank_options,
            "--dry-run",
            "--out",
            str(folder / "dry.json"),
        ],
        env,
    )
    footprint = measure([sys.executable, "-c", FOOTPRINT, *modules], env)
    real = None
    if not args.no_real:
        shutil.copyfile(before, home / "arbot.db")
        real = measure(
            [
                *arbot,
                "cashapp",
                "--bank",
                str(bank_file),
                *bank_options,
                "--out",
                str(folder / "real.json"),
            ],
            env,
        )
        verified = measure([*arbot, "audit", "verify"], env)
    print(
        f"\n{count:,} bank lines, {customer_count:,} customers, "
        f"{invoice_count:,} open invoices"
        + (f", a year of history ({payment_count:,} payments)" if args.history else "")
        + (f", read from {args.bank_format} ({bank_name})" if args.bank_format != "csv" else "")
        + f"; input files {size_mb:.1f} MB "
        f"(import took {imported.cpu:.1f} s CPU"
        + (f", the history's {imported_history.cpu:.1f} s" if history else "")
        + ")"
    )
    print(f"{'':<26}{'CPU s':>9}{'wall s':>9}{'peak MB':>10}")
    print(floor.row("floor script"))
    if floor_history is not None:
        print(floor_history.row("floor, habits learned too"))
    print(footprint.row("arbot's own footprint"))
    print(
        f"  (the footprint: the cashapp command loaded as arbot loads it, {len(modules)} "
        "modules a cash run imports and all they import, arbot's runtime opened on the ledger; "
        "no file read)"
    )
    print(dry.row("arbot cashapp --dry-run"))
    if real is not None:
        print(real.row("arbot cashapp"))
    print(f"  {dry.output.splitlines()[-1] if dry.output else ''}")
    if real is not None:
        print(f"  {real.output.splitlines()[-1] if real.output else ''}")
        said = [line for line in verified.output.splitlines() if " WARNING " not in line]
        print(f"  {said[0] if said else verified.output}")
    ratio = dry.cpu / floor.cpu if floor.cpu else float("inf")
    print(f"dry / floor: {ratio:.1f}x CPU, {dry.wall / floor.wall:.1f}x wall (goal ≤ 10x)")
    if floor_history is not None:
        print(
            f"dry / floor that learns the habits from the history files too: "
            f"{dry.cpu / floor_history.cpu:.1f}x CPU"
        )
    if real is not None:
        print(
            f"real / dry: {real.cpu / dry.cpu:.2f}x CPU, {real.wall / dry.wall:.2f}x wall "
            "(goal ≤ 1.5x)"
        )
    print(f"floor peak memory / input size: {floor.peak_mb / size_mb:.1f}x")
    for name, cost in (("dry", dry), ("real", real)):
        if cost is None:
            continue
        above = max(cost.peak_mb - footprint.peak_mb, 0.0)
        print(
            f"{name} peak memory / input size: {cost.peak_mb / size_mb:.1f}x whole process, "
            f"{above / size_mb:.1f}x above arbot's own footprint ({above:.0f} MB) (goal ≤ 3x)"
        )
        if history:
            print(f"  above the footprint / the files without the history: {above / bare_mb:.1f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--sizes", help="several line counts, comma-separated (memory vs size)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--small", action="store_true", help="1k customers, 10k invoices, 1k lines")
    parser.add_argument("--no-real", action="store_true", help="time the dry run only")
    parser.add_argument(
        "--history",
        action="store_true",
        help="a year of paid invoices and payments too (cashapp_cli_history.py)",
    )
    parser.add_argument(
        "--bank-format",
        choices=tuple(FORMATS),
        default="csv",
        help="the bank file's format (cashapp_cli_formats.py); arbot's own CSV layout by default",
    )
    args = parser.parse_args(argv)
    if args.small:
        args.customers, args.invoices, args.lines = 1_000, 10_000, 1_000
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.lines]
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="arbot-cashapp-cli-") as folder:
            run_size(args, count, Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
