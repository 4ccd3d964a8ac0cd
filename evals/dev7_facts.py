"""Plain-SQL facts for ``evals/dev7.jsonl`` (see ``dev7_build.py``): what a correct reply must
show, read from the ledger tables alone (amounts are cents in BIGINT columns), never from arbot.

Every amount is per currency; nothing is summed across currencies.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

TODAY = date(2026, 11, 21)  # business date, a Saturday

Fact = dict[str, list[str]]


def money(cents: int) -> str:
    return str((Decimal(cents) / 100).quantize(Decimal("0.01")))


def facts(
    customers: Sequence[str] = (), amounts: Sequence[str] = (), invoices: Sequence[str] = ()
) -> Fact:
    return {"customers": list(customers), "amounts": list(amounts), "invoices": list(invoices)}


class Ledger:
    """Queries on one ledger database (the demo company or the imported fixtures)."""

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path)

    def q(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        return self.db.execute(sql, args).fetchall()

    def one(self, sql: str, *args: Any) -> Any:
        rows = self.q(sql, *args)
        return rows[0][0] if rows else None

    # --- customers and invoices --------------------------------------------------------------
    def name(self, cid: str) -> str:
        return str(self.one("select name from ledger_customers where customer_id=?", cid))

    def customer_id(self, name: str) -> str:
        found = self.one("select customer_id from ledger_customers where name=?", name)
        if found is None:
            raise KeyError(name)
        return str(found)

    def invoice(self, number: str) -> tuple[str, int, int, str]:
        row = self.q(
            "select customer_id, amount, balance, currency from ledger_invoices"
            " where invoice_number=?",
            number,
        )
        if not row:
            raise KeyError(number)
        return row[0]

    def po(self, po: str) -> str:
        found = self.q("select invoice_number from ledger_invoices where po_number=?", po)
        if len(found) != 1:
            raise KeyError(po)
        return str(found[0][0])

    # --- whole book --------------------------------------------------------------------------
    def totals(self, where: str = "1=1", *args: Any) -> dict[str, int]:
        rows = self.q(
            "select currency, sum(balance) from ledger_invoices i where balance>0 and "
            + where
            + " group by currency",
            *args,
        )
        return {cur: int(total) for cur, total in rows}

    def days_past_due_counts(self, n: int) -> int:
        """Open invoices exactly ``n`` days past due (an ambiguous edge for "over n")."""
        return int(
            self.one(
                "select count(*) from ledger_invoices where balance>0 and due_date=?",
                (TODAY - timedelta(days=n)).isoformat(),
            )
        )

    def over(self, n: int) -> dict[str, int]:
        cut = (TODAY - timedelta(days=n)).isoformat()
        return self.totals("due_date < ?", cut)

    def over_customers(self, n: int) -> list[str]:
        """Customers with an open invoice more than ``n`` days past due (strictly: they are over
        whether or not an invoice exactly ``n`` days past due counts)."""
        cut = (TODAY - timedelta(days=n)).isoformat()
        rows = self.q(
            "select distinct c.name from ledger_invoices i join ledger_customers c"
            " using(customer_id) where i.balance>0 and i.due_date < ? order by 1",
            cut,
        )
        return [r[0] for r in rows]

    def balances(self, currency: str) -> list[tuple[str, str, int]]:
        return self.q(
            "select c.customer_id, c.name, sum(i.balance) b from ledger_invoices i"
            " join ledger_customers c using(customer_id) where i.balance>0 and i.currency=?"
            " group by c.customer_id order by b desc",
            currency,
        )

    def over_limit(self) -> list[tuple[str, int, int]]:
        return self.q(
            "select c.name, sum(i.balance) b, c.credit_limit from ledger_invoices i"
            " join ledger_customers c using(customer_id) where i.balance>0"
            " and i.currency=c.currency and c.credit_limit is not null"
            " group by c.customer_id having b > c.credit_limit order by b - c.credit_limit desc"
        )

    def on_hold(self) -> list[str]:
        return [r[0] for r in self.q("select name from ledger_customers where on_hold order by 1")]

    def largest(self, k: int, currency: str | None = None) -> list[tuple[str, int]]:
        where = "and currency=?" if currency else ""
        args = (currency,) if currency else ()
        return self.q(
            "select invoice_number, balance from ledger_invoices where balance>0 "
            + where
            + " order by balance desc limit ?",
            *args,
            k,
        )

    def received(
        self, start: date, end: date, cid: str | None = None
    ) -> tuple[list[str], dict[str, int]]:
        where = "received_on between ? and ?" + (" and customer_id=?" if cid else "")
        args: tuple[Any, ...] = (start.isoformat(), end.isoformat()) + ((cid,) if cid else ())
        payers = self.q(
            "select distinct c.name from ledger_payments p join ledger_customers c"
            " using(customer_id) where " + where.replace("customer_id", "p.customer_id"),
            *args,
        )
        totals = self.q(
            "select currency, sum(amount) from ledger_payments where "
            + where
            + " group by currency",
            *args,
        )
        return [p[0] for p in payers], {c: int(t) for c, t in totals}

    def unapplied(self) -> list[tuple[str, str, int, str]]:
        return self.q(
            "select p.payment_id, c.name, p.unapplied, p.currency from ledger_payments p"
            " join ledger_customers c using(customer_id) where p.unapplied>0 order by 1"
        )

    def payment(self, pid: str) -> tuple[str, int, str]:
        row = self.q(
            "select customer_id, amount, currency from ledger_payments where payment_id=?", pid
        )
        if not row:
            raise KeyError(pid)
        return row[0]

    def payment_by_reference(self, words: str) -> str:
        rows = self.q("select payment_id from ledger_payments where reference like ?", words)
        if len(rows) != 1:
            raise KeyError(words)
        return str(rows[0][0])

    def promises(self, status: str) -> list[tuple[str, int, str]]:
        return self.q(
            "select c.name, p.amount, p.currency from ledger_promises p join ledger_customers c"
            " using(customer_id) where p.status=? order by p.promised_on",
            status,
        )

    def collectors(self) -> list[str]:
        return [
            r[0]
            for r in self.q(
                "select distinct collector from ledger_customers where collector is not null"
                " order by 1"
            )
        ]

    def collector_totals(self, collector: str) -> dict[str, int]:
        rows = self.q(
            "select i.currency, sum(i.balance) from ledger_invoices i join ledger_customers c"
            " using(customer_id) where i.balance>0 and c.collector=? group by 1",
            collector,
        )
        return {c: int(t) for c, t in rows}

    # --- one customer ------------------------------------------------------------------------
    def customer_open(self, cid: str, past_due: bool = False) -> dict[str, int]:
        where = "customer_id=?" + (" and due_date < ?" if past_due else "")
        args: tuple[Any, ...] = (cid, TODAY.isoformat()) if past_due else (cid,)
        return self.totals(where, *args)

    def last_payment_day(self, cid: str) -> list[int]:
        day = self.one("select max(received_on) from ledger_payments where customer_id=?", cid)
        if day is None:
            return []
        return [
            int(r[0])
            for r in self.q(
                "select amount from ledger_payments where customer_id=? and received_on=?",
                cid,
                day,
            )
        ]

    def credit_limit(self, cid: str) -> int | None:
        return self.one("select credit_limit from ledger_customers where customer_id=?", cid)

    def order(self, order_id: str) -> tuple[str, int, str]:
        row = self.q(
            "select customer_id, amount, status from ledger_sales_orders where order_id=?",
            order_id,
        )
        if not row:
            raise KeyError(order_id)
        return row[0]
