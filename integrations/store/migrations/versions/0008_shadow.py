"""Shadow mode: what arbot would have done in monitor mode, and what people then did.

Revision ID: s0008
Revises: s0007
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "s0008"
down_revision = "s0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_shadow",
        sa.Column("shadow_id", sa.String(300), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("customer_id", sa.String(64)),
        sa.Column("currency", sa.String(3)),
        sa.Column("amount", sa.BigInteger),
        sa.Column("suggested", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float),
        sa.Column("would", sa.String(20), nullable=False),
        sa.Column("observed_on", sa.Date, nullable=False),
        sa.Column("observed_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("actual", sa.Text),
        sa.Column("settled_on", sa.Date),
        sa.Column("settled_at", sa.DateTime),
    )
    op.create_index("ix_store_shadow_kind", "store_shadow", ["kind"])
    op.create_index("ix_store_shadow_observed_on", "store_shadow", ["observed_on"])
    op.create_index("ix_store_shadow_status", "store_shadow", ["status"])


def downgrade() -> None:
    op.drop_table("store_shadow")
