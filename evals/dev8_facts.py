"""Facts of `evals/dev8.jsonl`, from plain SQL on the two ledgers the eval asks on.

Each row of dev8 carries a `spec` (what its facts are made of); this script recomputes the
facts from the ledgers and either checks the file (default) or rewrites the `facts` of every
row (`--write`). It never reads arbot's answer code: only the ledger tables.

    python evals/dev8_facts.py --build /tmp/dev8 --counts    # builds demo.db and imported.db there
    python evals/dev8_facts.py --demo /tmp/dev8/demo.db --imported /tmp/dev8/imported.db [--write]

Conventions (business date 2026-11-21 for both ledgers, as `evals/end_to_end.py` sets it):
- money is the ledger's minor units / 100 as a Decimal, per currency, never summed across them;
- a customer's balance is the sum of its open invoices' balances (credit memos are already in
  them); days past due = today - due date, "over N" is strictly more than N days past due, and
  when an open invoice sits exactly on N days the row carries no amount (either reading is fair);
- top debtors / largest invoices asked without a currency carry only the accounts that are in the
  top N both when each currency is ranked apart and when all are ranked together;
- payments received in a period: the sum of the payments' amounts received in it, per currency
  (unapplied cash included: it was received); payers named only when three or fewer;
- over limit: open balance above the credit limit (open orders not counted, so the accounts any
  reading puts over); promises: the ledger's status (`broken`, `open`);
- an invoice asked about: its open balance, or its amount when it is paid (a reply about a paid
  invoice need not write 0.00); one customer's payments: its latest payment (ties: the higher id);
- weeks start on Monday ("this week" on Saturday 2026-11-21 is 16-21 Nov; "last week" 9-15 Nov).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

TODAY = date(2026, 11, 21)
FILE = Path(__file__).with_name("dev8.jsonl")
CSV = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "csv"


def money(cents: int) -> str:
    return str((Decimal(cents) / 100).quantize(Decimal("0.01")))


class Ledger:
    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path)

    def q(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        return list(self.db.execute(sql, args))

    def name(self, customer_id: str) -> str:
        return str(
            self.q("select name from ledger_customers where customer_id=?", customer_id)[0][0]
        )

    def cid(self, name: str) -> str:
        return str(self.q("select customer_id from ledger_customers where name=?", name)[0][0])

    def balances(self, currency: str | None) -> list[tuple[str, str, int]]:
        sql = (
            "select c.name, i.currency, sum(i.balance) b from ledger_invoices i "
            "join ledger_customers c using(customer_id) where i.balance > 0 "
            + ("and i.currency = ? " if currency else "")
            + "group by c.customer_id, i.currency order by b desc"
        )
        return [tuple(r) for r in self.q(sql, *([currency] if currency else []))]  # type: ignore[misc]

    def days_past_due(self) -> list[tuple[str, str, str, int, int]]:
        rows = self.q(
            "select i.invoice_number, c.name, i.currency, i.balance, i.due_date "
            "from ledger_invoices i join ledger_customers c using(customer_id) where i.balance > 0"
        )
        return [(n, c, cur, b, (TODAY - date.fromisoformat(d)).days) for n, c, cur, b, d in rows]


def facts(led: Ledger, spec: dict[str, Any]) -> dict[str, list[str]]:
    kind = spec["kind"]
    out: dict[str, list[str]] = {"customers": [], "amounts": [], "invoices": []}
    cur = spec.get("cur")
    if kind == "none":
        pass
    elif kind == "top":
        n = spec["n"]
        ranked = led.balances(cur)
        if cur:
            keep = ranked[:n]
        else:
            mixed = ranked[:n]
            per = {r for c in {r[1] for r in ranked} for r in [x for x in ranked if x[1] == c][:n]}
            keep = [r for r in mixed if r in per]
        out["customers"] = [r[0] for r in keep]
        out["amounts"] = [money(r[2]) for r in keep]
    elif kind == "largest":
        n = spec["n"]
        rows = led.q(
            "select invoice_number, currency, balance, amount from ledger_invoices "
            "where balance > 0" + (" and currency = ?" if cur else ""),
            *([cur] if cur else []),
        )
        by_bal = sorted(rows, key=lambda r: -r[2])[:n]
        by_amt = {r[0] for r in sorted(rows, key=lambda r: -r[3])[:n]}
        if not cur:
            per = {
                r[0]
                for c in {r[1] for r in rows}
                for r in sorted([x for x in rows if x[1] == c], key=lambda r: -r[2])[:n]
            }
            by_amt &= per
        keep = [r for r in by_bal if r[0] in by_amt]
        out["invoices"] = [r[0] for r in keep]
        out["amounts"] = [money(r[2]) for r in keep]
    elif kind == "over":
        n, cur = spec["n"], spec.get("cur", "USD")
        dues = [r for r in led.days_past_due() if r[2] == cur]
        over = [r for r in dues if r[4] > n]
        by_customer: dict[str, int] = {}
        for r in over:
            by_customer[r[1]] = by_customer.get(r[1], 0) + r[3]
        if by_customer:
            out["customers"] = [max(by_customer, key=lambda k: by_customer[k])]
        if over and not any(r[4] == n for r in dues):
            out["amounts"] = [money(sum(r[3] for r in over))]
    elif kind in ("total", "aging"):
        for _currency, b in led.q(
            "select currency, sum(balance) from ledger_invoices where balance > 0 "
            + ("and currency = ? " if cur else "")
            + "group by currency",
            *([cur] if cur else []),
        ):
            out["amounts"].append(money(b))
    elif kind == "pastdue":
        sums: dict[str, int] = {}
        for _, _, c, b, d in led.days_past_due():
            if d > 0 and (not cur or c == cur):
                sums[c] = sums.get(c, 0) + b
        out["amounts"] = [money(v) for _, v in sorted(sums.items())]
    elif kind == "unapplied":
        for cid, un in led.q(
            "select customer_id, unapplied from ledger_payments where unapplied > 0"
        ):
            out["customers"].append(led.name(cid))
            out["amounts"].append(money(un))
    elif kind == "payment":
        cid, amt = led.q(
            "select customer_id, amount from ledger_payments where payment_id = ?", spec["id"]
        )[0]
        out["customers"], out["amounts"] = [led.name(cid)], [money(amt)]
    elif kind == "paid":
        sql = (
            "select customer_id, currency, amount from ledger_payments "
            "where received_on between ? and ?"
        )
        args: list[Any] = [spec["from"], spec["to"]]
        if spec.get("customer"):
            sql += " and customer_id = ?"
            args.append(led.cid(spec["customer"]))
        rows = led.q(sql, *args)
        sums = {}
        for _, c, a in rows:
            if not cur or c == cur:
                sums[c] = sums.get(c, 0) + a
        out["amounts"] = [money(v) for _, v in sorted(sums.items())]
        payers = sorted({led.name(r[0]) for r in rows})
        if len(payers) <= 3:
            out["customers"] = payers
    elif kind == "customer":
        out["customers"] = [spec["customer"]]
    elif kind == "slowest":
        rows = led.q(
            "select customer_id, 1.0*to_pay/weight, 1.0*beyond/weight from ledger_paying_habits "
            "where weight > 0"
        )
        a = max(rows, key=lambda r: r[1])[0]
        b = max(rows, key=lambda r: r[2])[0]
        if a == b:
            out["customers"] = [led.name(a)]
    elif kind == "overlimit":
        for name, b, lim in led.q(
            "select c.name, sum(i.balance), c.credit_limit from ledger_invoices i "
            "join ledger_customers c using(customer_id) "
            "where i.balance > 0 and c.credit_limit is not null group by c.customer_id"
        ):
            if b > lim:
                out["customers"].append(name)
    elif kind == "hold":
        out["customers"] = [r[0] for r in led.q("select name from ledger_customers where on_hold")]
    elif kind == "promises":
        for cid, amt in led.q(
            "select customer_id, amount from ledger_promises where status = ? order by promised_on",
            spec["status"],
        ):
            out["customers"].append(led.name(cid))
            out["amounts"].append(money(amt))
    elif kind == "balance":
        cid = led.cid(spec["customer"])
        out["customers"] = [spec["customer"]]
        out["amounts"] = [
            money(b)
            for _, b in led.q(
                "select currency, sum(balance) from ledger_invoices "
                "where customer_id = ? and balance > 0 group by currency",
                cid,
            )
        ]
    elif kind == "invoice":
        bal, amount = led.q(
            "select balance, amount from ledger_invoices where invoice_number = ?", spec["invoice"]
        )[0]
        out["invoices"] = [spec["invoice"]]
        out["amounts"] = [money(bal or amount)]
    elif kind == "history":
        cid = led.cid(spec["customer"])
        out["customers"] = [spec["customer"]]
        last = led.q(
            "select amount from ledger_payments where customer_id = ? "
            "order by received_on desc, payment_id desc limit 1",
            cid,
        )
        if last:
            out["amounts"] = [money(last[0][0])]
    else:
        raise ValueError(f"unknown spec {spec}")
    return {k: v for k, v in out.items() if v}


def build(root: Path) -> tuple[Path, Path]:
    root.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, ARBOT_TODAY="2026-11-21", ARBOT_HOME=str(root / "home"))
    arbot = [str(Path(sys.executable).with_name("arbot"))]
    demo, imported = root / "demo.db", root / "imported.db"
    for p in (demo, imported):
        p.unlink(missing_ok=True)
    subprocess.run(
        [
            *arbot,
            "demo",
            "--no-chat",
            "--size",
            "small",
            "--seed",
            "7",
            "--db",
            f"sqlite:///{demo}",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    args = ["erp", "import", "--db", f"sqlite:///{imported}"]
    for table in ("customers", "invoices", "payments", "sales_orders"):
        args += [f"--{table.replace('_', '-')}", str(CSV / f"{table}.csv")]
    subprocess.run(arbot + args, env=env, check=True, capture_output=True)
    return demo, imported


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--demo")
    ap.add_argument("--imported")
    ap.add_argument(
        "--build", nargs="?", const="/tmp/dev8", help="build both ledgers under this folder"
    )
    ap.add_argument("--write", action="store_true", help="rewrite the facts of every row")
    ap.add_argument("--counts", action="store_true")
    a = ap.parse_args()
    if a.build:
        d, i = build(Path(a.build))
        a.demo, a.imported = a.demo or str(d), a.imported or str(i)
    ledgers = {"demo": Ledger(a.demo), "imported": Ledger(a.imported)}
    rows = [json.loads(line) for line in FILE.read_text().splitlines() if line.strip()]
    wrong = 0
    for row in rows:
        want = facts(ledgers[row["db"]], row["spec"])
        if a.write:
            row["facts"] = want
        elif row["facts"] != want:
            wrong += 1
            print(f"facts differ: {row['text']!r}: file {row['facts']} sql {want}")
    if a.write:
        FILE.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    if a.counts:
        counts: dict[str, int] = {}
        for r in rows:
            counts[r["intent"]] = counts.get(r["intent"], 0) + 1
        for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"{k:20} {v}")
        print(f"{'total':20} {len(rows)}  (imported {sum(r['db'] == 'imported' for r in rows)})")
    print(f"{len(rows)} rows, {wrong} with facts that differ from the SQL")
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
