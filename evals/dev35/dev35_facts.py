#!/usr/bin/env python3
"""dev35 facts: --write builds dev35.jsonl from dev35_rows.py and the ledgers in this folder;
--check rebuilds both ledgers in a temp dir and recomputes every row's facts from SQL,
printing the number of rows that disagree with dev35.jsonl (must be 0)."""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from dev35_rows import R

FIX = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")
ID_NAME = {}

def build(d):
    env = dict(os.environ, ARBOT_TODAY="2026-11-21", ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{FIX}/customers.csv", "--invoices", f"{FIX}/invoices.csv",
                    "--payments", f"{FIX}/payments.csv", "--sales-orders", f"{FIX}/sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, capture_output=True)

def money(cents):
    return str((Decimal(int(cents)) / 100).quantize(Decimal("0.01")))

def facts(spec, conns):
    if not spec:
        return {}
    p = spec.split(":")
    k = p[0]
    def q(db, sql, *a):
        return conns[db].execute(sql, a).fetchall()
    name = lambda db, cid: q(db, "select name from ledger_customers where customer_id=?", cid)[0][0]
    cus, amt, inv = [], [], []
    if k in ("bal", "pastdue", "lim", "inv", "so"):
        db = None
        for d in ("demo", "imported"):
            if k == "inv" and q(d, "select 1 from ledger_invoices where invoice_number=?", p[1]): db = d
            if k == "so" and q(d, "select 1 from ledger_sales_orders where order_id=?", p[1]): db = d
            if k in ("bal", "pastdue", "lim") and q(d, "select 1 from ledger_customers where customer_id=?", p[1]): db = d
    if k == "bal":
        cus = [name(db, p[1])]
        for cur, s in q(db, "select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0 group by currency order by currency", p[1]):
            amt.append(money(s))
    elif k == "pastdue":
        cus = [name(db, p[1])]
        for cur, s in q(db, "select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0 and due_date<'2026-11-21' group by currency order by currency", p[1]):
            amt.append(money(s))
    elif k == "lim":
        cus = [name(db, p[1])]
        (lim,) = q(db, "select credit_limit from ledger_customers where customer_id=?", p[1])[0]
        if lim is not None: amt.append(money(lim))
        for cur, s in q(db, "select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0 group by currency", p[1]):
            amt.append(money(s))
    elif k == "inv":
        inv = [p[1]]
        amt = [money(q(db, "select balance from ledger_invoices where invoice_number=?", p[1])[0][0])]
    elif k == "so":
        cid, a = q(db, "select customer_id, amount from ledger_sales_orders where order_id=?", p[1])[0]
        cus = [name(db, cid)]
        amt = [money(a)]
        lim = q(db, "select credit_limit from ledger_customers where customer_id=?", cid)[0][0]
        if lim is not None: amt.append(money(lim))
    elif k in ("top", "topcur"):
        db = p[1]
        curs = [p[2]] if k == "topcur" else [r[0] for r in q(db, "select distinct currency from ledger_invoices where balance>0 order by currency")]
        for cur in curs:
            cid, s = q(db, "select customer_id, sum(balance) b from ledger_invoices where balance>0 and currency=? group by customer_id order by b desc limit 1", cur)[0]
            cus.append(name(db, cid)); amt.append(money(s))
    elif k == "paid":
        db, a, b = p[1], p[2], p[3]
        for cur, s in q(db, "select currency, sum(amount) from ledger_payments where received_on between ? and ? group by currency order by currency", a, b):
            amt.append(money(s))
    elif k == "paidc":
        db, cid, a, b = p[1], p[2], p[3], p[4]
        cus = [name(db, cid)]
        for cur, s in q(db, "select currency, sum(amount) from ledger_payments where customer_id=? and received_on between ? and ? group by currency order by currency", cid, a, b):
            amt.append(money(s))
    elif k == "aging":
        db = p[1]
        for cur, s in q(db, "select currency, sum(balance) from ledger_invoices where balance>0 group by currency order by currency"):
            amt.append(money(s))
    elif k == "broken":
        db = p[1]
        cus = [name(db, c) for (c,) in q(db, "select distinct customer_id from ledger_promises where status='broken' order by customer_id")]
    elif k == "unapplied":
        db = p[1]
        cus = [name(db, c) for (c,) in q(db, "select distinct customer_id from ledger_payments where unapplied>0 order by customer_id")]
        for cur, s in q(db, "select currency, sum(unapplied) from ledger_payments where unapplied>0 group by currency order by currency"):
            amt.append(money(s))
    else:
        raise ValueError(spec)
    return {"customers": cus, "amounts": amt, "invoices": inv}

def rows(conns):
    names = {}
    for d in conns:
        for cid, n in conns[d].execute("select customer_id, name from ledger_customers"):
            names[cid] = n
    out = []
    for (t, intent, cid, inv, prop, act, db, spec, tag) in R:
        if intent in ("help", "unknown"):
            cid, inv = None, None
        out.append({"text": t, "intent": intent,
                    "entities": {"customer": names[cid] if cid else None, "invoice": inv},
                    "facts": facts(spec, conns), "proposal": prop, "action": act, "db": db})
    return out

def conns_in(d):
    return {"demo": sqlite3.connect(f"{d}/demo.db"), "imported": sqlite3.connect(f"{d}/imported.db")}

if __name__ == "__main__":
    if "--write" in sys.argv:
        with open(os.path.join(HERE, "dev35.jsonl"), "w") as f:
            for r in rows(conns_in(HERE)):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print("written", len(R))
    elif "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as d:
            build(d)
            fresh = rows(conns_in(d))
        have = [json.loads(l) for l in open(os.path.join(HERE, "dev35.jsonl"))]
        bad = 0
        if len(have) != len(fresh):
            print("row count differs", len(have), len(fresh)); bad += abs(len(have) - len(fresh))
        for a, b in zip(have, fresh):
            if a["text"] != b["text"] or a["facts"] != b["facts"]:
                bad += 1; print("DISAGREE:", a["text"][:70], a["facts"], b["facts"])
        print("rows:", len(have), "disagreeing:", bad)
    else:
        print(__doc__)
