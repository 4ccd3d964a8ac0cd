#!/usr/bin/env python3
"""dev23 rows + facts. `--write` builds dev23.jsonl from ledgers in this folder;
`--check` rebuilds both ledgers in a temp dir and counts rows whose facts disagree."""
from pathlib import Path
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = "2026-11-21"
FIX = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "csv")
from dev23_rows import ROWS

def build(d):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ["PATH"])
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{FIX}/customers.csv", "--invoices", f"{FIX}/invoices.csv",
                    "--payments", f"{FIX}/payments.csv", "--sales-orders", f"{FIX}/sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, capture_output=True)

def m(x): return str((Decimal(x) / 100).quantize(Decimal("0.01")))

def cid(c, name):
    return c.execute("select customer_id from ledger_customers where name=?", (name,)).fetchone()[0]

def calc(c, spec):
    k = spec[0]; a = spec[1:]
    F = {"customers": [], "amounts": [], "invoices": []}
    if k in ("total", "pastdue", "over"):
        w = "balance>0"
        if k == "pastdue": w += f" and due_date < '{TODAY}'"
        if k == "over": w += f" and julianday('{TODAY}')-julianday(due_date) > {int(a[0])}"
        F["amounts"] = [m(r[1]) for r in c.execute(f"select currency,sum(balance) from ledger_invoices where {w} group by currency order by currency")]
    elif k == "top":
        for (cur,) in c.execute("select distinct currency from ledger_invoices where balance>0 order by currency").fetchall():
            if a and cur != a[0]: continue
            n, b = c.execute("select cu.name,sum(i.balance) s from ledger_invoices i join ledger_customers cu using(customer_id) where i.balance>0 and i.currency=? group by cu.customer_id order by s desc limit 1", (cur,)).fetchone()
            F["customers"].append(n); F["amounts"].append(m(b))
    elif k == "largest":
        for (cur,) in c.execute("select distinct currency from ledger_invoices where balance>0 order by currency").fetchall():
            if a and cur != a[0]: continue
            n, b = c.execute("select invoice_number,balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", (cur,)).fetchone()
            F["invoices"].append(n); F["amounts"].append(m(b))
    elif k == "bal":
        F["customers"] = [a[0]]
        F["amounts"] = [m(r[0]) for r in c.execute("select sum(balance) from ledger_invoices where balance>0 and customer_id=? group by currency", (cid(c, a[0]),))]
    elif k == "cpast":
        F["customers"] = [a[0]]
        F["amounts"] = [m(r[0]) for r in c.execute(f"select sum(balance) from ledger_invoices where balance>0 and due_date<'{TODAY}' and customer_id=? group by currency", (cid(c, a[0]),))]
    elif k == "inv":
        F["invoices"] = [a[0]]
        F["amounts"] = [m(c.execute("select balance from ledger_invoices where invoice_number=?", (a[0],)).fetchone()[0])]
    elif k == "paid":
        q = "select currency,sum(amount) from ledger_payments where received_on between ? and ?"
        p = [a[0], a[1]]
        if len(a) > 2:
            q += " and customer_id=?"; p.append(cid(c, a[2])); F["customers"] = [a[2]]
        F["amounts"] = [m(r[1]) for r in c.execute(q + " group by currency order by currency", p)]
    elif k == "pmt":
        F["amounts"] = [m(c.execute("select amount from ledger_payments where payment_id=?", (a[0],)).fetchone()[0])]
    elif k == "unapplied":
        for n, u in c.execute("select cu.name,p.unapplied from ledger_payments p join ledger_customers cu using(customer_id) where p.unapplied>0 order by p.payment_id"):
            F["customers"].append(n); F["amounts"].append(m(u))
    elif k == "limit":
        F["customers"] = [a[0]]
        F["amounts"] = [m(c.execute("select credit_limit from ledger_customers where name=?", (a[0],)).fetchone()[0])] if c.execute("select credit_limit from ledger_customers where name=?", (a[0],)).fetchone()[0] is not None else []
    elif k == "order":
        n, amt = c.execute("select cu.name,o.amount from ledger_sales_orders o join ledger_customers cu using(customer_id) where order_id=?", (a[0],)).fetchone()
        F["customers"] = [n]; F["amounts"] = [m(amt)]
    else:
        raise ValueError(k)
    return F

def rows(d):
    conns = {db: sqlite3.connect(os.path.join(d, db + ".db")) for db in ("demo", "imported")}
    out = []
    for (text, intent, cust, inv, spec, prop, action, db) in ROWS:
        out.append({"text": text, "intent": intent, "entities": {"customer": cust, "invoice": inv},
                    "facts": calc(conns[db], spec) if spec else {}, "proposal": prop,
                    "action": action, "db": db})
    return out

if __name__ == "__main__":
    path = os.path.join(HERE, "dev23.jsonl")
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as d:
            build(d)
            fresh = rows(d)
        have = [json.loads(l) for l in open(path)]
        bad = sum(1 for a, b in zip(fresh, have) if a["facts"] != b["facts"]) + abs(len(fresh) - len(have))
        print(f"{len(have)} rows, {bad} disagreeing")
    else:
        with open(path, "w") as f:
            for r in rows(HERE):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print("wrote", path)
