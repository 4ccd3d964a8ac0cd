"""Deductions backtested on the books: for every short-pay people wrote off (or credited) with a
reason, the reason arbot gives (``graph.ar.deductions.find_deductions``, what ``arbot deductions``
shows) on the books as they stood that day, just before the write-off, against the reason people
wrote down.

A write-off is an adjustment on an invoice with a reason code (``write_off`` or
``credit_memo``; imported balances are not decisions). The invoice is rebuilt as it stood at the
end of that day without that adjustment (payments up to the day, the other credits up to the
day); ``arbot`` either finds a deduction there and gives its reason, or does not see one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from graph.ar.deductions import find_deductions
from graph.backtest.history import Books
from integrations.erp.records import Adjustment

ZERO = Decimal("0.00")
DECIDED = ("write_off", "credit_memo")


def written_off(books: Books, since: date, until: date) -> list[Adjustment]:
    """The reasoned write-offs and credits on invoices dated in (since, until], oldest first."""
    found = [
        a
        for a in books.adjustments
        if a.kind in DECIDED
        and a.reason_code
        and a.invoice_number
        and since < a.adjusted_on <= until
        and a.invoice_number in books.by_number
    ]
    return sorted(found, key=lambda a: (a.adjusted_on, a.adjustment_id))


def judge(books: Books, adjustment: Adjustment, tolerance: Decimal) -> dict[str, Any]:
    """arbot's reading of the invoice just before ``adjustment`` was booked."""
    assert adjustment.invoice_number is not None
    day = adjustment.adjusted_on
    invoice = books.by_number[adjustment.invoice_number]
    others = [
        a
        for a in books.adjustments
        if a.adjusted_on <= day and a.adjustment_id != adjustment.adjustment_id
    ]
    payments = [
        replace(p, applications=tuple(x for x in p.applications if x.applied_on <= day))
        for p in books.payments
        if p.customer_id == invoice.customer_id and p.received_on <= day
    ]
    taken = sum(
        (
            x.amount
            for p in payments
            for x in p.applications
            if x.invoice_number == invoice.invoice_number
        ),
        ZERO,
    )
    credited = sum((a.amount for a in others if a.invoice_number == invoice.invoice_number), ZERO)
    balance = invoice.amount - taken - credited
    customers = [c for c in books.customers if c.customer_id == invoice.customer_id]
    found = (
        find_deductions(
            customers,
            [replace(invoice, balance=balance)],
            payments,
            [a for a in others if a.invoice_number == invoice.invoice_number],
            day,
            tolerance=tolerance,
        )
        if balance > 0
        else []
    )
    seen = found[0] if found else None
    return {
        "adjustment_id": adjustment.adjustment_id,
        "invoice_number": invoice.invoice_number,
        "customer_id": invoice.customer_id,
        "day": day.isoformat(),
        "currency": adjustment.currency,
        "amount": str(adjustment.amount),
        "people": adjustment.reason_code,
        "arbot": seen.reason_code if seen else None,
        "arbot_amount": str(seen.amount) if seen else None,
        "memo": seen.memo if seen else "",
    }


def figures(rows: Iterable[dict[str, Any]], *, examples: int = 5) -> dict[str, Any]:
    rows = list(rows)
    seen = [r for r in rows if r["arbot"] is not None]
    agree = [r for r in seen if r["arbot"] == r["people"]]
    confusion = Counter(f"{r['people']} → {r['arbot'] or 'not seen'}" for r in rows)
    return {
        "write_offs": len(rows),
        "seen": len(seen),
        "reason_right": len(agree),
        "seen_share": _share(len(seen), len(rows)),
        "reason_right_share": _share(len(agree), len(rows)),
        "reason_right_of_seen": _share(len(agree), len(seen)),
        "by_reason": dict(sorted(confusion.items())),
        "disagreements": [r for r in rows if r["arbot"] != r["people"]][:examples],
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
