"""dev25: rows + facts. `python dev25_facts.py --write` writes dev25.jsonl from ROWS using the
ledgers in this folder; `--check` rebuilds both ledgers in a temp dir and recomputes every row's
facts, printing how many rows disagree with dev25.jsonl."""
from pathlib import Path
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = "2026-11-21"
sys.path.insert(0, HERE)
from dev25_rows import R as ROWS

def d(c):
    return str((Decimal(c) / 100).quantize(Decimal("0.01")))

def per_cur(con, sql, args=()):
    return [d(v) for _, v in con.execute(sql + " group by currency order by currency", args).fetchall()]

def cid(con, name):
    return con.execute("select customer_id from ledger_customers where name=?", (name,)).fetchone()[0]

def facts(con, spec):
    if spec is None:
        return {}
    k = spec[0]; C, A, I = [], [], []
    if k == "TA":
        A = per_cur(con, "select currency, sum(balance) from ledger_invoices where balance>0")
    elif k == "PD":
        A = per_cur(con, "select currency, sum(balance) from ledger_invoices where balance>0 and due_date<?", (TODAY,))
    elif k == "OD":  # strictly more than N days past due
        A = per_cur(con, "select currency, sum(balance) from ledger_invoices where balance>0 and julianday(?)-julianday(due_date)>?", (TODAY, spec[1]))
    elif k == "TOP":
        for cur, in con.execute("select distinct currency from ledger_invoices where balance>0 order by currency"):
            n, b = con.execute("select c.name, sum(i.balance) b from ledger_invoices i join ledger_customers c using(customer_id) where i.balance>0 and i.currency=? group by c.customer_id order by b desc limit 1", (cur,)).fetchone()
            C.append(n); A.append(d(b))
    elif k == "LRG":
        for cur, in con.execute("select distinct currency from ledger_invoices where balance>0 order by currency"):
            n, b = con.execute("select invoice_number, balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", (cur,)).fetchone()
            I.append(n); A.append(d(b))
    elif k == "PR":
        _, s, e, cust = spec
        if cust:
            A = per_cur(con, "select currency, sum(amount) from ledger_payments where received_on between ? and ? and customer_id=?", (s, e, cid(con, cust)))
            C = [cust]
        else:
            A = per_cur(con, "select currency, sum(amount) from ledger_payments where received_on between ? and ?", (s, e))
    elif k == "UN":
        C = [n for n, in con.execute("select distinct c.name from ledger_payments p join ledger_customers c using(customer_id) where p.unapplied>0 order by c.name")]
        A = per_cur(con, "select currency, sum(unapplied) from ledger_payments where unapplied>0")
    elif k == "PL":
        n, a = con.execute("select c.name, p.amount from ledger_payments p join ledger_customers c using(customer_id) where payment_id=?", (spec[1],)).fetchone()
        C = [n]; A = [d(a)]
    elif k == "CB":
        A = per_cur(con, "select currency, sum(balance) from ledger_invoices where balance>0 and customer_id=?", (cid(con, spec[1]),))
        C = [spec[1]]
    elif k == "IS":
        I = [spec[1]]; A = [d(con.execute("select balance from ledger_invoices where invoice_number=?", (spec[1],)).fetchone()[0])]
    elif k == "LIM":
        C = [spec[1]]; A = [d(con.execute("select credit_limit from ledger_customers where name=?", (spec[1],)).fetchone()[0])]
    elif k == "CUST":
        C = [spec[1]]
    elif k == "SO":  # a sales order: its customer and amount
        n, a = con.execute("select c.name, o.amount from ledger_sales_orders o join ledger_customers c using(customer_id) where order_id=?", (spec[1],)).fetchone()
        C = [n]; A = [d(a)]
    else:
        raise ValueError(spec)
    return {"customers": C, "amounts": A, "invoices": I}

def build(folder):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=os.path.join(folder, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    fx = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "csv") + "/"
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{folder}/demo.db"], env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", fx + "customers.csv", "--invoices", fx + "invoices.csv",
                    "--payments", fx + "payments.csv", "--sales-orders", fx + "sales_orders.csv",
                    "--db", f"sqlite:///{folder}/imported.db"], env=env, check=True, capture_output=True)

def cons(folder):
    return {db: sqlite3.connect(os.path.join(folder, db + ".db")) for db in ("demo", "imported")}

def main():
    if "--write" in sys.argv:
        cs = cons(HERE)
        with open(os.path.join(HERE, "dev25.jsonl"), "w") as f:
            for text, intent, cust, inv, prop, action, db, spec in ROWS:
                f.write(json.dumps({"text": text, "intent": intent, "entities": {"customer": cust, "invoice": inv},
                                    "facts": facts(cs[db], spec), "proposal": prop, "action": action, "db": db}) + "\n")
        print(len(ROWS), "rows written")
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            build(tmp)
            cs = cons(tmp)
            rows = [json.loads(l) for l in open(os.path.join(HERE, "dev25.jsonl"))]
            assert len(rows) == len(ROWS)
            bad = 0
            for r, (text, *_, spec) in zip(rows, ROWS):
                assert r["text"] == text
                if facts(cs[r["db"]], spec) != r["facts"]:
                    bad += 1; print("DISAGREE:", text[:70])
            print(bad, "rows disagree")

if __name__ == "__main__":
    main()
