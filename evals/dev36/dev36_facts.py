#!/usr/bin/env python3
"""dev36: rows + facts. `--write` builds dev36.jsonl from ROWS using ledgers in this folder;
`--check` rebuilds both ledgers in a temp dir and recomputes every row's facts from SQL,
printing the number of rows that disagree with dev36.jsonl."""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")
PLACES = {"USD": 2, "CAD": 2, "GBP": 2, "EUR": 2}

def build(d):
    env = dict(os.environ, ARBOT_TODAY="2026-11-21", ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
                    "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, capture_output=True)
    return {"demo": sqlite3.connect(f"{d}/demo.db"), "imported": sqlite3.connect(f"{d}/imported.db")}

def money(cents, cur="USD"):
    return str((Decimal(cents) / 100).quantize(Decimal(1).scaleb(-PLACES.get(cur, 2))))

def name(db, cid):
    return db.execute("select name from ledger_customers where customer_id=?", (cid,)).fetchone()[0]

def facts(db, spec):
    if spec is None:
        return {}
    k, *a = spec
    F = {"customers": [], "amounts": [], "invoices": []}
    if k == "bal":            # one customer's open balance
        cid, = a
        r = db.execute("select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0 group by currency", (cid,)).fetchall()
        F["customers"] = [name(db, cid)]; F["amounts"] = [money(s, c) for c, s in r]
    elif k == "inv":          # an invoice and its open balance
        inv, = a
        b, c = db.execute("select balance, currency from ledger_invoices where invoice_number=?", (inv,)).fetchone()
        F["invoices"] = [inv]; F["amounts"] = [money(b, c)]
    elif k == "pmt":          # a payment and its amount
        pid, = a
        cid, amt, c = db.execute("select customer_id, amount, currency from ledger_payments where payment_id=?", (pid,)).fetchone()
        F["customers"] = [name(db, cid)]; F["amounts"] = [money(amt, c)]
    elif k == "unapplied":    # one customer's unapplied cash
        cid, = a
        r = db.execute("select currency, sum(unapplied) from ledger_payments where customer_id=? and unapplied>0 group by currency", (cid,)).fetchall()
        F["customers"] = [name(db, cid)]; F["amounts"] = [money(s, c) for c, s in r]
    elif k == "limit":        # one customer's credit limit (+ order amounts)
        cid, *orders = a
        lim, c = db.execute("select credit_limit, currency from ledger_customers where customer_id=?", (cid,)).fetchone()
        F["customers"] = [name(db, cid)]
        if lim is not None: F["amounts"].append(money(lim, c))
        for o in orders:
            amt, oc = db.execute("select amount, currency from ledger_sales_orders where order_id=?", (o,)).fetchone()
            F["amounts"].append(money(amt, oc))
    elif k == "limbal":       # limit and open balance
        cid, = a
        lim, c = db.execute("select credit_limit, currency from ledger_customers where customer_id=?", (cid,)).fetchone()
        s = db.execute("select sum(balance) from ledger_invoices where customer_id=? and balance>0", (cid,)).fetchone()[0]
        F["customers"] = [name(db, cid)]; F["amounts"] = [money(lim, c), money(s, c)]
    elif k == "order":        # an order: customer and amount
        o, = a
        cid, amt, c = db.execute("select customer_id, amount, currency from ledger_sales_orders where order_id=?", (o,)).fetchone()
        F["customers"] = [name(db, cid)]; F["amounts"] = [money(amt, c)]
    elif k == "top":          # first-ranked customer by open balance, per currency (optionally one currency)
        curs = a or [r[0] for r in db.execute("select distinct currency from ledger_invoices where balance>0 order by currency")]
        for cur in curs:
            cid, s = db.execute("select customer_id, sum(balance) s from ledger_invoices where balance>0 and currency=? group by customer_id order by s desc limit 1", (cur,)).fetchone()
            F["customers"].append(name(db, cid)); F["amounts"].append(money(s, cur))
    elif k == "open":         # total open AR per currency (optionally one currency)
        q = "select currency, sum(balance) from ledger_invoices where balance>0" + (" and currency=?" if a else "") + " group by currency order by currency"
        F["amounts"] = [money(s, c) for c, s in db.execute(q, tuple(a))]
    elif k == "rcvd":         # payments received between dates inclusive, per currency (optional customer)
        lo, hi, *cid = a
        q = "select currency, sum(amount) from ledger_payments where received_on between ? and ?" + (" and customer_id=?" if cid else "") + " group by currency order by currency"
        F["amounts"] = [money(s, c) for c, s in db.execute(q, (lo, hi, *cid))]
        if cid: F["customers"] = [name(db, cid[0])]
    elif k == "prom":         # promises of a status (optional customer): customers + amounts
        st, *cid = a
        q = "select customer_id, amount, currency from ledger_promises where status=?" + (" and customer_id=?" if cid else "") + " order by promised_on"
        for c_, amt, cur in db.execute(q, (st, *cid)):
            F["customers"].append(name(db, c_)); F["amounts"].append(money(amt, cur))
    elif k == "cust":         # only the customer must be named
        F["customers"] = [name(db, a[0])]
    else:
        raise ValueError(spec)
    return F

from dev36_rows import ROWS  # (text, intent, customer_id, invoice, action, proposal, db, spec)

def rows_out(dbs):
    out = []
    for t, intent, cid, inv, act, prop, db, spec in ROWS:
        cust = name(dbs[db], cid) if cid else None
        out.append({"text": t, "intent": intent, "entities": {"customer": cust, "invoice": inv},
                    "facts": facts(dbs[db], spec), "proposal": prop, "action": act, "db": db})
    return out

if __name__ == "__main__":
    if "--write" in sys.argv:
        dbs = {"demo": sqlite3.connect(f"{HERE}/demo.db"), "imported": sqlite3.connect(f"{HERE}/imported.db")}
        with open(f"{HERE}/dev36.jsonl", "w") as f:
            for r in rows_out(dbs):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(len(ROWS), "rows written")
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as d:
            dbs = build(d)
            spec = {t: (db, s) for t, _, _, _, _, _, db, s in ROWS}
            bad = 0
            rows = [json.loads(l) for l in open(f"{HERE}/dev36.jsonl")]
            for r in rows:
                db, s = spec[r["text"]]
                if facts(dbs[db], s) != r["facts"]:
                    bad += 1; print("DISAGREE:", r["text"])
            print(f"{len(rows)} rows checked, {bad} disagree")
