"""Disputes on invoices and promises to pay, kept in arbot's store (every ERP).

Revision ID: s0006
Revises: s0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "s0006"
down_revision = "s0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_disputes",
        sa.Column("dispute_id", sa.String(32), primary_key=True),
        sa.Column("invoice_number", sa.String(100), nullable=False, index=True),
        sa.Column("customer_id", sa.String(64), nullable=False, index=True),
        sa.Column("reason_code", sa.String(40), nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("resolution", sa.String(20)),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("opened_by", sa.String(200), nullable=False),
        sa.Column("opened_at", sa.DateTime, nullable=False),
        sa.Column("resolved_by", sa.String(200)),
        sa.Column("resolved_at", sa.DateTime),
        sa.Column("approval_key", sa.String(200), nullable=False, unique=True),
    )
    op.create_table(
        "store_promises",
        sa.Column("promise_id", sa.String(32), primary_key=True),
        sa.Column("customer_id", sa.String(64), nullable=False, index=True),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("promised_on", sa.Date, nullable=False),
        sa.Column("invoice_number", sa.String(100)),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("captured_on", sa.Date, nullable=False),
        sa.Column("captured_by", sa.String(200), nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("kept_by", sa.Text),
        sa.Column("kept_on", sa.Date),
        sa.Column("approval_key", sa.String(200), nullable=False, unique=True),
    )


def downgrade() -> None:
    op.drop_table("store_promises")
    op.drop_table("store_disputes")
