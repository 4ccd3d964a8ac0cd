#!/usr/bin/env python3
"""dev29 facts: rebuild both ledgers in a temp dir and recompute every row's facts by SQL.

  python dev29_facts.py --write   # (re)write dev29.jsonl from the row definitions (rows_*.py)
  python dev29_facts.py --check   # recompute and print how many rows disagree with dev29.jsonl
"""
from pathlib import Path
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = "2026-11-21"
CSV = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "csv")
BIN = os.path.dirname(sys.executable)


def build(tmp):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=os.path.join(tmp, "home"),
               PATH=BIN + ":" + os.environ.get("PATH", ""))
    run = lambda args: subprocess.run(args, env=env, cwd=tmp, check=True,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{tmp}/demo.db"])
    run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
         "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
         "--db", f"sqlite:///{tmp}/imported.db"])
    return {"demo": sqlite3.connect(f"{tmp}/demo.db"), "imported": sqlite3.connect(f"{tmp}/imported.db")}


def money(cents):
    return str((Decimal(int(cents)) / 100).quantize(Decimal("0.01")))


def name(db, cid):
    return db.execute("select name from ledger_customers where customer_id=?", (cid,)).fetchone()[0]


def per_ccy(db, sql, args=()):
    return [money(v) for _, v in db.execute(sql + " group by currency order by currency", args).fetchall() if v]


def facts(db, spec):
    if spec is None:
        return {}
    k, a = spec[0], spec[1:]
    C, A, N = [], [], []
    if k == "total":
        A = per_ccy(db, "select currency, sum(balance) from ledger_invoices where balance>0")
    elif k == "pastdue":
        A = per_ccy(db, "select currency, sum(balance) from ledger_invoices where balance>0 and due_date<?", (TODAY,))
    elif k == "over":  # strictly more than N days past due
        A = per_ccy(db, "select currency, sum(balance) from ledger_invoices where balance>0 "
                        "and julianday(?)-julianday(due_date) > ?", (TODAY, a[0]))
    elif k == "top":  # first-ranked customer of each currency by open balance
        for ccy, in db.execute("select distinct currency from ledger_invoices where balance>0 order by currency"):
            cid, bal = db.execute("select customer_id, sum(balance) b from ledger_invoices where balance>0 and currency=? "
                                  "group by customer_id order by b desc limit 1", (ccy,)).fetchone()
            C.append(name(db, cid)); A.append(money(bal))
    elif k == "largest":  # largest open invoice of each currency
        for ccy, in db.execute("select distinct currency from ledger_invoices where balance>0 order by currency"):
            inv, bal = db.execute("select invoice_number, balance from ledger_invoices where balance>0 and currency=? "
                                  "order by balance desc limit 1", (ccy,)).fetchone()
            N.append(inv); A.append(money(bal))
    elif k == "recv":
        A = per_ccy(db, "select currency, sum(amount) from ledger_payments where received_on between ? and ?", a)
    elif k == "recv_c":
        C = [name(db, a[0])]
        A = per_ccy(db, "select currency, sum(amount) from ledger_payments where customer_id=? and received_on between ? and ?", a)
    elif k == "unapplied":
        for cid, u in db.execute("select customer_id, unapplied from ledger_payments where unapplied>0 order by payment_id"):
            C.append(name(db, cid)); A.append(money(u))
    elif k == "pmt":
        cid, amt = db.execute("select customer_id, amount from ledger_payments where payment_id=?", (a[0],)).fetchone()
        C, A = [name(db, cid)], [money(amt)]
    elif k == "cust":
        C = [name(db, a[0])]
    elif k in ("inv", "inv2"):
        for inv in a:
            N.append(inv)
            A.append(money(db.execute("select balance from ledger_invoices where invoice_number=?", (inv,)).fetchone()[0]))
    elif k == "invonly":
        N = [a[0]]
    elif k == "bal":
        C = [name(db, a[0])]
        A = per_ccy(db, "select currency, sum(balance) from ledger_invoices where balance>0 and customer_id=?", a)
    elif k == "pd":
        C = [name(db, a[0])]
        A = per_ccy(db, "select currency, sum(balance) from ledger_invoices where balance>0 and customer_id=? and due_date<?", (a[0], TODAY))
    elif k == "lastpmt":
        C = [name(db, a[0])]
        rows = db.execute("select received_on, amount from ledger_payments where customer_id=? order by received_on desc", a).fetchall()
        if rows and (len(rows) == 1 or rows[0][0] != rows[1][0]):
            A = [money(rows[0][1])]
    elif k == "order":
        cid, amt = db.execute("select customer_id, amount from ledger_sales_orders where order_id=?", a).fetchone()
        C, A = [name(db, cid)], [money(amt)]
    elif k == "limit":
        C = [name(db, a[0])]
        lim = db.execute("select credit_limit from ledger_customers where customer_id=?", a).fetchone()[0]
        A = [money(lim)] if lim is not None else []
    elif k == "overlimit":  # open AR alone above the limit (over under any exposure definition)
        for cid, in db.execute("select c.customer_id from ledger_customers c join ledger_invoices i using(customer_id) "
                               "where i.balance>0 and c.credit_limit is not null group by c.customer_id "
                               "having sum(i.balance) > c.credit_limit order by c.customer_id"):
            C.append(name(db, cid))
    elif k == "broken":
        C = [name(db, cid) for cid, in db.execute("select distinct customer_id from ledger_promises where status='broken' order by customer_id")]
    elif k == "ptp_open":
        for cid, amt in db.execute("select customer_id, amount from ledger_promises where status='open' order by id"):
            C.append(name(db, cid)); A.append(money(amt))
    elif k == "ptp_c":
        C = [name(db, a[0])]
        row = db.execute("select amount from ledger_promises where customer_id=? order by promised_on desc limit 1", a).fetchone()
        A = [money(row[0])] if row else []
    else:
        raise ValueError(k)
    return {"customers": C, "amounts": A, "invoices": N}


def rows():
    sys.path.insert(0, HERE)
    from rows_e import R
    return R


def make(dbs):
    out = []
    for text, intent, cust, inv, prop, action, db, spec in rows():
        out.append({"text": text, "intent": intent,
                    "entities": {"customer": name(dbs[db], cust) if cust else None, "invoice": inv},
                    "facts": facts(dbs[db], spec), "proposal": prop, "action": action, "db": db})
    return out


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "--check"
    with tempfile.TemporaryDirectory() as tmp:
        dbs = build(tmp)
        fresh = make(dbs)
    path = os.path.join(HERE, "dev29.jsonl")
    if mode == "--write":
        with open(path, "w") as f:
            for o in fresh:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
        print(f"wrote {len(fresh)} rows")
        return
    have = [json.loads(l) for l in open(path) if l.strip()]
    bad = 0
    if len(have) != len(fresh):
        print(f"row count differs: file {len(have)}, definitions {len(fresh)}")
    for i, (h, f) in enumerate(zip(have, fresh)):
        if h["text"] != f["text"] or h["facts"] != f["facts"] or h["entities"] != f["entities"]:
            bad += 1
            print(f"line {i+1} disagrees: {h['text'][:60]!r}\n  file  {h['facts']}\n  sql   {f['facts']}")
    bad += abs(len(have) - len(fresh))
    print(f"{bad} rows disagree (of {len(have)})")


if __name__ == "__main__":
    main()
