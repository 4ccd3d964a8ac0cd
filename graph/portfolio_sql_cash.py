"""What came in, as SQL over the local ledger's payment tables (a part of
``graph.portfolio_sql.SqlBookReads``): payments received in a period, unapplied cash, one payment
by id or bank reference, and the customers' paying habits.

Days to pay are amount-weighted over every payment application. On SQLite the ledger keeps
those sums per paying customer as it is written (``ledger_paying_habits``, migration 0006), so
"slowest payers" reads one small row per customer; elsewhere (and on a ledger from before it)
each application is read once along covering indexes (migration 0005: payments by customer
with their date, applications by payment with their invoice and amount, invoices with their
dates). Python objects are built only for the customers shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from graph.portfolio_reads import LIST_AT_MOST, Habit, Received, _cents
from integrations.erp.records import Payment

_ONE = Decimal("0.1")
# The covering index of the invoices' dates (ledger 0005), named for SQLite's planner, which
# would otherwise look each invoice up by its primary key and read the whole row.
INVOICE_DATES_INDEX = "ix_ledger_invoices_dates"


class SqlCashReads:
    """Mixed into ``SqlBookReads``: ``engine``, ``erp``, ``t`` and ``_rows`` are its."""

    engine: Any
    erp: Any
    t: Any
    _rows: Callable[..., list[Any]]

    def received(self, start: date, end: date, customer_id: str | None = None) -> Received:
        where = "received_on >= :start AND received_on <= :end" + (
            " AND customer_id = :cid" if customer_id else ""
        )
        params = {"start": start, "end": end, "cid": customer_id}
        totals: dict[str, Decimal] = {}
        count = 0
        for currency, cents, n in self._rows(
            f"SELECT currency, SUM(amount), COUNT(*) FROM ledger_payments WHERE {where} "
            "GROUP BY currency",
            **params,
        ):
            totals[currency] = _cents(cents)
            count += int(n)
        by_customer = {
            (cid, currency): _cents(cents)
            for cid, currency, cents in self._rows(
                f"SELECT customer_id, currency, SUM(amount) AS paid FROM ledger_payments "
                f"WHERE {where} GROUP BY customer_id, currency ORDER BY paid DESC "
                f"LIMIT {LIST_AT_MOST}",
                **params,
            )
        }
        newest = self.erp.payments(customer_id, since=start, until=end, limit=LIST_AT_MOST)
        return Received(totals, count, newest, by_customer)

    def unapplied(self, customer_id: str | None = None) -> list[Payment]:
        from sqlalchemy import select

        p = self.t.payments.c
        query = (
            select(self.t.payments)
            .where(p.unapplied > 0)
            .order_by(p.received_on.desc(), p.payment_id.desc())
            .limit(LIST_AT_MOST * 4)
        )
        if customer_id is not None:
            query = query.where(p.customer_id == customer_id)
        with self.engine.connect() as conn:
            rows = list(conn.execute(query).mappings())
            return self.erp._with_applications(conn, rows)  # type: ignore[no-any-return]

    def find_payments(self, reference: str) -> list[Payment]:
        from graph.portfolio_reads import payment_by_number, written_amount

        if (amount := written_amount(reference)) is not None:
            rows = self._rows(
                "SELECT payment_id FROM ledger_payments WHERE amount = :cents "
                "ORDER BY received_on DESC LIMIT 10",
                cents=int(amount * 100),
            )
            return [p for (i,) in rows if (p := self.erp.get_payment(i))]
        found = payment_by_number(self.erp, reference)
        if found is not None:
            return [found]
        ids = [
            r[0]
            for r in self._rows(
                "SELECT payment_id FROM ledger_payments WHERE LOWER(reference) LIKE :ref "
                "ORDER BY received_on DESC LIMIT 10",
                ref=f"%{reference.lower()}%",
            )
        ]
        return [p for i in ids if (p := self.erp.get_payment(i))]

    def _habit_rows(self, customer_id: str | None) -> list[Any]:
        """(customer, weight, weighted days to pay, weighted days beyond terms, applications):
        on SQLite the sums the ledger keeps as it is written (migration 0006), else payments
        first (by customer), then each one's applications, then their invoices."""
        if self.engine.dialect.name == "sqlite":
            from sqlalchemy.exc import OperationalError

            try:
                return self._rows(
                    "SELECT customer_id, weight, to_pay, beyond, applications "
                    "FROM ledger_paying_habits"
                    + (" WHERE customer_id = :cid" if customer_id else "")
                    + " ORDER BY customer_id",
                    cid=customer_id,
                )
            except OperationalError:  # a ledger from before migration 0006
                pass
        return self._joined_habit_rows(customer_id)

    def _joined_habit_rows(self, customer_id: str | None) -> list[Any]:
        if self.engine.dialect.name == "sqlite":
            to_pay = "julianday(p.received_on) - julianday(i.invoice_date)"
            beyond = "julianday(p.received_on) - julianday(i.due_date)"
            invoices = f"ledger_invoices i INDEXED BY {INVOICE_DATES_INDEX}"
        else:
            to_pay, beyond = "(p.received_on - i.invoice_date)", "(p.received_on - i.due_date)"
            invoices = "ledger_invoices i"
        where = " AND p.customer_id = :cid" if customer_id else ""
        return self._rows(
            f"SELECT p.customer_id, SUM(a.amount), SUM(a.amount * ({to_pay})), "
            f"SUM(a.amount * ({beyond})), COUNT(*) FROM ledger_payments p "
            f"CROSS JOIN ledger_applications a CROSS JOIN {invoices} "
            f"WHERE a.payment_id = p.payment_id AND i.invoice_number = a.invoice_number{where} "
            "GROUP BY p.customer_id",
            cid=customer_id,
        )

    def habits(self, customer_id: str | None = None) -> list[Habit]:
        return [_habit(*row) for row in self._habit_rows(customer_id) if row[1]]

    def slowest(self, at_most: int, fastest: bool = False) -> tuple[int, list[Habit]]:
        """How many customers have paid anything, and the ``at_most`` furthest beyond terms
        (the least far, ``fastest``; ties by customer id), as ``BookReads.slowest`` ranks them:
        only the candidates near the cut are made Decimals."""
        rows = [r for r in self._habit_rows(None) if r[1]]
        if not rows:
            return 0, []
        sign = 1.0 if fastest else -1.0  # ascending order of sign × days beyond terms

        def key(row: Any) -> float:
            return sign * float(row[3]) / float(row[1])

        cut = sorted(key(r) for r in rows)[min(at_most, len(rows)) - 1] + 0.1
        candidates = [_habit(*r) for r in rows if key(r) <= cut]  # past it none reaches the top
        ranked = sorted(
            candidates, key=lambda h: (Decimal(int(sign)) * h.days_beyond_terms, h.customer_id)
        )
        return len(rows), ranked[:at_most]


def _habit(cid: str, weight: Any, days: Any, late: Any, count: Any) -> Habit:
    return Habit(
        cid,
        (Decimal(str(days)) / Decimal(int(weight))).quantize(_ONE, ROUND_HALF_UP),
        (Decimal(str(late)) / Decimal(int(weight))).quantize(_ONE, ROUND_HALF_UP),
        int(count),
    )


def payment_ids_ending(engine: Any, wanted: str) -> list[str]:
    """Payment ids that end with ``wanted`` (upper case), at most a few."""
    from sqlalchemy import text

    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT payment_id FROM ledger_payments WHERE UPPER(payment_id) LIKE :end "
                "ORDER BY payment_id LIMIT 5"
            ),
            {"end": f"%{wanted}"},
        ).all()
    return [r[0] for r in rows]
