"""Sales orders carry what they are for: their lines (description, quantity, unit price,
amount, taxable, the item), a PO number and the tax in their total. Orders from before keep no
lines and are billed as one line of their total.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ledger_sales_orders") as batch:
        batch.add_column(sa.Column("po_number", sa.String(64)))
        batch.add_column(sa.Column("tax", sa.BigInteger, nullable=False, server_default="0"))
    op.create_table(
        "ledger_sales_order_lines",
        sa.Column(
            "order_id",
            sa.String(64),
            sa.ForeignKey("ledger_sales_orders.order_id"),
            primary_key=True,
        ),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("description", sa.String(500), nullable=False),
        sa.Column("quantity", sa.BigInteger, nullable=False),
        sa.Column("unit_price", sa.BigInteger, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("taxable", sa.Boolean, nullable=False),
        sa.Column("item", sa.String(100)),
        sa.CheckConstraint("quantity > 0", name="ck_order_line_quantity_positive"),
    )


def downgrade() -> None:
    op.drop_table("ledger_sales_order_lines")
    with op.batch_alter_table("ledger_sales_orders") as batch:
        batch.drop_column("tax")
        batch.drop_column("po_number")
