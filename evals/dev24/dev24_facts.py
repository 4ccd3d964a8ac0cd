"""dev24 facts: rows + SQL-computed facts. --write writes dev24.jsonl from the ledgers in this folder;
--check rebuilds both ledgers in a temp dir and prints how many rows disagree."""
from pathlib import Path
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
from rows import ROWS

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = "2026-11-21"
PLACES = {"USD": 2, "CAD": 2, "GBP": 2, "EUR": 2, "JPY": 0}

def money(cents, cur):
    p = PLACES.get(cur, 2)
    return str((Decimal(cents) / (10 ** p)).quantize(Decimal(1) / (10 ** p)))

def build(d):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ["PATH"])
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, capture_output=True)
    f = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "csv") + "/"
    subprocess.run(["arbot", "erp", "import", "--customers", f + "customers.csv", "--invoices", f + "invoices.csv",
                    "--payments", f + "payments.csv", "--sales-orders", f + "sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, capture_output=True)

def F(customers=(), amounts=(), invoices=()):
    return {"customers": list(customers), "amounts": list(amounts), "invoices": list(invoices)}

def facts(con, spec):
    if spec is None:
        return {}
    k, *a = spec
    q = lambda s, *p: con.execute(s, p).fetchall()
    name = lambda cid: q("select name from ledger_customers where customer_id=?", cid)[0][0]
    if k == "total_ar":
        return F(amounts=[money(s, c) for c, s in q("select currency,sum(balance) from ledger_invoices where balance>0 group by 1 order by 1")])
    if k == "past_due":
        return F(amounts=[money(s, c) for c, s in q("select currency,sum(balance) from ledger_invoices where balance>0 and due_date<? group by 1 order by 1", TODAY)])
    if k == "over":  # strictly more than N days past due
        return F(amounts=[money(s, c) for c, s in q("select currency,sum(balance) from ledger_invoices where balance>0 and julianday(?)-julianday(due_date)>? group by 1 order by 1", TODAY, a[0])])
    if k == "top":  # first-ranked customer per currency by open balance
        out = F()
        for (cur,) in q("select distinct currency from ledger_invoices where balance>0 order by 1"):
            cid, s = q("select customer_id,sum(balance) s from ledger_invoices where balance>0 and currency=? group by 1 order by s desc limit 1", cur)[0]
            out["customers"].append(name(cid)); out["amounts"].append(money(s, cur))
        return out
    if k == "largest":  # largest open invoice per currency
        out = F()
        for (cur,) in q("select distinct currency from ledger_invoices where balance>0 order by 1"):
            n, b = q("select invoice_number,balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", cur)[0]
            out["invoices"].append(n); out["amounts"].append(money(b, cur))
        return out
    if k == "recv":  # payments received between dates inclusive, per currency
        return F(amounts=[money(s, c) for c, s in q("select currency,sum(amount) from ledger_payments where received_on between ? and ? group by 1 order by 1", a[0], a[1])])
    if k == "recv_cust":
        return F(customers=[name(a[0])], amounts=[money(s, c) for c, s in q("select currency,sum(amount) from ledger_payments where customer_id=? and received_on between ? and ? group by 1 order by 1", a[0], a[1], a[2])])
    if k == "unapplied":
        rows = q("select customer_id,currency,sum(unapplied) from ledger_payments where unapplied>0 group by 1,2 order by 1")
        tot = q("select currency,sum(unapplied) from ledger_payments where unapplied>0 group by 1 order by 1")
        return F(customers=[name(r[0]) for r in rows], amounts=[money(s, c) for c, s in tot])
    if k == "pmt":
        amt, cur = q("select amount,currency from ledger_payments where payment_id=?", a[0])[0]
        return F(amounts=[money(amt, cur)])
    if k == "inv":
        b, cur = q("select balance,currency from ledger_invoices where invoice_number=?", a[0])[0]
        return F(amounts=[money(b, cur)], invoices=[a[0]])
    if k == "bal":
        return F(customers=[name(a[0])], amounts=[money(s, c) for c, s in q("select currency,sum(balance) from ledger_invoices where balance>0 and customer_id=? group by 1 order by 1", a[0])])
    if k == "bal_pd":
        return F(customers=[name(a[0])], amounts=[money(s, c) for c, s in q("select currency,sum(balance) from ledger_invoices where balance>0 and due_date<? and customer_id=? group by 1 order by 1", TODAY, a[0])])
    if k == "order":
        amt, cur, cid = q("select amount,currency,customer_id from ledger_sales_orders where order_id=?", a[0])[0]
        return F(customers=[name(cid)], amounts=[money(amt, cur)])
    if k == "limit":
        lim, cur = q("select credit_limit,currency from ledger_customers where customer_id=?", a[0])[0]
        return F(customers=[name(a[0])], amounts=[money(lim, cur)])
    if k == "promises":
        return F(customers=[name(r[0]) for r in q("select customer_id from ledger_promises where status=? order by customer_id", a[0])])
    raise ValueError(spec)

def rows_with_facts(d):
    cons = {db: sqlite3.connect(os.path.join(d, db + ".db")) for db in ("demo", "imported")}
    out = []
    for r in ROWS:
        text, intent, cust, inv, action, prop, db, spec = r
        out.append({"text": text, "intent": intent, "entities": {"customer": cust, "invoice": inv},
                    "facts": facts(cons[db], spec), "proposal": prop, "action": action, "db": db})
    return out

if __name__ == "__main__":
    path = os.path.join(HERE, "dev24.jsonl")
    if "--write" in sys.argv:
        with open(path, "w") as f:
            for o in rows_with_facts(HERE):
                f.write(json.dumps(o) + "\n")
        print("wrote", len(ROWS))
    elif "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as d:
            build(d)
            fresh = rows_with_facts(d)
        have = [json.loads(l) for l in open(path)]
        bad = sum(1 for a, b in zip(fresh, have) if a["facts"] != b["facts"]) + abs(len(fresh) - len(have))
        print(bad)
