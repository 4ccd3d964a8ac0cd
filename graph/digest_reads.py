"""What the digest reads beyond the reports it shares (collections, DSO, the forecast): the aging
per currency, the deductions taken in the last days, the orders held for credit review and the
names of the customers it shows. On the local ledger each is one SQL sum or a narrow read of the
few records shown; on any other ERP they come from its records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.ar.deductions import Deduction, find_deductions
from integrations.erp.port import ErpClient, is_local_ledger
from integrations.erp.records import AGING_BUCKET_NAMES, Customer, Payment, SalesOrder

ZERO = Decimal("0.00")


def aging_by_currency(
    erp: ErpClient, today: date, book: Any = None
) -> dict[str, dict[str, Decimal]]:
    """Open balances per currency and aging bucket (by due date); from the local ledger's
    ``LedgerBook`` when it was read already, else one SQL sum."""
    found: dict[str, dict[str, Decimal]] = {}
    if is_local_ledger(erp):
        from integrations.erp.local import report_sums

        engine: Any = erp.engine  # type: ignore[attr-defined]
        sums = (
            book.aging(today) if book is not None else report_sums.aging_by_currency(engine, today)
        )
        for currency, cents in sorted(sums.items()):
            found[currency] = {
                name: _money(c) for name, c in zip(AGING_BUCKET_NAMES, cents, strict=True)
            }
        return found
    for row in erp.aging(today):
        buckets = found.setdefault(row.currency, dict.fromkeys(AGING_BUCKET_NAMES, ZERO))
        for name, amount in row.buckets.items():
            buckets[name] += amount
    return found


@dataclass(frozen=True)
class Cash:
    """The payments received in a period: how many, and per currency what they brought and
    what of it is not yet applied (only currencies with some)."""

    count: int
    received: dict[str, Decimal]
    unapplied: dict[str, Decimal]


def cash_received(erp: ErpClient, since: date, until: date) -> Cash:
    """The payments received from ``since`` to ``until``: on the local ledger one SQL sum per
    currency and day, else from the ERP's records. The currencies come in the order of the
    payments, newest first."""
    received: dict[str, Decimal] = {}
    unapplied: dict[str, Decimal] = {}
    if not is_local_ledger(erp):
        payments = erp.payments(since=since, until=until)
        for p in payments:
            received[p.currency] = received.get(p.currency, ZERO) + p.amount
            if p.unapplied > 0:
                unapplied[p.currency] = unapplied.get(p.currency, ZERO) + p.unapplied
        return Cash(len(payments), received, unapplied)
    from integrations.erp.local import report_sums

    engine: Any = erp.engine  # type: ignore[attr-defined]
    rows = report_sums.cash_by_day(engine, since, until)
    cents: dict[str, int] = {}
    for currency, _day, _last, _count, amount, *_ in rows:
        cents[currency] = cents.get(currency, 0) + int(amount)
    left: dict[str, int] = {}
    with_left = [r for r in rows if r[6]]
    for currency, *_, amount in sorted(with_left, key=lambda r: (r[1], r[5]), reverse=True):
        left[currency] = left.get(currency, 0) + int(amount)
    count = sum(int(r[3]) for r in rows)
    return Cash(
        count,
        {c: _money(v) for c, v in cents.items()},
        {c: _money(v) for c, v in left.items()},
    )


def _money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2).quantize(ZERO)


def new_deductions(erp: ErpClient, today: date, tolerance: Decimal, days: int) -> list[Deduction]:
    """The open deductions taken in the last ``days`` days (by the latest payment applied to
    the invoice)."""
    if is_local_ledger(erp):
        from integrations.erp.local import report_sums

        engine: Any = erp.engine  # type: ignore[attr-defined]
        numbers = report_sums.paid_in_part_since(engine, today - timedelta(days=days))
        invoices = list(erp.get_invoices(numbers).values())  # type: ignore[attr-defined]
        paid_by = report_sums.applied_to(engine, numbers)
        ids = sorted({p for found in paid_by.values() for p in found})
        payments: list[Payment] = list(erp.get_payments(ids).values())  # type: ignore[attr-defined]
        from integrations.erp.local.ledger_records import adjustment_of

        adjustments = [adjustment_of(r) for r in report_sums.adjustments_of(engine, numbers)]
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
