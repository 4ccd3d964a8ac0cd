"""Plain SQL over the ledger tables for ``evals/dev6_build.py``: the facts a correct reply must
show. Written from the table schema alone (no arbot code): money is held in cents, a balance
is open when above zero, "past due" is a due date before the business date, "over N days" is
more than N days past the due date. Amounts are per currency, never summed across currencies.

Where a phrase's boundary could fairly be read two ways (an invoice exactly N days past due
for "over N", a payment on the first day of "the last 30 days"), the amount is left out and
only the intent (and the names that do not depend on it) is kept.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from typing import Any

TODAY = date(2026, 11, 21)  # a Saturday


def money(cents: int) -> str:
    return str((Decimal(cents) / 100).quantize(Decimal("0.01")))


class Ledger:
    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path)

    def q(self, sql: str, *args: Any) -> list[tuple]:
        return list(self.db.execute(sql, args))

    def name(self, customer_id: str) -> str:
        return self.q("select name from ledger_customers where customer_id=?", customer_id)[0][0]

    # --- whole book --------------------------------------------------------------------------
    def open_totals(self, past_due: bool = False) -> list[str]:
        extra = " and due_date < ?" if past_due else ""
        args = (TODAY.isoformat(),) if past_due else ()
        rows = self.q(
            "select currency, sum(balance) from ledger_invoices where balance > 0"
            + extra
            + " group by currency order by currency",
            *args,
        )
        return [money(total) for _, total in rows]

    def open_total(self, currency: str, past_due: bool = False) -> str:
        extra = " and due_date < ?" if past_due else ""
        args = (currency, TODAY.isoformat()) if past_due else (currency,)
        total = self.q(
            "select sum(balance) from ledger_invoices where balance > 0 and currency=?" + extra,
            *args,
        )[0][0]
        return money(total or 0)

    def top(self, n: int, currency: str = "USD") -> tuple[list[str], list[str]]:
        rows = self.q(
            "select c.name, sum(i.balance) b from ledger_invoices i join ledger_customers c"
            " using (customer_id) where i.balance > 0 and i.currency=?"
            " group by c.customer_id order by b desc limit ?",
            currency,
            n,
        )
        return [r[0] for r in rows], [money(r[1]) for r in rows]

    def _over(self, days: int, strict: bool) -> list[tuple]:
        op = ">" if strict else ">="
        return self.q(
            "select c.name, i.currency, i.balance from ledger_invoices i join ledger_customers c"
            " using (customer_id) where i.balance > 0"
            f" and julianday(?) - julianday(i.due_date) {op} ?",
            TODAY.isoformat(),
            days,
        )

    def over(self, days: int, currency: str = "USD") -> tuple[list[str], list[str]]:
        """Customers with an invoice more than ``days`` past due (the two largest, in USD) and
        the total per currency; no amounts when an invoice sits exactly on the boundary."""
        strict, loose = self._over(days, True), self._over(days, False)
        totals: dict[str, int] = {}
        by_customer: dict[str, int] = {}
        for name, cur, balance in strict:
            totals[cur] = totals.get(cur, 0) + balance
            if cur == currency:
                by_customer[name] = by_customer.get(name, 0) + balance
        names = sorted(by_customer, key=lambda k: -by_customer[k])[:2]
        amounts = [money(totals[c]) for c in sorted(totals)] if len(strict) == len(loose) else []
        return names, amounts

    def over_limit(self, n: int = 2) -> list[str]:
        """The ``n`` customers furthest over their credit limit (open balance above it)."""
        rows = self.q(
            "select c.name from ledger_customers c join ledger_invoices i using (customer_id)"
            " where i.balance > 0 and c.credit_limit is not null group by c.customer_id"
            " having sum(i.balance) > c.credit_limit"
            " order by sum(i.balance) - c.credit_limit desc limit ?",
            n,
        )
        return [r[0] for r in rows]

    def on_hold(self) -> list[str]:
        return [r[0] for r in self.q("select name from ledger_customers where on_hold")]

    def largest(self, n: int) -> tuple[list[str], list[str]]:
        rows = self.q(
            "select invoice_number, balance from ledger_invoices where balance > 0"
            " and currency='USD' order by balance desc limit ?",
            n,
        )
        return [r[0] for r in rows], [money(r[1]) for r in rows]

    def received(
        self,
        start: date,
        end: date,
        customer_id: str | None = None,
        alt_start: date | None = None,
        currency: str | None = None,
    ) -> tuple[list[str], list[str]]:
        """Payers (when five or fewer) and the total per currency of payments received from
        ``start`` to ``end``; no amounts when ``alt_start`` (the other fair reading) differs."""

        def rows(first: date) -> list[tuple]:
            sql = (
                "select c.name, p.currency, p.amount from ledger_payments p join"
                " ledger_customers c using (customer_id) where p.received_on between ? and ?"
            )
            args: list[Any] = [first.isoformat(), end.isoformat()]
            if customer_id:
                sql += " and p.customer_id=?"
                args.append(customer_id)
            if currency:
                sql += " and p.currency=?"
                args.append(currency)
            return self.q(sql, *args)

        found = rows(start)
        totals: dict[str, int] = {}
        for _, cur, amount in found:
            totals[cur] = totals.get(cur, 0) + amount
        payers = sorted({r[0] for r in found})
        if alt_start is not None and sorted(rows(alt_start)) != sorted(found):
            return (payers if len(payers) <= 5 else []), []
        return (payers if len(payers) <= 5 else []), [money(totals[c]) for c in sorted(totals)]

    def unapplied(self) -> tuple[list[str], list[str]]:
        rows = self.q(
            "select c.name, p.unapplied from ledger_payments p join ledger_customers c"
            " using (customer_id) where p.unapplied > 0"
        )
        return [r[0] for r in rows], [money(r[1]) for r in rows]

    def payment(self, payment_id: str) -> tuple[list[str], list[str]]:
        rows = self.q(
            "select c.name, p.amount from ledger_payments p join ledger_customers c"
            " using (customer_id) where p.payment_id=?",
            payment_id,
        )
        return [rows[0][0]], [money(rows[0][1])]

    def promises(self, status: str) -> list[str]:
        return [
            r[0]
            for r in self.q(
                "select invoice_number from ledger_promises where status=? order by id", status
            )
        ]

    # --- one customer or invoice -----------------------------------------------------------
    def balance(self, customer_id: str, past_due: bool = False) -> str:
        extra = " and due_date < ?" if past_due else ""
        args = (customer_id, TODAY.isoformat()) if past_due else (customer_id,)
        total = self.q(
            "select sum(balance) from ledger_invoices where balance > 0 and customer_id=?" + extra,
            *args,
        )[0][0]
        return money(total or 0)

    def invoice(self, number: str) -> tuple[str, str]:
        """(the invoice's number, its open balance, or its amount when paid)."""
        number_, amount, balance = self.q(
            "select invoice_number, amount, balance from ledger_invoices where invoice_number=?",
            number,
        )[0]
        return number_, money(balance or amount)

    def by_po(self, po: str) -> str:
        return self.q("select invoice_number from ledger_invoices where po_number=?", po)[0][0]

    def last_payment_day(self, customer_id: str) -> list[str]:
        rows = self.q(
            "select amount from ledger_payments where customer_id=? and received_on ="
            " (select max(received_on) from ledger_payments where customer_id=?)",
            customer_id,
            customer_id,
        )
        return [money(r[0]) for r in rows]

    def credit_limit(self, customer_id: str) -> str:
        return money(
            self.q("select credit_limit from ledger_customers where customer_id=?", customer_id)[0][
                0
            ]
        )
