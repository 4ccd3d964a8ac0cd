"""Tables of the local ledger. Money is stored as integer cents (exact in SQLite and PostgreSQL)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
)
from sqlalchemy.types import TypeDecorator


class Money(TypeDecorator[Decimal]):
    """A Decimal with two places, stored as an integer number of cents."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: object) -> int | None:
        if value is None:
            return None
        cents = Decimal(value).scaleb(2)
        if cents != cents.to_integral_value():
            raise ValueError(f"{value} has more than two decimals")
        return int(cents)

    def process_result_value(self, value: int | None, dialect: object) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-2).quantize(Decimal("0.01"))


class Quantity(TypeDecorator[Decimal]):
    """A Decimal with up to four places (quantities, unit prices), stored as an integer number
    of ten-thousandths."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: object) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value).scaleb(4)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than four decimals")
        return int(scaled)

    def process_result_value(self, value: int | None, dialect: object) -> Decimal | None:
        if value is None:
            return None
        exact = Decimal(int(value)).scaleb(-4)
        if exact == exact.to_integral_value():
            return exact.quantize(Decimal(1))
        return exact.normalize()


class UnitPrice(Quantity):
    """A unit price: like ``Quantity``, read back with at least two places (``22.50``)."""

    cache_ok = True

    def process_result_value(self, value: int | None, dialect: object) -> Decimal | None:
        exact = super().process_result_value(value, dialect)
        if exact is None or exact.as_tuple().exponent < -2:  # type: ignore[operator]
            return exact
        return exact.quantize(Decimal("0.01"))


metadata = MetaData()

customers = Table(
    "ledger_customers",
    metadata,
    Column("customer_id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("terms_days", Integer, nullable=False),
    Column("credit_limit", Money),
    Column("email", String(200)),
    Column("on_hold", Boolean, nullable=False, default=False),
    Column("discount_percent", Money, nullable=False, default=Decimal("0")),
    Column("discount_days", Integer, nullable=False, default=0),
    Column("parent_id", String(64)),
    Column("collector", String(100)),
)

invoices = Table(
    "ledger_invoices",
    metadata,
    Column("invoice_number", String(64), primary_key=True),
    Column("number_key", String(64), nullable=False, index=True),
    Column(
        "customer_id",
        String(64),
        ForeignKey("ledger_customers.customer_id"),
        nullable=False,
        index=True,
    ),
    Column("invoice_date", Date, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("amount", Money, nullable=False),
    Column("balance", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("po_number", String(64), index=True),
    CheckConstraint("balance >= 0 AND balance <= amount", name="ck_invoice_balance_range"),
)
# PO look-ups compare upper(po_number) (LocalLedger.invoices_by_po): migration 0002.
Index("ix_ledger_invoices_po_number_upper", func.upper(invoices.c.po_number))
# Whole-book sums read the open invoices only, from partial indexes over ``balance > 0``
# (ledger_invoices_open_by_due / _by_balance of migration 0003; _by_account, with the amount
# so that the collections sums read it alone, of 0007). They exist in the migrations
# alone: declared here, their dialect options would import SQLAlchemy's PostgreSQL dialect
# in every command, SQLite users' included.

payments = Table(
    "ledger_payments",
    metadata,
    Column("payment_id", String(64), primary_key=True),
    Column(
        "customer_id",
        String(64),
        ForeignKey("ledger_customers.customer_id"),
        nullable=False,
        index=True,
    ),
    Column("received_on", Date, nullable=False, index=True),
    Column("amount", Money, nullable=False),
    Column("unapplied", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("method", String(20), nullable=False, default="ach"),
    Column("reference", Text, nullable=False, default=""),
    CheckConstraint("unapplied >= 0 AND unapplied <= amount", name="ck_payment_unapplied_range"),
)

applications = Table(
    "ledger_applications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "payment_id",
        String(64),
        ForeignKey("ledger_payments.payment_id"),
        nullable=False,
        index=True,
    ),
    Column(
        "invoice_number",
        String(64),
        ForeignKey("ledger_invoices.invoice_number"),
        nullable=False,
        index=True,
    ),
    Column("amount", Money, nullable=False),
    Column("applied_on", Date, nullable=False),
    CheckConstraint("amount > 0", name="ck_application_positive"),
)

adjustments = Table(
    "ledger_adjustments",
    metadata,
    Column("adjustment_id", String(64), primary_key=True),
    Column(
        "customer_id",
        String(64),
        ForeignKey("ledger_customers.customer_id"),
        nullable=False,
        index=True,
    ),
    Column("invoice_number", String(64), ForeignKey("ledger_invoices.invoice_number"), index=True),
    Column("adjusted_on", Date, nullable=False),
    Column("amount", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("reason_code", String(30)),
    Column("memo", Text, nullable=False, default=""),
    CheckConstraint("amount > 0", name="ck_adjustment_positive"),
)

sales_orders = Table(
    "ledger_sales_orders",
    metadata,
    Column("order_id", String(64), primary_key=True),
    Column(
        "customer_id",
        String(64),
        ForeignKey("ledger_customers.customer_id"),
        nullable=False,
        index=True,
    ),
    Column("order_date", Date, nullable=False),
    Column("amount", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("status", String(20), nullable=False, default="pending"),
    Column("po_number", String(64)),  # migration 0004
    Column("tax", Money, nullable=False, default=Decimal("0")),  # migration 0004
)

# What an order is for, line by line (migration 0004); an order without lines is billed as
# one line of its total.
sales_order_lines = Table(
    "ledger_sales_order_lines",
    metadata,
    Column(
        "order_id",
        String(64),
        ForeignKey("ledger_sales_orders.order_id"),
        primary_key=True,
    ),
    Column("line_no", Integer, primary_key=True),
    Column("description", String(500), nullable=False),
    Column("quantity", Quantity, nullable=False),
    Column("unit_price", UnitPrice, nullable=False),
    Column("amount", Money, nullable=False),
    Column("taxable", Boolean, nullable=False, default=False),
    Column("item", String(100)),
    CheckConstraint("quantity > 0", name="ck_order_line_quantity_positive"),
)

promises = Table(
    "ledger_promises",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "customer_id",
        String(64),
        ForeignKey("ledger_customers.customer_id"),
        nullable=False,
        index=True,
    ),
    Column("invoice_number", String(64), ForeignKey("ledger_invoices.invoice_number")),
    Column("promised_on", Date, nullable=False),
    Column("amount", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("status", String(10), nullable=False),
)

notes = Table(
    "ledger_notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "customer_id",
        String(64),
        ForeignKey("ledger_customers.customer_id"),
        nullable=False,
        index=True,
    ),
    Column("invoice_number", String(64), ForeignKey("ledger_invoices.invoice_number")),
    Column("author", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# One row per idempotent write: the key of an approved action and what it produced.
writes = Table(
    "ledger_writes",
    metadata,
    Column("idempotency_key", String(200), primary_key=True),
    Column("action", String(40), nullable=False),
    Column("erp_reference", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

meta = Table(
    "ledger_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
