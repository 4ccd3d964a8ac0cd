"""The ErpClient port: everything arbot reads from and writes to an ERP.

Every implementation (local ledger, QuickBooks Online, Sage Intacct) returns the records of
``records.py`` and nothing vendor-shaped. Every write takes an idempotency key: a write repeated
with the same key returns the first result with ``replayed=True`` and changes nothing. The rules
a write must keep are in ``rules.py``, shared by every client; ``tests/integrations/
test_erp_contract.py`` runs every operation against all three.

Capabilities only some ERPs have are protocols of their own, checked with ``isinstance``:
``ChangeFeed`` (asked for what changed: Intacct's polling, QuickBooks' CDC, the ledger's own
orders) and ``WebhookSource`` (tells arbot itself: QuickBooks' webhooks).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

from integrations.erp.records import (
    Adjustment,
    AgingRow,
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

    def set_payment_terms(
        self,
        customer_id: str,
        terms_days: int,
        *,
        idempotency_key: str,
        discount_percent: Decimal = Decimal("0"),
        discount_days: int = 0,
    ) -> WriteResult:
        """Net ``terms_days`` for the customer's future invoices, with an early-payment
        discount of ``discount_percent`` within ``discount_days`` (2/10 Net 30), or none."""
        ...

    def create_invoice(self, draft: InvoiceDraft, *, idempotency_key: str) -> WriteResult:
        """Create the drafted invoice once; the ERP computes tax and totals. A draft whose
        number already exists is refused (``InvalidWrite``)."""
        ...


@dataclass(frozen=True, slots=True)
class Change:
    """Something that changed in the ERP: ``kind`` is ``customer``, ``invoice``, ``payment``,
    ``adjustment`` or ``sales_order``; ``record`` the record as it is now (None: deleted or not
    read)."""

    kind: str
    key: str
    record: object | None = None


@runtime_checkable
class ChangeFeed(Protocol):
    """An ERP arbot asks for its changes every few minutes."""

    def feed_changes(self, on_change: Callable[[Change], None]) -> int:
        """Hand every change since the last poll to ``on_change``; how many were handed."""
        ...


@runtime_checkable
class WebhookSource(Protocol):
    """An ERP that calls arbot when something changes."""

    def webhook_router(self, on_change: Callable[[Change], None]) -> Any | None:
        """A FastAPI router for the ERP's webhook deliveries, or None when not configured."""
        ...


@runtime_checkable
class CustomerDirectory(Protocol):
    """An ERP that lists its customers' names without reading every customer record (the
    local ledger: a question in a fresh process then builds its name index from two columns)."""

    def has_customers(self) -> bool: ...

    def customer_names(self) -> list[tuple[str, str]]:
        """(customer_id, name) of every customer."""
        ...


@runtime_checkable
class TermsCatalog(Protocol):
    """An ERP whose payment terms are a list kept in the ERP (QuickBooks' Terms, Intacct's
    AR terms): a customer can only be given terms that are on it."""

    def missing_terms(
        self, terms_days: int, discount_percent: Decimal, discount_days: int
    ) -> str | None:
        """None when the ERP has such terms; else why not, in the ERP's words for a person."""
        ...


def is_local_ledger(erp: object) -> bool:
    """The ERP is arbot's own local ledger, whose tables may be read in SQL directly (its
    ``engine``) instead of through the port's methods."""
    return getattr(erp, "name", None) == "local" and hasattr(erp, "engine")
