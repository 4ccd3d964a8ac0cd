#!/usr/bin/env python3
"""dev21 facts: rows + SQL that computes each row's facts.

  python dev21_facts.py --write   # build ledgers here (if missing) and write dev21.jsonl
  python dev21_facts.py --check   # rebuild both ledgers in a temp dir, recompute, print disagreements
"""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-21"
CSV = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "csv")
PLACES = {"USD": 2, "CAD": 2, "GBP": 2, "EUR": 2, "JPY": 0}


def build(d):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=str(Path(d) / "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ["PATH"])
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv",
                    "--invoices", f"{CSV}/invoices.csv", "--payments", f"{CSV}/payments.csv",
                    "--sales-orders", f"{CSV}/sales_orders.csv", "--db", f"sqlite:///{d}/imported.db"],
                   env=env, check=True, capture_output=True)
    return {"demo": sqlite3.connect(f"{d}/demo.db"), "imported": sqlite3.connect(f"{d}/imported.db")}


def money(minor, cur):
    p = PLACES.get(cur, 2)
    return str((Decimal(int(minor)) / (Decimal(10) ** p)).quantize(Decimal(1).scaleb(-p)))


def name(db, cid):
    return db.execute("select name from ledger_customers where customer_id=?", (cid,)).fetchone()[0]


def per_cur(db, where, args=()):
    rows = db.execute(f"select currency, sum(balance) from ledger_invoices where balance>0 {where} "
                      "group by currency order by currency", args).fetchall()
    return [money(s, c) for c, s in rows if s]


def facts(db, spec):
    k = spec[0]
    F = {"customers": [], "amounts": [], "invoices": []}
    if k == "none":
        return {}
    if k == "cust":                       # the customer only
        F["customers"] = [name(db, spec[1])]
    elif k == "bal":                      # one customer's open balance
        cid = spec[1]
        F["customers"] = [name(db, cid)]
        F["amounts"] = per_cur(db, "and customer_id=?", (cid,))
    elif k == "pastdue_c":                # one customer's past-due balance
        cid = spec[1]
        F["customers"] = [name(db, cid)]
        F["amounts"] = per_cur(db, "and customer_id=? and due_date<?", (cid, TODAY))
    elif k == "inv":                      # invoice(s) and their open balance
        for inv in spec[1:]:
            b, c = db.execute("select balance, currency from ledger_invoices where invoice_number=?", (inv,)).fetchone()
            F["invoices"].append(inv)
            F["amounts"].append(money(b, c))
    elif k == "po":                       # invoice found by PO number
        inv, b, c = db.execute("select invoice_number, balance, currency from ledger_invoices where po_number=?",
                               (spec[1],)).fetchone()
        F["invoices"] = [inv]
        F["amounts"] = [money(b, c)]
    elif k == "total":
        F["amounts"] = per_cur(db, "")
    elif k == "total_cur":                # open AR of one currency
        F["amounts"] = per_cur(db, "and currency=?", (spec[1],))
    elif k == "pastdue":
        F["amounts"] = per_cur(db, "and due_date<?", (TODAY,))
    elif k == "over":                     # strictly more than N days past due
        F["amounts"] = per_cur(db, "and julianday(?)-julianday(due_date) > ?", (TODAY, spec[1]))
    elif k == "top":                      # first-ranked debtor of each currency
        for (cur,) in db.execute("select distinct currency from ledger_invoices where balance>0 order by 1").fetchall():
            cid, s = db.execute("select customer_id, sum(balance) s from ledger_invoices where balance>0 and currency=? "
                                "group by customer_id order by s desc limit 1", (cur,)).fetchone()
            F["customers"].append(name(db, cid))
            F["amounts"].append(money(s, cur))
    elif k == "top_usd":                  # first-ranked USD debtor only
        cid, s = db.execute("select customer_id, sum(balance) s from ledger_invoices where balance>0 and currency='USD' "
                            "group by customer_id order by s desc limit 1").fetchone()
        F["customers"] = [name(db, cid)]
        F["amounts"] = [money(s, "USD")]
    elif k == "largest":                  # largest open invoice of each currency
        for (cur,) in db.execute("select distinct currency from ledger_invoices where balance>0 order by 1").fetchall():
            inv, b = db.execute("select invoice_number, balance from ledger_invoices where balance>0 and currency=? "
                                "order by balance desc limit 1", (cur,)).fetchone()
            F["invoices"].append(inv)
            F["amounts"].append(money(b, cur))
    elif k == "paid":                     # payments received between two dates inclusive, per currency
        rows = db.execute("select currency, sum(amount) from ledger_payments where received_on between ? and ? "
                          "group by currency order by currency", (spec[1], spec[2])).fetchall()
        F["amounts"] = [money(s, c) for c, s in rows]
    elif k == "cpaid":                    # one customer's payments between two dates
        cid = spec[1]
        rows = db.execute("select currency, sum(amount) from ledger_payments where customer_id=? and received_on between ? and ? "
                          "group by currency", (cid, spec[2], spec[3])).fetchall()
        F["customers"] = [name(db, cid)]
        F["amounts"] = [money(s, c) for c, s in rows]
    elif k == "lastpay":                  # a customer's latest payment
        cid = spec[1]
        a, c = db.execute("select amount, currency from ledger_payments where customer_id=? "
                          "order by received_on desc, payment_id desc limit 1", (cid,)).fetchone()
        F["customers"] = [name(db, cid)]
        F["amounts"] = [money(a, c)]
    elif k == "unapplied":
        rows = db.execute("select customer_id, unapplied, currency from ledger_payments where unapplied>0 "
                          "order by unapplied desc").fetchall()
        F["customers"] = [name(db, cid) for cid, _, _ in rows]
        F["amounts"] = [money(u, c) for _, u, c in rows]
    elif k == "pmt":                      # a payment by id: its amount
        cid, a, c = db.execute("select customer_id, amount, currency from ledger_payments where payment_id=?",
                               (spec[1],)).fetchone()
        F["customers"] = [name(db, cid)]
        F["amounts"] = [money(a, c)]
    elif k == "limit":                    # a customer's credit limit
        cid = spec[1]
        lim, cur = db.execute("select credit_limit, currency from ledger_customers where customer_id=?", (cid,)).fetchone()
        F["customers"] = [name(db, cid)]
        if lim is not None:
            F["amounts"] = [money(lim, cur)]
    elif k == "overlimit":                # customers whose open AR alone exceeds the limit
        rows = db.execute("select c.customer_id from ledger_customers c join ledger_invoices i on i.customer_id=c.customer_id "
                          "and i.balance>0 where c.credit_limit is not null group by c.customer_id "
                          "having sum(i.balance) > c.credit_limit order by c.customer_id").fetchall()
        F["customers"] = [name(db, r[0]) for r in rows]
    elif k == "onhold":
        rows = db.execute("select customer_id from ledger_customers where on_hold order by 1").fetchall()
        F["customers"] = [name(db, r[0]) for r in rows]
    elif k == "broken":                   # customers with a broken promise
        rows = db.execute("select distinct customer_id from ledger_promises where status='broken' order by 1").fetchall()
        F["customers"] = [name(db, r[0]) for r in rows]
    elif k == "promise_open":             # open promises
        rows = db.execute("select customer_id, amount, currency from ledger_promises where status='open' order by 1").fetchall()
        F["customers"] = [name(db, r[0]) for r in rows]
        F["amounts"] = [money(a, c) for _, a, c in rows]
    elif k == "promise_c":                # one customer's promises
        cid = spec[1]
        rows = db.execute("select amount, currency from ledger_promises where customer_id=? order by promised_on", (cid,)).fetchall()
        F["customers"] = [name(db, cid)]
        F["amounts"] = [money(a, c) for a, c in rows]
    else:
        raise ValueError(spec)
    return F


from dev21_rows import ROWS, CUST  # noqa: E402


def make(dbs):
    out = []
    for r in ROWS:
        text, intent, cust, inv, spec, proposal, action, db = r
        out.append({"text": text, "intent": intent,
                    "entities": {"customer": CUST[cust] if cust else None, "invoice": inv},
                    "facts": facts(dbs[db], spec), "proposal": proposal, "action": action, "db": db})
    return out


def main():
    if "--write" in sys.argv:
        with tempfile.TemporaryDirectory() as d:
            rows = make(build(d))
        with open(HERE / "dev21.jsonl", "w") as f:
            for o in rows:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
        print(len(rows), "rows written")
        return
    if "--check" in sys.argv:
        have = [json.loads(l) for l in open(HERE / "dev21.jsonl") if l.strip()]
        with tempfile.TemporaryDirectory() as d:
            dbs = build(d)
            bytext = {r[0]: r for r in ROWS}
            bad = 0
            for o in have:
                r = bytext.get(o["text"])
                if r is None or facts(dbs[o["db"]], r[4]) != o["facts"]:
                    bad += 1
                    print("DISAGREES:", o["text"][:80], file=sys.stderr)
        print(f"{len(have)} rows checked, {bad} disagree")
        return
    print(__doc__)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
