"""The ErpClient port: everything arbot reads from and writes to an ERP.

Every implementation (local ledger, QuickBooks Online, Sage Intacct) returns the records of
``records.py`` and nothing vendor-shaped. Every write takes an idempotency key: a write repeated
with the same key returns the first result with ``replayed=True`` and changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol, runtime_checkable

from integrations.erp.records import (
    Adjustment,
    AgingRow,
    ApplicationRequest,
    Customer,
    Invoice,
    NewPayment,
    Note,
    Payment,
    PromiseToPay,
    SalesOrder,
    WriteResult,
)


class ErpError(Exception):
    """An ERP refused or failed a request; the message is meant for a person."""


class NotFound(ErpError):
    pass


class InvalidWrite(ErpError):
    """The write would break the ledger (over-application, currency mismatch, ...)."""


@runtime_checkable
class ErpClient(Protocol):
    name: str

    # --- reads -----------------------------------------------------------------------------
    def list_customers(self) -> list[Customer]: ...

    def get_customer(self, customer_id: str) -> Customer | None: ...

    def get_invoice(self, invoice_number: str) -> Invoice | None: ...

    def find_invoices(self, reference: str) -> list[Invoice]:
        """Invoices whose number matches ``reference`` in any spelling (prefix, separators,
        leading zeros, case): see ``records.invoice_number_key``."""
        ...

    def invoices_by_po(self, po_number: str) -> list[Invoice]: ...

    def invoices(
        self, customer_id: str | None = None, *, open_only: bool = True
    ) -> list[Invoice]: ...

    def payments(
        self,
        customer_id: str | None = None,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Payment]:
        """Payments newest first, each with its applications."""
        ...

    def payments_for_invoice(self, invoice_number: str) -> list[Payment]: ...

    def get_payment(self, payment_id: str) -> Payment | None: ...

    def adjustments(
        self, customer_id: str | None = None, *, invoice_number: str | None = None
    ) -> list[Adjustment]: ...

    def sales_orders(
        self, customer_id: str | None = None, *, status: str | None = None
    ) -> list[SalesOrder]: ...

    def promises(self, customer_id: str | None = None) -> list[PromiseToPay]: ...

    def notes(self, customer_id: str | None = None) -> list[Note]:
        """Notes of one customer, or of every customer (oldest first)."""
        ...

    def aging(self, as_of: date, customer_id: str | None = None) -> list[AgingRow]:
        """Open balances per customer and currency, bucketed by days past due date."""
        ...

    # --- writes (each idempotent under its key) ---------------------------------------------
    def apply_payment(
        self,
        payment: NewPayment,
        applications: Sequence[ApplicationRequest],
        *,
        idempotency_key: str,
    ) -> WriteResult:
        """Record ``payment`` if it is new, then apply it to one or many invoices. Partial
        applications are allowed; what is not applied stays unapplied on the payment."""
        ...

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
    ) -> WriteResult: ...

    def set_credit_limit(
        self, customer_id: str, limit: Decimal, *, idempotency_key: str
    ) -> WriteResult: ...

    def set_credit_hold(
        self, customer_id: str, on_hold: bool, *, idempotency_key: str
    ) -> WriteResult: ...

    def add_note(
        self,
        customer_id: str,
        text: str,
        *,
        author: str,
        invoice_number: str | None = None,
        idempotency_key: str,
    ) -> WriteResult: ...

    def set_sales_order_status(
        self, order_id: str, status: str, *, idempotency_key: str
    ) -> WriteResult: ...
