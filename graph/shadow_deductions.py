"""Shadow mode's deductions (``graph.shadow``): the open deductions a look has not seen, and
each settled when the team writes it off or credits it (agree when their reason is arbot's) or
moot when the invoice was settled another way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from graph.ar.deductions import find_deductions
from integrations.erp.port import ErpClient
from integrations.erp.records import Customer, Payment
from integrations.store import Store
from integrations.store import shadow as rows_of

ZERO = Decimal("0.00")


def touched_deductions(
    erp: ErpClient,
    customers: Sequence[Customer],
    payments: Sequence[Payment],
    known: set[str],
    today: date,
    tolerance: Decimal,
) -> list[Any]:
    """The deductions among the open invoices these payments were applied to (their own
    payments and credits read one invoice at a time): what the last look cannot have seen."""
    numbers = sorted(
        {a.invoice_number for p in payments for a in p.applications} - known,
    )
    found = []
    for number in numbers:
        invoice = erp.get_invoice(number)
        if invoice is None or invoice.balance <= 0:
            continue
        found += find_deductions(
            customers,
            [invoice],
            erp.payments_for_invoice(number),
            erp.adjustments(invoice_number=number),
            today,
            tolerance=tolerance,
        )
    return found


def settle_deductions(
    erp: ErpClient, store: Store, still_open: set[str] | None
) -> list[tuple[str, str, dict[str, Any]]]:
    """``still_open``: the open invoices' numbers (a full look read them all), or None: each
    waiting row's invoice is read."""
    settled = []
    for row in rows_of.waiting(store.engine, "write_off_deduction"):
        decided = [
            a
            for a in erp.adjustments(invoice_number=row.subject)
            if a.kind in ("write_off", "credit_memo")
            and a.reason_code
            and a.adjusted_on >= row.observed_on
        ]
        if decided:
            reason = decided[-1].reason_code
            actual = {"reason_code": reason, "amount": str(sum((a.amount for a in decided), ZERO))}
            verdict = "agree" if reason == row.suggested["reason_code"] else "disagree"
            settled.append((row.shadow_id, verdict, actual))
        elif not _is_open(erp, row.subject, still_open):
            settled.append((row.shadow_id, "moot", {"settled": "paid or closed without a reason"}))
    return settled


def _is_open(erp: ErpClient, number: str, still_open: set[str] | None) -> bool:
    if still_open is not None:
        return number in still_open
    invoice = erp.get_invoice(number)
    return invoice is not None and invoice.balance > 0
