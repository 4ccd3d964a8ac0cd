"""Facts of `evals/dev9.jsonl`, from plain SQL on the two ledgers the eval asks on.

Every row of dev9 carries a `check`: a list of fact specs, each `[kind, *args]`, and `db`
(`demo` or `imported`). This script builds both ledgers (`arbot demo --no-chat --size small
--seed 7` at business date 2026-11-21, and `arbot erp import` of `tests/fixtures/csv/`),
computes each row's facts from its specs with its own SQL and either checks them against the
file (default; exit 1 on a difference) or writes them into it (`--write`).

Fact kinds (amounts are Decimal at the currency's minor units, one currency per amount):

- `cust ID`: the customer's name.
- `balance ID`: name and the customer's open invoices' total (own invoices only).
- `invoice NUMBER`: number, its customer's name, its open balance (its amount when paid).
- `po PO`: the invoice of that PO number and its open balance (its amount when paid); no name.
- `last_payment ID`: name and the amount of the customer's latest payment.
- `paid_between ID FROM TO`: name and the total the customer paid between the dates (inclusive).
- `so ORDER`: the order's customer's name and the order's amount.
- `limit ID`: name and the credit limit.
- `deduction NUMBER AMOUNT`: number, name, and AMOUNT, which must equal the short-paid balance.
- `apply PAYMENT NUMBER`: what the payment can apply (its unapplied amount, at most the invoice's
  balance), the invoice, the invoice's customer.
- `amount ID AMOUNT`: name and an amount the message itself states (a new limit, a promise).
- `top N CURRENCY`: the N customers owing most in that currency and what each owes.
- `largest N`: the N largest open invoices (all in one currency on both ledgers) and balances.

```sh
python evals/dev9_facts.py            # build both ledgers under a temp dir, check every row
python evals/dev9_facts.py --write    # rewrite the facts of evals/dev9.jsonl from the specs
python evals/dev9_facts.py --counts   # rows per intent, action kind, proposal label and db
```
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "evals" / "dev9.jsonl"
CSV = ROOT / "tests" / "fixtures" / "csv"
TODAY = "2026-11-21"
MINOR = {"JPY": 0, "KWD": 3, "BHD": 3}

Facts = dict[str, list[str]]


def build(directory: Path) -> dict[str, Path]:
    """Both ledgers, built by arbot's own commands, as SQLite files."""
    env = {**os.environ, "ARBOT_TODAY": TODAY, "PYTHONPATH": str(ROOT)}
    arbot = [sys.executable, "-m", "bot.cli"]
    demo, imported = directory / "demo.db", directory / "imported.db"
    env["ARBOT_HOME"] = str(directory / "demo-home")
    subprocess.run(
        [*arbot, "demo", "--no-chat", "--size", "small", "--seed", "7", "--db", f"sqlite:///{demo}"],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    env["ARBOT_HOME"] = str(directory / "imported-home")
    tables = ("customers", "invoices", "payments", "sales_orders")
    args = [a for t in tables for a in (f"--{t.replace('_', '-')}", str(CSV / f"{t}.csv"))]
    subprocess.run(
        [*arbot, "erp", "import", *args, "--db", f"sqlite:///{imported}"],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    return {"demo": demo, "imported": imported}


def money(minor: int, currency: str) -> str:
    places = MINOR.get(currency, 2)
    return str((Decimal(minor) / (Decimal(10) ** places)).quantize(Decimal(1).scaleb(-places)))


class Ledger:
    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)

    def one(self, sql: str, *args: object) -> tuple:
        row = self.db.execute(sql, args).fetchone()
        if row is None:
            raise LookupError(f"nothing for {sql!r} {args}")
        return row

    def name(self, customer_id: str) -> str:
        return self.one("select name from ledger_customers where customer_id = ?", customer_id)[0]

    def currency(self, customer_id: str) -> str:
        sql = "select currency from ledger_customers where customer_id = ?"
        return self.one(sql, customer_id)[0]

    def facts(self, kind: str, *args: str) -> Facts:
        method = getattr(self, f"f_{kind}", None)
        if method is None:
            raise ValueError(f"unknown fact kind {kind!r}")
        return method(*args)

    def f_cust(self, cid: str) -> Facts:
        return {"customers": [self.name(cid)]}

    def f_balance(self, cid: str) -> Facts:
        total, currency = self.one(
            "select coalesce(sum(balance), 0), ? from ledger_invoices "
            "where customer_id = ? and balance > 0",
            self.currency(cid),
            cid,
        )
        return {"customers": [self.name(cid)], "amounts": [money(total, currency)]}

    def _invoice(self, number: str) -> tuple[str, str, str]:
        cid, amount, balance, currency = self.one(
            "select customer_id, amount, balance, currency from ledger_invoices "
            "where invoice_number = ?",
            number,
        )
        return cid, money(balance if balance > 0 else amount, currency), money(balance, currency)

    def f_invoice(self, number: str) -> Facts:
        cid, shown, _ = self._invoice(number)
        return {"customers": [self.name(cid)], "invoices": [number], "amounts": [shown]}

    def f_po(self, po: str) -> Facts:
        (number,) = self.one(
            "select invoice_number from ledger_invoices where upper(po_number) = upper(?)", po
        )
        _, shown, _ = self._invoice(number)
        return {"invoices": [number], "amounts": [shown]}

    def f_last_payment(self, cid: str) -> Facts:
        amount, currency = self.one(
            "select amount, currency from ledger_payments where customer_id = ? "
            "order by received_on desc, payment_id desc limit 1",
            cid,
        )
        return {"customers": [self.name(cid)], "amounts": [money(amount, currency)]}

    def f_paid_between(self, cid: str, start: str, end: str) -> Facts:
        total, count = self.one(
            "select coalesce(sum(amount), 0), count(*) from ledger_payments "
            "where customer_id = ? and received_on between ? and ?",
            cid,
            start,
            end,
        )
        if not count:
            raise LookupError(f"{cid} paid nothing between {start} and {end}")
        return {"customers": [self.name(cid)], "amounts": [money(total, self.currency(cid))]}

    def f_so(self, order: str) -> Facts:
        cid, amount, currency = self.one(
            "select customer_id, amount, currency from ledger_sales_orders where order_id = ?",
            order,
        )
        return {"customers": [self.name(cid)], "amounts": [money(amount, currency)]}

    def f_limit(self, cid: str) -> Facts:
        (limit,) = self.one("select credit_limit from ledger_customers where customer_id = ?", cid)
        if limit is None:
            raise LookupError(f"{cid} has no credit limit")
        return {"customers": [self.name(cid)], "amounts": [money(limit, self.currency(cid))]}

    def f_deduction(self, number: str, written: str) -> Facts:
        cid, _, balance = self._invoice(number)
        (amount,) = self.one("select amount from ledger_invoices where invoice_number = ?", number)
        if Decimal(balance) != Decimal(written) or Decimal(balance) * 100 >= amount:
            raise ValueError(f"{number}: the short-pay is {balance}, not {written}")
        return {"customers": [self.name(cid)], "invoices": [number], "amounts": [balance]}

    def f_apply(self, payment: str, number: str) -> Facts:
        unapplied, currency = self.one(
            "select unapplied, currency from ledger_payments "
            "where payment_id = ? and unapplied > 0",
            payment,
        )
        sql = "select balance from ledger_invoices where invoice_number = ?"
        (balance,) = self.one(sql, number)
        cid, _, _ = self._invoice(number)
        return {
            "customers": [self.name(cid)],
            "invoices": [number],
            "amounts": [money(min(unapplied, balance), currency)],
        }

    def f_amount(self, cid: str, written: str) -> Facts:
        return {"customers": [self.name(cid)], "amounts": [str(Decimal(written))]}

    def f_top(self, n: str, currency: str) -> Facts:
        rows = self.db.execute(
            "select customer_id, sum(balance) b from ledger_invoices where balance > 0 "
            "and currency = ? group by customer_id order by b desc limit ?",
            (currency, int(n)),
        ).fetchall()
        return {
            "customers": [self.name(cid) for cid, _ in rows],
            "amounts": [money(b, currency) for _, b in rows],
        }

    def f_largest(self, n: str) -> Facts:
        rows = self.db.execute(
            "select invoice_number, balance, currency from ledger_invoices where balance > 0 "
            "order by balance desc limit ?",
            (int(n),),
        ).fetchall()
        if len({c for _, _, c in rows}) > 1:
            raise ValueError("largest invoices span currencies")
        return {"invoices": [i for i, _, _ in rows], "amounts": [money(b, c) for _, b, c in rows]}


def facts_of(row: dict, ledgers: dict[str, Ledger]) -> Facts:
    merged: Facts = {}
    for kind, *args in row.get("check") or []:
        for key, values in ledgers[row.get("db", "demo")].facts(kind, *args).items():
            merged.setdefault(key, [])
            merged[key] += [v for v in values if v not in merged[key]]
    return merged


def counts(rows: list[dict]) -> None:
    print("rows:", len(rows))
    for label, key in (
        ("intent", lambda r: r["intent"]),
        ("action kind", lambda r: r.get("action") or "-"),
        ("proposal", lambda r: r["proposal"]),
        ("db", lambda r: r.get("db", "demo")),
        ("group", lambda r: r.get("group", "-")),
    ):
        print(f"{label}:", dict(Counter(map(key, rows)).most_common()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the facts in the file")
    parser.add_argument("--counts", action="store_true", help="print the file's counts")
    parser.add_argument("--file", type=Path, default=FILE)
    options = parser.parse_args()
    lines = options.file.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    if options.counts:
        counts(rows)
        return 0
    with tempfile.TemporaryDirectory() as directory:
        ledgers = {k: Ledger(p) for k, p in build(Path(directory)).items()}
        wrong = 0
        for number, row in enumerate(rows, start=1):
            expected = facts_of(row, ledgers)
            if options.write:
                row["facts"] = expected
            elif row.get("facts", {}) != expected:
                wrong += 1
                print(f"{options.file.name}:{number}: facts {row.get('facts')} != {expected}")
        for ledger in ledgers.values():
            ledger.db.close()
    if options.write:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        options.file.write_text(text, encoding="utf-8")
        print(f"wrote the facts of {len(rows)} rows to {options.file}")
        return 0
    print(f"{len(rows) - wrong}/{len(rows)} rows' facts agree with the ledgers")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
