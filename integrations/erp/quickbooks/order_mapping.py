"""QBO Estimates → arbot's sales orders (``SO-<Id>``): the status from TxnStatus (unless arbot
set one QBO cannot hold), the item lines, the tax."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from integrations.erp.money import quantize
from integrations.erp.quickbooks.entity_fields import (
    Context,
    amount,
    currency_of,
    custom_field,
    day_of,
    ref,
)
from integrations.erp.records import OrderLine, SalesOrder

ORDER_PREFIX = "SO-"

# arbot's sales-order states ↔ an Estimate's TxnStatus.
QBO_STATUS_FOR = {
    "pending": "Pending",
    "on_hold": "Pending",
    "approved": "Accepted",
    "released": "Accepted",
    "shipped": "Closed",
    "cancelled": "Rejected",
    "declined": "Rejected",
}
STATUS_FROM_QBO = {
    "Pending": "pending",
    "Accepted": "approved",
    "Closed": "shipped",
    "Converted": "shipped",
    "Rejected": "cancelled",
}


def order_id(estimate_id: str) -> str:
    return f"{ORDER_PREFIX}{estimate_id}"


def estimate_id(order: str) -> str | None:
    text = order.strip().upper()
    if text.startswith(ORDER_PREFIX):
        text = text[len(ORDER_PREFIX) :]
    return text if text.isdigit() else None


def sales_order(
    entity: dict[str, Any], context: Context, overlay: tuple[str, str] | None
) -> SalesOrder:
    qbo_status = str(entity.get("TxnStatus") or "Pending")
    status = STATUS_FROM_QBO.get(qbo_status, "pending")
    if overlay is not None and overlay[1] == qbo_status:
        status = overlay[0]
    currency = currency_of(entity, context)
    tax = (entity.get("TxnTaxDetail") or {}).get("TotalTax")
    return SalesOrder(
        order_id=order_id(str(entity["Id"])),
        customer_id=ref(entity.get("CustomerRef")) or "",
        order_date=day_of(entity.get("TxnDate")) or date.today(),
        amount=quantize(amount(entity.get("TotalAmt")), currency),
        currency=currency,
        status=status,
        po_number=custom_field(entity, context.po_field),
        lines=order_lines(entity.get("Line"), currency),
        tax=quantize(amount(tax), currency),
    )


def order_lines(lines: Any, currency: str) -> tuple[OrderLine, ...]:
    """An Estimate's item lines (``SalesItemLineDetail``: Description or the item's name,
    Qty, UnitPrice, Amount, TaxCodeRef TAX/NON); its subtotal, discount and group lines are
    not lines of their own. A line without Qty is one unit at its amount."""
    found = []
    for line in lines if isinstance(lines, list) else []:
        if not isinstance(line, dict) or line.get("DetailType") != "SalesItemLineDetail":
            continue
        detail = line.get("SalesItemLineDetail")
        if not isinstance(detail, dict):
            continue
        value = quantize(amount(line.get("Amount")), currency)
        item = detail.get("ItemRef") if isinstance(detail.get("ItemRef"), dict) else {}
        text = " ".join(str(line.get("Description") or item.get("name") or "").split())
        quantity = amount(detail.get("Qty")) if detail.get("Qty") is not None else Decimal(1)
        price = (
            amount(detail.get("UnitPrice"))
            if detail.get("UnitPrice") is not None
            else value / quantity
            if quantity
            else value
        )
        found.append(
            OrderLine(
                description=text or "Item",
                quantity=quantity,
                unit_price=price,
                amount=value,
                taxable=ref(detail.get("TaxCodeRef")) == "TAX",
                item=ref(item) if item else None,
            )
        )
    return tuple(found)
