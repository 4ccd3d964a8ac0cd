#!/usr/bin/env python3
"""Facts for dev32.jsonl, computed by SQL on freshly built ledgers.

  python dev32_facts.py --write   # build ledgers in ./ (demo.db, imported.db) and write dev32.jsonl
  python dev32_facts.py --check   # rebuild both ledgers in a temp dir, recompute every row's facts,
                                  # print how many rows of dev32.jsonl disagree (must be 0)
Row texts, labels and fact specs live in rows.py next to this file.
"""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from dev32_rows import ROWS  # noqa: E402

TODAY = "2026-11-21"
CSV = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")

def build(d):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    for f in ("demo.db", "imported.db"):
        p = os.path.join(d, f)
        if os.path.exists(p):
            os.remove(p)
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
                    "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, capture_output=True)
    return {k: sqlite3.connect(os.path.join(d, k + ".db")) for k in ("demo", "imported")}

def money(cents):
    return str((Decimal(int(cents)) / 100).quantize(Decimal("0.01")))

def name(db, cid):
    return db.execute("select name from ledger_customers where customer_id=?", (cid,)).fetchone()[0]

def curs(cur):
    return None if cur is None else ([cur] if isinstance(cur, str) else list(cur))

def due_filter(pd):
    # pd None: every open invoice; -1: not yet due; 0: past due (due date before today);
    # N>0: more than N days past due (strict)
    if pd is None:
        return "1=1"
    if pd == -1:
        return f"i.due_date >= '{TODAY}'"
    return f"julianday('{TODAY}') - julianday(i.due_date) > {int(pd)}"

def compute(db, f):
    out = {"customers": [], "amounts": [], "invoices": []}
    k = f[0]
    if k == "multi":
        for sub in f[1]:
            r = compute(db, sub)
            for key in out:
                for v in r.get(key, []):
                    if v not in out[key]:
                        out[key].append(v)
        return out
    if k == "order":
        cid, amt = db.execute("select customer_id, amount from ledger_sales_orders where order_id=?", (f[1],)).fetchone()
        out["customers"] = [name(db, cid)]; out["amounts"] = [money(amt)]
    elif k == "cust":
        out["customers"] = [name(db, f[1])]
    elif k == "limit":
        lim = db.execute("select credit_limit from ledger_customers where customer_id=?", (f[1],)).fetchone()[0]
        out["customers"] = [name(db, f[1])]
        out["amounts"] = [money(lim)] if lim is not None else []
    elif k == "bal":
        out["customers"] = [name(db, f[1])]
        out["amounts"] = [money(a) for _, a in db.execute(
            "select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0 group by currency order by currency", (f[1],))]
    elif k == "inv":
        out["invoices"] = [f[1]]
        out["amounts"] = [money(db.execute("select balance from ledger_invoices where invoice_number=?", (f[1],)).fetchone()[0])]
    elif k == "pmt":
        cid, amt = db.execute("select customer_id, amount from ledger_payments where payment_id=?", (f[1],)).fetchone()
        out["customers"] = [name(db, cid)]; out["amounts"] = [money(amt)]
    elif k in ("top", "largest"):
        cur, pd = f[1], f[2]
        coll = f[3] if len(f) > 3 else None
        minimum = f[4] if len(f) > 4 else None
        where = f"i.balance > 0 and {due_filter(pd)}"
        if coll:
            where += " and c.collector = '%s'" % coll
        cs = curs(cur)
        if cs:
            where += " and i.currency in (%s)" % ",".join("'%s'" % c for c in cs)
        if k == "top":
            q = (f"select i.currency, c.name, sum(i.balance) s from ledger_invoices i join ledger_customers c using(customer_id) "
                 f"where {where} group by i.currency, c.customer_id order by i.currency, s desc")
        else:
            q = (f"select i.currency, i.invoice_number, i.balance s from ledger_invoices i join ledger_customers c using(customer_id) "
                 f"where {where} order by i.currency, s desc, i.invoice_number")
        seen = set()
        for ccy, who, s in db.execute(q):
            if ccy in seen:
                continue
            seen.add(ccy)
            if minimum is not None and not s > minimum:
                continue
            (out["customers"] if k == "top" else out["invoices"]).append(who)
            out["amounts"].append(money(s))
    elif k in ("recv", "recv2"):
        if k == "recv2":
            rs = [compute(db, ("recv", s, e, f[2])) for s, e in f[1]]
            return rs[0] if all(r == rs[0] for r in rs) else {}
        s, e, cid = f[1], f[2], f[3]
        cur = f[4] if len(f) > 4 else None
        q = "select currency, sum(amount) from ledger_payments where received_on between ? and ?"
        args = [s, e]
        if cid:
            q += " and customer_id=?"; args.append(cid)
            out["customers"] = [name(db, cid)]
        if cur:
            q += " and currency=?"; args.append(cur)
        q += " group by currency order by currency"
        out["amounts"] = [money(a) for _, a in db.execute(q, args)]
    elif k in ("total", "pastdue_total", "over"):
        w = {"total": "1=1", "pastdue_total": due_filter(0), "over": due_filter(f[1] if len(f) > 1 else 0)}[k]
        out["amounts"] = [money(a) for _, a in db.execute(
            f"select currency, sum(balance) from ledger_invoices i where balance>0 and {w} group by currency order by currency")]
    elif k == "unapplied":
        out["amounts"] = [money(a) for _, a in db.execute(
            "select currency, sum(unapplied) from ledger_payments where unapplied>0 group by currency order by currency")]
        payers = [r[0] for r in db.execute(
            "select distinct c.name from ledger_payments p join ledger_customers c using(customer_id) where p.unapplied>0 order by c.name")]
        if len(payers) <= 3:
            out["customers"] = payers
    else:
        raise ValueError(f)
    return out

def row_json(dbs, r):
    facts = {} if r["f"] is None else compute(dbs[r["db"]], r["f"])
    return {"text": r["text"], "intent": r["intent"], "entities": {"customer": r["c"], "invoice": r["i"]},
            "facts": facts, "proposal": r["p"], "action": r["a"] if r["intent"] == "action_request" else None,
            "db": r["db"]}

def main():
    path = os.path.join(HERE, "dev32.jsonl")
    if "--write" in sys.argv:
        dbs = build(HERE)
        with open(path, "w") as fh:
            for r in ROWS:
                fh.write(json.dumps(row_json(dbs, r), ensure_ascii=False) + "\n")
        print(f"wrote {len(ROWS)} rows")
        return
    if "--check" in sys.argv:
        rows = [json.loads(l) for l in open(path) if l.strip()]
        with tempfile.TemporaryDirectory() as d:
            dbs = build(d)
            bad = 0
            for n, row in enumerate(rows):
                spec = next((r for r in ROWS if r["text"] == row["text"]), None)
                if spec is None:
                    print("no spec for row", n + 1, row["text"]); bad += 1; continue
                want = {} if spec["f"] is None else compute(dbs[row["db"]], spec["f"])
                if want != row["facts"]:
                    bad += 1
                    print(f"row {n + 1} disagrees: {row['text']!r}\n  file {row['facts']}\n  sql  {want}")
        print(f"{len(rows)} rows checked, {bad} disagree")
        return
    print(__doc__)

if __name__ == "__main__":
    main()
