#!/usr/bin/env python3
"""dev34 facts: build the row file from dev34_rows.py and recompute every row's facts from SQL.

  python dev34_facts.py --write   # uses ./demo.db and ./imported.db, writes dev34.jsonl
  python dev34_facts.py --check   # rebuilds both ledgers in a temp dir, recomputes, prints disagreements
"""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from dev34_rows import ROWS

CSV = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")
PLACES = {"USD": 2, "CAD": 2, "GBP": 2, "EUR": 2}

def money(cents, cur):
    p = PLACES[cur]
    return str((Decimal(int(cents)) / Decimal(10) ** p).quantize(Decimal(1).scaleb(-p)))

def build(d):
    env = dict(os.environ, ARBOT_TODAY="2026-11-21", ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
                    "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, capture_output=True)
    return {"demo": os.path.join(d, "demo.db"), "imported": os.path.join(d, "imported.db")}

def name(con, cid):
    return con.execute("select name from ledger_customers where customer_id=?", (cid,)).fetchone()[0]

def facts(con, spec):
    if spec is None:
        return {}
    k = spec[0]
    F = {"customers": [], "amounts": [], "invoices": []}
    q = lambda s, *a: con.execute(s, a).fetchall()
    if k == "inv":
        bal, cur = q("select balance, currency from ledger_invoices where invoice_number=?", spec[1])[0]
        F["invoices"] = [spec[1]]; F["amounts"] = [money(bal, cur)]
    elif k == "bal":
        rows = q("select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0 group by currency", spec[1])
        F["customers"] = [name(con, spec[1])]; F["amounts"] = [money(s, c) for c, s in rows]
    elif k == "limit":
        lim, cur = q("select credit_limit, currency from ledger_customers where customer_id=?", spec[1])[0]
        F["customers"] = [name(con, spec[1])]
        if lim is not None:
            F["amounts"] = [money(lim, cur)]
    elif k == "cust":
        F["customers"] = [name(con, spec[1])]
    elif k == "order":
        cid, amt, cur = q("select customer_id, amount, currency from ledger_sales_orders where order_id=?", spec[1])[0]
        F["customers"] = [name(con, cid)]; F["amounts"] = [money(amt, cur)]
    elif k == "pmt":
        cid, amt, cur = q("select customer_id, amount, currency from ledger_payments where payment_id=?", spec[1])[0]
        F["customers"] = [name(con, cid)]; F["amounts"] = [money(amt, cur)]
    elif k in ("unapplied", "unapplied_cust"):
        sql = "select customer_id, currency, sum(unapplied) from ledger_payments where unapplied>0"
        args = ()
        if k == "unapplied_cust":
            sql += " and customer_id=?"; args = (spec[1],)
        for cid, cur, s in q(sql + " group by customer_id, currency order by customer_id", *args):
            F["customers"].append(name(con, cid)); F["amounts"].append(money(s, cur))
    elif k == "top":
        curs = [spec[1]] if spec[1] else [r[0] for r in q("select distinct currency from ledger_invoices where balance>0 order by currency")]
        for cur in curs:
            cid, s = q("select customer_id, sum(balance) s from ledger_invoices where balance>0 and currency=? "
                       "group by customer_id order by s desc limit 1", cur)[0]
            F["customers"].append(name(con, cid)); F["amounts"].append(money(s, cur))
    elif k == "pr":
        _, a, b, cid = spec
        sql = "select currency, sum(amount) from ledger_payments where received_on between ? and ?"
        args = [a, b]
        if cid:
            sql += " and customer_id=?"; args.append(cid); F["customers"] = [name(con, cid)]
        F["amounts"] = [money(s, c) for c, s in q(sql + " group by currency order by currency", *args)]
    elif k in ("prom", "prom_range", "prom_cust"):
        if k == "prom":
            rows = q("select customer_id, invoice_number, amount, currency from ledger_promises where status=? order by promised_on", spec[1])
        elif k == "prom_range":
            rows = q("select customer_id, invoice_number, amount, currency from ledger_promises where status=? and promised_on between ? and ? order by promised_on", *spec[1:])
        else:
            rows = q("select customer_id, invoice_number, amount, currency from ledger_promises where customer_id=? order by promised_on", spec[1])
        for cid, inv, amt, cur in rows:
            n = name(con, cid)
            if n not in F["customers"]:
                F["customers"].append(n)
            F["invoices"].append(inv)
        if k == "prom" and spec[1] == "open":
            F["amounts"] = [money(r[2], r[3]) for r in rows]
    elif k == "aging":
        sql = "select currency, sum(balance) from ledger_invoices where balance>0"
        args = ()
        if spec[1]:
            sql += " and currency=?"; args = (spec[1],)
        F["amounts"] = [money(s, c) for c, s in q(sql + " group by currency order by currency", *args)]
    else:
        raise ValueError(spec)
    return F

def make_rows(dbs):
    cons = {k: sqlite3.connect(v) for k, v in dbs.items()}
    out = []
    for text, intent, cid, inv, action, prop, db, spec in ROWS:
        con = cons[db]
        out.append({"text": text, "intent": intent,
                    "entities": {"customer": name(con, cid) if cid else None, "invoice": inv},
                    "facts": facts(con, spec), "proposal": prop, "action": action, "db": db})
    return out

if __name__ == "__main__":
    path = os.path.join(HERE, "dev34.jsonl")
    if "--write" in sys.argv:
        rows = make_rows({"demo": os.path.join(HERE, "demo.db"), "imported": os.path.join(HERE, "imported.db")})
        with open(path, "w") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} rows")
    elif "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as d:
            fresh = make_rows(build(d))
        saved = [json.loads(l) for l in open(path)]
        bad = 0
        if len(saved) != len(fresh):
            print(f"row count differs: file {len(saved)} vs source {len(fresh)}"); bad += abs(len(saved) - len(fresh))
        for s, r in zip(saved, fresh):
            if s["text"] != r["text"] or s["facts"] != r["facts"] or s["entities"] != r["entities"]:
                bad += 1; print("DISAGREE:", s["text"][:70], s["facts"], r["facts"])
        print(f"rows checked: {len(saved)}; rows that disagree: {bad}")
    else:
        print(__doc__)
