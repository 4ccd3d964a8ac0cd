"""Fact computations by plain SQL on the two ledgers (amounts stored in minor units)."""
import sqlite3
from decimal import Decimal

TODAY = "2026-11-21"


def money(cents):
    return str((Decimal(int(cents)) / 100).quantize(Decimal("0.01")))


class F:
    def __init__(self, paths):
        self.c = {k: sqlite3.connect(v) for k, v in paths.items()}

    def q(self, db, sql, *a):
        return self.c[db].execute(sql, a).fetchall()

    def name(self, db, cid):
        return self.q(db, "select name from ledger_customers where customer_id=?", cid)[0][0]

    def cid(self, db, name):
        return self.q(db, "select customer_id from ledger_customers where name=?", name)[0][0]

    # --- whole book
    def total_ar(self, db):
        rows = self.q(db, "select currency,sum(balance) from ledger_invoices where balance>0 group by 1 order by 1")
        return {"customers": [], "amounts": [money(s) for _, s in rows], "invoices": []}

    def past_due(self, db):
        rows = self.q(db, "select currency,sum(balance) from ledger_invoices where balance>0 and due_date<? group by 1 order by 1", TODAY)
        return {"customers": [], "amounts": [money(s) for _, s in rows], "invoices": []}

    def over_days(self, db, n):
        rows = self.q(db, "select currency,sum(balance) from ledger_invoices where balance>0 and julianday(?)-julianday(due_date)>? group by 1 order by 1", TODAY, n)
        return {"customers": [], "amounts": [money(s) for _, s in rows], "invoices": []}

    def top_debtors(self, db):
        custs, amts = [], []
        for (cur,) in self.q(db, "select distinct currency from ledger_invoices where balance>0 order by 1"):
            cid, s = self.q(db, "select customer_id,sum(balance) s from ledger_invoices where balance>0 and currency=? group by 1 order by s desc limit 1", cur)[0]
            custs.append(self.name(db, cid)); amts.append(money(s))
        return {"customers": custs, "amounts": amts, "invoices": []}

    def largest(self, db):
        invs, amts = [], []
        for (cur,) in self.q(db, "select distinct currency from ledger_invoices where balance>0 order by 1"):
            n, b = self.q(db, "select invoice_number,balance from ledger_invoices where balance>0 and currency=? order by balance desc limit 1", cur)[0]
            invs.append(n); amts.append(money(b))
        return {"customers": [], "amounts": amts, "invoices": invs}

    def largest_usd(self, db):
        n, b = self.q(db, "select invoice_number,balance from ledger_invoices where balance>0 and currency='USD' order by balance desc limit 1")[0]
        return {"customers": [], "amounts": [money(b)], "invoices": [n]}

    def over_limit(self, db, names):
        # the named customers must really have open AR above their limit
        for nm in names:
            cid = self.cid(db, nm)
            lim, ar = self.q(db, "select c.credit_limit,(select sum(balance) from ledger_invoices i where i.customer_id=c.customer_id) from ledger_customers c where customer_id=?", cid)[0]
            assert lim is not None and ar > lim, nm
        return {"customers": list(names), "amounts": [], "invoices": []}

    def received(self, db, start, end, cust=None):
        sql = "select currency,sum(amount) from ledger_payments where received_on between ? and ?"
        a = [start, end]
        if cust:
            sql += " and customer_id=?"; a.append(self.cid(db, cust))
        rows = self.q(db, sql + " group by 1 order by 1", *a)
        return {"customers": [cust] if cust else [], "amounts": [money(s) for _, s in rows], "invoices": []}

    def unapplied(self, db):
        rows = self.q(db, "select customer_id,unapplied from ledger_payments where unapplied>0 order by unapplied desc")
        return {"customers": [self.name(db, c) for c, _ in rows], "amounts": [money(u) for _, u in rows], "invoices": []}

    def payment(self, db, pid):
        cid, amt = self.q(db, "select customer_id,amount from ledger_payments where payment_id=?", pid)[0]
        return {"customers": [self.name(db, cid)], "amounts": [money(amt)], "invoices": []}

    def payment_by_ref(self, db, ref):
        rows = self.q(db, "select customer_id,amount from ledger_payments where reference like ?", "%" + ref + "%")
        assert len(rows) == 1, ref
        cid, amt = rows[0]
        return {"customers": [self.name(db, cid)], "amounts": [money(amt)], "invoices": []}

    def promises(self, db, status):
        rows = self.q(db, "select customer_id,amount from ledger_promises where status=? order by promised_on", status)
        return {"customers": [self.name(db, c) for c, _ in rows], "amounts": [money(a) for _, a in rows], "invoices": []}

    def promise_of(self, db, cust):
        rows = self.q(db, "select invoice_number,amount from ledger_promises where customer_id=?", self.cid(db, cust))
        assert len(rows) == 1
        return {"customers": [cust], "amounts": [money(rows[0][1])], "invoices": [rows[0][0]]}

    # --- one customer / invoice
    def balance(self, db, cust):
        rows = self.q(db, "select currency,sum(balance) from ledger_invoices where balance>0 and customer_id=? group by 1 order by 1", self.cid(db, cust))
        return {"customers": [cust], "amounts": [money(s) for _, s in rows], "invoices": []}

    def group_balance(self, db, custs):
        out = {"customers": list(custs), "amounts": [], "invoices": []}
        for c in custs:
            out["amounts"] += self.balance(db, c)["amounts"]
        return out

    def cust_past_due(self, db, cust):
        rows = self.q(db, "select currency,sum(balance) from ledger_invoices where balance>0 and due_date<? and customer_id=? group by 1", TODAY, self.cid(db, cust))
        return {"customers": [cust], "amounts": [money(s) for _, s in rows], "invoices": []}

    def invoice(self, db, inv):
        (b,) = self.q(db, "select balance from ledger_invoices where invoice_number=?", inv)[0]
        return {"customers": [], "amounts": [money(b)], "invoices": [inv]}

    def invoice_po(self, db, po):
        n, b = self.q(db, "select invoice_number,balance from ledger_invoices where po_number=?", po)[0]
        return {"customers": [], "amounts": [money(b)], "invoices": [n]}

    def last_payment(self, db, cust):
        pid, amt = self.q(db, "select payment_id,amount from ledger_payments where customer_id=? order by received_on desc, payment_id desc limit 1", self.cid(db, cust))[0]
        return {"customers": [cust], "amounts": [money(amt)], "invoices": []}

    def limit(self, db, cust):
        (lim,) = self.q(db, "select credit_limit from ledger_customers where name=?", cust)[0]
        return {"customers": [cust], "amounts": [money(lim)] if lim is not None else [], "invoices": []}

    def order(self, db, so):
        cid, amt = self.q(db, "select customer_id,amount from ledger_sales_orders where order_id=?", so)[0]
        return {"customers": [self.name(db, cid)], "amounts": [money(amt)], "invoices": []}

    def cust(self, db, cust):
        return {"customers": [cust], "amounts": [], "invoices": []}


def compute(f, spec, db):
    if spec is None:
        return {}
    fn, *args = spec
    return getattr(f, fn)(db, *args)
