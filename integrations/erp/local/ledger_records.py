"""The local ledger's rows as arbot's records: a customer, an invoice, an adjustment and a payment
(with its applications) from their tables' columns, for the ledger's reads and the reads that
ask its tables directly (inquiry, portfolio and digest reads)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from integrations.erp.records import Adjustment, Application, Customer, Invoice, Payment


def customer_of(row: Mapping[str, Any]) -> Customer:
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


def invoice_of(row: Mapping[str, Any]) -> Invoice:
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


def adjustment_of(row: Mapping[str, Any]) -> Adjustment:
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
