"""What the portfolio answers read from the ERP, aggregated as close to the data as it allows.

``book_reads(erp, today)`` gives ``SqlBookReads`` over the local ledger (sums and rankings in
SQL: ~100k open invoices would take seconds through the record-by-record port) and
``BookReads`` over any other ``ErpClient`` (the same figures from the port's reads). Both return
records and Decimals; nothing here words a reply.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
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
    counts: dict[str, int] = field(default_factory=dict)  # invoices per bucket
    oldest_due: dict[str, date] = field(default_factory=dict)  # per bucket

    total: Decimal = ZERO
    past_due: Decimal = ZERO

    def finish(self) -> OpenBalance:
        """Totals from the buckets, once they are filled."""
        self.total = sum(self.buckets.values(), ZERO)
        self.past_due = self.total - self.buckets.get("current", ZERO)
        return self


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


@dataclass
class OverGroup:
    """One customer's open invoices in one currency more than N days past due."""

    customer_id: str
    currency: str
    total: Decimal
    count: int
    oldest_due: date
    invoices: list[str] = field(default_factory=list)  # listed for the largest groups only


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
                rows.append(OpenBalance(customers[row.customer_id], row.currency, buckets).finish())
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

    def over_groups(
        self, days: int, customer_id: str | None = None, currency: str | None = None
    ) -> list[OverGroup]:
        """Per customer and currency, largest first; invoice numbers of the first groups."""
        groups: dict[tuple[str, str], OverGroup] = {}
        for invoice in self.invoices_over(days, customer_id):
            if currency not in (None, invoice.currency):
                continue
            key = (invoice.customer_id, invoice.currency)
            group = groups.setdefault(key, OverGroup(key[0], key[1], ZERO, 0, invoice.due_date))
            group.total += invoice.balance
            group.count += 1
            group.oldest_due = min(group.oldest_due, invoice.due_date)
            group.invoices.append(invoice.invoice_number)
        ranked = sorted(groups.values(), key=lambda g: (g.currency, -g.total, g.customer_id))
        for group in ranked[LIST_AT_MOST:]:
            group.invoices = []
        return ranked

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


@dataclass
class _Snapshot:
    """The open book aggregated per customer, currency and aging bucket, with the customer
    master: computed once, then kept up to date by re-aggregating only the customers whose
    invoices a write touched (an application or an adjustment names the invoice), so a question
    after an approval does not pay for the whole book again."""

    marks: _Marks
    today: date
    customers: dict[str, Customer]
    balances: dict[str, list[OpenBalance]]  # per customer, one row per currency
    adjustments: frozenset[str]  # the adjustment ids already counted
    open_totals: dict[str, int]  # cents per currency, to verify the book now and then
    habits: list[Habit] | None = None
    verified_at: float = field(default_factory=time.monotonic)
    _rows: list[OpenBalance] | None = None

    def rows(self) -> list[OpenBalance]:
        if self._rows is None:
            self._rows = [row for cid in sorted(self.balances) for row in self.balances[cid]]
        return self._rows

    def changed(self) -> None:
        self._rows = None


@dataclass(frozen=True)
class _Marks:
    """What a write to the ledger moves: read in one cheap query before each question."""

    invoices: int
    customers: tuple[Any, ...]  # count, sum of limits, holds, sum of terms
    last_application: int
    adjustments: int
    payments: int


# Every write that moves a balance inserts an application or an adjustment; imports insert
# invoices (a full rebuild); limits, holds and terms change the customer sums (the master is
# re-read).
# An edit that changes none of these (a re-import that rewrites a balance in place) is caught
# by comparing the open totals per currency with the ledger's every VERIFY_SECONDS.
_MARKS = (
    "SELECT (SELECT COUNT(*) FROM ledger_invoices), (SELECT COUNT(*) FROM ledger_customers), "
    "(SELECT COALESCE(SUM(COALESCE(credit_limit, 0)), 0) FROM ledger_customers), "
    "(SELECT COUNT(*) FROM ledger_customers WHERE on_hold), "
    "(SELECT COALESCE(SUM(terms_days), 0) FROM ledger_customers), "
    "(SELECT COALESCE(MAX(id), 0) FROM ledger_applications), "
    "(SELECT COUNT(*) FROM ledger_adjustments), (SELECT COUNT(*) FROM ledger_payments)"
)
_OPEN_TOTALS = (
    "SELECT currency, SUM(balance) FROM ledger_invoices WHERE balance > 0 GROUP BY currency"
)
VERIFY_SECONDS = 60.0
_SNAPSHOTS: dict[int, _Snapshot] = {}
_SNAPSHOTS_KEPT = 4
_CUSTOMER_COLUMNS = (
    "customer_id, name, currency, terms_days, credit_limit, email, on_hold, discount_percent, "
    "discount_days, parent_id, collector"
)


def _customer_row(row: Any) -> Customer:
    cid, name, currency, terms, limit, email, hold, discount, days, parent, collector = row
    return Customer(
        customer_id=cid,
        name=name,
        currency=currency,
        terms_days=int(terms),
        credit_limit=None if limit is None else _cents(limit),
        email=email,
        on_hold=bool(hold),
        discount_percent=_cents(discount),
        discount_days=int(days or 0),
        parent_id=parent,
        collector=collector,
    )


class SqlBookReads(BookReads):
    """The same reads as SQL over the local ledger's tables. The open book's aggregates are
    kept between questions while the ledger does not change (see ``_Snapshot``)."""

    def __init__(self, erp: Any, today: date) -> None:
        super().__init__(erp, today)
        from integrations.erp.local import schema

        self.engine = erp.engine
        self.t = schema

    @cached_property
    def _snapshot(self) -> _Snapshot:
        (row,) = self._rows(_MARKS)
        marks = _Marks(int(row[0]), tuple(row[1:5]), int(row[5]), int(row[6]), int(row[7]))
        kept = _SNAPSHOTS.get(id(self.engine))
        if kept is None or kept.today != self.today or kept.marks.invoices != marks.invoices:
            kept = self._build(marks)
        elif kept.marks != marks:
            self._refresh(kept, marks)
        elif time.monotonic() - kept.verified_at > VERIFY_SECONDS:
            totals = {cur: int(cents) for cur, cents in self._rows(_OPEN_TOTALS)}
            kept = kept if totals == kept.open_totals else self._build(marks)
            kept.verified_at = time.monotonic()
        if len(_SNAPSHOTS) >= _SNAPSHOTS_KEPT and id(self.engine) not in _SNAPSHOTS:
            _SNAPSHOTS.pop(next(iter(_SNAPSHOTS)))
        _SNAPSHOTS[id(self.engine)] = kept
        return kept

    def _build(self, marks: _Marks) -> _Snapshot:
        customers = self._read_customers()
        adjustments = frozenset(
            r[0] for r in self._rows("SELECT adjustment_id FROM ledger_adjustments")
        )
        balances = self._aggregate(customers)
        totals: dict[str, int] = defaultdict(int)
        for rows in balances.values():
            for row in rows:
                totals[row.currency] += int(row.total.scaleb(2))
        return _Snapshot(marks, self.today, customers, balances, adjustments, dict(totals))

    def _read_customers(self) -> dict[str, Customer]:
        rows = self._rows(f"SELECT {_CUSTOMER_COLUMNS} FROM ledger_customers")
        return {row[0]: _customer_row(row) for row in rows}

    def _refresh(self, snapshot: _Snapshot, marks: _Marks) -> None:
        """Only what the writes since the snapshot touched: the customer master when limits or
        holds moved, the open balances of the customers whose invoices were paid or adjusted."""
        if marks.customers != snapshot.marks.customers:
            snapshot.customers = self._read_customers()
            for rows in snapshot.balances.values():
                for row in rows:
                    row.customer = snapshot.customers.get(row.customer.customer_id, row.customer)
        applied = self._rows(
            "SELECT DISTINCT i.customer_id, p.customer_id FROM ledger_applications a "
            "JOIN ledger_invoices i ON i.invoice_number = a.invoice_number "
            "JOIN ledger_payments p ON p.payment_id = a.payment_id WHERE a.id > :last",
            last=snapshot.marks.last_application,
        )
        touched = {invoice_of for invoice_of, _ in applied}
        paid = {payer for _, payer in applied}
        if marks.adjustments != snapshot.marks.adjustments:
            every = self._rows("SELECT adjustment_id, customer_id FROM ledger_adjustments")
            touched |= {cid for aid, cid in every if aid not in snapshot.adjustments}
            snapshot.adjustments = frozenset(aid for aid, _ in every)
        if touched:
            fresh = self._aggregate(snapshot.customers, touched)
            for cid in touched:
                for row in snapshot.balances.pop(cid, []):
                    snapshot.open_totals[row.currency] -= int(row.total.scaleb(2))
                for row in fresh.get(cid, []):
                    snapshot.open_totals[row.currency] = snapshot.open_totals.get(
                        row.currency, 0
                    ) + int(row.total.scaleb(2))
                if cid in fresh:
                    snapshot.balances[cid] = fresh[cid]
        snapshot.changed()
        if snapshot.habits is not None and paid:
            kept = [h for h in snapshot.habits if h.customer_id not in paid]
            snapshot.habits = kept + [h for cid in sorted(paid) for h in self._habits(cid)]
        snapshot.marks = marks

    def _rows(self, query: Any, **params: Any) -> list[Any]:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return list(conn.execute(text(query) if isinstance(query, str) else query, params))

    def customers(self, ids: set[str] | None = None) -> dict[str, Customer]:
        everyone = self._snapshot.customers
        return everyone if ids is None else {i: everyone[i] for i in ids if i in everyone}

    def customers_by_query(self, ids: set[str]) -> dict[str, Customer]:
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
        return sorted(
            (c for c in self._snapshot.customers.values() if c.on_hold),
            key=lambda c: c.customer_id,
        )

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
        if customer_id is not None:
            return list(self._snapshot.balances.get(customer_id, []))
        return list(self._snapshot.rows())

    def _aggregate(
        self, customers: dict[str, Customer], only: set[str] | None = None
    ) -> dict[str, list[OpenBalance]]:
        """Open balances per customer (of ``only``, or all), one row per currency."""
        case, params = self._bucket_case()
        where = "balance > 0"
        if only is not None:
            names = {f"c{n}": cid for n, cid in enumerate(sorted(only))}
            where += " AND customer_id IN (" + ", ".join(f":{k}" for k in names) + ")"
            params.update(names)
        rows = self._rows(
            f"SELECT customer_id, currency, {case} AS bucket, SUM(balance), COUNT(*), "
            f"MIN(due_date) FROM ledger_invoices WHERE {where} "
            "GROUP BY customer_id, currency, bucket",
            **params,
        )
        balances: dict[tuple[str, str], OpenBalance] = {}
        for cid, currency, bucket, cents, count, oldest in rows:
            if cid not in customers:
                continue
            key = (cid, currency)
            if key not in balances:
                buckets = dict.fromkeys(AGING_BUCKET_NAMES, ZERO)
                balances[key] = OpenBalance(customers[cid], currency, buckets)
            balances[key].buckets[bucket] += _cents(cents)
            balances[key].invoices += count
            balances[key].counts[bucket] = int(count)
            balances[key].oldest_due[bucket] = _as_date(oldest)
        per_customer: dict[str, list[OpenBalance]] = defaultdict(list)
        for key in sorted(balances):
            per_customer[key[0]].append(balances[key].finish())
        return dict(per_customer)

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

    def over_groups(
        self, days: int, customer_id: str | None = None, currency: str | None = None
    ) -> list[OverGroup]:
        cutoff = self.today - timedelta(days=days)
        lower_bounds = [0] + [upper for _, upper in AGING_BUCKETS if upper is not None]
        if days in lower_bounds:
            groups = self._over_from_snapshot(days, customer_id, currency)
            return self._list_invoices(groups, cutoff)
        where = "balance > 0 AND due_date < :cutoff"
        where += " AND customer_id = :cid" if customer_id else ""
        where += " AND currency = :currency" if currency else ""
        rows = self._rows(
            "SELECT customer_id, currency, SUM(balance), COUNT(*), MIN(due_date) "
            f"FROM ledger_invoices WHERE {where} GROUP BY customer_id, currency",
            cutoff=cutoff,
            cid=customer_id,
            currency=currency,
        )
        groups = sorted(
            (
                OverGroup(cid, cur, _cents(cents), int(n), _as_date(due))
                for cid, cur, cents, n, due in rows
            ),
            key=lambda g: (g.currency, -g.total, g.customer_id),
        )
        return self._list_invoices(groups, cutoff)

    def _over_from_snapshot(
        self, days: int, customer_id: str | None, currency: str | None
    ) -> list[OverGroup]:
        """ "Over 90" is the buckets past 90: read from the snapshot, no scan."""
        names = [n for n, _ in AGING_BUCKETS]
        lowers = dict(zip(names, [-1, 0, *[u for _, u in AGING_BUCKETS][1:-1]], strict=True))
        wanted = [n for n in names if lowers[n] >= days]
        groups = []
        for row in self.open_balances(customer_id):
            if currency not in (None, row.currency):
                continue
            count = sum(row.counts.get(n, 0) for n in wanted)
            if not count:
                continue
            groups.append(
                OverGroup(
                    row.customer.customer_id,
                    row.currency,
                    sum((row.buckets[n] for n in wanted), ZERO),
                    count,
                    min(row.oldest_due[n] for n in wanted if n in row.oldest_due),
                )
            )
        return sorted(groups, key=lambda g: (g.currency, -g.total, g.customer_id))

    def _list_invoices(self, groups: list[OverGroup], cutoff: date) -> list[OverGroup]:
        listed = {(g.customer_id, g.currency): g for g in groups[:LIST_AT_MOST]}
        if listed:
            from sqlalchemy import select

            i = self.t.invoices.c
            query = (
                select(i.invoice_number, i.customer_id, i.currency)
                .where(
                    i.balance > 0,
                    i.due_date < cutoff,
                    i.customer_id.in_(sorted({cid for cid, _ in listed})),
                )
                .order_by(i.due_date, i.invoice_number)
            )
            with self.engine.connect() as conn:
                for number, cid, cur in conn.execute(query):
                    if (cid, cur) in listed:
                        listed[(cid, cur)].invoices.append(number)
        return groups

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
        if customer_id is not None:
            return self._habits(customer_id)
        snapshot = self._snapshot
        if snapshot.habits is None:
            snapshot.habits = self._habits(None)
        return snapshot.habits

    def _habits(self, customer_id: str | None) -> list[Habit]:
        if self.engine.dialect.name == "sqlite":
            to_pay = "julianday(p.received_on) - julianday(i.invoice_date)"
            beyond = "julianday(p.received_on) - julianday(i.due_date)"
        else:
            to_pay, beyond = "(p.received_on - i.invoice_date)", "(p.received_on - i.due_date)"
        where = " WHERE p.customer_id = :cid" if customer_id else ""
        rows = self._rows(
            f"SELECT p.customer_id, SUM(a.amount), SUM(a.amount * ({to_pay})), "
            f"SUM(a.amount * ({beyond})), COUNT(*) FROM ledger_applications a "
            "JOIN ledger_payments p ON p.payment_id = a.payment_id "
            f"JOIN ledger_invoices i ON i.invoice_number = a.invoice_number{where} "
            "GROUP BY p.customer_id",
            cid=customer_id,
        )
        one = Decimal("0.1")
        return [
            Habit(
                cid,
                (Decimal(str(days)) / Decimal(int(weight))).quantize(one, ROUND_HALF_UP),
                (Decimal(str(late)) / Decimal(int(weight))).quantize(one, ROUND_HALF_UP),
                int(count),
            )
            for cid, weight, days, late, count in rows
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
