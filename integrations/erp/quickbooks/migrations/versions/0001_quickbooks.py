"""QuickBooks Online: tokens, writes, credit terms, id maps, order states, events, CDC cursor.

Revision ID: q0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "q0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quickbooks_tokens",
        sa.Column("realm_id", sa.String(64), primary_key=True),
        sa.Column("refresh_token", sa.Text, nullable=False),
        sa.Column("access_token", sa.Text),
        sa.Column("access_expires_at", sa.DateTime),
        sa.Column("refresh_expires_at", sa.DateTime),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("problem", sa.Text),
        sa.Column("seed_hash", sa.String(64)),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("lease_owner", sa.String(64)),
        sa.Column("lease_until", sa.DateTime),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "quickbooks_writes",
        sa.Column("realm_id", sa.String(64), primary_key=True),
        sa.Column("idempotency_key", sa.String(200), primary_key=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("erp_reference", sa.String(200)),
        sa.Column("progress", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "quickbooks_credit",
        sa.Column("realm_id", sa.String(64), primary_key=True),
        sa.Column("customer_id", sa.String(64), primary_key=True),
        sa.Column("credit_limit", sa.BigInteger),
        sa.Column("on_hold", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "quickbooks_payment_ids",
        sa.Column("realm_id", sa.String(64), primary_key=True),
        sa.Column("payment_id", sa.String(100), primary_key=True),
        sa.Column("qbo_id", sa.String(64), nullable=False),
        sa.UniqueConstraint("realm_id", "qbo_id", name="uq_quickbooks_payment_ids_qbo_id"),
    )
    op.create_table(
        "quickbooks_adjustments",
        sa.Column("realm_id", sa.String(64), primary_key=True),
        sa.Column("credit_memo_id", sa.String(64), primary_key=True),
        sa.Column("invoice_number", sa.String(64)),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("reason_code", sa.String(20)),
        sa.Column("memo", sa.Text, nullable=False),
    )
    op.create_table(
        "quickbooks_order_status",
        sa.Column("realm_id", sa.String(64), primary_key=True),
        sa.Column("estimate_id", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("qbo_status", sa.String(20), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "quickbooks_events",
        sa.Column("realm_id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(200), primary_key=True),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_quickbooks_events_received_at", "quickbooks_events", ["received_at"])
    op.create_table(
        "quickbooks_cdc_cursor",
        sa.Column("realm_id", sa.String(64), primary_key=True),
        sa.Column("changed_since", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "quickbooks_cdc_cursor",
        "quickbooks_events",
        "quickbooks_order_status",
        "quickbooks_adjustments",
        "quickbooks_payment_ids",
        "quickbooks_credit",
        "quickbooks_writes",
        "quickbooks_tokens",
    ):
        op.drop_table(table)
