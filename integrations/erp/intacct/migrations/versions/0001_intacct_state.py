"""arbot's Intacct state: write journal, notes, sales order decisions, change polling.

Revision ID: intacct_0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

from integrations.db import UtcDateTime

revision = "intacct_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "intacct_writes",
        sa.Column("idempotency_key", sa.String(255), primary_key=True),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("erp_reference", sa.String(255)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "intacct_notes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("idempotency_key", sa.String(255), nullable=False, unique=True),
        sa.Column("customer_id", sa.String(64), nullable=False, index=True),
        sa.Column("invoice_number", sa.String(64)),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "intacct_order_status",
        sa.Column("order_id", sa.String(64), primary_key=True),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("idempotency_key", sa.String(255), nullable=False),
        sa.Column("decided_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "intacct_sync_marks",
        sa.Column("object", sa.String(32), primary_key=True),
        sa.Column("watermark", sa.String(32)),
        sa.Column("polled_at", UtcDateTime),
        sa.Column("reconciled_at", UtcDateTime),
    )
    op.create_table(
        "intacct_seen",
        sa.Column("object", sa.String(32), primary_key=True),
        sa.Column("record_key", sa.String(64), primary_key=True),
        sa.Column("modified", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "intacct_seen",
        "intacct_sync_marks",
        "intacct_order_status",
        "intacct_notes",
        "intacct_writes",
    ):
        op.drop_table(table)
