#!/usr/bin/env python3
"""dev28: facts for every row, recomputed by SQL on freshly built ledgers.

  python dev28_facts.py --write   # (re)write dev28.jsonl from the ledgers in this folder
  python dev28_facts.py --check   # rebuild both ledgers in a temp dir, recompute every row's
                                  # facts, print the number of rows that disagree with dev28.jsonl
Amounts are stored in minor units (cents); every currency here (USD, CAD, GBP, EUR) has 2 places.
"""
import json, os, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-21"
CSV = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "csv")
sys.path.insert(0, str(HERE))
from dev28_rows import ROWS  # noqa: E402


def build(folder):
    env = dict(os.environ, ARBOT_TODAY=TODAY, ARBOT_HOME=str(Path(folder) / "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db",
                    f"sqlite:///{folder}/demo.db"], env=env, check=True, capture_output=True)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv",
                    "--invoices", f"{CSV}/invoices.csv", "--payments", f"{CSV}/payments.csv",
                    "--sales-orders", f"{CSV}/sales_orders.csv", "--db",
                    f"sqlite:///{folder}/imported.db"], env=env, check=True, capture_output=True)


def money(cents):
    return str((Decimal(int(cents)) / 100).quantize(Decimal("0.01")))


class Facts:
    def __init__(self, folder):
        self.db = {n: sqlite3.connect(f"{folder}/{n}.db") for n in ("demo", "imported")}

    def q(self, db, sql, *args):
        return self.db[db].execute(sql, args).fetchall()

    def name(self, db, cid):
        return self.q(db, "select name from ledger_customers where customer_id=?", cid)[0][0]

    def per_ccy(self, db, where, *args):
        rows = self.q(db, f"select currency, sum(balance) from ledger_invoices where balance>0 {where} "
                          "group by currency order by currency", *args)
        return [money(s) for _, s in rows]

    def compute(self, db, spec):
        if spec is None:
            return {}
        kind, *a = spec
        C, A, I = [], [], []
        if kind == "total":                       # open AR per currency
            A = self.per_ccy(db, "")
        elif kind == "pastdue":                   # due date before today, per currency
            A = self.per_ccy(db, "and due_date < ?", TODAY)
        elif kind == "over":                      # strictly more than N days past due
            A = self.per_ccy(db, "and julianday(?) - julianday(due_date) > ?", TODAY, a[0])
        elif kind == "bal":                       # one customer's open balance
            C = [self.name(db, a[0])]
            A = [money(self.q(db, "select sum(balance) from ledger_invoices where customer_id=?", a[0])[0][0])]
        elif kind == "bal_pd":                    # one customer's past-due balance
            C = [self.name(db, a[0])]
            A = [money(self.q(db, "select sum(balance) from ledger_invoices where customer_id=? and due_date<?",
                              a[0], TODAY)[0][0])]
        elif kind == "inv":                       # an invoice and its open balance (none when paid)
            I = [a[0]]
            b = self.q(db, "select balance from ledger_invoices where invoice_number=?", a[0])[0][0]
            A = [money(b)] if b else []
        elif kind == "top":                       # first-ranked customer by open AR, per currency
            for (ccy,) in self.q(db, "select distinct currency from ledger_invoices where balance>0 order by 1"):
                cid = self.q(db, "select customer_id from ledger_invoices where balance>0 and currency=? "
                                 "group by customer_id order by sum(balance) desc limit 1", ccy)[0][0]
                C.append(self.name(db, cid))
        elif kind == "top_pd":                    # first-ranked by past-due AR, per currency
            for (ccy,) in self.q(db, "select distinct currency from ledger_invoices where balance>0 and due_date<? order by 1", TODAY):
                cid = self.q(db, "select customer_id from ledger_invoices where balance>0 and due_date<? and currency=? "
                                 "group by customer_id order by sum(balance) desc limit 1", TODAY, ccy)[0][0]
                C.append(self.name(db, cid))
        elif kind == "largest":                   # largest open invoice, per currency
            for (ccy,) in self.q(db, "select distinct currency from ledger_invoices where balance>0 order by 1"):
                n, b = self.q(db, "select invoice_number, balance from ledger_invoices where balance>0 and currency=? "
                                  "order by balance desc limit 1", ccy)[0]
                I.append(n); A.append(money(b))
        elif kind == "largest_usd":               # largest open invoice in USD only (question says dollars)
            n, b = self.q(db, "select invoice_number, balance from ledger_invoices where balance>0 and currency='USD' "
                              "order by balance desc limit 1")[0]
            I, A = [n], [money(b)]
        elif kind == "largest_c":                 # one customer's largest open invoice
            n, b = self.q(db, "select invoice_number, balance from ledger_invoices where balance>0 and customer_id=? "
                              "order by balance desc limit 1", a[0])[0]
            C, I, A = [self.name(db, a[0])], [n], [money(b)]
        elif kind == "recv":                      # payments received between two dates incl., per currency
            A = [money(s) for _, s in self.q(db, "select currency, sum(amount) from ledger_payments where received_on "
                                                 "between ? and ? group by currency order by currency", a[0], a[1])]
        elif kind == "recv_c":                    # one customer's payments between two dates incl.
            C = [self.name(db, a[0])]
            A = [money(self.q(db, "select sum(amount) from ledger_payments where customer_id=? and received_on between ? and ?",
                              a[0], a[1], a[2])[0][0])]
        elif kind == "unapplied":                 # payments with unapplied money
            for cid, s in self.q(db, "select customer_id, sum(unapplied) from ledger_payments where unapplied>0 "
                                     "group by customer_id order by customer_id"):
                C.append(self.name(db, cid)); A.append(money(s))
        elif kind == "unapplied_c":
            C = [self.name(db, a[0])]
            A = [money(self.q(db, "select sum(unapplied) from ledger_payments where customer_id=?", a[0])[0][0])]
        elif kind == "pmt":                       # one payment by id
            cid, amt = self.q(db, "select customer_id, amount from ledger_payments where payment_id=?", a[0])[0]
            C, A = [self.name(db, cid)], [money(amt)]
        elif kind == "pmt_ref":                   # one payment by (part of) its reference
            rows = self.q(db, "select customer_id, amount from ledger_payments where reference like ?", f"%{a[0]}%")
            assert len(rows) == 1, (a, rows)
            C, A = [self.name(db, rows[0][0])], [money(rows[0][1])]
        elif kind == "lastpmt":                   # a customer's latest payment
            amt = self.q(db, "select amount from ledger_payments where customer_id=? order by received_on desc, payment_id desc limit 1", a[0])[0][0]
            C, A = [self.name(db, a[0])], [money(amt)]
        elif kind == "order":                     # a sales order: its customer and amount
            cid, amt = self.q(db, "select customer_id, amount from ledger_sales_orders where order_id=?", a[0])[0]
            C, A = [self.name(db, cid)], [money(amt)]
        elif kind == "limit":
            C = [self.name(db, a[0])]
            A = [money(self.q(db, "select credit_limit from ledger_customers where customer_id=?", a[0])[0][0])]
        elif kind == "overlimit":                 # open AR alone above the limit (orders only add to it)
            for cid, in self.q(db, "select c.customer_id from ledger_customers c join ledger_invoices i using(customer_id) "
                                   "where c.credit_limit is not null group by c.customer_id "
                                   "having sum(i.balance) > c.credit_limit order by c.customer_id"):
                C.append(self.name(db, cid))
        elif kind == "onhold":
            C = [self.name(db, cid) for cid, in self.q(db, "select customer_id from ledger_customers where on_hold order by 1")]
        elif kind == "broken":
            C = [self.name(db, cid) for cid, in self.q(db, "select distinct customer_id from ledger_promises where status='broken' order by 1")]
        elif kind == "promise_open":
            for cid, amt in self.q(db, "select customer_id, amount from ledger_promises where status='open' order by promised_on"):
                C.append(self.name(db, cid)); A.append(money(amt))
        elif kind == "promise_c":
            cid = a[0]
            C = [self.name(db, cid)]
            A = [money(x) for x, in self.q(db, "select amount from ledger_promises where customer_id=? order by promised_on desc limit 1", cid)]
        elif kind == "name":
            C = [self.name(db, a[0])]
        else:
            raise ValueError(kind)
        if not (C or A or I):
            return {}
        return {"customers": C, "amounts": A, "invoices": I}


def rows_with_facts(folder):
    f = Facts(folder)
    out = []
    for r in ROWS:
        db = r.get("db", "demo")
        out.append({"text": r["text"], "intent": r["intent"],
                    "entities": {"customer": r.get("customer"), "invoice": r.get("invoice")},
                    "facts": f.compute(db, r.get("f")), "proposal": bool(r.get("proposal", False)),
                    "action": r.get("action"), "db": db})
    return out


def main():
    if "--write" in sys.argv:
        rows = rows_with_facts(str(HERE))
        with open(HERE / "dev28.jsonl", "w") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} rows")
    elif "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            build(tmp)
            fresh = rows_with_facts(tmp)
        written = [json.loads(l) for l in open(HERE / "dev28.jsonl") if l.strip()]
        bad = 0
        by_text = {r["text"]: r for r in fresh}
        for w in written:
            fr = by_text.get(w["text"])
            if fr is None or fr["facts"] != w["facts"]:
                bad += 1
                print("DISAGREE:", w["text"], w["facts"], fr and fr["facts"])
        if len(written) != len(fresh):
            print(f"row count differs: file {len(written)} vs spec {len(fresh)}")
        print(f"{bad} of {len(written)} rows disagree")
        sys.exit(1 if bad else 0)
    else:
        print(__doc__)


if __name__ == "__main__":
    main()
