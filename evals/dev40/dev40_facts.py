#!/usr/bin/env python3
"""dev40: rows + facts. `--write` computes facts on ./demo.db, ./imported.db and writes dev40.jsonl;
`--check` rebuilds both ledgers in a temp dir and recomputes every row's facts, printing the
number of rows whose stored facts disagree."""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = "2026-11-21"
CSV = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")
sys.path.insert(0, HERE)
from dev40_rows import ROWS  # noqa

def money(c):
    return str((Decimal(int(c)) / 100).quantize(Decimal("0.01")))

def q(con, sql, *a):
    return con.execute(sql, a).fetchall()

def name(con, cid):
    return q(con, "select name from ledger_customers where customer_id=?", cid)[0][0]

def per_ccy(rows):
    return [money(v) for _, v in sorted(rows)]

def facts(con, spec):
    k, *a = spec
    F = {"customers": [], "amounts": [], "invoices": []}
    if k == "bal":
        (cid,) = a
        F["customers"] = [name(con, cid)]
        F["amounts"] = per_ccy(q(con, "select currency,sum(balance) from ledger_invoices where customer_id=? and balance>0 group by 1", cid))
    elif k == "pd_c":
        (cid,) = a
        F["customers"] = [name(con, cid)]
        F["amounts"] = per_ccy(q(con, "select currency,sum(balance) from ledger_invoices where customer_id=? and balance>0 and due_date<? group by 1", cid, TODAY))
    elif k == "latest_inv":
        (cid,) = a
        inv, bal = q(con, "select invoice_number,balance from ledger_invoices where customer_id=? order by invoice_date desc, invoice_number desc limit 1", cid)[0]
        F["customers"] = [name(con, cid)]; F["invoices"] = [inv]; F["amounts"] = [money(bal)]
    elif k == "invn":
        F["invoices"] = [a[0]]
    elif k == "cust":
        F["customers"] = [name(con, a[0])]
    elif k == "inv":
        (inv,) = a
        F["invoices"] = [inv]
        F["amounts"] = [money(q(con, "select balance from ledger_invoices where invoice_number=?", inv)[0][0])]
    elif k == "aging":
        F["amounts"] = per_ccy(q(con, "select currency,sum(balance) from ledger_invoices where balance>0 group by 1"))
    elif k == "pastdue":
        F["amounts"] = per_ccy(q(con, "select currency,sum(balance) from ledger_invoices where balance>0 and due_date<? group by 1", TODAY))
    elif k == "over":  # strictly more than N days past due
        (n,) = a
        F["amounts"] = per_ccy(q(con, "select currency,sum(balance) from ledger_invoices where balance>0 and julianday(?)-julianday(due_date)>? group by 1", TODAY, n))
    elif k == "top":
        for ccy, in q(con, "select distinct currency from ledger_invoices where balance>0 order by 1"):
            cid, tot = q(con, "select customer_id,sum(balance) s from ledger_invoices where balance>0 and currency=? group by 1 order by s desc limit 1", ccy)[0]
            F["customers"].append(name(con, cid)); F["amounts"].append(money(tot))
    elif k == "top_ccy":
        (ccy,) = a
        cid, tot = q(con, "select customer_id,sum(balance) s from ledger_invoices where balance>0 and currency=? group by 1 order by s desc limit 1", ccy)[0]
        F["customers"] = [name(con, cid)]; F["amounts"] = [money(tot)]
    elif k == "top_pd":
        for ccy, in q(con, "select distinct currency from ledger_invoices where balance>0 and due_date<? order by 1", TODAY):
            cid, tot = q(con, "select customer_id,sum(balance) s from ledger_invoices where balance>0 and due_date<? and currency=? group by 1 order by s desc limit 1", TODAY, ccy)[0]
            F["customers"].append(name(con, cid)); F["amounts"].append(money(tot))
    elif k == "aging_ccy":
        (ccy,) = a
        F["amounts"] = per_ccy(q(con, "select currency,sum(balance) from ledger_invoices where balance>0 and currency=? group by 1", ccy))
    elif k == "promises_between":
        st, s, e = a
        F["customers"] = [name(con, c) for c, in q(con, "select distinct customer_id from ledger_promises where status=? and promised_on between ? and ? order by customer_id", st, s, e)]
    elif k == "top_usd":
        cid, tot = q(con, "select customer_id,sum(balance) s from ledger_invoices where balance>0 and currency='USD' group by 1 order by s desc limit 1")[0]
        F["customers"] = [name(con, cid)]; F["amounts"] = [money(tot)]
    elif k == "largest":
        for ccy, in q(con, "select distinct currency from ledger_invoices where balance>0 order by 1"):
            inv, bal = q(con, "select invoice_number,balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", ccy)[0]
            F["invoices"].append(inv); F["amounts"].append(money(bal))
    elif k == "recv":
        s, e = a
        F["amounts"] = per_ccy(q(con, "select currency,sum(amount) from ledger_payments where received_on between ? and ? group by 1", s, e))
    elif k == "recv_c":
        cid, s, e = a
        F["customers"] = [name(con, cid)]
        F["amounts"] = per_ccy(q(con, "select currency,sum(amount) from ledger_payments where customer_id=? and received_on between ? and ? group by 1", cid, s, e))
    elif k == "order":
        (so,) = a
        cid, amt = q(con, "select customer_id,amount from ledger_sales_orders where order_id=?", so)[0]
        F["customers"] = [name(con, cid)]; F["amounts"] = [money(amt)]
    elif k == "limit":
        (cid,) = a
        F["customers"] = [name(con, cid)]
        F["amounts"] = [money(q(con, "select credit_limit from ledger_customers where customer_id=?", cid)[0][0])]
    elif k == "promises":
        (st,) = a
        F["customers"] = [name(con, c) for c, in q(con, "select distinct customer_id from ledger_promises where status=? order by customer_id", st)]
    elif k == "promise_c":
        (cid,) = a
        F["customers"] = [name(con, cid)]
        F["amounts"] = [money(v) for v, in q(con, "select amount from ledger_promises where customer_id=? order by promised_on", cid)]
    elif k == "unapplied":
        F["customers"] = [name(con, c) for c, in q(con, "select distinct customer_id from ledger_payments where unapplied>0 order by customer_id")]
        F["amounts"] = per_ccy(q(con, "select currency,sum(unapplied) from ledger_payments where unapplied>0 group by 1"))
    elif k == "pmt":
        (pid,) = a
        cid, amt = q(con, "select customer_id,amount from ledger_payments where payment_id=?", pid)[0]
        F["customers"] = [name(con, cid)]; F["amounts"] = [money(amt)]
    else:
        raise ValueError(spec)
    return F

def build(d):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ["PATH"])
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
                    "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, capture_output=True)

def row_facts(cons, r):
    spec = r.get("spec")
    return facts(cons[r["db"]], spec) if spec else {}

def main():
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as d:
            build(d)
            cons = {k: sqlite3.connect(f"{d}/{k}.db") for k in ("demo", "imported")}
            stored = [json.loads(l) for l in open(os.path.join(HERE, "dev40.jsonl"))]
            assert len(stored) == len(ROWS), (len(stored), len(ROWS))
            bad = 0
            for s, r in zip(stored, ROWS):
                if s["text"] != r["text"] or s["facts"] != row_facts(cons, r):
                    bad += 1; print("DISAGREE:", s["text"], s["facts"], row_facts(cons, r))
            print(f"{bad} rows disagree (of {len(stored)})")
        return
    cons = {k: sqlite3.connect(os.path.join(HERE, f"{k}.db")) for k in ("demo", "imported")}
    with open(os.path.join(HERE, "dev40.jsonl"), "w") as f:
        for r in ROWS:
            out = {"text": r["text"], "intent": r["intent"],
                   "entities": {"customer": r.get("customer"), "invoice": r.get("invoice")},
                   "facts": row_facts(cons, r), "proposal": r.get("proposal", False),
                   "action": r.get("action"), "db": r.get("db", "demo")}
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
    print("wrote", len(ROWS))

if __name__ == "__main__":
    main()
