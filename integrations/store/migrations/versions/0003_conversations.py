"""Conversation references for proactive messages (Teams digest).

Revision ID: s0003
Revises: s0002
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_conversations",
        sa.Column("surface", sa.String(20), primary_key=True),
        sa.Column("conversation_id", sa.String(400), primary_key=True),
        sa.Column("service_url", sa.String(400), nullable=False),
        sa.Column("tenant_id", sa.String(100)),
        sa.Column("kind", sa.String(40)),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("store_conversations")
