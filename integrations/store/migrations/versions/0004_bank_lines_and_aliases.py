"""Bank lines already processed (so a file run twice changes nothing) and payer aliases learned
from approved matches.

Revision ID: s0004
Revises: s0003
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_bank_lines",
        sa.Column("payment_id", sa.String(200), primary_key=True),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("payer_name", sa.String(400), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("approval_id", sa.String(32)),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("processed_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_store_bank_lines_decision", "store_bank_lines", ["decision"])
    op.create_table(
        "store_payer_aliases",
        sa.Column("payer_key", sa.String(400), primary_key=True),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("approval_id", sa.String(32)),
        sa.Column("learned_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("store_payer_aliases")
    op.drop_table("store_bank_lines")
