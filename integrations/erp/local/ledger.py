"""The local ledger: a small, real AR ledger implementing ``ErpClient`` on SQLAlchemy.

Invariants kept by every write, inside one transaction:
- invoice balance = amount − applications − adjustments against it (never below zero);
- payment unapplied = amount − its applications (never below zero).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import make_engine, migrate, write_transaction
from integrations.erp import rules
from integrations.erp.local import schema as t
from integrations.erp.local.plain_reads import plain_rows, point_reads
from integrations.erp.money import ZERO
from integrations.erp.port import Change, InvalidWrite, NotFound
from integrations.erp.records import (
    Adjustment,
    AgingRow,
    Application,
    ApplicationRequest,
    Customer,
    Invoice,
    InvoiceDraft,
    NewPayment,
    Note,
    Payment,
    PromiseToPay,
    SalesOrder,
    WriteResult,
    invoice_number_key,
    may_pay_for,
)

_IN_CHUNK = 500
MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "ledger_alembic_version"


def _customer(row: RowMapping) -> Customer:
    return Customer(
        customer_id=row["customer_id"],
        name=row["name"],
        currency=row["currency"],
        terms_days=row["terms_days"],
        credit_limit=row["credit_limit"],
        email=row["email"],
        on_hold=bool(row["on_hold"]),
        discount_percent=row["discount_percent"],
        discount_days=row["discount_days"],
        parent_id=row["parent_id"],
        collector=row["collector"],
    )


def _invoice(row: RowMapping) -> Invoice:
    return Invoice(
        invoice_number=row["invoice_number"],
        customer_id=row["customer_id"],
        invoice_date=row["invoice_date"],
        due_date=row["due_date"],
        amount=row["amount"],
        balance=row["balance"],
        currency=row["currency"],
        po_number=row["po_number"],
    )


def _adjustment(row: RowMapping) -> Adjustment:
    return Adjustment(
        adjustment_id=row["adjustment_id"],
        customer_id=row["customer_id"],
        invoice_number=row["invoice_number"],
        adjusted_on=row["adjusted_on"],
        amount=row["amount"],
        currency=row["currency"],
        kind=row["kind"],
        reason_code=row["reason_code"],
        memo=row["memo"],
    )


def adjustment_id_for(idempotency_key: str) -> str:
    return "ADJ-" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:10].upper()


class LocalLedger:
    """``ErpClient`` over the ledger tables. Reads are plain queries; every write is one
    transaction that claims its idempotency key first, so a repeated write changes nothing."""

    name = "local"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> LocalLedger:
        engine = make_engine(url)
        migrate(engine, MIGRATIONS, VERSION_TABLE)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction (on SQLite it takes the write lock up front)."""
        with write_transaction(self.engine) as conn:
            yield conn

    # --- meta ------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(t.meta.c.value).where(t.meta.c.key == key))

    def counts(self) -> dict[str, int]:
        tables = {
            "customers": t.customers,
            "invoices": t.invoices,
            "payments": t.payments,
            "applications": t.applications,
            "adjustments": t.adjustments,
            "sales_orders": t.sales_orders,
            "promises": t.promises,
            "notes": t.notes,
        }
        with self.engine.connect() as conn:
            return {
                name: conn.scalar(select(func.count()).select_from(table)) or 0
                for name, table in tables.items()
            }

    # --- reads -----------------------------------------------------------------------------
    def list_customers(self) -> list[Customer]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.customers).order_by(t.customers.c.customer_id))
            return [_customer(r) for r in rows.mappings()]

    def has_customers(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.customers.c.customer_id).limit(1)).first() is not None

    def customer_names(self) -> list[tuple[str, str]]:
        c = t.customers.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.customer_id, c.name).order_by(c.customer_id)).all()
        return [(cid, name) for cid, name in rows]

    def get_customer(self, customer_id: str) -> Customer | None:
        with self.engine.connect() as conn:
            rows = plain_rows(
                conn, "ledger:customer", point_reads()["customer"], {"id": customer_id}
            )
        return _customer(rows[0]) if rows else None

    def get_invoice(self, invoice_number: str) -> Invoice | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(t.invoices).where(t.invoices.c.invoice_number == invoice_number)
                )
                .mappings()
                .first()
            )
        return _invoice(row) if row else None

    def find_invoices(self, reference: str) -> list[Invoice]:
        key = invoice_number_key(reference)
        if not key:
            return []
        with self.engine.connect() as conn:
            rows = plain_rows(conn, "ledger:invoices_by_key", point_reads()["by_key"], {"key": key})
        return [_invoice(r) for r in rows]

    def invoices_by_po(self, po_number: str) -> list[Invoice]:
        wanted = po_number.strip().upper()
        with self.engine.connect() as conn:
            rows = plain_rows(conn, "ledger:invoices_by_po", point_reads()["by_po"], {"po": wanted})
        return [_invoice(r) for r in rows]

    def invoices(self, customer_id: str | None = None, *, open_only: bool = True) -> list[Invoice]:
        query = select(t.invoices).order_by(t.invoices.c.due_date, t.invoices.c.invoice_number)
        if customer_id is not None:
            query = query.where(t.invoices.c.customer_id == customer_id)
        if open_only:
            query = query.where(t.invoices.c.balance > 0)
        with self.engine.connect() as conn:
            return [_invoice(r) for r in conn.execute(query).mappings()]

    def iter_open_invoices(self) -> Iterator[Invoice]:
        """``invoices(open_only=True)`` one at a time, as the rows arrive (a cash run indexes
        them without holding the ledger's whole list; on PostgreSQL a server-side cursor)."""
        query = (
            select(t.invoices)
            .where(t.invoices.c.balance > 0)
            .order_by(t.invoices.c.due_date, t.invoices.c.invoice_number)
        )
        with self.engine.connect() as conn:
            rows = conn.execution_options(stream_results=True, yield_per=2000).execute(query)
            for row in rows.mappings():
                yield _invoice(row)

    def _with_applications(self, conn: Connection, rows: Sequence[RowMapping]) -> list[Payment]:
        ids = [r["payment_id"] for r in rows]
        by_payment: dict[str, list[Application]] = defaultdict(list)
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            apps = conn.execute(
                select(t.applications)
                .where(t.applications.c.payment_id.in_(chunk))
                .order_by(t.applications.c.id)
            ).mappings()
            for a in apps:
                by_payment[a["payment_id"]].append(
                    Application(a["payment_id"], a["invoice_number"], a["amount"], a["applied_on"])
                )
        return [payment_of(r, by_payment[r["payment_id"]]) for r in rows]

    def payments(
        self,
        customer_id: str | None = None,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Payment]:
        p = t.payments.c
        query = select(t.payments).order_by(p.received_on.desc(), p.payment_id.desc())
        if customer_id is not None:
            query = query.where(p.customer_id == customer_id)
        if since is not None:
            query = query.where(p.received_on >= since)
        if until is not None:
            query = query.where(p.received_on <= until)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            rows = list(conn.execute(query).mappings())
            return self._with_applications(conn, rows)

    def get_payment(self, payment_id: str) -> Payment | None:
        with self.engine.connect() as conn:
            rows = list(
                conn.execute(
                    select(t.payments).where(t.payments.c.payment_id == payment_id)
                ).mappings()
            )
            found = self._with_applications(conn, rows)
        return found[0] if found else None

    def payments_for_invoice(self, invoice_number: str) -> list[Payment]:
        applied = select(t.applications.c.payment_id).where(
            t.applications.c.invoice_number == invoice_number
        )
        query = (
            select(t.payments)
            .where(t.payments.c.payment_id.in_(applied))
            .order_by(t.payments.c.received_on, t.payments.c.payment_id)
        )
        with self.engine.connect() as conn:
            rows = list(conn.execute(query).mappings())
            return self._with_applications(conn, rows)

    def adjustments(
        self, customer_id: str | None = None, *, invoice_number: str | None = None
    ) -> list[Adjustment]:
        a = t.adjustments.c
        query = select(t.adjustments).order_by(a.adjusted_on, a.adjustment_id)
        if customer_id is not None:
            query = query.where(a.customer_id == customer_id)
        if invoice_number is not None:
            query = query.where(a.invoice_number == invoice_number)
        with self.engine.connect() as conn:
            return [_adjustment(r) for r in conn.execute(query).mappings()]

    def sales_orders(
        self, customer_id: str | None = None, *, status: str | None = None
    ) -> list[SalesOrder]:
        from integrations.erp.local.orders import read_sales_orders

        return read_sales_orders(self.engine, customer_id, status)

    def promises(self, customer_id: str | None = None) -> list[PromiseToPay]:
        p = t.promises.c
        query = select(t.promises).order_by(p.promised_on, p.id)
        if customer_id is not None:
            query = query.where(p.customer_id == customer_id)
        with self.engine.connect() as conn:
            return [
                PromiseToPay(
                    r["customer_id"],
                    r["promised_on"],
                    r["amount"],
                    r["currency"],
                    r["status"],
                    r["invoice_number"],
                )
                for r in conn.execute(query).mappings()
            ]

    def notes(self, customer_id: str | None = None) -> list[Note]:
        n = t.notes.c
        query = select(t.notes).order_by(n.created_at, n.id)
        if customer_id is not None:
            query = query.where(n.customer_id == customer_id)
        with self.engine.connect() as conn:
            return [
                Note(r["customer_id"], r["text"], r["author"], r["created_at"], r["invoice_number"])
                for r in conn.execute(query).mappings()
            ]

    def aging(self, as_of: date, customer_id: str | None = None) -> list[AgingRow]:
        i = t.invoices.c
        query = select(i.customer_id, i.currency, i.due_date, i.balance).where(i.balance > 0)
        if customer_id is not None:
            query = query.where(i.customer_id == customer_id)
        with self.engine.connect() as conn:
            return rules.aging_rows(conn.execute(query), as_of)  # rows carry what aging reads

    def feed_changes(self, on_change: Callable[[Change], None]) -> int:
        """``ChangeFeed``: every pending and every fulfilled (shipped) sales order — what arbot
        acts on (orders arrive by import or by other programs writing the ledger; whoever acts
        on them remembers which it has seen)."""
        orders = [o for o in self.sales_orders() if o.status in ("pending", "shipped")]
        for order in orders:
            on_change(Change("sales_order", order.order_id, order))
        return len(orders)

    def get_invoices(self, numbers: Sequence[str]) -> dict[str, Invoice]:
        """Many invoices by number in a few queries (``local.bulk``); unknown ones left out."""
        from integrations.erp.local import bulk

        return bulk.get_invoices(self, numbers)

    def get_customers(self, ids: Sequence[str]) -> dict[str, Customer]:
        from integrations.erp.local import bulk

        return bulk.get_customers(self, ids)

    def get_payments(self, ids: Sequence[str]) -> dict[str, Payment]:
        from integrations.erp.local import bulk

        return bulk.get_payments(self, ids)

    def apply_payments(
        self,
        items: Sequence[tuple[NewPayment, Sequence[ApplicationRequest], str]],
        *,
        after: dict[str, dict[str, Decimal]] | None = None,
    ) -> list[WriteResult | Exception]:
        """Many ``apply_payment`` writes (payment, applications, idempotency key) in one
        transaction; each one's result or refusal, in order (``local.bulk``). ``after``:
        filled with the state the transaction left (``bulk.apply_payments``)."""
        from integrations.erp.local import bulk

        return list(bulk.apply_payments(self, items, after))

    # --- writes ----------------------------------------------------------------------------
    def _claim(self, conn: Connection, key: str, action: str, reference: str) -> None:
        conn.execute(
            insert(t.writes).values(
                idempotency_key=key,
                action=action,
                erp_reference=reference,
                created_at=datetime.now(UTC),
            )
        )

    def _replay(self, key: str) -> WriteResult | None:
        with self.engine.connect() as conn:
            reference = conn.scalar(
                select(t.writes.c.erp_reference).where(t.writes.c.idempotency_key == key)
            )
        return WriteResult(reference, key, replayed=True) if reference is not None else None

    def _idempotent(self, key: str, action: str, reference: str, body) -> WriteResult:
        """Run ``body(conn)`` in one transaction that first claims ``key``; if the key was
        already used (now, or by a concurrent writer), return that first result instead."""
        rules.require_key(key)
        if (earlier := self._replay(key)) is not None:
            return earlier
        try:
            with self.writing() as conn:
                self._claim(conn, key, action, reference)
                body(conn)
        except IntegrityError:
            if (earlier := self._replay(key)) is not None:
                return earlier
            raise
        return WriteResult(reference, key)

    def _customer_row(self, conn: Connection, customer_id: str) -> RowMapping:
        row = (
            conn.execute(select(t.customers).where(t.customers.c.customer_id == customer_id))
            .mappings()
            .first()
        )
        if row is None:
            raise NotFound(f"customer {customer_id} does not exist")
        return row

    def _invoice_row(self, conn: Connection, invoice_number: str) -> RowMapping:
        row = (
            conn.execute(select(t.invoices).where(t.invoices.c.invoice_number == invoice_number))
            .mappings()
            .first()
        )
        if row is None:
            raise NotFound(f"invoice {invoice_number} does not exist")
        return row

    def _reduce_balance(self, conn: Connection, invoice: RowMapping, amount: Decimal) -> None:
        i = t.invoices.c
        done = conn.execute(
            update(t.invoices)
            .where(i.invoice_number == invoice["invoice_number"], i.balance >= amount)
            .values(balance=i.balance - amount)
        ).rowcount
        if done != 1:
            current = self._invoice_row(conn, invoice["invoice_number"])["balance"]
            rules.within_balance(invoice["invoice_number"], current, invoice["currency"], amount)

    def _related(self, conn: Connection, payer_id: str, owner_id: str) -> bool:
        """A payer may pay its own invoices and those of its parent or subsidiaries."""
        if payer_id == owner_id:
            return True
        parents = dict(
            conn.execute(
                select(t.customers.c.customer_id, t.customers.c.parent_id).where(
                    t.customers.c.customer_id.in_([payer_id, owner_id])
                )
            ).all()
        )
        return may_pay_for(payer_id, parents.get(payer_id), owner_id, parents.get(owner_id))

    def apply_payment(
        self,
        payment: NewPayment,
        applications: Sequence[ApplicationRequest],
        *,
        idempotency_key: str,
    ) -> WriteResult:
        amount = rules.positive_payment(payment.payment_id, payment.amount, payment.currency)

        def body(conn: Connection) -> None:
            self._customer_row(conn, payment.customer_id)
            p = t.payments.c
            existing = (
                conn.execute(select(t.payments).where(p.payment_id == payment.payment_id))
                .mappings()
                .first()
            )
            if existing is None:
                conn.execute(
                    insert(t.payments).values(
                        payment_id=payment.payment_id,
                        customer_id=payment.customer_id,
                        received_on=payment.received_on,
                        amount=amount,
                        unapplied=amount,
                        currency=payment.currency,
                        method=payment.method,
                        reference=payment.reference,
                    )
                )
            else:
                rules.same_payment(
                    payment.payment_id,
                    (existing["customer_id"], existing["amount"], existing["currency"]),
                    (payment.customer_id, amount, payment.currency),
                )
            for request in applications:
                number = request.invoice_number
                applied = rules.positive_application(number, request.amount, payment.currency)
                invoice = self._invoice_row(conn, number)
                rules.payment_currency_matches(number, invoice["currency"], payment.currency)
                rules.payer_may_pay(
                    number,
                    invoice["customer_id"],
                    payment.customer_id,
                    self._related(conn, payment.customer_id, invoice["customer_id"]),
                )
                self._reduce_balance(conn, invoice, applied)
                done = conn.execute(
                    update(t.payments)
                    .where(p.payment_id == payment.payment_id, p.unapplied >= applied)
                    .values(unapplied=p.unapplied - applied)
                ).rowcount
                if done != 1:
                    rules.enough_unapplied(payment.payment_id, ZERO, applied, number)
                conn.execute(
                    insert(t.applications).values(
                        payment_id=payment.payment_id,
                        invoice_number=request.invoice_number,
                        amount=applied,
                        applied_on=payment.received_on,
                    )
                )

        return self._idempotent(idempotency_key, "apply_payment", payment.payment_id, body)

    def create_adjustment(
        self,
        *,
        customer_id: str,
        invoice_number: str | None,
        amount: Decimal,
        currency: str,
        kind: str,
        reason_code: str | None,
        memo: str,
        idempotency_key: str,
        adjusted_on: date | None = None,
    ) -> WriteResult:
        value = rules.positive_adjustment(amount, currency)
        adjustment_id = adjustment_id_for(idempotency_key)

        def body(conn: Connection) -> None:
            customer = self._customer_row(conn, customer_id)
            if invoice_number is not None:
                invoice = self._invoice_row(conn, invoice_number)
                rules.adjustment_fits_invoice(_invoice(invoice), customer_id, currency, value)
                self._reduce_balance(conn, invoice, value)
            else:
                rules.billed_in(customer_id, customer["currency"], currency)
            conn.execute(
                insert(t.adjustments).values(
                    adjustment_id=adjustment_id,
                    customer_id=customer_id,
                    invoice_number=invoice_number,
                    adjusted_on=adjusted_on or date.today(),
                    amount=value,
                    currency=currency,
                    kind=kind,
                    reason_code=reason_code,
                    memo=memo,
                )
            )

        return self._idempotent(idempotency_key, "create_adjustment", adjustment_id, body)

    def _update_customer(
        self, customer_id: str, key: str, action: str, **values: object
    ) -> WriteResult:
        def body(conn: Connection) -> None:
            done = conn.execute(
                update(t.customers).where(t.customers.c.customer_id == customer_id).values(**values)
            ).rowcount
            if done != 1:
                raise NotFound(f"customer {customer_id} does not exist")

        return self._idempotent(key, action, customer_id, body)

    def set_credit_limit(
        self, customer_id: str, limit: Decimal, *, idempotency_key: str
    ) -> WriteResult:
        return self._update_customer(
            customer_id, idempotency_key, "set_credit_limit", credit_limit=rules.credit_limit(limit)
        )

    def set_credit_hold(
        self, customer_id: str, on_hold: bool, *, idempotency_key: str
    ) -> WriteResult:
        return self._update_customer(
            customer_id, idempotency_key, "set_credit_hold", on_hold=on_hold
        )

    def add_note(
        self,
        customer_id: str,
        text: str,
        *,
        author: str,
        invoice_number: str | None = None,
        idempotency_key: str,
    ) -> WriteResult:
        rules.note_text(text)

        def body(conn: Connection) -> None:
            self._customer_row(conn, customer_id)
            if invoice_number is not None:
                self._invoice_row(conn, invoice_number)
            conn.execute(
                insert(t.notes).values(
                    customer_id=customer_id,
                    invoice_number=invoice_number,
                    author=author,
                    text=text,
                    created_at=datetime.now(UTC),
                )
            )

        return self._idempotent(idempotency_key, "add_note", customer_id, body)

    def set_sales_order_status(
        self, order_id: str, status: str, *, idempotency_key: str
    ) -> WriteResult:
        rules.order_status(status)

        def body(conn: Connection) -> None:
            done = conn.execute(
                update(t.sales_orders)
                .where(t.sales_orders.c.order_id == order_id)
                .values(status=status)
            ).rowcount
            if done != 1:
                raise NotFound(f"sales order {order_id} does not exist")

        return self._idempotent(idempotency_key, "set_sales_order_status", order_id, body)

    def set_payment_terms(
        self,
        customer_id: str,
        terms_days: int,
        *,
        idempotency_key: str,
        discount_percent: Decimal = ZERO,
        discount_days: int = 0,
    ) -> WriteResult:
        days = rules.terms_days(terms_days)
        rules.discount(discount_percent, discount_days, days)
        return self._update_customer(
            customer_id,
            idempotency_key,
            "set_payment_terms",
            terms_days=days,
            discount_percent=discount_percent,
            discount_days=discount_days,
        )

    def create_invoice(self, draft: InvoiceDraft, *, idempotency_key: str) -> WriteResult:
        """The invoice as drafted (the ledger computes no tax: the total is the lines' sum)."""

        def body(conn: Connection) -> None:
            customer = self._customer_row(conn, draft.customer_id)
            total = rules.invoice_draft(draft, customer["currency"])
            exists = conn.scalar(
                select(t.invoices.c.invoice_number).where(
                    t.invoices.c.invoice_number == draft.invoice_number
                )
            )
            if exists is not None:
                raise InvalidWrite(f"invoice {draft.invoice_number} already exists")
            conn.execute(
                insert(t.invoices).values(
                    invoice_number=draft.invoice_number,
                    number_key=invoice_number_key(draft.invoice_number),
                    customer_id=draft.customer_id,
                    invoice_date=draft.invoice_date,
                    due_date=draft.due_date,
                    amount=total,
                    balance=total,
                    currency=draft.currency,
                    po_number=draft.po_number,
                )
            )

        return self._idempotent(idempotency_key, "create_invoice", draft.invoice_number, body)

    # --- integrity -------------------------------------------------------------------------
    def integrity_problems(self) -> list[str]:
        """Every invoice and payment whose stored balance disagrees with its history."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            applied: dict[str, Decimal] = defaultdict(lambda: ZERO)
            by_payment: dict[str, Decimal] = defaultdict(lambda: ZERO)
            for pay_id, inv, amount in conn.execute(
                select(
                    t.applications.c.payment_id,
                    t.applications.c.invoice_number,
                    t.applications.c.amount,
                )
            ):
                applied[inv] += amount
                by_payment[pay_id] += amount
            adjusted: dict[str, Decimal] = defaultdict(lambda: ZERO)
            for inv, amount in conn.execute(
                select(t.adjustments.c.invoice_number, t.adjustments.c.amount).where(
                    t.adjustments.c.invoice_number.is_not(None)
                )
            ):
                adjusted[inv] += amount
            for number, amount, balance in conn.execute(
                select(t.invoices.c.invoice_number, t.invoices.c.amount, t.invoices.c.balance)
            ):
                expected = amount - applied[number] - adjusted[number]
                if balance != expected:
                    problems.append(f"invoice {number}: balance {balance}, history says {expected}")
            for pay_id, amount, unapplied in conn.execute(
                select(t.payments.c.payment_id, t.payments.c.amount, t.payments.c.unapplied)
            ):
                expected = amount - by_payment[pay_id]
                if unapplied != expected:
                    problems.append(
                        f"payment {pay_id}: unapplied {unapplied}, history says {expected}"
                    )
        return problems


def payment_of(row: Mapping[str, Any], applications: Iterable[Application]) -> Payment:
    """A payment from its ledger row (``payments`` columns) and its applications."""
    return Payment(
        payment_id=row["payment_id"],
        customer_id=row["customer_id"],
        received_on=row["received_on"],
        amount=row["amount"],
        currency=row["currency"],
        method=row["method"],
        reference=row["reference"],
        applications=tuple(applications),
    )
