"""Sales orders of the local ledger, read with their lines (two queries however many orders)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Engine, select

from integrations.erp.local import schema as t
from integrations.erp.records import OrderLine, SalesOrder
from integrations.plain_in import chunks


def read_sales_orders(
    engine: Engine, customer_id: str | None = None, status: str | None = None
) -> list[SalesOrder]:
    s = t.sales_orders.c
    query = select(t.sales_orders).order_by(s.order_date, s.order_id)
    if customer_id is not None:
        query = query.where(s.customer_id == customer_id)
    if status is not None:
        query = query.where(s.status == status)
    with engine.connect() as conn:
        rows = list(conn.execute(query).mappings())
        ids = [r["order_id"] for r in rows]
        lines: dict[str, list[OrderLine]] = defaultdict(list)
        line = t.sales_order_lines.c
        for chunk in chunks(ids):
            found = conn.execute(
                select(t.sales_order_lines)
                .where(line.order_id.in_(chunk))
                .order_by(line.order_id, line.line_no)
            ).mappings()
            for r in found:
                lines[r["order_id"]].append(
                    OrderLine(
                        description=r["description"],
                        quantity=r["quantity"],
                        unit_price=r["unit_price"],
                        amount=r["amount"],
                        taxable=bool(r["taxable"]),
                        item=r["item"],
                    )
                )
    return [
        SalesOrder(
            r["order_id"],
            r["customer_id"],
            r["order_date"],
            r["amount"],
            r["currency"],
            r["status"],
            po_number=r["po_number"],
            lines=tuple(lines.get(r["order_id"], ())),
            tax=r["tax"],
        )
        for r in rows
    ]
