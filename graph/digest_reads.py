"""What the digest reads beyond the reports it shares (collections, DSO, the forecast): the aging
per currency, the deductions taken in the last days, the orders held for credit review and the
names of the customers it shows. On the local ledger each is one SQL sum or a narrow read of the
few records shown; on any other ERP they come from its records."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.ar.collections_book import is_local
from graph.ar.deductions import Deduction, find_deductions
from integrations.erp.port import ErpClient
from integrations.erp.records import AGING_BUCKET_NAMES, Customer, Payment, SalesOrder

ZERO = Decimal("0.00")


def aging_by_currency(
    erp: ErpClient, today: date, book: Any = None
) -> dict[str, dict[str, Decimal]]:
    """Open balances per currency and aging bucket (by due date); from the local ledger's
    ``LedgerBook`` when it was read already, else one SQL sum."""
    found: dict[str, dict[str, Decimal]] = {}
    if is_local(erp):
        from integrations.erp.local import report_sums

        engine: Any = erp.engine  # type: ignore[attr-defined]
        sums = (
            book.aging(today) if book is not None else report_sums.aging_by_currency(engine, today)
        )
        for currency, cents in sorted(sums.items()):
            found[currency] = {
                name: Decimal(c).scaleb(-2).quantize(ZERO)
                for name, c in zip(AGING_BUCKET_NAMES, cents, strict=True)
            }
        return found
    for row in erp.aging(today):
        buckets = found.setdefault(row.currency, dict.fromkeys(AGING_BUCKET_NAMES, ZERO))
        for name, amount in row.buckets.items():
            buckets[name] += amount
    return found


def new_deductions(erp: ErpClient, today: date, tolerance: Decimal, days: int) -> list[Deduction]:
    """The open deductions taken in the last ``days`` days (by the latest payment applied to
    the invoice)."""
    if is_local(erp):
        from integrations.erp.local import report_sums

        engine: Any = erp.engine  # type: ignore[attr-defined]
        numbers = report_sums.paid_in_part_since(engine, today - timedelta(days=days))
        invoices = list(erp.get_invoices(numbers).values())  # type: ignore[attr-defined]
        paid_by = report_sums.applied_to(engine, numbers)
        ids = sorted({p for found in paid_by.values() for p in found})
        payments: list[Payment] = list(erp.get_payments(ids).values())  # type: ignore[attr-defined]
        from integrations.erp.local.ledger import _adjustment

        adjustments = [_adjustment(r) for r in report_sums.adjustments_of(engine, numbers)]
        customers = customers_by_id(erp, {i.customer_id for i in invoices}).values()
    else:
        every = erp.invoices(open_only=False)
        invoices = [i for i in every if i.balance > 0]
        payments = erp.payments()
        adjustments = erp.adjustments()
        customers = erp.list_customers()
    found = find_deductions(customers, invoices, payments, adjustments, today, tolerance=tolerance)
    return [d for d in found if d.age_days <= days]


def held_orders(erp: ErpClient) -> list[SalesOrder]:
    """Sales orders on hold: what the credit check (or a person) held for review. New orders are
    checked as they arrive (``arbot serve``); the digest lists what waits, it does not check
    the whole order book again."""
    return erp.sales_orders(status="on_hold")


def customers_by_id(erp: ErpClient, ids: Iterable[str]) -> dict[str, Customer]:
    wanted = set(ids)
    if not wanted:
        return {}
    if hasattr(erp, "get_customers"):
        return dict(erp.get_customers(sorted(wanted)))
    return {c.customer_id: c for c in erp.list_customers() if c.customer_id in wanted}
