"""The demo company's pending sales orders: goods and freight lines, a PO number, for about a
quarter of its customers."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from integrations.erp.local.demo_books import DemoBooks, draw_money

ORDER_GOODS = (
    "Industrial fasteners, case of 500",
    "Hydraulic hose assemblies",
    "Packaging film, pallet",
    "Replacement filters",
    "Safety gloves, carton",
    "Conveyor belt sections",
)


def pending_orders(books: DemoBooks, customer: dict[str, Any]) -> None:
    """One or two pending sales orders, for about a quarter of the customers."""
    rng, as_of = books.rng, books.as_of
    if rng.random() < 0.25:
        for _ in range(rng.randint(1, 2)):
            order = {
                "order_id": f"SO-{len(books.orders) + 1001}",
                "customer_id": customer["customer_id"],
                "order_date": as_of - timedelta(days=rng.randint(0, 5)),
                "amount": draw_money(rng, customer["_typical"] * 0.5, customer["_typical"] * 3),
                "currency": customer["currency"],
                "status": "pending",
            }
            order["po_number"] = _order_lines(books, order)
            books.orders.append(order)


def _order_lines(books: DemoBooks, order: dict[str, Any]) -> str:
    """The order's lines (goods, then freight making up the rest) and its PO number, drawn
    from the order's own id so the rest of the company stays as it was."""
    draw = random.Random(order["order_id"])
    amount: Decimal = order["amount"]
    description = draw.choice(ORDER_GOODS)
    quantity = draw.randint(2, 24)
    price = (amount * Decimal("0.92") / quantity).quantize(Decimal("0.01"), "ROUND_FLOOR")
    goods = price * quantity
    lines = [(description, Decimal(quantity), price, goods, True)]
    freight = amount - goods
    if freight > 0:
        lines.append(("Freight and handling", Decimal(1), freight, freight, False))
    for number, (text, qty, unit, value, taxable) in enumerate(lines, start=1):
        books.order_lines.append(
            {
                "order_id": order["order_id"],
                "line_no": number,
                "description": text,
                "quantity": qty,
                "unit_price": unit,
                "amount": value,
                "taxable": taxable,
                "item": None,
            }
        )
    return f"PO-{draw.randint(40000, 99999)}"
