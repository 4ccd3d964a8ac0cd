"""dev26 facts: recompute every row's facts from SQL on freshly built ledgers.
Usage: python dev26_facts.py --check   (rebuild both ledgers in a temp dir, print disagreeing rows)
       python dev26_facts.py --build   (used by the writer: fill facts in dev26.jsonl from dev26_specs.json)
Amounts in the ledger are integer minor units (cents); every currency here has 2 places."""
from pathlib import Path
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = "2026-11-21"
CSV = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "csv")

def build(d):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ["PATH"])
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
                    "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, capture_output=True)
    return {"demo": f"{d}/demo.db", "imported": f"{d}/imported.db"}

def m(c):
    return str((Decimal(int(c)) / 100).quantize(Decimal("0.01")))

def facts(con, spec):
    q = lambda s, *a: con.execute(s, a).fetchall()
    kind, _, arg = spec.partition(":")
    cust, amts, invs = [], [], []
    if kind == "bal":      # one customer's open balance
        (v,), = q("select sum(i.balance) from ledger_invoices i join ledger_customers c using(customer_id) where c.name=? and i.balance>0", arg)
        cust, amts = [arg], [m(v)]
    elif kind == "inv":    # one invoice and its balance
        (v,), = q("select balance from ledger_invoices where invoice_number=?", arg)
        invs, amts = [arg], [m(v)]
    elif kind == "total":
        amts = [m(v) for (v,) in q("select sum(balance) from ledger_invoices where balance>0 group by currency order by currency")]
    elif kind == "pastdue":
        amts = [m(v) for (v,) in q("select sum(balance) from ledger_invoices where balance>0 and due_date<? group by currency order by currency", TODAY)]
    elif kind == "over":   # strictly more than N days past due
        amts = [m(v) for (v,) in q("select sum(balance) from ledger_invoices where balance>0 and julianday(?)-julianday(due_date)>? group by currency order by currency", TODAY, int(arg))]
    elif kind == "top":    # first-ranked debtor per currency
        for (cur,) in q("select distinct currency from ledger_invoices where balance>0 order by currency"):
            (n, v), = q("select c.name, sum(i.balance) s from ledger_invoices i join ledger_customers c using(customer_id) where i.balance>0 and i.currency=? group by c.customer_id order by s desc limit 1", cur)
            cust.append(n); amts.append(m(v))
    elif kind == "largest":  # largest open invoice per currency
        for (cur,) in q("select distinct currency from ledger_invoices where balance>0 order by currency"):
            (n, v), = q("select invoice_number, balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", cur)
            invs.append(n); amts.append(m(v))
    elif kind == "recv":   # payments received between two dates inclusive, per currency
        a, b = arg.split(",")
        amts = [m(v) for (v,) in q("select sum(amount) from ledger_payments where received_on between ? and ? group by currency order by currency", a, b)]
    elif kind == "custrecv":  # one customer's payments between dates
        n, a, b = arg.split(",")
        (v,), = q("select sum(p.amount) from ledger_payments p join ledger_customers c using(customer_id) where c.name=? and received_on between ? and ?", n, a, b)
        cust, amts = [n], [m(v or 0)]
    elif kind == "unapplied":
        for n, v in q("select c.name, sum(p.unapplied) from ledger_payments p join ledger_customers c using(customer_id) where p.unapplied>0 group by c.customer_id order by c.name"):
            cust.append(n); amts.append(m(v))
    elif kind == "pmt":
        (v,), = q("select amount from ledger_payments where payment_id=?", arg)
        amts = [m(v)]
    elif kind == "overlimit":  # open balance strictly above the credit limit
        cust = [n for (n,) in q("select c.name from ledger_customers c join ledger_invoices i using(customer_id) where i.balance>0 and c.credit_limit is not null group by c.customer_id having sum(i.balance)>c.credit_limit order by c.name")]
    elif kind == "broken":
        cust = [n for (n,) in q("select distinct c.name from ledger_promises p join ledger_customers c using(customer_id) where p.status='broken' order by c.name")]
    elif kind == "order":
        (n, v), = q("select c.name, o.amount from ledger_sales_orders o join ledger_customers c using(customer_id) where o.order_id=?", arg)
        cust, amts = [n], [m(v)]
    elif kind == "limit":
        (v,), = q("select credit_limit from ledger_customers where name=?", arg)
        cust, amts = [arg], [m(v)]
    elif kind == "cust":
        cust = [arg]
    else:
        raise ValueError(spec)
    if not (cust or amts or invs):
        return {}   # nothing to show (e.g. no payments in the period): a correct answer says so
    return {"customers": cust, "amounts": amts, "invoices": invs}

def load_specs():
    return json.load(open(os.path.join(HERE, "dev26_specs.json")))

def main():
    rows = [json.loads(l) for l in open(os.path.join(HERE, "dev26.jsonl"))]
    specs = load_specs()
    if "--build" in sys.argv:
        dbs = {"demo": os.path.join(HERE, "demo.db"), "imported": os.path.join(HERE, "imported.db")}
    else:
        tmp = tempfile.mkdtemp(prefix="dev26_")
        dbs = build(tmp)
    cons = {k: sqlite3.connect(v) for k, v in dbs.items()}
    bad = 0
    for i, r in enumerate(rows):
        spec = specs.get(r["text"])
        want = facts(cons[r["db"]], spec) if spec else {}
        if "--build" in sys.argv:
            r["facts"] = want
        elif r["facts"] != want:
            bad += 1
            print("DISAGREE", i, r["text"], r["facts"], want)
    if "--build" in sys.argv:
        with open(os.path.join(HERE, "dev26.jsonl"), "w") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print("built", len(rows))
    else:
        print(f"{bad} rows disagree of {len(rows)}")

if __name__ == "__main__":
    main()
