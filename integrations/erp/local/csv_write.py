"""``arbot erp import``'s writes: the rows ``csv_import`` read and checked, inserted or updated in
one transaction (the caller's), each counted in the summary."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert, update

from integrations.erp.local import schema as t
from integrations.erp.local.ledger_writes import adjustment_id_for
from integrations.erp.records import invoice_number_key

if TYPE_CHECKING:
    from integrations.erp.local.csv_import import ImportSummary, PaymentIn


def write_customers(
    conn: Connection,
    rows: dict[str, dict[str, Any]],
    have: dict[str, dict[str, Any]],
    summary: ImportSummary,
) -> None:
    fresh = []
    for customer_id, row in rows.items():
        values = {k: v for k, v in row.items() if not k.startswith("_")}
        before = have.get(customer_id)
        if before is None:
            fresh.append(values | {"on_hold": False})
            continue
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        if changed:
            conn.execute(
                update(t.customers).where(t.customers.c.customer_id == customer_id).values(changed)
            )
            summary.updated["customers"] += 1
        else:
            summary.unchanged["customers"] += 1
    # Parents before their subsidiaries, for the foreign key.
    fresh.sort(key=lambda v: v["parent_id"] is not None)
    if fresh:
        conn.execute(insert(t.customers), fresh)
    summary.added["customers"] += len(fresh)


def write_invoices(
    conn: Connection,
    rows: dict[str, dict[str, Any]],
    have: dict[str, dict[str, Any]],
    summary: ImportSummary,
) -> None:
    fresh = []
    for number, row in rows.items():
        before = have.get(number)
        if before is not None:
            if (row["po_number"], row["due_date"]) != (before["po_number"], before["due_date"]):
                conn.execute(
                    update(t.invoices)
                    .where(t.invoices.c.invoice_number == number)
                    .values(po_number=row["po_number"], due_date=row["due_date"])
                )
            same = all(row[k] == before[k] for k in ("po_number", "due_date", "balance"))
            (summary.unchanged if same else summary.updated)["invoices"] += 1
            continue
        values = {k: v for k, v in row.items() if not k.startswith("_")}
        fresh.append(values | {"balance": row["amount"], "number_key": invoice_number_key(number)})
    if fresh:
        conn.execute(insert(t.invoices), fresh)
    summary.added["invoices"] += len(fresh)


def write_payments(
    conn: Connection,
    rows: dict[str, PaymentIn],
    have: dict[str, dict[str, Any]],
    summary: ImportSummary,
) -> None:
    for payment in rows.values():
        if payment.payment_id in have:
            summary.unchanged["payments"] += 1
            continue
        applied = sum((a for _, a in payment.applications), Decimal("0.00"))
        conn.execute(
            insert(t.payments).values(
                payment_id=payment.payment_id,
                customer_id=payment.customer_id,
                received_on=payment.received_on,
                amount=payment.amount,
                unapplied=payment.amount - applied,
                currency=payment.currency,
                method=payment.method,
                reference=payment.reference,
            )
        )
        for number, amount in payment.applications:
            conn.execute(
                insert(t.applications).values(
                    payment_id=payment.payment_id,
                    invoice_number=number,
                    amount=amount,
                    applied_on=payment.received_on,
                )
            )
            conn.execute(
                update(t.invoices)
                .where(t.invoices.c.invoice_number == number)
                .values(balance=t.invoices.c.balance - amount)
            )
        summary.added["payments"] += 1


def write_gaps(
    conn: Connection, gaps: dict[str, Decimal], invoices: dict[str, dict[str, Any]], today: date
) -> None:
    for number, gap in gaps.items():
        row = invoices[number]
        key = f"import-balance:{number}:{row['balance']}"
        conn.execute(
            insert(t.adjustments).values(
                adjustment_id=adjustment_id_for(key),
                customer_id=row["customer_id"],
                invoice_number=number,
                adjusted_on=today,
                amount=gap,
                currency=row["currency"],
                kind="imported_balance",
                reason_code=None,
                memo=f"activity before import: the export states a balance of {row['balance']}",
            )
        )
        conn.execute(
            update(t.invoices)
            .where(t.invoices.c.invoice_number == number)
            .values(balance=t.invoices.c.balance - gap)
        )


def write_orders(
    conn: Connection,
    rows: dict[str, dict[str, Any]],
    have: dict[str, dict[str, Any]],
    summary: ImportSummary,
) -> None:
    fresh = []
    for order_id, values in rows.items():
        before = have.get(order_id)
        if before is None:
            fresh.append(values)
        elif any(before[k] != v for k, v in values.items()):
            conn.execute(
                update(t.sales_orders).where(t.sales_orders.c.order_id == order_id).values(values)
            )
            summary.updated["sales_orders"] += 1
        else:
            summary.unchanged["sales_orders"] += 1
    if fresh:
        conn.execute(insert(t.sales_orders), fresh)
    summary.added["sales_orders"] += len(fresh)
