"""Backtest the collections list on any ledger's own history: does its top catch late money?

    python benchmarks/collections_backtest.py --demo medium [--seed 7]
    python benchmarks/collections_backtest.py --history-model [--customers 400] [--seed 11]
    python benchmarks/collections_backtest.py --db sqlite:///path/to/ledger.db
    python benchmarks/collections_backtest.py --ar-csv WA_Fn-UseC_-Accounts-Receivable.csv

For each of ``--cutoffs`` past dates (``--every`` days apart, the last ``--horizon`` days before
the history ends) it rebuilds the ledger as it stood that day from the ledger's own history
(invoices issued by then, with the balance left after the payments and credits booked by then;
those payments; promises whose date had passed; notes written by then) into a fresh SQLite
ledger, and asks the real command, ``arbot collections --json --top 1000`` with ``ARBOT_TODAY``
set to the cutoff, for its order (``--in-process`` calls the same function without the command,
faster). What happened afterwards decides: an account's *late money* is its balance at the cutoff
that was then paid more than 10 days after its due date, or was still unpaid at the end of the
history more than 10 days after it.

Next to arbot's order, in the same run: the clerk's sort (past-due amount), each customer's own
past lateness alone (average days beyond terms of what it paid before the cutoff, ties by past
due), and a perfect ranking (by late money). For each: the *top-decile lift* (the share of late
money in the first 10 % of accounts, over 10 %; pooled over the cutoffs) and Spearman's rank
correlation between the order and late money (mean over cutoffs). Accounts in the book's main
currency are compared (amounts in other currencies are not added to them).

``--ar-csv`` reads the public "late payment histories" layout (one invoice a row: ``customerID,
invoiceNumber, InvoiceDate, DueDate, InvoiceAmount, Disputed, SettledDate`` with US dates), such
as IBM's Watson Analytics sample; a disputed invoice gets a note on its due date.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from graph.backtest import BacktestError  # noqa: E402
from graph.backtest.collections import (  # noqa: E402
    RANKINGS,
    CutoffScore,
    backtest_cutoffs,
    book_order,
    cutoffs_for,
    main_currency,
)
from graph.backtest.collections import spearman as spearman  # noqa: E402
from graph.backtest.collections_history import History  # noqa: E402
from graph.backtest.collections_history import late_money as late_money  # noqa: E402
from graph.backtest.collections_history import ledger_as_of as ledger_as_of  # noqa: E402
from graph.backtest.collections_history import past_due_at as past_due_at  # noqa: E402
from integrations.erp.local import schema as t  # noqa: E402
from integrations.erp.local.ledger import LocalLedger  # noqa: E402

COMMAND = (sys.executable, "-c", "from bot.cli import main; main()")  # arbot, from this tree


def read_history(url: str) -> History:
    ledger = LocalLedger.open(url)
    tables = []
    with ledger.engine.connect() as conn:
        for table in (
            t.customers,
            t.invoices,
            t.payments,
            t.applications,
            t.adjustments,
            t.promises,
            t.notes,
        ):
            tables.append([dict(r) for r in conn.execute(select(table)).mappings()])
    ledger.close()
    return History(*tables)


def arbot_order(url: str, cutoff: date, in_process: bool) -> list[tuple[str, str]]:
    if in_process:
        return book_order(url, cutoff)
    env = {**os.environ, "ARBOT_TODAY": cutoff.isoformat(), "PYTHONPATH": str(ROOT)}
    env.pop("ARBOT_DATABASE_URL", None)
    with tempfile.TemporaryDirectory() as home:
        env["ARBOT_HOME"] = home
        done = subprocess.run(
            [*COMMAND, "collections", "--json", "--top", "1000", "--db", url],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode:
        raise SystemExit(f"arbot collections failed at {cutoff}: {done.stderr.strip()[-500:]}")
    entries = json.loads(done.stdout)["data"]["entries"]
    return [(e["customer_id"], e["currency"]) for e in entries]


def run(history: History, cutoffs: list[date], in_process: bool, label: str) -> dict[str, Any]:
    main = main_currency(history)
    print(f"\n{label}: history to {history.end}, main currency {main}")
    print(
        f"{'cutoff':<12}{'accounts':>9}{'late money':>14}" + "".join(f"{n:>14}" for n in RANKINGS)
    )

    def order(url: str, cutoff: date) -> list[tuple[str, str]]:
        return arbot_order(url, cutoff, in_process)

    def show(score: CutoffScore) -> None:
        print(
            f"{score.cutoff.isoformat():<12}{score.accounts:>9}{score.late_money:>14,.0f}"
            + "".join(f"{score.lift(n):>13.2f}×" for n in RANKINGS)
            + f"   ({score.seconds:.1f} s)"
        )

    with tempfile.TemporaryDirectory() as folder:
        try:
            pooled = backtest_cutoffs(history, cutoffs, folder, order=order, saved=show)
        except BacktestError as error:
            raise SystemExit(str(error)) from None
    print(f"{'pooled lift':<35}" + "".join(f"{pooled.lift(n):>13.2f}×" for n in RANKINGS))
    print(f"{'mean Spearman':<35}" + "".join(f"{pooled.spearman(n):>14.2f}" for n in RANKINGS))
    return pooled.summary()


def demo_history(size: str, seed: int, as_of: date, folder: str) -> History:
    from integrations.erp.local.demo import build_demo

    url = f"sqlite:///{folder}/demo.db"
    build_demo(LocalLedger.open(url), size=size, seed=seed, as_of=as_of)
    return read_history(url)


def model_history(customers: int, seed: int, folder: str) -> History:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from history_model import END, generate, write_ledger

    url = f"sqlite:///{folder}/history.db"
    people, history = generate(customers, seed, END)
    write_ledger(LocalLedger.open(url), people, history, END)
    return read_history(url)


def csv_history(path: Path) -> History:
    """A ledger's history from the one-invoice-a-row layout (see the module's docstring); a
    row that is not one is refused with its line number."""

    def us_date(text: str) -> date:
        month, day, year = (int(part) for part in text.strip().split("/"))
        return date(year, month, day)

    customers: dict[str, dict[str, Any]] = {}
    invoices, payments, applications, notes = [], [], [], []
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                _csv_row(row, customers, invoices, payments, applications, notes, us_date)
            except (KeyError, ValueError, TypeError, ArithmeticError, AttributeError) as error:
                raise SystemExit(f"{path}:{line}: not an invoice row ({error!r})") from None
    if not invoices:
        raise SystemExit(f"{path}: no invoice rows")
    return History(list(customers.values()), invoices, payments, applications, [], [], notes)


def _csv_row(
    row: dict[str, Any],
    customers: dict[str, dict[str, Any]],
    invoices: list[dict[str, Any]],
    payments: list[dict[str, Any]],
    applications: list[dict[str, Any]],
    notes: list[dict[str, Any]],
    us_date: Any,
) -> None:
    from integrations.erp.records import invoice_number_key

    customer_id = row["customerID"].strip()
    if not customer_id:
        raise ValueError("no customerID")
    number = f"INV-{row['invoiceNumber'].strip()}"
    issued, due = us_date(row["InvoiceDate"]), us_date(row["DueDate"])
    amount = Decimal(row["InvoiceAmount"]).quantize(Decimal("0.01"))
    if not amount.is_finite() or amount <= 0 or due < issued:
        raise ValueError("an amount above zero and a due date on or after the invoice date")
    customers.setdefault(
        customer_id,
        {
            "customer_id": customer_id,
            "name": customer_id,
            "currency": "USD",
            "terms_days": max((due - issued).days, 0),
            "on_hold": False,
        },
    )
    invoices.append(
        {
            "invoice_number": number,
            "number_key": invoice_number_key(number),
            "customer_id": customer_id,
            "invoice_date": issued,
            "due_date": due,
            "amount": amount,
            "balance": Decimal("0.00"),
            "currency": "USD",
            "po_number": None,
        }
    )
    settled = us_date(row["SettledDate"])
    payment_id = f"P-{number}"
    payments.append(
        {
            "payment_id": payment_id,
            "customer_id": customer_id,
            "received_on": settled,
            "amount": amount,
            "unapplied": Decimal("0.00"),
            "currency": "USD",
            "method": "ach",
            "reference": number,
        }
    )
    applications.append(
        {
            "payment_id": payment_id,
            "invoice_number": number,
            "amount": amount,
            "applied_on": settled,
        }
    )
    if row.get("Disputed", "").strip().lower() == "yes":
        notes.append(
            {
                "customer_id": customer_id,
                "invoice_number": number,
                "author": "import",
                "text": f"{number} disputed",
                "created_at": datetime.combine(due, datetime.min.time(), UTC),
            }
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--db", help="a ledger with history (SQLAlchemy URL)")
    source.add_argument("--demo", choices=("small", "medium"), help="build the demo company")
    source.add_argument("--history-model", action="store_true", help="benchmarks/history_model.py")
    source.add_argument("--ar-csv", type=Path, help="one invoice a row, with its settled date")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--customers", type=int, default=400)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 21))
    parser.add_argument("--cutoffs", type=int, default=6)
    parser.add_argument("--every", type=int, default=30, help="days between cutoffs")
    parser.add_argument("--horizon", type=int, default=90, help="days of outcome after the last")
    parser.add_argument("--in-process", action="store_true", help="skip the command line")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.demo:
            seed = 7 if args.seed is None else args.seed
            history, label = (
                demo_history(args.demo, seed, args.as_of, folder),
                f"demo {args.demo} (seed {seed})",
            )
        elif args.history_model:
            seed = 11 if args.seed is None else args.seed
            history = model_history(args.customers, seed, folder)
            label = f"history model, {args.customers} customers (seed {seed})"
        elif args.ar_csv:
            history, label = csv_history(args.ar_csv), f"{args.ar_csv.name}"
        else:
            history, label = read_history(args.db), args.db
        cutoffs = cutoffs_for(history.end, args.cutoffs, args.every, args.horizon)
        run(history, cutoffs, args.in_process, label)


if __name__ == "__main__":
    main()
