import sqlite3
from decimal import Decimal
TODAY = "2026-11-21"

def money(c):
    return str((Decimal(int(c)) / 100).quantize(Decimal("0.01")))

def cname(con, cid):
    return con.execute("select name from ledger_customers where customer_id=?", (cid,)).fetchone()[0]

def cid_of(con, name):
    return con.execute("select customer_id from ledger_customers where name=?", (name,)).fetchone()[0]

def F(customers=(), amounts=(), invoices=()):
    return {"customers": list(customers), "amounts": list(amounts), "invoices": list(invoices)}

def compute(con, spec):
    k = spec[0]
    if k == "none":
        return {}
    if k == "top":  # first-ranked customer per currency by open balance (past_due only optional)
        pd = len(spec) > 1 and spec[1] == "pd"
        cur = spec[2] if len(spec) > 2 else None
        q = "select currency, customer_id, sum(balance) b from ledger_invoices where balance>0" + (" and due_date<?" if pd else "") + " group by currency, customer_id order by currency, b desc"
        rows = con.execute(q, (TODAY,) if pd else ()).fetchall()
        seen = {}
        for c, cid, b in rows:
            if c not in seen and (cur is None or c == cur):
                seen[c] = (cid, b)
        return F([cname(con, v[0]) for v in seen.values()], [money(v[1]) for v in seen.values()])
    if k == "largest":  # largest open invoice per currency
        cur = spec[1] if len(spec) > 1 else None
        pd = len(spec) > 2 and spec[2] == "pd"
        out_i, out_a = [], []
        for (c,) in con.execute("select distinct currency from ledger_invoices where balance>0 order by 1"):
            if cur and c != cur: continue
            r = con.execute("select invoice_number, balance from ledger_invoices where balance>0 and currency=?" + (" and due_date<?" if pd else "") + " order by balance desc limit 1", (c, TODAY) if pd else (c,)).fetchone()
            if r: out_i.append(r[0]); out_a.append(money(r[1]))
        return F([], out_a, out_i)
    if k == "pay":  # payments received between start,end inclusive, optional customer
        _, s, e, cust = spec
        q = "select currency, sum(amount) from ledger_payments where received_on between ? and ?"
        a = [s, e]
        if cust:
            q += " and customer_id=?"; a.append(cid_of(con, cust))
        rows = con.execute(q + " group by currency order by currency", a).fetchall()
        return F([cust] if cust else [], [money(r[1]) for r in rows])
    if k == "bal":  # one customer's open balance per currency
        cid = cid_of(con, spec[1])
        rows = con.execute("select currency, sum(balance) from ledger_invoices where customer_id=? and balance>0 group by 1 order by 1", (cid,)).fetchall()
        return F([spec[1]], [money(r[1]) for r in rows])
    if k == "inv":
        r = con.execute("select balance from ledger_invoices where invoice_number=?", (spec[1],)).fetchone()
        return F([], [money(r[0])], [spec[1]])
    if k == "custinv":  # one customer's largest open invoice
        cid = cid_of(con, spec[1])
        r = con.execute("select invoice_number, balance from ledger_invoices where customer_id=? and balance>0 order by balance desc limit 1", (cid,)).fetchone()
        return F([spec[1]], [money(r[1])], [r[0]])
    if k == "pmt":
        r = con.execute("select customer_id, amount from ledger_payments where payment_id=?", (spec[1],)).fetchone()
        return F([cname(con, r[0])], [money(r[1])])
    if k == "so":  # sales order credit check: customer + order amount
        r = con.execute("select customer_id, amount from ledger_sales_orders where order_id=?", (spec[1],)).fetchone()
        return F([cname(con, r[0])], [money(r[1])])
    if k == "limit":
        cid = cid_of(con, spec[1])
        r = con.execute("select credit_limit from ledger_customers where customer_id=?", (cid,)).fetchone()
        return F([spec[1]], [money(r[0])] if r[0] is not None else [])
    if k == "total":  # total open AR per currency, optional past due only
        pd = len(spec) > 1 and spec[1] == "pd"
        rows = con.execute("select currency, sum(balance) from ledger_invoices where balance>0" + (" and due_date<?" if pd else "") + " group by 1 order by 1", (TODAY,) if pd else ()).fetchall()
        return F([], [money(r[1]) for r in rows])
    if k == "over":  # past due strictly more than N days, per currency total
        n = spec[1]
        rows = con.execute("select currency, sum(balance) from ledger_invoices where balance>0 and julianday(?)-julianday(due_date) > ? group by 1 order by 1", (TODAY, n)).fetchall()
        return F([], [money(r[1]) for r in rows])
    if k == "unapplied":
        rows = con.execute("select currency, sum(unapplied) from ledger_payments where unapplied>0 group by 1 order by 1").fetchall()
        return F([], [money(r[1]) for r in rows])
    if k == "cust":  # just the customer named
        return F([spec[1]])
    raise ValueError(spec)
