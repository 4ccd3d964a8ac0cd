"""`arbot collections` on a large book, end to end, against one SQL aging GROUP BY.

    python benchmarks/collections.py [--db sqlite:///PATH] [--customers 50000]
                                     [--invoices 1000000] [--seed 7] [--runs 2]
                                     [--baseline-tree PATH]

Writes (once: a ledger already holding the same sizes is reused) a local SQLite ledger with
``--customers`` customers, ``--invoices`` open invoices, a year of paid history for a fifth of
the customers (100,000 paid invoices, their payments and applications), 10,000 promises to pay
and 50,000 notes (in a child process: see ``in_child.py``). Then, each in its own process, once
not counted (compiling the bytecode into a temporary ``PYTHONPYCACHEPREFIX``) and ``--runs``
times, keeping the least of each measure:

- the *floor*: one SQL aging GROUP BY over the same open invoices (customer, currency, six
  bucket sums), every row fetched, from a Python process that imports only SQLAlchemy;
- ``arbot collections --json --top 50`` as a user runs it (``ARBOT_TODAY`` set, a fresh
  ``ARBOT_HOME``);
- with ``--baseline-tree``, the same command from another checkout (e.g. before a change), on a
  copy of the ledger taken back to that checkout's newest migration.

Prints CPU seconds (user + system, the machine is shared), wall seconds and peak memory (max
RSS) of each, and the ratios. Goals: collections ≤ 3× the GROUP BY's CPU, ≤ 2× its memory.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# This file is named like the standard library's ``collections``: never let its folder shadow it.
HERE = str(Path(__file__).resolve().parent)
sys.path[:] = [p for p in sys.path if p != HERE]
sys.path.insert(0, str(ROOT))

from benchmarks.in_child import in_child  # noqa: E402
from benchmarks.ledger_copy import baseline_copy  # noqa: E402

AS_OF = date(2026, 11, 21)
COLLECTORS = ("Dana Kim", "Luis Ortega", "Priya Shah", None)
PAID = 100_000

FLOOR = """
import sys
from datetime import date, timedelta
from sqlalchemy import and_, case, func, select
from integrations.db import make_engine
from integrations.erp.local import schema as t

as_of = date.fromisoformat(sys.argv[2])
i = t.invoices.c
columns, lower = [], None
for upper in (0, 30, 60, 90, 120, None):
    bound = as_of - timedelta(days=upper) if upper is not None else None
    if bound is None:
        when = i.due_date < lower
    elif lower is None:
        when = i.due_date >= bound
    else:
        when = and_(i.due_date >= bound, i.due_date < lower)
    columns.append(func.sum(case((when, i.balance), else_=0)))
    lower = bound
query = (
    select(i.customer_id, i.currency, *columns)
    .where(i.balance > 0)
    .group_by(i.customer_id, i.currency)
)
with make_engine(sys.argv[1]).connect() as conn:
    rows = conn.execute(query).all()
print(len(rows))
"""


def build(url: str, customers: int, invoices: int, seed: int) -> None:
    from integrations.erp.local import LocalLedger

    ledger = LocalLedger.open(url)
    counts = ledger.counts()
    if counts.get("customers") == customers and counts.get("invoices") == invoices + PAID:
        print(f"reusing {url}: {counts}")
        return
    ledger.close()
    path = url.removeprefix("sqlite:///")
    started = time.perf_counter()
    rng = random.Random(seed)
    db = sqlite3.connect(path)
    for table in (
        "ledger_notes",
        "ledger_promises",
        "ledger_applications",
        "ledger_payments",
        "ledger_invoices",
        "ledger_customers",
    ):
        db.execute(f"DELETE FROM {table}")
    terms = [rng.choice((15, 30, 30, 45, 60)) for _ in range(customers)]
    db.executemany(
        "INSERT INTO ledger_customers (customer_id, name, currency, terms_days, credit_limit, "
        "on_hold, discount_percent, discount_days, collector) VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?)",
        (
            (
                f"C{n:06d}",
                f"Customer {n}",
                "USD" if n % 10 else "EUR",
                terms[n],
                rng.choice((500_000, 2_000_000, 10_000_000)) if n % 7 else None,
                COLLECTORS[n % len(COLLECTORS)],
            )
            for n in range(customers)
        ),
    )

    def invoice_rows():
        for n in range(invoices):
            customer = n % customers
            issued = AS_OF - timedelta(days=rng.randrange(0, 200))
            cents = rng.randrange(10_000, 1_000_000)
            number = f"INV-{n:07d}"
            yield (
                number,
                number.lower(),
                f"C{customer:06d}",
                issued.isoformat(),
                (issued + timedelta(days=terms[customer])).isoformat(),
                cents,
                cents,
                "USD" if customer % 10 else "EUR",
            )

    db.executemany(
        "INSERT INTO ledger_invoices (invoice_number, number_key, customer_id, invoice_date, "
        "due_date, amount, balance, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        invoice_rows(),
    )
    paid, payments, applications = [], [], []
    for n in range(PAID):
        customer = (n * 5) % customers
        issued = AS_OF - timedelta(days=rng.randrange(40, 365))
        due = issued + timedelta(days=terms[customer])
        received = min(due + timedelta(days=rng.randint(-5, 40)), AS_OF)
        cents = rng.randrange(10_000, 1_000_000)
        currency = "USD" if customer % 10 else "EUR"
        number, payment = f"PAID-{n:07d}", f"PMT-{n:07d}"
        owner = f"C{customer:06d}"
        paid.append(
            (number, number.lower(), owner, issued.isoformat(), due.isoformat(), cents, 0, currency)
        )
        payments.append((payment, f"C{customer:06d}", received.isoformat(), cents, currency))
        applications.append((payment, number, cents, received.isoformat()))
    db.executemany(
        "INSERT INTO ledger_invoices (invoice_number, number_key, customer_id, invoice_date, "
        "due_date, amount, balance, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        paid,
    )
    db.executemany(
        "INSERT INTO ledger_payments (payment_id, customer_id, received_on, amount, unapplied, "
        "currency, method, reference) VALUES (?, ?, ?, ?, 0, ?, 'ach', '')",
        payments,
    )
    db.executemany(
        "INSERT INTO ledger_applications (payment_id, invoice_number, amount, applied_on) "
        "VALUES (?, ?, ?, ?)",
        applications,
    )
    promised = []
    for n in rng.sample(range(invoices), 10_000):
        customer = n % customers
        on = AS_OF + timedelta(days=rng.randint(-30, 10))
        status = "open" if on >= AS_OF else rng.choice(("kept", "broken"))
        promised.append((f"C{customer:06d}", f"INV-{n:07d}", on.isoformat(), 10_000, status))
    db.executemany(
        "INSERT INTO ledger_promises (customer_id, invoice_number, promised_on, amount, "
        "currency, status) VALUES (?, ?, ?, ?, 'USD', ?)",
        promised,
    )
    db.executemany(
        "INSERT INTO ledger_notes (customer_id, author, text, created_at) "
        "VALUES (?, 'Dana Kim', ?, ?)",
        (
            (
                f"C{rng.randrange(customers):06d}",
                "called, left a message",
                f"{AS_OF - timedelta(days=rng.randrange(0, 120))} 09:00:00.000000",
            )
            for _ in range(50_000)
        ),
    )
    db.commit()
    db.execute("ANALYZE")
    db.close()
    print(f"built {path} in {time.perf_counter() - started:.0f} s")


def run(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float, int, str]:
    """(CPU seconds, wall seconds, peak RSS in MB, stdout) of one process, reaped here so that
    its own resource usage is read (not the sum over every child so far). It runs in ``cwd``:
    ``python -c`` puts the working directory first on its path."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status):
            raise SystemExit(f"{' '.join(command[:4])} failed: {err.read().decode()[-800:]}")
        return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss // 1024, out.read().decode()


def best(
    command: list[str], env: dict[str, str], runs: int, cwd: Path = ROOT
) -> tuple[float, float, int, str]:
    """The least CPU, wall time and peak memory of ``runs`` runs (each its own minimum) after
    one not counted (it compiles the bytecode, as an installed arbot has it after its first)."""
    run(command, env, cwd)
    results = [run(command, env, cwd) for _ in range(runs)]
    return (
        min(r[0] for r in results),
        min(r[1] for r in results),
        min(r[2] for r in results),
        results[-1][3],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", default=f"sqlite:///{tempfile.gettempdir()}/arbot-large-book.db")
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--baseline-tree", type=Path, help="another checkout to compare with")
    args = parser.parse_args()
    # Not in this process: its peak memory would be every measured command's (in_child.py).
    in_child(build, args.db, args.customers, args.invoices, args.seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARBOT_TODAY": AS_OF.isoformat()}
    env.pop("ARBOT_DATABASE_URL", None)
    # Bytecode written and read as an installed arbot's is, even when the caller's environment
    # says not to write it (then every run compiled arbot's modules), but kept out of the trees.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as home:
        env["ARBOT_HOME"] = home
        env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        floor = best([sys.executable, "-c", FLOOR, args.db, AS_OF.isoformat()], env, args.runs)
        arbot = [sys.executable, "-c", "from bot.cli import main; main()"]
        listed = best(
            [*arbot, "collections", "--json", "--top", "50", "--db", args.db], env, args.runs
        )
        before = None
        if args.baseline_tree:
            tree = args.baseline_tree.resolve()
            copy = baseline_copy(args.db, tree, home)
            command = [*arbot, "collections", "--json", "--top", "50", "--db", copy]
            before = best(command, {**env, "PYTHONPATH": str(tree)}, args.runs, tree)
    print(f"aging GROUP BY:     {floor[0]:6.2f} s CPU {floor[1]:6.2f} s wall {floor[2]:5d} MB")
    measured = [("arbot collections", listed)] + ([("baseline", before)] if before else [])
    for name, found in measured:
        print(f"{name + ':':20}{found[0]:6.2f} s CPU {found[1]:6.2f} s wall {found[2]:5d} MB")
        print(
            f"  ratio: {found[0] / floor[0]:.2f}× CPU (goal ≤ 3), {found[1] / floor[1]:.2f}× wall, "
            f"{found[2] / floor[2]:.2f}× memory (goal ≤ 2)"
        )
    if before is not None:
        print(f"  same output as the baseline: {before[3] == listed[3]}")


if __name__ == "__main__":
    main()
