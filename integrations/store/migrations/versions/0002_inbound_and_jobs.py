"""Inbound deliveries already handled (Slack retries), and once-a-day job claims.

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_inbound",
        sa.Column("delivery_key", sa.String(200), primary_key=True),
        sa.Column("seen_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "store_job_runs",
        sa.Column("job", sa.String(100), primary_key=True),
        sa.Column("run_on", sa.Date, primary_key=True),
        sa.Column("runner", sa.String(200), nullable=False),
        sa.Column("claimed_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("store_job_runs")
    op.drop_table("store_inbound")
