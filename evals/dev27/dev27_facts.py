#!/usr/bin/env python3
"""Facts for dev27.jsonl, computed by plain SQL on the two ledgers.

  python dev27_facts.py --write   # (re)write dev27.jsonl from rows.py using ./demo.db and ./imported.db
  python dev27_facts.py --check   # rebuild both ledgers in a temp dir, recompute every row's facts,
                                  # print how many rows disagree with dev27.jsonl (must be 0)

Amounts in the ledgers are integer minor units; every currency here (USD, CAD, GBP, EUR) has 2 places.
Business date 2026-11-21 (Saturday). Weeks start on Monday. "Over N days" is strict: days past due > N.
"""
from pathlib import Path
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
TODAY = date(2026, 11, 21)
VENV = os.path.dirname(sys.executable)
CSV = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "csv")


def money(cents):
    return str((Decimal(int(cents)) / 100).quantize(Decimal("0.01")))


def q(con, sql, *args):
    return con.execute(sql, args).fetchall()


def cust_id(con, name):
    r = q(con, "select customer_id from ledger_customers where name=?", name)
    assert r, name
    return r[0][0]


def F(customers=(), amounts=(), invoices=()):
    return {"customers": list(customers), "amounts": list(amounts), "invoices": list(invoices)}


def compute(con, spec):
    if spec is None:
        return {}
    k, a = spec[0], spec[1:]
    t = TODAY.isoformat()
    if k == "total":  # open AR per currency
        rows = q(con, "select currency, sum(balance) from ledger_invoices where balance>0 group by currency order by currency")
        return F(amounts=[money(s) for _, s in rows])
    if k == "pastdue":
        rows = q(con, "select currency, sum(balance) from ledger_invoices where balance>0 and due_date<? group by currency order by currency", t)
        return F(amounts=[money(s) for _, s in rows])
    if k == "over":  # strictly more than N days past due
        cutoff = (TODAY - timedelta(days=a[0])).isoformat()
        rows = q(con, "select currency, sum(balance) from ledger_invoices where balance>0 and due_date<? group by currency order by currency", cutoff)
        return F(amounts=[money(s) for _, s in rows])
    if k == "bal":
        cid = cust_id(con, a[0])
        s = q(con, "select coalesce(sum(balance),0) from ledger_invoices where balance>0 and customer_id=?", cid)[0][0]
        return F([a[0]], [money(s)])
    if k == "pastdue_c":
        cid = cust_id(con, a[0])
        s = q(con, "select coalesce(sum(balance),0) from ledger_invoices where balance>0 and customer_id=? and due_date<?", cid, t)[0][0]
        return F([a[0]], [money(s)])
    if k == "inv":
        r = q(con, "select balance from ledger_invoices where invoice_number=?", a[0])
        assert r, a[0]
        return F([], [money(r[0][0])], [a[0]])
    if k == "top":  # first-ranked customer per currency by open balance
        cs, am = [], []
        for (cur,) in q(con, "select distinct currency from ledger_invoices where balance>0 order by currency"):
            n, s = q(con, "select c.name, sum(i.balance) s from ledger_invoices i join ledger_customers c using(customer_id) "
                          "where i.balance>0 and i.currency=? group by c.customer_id order by s desc limit 1", cur)[0]
            cs.append(n); am.append(money(s))
        return F(cs, am)
    if k == "top_usd":
        n, s = q(con, "select c.name, sum(i.balance) s from ledger_invoices i join ledger_customers c using(customer_id) "
                      "where i.balance>0 and i.currency='USD' group by c.customer_id order by s desc limit 1")[0]
        return F([n], [money(s)])
    if k == "top_pastdue":  # first-ranked per currency by past-due balance
        cs, am = [], []
        for (cur,) in q(con, "select distinct currency from ledger_invoices where balance>0 and due_date<? order by currency", t):
            n, s = q(con, "select c.name, sum(i.balance) s from ledger_invoices i join ledger_customers c using(customer_id) "
                          "where i.balance>0 and i.currency=? and i.due_date<? group by c.customer_id order by s desc limit 1", cur, t)[0]
            cs.append(n); am.append(money(s))
        return F(cs, am)
    if k == "largest":  # largest open invoice per currency
        inv, am = [], []
        for (cur,) in q(con, "select distinct currency from ledger_invoices where balance>0 order by currency"):
            n, s = q(con, "select invoice_number, balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", cur)[0]
            inv.append(n); am.append(money(s))
        return F([], am, inv)
    if k == "largest_usd":
        n, s = q(con, "select invoice_number, balance from ledger_invoices where balance>0 and currency='USD' order by balance desc limit 1")[0]
        return F([], [money(s)], [n])
    if k == "largest_pastdue":
        inv, am = [], []
        for (cur,) in q(con, "select distinct currency from ledger_invoices where balance>0 and due_date<? order by currency", t):
            n, s = q(con, "select invoice_number, balance from ledger_invoices where balance>0 and currency=? and due_date<? order by balance desc limit 1", cur, t)[0]
            inv.append(n); am.append(money(s))
        return F([], am, inv)
    if k == "largest_c":
        cid = cust_id(con, a[0])
        n, s = q(con, "select invoice_number, balance from ledger_invoices where balance>0 and customer_id=? order by balance desc limit 1", cid)[0]
        return F([a[0]], [money(s)], [n])
    if k == "rcv":  # payments received between a[0] and a[1] inclusive, optional customer
        start, end = a[0], a[1]
        if len(a) > 2:
            cid = cust_id(con, a[2])
            rows = q(con, "select currency, sum(amount) from ledger_payments where received_on between ? and ? and customer_id=? group by currency order by currency", start, end, cid)
            return F([a[2]], [money(s) for _, s in rows])
        rows = q(con, "select currency, sum(amount) from ledger_payments where received_on between ? and ? group by currency order by currency", start, end)
        return F([], [money(s) for _, s in rows])
    if k == "unapplied":
        rows = q(con, "select c.name, p.unapplied from ledger_payments p join ledger_customers c using(customer_id) where p.unapplied>0 order by p.payment_id")
        return F([n for n, _ in rows], [money(s) for _, s in rows])
    if k == "pmt":
        r = q(con, "select c.name, p.amount from ledger_payments p join ledger_customers c using(customer_id) where p.payment_id=?", a[0])
        assert r, a[0]
        return F([r[0][0]], [money(r[0][1])])
    if k == "limit":
        cid = cust_id(con, a[0])
        lim = q(con, "select credit_limit from ledger_customers where customer_id=?", cid)[0][0]
        return F([a[0]], [money(lim)] if lim is not None else [])
    if k == "so":
        r = q(con, "select c.name, o.amount from ledger_sales_orders o join ledger_customers c using(customer_id) where o.order_id=?", a[0])
        assert r, a[0]
        return F([r[0][0]], [money(r[0][1])])
    if k == "lastpay":
        cid = cust_id(con, a[0])
        r = q(con, "select amount from ledger_payments where customer_id=? order by received_on desc, payment_id desc limit 1", cid)
        return F([a[0]], [money(r[0][0])])
    if k == "broken":
        rows = q(con, "select distinct c.name from ledger_promises p join ledger_customers c using(customer_id) where p.status='broken' order by c.name")
        return F([n for (n,) in rows])
    if k == "promise_open":
        rows = q(con, "select c.name, p.amount from ledger_promises p join ledger_customers c using(customer_id) where p.status='open' order by p.id")
        return F([n for n, _ in rows], [money(s) for _, s in rows])
    if k == "overlimit":  # open AR above the credit limit
        rows = q(con, "select c.name from ledger_customers c join ledger_invoices i using(customer_id) where i.balance>0 and c.credit_limit is not null "
                      "group by c.customer_id having sum(i.balance)>c.credit_limit order by c.name")
        return F([n for (n,) in rows])
    if k == "cust":
        return F([a[0]])
    raise ValueError(spec)


def load_rows():
    import dev27_rows
    return dev27_rows.ROWS


def facts(con, spec):
    f = compute(con, spec)
    return f if any(f.values()) else {}   # nothing to show (e.g. no payments in the period): {}


def to_obj(r, cons):
    text, intent, cust, inv, spec, proposal, action, db = r
    return {"text": text, "intent": intent, "entities": {"customer": cust, "invoice": inv},
            "facts": facts(cons[db], spec), "proposal": proposal, "action": action, "db": db}


def build(dirpath):
    env = dict(os.environ, ARBOT_TODAY="2026-11-21", ARBOT_HOME=os.path.join(dirpath, "home"),
               PATH=VENV + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{dirpath}/demo.db"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
                    "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
                    "--db", f"sqlite:///{dirpath}/imported.db"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {"demo": sqlite3.connect(f"{dirpath}/demo.db"), "imported": sqlite3.connect(f"{dirpath}/imported.db")}


def main():
    out = os.path.join(HERE, "dev27.jsonl")
    if "--write" in sys.argv:
        cons = {"demo": sqlite3.connect(os.path.join(HERE, "demo.db")),
                "imported": sqlite3.connect(os.path.join(HERE, "imported.db"))}
        with open(out, "w") as f:
            for r in load_rows():
                f.write(json.dumps(to_obj(r, cons), ensure_ascii=False) + "\n")
        print("wrote", out)
        return
    if "--check" in sys.argv:
        specs = {r[0]: r for r in load_rows()}
        with tempfile.TemporaryDirectory() as d:
            cons = build(d)
            bad = 0
            n = 0
            for line in open(out):
                o = json.loads(line)
                n += 1
                r = specs.get(o["text"])
                if r is None or facts(cons[o["db"]], r[4]) != o["facts"]:
                    bad += 1
                    print("DISAGREES:", o["text"][:80])
            print(f"rows: {n}  disagreeing: {bad}")
        return
    print(__doc__)


if __name__ == "__main__":
    main()
