#!/usr/bin/env python3
"""Facts for dev30.jsonl, computed from SQL on the two ledgers.

  python dev30_facts.py --build   # write dev30.jsonl from rows.py using ./demo.db, ./imported.db
  python dev30_facts.py --check   # rebuild both ledgers in a temp dir, recompute every row's facts,
                                  # print how many rows disagree with dev30.jsonl (must be 0)
Amounts are stored in cents; facts are decimal strings with 2 places (USD/CAD/GBP/EUR).
Business date 2026-11-21.
"""
from pathlib import Path
import json, os, sqlite3, subprocess, sys, tempfile
from datetime import date
HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = "2026-11-21"
CSV = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "csv")

def money(c):
    c = int(c); s = "-" if c < 0 else ""; c = abs(c)
    return f"{s}{c // 100}.{c % 100:02d}"

def cid(db, name):
    r = db.execute("select customer_id from ledger_customers where name=?", (name,)).fetchone()
    if not r: raise SystemExit(f"no customer {name}")
    return r[0]

def per_cur(rows):
    return [money(v) for _, v in sorted(rows) if v]

def compute(db, spec):
    k = spec[0]; a = spec[1:]
    C, A, I = [], [], []
    if k == "none":
        return {}
    if k == "total":
        A = per_cur(db.execute("select currency,sum(balance) from ledger_invoices where balance>0 group by currency").fetchall())
    elif k == "pastdue":
        A = per_cur(db.execute("select currency,sum(balance) from ledger_invoices where balance>0 and due_date<? group by currency", (TODAY,)).fetchall())
    elif k == "over":  # strictly more than N days past due
        n = a[0]
        A = per_cur(db.execute("select currency,sum(balance) from ledger_invoices where balance>0 and julianday(?)-julianday(due_date)>? group by currency", (TODAY, n)).fetchall())
    elif k == "top":  # first-ranked customer by open balance, per currency (or one currency)
        curs = [a[0]] if a else [r[0] for r in db.execute("select distinct currency from ledger_invoices where balance>0 order by 1")]
        for cur in curs:
            r = db.execute("select c.name,sum(i.balance) b from ledger_invoices i join ledger_customers c using(customer_id) where i.balance>0 and i.currency=? group by c.customer_id order by b desc limit 1", (cur,)).fetchone()
            C.append(r[0]); A.append(money(r[1]))
    elif k == "largest":  # largest open invoice by balance, per currency (or one)
        curs = [a[0]] if a else [r[0] for r in db.execute("select distinct currency from ledger_invoices where balance>0 order by 1")]
        for cur in curs:
            r = db.execute("select invoice_number,balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", (cur,)).fetchone()
            I.append(r[0]); A.append(money(r[1]))
    elif k == "paid":  # payments received between start and end inclusive, per currency, optional customer
        s, e = a[0], a[1]
        q = "select currency,sum(amount) from ledger_payments where received_on between ? and ?"
        p = [s, e]
        if len(a) > 2:
            q += " and customer_id=?"; p.append(cid(db, a[2])); C.append(a[2])
        A = per_cur(db.execute(q + " group by currency", p).fetchall())
        if len(a) > 2 and not A: A = ["0.00"]
    elif k == "unapplied":
        for n, u in db.execute("select c.name,sum(p.unapplied) from ledger_payments p join ledger_customers c using(customer_id) where p.unapplied>0 group by c.customer_id order by c.name"):
            C.append(n); A.append(money(u))
    elif k == "pmt":
        r = db.execute("select c.name,p.amount from ledger_payments p join ledger_customers c using(customer_id) where payment_id=?", (a[0],)).fetchone()
        C.append(r[0]); A.append(money(r[1]))
    elif k == "bal":
        C.append(a[0])
        A.append(money(db.execute("select coalesce(sum(balance),0) from ledger_invoices where customer_id=?", (cid(db, a[0]),)).fetchone()[0]))
    elif k == "cpastdue":
        C.append(a[0])
        A.append(money(db.execute("select coalesce(sum(balance),0) from ledger_invoices where customer_id=? and due_date<?", (cid(db, a[0]), TODAY)).fetchone()[0]))
    elif k == "inv":
        r = db.execute("select balance from ledger_invoices where invoice_number=?", (a[0],)).fetchone()
        I.append(a[0]); A.append(money(r[0]))
    elif k == "limit":
        C.append(a[0])
        r = db.execute("select credit_limit from ledger_customers where name=?", (a[0],)).fetchone()
        if r[0] is not None: A.append(money(r[0]))
    elif k == "so":
        r = db.execute("select c.name,o.amount from ledger_sales_orders o join ledger_customers c using(customer_id) where order_id=?", (a[0],)).fetchone()
        C.append(r[0]); A.append(money(r[1]))
    elif k == "overlimit":
        for (n,) in db.execute("select c.name from ledger_customers c join ledger_invoices i using(customer_id) where i.balance>0 group by c.customer_id having sum(i.balance)>c.credit_limit or max(c.on_hold)=1 order by c.name"):
            C.append(n)
    elif k == "broken":
        for (n,) in db.execute("select distinct c.name from ledger_promises p join ledger_customers c using(customer_id) where status='broken' order by 1"):
            C.append(n)
    elif k == "lastpay":
        C.append(a[0])
        r = db.execute("select amount from ledger_payments where customer_id=? order by received_on desc, payment_id desc limit 1", (cid(db, a[0]),)).fetchone()
        A.append(money(r[0]))
    elif k == "cust":
        C.append(a[0])
    else:
        raise SystemExit(f"unknown spec {spec}")
    return {"customers": C, "amounts": A, "invoices": I}

def build_ledgers(d):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
                    "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def main():
    sys.path.insert(0, HERE)
    from dev30_rows import ROWS
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as d:
            build_ledgers(d)
            dbs = {n: sqlite3.connect(f"{d}/{n}.db") for n in ("demo", "imported")}
            lines = [json.loads(l) for l in open(os.path.join(HERE, "dev30.jsonl"))]
            if len(lines) != len(ROWS):
                print(f"row count differs: file {len(lines)} spec {len(ROWS)}"); print("disagree:", len(lines)); return
            bad = 0
            for row, r in zip(lines, ROWS):
                if row["text"] != r["text"] or compute(dbs[row["db"]], r["spec"]) != row["facts"]:
                    bad += 1; print("DISAGREE:", row["text"][:70], row["facts"], compute(dbs[row["db"]], r["spec"]))
            print(f"rows: {len(lines)}  disagree: {bad}")
        return
    dbs = {n: sqlite3.connect(os.path.join(HERE, f"{n}.db")) for n in ("demo", "imported")}
    with open(os.path.join(HERE, "dev30.jsonl"), "w") as f:
        for r in ROWS:
            o = {"text": r["text"], "intent": r["intent"],
                 "entities": {"customer": r["customer"], "invoice": r["invoice"]},
                 "facts": compute(dbs[r["db"]], r["spec"]), "proposal": r["proposal"],
                 "action": r["action"], "db": r["db"]}
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print("wrote", len(ROWS))

if __name__ == "__main__":
    main()
