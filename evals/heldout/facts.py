"""The facts a correct reply must contain, computed by plain SQL on the ledger (held-out eval).

Written independently of arbot's own code: this file reads the ledger tables with ``sqlite3``
and nothing else, so a wrong report in arbot cannot leak into the expected answers.

Every row of ``utterances.jsonl`` whose id has a *fact group* in ``SPEC`` gets its ``facts``
from the query named there. A row id is ``<group>-<NN>``; the group is the id without its last
``-NN`` part. Rows whose group is not in ``SPEC`` have empty facts.

    python evals/heldout/facts.py --db sqlite:////tmp/heldout.db --check
    python evals/heldout/facts.py --db sqlite:////tmp/heldout.db --show GROUP

``--imported-db`` is the ledger built from ``imported/*.csv``; when omitted, it is built in a
temporary directory with ``arbot erp import``. Business date: 2026-11-16 (``TODAY``).

Conventions (also in README.md):
- money in the ledger is integer cents; facts are plain decimals with two places ("1234.50");
- amounts are per currency, never summed across currencies;
- aging is by due date: days past due = TODAY - due_date; buckets current (<= 0), 1-30, 31-60,
  61-90, 91-120, 120+;
- "over N days" = open invoices more than N days past due;
- over credit limit = open balance > credit_limit (a reply that also counts pending orders
  lists these customers and maybe more: the facts are the ones it must contain);
- customers are given by id (a reply may name them instead: map ids to names via the ledger).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
UTTERANCES = HERE / "utterances.jsonl"
TODAY = date(2026, 11, 16)
T = TODAY.isoformat()
MAX_LISTED = 8  # list at most this many customers / invoices as facts (the ones that matter)


def money(cents: int) -> str:
    return str((Decimal(int(cents)) / 100).quantize(Decimal("0.01")))


def facts(customers=(), amounts=(), invoices=()) -> dict:
    return {"customers": list(customers), "amounts": list(amounts), "invoices": list(invoices)}


def _rows(conn, sql, *args):
    return conn.execute(sql, args).fetchall()


# --------------------------------------------------------------------------- the queries
def total_open(conn, past_due=False, currency=None, collector=None):
    """Open balance per currency (optionally past due only, one currency, one collector)."""
    sql = (
        "select i.currency, sum(i.balance) from ledger_invoices i"
        " join ledger_customers c on c.customer_id = i.customer_id where i.balance > 0"
    )
    args = []
    if past_due:
        sql += " and i.due_date < ?"
        args.append(T)
    if currency:
        sql += " and i.currency = ?"
        args.append(currency)
    if collector:
        sql += " and c.collector = ?"
        args.append(collector)
    sql += " group by i.currency order by i.currency"
    return facts(amounts=[money(s) for _, s in _rows(conn, sql, *args)])


BUCKETS = (
    ("current", None, 0),
    ("1-30", 1, 30),
    ("31-60", 31, 60),
    ("61-90", 61, 90),
    ("91-120", 91, 120),
    ("120+", 121, None),
)


def aging_buckets(conn, currency):
    """The non-empty aging buckets of one currency (by due date)."""
    out = []
    for _, lo, hi in BUCKETS:
        sql = (
            "select sum(balance) from ledger_invoices where balance > 0 and currency = ?"
            " and cast(julianday(?) - julianday(due_date) as integer) between ? and ?"
        )
        (s,) = _rows(conn, sql, currency, T, -100000 if lo is None else lo, 100000 if hi is None else hi)[0]
        if s:
            out.append(money(s))
    return facts(amounts=out)


def top_debtors(conn, n, currency):
    sql = (
        "select customer_id, sum(balance) from ledger_invoices where balance > 0 and currency = ?"
        " group by customer_id order by sum(balance) desc limit ?"
    )
    rows = _rows(conn, sql, currency, n)
    return facts(customers=[c for c, _ in rows], amounts=[money(s) for _, s in rows])


def over_days(conn, days, currency=None):
    """Customers with open invoices more than `days` past due, and the totals per currency."""
    where = "balance > 0 and julianday(?) - julianday(due_date) > ?"
    args = [T, days]
    if currency:
        where += " and currency = ?"
        args.append(currency)
    by_customer = _rows(
        conn,
        f"select customer_id, sum(balance) from ledger_invoices where {where}"
        " group by customer_id order by sum(balance) desc",
        *args,
    )
    totals = _rows(
        conn,
        f"select currency, sum(balance) from ledger_invoices where {where}"
        " group by currency order by currency",
        *args,
    )
    return facts(
        customers=[c for c, _ in by_customer[:MAX_LISTED]],
        amounts=[money(s) for _, s in totals],
    )


def over_limit(conn):
    sql = (
        "select c.customer_id from ledger_customers c join ledger_invoices i"
        " on i.customer_id = c.customer_id where i.balance > 0 and c.credit_limit is not null"
        " group by c.customer_id having sum(i.balance) > c.credit_limit"
        " order by sum(i.balance) - c.credit_limit desc"
    )
    return facts(customers=[c for (c,) in _rows(conn, sql)])


def on_hold(conn):
    sql = "select customer_id from ledger_customers where on_hold order by customer_id"
    return facts(customers=[c for (c,) in _rows(conn, sql)])


def largest_invoices(conn, n, currency=None, customer=None):
    sql = "select invoice_number, balance from ledger_invoices where balance > 0"
    args = []
    if currency:
        sql += " and currency = ?"
        args.append(currency)
    if customer:
        sql += " and customer_id = ?"
        args.append(customer)
    sql += " order by balance desc limit ?"
    rows = _rows(conn, sql, *args, n)
    return facts(invoices=[i for i, _ in rows], amounts=[money(b) for _, b in rows])


def payments_between(conn, start, end, customer=None):
    """Payments received start..end (inclusive). With a customer: each payment's amount;
    without: the payers (when few) and the totals per currency."""
    where = "received_on between ? and ?"
    args = [start, end]
    if customer:
        rows = _rows(
            conn,
            f"select amount from ledger_payments where {where} and customer_id = ? order by received_on",
            *args,
            customer,
        )
        return facts(customers=[customer], amounts=[money(a) for (a,) in rows])
    payers = _rows(
        conn,
        f"select customer_id from ledger_payments where {where} group by customer_id"
        " order by sum(amount) desc",
        *args,
    )
    totals = _rows(
        conn,
        f"select currency, sum(amount) from ledger_payments where {where}"
        " group by currency order by currency",
        *args,
    )
    listed = [c for (c,) in payers] if len(payers) <= MAX_LISTED else []
    return facts(customers=listed, amounts=[money(s) for _, s in totals])


def unapplied(conn):
    rows = _rows(
        conn,
        "select customer_id, unapplied from ledger_payments where unapplied > 0"
        " order by unapplied desc",
    )
    return facts(customers=[c for c, _ in rows], amounts=[money(u) for _, u in rows])


def payment(conn, payment_id):
    (cid, amount, unapp) = _rows(
        conn, "select customer_id, amount, unapplied from ledger_payments where payment_id = ?", payment_id
    )[0]
    invoices = [
        i
        for (i,) in _rows(
            conn,
            "select invoice_number from ledger_applications where payment_id = ? order by invoice_number",
            payment_id,
        )
    ]
    return facts(customers=[cid], amounts=[money(amount)], invoices=invoices)


def days_to_pay(conn, customer):
    """The customer only (the days are in the --show output, not a fact: simple and
    amount-weighted means differ, and both are right if the reply says which)."""
    return facts(customers=[customer])


def days_to_pay_detail(conn, customer):
    rows = _rows(
        conn,
        "select julianday(a.applied_on) - julianday(i.invoice_date),"
        " julianday(a.applied_on) - julianday(i.due_date), a.amount"
        " from ledger_applications a join ledger_invoices i on i.invoice_number = a.invoice_number"
        " where i.customer_id = ?",
        customer,
    )
    if not rows:
        return None
    n = len(rows)
    w = sum(r[2] for r in rows)
    return {
        "payments_applied": n,
        "mean_days_to_pay": round(sum(r[0] for r in rows) / n, 1),
        "weighted_days_to_pay": round(sum(r[0] * r[2] for r in rows) / w, 1),
        "mean_days_beyond_terms": round(sum(r[1] for r in rows) / n, 1),
    }


def disputes(conn):
    rows = _rows(
        conn,
        "select distinct invoice_number from ledger_notes where invoice_number is not null"
        " and lower(text) like '%disput%' order by invoice_number",
    )
    return facts(invoices=[i for (i,) in rows])


def promises(conn, status, customer=None):
    """status 'broken', or 'due' (open promises from today on)."""
    if status == "due":
        sql = "select customer_id, invoice_number, amount from ledger_promises where status = 'open' and promised_on >= ?"
        args = [T]
    else:
        sql = "select customer_id, invoice_number, amount from ledger_promises where status = ?"
        args = [status]
    if customer:
        sql += " and customer_id = ?"
        args.append(customer)
    rows = _rows(conn, sql + " order by promised_on", *args)
    return facts(
        customers=[c for c, _, _ in rows],
        invoices=[i for _, i, _ in rows if i],
        amounts=[money(a) for _, _, a in rows],
    )


def nothing(conn):
    return facts()


# --------------------------------------------------------------------------- fact groups
# group -> (database, query, kwargs). The utterances of one group are paraphrases of one question.
SPEC: dict[str, tuple[str, object, dict]] = {
    # aging report
    "aging-all": ("demo", total_open, {}),
    "aging-usd": ("demo", aging_buckets, {"currency": "USD"}),
    "aging-cad": ("demo", aging_buckets, {"currency": "CAD"}),
    "aging-gbp": ("demo", aging_buckets, {"currency": "GBP"}),
    "aging-dana": ("demo", total_open, {"collector": "Dana Kim"}),
    "aging-luis": ("demo", total_open, {"collector": "Luis Ortega"}),
    "aging-imp": ("imported", total_open, {}),
    # top debtors
    "top-usd": ("demo", top_debtors, {"n": 2, "currency": "USD"}),
    "top3-usd": ("demo", top_debtors, {"n": 3, "currency": "USD"}),
    "top-cad": ("demo", top_debtors, {"n": 1, "currency": "CAD"}),
    "top-gbp": ("demo", top_debtors, {"n": 1, "currency": "GBP"}),
    "top-eur": ("demo", top_debtors, {"n": 1, "currency": "EUR"}),
    "top-imp-eur": ("imported", top_debtors, {"n": 1, "currency": "EUR"}),
    "top-imp-usd": ("imported", top_debtors, {"n": 1, "currency": "USD"}),
    # over N days
    "over90": ("demo", over_days, {"days": 90}),
    "over60": ("demo", over_days, {"days": 60}),
    "over120": ("demo", over_days, {"days": 120}),
    "over30-cad": ("demo", over_days, {"days": 30, "currency": "CAD"}),
    "over90-imp": ("imported", over_days, {"days": 90}),
    # totals
    "total-ar": ("demo", total_open, {}),
    "total-pd": ("demo", total_open, {"past_due": True}),
    "total-ar-usd": ("demo", total_open, {"currency": "USD"}),
    "total-pd-gbp": ("demo", total_open, {"past_due": True, "currency": "GBP"}),
    "total-ar-eur": ("demo", total_open, {"currency": "EUR"}),
    "total-ar-imp": ("imported", total_open, {}),
    "total-pd-imp": ("imported", total_open, {"past_due": True}),
    # credit exceptions
    "overlimit": ("demo", over_limit, {}),
    "onhold": ("demo", on_hold, {}),
    "overlimit-imp": ("imported", over_limit, {}),
    # largest open invoices
    "largest3": ("demo", largest_invoices, {"n": 3}),
    "largest1": ("demo", largest_invoices, {"n": 1}),
    "largest-cad": ("demo", largest_invoices, {"n": 2, "currency": "CAD"}),
    "largest-imp": ("imported", largest_invoices, {"n": 1, "currency": "EUR"}),
    # payments received
    "pay-today": ("demo", payments_between, {"start": T, "end": T}),
    "pay-yday": ("demo", payments_between, {"start": "2026-11-15", "end": "2026-11-15"}),
    "pay-lastweek": ("demo", payments_between, {"start": "2026-11-09", "end": "2026-11-15"}),
    "pay-oct": ("demo", payments_between, {"start": "2026-10-01", "end": "2026-10-31"}),
    "pay-nov1-7": ("demo", payments_between, {"start": "2026-11-01", "end": "2026-11-07"}),
    "pay-nov4": ("demo", payments_between, {"start": "2026-11-04", "end": "2026-11-06"}),
    "pay-nov13": ("demo", payments_between, {"start": "2026-11-13", "end": "2026-11-13"}),
    "pay-globex-range": (
        "demo",
        payments_between,
        {"start": "2026-09-01", "end": "2026-10-31", "customer": "C00003"},
    ),
    "pay-whitaker-nov": (
        "demo",
        payments_between,
        {"start": "2026-11-01", "end": "2026-11-16", "customer": "C00025"},
    ),
    "pay-imp-nov": ("imported", payments_between, {"start": "2026-11-01", "end": "2026-11-16"}),
    # unapplied cash
    "unapplied": ("demo", unapplied, {}),
    "unapplied-imp": ("imported", unapplied, {}),
    # one payment
    "pmt-234": ("demo", payment, {"payment_id": "PMT-000234"}),
    "pmt-u1": ("demo", payment, {"payment_id": "PMT-U00001"}),
    "pmt-242": ("demo", payment, {"payment_id": "PMT-000242"}),
    "pmt-247": ("demo", payment, {"payment_id": "PMT-000247"}),
    "pmt-imp-501": ("imported", payment, {"payment_id": "KP-501"}),
    # average days to pay
    "dtp-northwind": ("demo", days_to_pay, {"customer": "C00005"}),
    "dtp-globex": ("demo", days_to_pay, {"customer": "C00003"}),
    "dtp-acmeind": ("demo", days_to_pay, {"customer": "C00001"}),
    "dtp-initech": ("demo", days_to_pay, {"customer": "C00004"}),
    "dtp-pinnacle": ("demo", days_to_pay, {"customer": "C00009"}),
    # disputes
    "disputes": ("demo", disputes, {}),
    # promises to pay
    "ptp-broken": ("demo", promises, {"status": "broken"}),
    "ptp-due": ("demo", promises, {"status": "due"}),
    "ptp-kept": ("demo", promises, {"status": "kept"}),
    # approvals inbox: depends on the approval store, not the ledger
    "approvals": ("demo", nothing, {}),
}


def group_of(row_id: str) -> str:
    return row_id.rsplit("-", 1)[0]


def connect(url: str) -> sqlite3.Connection:
    prefix = "sqlite:///"
    path = url[len(prefix):] if url.startswith(prefix) else url
    if not Path(path).exists():
        sys.exit(f"no database at {path}")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def build_imported(workdir: Path) -> str:
    """Import imported/*.csv into a fresh SQLite ledger (the same command as the README)."""
    path = workdir / "imported.db"
    d = HERE / "imported"
    cmd = [
        "arbot", "erp", "import",
        "--customers", str(d / "customers.csv"),
        "--invoices", str(d / "invoices.csv"),
        "--payments", str(d / "payments.csv"),
        "--sales-orders", str(d / "sales_orders.csv"),
        "--db", f"sqlite:///{path}",
    ]
    env = dict(os.environ, ARBOT_TODAY=T, ARBOT_HOME=str(workdir))
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return f"sqlite:///{path}"


def compute(group: str, conns: dict) -> dict:
    db, query, kwargs = SPEC[group]
    return query(conns[db], **kwargs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="the demo ledger (arbot demo --size small)")
    ap.add_argument("--imported-db", help="the ledger of imported/*.csv (built when omitted)")
    ap.add_argument("--file", default=str(UTTERANCES))
    ap.add_argument("--check", action="store_true", help="fail if a row's facts disagree")
    ap.add_argument("--write", action="store_true", help="rewrite the facts of every row")
    ap.add_argument("--show", metavar="GROUP", help="print one group's facts (and days to pay)")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        imported = args.imported_db or build_imported(Path(tmp))
        conns = {"demo": connect(args.db), "imported": connect(imported)}
        meta = dict(_rows(conns["demo"], "select key, value from ledger_meta"))
        built = json.loads(meta.get("demo", "{}"))
        if (built.get("as_of"), built.get("size"), built.get("seed")) != (T, "small", 7):
            print(f"warning: the demo ledger is {built or 'not a demo'}; expected small, seed 7,"
                  f" as of {T}", file=sys.stderr)

        if args.show:
            print(json.dumps(compute(args.show, conns), indent=1))
            kw = SPEC[args.show][2]
            if SPEC[args.show][1] is days_to_pay:
                print(days_to_pay_detail(conns["demo"], kw["customer"]))
            return 0

        rows = [json.loads(line) for line in Path(args.file).read_text().splitlines() if line.strip()]
        bad = 0
        for row in rows:
            group = group_of(row["id"])
            try:
                want = compute(group, conns) if group in SPEC else facts()
            except (IndexError, sqlite3.Error) as error:  # a ledger other than the one expected
                want = {"error": repr(error)}
            if group in SPEC and SPEC[group][0] != row["db"]:
                print(f"{row['id']}: db is {row['db']}, its fact group reads {SPEC[group][0]}")
                bad += 1
            if args.write:
                row["facts"] = want
            elif row["facts"] != want:
                bad += 1
                print(f"{row['id']}: facts {row['facts']} != recomputed {want}")
        if args.write:
            Path(args.file).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
            print(f"wrote facts of {len(rows)} rows to {args.file}")
        if args.check:
            print(f"{len(rows)} rows, {sum(group_of(r['id']) in SPEC for r in rows)} with fact groups,"
                  f" {bad} disagreeing")
            return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
