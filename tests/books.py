"""A small ledger that tests write to: two related customers, a stranger, four open invoices."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import insert

from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.records import invoice_number_key

if TYPE_CHECKING:
    from graph.agent import Agent

D = Decimal
# P1's pending order SO-1 (5,000.00, PO-SO-1), line by line: the same on every ERP of
# tests/erp_kit.py (description, quantity, unit price, taxable).
SO_1_LINES = (
    ("Widgets, case of 12", "40", "100.00", False),
    ("Installation", "1", "1000.00", False),
)


def seed_books(ledger: LocalLedger) -> None:
    with ledger.writing() as conn:
        base = {
            "terms_days": 30,
            "on_hold": False,
            "discount_percent": D(0),
            "discount_days": 0,
            "credit_limit": None,
            "parent_id": None,
            "email": None,
            "collector": None,
        }
        conn.execute(
            insert(t.customers),
            [
                {
                    **base,
                    "customer_id": "P1",
                    "name": "Parent Co",
                    "currency": "USD",
                    "credit_limit": D("10000.00"),
                    "email": "ap@parent.example.com",
                },
                {
                    **base,
                    "customer_id": "S1",
                    "name": "Subsidiary Co",
                    "currency": "USD",
                    "parent_id": "P1",
                },
                {**base, "customer_id": "X1", "name": "Stranger Ltd", "currency": "EUR"},
            ],
        )
        rows = [
            ("INV-001", "P1", "1000.00", "USD", date(2026, 9, 1)),
            ("INV-002", "P1", "250.50", "USD", date(2026, 10, 1)),
            ("INV-003", "S1", "99.99", "USD", date(2026, 11, 1)),
            ("INV-004", "X1", "500.00", "EUR", date(2026, 6, 1)),
        ]
        conn.execute(
            insert(t.invoices),
            [
                {
                    "invoice_number": n,
                    "number_key": invoice_number_key(n),
                    "customer_id": c,
                    "invoice_date": d,
                    "due_date": date.fromordinal(d.toordinal() + 30),
                    "amount": D(a),
                    "balance": D(a),
                    "currency": cur,
                    "po_number": f"PO-{n[-3:]}",
                }
                for n, c, a, cur, d in rows
            ],
        )
        conn.execute(
            insert(t.sales_orders).values(
                order_id="SO-1",
                customer_id="P1",
                order_date=date(2026, 11, 20),
                amount=D("5000.00"),
                currency="USD",
                status="pending",
                po_number="PO-SO-1",
            )
        )
        conn.execute(
            insert(t.sales_order_lines),
            [
                {
                    "order_id": "SO-1",
                    "line_no": n,
                    "description": text,
                    "quantity": D(quantity),
                    "unit_price": D(price),
                    "amount": D(quantity) * D(price),
                    "taxable": taxable,
                    "item": None,
                }
                for n, (text, quantity, price, taxable) in enumerate(SO_1_LINES, start=1)
            ],
        )


def books_agent(directory: Path, today: date) -> Agent:
    """An agent on the seeded books in ``directory``, with an approval service on the same
    database (what a chat turn that proposes needs)."""
    from graph.agent import Agent
    from tests.approvals_kit import service

    url = f"sqlite:///{directory / 'books.db'}"
    ledger = LocalLedger.open(url)
    seed_books(ledger)
    return Agent(ledger, today=lambda: today, approvals=service(url, erp=ledger))
