"""Facts of evals/dev16.jsonl, computed by direct SQL on freshly built ledgers.

    python dev16_facts.py --check   # recompute every row's facts, count disagreements
    python dev16_facts.py --write   # rewrite the file's facts from the ledgers

The file holds the scorer's shape (``scorer_shape.scorer_row``); the facts below are each row's
``facts_written``.

The ledgers are rebuilt from scratch in a temporary directory (ARBOT_TODAY=2026-11-21):
`arbot demo --no-chat --size small` (seed 7) and `arbot erp import` of tests/fixtures/csv/.

A row's `facts` holds two kinds of keys: the row's *parameters* (what the words mean: a period,
N days, a top N, a payment id, a proposed figure — labels, written by hand) and the *figures*
computed here from the ledger. Money is a decimal string at the currency's minor units, always
per currency (a dict currency -> amount), never summed across currencies. See DECISIONS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from scorer_shape import scorer_row

HERE = Path(__file__).resolve().parent
ROWS = HERE / "dev16.jsonl"
REPO = Path(os.environ.get("ARBOT_REPO", HERE.parent))
ARBOT = os.environ.get("ARBOT_BIN") or shutil.which("arbot") or "arbot"
FIXTURES = REPO / "tests" / "fixtures" / "csv"
TODAY = date(2026, 11, 21)

# Keys a row's facts may carry as labels (parameters); everything else is computed.
PARAMS = {
    "days",
    "n",
    "from",
    "to",
    "payment",
    "promise_status",
    "collector",
    "po",
    "order",
    "write_off_amount",
    "promised_amount",
    "new_limit",
    "new_terms_days",
    "hold",
    "by",
    "reference",
}

MINOR = {"JPY": 0, "KWD": 3, "BHD": 3}


def money(minor: int, currency: str) -> str:
    places = MINOR.get(currency, 2)
    return str((Decimal(minor) / (Decimal(10) ** places)).quantize(Decimal(1).scaleb(-places)))


def per_currency(rows) -> dict:
    """rows of (currency, minor) -> {currency: decimal string}, sorted by currency."""
    out: dict[str, int] = {}
    for cur, amt in rows:
        out[cur] = out.get(cur, 0) + int(amt or 0)
    return {c: money(v, c) for c, v in sorted(out.items())}


def build_ledgers(where: Path) -> dict[str, sqlite3.Connection]:
    env = dict(os.environ, ARBOT_TODAY=TODAY.isoformat(), ARBOT_HOME=str(where / "home"))
    env.pop("ARBOT_DATABASE_URL", None)
    demo, imported = where / "demo.db", where / "imported.db"
    subprocess.run(
        [
            str(ARBOT),
            "demo",
            "--no-chat",
            "--size",
            "small",
            "--seed",
            "7",
            "--db",
            f"sqlite:///{demo}",
            "--json",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        [
            str(ARBOT),
            "erp",
            "import",
            "--customers",
            str(FIXTURES / "customers.csv"),
            "--invoices",
            str(FIXTURES / "invoices.csv"),
            "--payments",
            str(FIXTURES / "payments.csv"),
            "--sales-orders",
            str(FIXTURES / "sales_orders.csv"),
            "--db",
            f"sqlite:///{imported}",
            "--json",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return {"demo": sqlite3.connect(demo), "imported": sqlite3.connect(imported)}


class Ledger:
    def __init__(self, con: sqlite3.Connection):
        self.con = con

    def q(self, sql, *args):
        return self.con.execute(sql, args).fetchall()

    def one(self, sql, *args):
        r = self.q(sql, *args)
        return r[0] if r else None

    # -- lookups ---------------------------------------------------------------------------
    def cid(self, name):
        r = self.one("select customer_id from ledger_customers where name = ?", name)
        if r is None:
            raise KeyError(f"no customer named {name!r}")
        return r[0]

    def name(self, cid):
        return self.one("select name from ledger_customers where customer_id = ?", cid)[0]

    def dpd(self, due: str) -> int:
        return (TODAY - date.fromisoformat(due)).days

    # -- figures ---------------------------------------------------------------------------
    def invoice(self, number):
        r = self.one(
            "select invoice_number, customer_id, invoice_date, due_date, amount, "
            "balance, currency, po_number from ledger_invoices where invoice_number = ?",
            number,
        )
        if r is None:
            raise KeyError(f"no invoice {number}")
        num, cid, _idate, due, amount, balance, cur, _po = r
        paid = self.one(
            "select coalesce(sum(amount), 0) from ledger_applications where invoice_number = ?", num
        )[0]
        status = "paid" if balance == 0 else ("open" if balance == amount else "partly paid")
        return {
            "invoice": num,
            "customer": self.name(cid),
            "currency": cur,
            "amount": money(amount, cur),
            "balance": money(balance, cur),
            "applied": money(paid, cur),
            "due_date": due,
            "status": status,
            "days_past_due": max(0, self.dpd(due)) if balance else 0,
        }

    def balance(self, cid):
        rows = self.q(
            "select currency, balance, due_date from ledger_invoices "
            "where customer_id = ? and balance > 0",
            cid,
        )
        return {
            "balance": per_currency((c, b) for c, b, _ in rows),
            "past_due": per_currency((c, b) for c, b, d in rows if self.dpd(d) > 0),
            "open_invoices": len(rows),
        }

    def payments_of(self, cid):
        rows = self.q(
            "select payment_id, received_on, amount, currency from ledger_payments "
            "where customer_id = ? order by received_on desc, payment_id desc",
            cid,
        )
        out = {"payments": len(rows)}
        if rows:
            pid, on, amt, cur = rows[0]
            out["last_payment"] = {
                "payment": pid,
                "received_on": on,
                "amount": money(amt, cur),
                "currency": cur,
            }
        return out

    def aging(self, collector=None):
        sql = (
            "select i.currency, i.balance, i.due_date from ledger_invoices i "
            "join ledger_customers c using (customer_id) where i.balance > 0"
        )
        args = []
        if collector:
            sql += " and c.collector = ?"
            args.append(collector)
        buckets: dict[str, dict[str, int]] = {}
        for cur, bal, due in self.q(sql, *args):
            d = self.dpd(due)
            b = (
                "current"
                if d <= 0
                else "1-30"
                if d <= 30
                else "31-60"
                if d <= 60
                else "61-90"
                if d <= 90
                else "over 90"
            )
            buckets.setdefault(
                cur, {k: 0 for k in ("current", "1-30", "31-60", "61-90", "over 90")}
            )[b] += bal
        return {
            "aging": {
                cur: {k: money(v, cur) for k, v in bs.items()}
                for cur, bs in sorted(buckets.items())
            }
        }

    def total(self):
        rows = self.q("select currency, balance, due_date from ledger_invoices where balance > 0")
        return {
            "total_ar": per_currency((c, b) for c, b, _ in rows),
            "past_due": per_currency((c, b) for c, b, d in rows if self.dpd(d) > 0),
        }

    def top(self, n):
        rows = self.q(
            "select c.name, i.currency, sum(i.balance) s from ledger_invoices i "
            "join ledger_customers c using (customer_id) where i.balance > 0 "
            "group by c.name, i.currency order by i.currency, s desc, c.name"
        )
        out: dict[str, list] = {}
        for name, cur, s in rows:
            if len(out.setdefault(cur, [])) < n:
                out[cur].append([name, money(s, cur)])
        return {"top": dict(sorted(out.items()))}

    def over(self, days):
        rows = self.q(
            "select c.name, i.currency, i.balance, i.due_date from ledger_invoices i "
            "join ledger_customers c using (customer_id) where i.balance > 0"
        )
        tot: dict[str, int] = {}
        cust: dict[tuple, int] = {}
        for name, cur, bal, due in rows:
            if self.dpd(due) > days:
                tot[cur] = tot.get(cur, 0) + bal
                cust[(cur, name)] = cust.get((cur, name), 0) + bal
        return {
            "over_total": {c: money(v, c) for c, v in sorted(tot.items())},
            "customers": sorted(
                [[n, c, money(v, c)] for (c, n), v in cust.items()],
                key=lambda r: (r[1], -Decimal(r[2]), r[0]),
            ),
        }

    def exceptions(self):
        rows = self.q(
            "select c.name, c.currency, c.credit_limit, c.on_hold, "
            "(select coalesce(sum(balance), 0) from ledger_invoices i "
            " where i.customer_id = c.customer_id) from ledger_customers c "
            "order by c.name"
        )
        over = [
            [n, cur, money(b, cur), money(lim, cur)]
            for n, cur, lim, hold, b in rows
            if lim is not None and b > lim
        ]
        return {"over_limit": over, "on_hold": [n for n, _, _, h, _ in rows if h]}

    def largest(self, n):
        rows = self.q(
            "select i.invoice_number, c.name, i.currency, i.balance from "
            "ledger_invoices i join ledger_customers c using (customer_id) "
            "where i.balance > 0 order by i.currency, i.balance desc, i.invoice_number"
        )
        out: dict[str, list] = {}
        for num, name, cur, bal in rows:
            if len(out.setdefault(cur, [])) < n:
                out[cur].append([num, name, money(bal, cur)])
        return {"largest": dict(sorted(out.items()))}

    def received(self, start, end, cid=None):
        sql = "select currency, amount from ledger_payments where received_on between ? and ?"
        args = [start, end]
        if cid:
            sql += " and customer_id = ?"
            args.append(cid)
        rows = self.q(sql, *args)
        return {"received": per_currency(rows), "count": len(rows)}

    def unapplied(self):
        rows = self.q(
            "select p.payment_id, c.name, p.currency, p.unapplied from ledger_payments p "
            "join ledger_customers c using (customer_id) where p.unapplied > 0 "
            "order by p.payment_id"
        )
        return {
            "unapplied": [[p, n, cur, money(u, cur)] for p, n, cur, u in rows],
            "unapplied_total": per_currency((cur, u) for _, _, cur, u in rows),
        }

    def payment(self, pid=None, reference=None):
        if pid:
            r = self.one(
                "select payment_id, customer_id, received_on, amount, unapplied, "
                "currency, method, reference from ledger_payments where payment_id = ?",
                pid,
            )
        else:
            r = self.one(
                "select payment_id, customer_id, received_on, amount, unapplied, "
                "currency, method, reference from ledger_payments "
                "where upper(reference) like ?",
                f"%{reference.upper()}%",
            )
        p, cid, on, amt, un, cur, method, _ref = r
        apps = self.q(
            "select invoice_number, amount from ledger_applications "
            "where payment_id = ? order by invoice_number",
            p,
        )
        return {
            "payment_id": p,
            "customer": self.name(cid),
            "received_on": on,
            "payment_amount": money(amt, cur),
            "unapplied_amount": money(un, cur),
            "currency": cur,
            "method": method,
            "applications": [[i, money(a, cur)] for i, a in apps],
        }

    def dtp_rows(self):
        return self.q(
            "select p.customer_id, a.amount, p.received_on, i.invoice_date, "
            "i.due_date from ledger_applications a "
            "join ledger_payments p using (payment_id) "
            "join ledger_invoices i using (invoice_number)"
        )

    def dtp(self, cid=None):
        acc: dict[str, list] = {}
        for c, amt, rec, idate, due in self.dtp_rows():
            r, i, d = (date.fromisoformat(x) for x in (rec, idate, due))
            a = acc.setdefault(c, [0, 0, 0])
            a[0] += amt
            a[1] += amt * (r - i).days
            a[2] += amt * (r - d).days

        def avg(a, k):
            return str((Decimal(a[k]) / Decimal(a[0])).quantize(Decimal("0.1")))

        if cid:
            a = acc.get(cid)
            if not a:
                return {"days_to_pay": None, "days_beyond_terms": None}
            return {"days_to_pay": avg(a, 1), "days_beyond_terms": avg(a, 2)}
        ranked = sorted(
            ((self.name(c), avg(a, 1), avg(a, 2)) for c, a in acc.items()),
            key=lambda r: (-Decimal(r[1]), r[0]),
        )
        beyond = sorted(ranked, key=lambda r: (-Decimal(r[2]), r[0]))
        return {
            "slowest": [list(r) for r in ranked[:5]],
            "most_beyond_terms": [list(r) for r in beyond[:5]],
        }

    def promises(self, status=None, cid=None):
        sql = (
            "select c.name, p.invoice_number, p.promised_on, p.amount, p.currency, p.status "
            "from ledger_promises p join ledger_customers c using (customer_id) where 1=1"
        )
        args = []
        if status:
            sql += " and p.status = ?"
            args.append(status)
        if cid:
            sql += " and p.customer_id = ?"
            args.append(cid)
        rows = self.q(sql + " order by p.promised_on, c.name", *args)
        return {"promises": [[n, i, on, money(a, cur), cur, s] for n, i, on, a, cur, s in rows]}

    def deductions(self, cid=None):
        sql = (
            "select p.payment_id, c.name, p.currency, p.reference, a.invoice_number "
            "from ledger_payments p join ledger_customers c using (customer_id) "
            "left join ledger_applications a using (payment_id) "
            "where upper(p.reference) like '%SHORT PAID%'"
        )
        args = []
        if cid:
            sql += " and p.customer_id = ?"
            args.append(cid)
        out, tot = [], {}
        for pid, name, cur, ref, inv in self.q(sql + " order by p.payment_id", *args):
            tail = ref.upper().split("SHORT PAID", 1)[1].split()
            amt = Decimal(tail[0])
            out.append([pid, inv, name, cur, str(amt), " ".join(tail[1:]).lower()])
            tot[cur] = tot.get(cur, Decimal(0)) + amt
        return {"deductions": out, "deductions_total": {c: str(v) for c, v in sorted(tot.items())}}

    def customer_credit(self, cid):
        _name, cur, limit, hold, terms = self.one(
            "select name, currency, credit_limit, on_hold, terms_days from ledger_customers "
            "where customer_id = ?",
            cid,
        )
        bal = self.one(
            "select coalesce(sum(balance), 0) from ledger_invoices where customer_id = ?", cid
        )[0]
        return {
            "currency": cur,
            "credit_limit": money(limit, cur) if limit is not None else None,
            "exposure": money(bal, cur),
            "headroom": money(limit - bal, cur) if limit is not None else None,
            "on_hold": bool(hold),
            "terms_days": terms,
        }

    def order(self, oid):
        cid, amt, cur, status = self.one(
            "select customer_id, amount, currency, status from "
            "ledger_sales_orders where order_id = ?",
            oid,
        )
        return cid, {
            "order_amount": money(amt, cur),
            "order_currency": cur,
            "order_status": status or None,
            "order_customer": self.name(cid),
        }


def compute(row: dict, led: Ledger) -> dict:
    f = {k: v for k, v in (row.get("facts") or {}).items() if k in PARAMS}
    intent, ent = row["intent"], row["entities"]
    cust, inv = ent.get("customer"), ent.get("invoice")
    cid = led.cid(cust) if cust else None
    action = row.get("action")
    if intent == "invoice_status":
        number = inv
        if not number and f.get("po"):
            number = led.one(
                "select invoice_number from ledger_invoices where po_number = ?", f["po"]
            )[0]
        if number:
            f.update(led.invoice(number))
    elif intent == "customer_balance" and cid:
        f.update(led.balance(cid))
    elif intent == "payment_history" and cid:
        f.update(led.payments_of(cid))
    elif intent == "aging_report":
        f.update(led.aging(f.get("collector")))
    elif intent == "total_ar":
        f.update(led.total())
    elif intent == "top_debtors":
        f.update(led.top(f.get("n", 5)))
    elif intent == "over_days":
        f.update(led.over(f["days"]))
    elif intent == "credit_exceptions":
        f.update(led.exceptions())
    elif intent == "largest_invoices":
        f.update(led.largest(f.get("n", 5)))
    elif intent == "payments_received" and "from" in f:
        f.update(led.received(f["from"], f["to"], cid))
    elif intent == "unapplied_cash":
        f.update(led.unapplied())
    elif intent == "payment_lookup":
        f.update(led.payment(f.get("payment"), f.get("reference")))
    elif intent == "days_to_pay":
        f.update(led.dtp(cid))
    elif intent == "promises":
        f.update(led.promises(f.get("promise_status"), cid))
    elif intent == "deduction_summary":
        f.update(led.deductions(cid))
    elif intent == "credit_check":
        if f.get("order"):
            ocid, of = led.order(f["order"])
            f.update(of)
            f.update(led.customer_credit(ocid))
        elif cid:
            f.update(led.customer_credit(cid))
    elif intent == "action_request":
        if action == "create_invoice" or (action == "set_credit_hold" and f.get("order")):
            ocid, of = led.order(f["order"])
            f.update(of)
        elif action in ("write_off_deduction", "open_dispute") and inv:
            f.update(led.invoice(inv))
        elif action == "apply_payment":
            f.update(led.payment(f.get("payment")))
            if inv:
                i = led.invoice(inv)
                f.update(
                    {
                        "invoice_balance": i["balance"],
                        "invoice_currency": i["currency"],
                        "invoice_customer": i["customer"],
                    }
                )
        elif action in ("set_credit_limit", "set_credit_hold", "set_terms") and cid:
            f.update(led.customer_credit(cid))
        elif action in ("send_reminder", "send_statement", "record_promise", "add_note"):
            if cid:
                f.update(led.balance(cid))
            elif inv:
                f.update(led.invoice(inv))
    return f


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--check", action="store_true")
    g.add_argument("--write", action="store_true")
    ap.add_argument("--file", default=str(ROWS))
    a = ap.parse_args(argv)
    rows = [json.loads(line) for line in Path(a.file).read_text().splitlines() if line.strip()]
    # the file holds the scorer's shape; the writer's own facts (labels and figures) are beside
    rows = [
        {
            **{k: v for k, v in r.items() if k != "facts_written"},
            "facts": r.get("facts_written", r["facts"]),
        }
        for r in rows
    ]
    with tempfile.TemporaryDirectory(prefix="dev16-") as tmp:
        cons = build_ledgers(Path(tmp))
        leds = {k: Ledger(v) for k, v in cons.items()}
        bad = 0
        for n, row in enumerate(rows, 1):
            try:
                want = compute(row, leds[row["db"]])
            except (
                KeyError,
                TypeError,
                IndexError,
                sqlite3.Error,
            ) as exc:  # a label that names nothing in the ledger
                print(f"line {n}: {exc!r}: {row['text']}", file=sys.stderr)
                bad += 1
                continue
            if a.write:
                row["facts"] = want
            elif want != row["facts"]:
                bad += 1
                print(
                    f"line {n} disagrees: {row['text']}\n  file:   {row['facts']}\n"
                    f"  ledger: {want}",
                    file=sys.stderr,
                )
        for c in cons.values():
            c.close()
    if a.write:
        Path(a.file).write_text(
            "".join(json.dumps(scorer_row(r), ensure_ascii=False) + "\n" for r in rows)
        )
        print(f"wrote facts of {len(rows)} rows ({bad} rows failed)")
        return 1 if bad else 0
    print(f"{len(rows)} rows checked, {bad} disagreeing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
