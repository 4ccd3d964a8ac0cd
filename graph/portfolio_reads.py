"""What the portfolio answers read from the ERP, aggregated as close to the data as it allows.

``book_reads(erp, today)`` gives ``SqlBookReads`` over the local ledger (sums and rankings in
SQL: ~100k open invoices would take seconds through the record-by-record port) and
``BookReads`` over any other ``ErpClient`` (the same figures from the port's reads). Both return
records and Decimals; nothing here words a reply.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from typing import Any

from graph.ar.payers import paying_habit
from integrations.erp.port import ErpClient
from integrations.erp.records import (
    AGING_BUCKET_NAMES,
    AGING_BUCKETS,
    Customer,
    Invoice,
    Payment,
    aging_bucket,
)

ZERO = Decimal("0.00")
LIST_AT_MOST = 50


@dataclass
class OpenBalance:
    """One customer's open invoices in one currency, aged by due date."""

    customer: Customer
    currency: str
    buckets: dict[str, Decimal]
    invoices: int = 0

    @property
    def total(self) -> Decimal:
        return sum(self.buckets.values(), ZERO)

    @property
    def past_due(self) -> Decimal:
        return self.total - self.buckets.get("current", ZERO)


@dataclass
class Received:
    """Payments in a period: totals per currency, and the newest of them."""

    totals: dict[str, Decimal]
    count: int
    newest: list[Payment]
    by_customer: dict[tuple[str, str], Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Habit:
    customer_id: str
    days_to_pay: Decimal
    days_beyond_terms: Decimal
    invoices_paid: int


def _cents(value: Any) -> Decimal:
    return (Decimal(int(value or 0)) / 100).quantize(Decimal("0.01"))


class BookReads:
    """The portfolio's reads through the ErpClient port (any ERP)."""

    def __init__(self, erp: ErpClient, today: date) -> None:
        self.erp = erp
        self.today = today

    @cached_property
    def _customers(self) -> dict[str, Customer]:
        return {c.customer_id: c for c in self.erp.list_customers()}

    def customers(self, ids: set[str] | None = None) -> dict[str, Customer]:
        everyone = self._customers
        return everyone if ids is None else {i: everyone[i] for i in ids if i in everyone}

    @cached_property
    def _open_invoices(self) -> list[Invoice]:
        return self.erp.invoices(open_only=True)

    def open_balances(self, customer_id: str | None = None) -> list[OpenBalance]:
        rows = []
        customers = self.customers()
        for row in self.erp.aging(self.today, customer_id):
            if row.customer_id in customers:
                buckets = {name: row.buckets.get(name, ZERO) for name in AGING_BUCKET_NAMES}
                rows.append(OpenBalance(customers[row.customer_id], row.currency, buckets))
        return rows

    def held(self) -> list[Customer]:
        """Customers on credit hold."""
        return [c for c in self.customers().values() if c.on_hold]

    def invoices_over(self, days: int, customer_id: str | None = None) -> list[Invoice]:
        """Open invoices more than ``days`` past due, oldest first."""
        if customer_id is not None:
            invoices = self.erp.invoices(customer_id, open_only=True)
        else:
            invoices = self._open_invoices
        return sorted(
            (i for i in invoices if i.days_past_due(self.today) > days),
            key=lambda i: (i.due_date, i.invoice_number),
        )

    def largest_open(self, limit: int, currency: str | None = None) -> list[Invoice]:
        invoices = [i for i in self._open_invoices if currency in (None, i.currency)]
        return sorted(invoices, key=lambda i: (-i.balance, i.invoice_number))[:limit]

    def received(self, start: date, end: date, customer_id: str | None = None) -> Received:
        payments = self.erp.payments(customer_id, since=start, until=end)
        totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
        by_customer: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
        for p in payments:
            totals[p.currency] += p.amount
            by_customer[(p.customer_id, p.currency)] += p.amount
        return Received(dict(totals), len(payments), payments[:LIST_AT_MOST], dict(by_customer))

    def unapplied(self, customer_id: str | None = None) -> list[Payment]:
        return [p for p in self.erp.payments(customer_id) if p.unapplied > 0]

    def find_payments(self, reference: str) -> list[Payment]:
        found = self.erp.get_payment(reference.upper())
        if found is not None:
            return [found]
        wanted = reference.lower()
        return [p for p in self.erp.payments() if wanted in p.reference.lower()][:10]

    def habits(self, customer_id: str | None = None) -> list[Habit]:
        payments = self.erp.payments(customer_id)
        invoices = {i.invoice_number: i for i in self.erp.invoices(customer_id, open_only=False)}
        by_customer: dict[str, list[Payment]] = defaultdict(list)
        for payment in payments:
            by_customer[payment.customer_id].append(payment)
        habits = []
        for cid, theirs in by_customer.items():
            habit = paying_habit(theirs, invoices)
            if habit.days_to_pay is not None and habit.days_beyond_terms is not None:
                habits.append(
                    Habit(cid, habit.days_to_pay, habit.days_beyond_terms, habit.applications)
                )
        return habits

    def invoices(self, numbers: set[str]) -> list[Invoice]:
        return [i for n in sorted(numbers) if (i := self.erp.get_invoice(n)) is not None]


class SqlBookReads(BookReads):
    """The same reads as SQL over the local ledger's tables."""

    def __init__(self, erp: Any, today: date) -> None:
        super().__init__(erp, today)
        from integrations.erp.local import schema

        self.engine = erp.engine
        self.t = schema

    def _rows(self, query: Any, **params: Any) -> list[Any]:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return list(conn.execute(text(query) if isinstance(query, str) else query, params))

    def customers(self, ids: set[str] | None = None) -> dict[str, Customer]:
        if ids is None:
            return super().customers()
        if not ids:
            return {}
        from sqlalchemy import select

        from integrations.erp.local.ledger import _customer

        c = self.t.customers
        found: dict[str, Customer] = {}
        wanted = sorted(ids)
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                query = select(c).where(c.c.customer_id.in_(wanted[start : start + 500]))
                for row in conn.execute(query).mappings():
                    found[row["customer_id"]] = _customer(row)
        return found

    def held(self) -> list[Customer]:
        from sqlalchemy import select

        from integrations.erp.local.ledger import _customer

        c = self.t.customers
        query = select(c).where(c.c.on_hold.is_(True)).order_by(c.c.customer_id)
        with self.engine.connect() as conn:
            return [_customer(r) for r in conn.execute(query).mappings()]

    def _bucket_case(self) -> tuple[str, dict[str, date]]:
        """SQL that names an invoice's aging bucket from its due date (portable: no date
        arithmetic in SQL, only comparisons with bound dates)."""
        parts, params = [], {}
        for index, (name, upper) in enumerate(AGING_BUCKETS):
            if upper is None:
                parts.append(f"ELSE '{name}'")
            else:
                params[f"d{index}"] = self.today - timedelta(days=upper)
                parts.append(f"WHEN due_date >= :d{index} THEN '{name}'")
        return "CASE " + " ".join(parts) + " END", params

    def open_balances(self, customer_id: str | None = None) -> list[OpenBalance]:
        case, params = self._bucket_case()
        where = "balance > 0" + (" AND customer_id = :cid" if customer_id else "")
        rows = self._rows(
            f"SELECT customer_id, currency, {case} AS bucket, SUM(balance), COUNT(*) "
            f"FROM ledger_invoices WHERE {where} GROUP BY customer_id, currency, bucket",
            cid=customer_id,
            **params,
        )
        customers = self.customers({r[0] for r in rows})
        balances: dict[tuple[str, str], OpenBalance] = {}
        for cid, currency, bucket, cents, count in rows:
            if cid not in customers:
                continue
            key = (cid, currency)
            if key not in balances:
                buckets = dict.fromkeys(AGING_BUCKET_NAMES, ZERO)
                balances[key] = OpenBalance(customers[cid], currency, buckets)
            balances[key].buckets[bucket] += _cents(cents)
            balances[key].invoices += count
        return [balances[k] for k in sorted(balances)]

    def _invoice_rows(self, *conditions: Any, order: tuple[Any, ...], limit: int | None = None):
        from sqlalchemy import select

        from integrations.erp.local.ledger import _invoice

        i = self.t.invoices.c
        query = select(self.t.invoices).where(i.balance > 0, *conditions).order_by(*order)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [_invoice(r) for r in conn.execute(query).mappings()]

    def invoices_over(self, days: int, customer_id: str | None = None) -> list[Invoice]:
        i = self.t.invoices.c
        conditions = [i.due_date < self.today - timedelta(days=days)]
        if customer_id:
            conditions.append(i.customer_id == customer_id)
        return self._invoice_rows(*conditions, order=(i.due_date, i.invoice_number))

    def largest_open(self, limit: int, currency: str | None = None) -> list[Invoice]:
        i = self.t.invoices.c
        conditions = [i.currency == currency] if currency else []
        return self._invoice_rows(
            *conditions, order=(i.balance.desc(), i.invoice_number), limit=limit
        )

    def received(self, start: date, end: date, customer_id: str | None = None) -> Received:
        where = "received_on >= :start AND received_on <= :end" + (
            " AND customer_id = :cid" if customer_id else ""
        )
        rows = self._rows(
            f"SELECT customer_id, currency, SUM(amount), COUNT(*) FROM ledger_payments "
            f"WHERE {where} GROUP BY customer_id, currency",
            start=start,
            end=end,
            cid=customer_id,
        )
        totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
        by_customer: dict[tuple[str, str], Decimal] = {}
        count = 0
        for cid, currency, cents, n in rows:
            totals[currency] += _cents(cents)
            by_customer[(cid, currency)] = _cents(cents)
            count += n
        newest = self.erp.payments(customer_id, since=start, until=end, limit=LIST_AT_MOST)
        return Received(dict(totals), count, newest, by_customer)

    def unapplied(self, customer_id: str | None = None) -> list[Payment]:
        where = "unapplied > 0" + (" AND customer_id = :cid" if customer_id else "")
        ids = [
            r[0]
            for r in self._rows(
                f"SELECT payment_id FROM ledger_payments WHERE {where} "
                "ORDER BY received_on DESC, payment_id DESC",
                cid=customer_id,
            )
        ]
        return [p for i in ids[: LIST_AT_MOST * 4] if (p := self.erp.get_payment(i))]

    def find_payments(self, reference: str) -> list[Payment]:
        found = self.erp.get_payment(reference.upper())
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

    def habits(self, customer_id: str | None = None) -> list[Habit]:
        where = " WHERE p.customer_id = :cid" if customer_id else ""
        rows = self._rows(
            "SELECT p.customer_id, p.received_on, i.invoice_date, i.due_date, a.amount "
            "FROM ledger_applications a JOIN ledger_payments p ON p.payment_id = a.payment_id "
            f"JOIN ledger_invoices i ON i.invoice_number = a.invoice_number{where}",
            cid=customer_id,
        )
        sums: dict[str, list[Decimal]] = {}
        counts: dict[str, int] = defaultdict(int)
        for cid, received, invoiced, due, cents in rows:
            received, invoiced, due = (_as_date(v) for v in (received, invoiced, due))
            amount = Decimal(int(cents))
            weight, to_pay, beyond = sums.setdefault(cid, [Decimal(0)] * 3)
            sums[cid] = [
                weight + amount,
                to_pay + amount * (received - invoiced).days,
                beyond + amount * (received - due).days,
            ]
            counts[cid] += 1
        one = Decimal("0.1")
        return [
            Habit(
                cid, (to_pay / weight).quantize(one), (beyond / weight).quantize(one), counts[cid]
            )
            for cid, (weight, to_pay, beyond) in sums.items()
            if weight
        ]

    def invoices(self, numbers: set[str]) -> list[Invoice]:
        if not numbers:
            return []
        from sqlalchemy import select

        from integrations.erp.local.ledger import _invoice

        i = self.t.invoices.c
        query = select(self.t.invoices).where(i.invoice_number.in_(sorted(numbers)))
        with self.engine.connect() as conn:
            return [_invoice(r) for r in conn.execute(query.order_by(i.invoice_number)).mappings()]


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def book_reads(erp: ErpClient, today: date) -> BookReads:
    if getattr(erp, "name", None) == "local" and hasattr(erp, "engine"):
        return SqlBookReads(erp, today)
    return BookReads(erp, today)


def bucket_of(invoice: Invoice, today: date) -> str:
    return aging_bucket(invoice.days_past_due(today))
