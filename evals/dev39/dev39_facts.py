#!/usr/bin/env python3
"""dev39 facts: build rows (default: write dev39.jsonl from the ledgers in this folder)
or --check: rebuild both ledgers in a temp dir and recount disagreeing rows."""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
TODAY = "2026-11-21"
CSV = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")

def build(d):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ["PATH"])
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
                    "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, capture_output=True)

def money(cents):
    return str((Decimal(int(cents)) / 100).quantize(Decimal("0.01")))

def cid(c, name):
    return c.execute("select customer_id from ledger_customers where name=?", (name,)).fetchone()[0]

def open_bal(c, cust_id):
    return c.execute("select coalesce(sum(balance),0) from ledger_invoices where customer_id=? and balance>0", (cust_id,)).fetchone()[0]

def facts(c, spec):
    if spec is None:
        return {}
    k, a = spec[0], spec[1:]
    cu, am, inv = [], [], []
    if k in ("total", "total_cur"):
        q = "select currency, sum(balance) from ledger_invoices where balance>0 group by currency order by currency"
        for cur, s in c.execute(q):
            if k == "total" or cur == a[0]:
                am.append(money(s))
    elif k in ("top", "top_cur"):
        curs = [r[0] for r in c.execute("select distinct currency from ledger_invoices where balance>0 order by currency")]
        for cur in curs:
            if k == "top_cur" and cur != a[0]:
                continue
            n, s = c.execute("""select cu.name, sum(i.balance) b from ledger_invoices i join ledger_customers cu using(customer_id)
                 where i.balance>0 and i.currency=? group by cu.customer_id order by b desc limit 1""", (cur,)).fetchone()
            cu.append(n); am.append(money(s))
    elif k in ("largest", "largest_cur"):
        curs = [r[0] for r in c.execute("select distinct currency from ledger_invoices where balance>0 order by currency")]
        for cur in curs:
            if k == "largest_cur" and cur != a[0]:
                continue
            n, s = c.execute("select invoice_number, balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", (cur,)).fetchone()
            inv.append(n); am.append(money(s))
    elif k == "recv":
        for cur, s in c.execute("select currency, sum(amount) from ledger_payments where received_on between ? and ? group by currency order by currency", a):
            am.append(money(s))
    elif k == "recv_c":
        cu.append(a[0])
        for cur, s in c.execute("select currency, sum(amount) from ledger_payments where customer_id=? and received_on between ? and ? group by currency",
                                (cid(c, a[0]), a[1], a[2])):
            am.append(money(s))
    elif k == "credit":
        i = cid(c, a[0]); cu.append(a[0])
        lim = c.execute("select credit_limit from ledger_customers where customer_id=?", (i,)).fetchone()[0]
        if lim is not None:
            am.append(money(lim))
        am.append(money(open_bal(c, i)))
        if a[1]:
            am.append(money(c.execute("select amount from ledger_sales_orders where order_id=?", (a[1],)).fetchone()[0]))
    elif k == "bal":
        cu.append(a[0]); am.append(money(open_bal(c, cid(c, a[0]))))
    elif k == "inv":
        inv.append(a[0]); am.append(money(c.execute("select balance from ledger_invoices where invoice_number=?", (a[0],)).fetchone()[0]))
    elif k == "inv_only":
        inv.append(a[0])
    elif k == "promises_broken":
        cu = [r[0] for r in c.execute("select distinct cu.name from ledger_promises p join ledger_customers cu using(customer_id) where p.status='broken' order by cu.name")]
    elif k == "promises_open":
        for n, s in c.execute("select cu.name, p.amount from ledger_promises p join ledger_customers cu using(customer_id) where p.status='open' and p.promised_on between '2026-11-22' and '2026-11-29'"):
            cu.append(n); am.append(money(s))
    elif k == "promises_cust":
        cu.append(a[0])
        for (s,) in c.execute("select amount from ledger_promises where customer_id=?", (cid(c, a[0]),)):
            am.append(money(s))
    elif k == "past_due":
        for cur, s in c.execute("select currency, sum(balance) from ledger_invoices where balance>0 and due_date<? group by currency order by currency", (TODAY,)):
            am.append(money(s))
    elif k == "unapplied":
        for n, pid, s in c.execute("select cu.name, p.payment_id, p.unapplied from ledger_payments p join ledger_customers cu using(customer_id) where p.unapplied>0 order by p.payment_id"):
            cu.append(n); am.append(money(s))
    elif k == "largest_c":
        cu.append(a[0])
        n, s = c.execute("select invoice_number, balance from ledger_invoices where balance>0 and customer_id=? order by balance desc limit 1", (cid(c, a[0]),)).fetchone()
        inv.append(n); am.append(money(s))
    else:
        raise ValueError(k)
    return {"customers": cu, "amounts": am, "invoices": inv}

def rows():
    out = []
    for m in ("dev39_rows_a", "dev39_rows_b", "dev39_rows_c", "dev39_rows_d", "dev39_rows_e", "dev39_rows_f"):
        out += __import__(m).ROWS
    return out

def render(d):
    cons = {db: sqlite3.connect(os.path.join(d, db + ".db")) for db in ("demo", "imported")}
    res = []
    for r in rows():
        res.append({"text": r["text"], "intent": r["intent"],
                    "entities": {"customer": r["customer"], "invoice": r["invoice"]},
                    "facts": facts(cons[r["db"]], r["spec"]), "proposal": r["proposal"],
                    "action": r["action"], "db": r["db"]})
    return res

if __name__ == "__main__":
    path = os.path.join(HERE, "dev39.jsonl")
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as d:
            build(d)
            fresh = render(d)
        stored = [json.loads(l) for l in open(path)]
        bad = sum(1 for s, f in zip(stored, fresh) if s["facts"] != f["facts"] or s["text"] != f["text"])
        bad += abs(len(stored) - len(fresh))
        print(f"{len(stored)} rows, {bad} disagreeing")
    else:
        with open(path, "w") as f:
            for r in render(HERE):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print("written", path)
