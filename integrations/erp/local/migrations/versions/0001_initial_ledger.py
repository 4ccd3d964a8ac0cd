"""The local AR ledger: customers, invoices, payments and their applications, adjustments,
sales orders, promises to pay, notes, idempotent writes.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

CUSTOMER_FK = "ledger_customers.customer_id"
INVOICE_FK = "ledger_invoices.invoice_number"


def upgrade() -> None:
    op.create_table(
        "ledger_customers",
        sa.Column("customer_id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("terms_days", sa.Integer, nullable=False),
        sa.Column("credit_limit", sa.BigInteger),
        sa.Column("email", sa.String(200)),
        sa.Column("on_hold", sa.Boolean, nullable=False),
        sa.Column("discount_percent", sa.BigInteger, nullable=False),
        sa.Column("discount_days", sa.Integer, nullable=False),
        sa.Column("parent_id", sa.String(64)),
        sa.Column("collector", sa.String(100)),
    )
    op.create_table(
        "ledger_invoices",
        sa.Column("invoice_number", sa.String(64), primary_key=True),
        sa.Column("number_key", sa.String(64), nullable=False),
        sa.Column("customer_id", sa.String(64), sa.ForeignKey(CUSTOMER_FK), nullable=False),
        sa.Column("invoice_date", sa.Date, nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("balance", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("po_number", sa.String(64)),
        sa.CheckConstraint("balance >= 0 AND balance <= amount", name="ck_invoice_balance_range"),
    )
    op.create_index("ix_ledger_invoices_number_key", "ledger_invoices", ["number_key"])
    op.create_index("ix_ledger_invoices_customer_id", "ledger_invoices", ["customer_id"])
    op.create_index("ix_ledger_invoices_po_number", "ledger_invoices", ["po_number"])
    op.create_table(
        "ledger_payments",
        sa.Column("payment_id", sa.String(64), primary_key=True),
        sa.Column("customer_id", sa.String(64), sa.ForeignKey(CUSTOMER_FK), nullable=False),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("unapplied", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.CheckConstraint(
            "unapplied >= 0 AND unapplied <= amount", name="ck_payment_unapplied_range"
        ),
    )
    op.create_index("ix_ledger_payments_customer_id", "ledger_payments", ["customer_id"])
    op.create_index("ix_ledger_payments_received_on", "ledger_payments", ["received_on"])
    op.create_table(
        "ledger_applications",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "payment_id",
            sa.String(64),
            sa.ForeignKey("ledger_payments.payment_id"),
            nullable=False,
        ),
        sa.Column("invoice_number", sa.String(64), sa.ForeignKey(INVOICE_FK), nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("applied_on", sa.Date, nullable=False),
        sa.CheckConstraint("amount > 0", name="ck_application_positive"),
    )
    op.create_index("ix_ledger_applications_payment_id", "ledger_applications", ["payment_id"])
    op.create_index(
        "ix_ledger_applications_invoice_number", "ledger_applications", ["invoice_number"]
    )
    op.create_table(
        "ledger_adjustments",
        sa.Column("adjustment_id", sa.String(64), primary_key=True),
        sa.Column("customer_id", sa.String(64), sa.ForeignKey(CUSTOMER_FK), nullable=False),
        sa.Column("invoice_number", sa.String(64), sa.ForeignKey(INVOICE_FK)),
        sa.Column("adjusted_on", sa.Date, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("reason_code", sa.String(30)),
        sa.Column("memo", sa.Text, nullable=False),
        sa.CheckConstraint("amount > 0", name="ck_adjustment_positive"),
    )
    op.create_index("ix_ledger_adjustments_customer_id", "ledger_adjustments", ["customer_id"])
    op.create_index(
        "ix_ledger_adjustments_invoice_number", "ledger_adjustments", ["invoice_number"]
    )
    op.create_table(
        "ledger_sales_orders",
        sa.Column("order_id", sa.String(64), primary_key=True),
        sa.Column("customer_id", sa.String(64), sa.ForeignKey(CUSTOMER_FK), nullable=False),
        sa.Column("order_date", sa.Date, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
    )
    op.create_index("ix_ledger_sales_orders_customer_id", "ledger_sales_orders", ["customer_id"])
    op.create_table(
        "ledger_promises",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer_id", sa.String(64), sa.ForeignKey(CUSTOMER_FK), nullable=False),
        sa.Column("invoice_number", sa.String(64), sa.ForeignKey(INVOICE_FK)),
        sa.Column("promised_on", sa.Date, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
    )
    op.create_index("ix_ledger_promises_customer_id", "ledger_promises", ["customer_id"])
    op.create_table(
        "ledger_notes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer_id", sa.String(64), sa.ForeignKey(CUSTOMER_FK), nullable=False),
        sa.Column("invoice_number", sa.String(64), sa.ForeignKey(INVOICE_FK)),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_ledger_notes_customer_id", "ledger_notes", ["customer_id"])
    op.create_table(
        "ledger_writes",
        sa.Column("idempotency_key", sa.String(200), primary_key=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("erp_reference", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "ledger_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "ledger_meta",
        "ledger_writes",
        "ledger_notes",
        "ledger_promises",
        "ledger_sales_orders",
        "ledger_adjustments",
        "ledger_applications",
        "ledger_payments",
        "ledger_invoices",
        "ledger_customers",
    ):
        op.drop_table(table)
