"""Keyed audit records (which key made each hash, the approval state each one binds), one run
per bank file (claims), and the run that processed each bank line.

Records written before this revision keep their SHA-256 hashes and a NULL ``key_id``:
``arbot audit verify`` reports them as unkeyed (before the first keyed record), not as broken.

Revision ID: s0005
Revises: s0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("store_audit") as batch:
        batch.add_column(sa.Column("key_id", sa.String(40)))
        batch.add_column(sa.Column("state", sa.String(64)))
    with op.batch_alter_table("store_bank_lines") as batch:
        batch.add_column(sa.Column("run_key", sa.String(64)))
    op.create_table(
        "store_cash_runs",
        sa.Column("run_key", sa.String(64), primary_key=True),
        sa.Column("source", sa.String(400), nullable=False),
        sa.Column("lines", sa.Integer, nullable=False),
        sa.Column("owner", sa.String(32)),
        sa.Column("host", sa.String(200), nullable=False),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("claimed_at", sa.DateTime, nullable=False),
        sa.Column("heartbeat_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("takeovers", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("store_cash_runs")
    with op.batch_alter_table("store_bank_lines") as batch:
        batch.drop_column("run_key")
    with op.batch_alter_table("store_audit") as batch:
        batch.drop_column("state")
        batch.drop_column("key_id")
