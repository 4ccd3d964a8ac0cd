#!/usr/bin/env python3
"""Facts for dev37.jsonl, computed from SQL on the two ledgers.

Every row's facts come from a spec kept in dev37_specs.json (one per row, same order as
dev37.jsonl).  `--check` rebuilds both ledgers in a temp dir with arbot demo / arbot erp import
(business date 2026-11-21) and prints how many rows disagree with what is written in the file.
"""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")
PLACES = {"USD": 2, "CAD": 2, "EUR": 2, "GBP": 2, "JPY": 0}


def fmt(cents, cur="USD"):
    p = PLACES.get(cur, 2)
    return str((Decimal(int(cents)) / (10 ** p)).quantize(Decimal(1).scaleb(-p)))


def build(d):
    env = dict(os.environ, ARBOT_TODAY="2026-11-21", ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv",
                    "--invoices", f"{CSV}/invoices.csv", "--payments", f"{CSV}/payments.csv",
                    "--sales-orders", f"{CSV}/sales_orders.csv", "--db", f"sqlite:///{d}/imported.db"],
                   env=env, check=True, capture_output=True)
    return {"demo": sqlite3.connect(f"{d}/demo.db"), "imported": sqlite3.connect(f"{d}/imported.db")}


def name(c, cid):
    return c.execute("select name from ledger_customers where customer_id=?", (cid,)).fetchone()[0]


def compute(c, spec):
    if spec is None or spec == "none":
        return {}
    parts = spec.split(":")
    k = parts[0]
    out = {"customers": [], "amounts": [], "invoices": []}
    if k == "bal":
        cid = parts[1]
        cur, s = c.execute("select currency, coalesce(sum(balance),0) from ledger_invoices where customer_id=? and balance>0", (cid,)).fetchone()
        cur = cur or c.execute("select currency from ledger_customers where customer_id=?", (cid,)).fetchone()[0]
        out["customers"] = [name(c, cid)]; out["amounts"] = [fmt(s, cur)]
    elif k == "cust":
        out["customers"] = [name(c, parts[1])]
    elif k == "inv":
        cur, bal = c.execute("select currency, balance from ledger_invoices where invoice_number=?", (parts[1],)).fetchone()
        out["invoices"] = [parts[1]]; out["amounts"] = [fmt(bal, cur)]
    elif k in ("lim", "limbal"):
        cid = parts[1]
        cur, lim = c.execute("select currency, credit_limit from ledger_customers where customer_id=?", (cid,)).fetchone()
        out["customers"] = [name(c, cid)]
        if lim is not None:
            out["amounts"].append(fmt(lim, cur))
        if k == "limbal":
            s = c.execute("select coalesce(sum(balance),0) from ledger_invoices where customer_id=? and balance>0", (cid,)).fetchone()[0]
            out["amounts"].append(fmt(s, cur))
    elif k == "so":
        cid, amt, cur = c.execute("select customer_id, amount, currency from ledger_sales_orders where order_id=?", (parts[1],)).fetchone()
        out["customers"] = [name(c, cid)]; out["amounts"] = [fmt(amt, cur)]
    elif k == "orders":
        cid = parts[1]
        out["customers"] = [name(c, cid)]
        out["amounts"] = [fmt(a, cur) for a, cur in c.execute(
            "select amount, currency from ledger_sales_orders where customer_id=? and status='pending' order by order_id", (cid,))]
    elif k == "top":
        curs = [parts[1]] if len(parts) > 1 else [r[0] for r in c.execute("select distinct currency from ledger_invoices where balance>0 order by 1")]
        for cur in curs:
            cid, s = c.execute("select customer_id, sum(balance) s from ledger_invoices where balance>0 and currency=? group by customer_id order by s desc limit 1", (cur,)).fetchone()
            out["customers"].append(name(c, cid)); out["amounts"].append(fmt(s, cur))
    elif k in ("aging", "total"):
        q = "select currency, sum(balance) from ledger_invoices where balance>0"
        args = ()
        if len(parts) > 1:
            q += " and currency=?"; args = (parts[1],)
        for cur, s in c.execute(q + " group by currency order by currency", args):
            out["amounts"].append(fmt(s, cur))
    elif k == "pr":
        q = "select currency, sum(amount) from ledger_payments where received_on between ? and ?"
        args = [parts[1], parts[2]]
        if len(parts) > 3:
            q += " and customer_id=?"; args.append(parts[3]); out["customers"] = [name(c, parts[3])]
        for cur, s in c.execute(q + " group by currency order by currency", args):
            out["amounts"].append(fmt(s, cur))
    elif k == "prom":
        sub = parts[1]
        if sub == "broken":
            rows = c.execute("select customer_id, amount, currency from ledger_promises where status='broken' and promised_on between ? and ? order by promised_on", (parts[2], parts[3])).fetchall()
            out["customers"] = [name(c, r[0]) for r in rows]
        elif sub == "open":
            rows = c.execute("select customer_id, amount, currency from ledger_promises where status='open' and promised_on between ? and ? order by promised_on", (parts[2], parts[3])).fetchall()
            out["customers"] = [name(c, r[0]) for r in rows]; out["amounts"] = [fmt(r[1], r[2]) for r in rows]
        elif sub == "cust":
            out["customers"] = [name(c, parts[2])]
            out["amounts"] = [fmt(a, cur) for a, cur in c.execute("select amount, currency from ledger_promises where customer_id=? order by promised_on", (parts[2],))]
    elif k == "unapplied":
        for cid, s, cur in c.execute("select customer_id, sum(unapplied), currency from ledger_payments where unapplied>0 group by customer_id, currency order by customer_id"):
            out["customers"].append(name(c, cid)); out["amounts"].append(fmt(s, cur))
    elif k == "pay":
        cid, amt, una, cur = c.execute("select customer_id, amount, unapplied, currency from ledger_payments where payment_id=?", (parts[1],)).fetchone()
        out["customers"] = [name(c, cid)]; out["amounts"] = [fmt(amt, cur)]
    else:
        raise ValueError(spec)
    return out


def main():
    specs = json.load(open(os.path.join(HERE, "dev37_specs.json")))
    rows = [json.loads(l) for l in open(os.path.join(HERE, "dev37.jsonl")) if l.strip()]
    assert len(rows) == len(specs), (len(rows), len(specs))
    with tempfile.TemporaryDirectory() as d:
        conns = build(d)
        bad = 0
        for i, (row, spec) in enumerate(zip(rows, specs)):
            want = compute(conns[row["db"]], spec)
            if want != row["facts"]:
                bad += 1
                print(f"line {i+1}: {row['text'][:60]!r}: file {row['facts']} != sql {want}")
        print(f"{len(rows)} rows, {bad} disagree")
        return 1 if bad else 0


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(main())
    print(__doc__)
