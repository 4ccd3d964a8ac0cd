"""Questions about the whole book read only the open invoices, summed per customer and currency
or per currency and due date, or the largest by balance: partial indexes over ``balance > 0``
let SQLite and PostgreSQL answer them from the index alone instead of reading every invoice
ever issued.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

OPEN = sa.text("balance > 0")
INDEXES = {
    "ix_ledger_invoices_open_by_customer": ["customer_id", "currency", "due_date", "balance"],
    "ix_ledger_invoices_open_by_due": ["currency", "due_date", "balance"],
    "ix_ledger_invoices_open_by_balance": ["balance"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "ledger_invoices", columns, sqlite_where=OPEN, postgresql_where=OPEN)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="ledger_invoices")
