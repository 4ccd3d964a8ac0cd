#!/usr/bin/env python3
"""Facts for dev42.jsonl, computed from SQL on the two ledgers.

  python dev42_facts.py --check   rebuild both ledgers in a temp dir, recompute every row's facts,
                                  print how many rows disagree with dev42.jsonl (must be 0)
Row specs live in rows.py (SPEC per row); this file interprets them.
"""
import json, os, sqlite3, subprocess, sys, tempfile
from datetime import date
from decimal import Decimal

TODAY = date(2026, 11, 21)
HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")
PLACES = {"USD": 2, "CAD": 2, "GBP": 2, "EUR": 2, "JPY": 0}
CUR_ORDER = ["USD", "CAD", "GBP", "EUR"]


def money(cents, cur):
    p = PLACES.get(cur, 2)
    return str((Decimal(cents) / (Decimal(10) ** p)).quantize(Decimal(1) / (Decimal(10) ** p)))


def build(folder):
    env = dict(os.environ, ARBOT_TODAY="2026-11-21", ARBOT_HOME=os.path.join(folder, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ["PATH"])
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db",
                    f"sqlite:///{folder}/demo.db"], env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv",
                    "--invoices", f"{CSV}/invoices.csv", "--payments", f"{CSV}/payments.csv",
                    "--sales-orders", f"{CSV}/sales_orders.csv", "--db",
                    f"sqlite:///{folder}/imported.db"], env=env, check=True, capture_output=True)
    return {"demo": sqlite3.connect(f"{folder}/demo.db"),
            "imported": sqlite3.connect(f"{folder}/imported.db")}


def _curs(rows):
    return sorted(rows, key=lambda r: CUR_ORDER.index(r[0]) if r[0] in CUR_ORDER else 99)


def name(con, cid):
    return con.execute("select name from ledger_customers where customer_id=?", (cid,)).fetchone()[0]


def per_currency_open(con, where="", args=()):
    q = ("select currency, sum(balance) from ledger_invoices where balance>0 " + where +
         " group by currency")
    return [money(s, c) for c, s in _curs(con.execute(q, args).fetchall()) if s]


def facts(con, spec):
    kind, *a = spec
    F = {"customers": [], "amounts": [], "invoices": []}
    t = TODAY.isoformat()
    if kind in ("total", "aging"):
        F["amounts"] = per_currency_open(con)
    elif kind == "pastdue":
        F["amounts"] = per_currency_open(con, "and due_date < ?", (t,))
    elif kind == "over":   # strictly more than N days past due
        F["amounts"] = per_currency_open(con, "and julianday(?) - julianday(due_date) > ?", (t, a[0]))
    elif kind == "over_cur":
        F["amounts"] = per_currency_open(con, "and julianday(?) - julianday(due_date) > ? and currency=?", (t, a[0], a[1]))
    elif kind in ("top", "top_over"):
        n = a[0] if kind == "top_over" else -100000
        cur_only = a[1] if kind == "top_over" and len(a) > 1 else (a[0] if kind == "top" and a else None)
        rows = con.execute(
            "select currency, customer_id, sum(balance) b from ledger_invoices where balance>0 "
            "and julianday(?) - julianday(due_date) > ? group by currency, customer_id "
            "order by currency, b desc", (t, n)).fetchall()
        seen = set()
        for cur, cid, b in _curs(rows):
            if cur in seen or (cur_only and cur != cur_only):
                continue
            seen.add(cur)
            F["customers"].append(name(con, cid)); F["amounts"].append(money(b, cur))
    elif kind == "largest":
        cur_only = a[0] if a else None
        rows = con.execute("select currency, invoice_number, balance from ledger_invoices "
                           "where balance>0 order by currency, balance desc").fetchall()
        seen = set()
        for cur, inv, b in _curs(rows):
            if cur in seen or (cur_only and cur != cur_only):
                continue
            seen.add(cur)
            F["invoices"].append(inv); F["amounts"].append(money(b, cur))
    elif kind == "recv":   # payments received between a[0] and a[1] inclusive, optional customer
        q = "select currency, sum(amount) from ledger_payments where received_on between ? and ?"
        args = [a[0], a[1]]
        if len(a) > 2:
            q += " and customer_id=?"; args.append(a[2]); F["customers"] = [name(con, a[2])]
        F["amounts"] = [money(s, c) for c, s in _curs(con.execute(q + " group by currency", args).fetchall())]
    elif kind == "unapplied":
        for cid, cur, u in con.execute("select customer_id, currency, sum(unapplied) from ledger_payments "
                                       "where unapplied>0 group by customer_id, currency order by customer_id"):
            F["customers"].append(name(con, cid)); F["amounts"].append(money(u, cur))
    elif kind == "pmt":
        cid, amt, cur = con.execute("select customer_id, amount, currency from ledger_payments where payment_id=?",
                                    (a[0],)).fetchone()
        F["customers"] = [name(con, cid)]; F["amounts"] = [money(amt, cur)]
    elif kind == "bal":
        F["customers"] = [name(con, a[0])]
        F["amounts"] = per_currency_open(con, "and customer_id=?", (a[0],))
    elif kind == "pastdue_c":
        F["customers"] = [name(con, a[0])]
        F["amounts"] = per_currency_open(con, "and customer_id=? and due_date < ?", (a[0], t))
    elif kind == "inv":
        for inv in a:
            b, cur = con.execute("select balance, currency from ledger_invoices where invoice_number=?",
                                 (inv,)).fetchone()
            F["invoices"].append(inv); F["amounts"].append(money(b, cur))
    elif kind == "overlimit":   # customers whose open AR alone exceeds the limit: a[] given, checked here
        for cid in a:
            b, lim = con.execute("select sum(i.balance), c.credit_limit from ledger_invoices i join ledger_customers c "
                                 "using(customer_id) where i.customer_id=?", (cid,)).fetchone()
            if lim is not None and b > lim:
                F["customers"].append(name(con, cid))
    elif kind == "promises":   # by status
        for cid, inv, amt, cur in con.execute("select customer_id, invoice_number, amount, currency from ledger_promises "
                                              "where status=? order by promised_on", (a[0],)):
            F["customers"].append(name(con, cid))
            if a[0] == "open":
                F["amounts"].append(money(amt, cur))
    elif kind == "promise_c":
        F["customers"] = [name(con, a[0])]
        for amt, cur, inv in con.execute("select amount, currency, invoice_number from ledger_promises where customer_id=?", (a[0],)):
            F["amounts"].append(money(amt, cur))
    elif kind == "last_pmt":
        amt, cur = con.execute("select amount, currency from ledger_payments where customer_id=? "
                               "order by received_on desc, payment_id desc limit 1", (a[0],)).fetchone()
        F["customers"] = [name(con, a[0])]; F["amounts"] = [money(amt, cur)]
    elif kind == "limit":
        lim, cur = con.execute("select credit_limit, currency from ledger_customers where customer_id=?", (a[0],)).fetchone()
        F["customers"] = [name(con, a[0])]
        if lim is not None:
            F["amounts"] = [money(lim, cur)]
    elif kind == "order":
        cid, amt, cur = con.execute("select customer_id, amount, currency from ledger_sales_orders where order_id=?",
                                    (a[0],)).fetchone()
        F["customers"] = [name(con, cid)]; F["amounts"] = [money(amt, cur)]
    elif kind == "cust":
        F["customers"] = [name(con, c) for c in a]
    elif kind == "none":
        return {}
    else:
        raise ValueError(spec)
    return F


def main():
    sys.path.insert(0, HERE)
    from dev42_rows import ROWS
    if "--check" not in sys.argv:
        print(__doc__); return
    with tempfile.TemporaryDirectory() as tmp:
        cons = build(tmp)
        written = [json.loads(l) for l in open(os.path.join(HERE, "dev42.jsonl"))]
        bad = 0
        if len(written) != len(ROWS):
            print(f"row count differs: file {len(written)} spec {len(ROWS)}"); bad += 1
        for w, r in zip(written, ROWS):
            got = facts(cons[r["db"]], r["spec"])
            if w["text"] != r["text"] or w["facts"] != got:
                bad += 1
                print("DISAGREE:", w["text"][:70], w["facts"], got)
        print(f"{len(written)} rows, {bad} disagreeing")


if __name__ == "__main__":
    main()
