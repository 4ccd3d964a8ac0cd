#!/usr/bin/env python3
"""dev33 facts: rebuild both ledgers in a temp dir and compute every row's facts from SQL.

  python dev33_facts.py --write   # (re)write dev33.jsonl from the row sources
  python dev33_facts.py --check   # recompute facts for every row of dev33.jsonl, print disagreements
"""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
FIX = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")


def build(tmp):
    env = dict(os.environ, ARBOT_TODAY="2026-11-21", ARBOT_HOME=os.path.join(tmp, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{tmp}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{FIX}/customers.csv", "--invoices", f"{FIX}/invoices.csv",
                    "--payments", f"{FIX}/payments.csv", "--sales-orders", f"{FIX}/sales_orders.csv",
                    "--db", f"sqlite:///{tmp}/imported.db"], env=env, check=True, capture_output=True)
    return {"demo": sqlite3.connect(f"{tmp}/demo.db"), "imported": sqlite3.connect(f"{tmp}/imported.db")}


def money(cents):
    return str((Decimal(int(cents)) / 100).quantize(Decimal("0.01")))


def cid(db, name):
    return db.execute("select customer_id from ledger_customers where name=?", (name,)).fetchone()[0]


def facts(db, spec):
    if spec is None:
        return {}
    k = spec[0]
    C, A, N = [], [], []
    if k == "bal":
        C = [spec[1]]
        A = [money(r[0]) for r in db.execute(
            "select sum(balance) from ledger_invoices where customer_id=? and balance>0 group by currency order by currency",
            (cid(db, spec[1]),))]
    elif k in ("pastdue", "over"):
        # past due: due before the business date; "over N": more than N days past due (strict)
        days = spec[2] if k == "over" else 0
        C = [spec[1]]
        A = [money(r[0]) for r in db.execute(
            "select sum(balance) from ledger_invoices where customer_id=? and balance>0 "
            "and julianday('2026-11-21') - julianday(due_date) > ? group by currency order by currency",
            (cid(db, spec[1]), days))]
    elif k == "inv":
        N = list(spec[1:])
        A = [money(db.execute("select balance from ledger_invoices where invoice_number=?", (n,)).fetchone()[0]) for n in N]
    elif k == "pay":
        A = [money(db.execute("select amount from ledger_payments where payment_id=?", (spec[1],)).fetchone()[0])]
    elif k == "limit":
        C = [spec[1]]
        lim = db.execute("select credit_limit from ledger_customers where name=?", (spec[1],)).fetchone()[0]
        A = [money(lim)] if lim is not None else []
    elif k == "order":
        name, amt = db.execute("select c.name, o.amount from ledger_sales_orders o join ledger_customers c "
                               "on c.customer_id=o.customer_id where o.order_id=?", (spec[1],)).fetchone()
        C, A = [name], [money(amt)]
    elif k == "top":
        for cur, in db.execute("select distinct currency from ledger_invoices where balance>0 order by currency").fetchall():
            name, tot = db.execute("select c.name, sum(i.balance) t from ledger_invoices i join ledger_customers c "
                                   "on c.customer_id=i.customer_id where i.balance>0 and i.currency=? "
                                   "group by c.customer_id order by t desc limit 1", (cur,)).fetchone()
            C.append(name); A.append(money(tot))
    elif k == "largest":
        for cur, in db.execute("select distinct currency from ledger_invoices where balance>0 order by currency").fetchall():
            num, bal = db.execute("select invoice_number, balance from ledger_invoices where balance>0 and currency=? "
                                  "order by balance desc limit 1", (cur,)).fetchone()
            N.append(num); A.append(money(bal))
    elif k == "aging":
        A = [money(r[0]) for r in db.execute(
            "select sum(balance) from ledger_invoices where balance>0 group by currency order by currency")]
    elif k == "pr":
        A = [money(r[0]) for r in db.execute(
            "select sum(amount) from ledger_payments where received_on between ? and ? group by currency order by currency",
            (spec[1], spec[2]))]
    elif k == "prc":
        C = [spec[1]]
        A = [money(r[0]) for r in db.execute(
            "select sum(amount) from ledger_payments where customer_id=? and received_on between ? and ? "
            "group by currency order by currency", (cid(db, spec[1]), spec[2], spec[3]))]
    elif k == "promises":
        rows = db.execute("select c.name, p.invoice_number, p.amount from ledger_promises p join ledger_customers c "
                          "on c.customer_id=p.customer_id where p.status=? order by p.promised_on", (spec[1],)).fetchall()
        C = [r[0] for r in rows]
        if spec[1] == "open":
            N = [r[1] for r in rows if r[1]]; A = [money(r[2]) for r in rows]
    elif k == "promises_cust":
        C = [spec[1]]
        rows = db.execute("select invoice_number, amount from ledger_promises where customer_id=? order by promised_on",
                          (cid(db, spec[1]),)).fetchall()
        N = [r[0] for r in rows if r[0]]; A = [money(r[1]) for r in rows]
    elif k == "unapplied":
        rows = db.execute("select c.name from ledger_payments p join ledger_customers c on c.customer_id=p.customer_id "
                          "where p.unapplied>0 group by c.name order by sum(p.unapplied) desc").fetchall()
        C = [r[0] for r in rows]
        A = [money(r[0]) for r in db.execute(
            "select sum(unapplied) from ledger_payments where unapplied>0 group by currency order by currency")]
    else:
        raise ValueError(spec)
    return {"customers": C, "amounts": A, "invoices": N}


def all_rows():
    import dev33_rows_a as rows_a, dev33_rows_b as rows_b, dev33_rows_c as rows_c
    return (rows_a.LOOKALIKES + rows_b.MORE_LOOKALIKES + rows_b.ACTIONS + rows_c.MORE_ACTIONS
            + rows_c.UNKNOWN_CHANGES + rows_c.QUESTIONS)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "--check"
    rows = all_rows()
    specs = {r[0]: r[6] for r in rows}
    with tempfile.TemporaryDirectory() as tmp:
        dbs = build(tmp)
        if mode == "--write":
            with open(os.path.join(HERE, "dev33.jsonl"), "w") as out:
                for text, intent, cust, inv, action, db, spec in rows:
                    out.write(json.dumps({"text": text, "intent": intent,
                                          "entities": {"customer": cust, "invoice": inv},
                                          "facts": facts(dbs[db], spec), "proposal": intent == "action_request",
                                          "action": action, "db": db}, ensure_ascii=False) + "\n")
            print(len(rows), "rows written")
            return
        bad = 0
        n = 0
        for line in open(os.path.join(HERE, "dev33.jsonl")):
            row = json.loads(line); n += 1
            if row["text"] not in specs:
                print("no spec for:", row["text"][:80]); bad += 1; continue
            got = facts(dbs[row["db"]], specs[row["text"]])
            if got != row["facts"]:
                bad += 1; print("DISAGREE:", row["text"][:80], row["facts"], got)
        print(f"{n} rows checked, {bad} disagree")


if __name__ == "__main__":
    main()
