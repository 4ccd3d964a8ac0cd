"""The local ledger's writes: each one transaction that first claims its idempotency key (a
repeated write changes nothing and returns the first result), its balance updates conditional so
an over-application fails whole; payments and their applications, adjustments, customers' limit,
hold and terms, notes, sales order status, invoices, and many payments at once (``local.bulk``)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import Connection, Engine, RowMapping, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import write_transaction
from integrations.erp import rules
from integrations.erp.local import schema as t
from integrations.erp.local.ledger_records import invoice_of
from integrations.erp.money import ZERO
from integrations.erp.port import InvalidWrite, NotFound
from integrations.erp.records import (
    ApplicationRequest,
    InvoiceDraft,
    NewPayment,
    WriteResult,
    invoice_number_key,
    may_pay_for,
)


def adjustment_id_for(idempotency_key: str) -> str:
    return "ADJ-" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:10].upper()


class LedgerWrites:
    """Every write is one transaction that claims its idempotency key first."""

    engine: Engine

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction (on SQLite it takes the write lock up front)."""
        with write_transaction(self.engine) as conn:
            yield conn

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
                rules.adjustment_fits_invoice(invoice_of(invoice), customer_id, currency, value)
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
