"""PO numbers are looked up in any case (``upper(po_number) = 'PO-1'``): an index on that
expression, so a PO look-up reads the index instead of every invoice. The plain index on
``po_number`` stays (exact matches, the CSV import's checks).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEX = "ix_ledger_invoices_po_number_upper"


def upgrade() -> None:
    op.create_index(INDEX, "ledger_invoices", [sa.text("upper(po_number)")])


def downgrade() -> None:
    op.drop_index(INDEX, table_name="ledger_invoices")
