"""Facts for dev41.jsonl, computed by plain SQL on the two ledgers.

    python dev41_facts.py --check     rebuild both ledgers in a temp dir, recompute every row's
                                      facts from dev41_specs.json and print how many rows disagree
Used by rows.py (import) to fill the facts when the file is written.
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = "2026-11-21"
CSV = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")


def build(folder):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=os.path.join(folder, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    demo = os.path.join(folder, "demo.db")
    imp = os.path.join(folder, "imported.db")
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{demo}"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv",
                    "--invoices", f"{CSV}/invoices.csv", "--payments", f"{CSV}/payments.csv",
                    "--sales-orders", f"{CSV}/sales_orders.csv", "--db", f"sqlite:///{imp}"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
    return {"demo": demo, "imported": imp}


def money(cents):
    return str((Decimal(int(cents)) / 100).quantize(Decimal("0.01")))


def cust_id(con, name):
    return con.execute("select customer_id from ledger_customers where name=?", (name,)).fetchone()[0]


def per_currency(rows):
    return [money(v) for _, v in sorted(rows) if v]


def spec_facts(con, spec):
    """One spec -> (customers, amounts, invoices)."""
    kind, *a = spec
    c, m, i = [], [], []
    if kind == "bal":  # one customer's open balance per currency
        cid = cust_id(con, a[0])
        c.append(a[0])
        m += per_currency(con.execute("select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0 group by currency", (cid,)).fetchall())
    elif kind == "pd_c":  # one customer's past-due total per currency, and the past-due invoices
        cid = cust_id(con, a[0])
        c.append(a[0])
        m += per_currency(con.execute("select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0 and due_date<? group by currency", (cid, TODAY)).fetchall())
        if len(a) > 1 and a[1] == "invoices":  # only when the question asks which invoices
            i += [r[0] for r in con.execute("select invoice_number from ledger_invoices where customer_id=? and balance>0 and due_date<? order by due_date", (cid, TODAY))]
    elif kind == "inv":  # an invoice and its open balance
        i.append(a[0])
        m.append(money(con.execute("select balance from ledger_invoices where invoice_number=?", (a[0],)).fetchone()[0]))
    elif kind == "ar":  # open AR per currency (optionally one currency)
        q = "select currency, sum(balance) from ledger_invoices where balance>0"
        args = ()
        if a:
            q += " and currency=?"
            args = (a[0],)
        m += per_currency(con.execute(q + " group by currency", args).fetchall())
    elif kind == "pastdue":
        m += per_currency(con.execute("select currency, sum(balance) from ledger_invoices where balance>0 and due_date<? group by currency", (TODAY,)).fetchall())
    elif kind == "over":  # strictly more than N days past due, per currency
        m += per_currency(con.execute("select currency, sum(balance) from ledger_invoices where balance>0 and julianday(?)-julianday(due_date) > ? group by currency", (TODAY, a[0])).fetchall())
    elif kind == "top":  # first-ranked customer by open balance, each currency (or one)
        curs = [a[0]] if a else [r[0] for r in con.execute("select distinct currency from ledger_invoices where balance>0 order by 1")]
        for cur in curs:
            name, b = con.execute("select c.name, sum(i.balance) b from ledger_invoices i join ledger_customers c on c.customer_id=i.customer_id where i.balance>0 and i.currency=? group by c.customer_id order by b desc limit 1", (cur,)).fetchone()
            c.append(name)
            m.append(money(b))
    elif kind == "largest":  # largest open invoice, each currency (or one)
        curs = [a[0]] if a else [r[0] for r in con.execute("select distinct currency from ledger_invoices where balance>0 order by 1")]
        for cur in curs:
            n, b = con.execute("select invoice_number, balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", (cur,)).fetchone()
            i.append(n)
            m.append(money(b))
    elif kind == "paid":  # payments received between two dates inclusive, per currency
        m += per_currency(con.execute("select currency, sum(amount) from ledger_payments where received_on between ? and ? group by currency", (a[0], a[1])).fetchall())
    elif kind == "paid_c":
        cid = cust_id(con, a[0])
        c.append(a[0])
        m += per_currency(con.execute("select currency, sum(amount) from ledger_payments where customer_id=? and received_on between ? and ? group by currency", (cid, a[1], a[2])).fetchall())
    elif kind == "pmt":  # a payment's amount (and its unapplied part when asked)
        amt, un = con.execute("select amount, unapplied from ledger_payments where payment_id=?", (a[0],)).fetchone()
        m.append(money(amt))
        if len(a) > 1 and a[1] == "unapplied":
            m.append(money(un))
    elif kind == "unapplied":  # unapplied cash per currency, and who it belongs to
        m += per_currency(con.execute("select currency, sum(unapplied) from ledger_payments where unapplied>0 group by currency").fetchall())
        c += [r[0] for r in con.execute("select distinct c.name from ledger_payments p join ledger_customers c on c.customer_id=p.customer_id where p.unapplied>0 order by 1")]
    elif kind == "limit":  # a customer's credit limit
        cid = cust_id(con, a[0])
        c.append(a[0])
        lim = con.execute("select credit_limit from ledger_customers where customer_id=?", (cid,)).fetchone()[0]
        if lim is not None:
            m.append(money(lim))
    elif kind == "order":  # a sales order's customer and amount, and that customer's limit
        cid, amt = con.execute("select customer_id, amount from ledger_sales_orders where order_id=?", (a[0],)).fetchone()
        name, lim = con.execute("select name, credit_limit from ledger_customers where customer_id=?", (cid,)).fetchone()
        c.append(name)
        m.append(money(amt))
        if lim is not None:
            m.append(money(lim))
    elif kind == "broken":  # customers with a broken promise
        c += [r[0] for r in con.execute("select distinct c.name from ledger_promises p join ledger_customers c on c.customer_id=p.customer_id where p.status='broken' order by 1")]
    elif kind == "promise_open":  # open promises: who and how much
        for n, amt in con.execute("select c.name, p.amount from ledger_promises p join ledger_customers c on c.customer_id=p.customer_id where p.status='open' order by p.promised_on"):
            c.append(n)
            m.append(money(amt))
    elif kind == "promise_c":  # one customer's promises: amounts and invoices
        cid = cust_id(con, a[0])
        c.append(a[0])
        for amt, inv in con.execute("select amount, invoice_number from ledger_promises where customer_id=? order by promised_on", (cid,)):
            m.append(money(amt))
            if inv:
                i.append(inv)
    else:
        raise ValueError(kind)
    return c, m, i


def facts_for(con, specs):
    if not specs:
        return {}
    out = {"customers": [], "amounts": [], "invoices": []}
    for spec in specs:
        c, m, i = spec_facts(con, spec)
        for k, v in (("customers", c), ("amounts", m), ("invoices", i)):
            for x in v:
                if x not in out[k]:
                    out[k].append(x)
    return out


def connect(paths):
    return {k: sqlite3.connect(v) for k, v in paths.items()}


def check():
    rows = [json.loads(l) for l in open(os.path.join(HERE, "dev41.jsonl"))]
    specs = json.load(open(os.path.join(HERE, "dev41_specs.json")))
    assert len(rows) == len(specs), (len(rows), len(specs))
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        cons = connect(build(tmp))
        for n, (row, spec) in enumerate(zip(rows, specs)):
            assert spec["text"] == row["text"]
            want = facts_for(cons[row["db"]], [tuple(s) for s in spec["specs"]])
            if want != row["facts"]:
                bad += 1
                print(f"row {n + 1} disagrees: {row['text'][:60]!r}\n  file: {row['facts']}\n  sql:  {want}")
    print(f"{len(rows)} rows, {bad} disagreeing")
    return bad


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(1 if check() else 0)
    print(__doc__)
