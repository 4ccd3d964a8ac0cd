"""Work shared by replicas: the background lease, versions every replica checks, token buckets
(the QuickBooks request limit), and when a once-a-day job was done (a failed one is retried).

Revision ID: s0007
Revises: s0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "s0007"
down_revision = "s0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("store_job_runs") as batch:
        batch.add_column(sa.Column("done_at", sa.DateTime))
    # Claims made before this revision were posted when they were claimed.
    op.execute("UPDATE store_job_runs SET done_at = claimed_at")
    op.create_index("ix_store_inbound_seen_at", "store_inbound", ["seen_at"])
    op.create_table(
        "store_leases",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("holder", sa.String(200), nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "store_versions",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "store_rate_buckets",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("tokens", sa.Float, nullable=False),
        sa.Column("refilled_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("store_rate_buckets")
    op.drop_table("store_versions")
    op.drop_table("store_leases")
    op.drop_index("ix_store_inbound_seen_at", "store_inbound")
    with op.batch_alter_table("store_job_runs") as batch:
        batch.drop_column("done_at")
