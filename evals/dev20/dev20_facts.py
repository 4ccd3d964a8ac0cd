#!/usr/bin/env python3
"""dev20 facts: recompute every row's facts from SQL on freshly built ledgers.

  python dev20_facts.py --write   # (re)write dev20.jsonl from rows.py using ledgers built in a temp dir
  python dev20_facts.py --check   # rebuild both ledgers in a temp dir, recompute, print rows that disagree
"""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from rows import ROWS  # noqa: E402

TODAY = "2026-11-21"
CSV = str(__import__("pathlib").Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "csv")
PLACES = {"USD": 2, "CAD": 2, "EUR": 2, "GBP": 2, "JPY": 0}


def build(tmp):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=os.path.join(tmp, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{tmp}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
                    "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
                    "--db", f"sqlite:///{tmp}/imported.db"], env=env, check=True, capture_output=True)
    return {"demo": sqlite3.connect(f"{tmp}/demo.db"), "imported": sqlite3.connect(f"{tmp}/imported.db")}


def money(cents, ccy):
    p = PLACES.get(ccy, 2)
    return str((Decimal(int(cents)) / (Decimal(10) ** p)).quantize(Decimal(1).scaleb(-p)))


def name(db, cid):
    return db.execute("select name from ledger_customers where customer_id=?", (cid,)).fetchone()[0]


def per_ccy(db, sql, args=()):
    return [money(v, c) for c, v in db.execute(sql, args).fetchall() if v]


def first_per_ccy(db, sql, args=()):
    # sql returns (currency, customer_id, value) ordered by currency, value desc
    seen, out = set(), []
    for c, cid, v in db.execute(sql, args).fetchall():
        if c not in seen:
            seen.add(c); out.append(name(db, cid))
    return out


def facts(db, spec):
    if spec is None:
        return {}
    k, *a = spec
    F = {"customers": [], "amounts": [], "invoices": []}
    if k == "cust":
        F["customers"] = [name(db, a[0])]
    elif k == "bal":  # customer's open balance
        F["customers"] = [name(db, a[0])]
        F["amounts"] = per_ccy(db, "select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0 group by currency", (a[0],))
    elif k == "pastdue_cust":
        F["customers"] = [name(db, a[0])]
        F["amounts"] = per_ccy(db, "select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0 and due_date<? group by currency", (a[0], TODAY))
    elif k == "inv":
        for inv in a:
            b, c = db.execute("select balance, currency from ledger_invoices where invoice_number=?", (inv,)).fetchone()
            F["invoices"].append(inv); F["amounts"].append(money(b, c))
    elif k == "inv_only":
        F["invoices"] = list(a)
    elif k == "total_ar":
        F["amounts"] = per_ccy(db, "select currency, sum(balance) from ledger_invoices where balance>0 group by currency order by currency")
    elif k == "past_due":
        F["amounts"] = per_ccy(db, "select currency, sum(balance) from ledger_invoices where balance>0 and due_date<? group by currency order by currency", (TODAY,))
    elif k == "over":  # strictly more than N days past due
        F["amounts"] = per_ccy(db, "select currency, sum(balance) from ledger_invoices where balance>0 and julianday(?)-julianday(due_date)>? group by currency order by currency", (TODAY, a[0]))
    elif k == "top":
        F["customers"] = first_per_ccy(db, "select currency, customer_id, sum(balance) s from ledger_invoices where balance>0 group by currency, customer_id order by currency, s desc")
    elif k == "top_pastdue":
        F["customers"] = first_per_ccy(db, "select currency, customer_id, sum(balance) s from ledger_invoices where balance>0 and due_date<? group by currency, customer_id order by currency, s desc", (TODAY,))
    elif k == "largest":
        seen = set()
        for inv, c, b in db.execute("select invoice_number, currency, balance from ledger_invoices where balance>0 order by currency, balance desc").fetchall():
            if c not in seen:
                seen.add(c); F["invoices"].append(inv); F["amounts"].append(money(b, c))
    elif k == "recv":  # payments received between a[0] and a[1] inclusive, per currency
        F["amounts"] = per_ccy(db, "select currency, sum(amount) from ledger_payments where received_on between ? and ? group by currency order by currency", (a[0], a[1]))
    elif k == "recv_cust":
        F["customers"] = [name(db, a[0])]
        F["amounts"] = per_ccy(db, "select currency, sum(amount) from ledger_payments where customer_id=? and received_on between ? and ? group by currency", (a[0], a[1], a[2]))
    elif k == "unapplied":
        F["customers"] = [name(db, r[0]) for r in db.execute("select distinct customer_id from ledger_payments where unapplied>0 order by customer_id")]
        F["amounts"] = per_ccy(db, "select currency, sum(unapplied) from ledger_payments where unapplied>0 group by currency order by currency")
    elif k == "unapplied_cust":
        F["customers"] = [name(db, a[0])]
        F["amounts"] = per_ccy(db, "select currency, sum(unapplied) from ledger_payments where unapplied>0 and customer_id=? group by currency", (a[0],))
    elif k == "pmt":
        cid, amt, c = db.execute("select customer_id, amount, currency from ledger_payments where payment_id=?", (a[0],)).fetchone()
        F["customers"] = [name(db, cid)]; F["amounts"] = [money(amt, c)]
    elif k == "lastpmt":
        F["customers"] = [name(db, a[0])]
        r = db.execute("select amount, currency from ledger_payments where customer_id=? order by received_on desc, payment_id desc limit 1", (a[0],)).fetchone()
        if r:
            F["amounts"] = [money(*r)]
    elif k == "overlimit":  # open AR alone above the limit (over on any exposure definition)
        F["customers"] = [name(db, r[0]) for r in db.execute(
            "select c.customer_id from ledger_customers c join ledger_invoices i on i.customer_id=c.customer_id and i.balance>0 "
            "where c.credit_limit is not null group by c.customer_id having sum(i.balance)>c.credit_limit order by c.customer_id")]
    elif k == "broken":
        F["customers"] = [name(db, r[0]) for r in db.execute("select distinct customer_id from ledger_promises where status='broken' order by customer_id")]
    elif k == "limit":
        F["customers"] = [name(db, a[0])]
        r = db.execute("select credit_limit, currency from ledger_customers where customer_id=?", (a[0],)).fetchone()
        if r[0] is not None:
            F["amounts"] = [money(*r)]
    else:
        raise ValueError(spec)
    return {k2: v for k2, v in F.items()} if any(F.values()) else {}


def make_rows(dbs):
    out = []
    for r in ROWS:
        text, intent, cust, inv, spec, proposal, action, dbn = r
        db = dbs[dbn]
        out.append({"text": text, "intent": intent,
                    "entities": {"customer": name(db, cust) if cust else None, "invoice": inv},
                    "facts": facts(db, spec), "proposal": proposal, "action": action, "db": dbn})
    return out


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "--check"
    with tempfile.TemporaryDirectory() as tmp:
        dbs = build(tmp)
        rows = make_rows(dbs)
    path = os.path.join(HERE, "dev20.jsonl")
    if mode == "--write":
        with open(path, "w") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} rows")
        return
    on_disk = [json.loads(l) for l in open(path) if l.strip()]
    bad = 0
    if len(on_disk) != len(rows):
        print(f"row count differs: file {len(on_disk)} vs spec {len(rows)}")
    for i, (a, b) in enumerate(zip(on_disk, rows), 1):
        if a["facts"] != b["facts"] or a["text"] != b["text"]:
            bad += 1
            print(f"line {i}: file {a['facts']} != recomputed {b['facts']}")
    print(f"{bad} rows disagree (of {len(on_disk)})")


if __name__ == "__main__":
    main()
