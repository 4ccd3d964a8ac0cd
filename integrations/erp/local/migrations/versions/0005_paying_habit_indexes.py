"""How fast customers pay ("slowest payers", "average days to pay") is weighted over every
payment application: each application, its payment's date and its invoice's dates. Covering
indexes let SQLite and PostgreSQL read them from the indexes alone, payments in customer order
(no sort for the GROUP BY), instead of reading every application, payment and invoice row.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_ledger_payments_customer_received": (
        "ledger_payments",
        ["customer_id", "payment_id", "received_on"],
    ),
    "ix_ledger_applications_payment_invoice": (
        "ledger_applications",
        ["payment_id", "invoice_number", "amount"],
    ),
    "ix_ledger_invoices_dates": ("ledger_invoices", ["invoice_number", "invoice_date", "due_date"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
