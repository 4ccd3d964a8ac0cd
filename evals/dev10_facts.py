"""dev10: build both ledgers, recompute every row's facts in plain SQL, and check the file.

    python evals/dev10_facts.py --build /tmp/dev10 --counts          # check; exit 1 on a difference
    python evals/dev10_facts.py --demo D.db --imported I.db --write  # rewrite facts from the specs

`--build DIR` makes the two ledgers as the end-to-end run does: `arbot demo --no-chat --size
small --seed 7` and `arbot erp import` of `tests/fixtures/csv/`, both with
ARBOT_TODAY=2026-11-21 (a Saturday), each under its own ARBOT_HOME in DIR (from the repository
this file sits in, or the working directory). Only the standard library and the `arbot` package
(`python -m bot.cli`) are used; the facts are read with sqlite3.

Every row carries a `spec` saying what its facts are made of; the facts are never typed by hand.
Conventions (business date 2026-11-21):

- Money: the ledger's integer minor units as Decimal strings with two places; a total is per
  currency and never summed across currencies.
- Days past due = 2026-11-21 - due_date. Past due: more than 0 days. "over N" is strictly more
  than N; a spec refuses (raises) an N where an open invoice sits exactly on N (0, 30, 90 in
  the demo), since "over 30" may or may not keep it.
- `balance` (one customer): customer name and its open balance. `invoice`: number, customer, the
  open balance (the amount for a paid invoice). `po`: the invoice the PO belongs to, likewise.
- `received`: payments by `received_on` in [from, to], the amount of each currency's total (the
  payments' amounts, unapplied included); `cust` narrows to one customer. Only periods whose
  edges no reading disputes are used (weeks start Monday: this week = 16-21 Nov, last week =
  9-15 Nov; last month = October; Q3 = July-September). `pay_hist`: a customer's latest payment.
- `top`: the N customers by open balance; without a currency only those in the top N both in
  USD and all currencies ranked together (raw amounts), with their balances.
- `largest`: open invoices in the top N both by balance and by original amount (without a
  currency: all currencies ranked together and USD alone), with their balances.
- `over`: the per-currency total of open invoices more than N days past due; their numbers too
  when there are five or fewer.
- `total_ar`, `past_due`, `aging`: per-currency totals of open (past due) balances; aging states
  only the totals (bucket edges differ between readers).
- `unapplied`: every payment with unapplied cash, its customer and its unapplied amount.
- `payment`: a payment by its id: customer and amount.
- `over_limit`: the two customers furthest above their limit on open balance alone (whatever
  exposure adds, they stay over).
- `order`: a sales order's customer and amount. `limit`: a customer's name and credit limit.
- `promise`: customers whose promises have the given status.
- `cust`: just the customer's name. `none`: no facts (days to pay, disputes: a fresh store has
  none, requests, unknown).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

TODAY = date(2026, 11, 21)
HERE = Path(__file__).resolve().parent
INTENTS = {
    "invoice_status", "customer_balance", "payment_history", "aging_report", "top_debtors",
    "over_days", "total_ar", "credit_exceptions", "largest_invoices", "payments_received",
    "unapplied_cash", "payment_lookup", "days_to_pay", "disputes", "promises",
    "collections_list", "deduction_summary", "cash_application", "credit_check", "forecast",
    "digest", "action_request", "approvals_inbox", "help", "unknown",
}  # fmt: skip
ACTIONS = {
    "write_off_deduction", "apply_payment", "set_credit_limit", "set_credit_hold", "add_note",
    "send_reminder", "send_statement", "record_promise", "open_dispute", "create_invoice",
    "set_terms",
}  # fmt: skip
ORDER_KINDS = {"release_order", "hold_order", "decline_order", "resolve_dispute"}
KEYS = ("text", "intent", "entities", "facts", "proposal", "db")


def money(cents: int) -> str:
    return str((Decimal(cents) / 100).quantize(Decimal("0.01")))


class Ledger:
    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(str(path))

    def q(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        return self.db.execute(sql, args).fetchall()

    def name(self, cid: str) -> str:
        return self.q("select name from ledger_customers where customer_id=?", cid)[0][0]

    def names(self) -> set[str]:
        return {r[0] for r in self.q("select name from ledger_customers")}

    def open_invoices(self) -> list[tuple[str, str, int, int, str, int]]:
        """(number, customer_id, amount, balance, currency, days past due) of open invoices."""
        rows = self.q(
            "select invoice_number, customer_id, amount, balance, currency, due_date "
            "from ledger_invoices where balance > 0"
        )
        return [
            (n, c, a, b, cur, (TODAY - date.fromisoformat(d)).days) for n, c, a, b, cur, d in rows
        ]

    def balances(self) -> list[tuple[str, str, int]]:
        return self.q(
            "select customer_id, currency, sum(balance) from ledger_invoices where balance > 0 "
            "group by customer_id, currency order by sum(balance) desc"
        )


def per_currency(items: list[tuple[str, int]]) -> list[str]:
    totals: dict[str, int] = {}
    for cur, cents in items:
        totals[cur] = totals.get(cur, 0) + cents
    return [money(v) for _, v in sorted(totals.items())]


def facts_for(spec: dict[str, Any], led: Ledger) -> dict[str, list[str]]:
    k = spec["k"]
    cur = spec.get("cur")
    if k == "none":
        return {}
    if k == "cust":
        return {"customers": [led.name(spec["cust"])]}
    if k == "balance":
        (total,) = led.q(
            "select sum(balance) from ledger_invoices where balance > 0 and customer_id=?",
            spec["cust"],
        )[0]
        return {"customers": [led.name(spec["cust"])], "amounts": [money(total or 0)]}
    if k in ("invoice", "po"):
        where = "invoice_number=?" if k == "invoice" else "upper(po_number)=upper(?)"
        ((num, cid, amount, balance),) = led.q(
            "select invoice_number, customer_id, amount, balance from ledger_invoices "
            f"where {where}",
            spec["inv"] if k == "invoice" else spec["po"],
        )
        return {
            "customers": [led.name(cid)],
            "amounts": [money(balance or amount)],
            "invoices": [num],
        }
    if k == "pay_hist":
        ((amount,),) = led.q(
            "select amount from ledger_payments where customer_id=? order by received_on desc, "
            "payment_id desc limit 1",
            spec["cust"],
        )
        return {"customers": [led.name(spec["cust"])], "amounts": [money(amount)]}
    if k == "received":
        sql = "select currency, amount from ledger_payments where received_on between ? and ?"
        args: list[Any] = [spec["from"], spec["to"]]
        if spec.get("cust"):
            sql += " and customer_id=?"
            args.append(spec["cust"])
        rows = [r for r in led.q(sql, *args) if not cur or r[0] == cur]
        if not rows:
            raise ValueError(f"no payments for {spec}")
        out: dict[str, list[str]] = {"amounts": per_currency(rows)}
        if spec.get("cust"):
            out["customers"] = [led.name(spec["cust"])]
        return out
    if k == "top":
        n = spec["n"]
        bal = [b for b in led.balances() if not cur or b[1] == cur]
        usd = [b for b in bal if b[1] == "USD"] if not cur else bal
        keep = {b[0] for b in bal[:n]} & {b[0] for b in usd[:n]}
        return {
            "customers": [led.name(c) for c, _, _ in bal[:n] if c in keep],
            "amounts": [money(v) for c, _, v in bal[:n] if c in keep],
        }
    if k == "largest":
        n = spec["n"]
        inv = [i for i in led.open_invoices() if not cur or i[4] == cur]
        both: set[str] | None = None  # top N by balance and by amount, all and USD alone
        pools = [inv] if cur else [inv, [i for i in inv if i[4] == "USD"]]
        for pool in pools:
            for key in (3, 2):
                top = {i[0] for i in sorted(pool, key=lambda i: -i[key])[:n]}
                both = top if both is None else both & top
        chosen = sorted((i for i in inv if i[0] in (both or set())), key=lambda i: -i[3])
        return {"invoices": [i[0] for i in chosen], "amounts": [money(i[3]) for i in chosen]}
    if k == "over":
        n = spec["days"]
        inv = [i for i in led.open_invoices() if not cur or i[4] == cur]
        if any(i[5] == n for i in inv):
            raise ValueError(f"an open invoice sits exactly on {n} days: {spec}")
        over = [i for i in inv if i[5] > n]
        out = {"amounts": per_currency([(i[4], i[3]) for i in over])}
        if len(over) <= 5:
            out["invoices"] = sorted(i[0] for i in over)
        return out
    if k in ("total_ar", "aging", "past_due"):
        inv = [i for i in led.open_invoices() if not cur or i[4] == cur]
        if k == "past_due":
            inv = [i for i in inv if i[5] > 0]
        return {"amounts": per_currency([(i[4], i[3]) for i in inv])}
    if k == "unapplied":
        rows = led.q(
            "select customer_id, unapplied from ledger_payments where unapplied > 0 "
            "order by payment_id"
        )
        return {"customers": [led.name(c) for c, _ in rows], "amounts": [money(u) for _, u in rows]}
    if k == "payment":
        ((cid, amount),) = led.q(
            "select customer_id, amount from ledger_payments where payment_id=?", spec["id"]
        )
        return {"customers": [led.name(cid)], "amounts": [money(amount)]}
    if k == "over_limit":
        rows = led.q(
            "select c.customer_id, sum(i.balance) - c.credit_limit from ledger_customers c join "
            "ledger_invoices i using(customer_id) where i.balance > 0 "
            "and c.credit_limit is not null group by c.customer_id "
            "having sum(i.balance) > c.credit_limit order by 2 desc limit 2"
        )
        return {"customers": [led.name(c) for c, _ in rows]}
    if k == "order":
        ((cid, amount),) = led.q(
            "select customer_id, amount from ledger_sales_orders where order_id=?", spec["so"]
        )
        return {"customers": [led.name(cid)], "amounts": [money(amount)]}
    if k == "limit":
        ((limit,),) = led.q(
            "select credit_limit from ledger_customers where customer_id=?", spec["cust"]
        )
        return {"customers": [led.name(spec["cust"])], "amounts": [money(limit)]}
    if k == "promise":
        rows = led.q(
            "select distinct customer_id from ledger_promises where status=? order by customer_id",
            spec["status"],
        )
        return {"customers": [led.name(c) for (c,) in rows]}
    raise ValueError(f"unknown spec {spec}")


def repo_root() -> Path:
    """The repository: this file's parent's parent when it sits in evals/, else the cwd."""
    return HERE.parent if (HERE.parent / "tests" / "fixtures" / "csv").is_dir() else Path.cwd()


def build(directory: Path) -> tuple[Path, Path]:
    repo = repo_root()
    directory.mkdir(parents=True, exist_ok=True)
    demo, imported = directory / "demo.db", directory / "imported.db"
    for path in (demo, imported):
        path.unlink(missing_ok=True)
    base = {**os.environ, "ARBOT_TODAY": "2026-11-21", "PYTHONPATH": str(repo)}
    base.pop("ARBOT_DATABASE_URL", None)
    cli = [sys.executable, "-m", "bot.cli"]
    env = {**base, "ARBOT_HOME": str(directory / "home-demo")}
    subprocess.run(
        [*cli, "demo", "--no-chat", "--size", "small", "--seed", "7", "--db", f"sqlite:///{demo}"],
        env=env, cwd=repo, check=True, capture_output=True,
    )  # fmt: skip
    csv = repo / "tests" / "fixtures" / "csv"
    args = [*cli, "erp", "import", "--db", f"sqlite:///{imported}"]
    for table in ("customers", "invoices", "payments", "sales_orders"):
        args += [f"--{table.replace('_', '-')}", str(csv / f"{table}.csv")]
    env = {**base, "ARBOT_HOME": str(directory / "home-imported")}
    subprocess.run(args, env=env, cwd=repo, check=True, capture_output=True)
    return demo, imported


def normal(facts: dict[str, list[Any]]) -> dict[str, list[str]]:
    out = {}
    for key, values in facts.items():
        if not values:
            continue
        if key == "amounts":
            out[key] = sorted(str(Decimal(str(v)).quantize(Decimal("0.01"))) for v in values)
        else:
            out[key] = sorted(str(v) for v in values)
    return out


def validate(number: int, row: dict[str, Any], led: Ledger) -> list[str]:
    problems = [f"missing key {k}" for k in KEYS if k not in row]
    if row.get("intent") not in INTENTS:
        problems.append(f"intent {row.get('intent')!r} not in the README's list")
    if row.get("db") not in ("demo", "imported"):
        problems.append(f"db {row.get('db')!r}")
    action, kind = row.get("action"), row.get("kind")
    if row.get("intent") == "action_request":
        if not row.get("proposal"):
            problems.append("an action_request row that expects no proposal")
        if action not in ACTIONS and not (action is None and kind in ORDER_KINDS):
            problems.append(f"action {action!r} / kind {kind!r}")
    elif action is not None or row.get("proposal"):
        problems.append("action or proposal on a row that asks for no change")
    names = led.names()
    entities = row.get("entities") or {}
    if entities.get("customer") and entities["customer"] not in names:
        problems.append(f"customer {entities['customer']!r} not in the {row.get('db')} ledger")
    if entities.get("invoice") and not led.q(
        "select 1 from ledger_invoices where invoice_number=?", entities["invoice"]
    ):
        problems.append(f"invoice {entities['invoice']!r} not in the ledger")
    for who in (row.get("facts") or {}).get("customers", []):
        if who not in names:
            problems.append(f"fact customer {who!r} not in the ledger")
    if row.get("intent") in ("help", "unknown") and entities.get("customer"):
        problems.append("a customer on a help/unknown row")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=HERE / "dev10.jsonl")
    parser.add_argument("--build", type=Path, help="build both ledgers in this directory")
    parser.add_argument("--demo", type=Path)
    parser.add_argument("--imported", type=Path)
    parser.add_argument("--write", action="store_true", help="rewrite the facts from the specs")
    parser.add_argument("--counts", action="store_true")
    a = parser.parse_args()
    if a.build:
        a.demo, a.imported = build(a.build)
    if not (a.demo and a.imported):
        parser.error("--build DIR, or --demo and --imported")
    ledgers = {"demo": Ledger(a.demo), "imported": Ledger(a.imported)}
    rows, bad = [], 0
    for number, raw in enumerate(a.file.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as problem:
            print(f"line {number}: not JSON ({problem})")
            bad += 1
            continue
        led = ledgers.get(row.get("db"), ledgers["demo"])
        expected = normal(facts_for(row["spec"], led)) if "spec" in row else None
        if a.write and expected is not None:
            row["facts"] = expected
        problems = validate(number, row, led)
        if expected is not None and normal(row.get("facts") or {}) != expected:
            problems.append(f"facts {row.get('facts')} != SQL {expected}")
        for p in problems:
            print(f"line {number}: {p}: {row.get('text')!r}")
        bad += bool(problems)
        rows.append(row)
    texts = Counter(r["text"].strip().lower() for r in rows)
    for text, n in texts.items():
        if n > 1:
            print(f"duplicate text x{n}: {text!r}")
            bad += 1
    if a.write:
        a.file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    if a.counts:
        print("rows per intent:", dict(Counter(r["intent"] for r in rows).most_common()))
        print("proposal:", dict(Counter(bool(r["proposal"]) for r in rows)))
        print("db:", dict(Counter(r["db"] for r in rows)))
        print(
            "action:",
            dict(Counter(r.get("action") or r.get("kind") for r in rows if r["proposal"])),
        )
        print("group:", dict(Counter(r.get("group") for r in rows)))
    print(f"{len(rows)} rows, {bad} with problems (facts that differ from the SQL included)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
