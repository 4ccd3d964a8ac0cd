#!/usr/bin/env python3
"""Facts for dev38.jsonl, computed by plain SQL on the two ledgers.

  python dev38_facts.py --check   rebuild both ledgers in a temp dir, recompute every row's
                                  facts from its spec (dev38_specs.json) and print how many rows
                                  disagree with dev38.jsonl.
Each row's spec (same line number) is null (facts {}) or a list: [kind, args...].
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")
PLACES = {"USD": 2, "CAD": 2, "GBP": 2, "EUR": 2}
CUR_ORDER = ["USD", "CAD", "GBP", "EUR"]


def money(cents, cur):
    return str((Decimal(cents) / (10 ** PLACES[cur])).quantize(Decimal(1).scaleb(-PLACES[cur])))


def build(dirpath):
    env = dict(os.environ, ARBOT_TODAY="2026-11-21", ARBOT_HOME=os.path.join(dirpath, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db",
                    f"sqlite:///{dirpath}/demo.db"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv",
                    "--invoices", f"{CSV}/invoices.csv", "--payments", f"{CSV}/payments.csv",
                    "--sales-orders", f"{CSV}/sales_orders.csv", "--db",
                    f"sqlite:///{dirpath}/imported.db"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {"demo": sqlite3.connect(f"{dirpath}/demo.db"),
            "imported": sqlite3.connect(f"{dirpath}/imported.db")}


def curs(cur_filter, present):
    cs = [c for c in CUR_ORDER if c in present]
    return [c for c in cs if c in cur_filter] if cur_filter else cs


def compute(dbs, db, spec):
    if not spec:
        return {}
    con = dbs[db]
    kind, args = spec[0], spec[1:]
    C, A, I = [], [], []
    if kind == "top":            # first-ranked debtor per currency: name + its open balance
        only = args[0] if args else None
        rows = con.execute("select c.currency, c.name, sum(i.balance) b from ledger_invoices i "
                           "join ledger_customers c using(customer_id) where i.balance>0 "
                           "group by c.customer_id order by b desc").fetchall()
        for cur in curs(only, {r[0] for r in rows}):
            r = [x for x in rows if x[0] == cur][0]
            C.append(r[1]); A.append(money(r[2], cur))
    elif kind == "largest":      # largest open invoice (by open balance) per currency
        only = args[0] if args else None
        rows = con.execute("select currency, invoice_number, balance from ledger_invoices "
                           "where balance>0 order by balance desc").fetchall()
        for cur in curs(only, {r[0] for r in rows}):
            r = [x for x in rows if x[0] == cur][0]
            I.append(r[1]); A.append(money(r[2], cur))
    elif kind == "aging":        # total open AR per currency (the aging's grand totals)
        for cur, b in con.execute("select currency, sum(balance) from ledger_invoices "
                                  "where balance>0 group by currency"):
            A.append((CUR_ORDER.index(cur), money(b, cur)))
        A = [a for _, a in sorted(A)]
    elif kind == "paid":         # payments received in [start, end] per currency
        start, end = args[0], args[1]
        cust = args[2] if len(args) > 2 else None
        q = ("select p.currency, sum(p.amount) from ledger_payments p join ledger_customers c "
             "using(customer_id) where p.received_on between ? and ?")
        params = [start, end]
        if cust:
            q += " and c.name=?"; params.append(cust); C.append(cust)
        for cur, s in sorted(con.execute(q + " group by p.currency", params),
                             key=lambda r: CUR_ORDER.index(r[0])):
            A.append(money(s, cur))
    elif kind == "credit_so":    # an order's customer, order amount, customer's limit
        r = con.execute("select c.name, o.amount, o.currency, c.credit_limit from ledger_sales_orders o "
                        "join ledger_customers c using(customer_id) where o.order_id=?", args).fetchone()
        C.append(r[0]); A.append(money(r[1], r[2]))
        if r[3] is not None:
            A.append(money(r[3], r[2]))
    elif kind == "credit_c":     # one customer's limit and open AR
        r = con.execute("select c.name, c.currency, c.credit_limit, (select coalesce(sum(balance),0) "
                        "from ledger_invoices i where i.customer_id=c.customer_id) from ledger_customers c "
                        "where c.name=?", args).fetchone()
        C.append(r[0])
        if r[2] is not None:
            A.append(money(r[2], r[1]))
        A.append(money(r[3], r[1]))
    elif kind == "bal":          # one customer's open balance
        r = con.execute("select c.name, i.currency, sum(i.balance) from ledger_customers c join "
                        "ledger_invoices i using(customer_id) where c.name=? group by i.currency", args).fetchall()
        C.append(args[0])
        for _, cur, b in r:
            A.append(money(b, cur))
    elif kind == "inv":          # one invoice's open balance
        r = con.execute("select invoice_number, balance, currency from ledger_invoices "
                        "where invoice_number=?", args).fetchone()
        I.append(r[0]); A.append(money(r[1], r[2]))
    elif kind == "promises":     # promises with a status: customers + amounts
        for name, amt, cur in con.execute("select c.name, p.amount, p.currency from ledger_promises p "
                                          "join ledger_customers c using(customer_id) where p.status=? "
                                          "order by p.promised_on", args):
            C.append(name); A.append(money(amt, cur))
    elif kind == "promise_c":    # one customer's promise(s)
        for name, amt, cur in con.execute("select c.name, p.amount, p.currency from ledger_promises p "
                                          "join ledger_customers c using(customer_id) where c.name=? "
                                          "order by p.promised_on", args):
            if name not in C:
                C.append(name)
            A.append(money(amt, cur))
    elif kind == "unapplied":    # unapplied cash per currency (+ the payers)
        for name, cur, u in con.execute("select c.name, p.currency, p.unapplied from ledger_payments p "
                                        "join ledger_customers c using(customer_id) where p.unapplied>0 "
                                        "order by p.unapplied desc"):
            C.append(name)
        for cur, s in con.execute("select currency, sum(unapplied) from ledger_payments where unapplied>0 "
                                  "group by currency"):
            A.append(money(s, cur))
    elif kind == "pmt":          # one payment: payer, amount, unapplied
        r = con.execute("select c.name, p.amount, p.unapplied, p.currency from ledger_payments p join "
                        "ledger_customers c using(customer_id) where p.payment_id=?", args).fetchone()
        C.append(r[0]); A.append(money(r[1], r[3]))
        if r[2] != r[1]:
            A.append(money(r[2], r[3]))
    else:
        raise ValueError(kind)
    return {"customers": C, "amounts": A, "invoices": I}


def main():
    rows = [json.loads(l) for l in open(os.path.join(HERE, "dev38.jsonl"))]
    specs = json.load(open(os.path.join(HERE, "dev38_specs.json")))
    assert len(rows) == len(specs)
    with tempfile.TemporaryDirectory() as d:
        dbs = build(d)
        bad = 0
        for n, (row, spec) in enumerate(zip(rows, specs), 1):
            got = compute(dbs, row["db"], spec)
            if got != row["facts"]:
                bad += 1
                print(f"line {n}: expected {row['facts']} recomputed {got}", file=sys.stderr)
    print(f"{bad} rows disagree (of {len(rows)})")


if __name__ == "__main__":
    if "--check" in sys.argv:
        main()
    else:
        print(__doc__)
