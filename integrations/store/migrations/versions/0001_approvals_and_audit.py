"""Approvals and the hash-chained audit trail.

Revision ID: s0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    op.create_table(
        "store_approvals",
        sa.Column("approval_id", sa.String(32), primary_key=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("amount", sa.BigInteger),
        sa.Column("currency", sa.String(3)),
        sa.Column("customer_id", sa.String(64)),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("idempotency_key", sa.String(200), nullable=False),
        sa.Column("requested_by", sa.String(200), nullable=False),
        sa.Column("proposed_by", sa.String(200), nullable=False),
        sa.Column("decided_by", sa.String(200)),
        sa.Column("decided_at", sa.DateTime),
        sa.Column("note", sa.Text),
        sa.Column("erp_reference", sa.String(200)),
        sa.Column("interrupt_id", sa.String(128)),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("executing_since", sa.DateTime),
        sa.Column("origin", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_store_approvals_status", "store_approvals", ["status"])
    op.create_index("ix_store_approvals_idempotency_key", "store_approvals", ["idempotency_key"])
    op.create_table(
        "store_audit",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("approval_id", sa.String(32)),
        sa.Column("event", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("erp_reference", sa.String(200)),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_store_audit_approval_id", "store_audit", ["approval_id"])
    head = op.create_table(
        "store_audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "last_seq": 0, "last_hash": GENESIS}])


def downgrade() -> None:
    op.drop_table("store_audit_head")
    op.drop_table("store_audit")
    op.drop_table("store_approvals")
