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
import math
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from integrations.erp.local import schema as t  # noqa: E402
from integrations.erp.local.ledger import LocalLedger  # noqa: E402

LATE_DAYS = 10
TOP_SHARE = 0.10
COMMAND = (sys.executable, "-c", "from bot.cli import main; main()")  # arbot, from this tree
RANKINGS = ("arbot", "clerk", "own lateness", "perfect")


@dataclass
class History:
    """Every row of a ledger, read once."""

    customers: list[dict[str, Any]]
    invoices: list[dict[str, Any]]
    payments: list[dict[str, Any]]
    applications: list[dict[str, Any]]
    adjustments: list[dict[str, Any]]
    promises: list[dict[str, Any]]
    notes: list[dict[str, Any]]

    @property
    def end(self) -> date:
        dates = [a["applied_on"] for a in self.applications]
        dates += [i["invoice_date"] for i in self.invoices]
        return max(dates)


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


def ledger_as_of(history: History, cutoff: date, url: str) -> None:
    """Write the ledger as it stood at the end of ``cutoff`` into ``url`` (a new database)."""
    applied: dict[str, Decimal] = defaultdict(Decimal)
    applications = [a for a in history.applications if a["applied_on"] <= cutoff]
    for a in applications:
        applied[a["invoice_number"]] += a["amount"]
    by_payment: dict[str, Decimal] = defaultdict(Decimal)
    for a in applications:
        by_payment[a["payment_id"]] += a["amount"]
    credited: dict[str, Decimal] = defaultdict(Decimal)
    adjustments = [a for a in history.adjustments if a["adjusted_on"] <= cutoff]
    for a in adjustments:
        if a["invoice_number"]:
            credited[a["invoice_number"]] += a["amount"]
    invoices = []
    for i in history.invoices:
        if i["invoice_date"] > cutoff:
            continue
        balance = i["amount"] - applied[i["invoice_number"]] - credited[i["invoice_number"]]
        invoices.append({**i, "balance": max(balance, Decimal("0.00"))})
    issued = {i["invoice_number"] for i in invoices}
    known = issued | {"", None}
    payments = []
    for p in history.payments:
        if p["received_on"] <= cutoff:
            unapplied = max(p["amount"] - by_payment[p["payment_id"]], Decimal("0.00"))
            payments.append({**p, "unapplied": unapplied})
    promises = [
        {k: v for k, v in p.items() if k != "id"}
        for p in history.promises
        if p["promised_on"] < cutoff and p["invoice_number"] in known
    ]
    end_of_day = datetime.combine(cutoff, datetime.max.time(), UTC)
    notes = [
        {k: v for k, v in n.items() if k != "id"}
        for n in history.notes
        if _aware(n["created_at"]) <= end_of_day
        and (n["invoice_number"] is None or n["invoice_number"] in issued)
    ]
    ledger = LocalLedger.open(url)
    with ledger.writing() as conn:
        for table, rows in (
            (t.customers, history.customers),
            (t.invoices, invoices),
            (t.payments, payments),
            (t.applications, [{k: v for k, v in a.items() if k != "id"} for a in applications]),
            (t.adjustments, [a for a in adjustments if a["invoice_number"] in known]),
            (t.promises, promises),
            (t.notes, notes),
        ):
            for start in range(0, len(rows), 5_000):
                conn.execute(insert(table), rows[start : start + 5_000])
    ledger.close()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def late_money(history: History, cutoff: date) -> dict[tuple[str, str], Decimal]:
    """Per account: its balance at the cutoff then paid more than LATE_DAYS late, or never."""
    end = history.end
    paid_after: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
    paid_before: dict[str, Decimal] = defaultdict(Decimal)
    for a in history.applications:
        if a["applied_on"] <= cutoff:
            paid_before[a["invoice_number"]] += a["amount"]
        else:
            paid_after[a["invoice_number"]].append((a["applied_on"], a["amount"]))
    credited_before: dict[str, Decimal] = defaultdict(Decimal)
    credited_after: dict[str, Decimal] = defaultdict(Decimal)
    for a in history.adjustments:
        if a["invoice_number"]:
            side = credited_before if a["adjusted_on"] <= cutoff else credited_after
            side[a["invoice_number"]] += a["amount"]
    found: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for i in history.invoices:
        number = i["invoice_number"]
        if i["invoice_date"] > cutoff:
            continue
        open_at_cutoff = i["amount"] - paid_before[number] - credited_before[number]
        if open_at_cutoff <= 0:
            continue
        late_from = i["due_date"] + timedelta(days=LATE_DAYS)
        late = sum((amount for on, amount in paid_after[number] if on > late_from), Decimal(0))
        never = open_at_cutoff - sum((a for _, a in paid_after[number]), Decimal(0))
        never -= credited_after[number]
        if never > 0 and end > late_from:
            late += never
        found[i["customer_id"], i["currency"]] += late
    return found


def own_lateness(history: History, cutoff: date) -> dict[str, float]:
    """Each customer's average days beyond terms over what it paid by the cutoff."""
    due = {i["invoice_number"]: (i["customer_id"], i["due_date"]) for i in history.invoices}
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for a in history.applications:
        if a["applied_on"] <= cutoff and a["invoice_number"] in due:
            customer_id, due_date = due[a["invoice_number"]]
            weight = float(a["amount"])
            sums[customer_id][0] += weight * (a["applied_on"] - due_date).days
            sums[customer_id][1] += weight
    return {c: total / weight for c, (total, weight) in sums.items() if weight}


def arbot_order(url: str, cutoff: date, in_process: bool) -> list[tuple[str, str]]:
    if in_process:
        from graph.ar.collections_book import read_book

        ledger = LocalLedger.open(url)
        ranked = read_book(ledger, cutoff).ranked
        ledger.close()
        return [(r.account.customer_id, r.account.currency) for r in ranked]
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


def past_due_at(history: History, cutoff: date) -> dict[tuple[str, str], Decimal]:
    paid: dict[str, Decimal] = defaultdict(Decimal)
    for a in history.applications:
        if a["applied_on"] <= cutoff:
            paid[a["invoice_number"]] += a["amount"]
    for a in history.adjustments:
        if a["invoice_number"] and a["adjusted_on"] <= cutoff:
            paid[a["invoice_number"]] += a["amount"]
    found: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for i in history.invoices:
        if i["invoice_date"] <= cutoff:
            left = i["amount"] - paid[i["invoice_number"]]
            key = (i["customer_id"], i["currency"])
            if left > 0:
                found[key] += left if i["due_date"] < cutoff else 0
    return found


def spearman(order: list[tuple[str, str]], outcome: dict[tuple[str, str], Decimal]) -> float:
    """Rank correlation of list position (first = highest) with late money (ties averaged)."""
    n = len(order)
    if n < 3:
        return float("nan")
    position = {key: float(n - index) for index, key in enumerate(order)}
    values = sorted(order, key=lambda k: outcome.get(k, 0))
    ranks: dict[tuple[str, str], float] = {}
    index = 0
    while index < n:
        end = index
        while end + 1 < n and outcome.get(values[end + 1], 0) == outcome.get(values[index], 0):
            end += 1
        for k in values[index : end + 1]:
            ranks[k] = (index + end) / 2 + 1
        index = end + 1
    xs, ys = [position[k] for k in order], [ranks[k] for k in order]
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (sx * sy) if sx and sy else float("nan")


def run(history: History, cutoffs: list[date], in_process: bool, label: str) -> dict[str, Any]:
    currencies: dict[str, int] = defaultdict(int)
    for i in history.invoices:
        currencies[i["currency"]] += 1
    main = max(currencies, key=currencies.__getitem__)
    pooled = {name: [0.0, 0.0, 0, 0] for name in RANKINGS}  # top late, all late, top n, n
    correlations: dict[str, list[float]] = {name: [] for name in RANKINGS}
    print(f"\n{label}: history to {history.end}, main currency {main}")
    print(
        f"{'cutoff':<12}{'accounts':>9}{'late money':>14}" + "".join(f"{n:>14}" for n in RANKINGS)
    )
    with tempfile.TemporaryDirectory() as folder:
        for cutoff in cutoffs:
            url = f"sqlite:///{folder}/ledger-{cutoff.isoformat()}.db"
            ledger_as_of(history, cutoff, url)
            started = time.perf_counter()
            arbot = [k for k in arbot_order(url, cutoff, in_process) if k[1] == main]
            took = time.perf_counter() - started
            outcome = late_money(history, cutoff)
            past_due = past_due_at(history, cutoff)
            accounts = [k for k in past_due if k[1] == main]
            if set(arbot) != set(accounts):
                missing = set(accounts) - set(arbot)
                extra = set(arbot) - set(accounts)
                raise SystemExit(f"{cutoff}: arbot listed other accounts ({missing=}, {extra=})")
            lateness = own_lateness(history, cutoff)
            orders = {
                "arbot": arbot,
                "clerk": sorted(accounts, key=lambda k: (-past_due[k], k)),
                "own lateness": sorted(
                    accounts, key=lambda k: (-lateness.get(k[0], 0.0), -past_due[k], k)
                ),
                "perfect": sorted(accounts, key=lambda k: (-outcome.get(k, 0), k)),
            }
            total = float(sum(outcome.get(k, 0) for k in accounts))
            top_n = max(1, math.ceil(TOP_SHARE * len(accounts)))
            cells = []
            for name, order in orders.items():
                top = float(sum(outcome.get(k, 0) for k in order[:top_n]))
                pooled[name][0] += top
                pooled[name][1] += total
                pooled[name][2] += top_n
                pooled[name][3] += len(accounts)
                lift = (top / total) / (top_n / len(accounts)) if total else float("nan")
                correlations[name].append(spearman(order, outcome))
                cells.append(f"{lift:>13.2f}×")
            print(
                f"{cutoff.isoformat():<12}{len(accounts):>9}{total:>14,.0f}"
                + "".join(cells)
                + f"   ({took:.1f} s)"
            )
    summary: dict[str, Any] = {}
    print(f"{'pooled lift':<35}" + "".join(f"{_lift(pooled[n]):>13.2f}×" for n in RANKINGS))
    print(f"{'mean Spearman':<35}" + "".join(f"{_mean(correlations[n]):>14.2f}" for n in RANKINGS))
    for name in RANKINGS:
        summary[name] = {"lift": _lift(pooled[name]), "spearman": _mean(correlations[name])}
    return summary


def _lift(row: list[float]) -> float:
    top, total, top_n, n = row
    return (top / total) / (top_n / n) if total and n else float("nan")


def _mean(values: list[float]) -> float:
    kept = [v for v in values if not math.isnan(v)]
    return sum(kept) / len(kept) if kept else float("nan")


def cutoffs_for(end: date, count: int, every: int, horizon: int) -> list[date]:
    last = end - timedelta(days=horizon)
    return sorted(last - timedelta(days=every * n) for n in range(count))


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
