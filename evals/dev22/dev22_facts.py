#!/usr/bin/env python3
"""Facts for dev22.jsonl, recomputed from SQL on freshly built ledgers.

  python dev22_facts.py --write   # build ledgers in a temp dir, write dev22.jsonl from rows.py
  python dev22_facts.py --check   # rebuild ledgers in a temp dir, recompute every row's facts,
                                  # print the number of rows that disagree with dev22.jsonl
Amounts are stored in cents; every currency in both ledgers has 2 decimal places.
Business date 2026-11-21. Past due = due_date < today. "over N days" = today - due_date > N.
"""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import rows  # noqa: E402

TODAY = "2026-11-21"
CSV = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "csv")
PLACES = {"USD": 2, "CAD": 2, "EUR": 2, "GBP": 2, "SGD": 2, "MYR": 2}


def build(tmp):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=f"{tmp}/home",
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{tmp}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv",
                    "--invoices", f"{CSV}/invoices.csv", "--payments", f"{CSV}/payments.csv",
                    "--sales-orders", f"{CSV}/sales_orders.csv", "--db", f"sqlite:///{tmp}/imported.db"],
                   env=env, check=True, capture_output=True)
    return {"demo": sqlite3.connect(f"{tmp}/demo.db"), "imported": sqlite3.connect(f"{tmp}/imported.db")}


def money(cents, cur):
    p = PLACES[cur]
    return str((Decimal(cents) / (10 ** p)).quantize(Decimal(1).scaleb(-p)))


def name(db, cid):
    return db.execute("select name from ledger_customers where customer_id=?", (cid,)).fetchone()[0]


def facts(db, spec):
    if spec is None:
        return {}
    k, a = spec[0], spec[1:]
    C, A, N = [], [], []
    q = lambda sql, *p: db.execute(sql, p).fetchall()
    if k in ("total_ar", "past_due"):
        extra = " and due_date < ?" if k == "past_due" else ""
        p = (TODAY,) if extra else ()
        for cur, s in q(f"select currency, sum(balance) from ledger_invoices where balance>0{extra} group by currency order by currency", *p):
            A.append(money(s, cur))
    elif k == "over":
        n = a[0]
        for cur, s in q("select currency, sum(balance) from ledger_invoices where balance>0 and julianday(?)-julianday(due_date) > ? group by currency order by currency", TODAY, n):
            A.append(money(s, cur))
    elif k in ("top", "topcur"):
        curs = [a[0]] if k == "topcur" else [c for (c,) in q("select distinct currency from ledger_invoices where balance>0 order by currency")]
        for cur in curs:
            cid, s = q("select customer_id, sum(balance) s from ledger_invoices where balance>0 and currency=? group by customer_id order by s desc limit 1", cur)[0]
            C.append(name(db, cid)); A.append(money(s, cur))
    elif k == "largest":
        for (cur,) in q("select distinct currency from ledger_invoices where balance>0 order by currency"):
            inv, b = q("select invoice_number, balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", cur)[0]
            N.append(inv); A.append(money(b, cur))
    elif k == "toppd":
        for (cur,) in q("select distinct currency from ledger_invoices where balance>0 and due_date<? order by currency", TODAY):
            cid, t = q("select customer_id, sum(balance) s from ledger_invoices where balance>0 and due_date<? and currency=? group by customer_id order by s desc limit 1", TODAY, cur)[0]
            C.append(name(db, cid)); A.append(money(t, cur))
    elif k == "holds":
        for (nm,) in q("select name from ledger_customers where on_hold order by customer_id"):
            C.append(nm)
    elif k == "largestcur":
        inv, b = q("select invoice_number, balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", a[0])[0]
        N.append(inv); A.append(money(b, a[0]))
    elif k == "exceptions":
        for cid, nm, lim, hold, s in q("select c.customer_id, c.name, c.credit_limit, c.on_hold, coalesce(sum(i.balance),0) from ledger_customers c left join ledger_invoices i on i.customer_id=c.customer_id and i.balance>0 group by c.customer_id order by c.customer_id"):
            if hold or (lim is not None and s > lim):
                C.append(nm)
    elif k == "recv":
        start, end = a[0], a[1]
        cid = a[2] if len(a) > 2 else None
        sql = "select currency, sum(amount) from ledger_payments where received_on between ? and ?"
        p = [start, end]
        if cid:
            sql += " and customer_id=?"; p.append(cid); C.append(name(db, cid))
        for cur, s in q(sql + " group by currency order by currency", *p):
            A.append(money(s, cur))
    elif k in ("unapplied", "unapplied_cust"):
        sql = "select customer_id, unapplied, currency from ledger_payments where unapplied>0"
        p = []
        if k == "unapplied_cust":
            sql += " and customer_id=?"; p.append(a[0])
        for cid, u, cur in q(sql + " order by payment_id", *p):
            C.append(name(db, cid)); A.append(money(u, cur))
        if k == "unapplied_cust" and not C:
            C.append(name(db, a[0]))
    elif k == "pmt":
        cid, amt, cur = q("select customer_id, amount, currency from ledger_payments where payment_id=?", a[0])[0]
        C.append(name(db, cid)); A.append(money(amt, cur))
    elif k == "broken":
        for (cid,) in q("select distinct customer_id from ledger_promises where status='broken' order by customer_id"):
            C.append(name(db, cid))
    elif k == "ptp_open":
        for cid, amt, cur in q("select customer_id, amount, currency from ledger_promises where status='open' and promised_on >= ? order by promised_on", TODAY):
            C.append(name(db, cid)); A.append(money(amt, cur))
    elif k == "ptp_cust":
        C.append(name(db, a[0]))
        for amt, cur in q("select amount, currency from ledger_promises where customer_id=? and status='open' order by promised_on", a[0]):
            A.append(money(amt, cur))
    elif k == "cust":
        C.append(name(db, a[0]))
    elif k in ("bal", "pd"):
        C.append(name(db, a[0]))
        extra = " and due_date < ?" if k == "pd" else ""
        p = (a[0], TODAY) if extra else (a[0],)
        for cur, s in q(f"select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0{extra} group by currency order by currency", *p):
            A.append(money(s, cur))
    elif k == "limit":
        C.append(name(db, a[0]))
        lim, cur = q("select credit_limit, currency from ledger_customers where customer_id=?", a[0])[0]
        if lim is not None:
            A.append(money(lim, cur))
    elif k == "lastpay":
        C.append(name(db, a[0]))
        r = q("select amount, currency from ledger_payments where customer_id=? order by received_on desc, payment_id desc limit 1", a[0])
        if r:
            A.append(money(*r[0]))
    elif k in ("inv", "invonly"):
        N.append(a[0])
        if k == "inv":
            b, cur = q("select balance, currency from ledger_invoices where invoice_number=?", a[0])[0]
            A.append(money(b, cur))
    else:
        raise ValueError(spec)
    return {"customers": C, "amounts": A, "invoices": N}


def compute(dbs):
    out = []
    for text, intent, cid, inv, prop, action, dbname, spec in rows.R:
        db = dbs[dbname]
        out.append({"text": text, "intent": intent,
                    "entities": {"customer": name(db, cid) if cid else None, "invoice": inv},
                    "facts": facts(db, spec), "proposal": prop, "action": action, "db": dbname})
    return out


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "--check"
    with tempfile.TemporaryDirectory() as tmp:
        got = compute(build(tmp))
    path = HERE / "dev22.jsonl"
    if mode == "--write":
        path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in got))
        print(f"wrote {len(got)} rows")
        return
    have = [json.loads(l) for l in path.read_text().splitlines() if l.strip()]
    bad = 0
    if len(have) != len(got):
        print(f"row count differs: file {len(have)} vs recomputed {len(got)}")
    for i, (h, g) in enumerate(zip(have, got), 1):
        if h.get("facts") != g["facts"] or h.get("text") != g["text"]:
            bad += 1
            print(f"line {i}: file {h.get('facts')} != sql {g['facts']}")
    bad += abs(len(have) - len(got))
    print(f"rows that disagree: {bad}")


if __name__ == "__main__":
    main()
