"""How fast each customer pays, kept summed as the ledger is written (SQLite).

"Slowest payers" weighs every payment application by its amount: days from the invoice date to
the payment, and from the due date. Read by joining each application to its payment and invoice,
that is two index look-ups per application ever made (67,000 on the large demo, 150-250 ms of
CPU). ``ledger_paying_habits`` keeps, per paying customer, the applied cents, the cents × days
sums and the count, in the same transaction as every write that changes them — an application
added, removed or changed, an invoice's dates, a payment's date or payer — so an answer never
lags a write and the ranking reads 10,000 small rows. Day counts are whole days (dates are
stored as dates), so the sums are integers, exactly those of the join.

PostgreSQL keeps the join (a hash join there costs tens of milliseconds): the table and its
triggers are made on SQLite only, and ``graph.portfolio_sql_cash`` reads the table when it is
there.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLE = "ledger_paying_habits"


def _days(paid: str, since: str) -> str:
    return f"CAST(julianday({paid}) - julianday({since}) AS INTEGER)"


_UPSERT = (
    "ON CONFLICT(customer_id) DO UPDATE SET weight = weight + excluded.weight, "
    "to_pay = to_pay + excluded.to_pay, beyond = beyond + excluded.beyond, "
    "applications = applications + excluded.applications"
)


def _one(row: str, sign: int) -> str:
    """Add (sign 1) or take back (-1) one application row (NEW or OLD)."""
    return (
        f"INSERT INTO {TABLE} (customer_id, weight, to_pay, beyond, applications) "
        f"SELECT p.customer_id, {sign} * {row}.amount, "
        f"{sign} * {row}.amount * {_days('p.received_on', 'i.invoice_date')}, "
        f"{sign} * {row}.amount * {_days('p.received_on', 'i.due_date')}, {sign} "
        "FROM ledger_payments p JOIN ledger_invoices i "
        f"ON i.invoice_number = {row}.invoice_number WHERE p.payment_id = {row}.payment_id "
        f"{_UPSERT};"
    )


def _payment(row: str, sign: int) -> str:
    """Add or take back every application of one payment, as the payment row (NEW or OLD)
    says: its payer and its date."""
    return (
        f"INSERT INTO {TABLE} (customer_id, weight, to_pay, beyond, applications) "
        f"SELECT {row}.customer_id, {sign} * SUM(a.amount), "
        f"{sign} * SUM(a.amount * {_days(f'{row}.received_on', 'i.invoice_date')}), "
        f"{sign} * SUM(a.amount * {_days(f'{row}.received_on', 'i.due_date')}), "
        f"{sign} * COUNT(*) FROM ledger_applications a JOIN ledger_invoices i "
        f"ON i.invoice_number = a.invoice_number WHERE a.payment_id = {row}.payment_id "
        f"GROUP BY a.payment_id {_UPSERT};"
    )


def _invoice_dates() -> str:
    """An invoice's dates changed: its applications' days move by the difference."""
    change = f"({_days('p.received_on', 'NEW.{0}')} - {_days('p.received_on', 'OLD.{0}')})"
    return (
        f"INSERT INTO {TABLE} (customer_id, weight, to_pay, beyond, applications) "
        "SELECT p.customer_id, 0, "
        f"SUM(a.amount * {change.format('invoice_date')}), "
        f"SUM(a.amount * {change.format('due_date')}), 0 "
        "FROM ledger_applications a JOIN ledger_payments p ON p.payment_id = a.payment_id "
        f"WHERE a.invoice_number = NEW.invoice_number GROUP BY p.customer_id {_UPSERT};"
    )


TRIGGERS = {
    "trg_paying_habits_application_added": (
        "AFTER INSERT ON ledger_applications",
        _one("NEW", 1),
    ),
    "trg_paying_habits_application_removed": (
        "AFTER DELETE ON ledger_applications",
        _one("OLD", -1),
    ),
    "trg_paying_habits_application_changed": (
        "AFTER UPDATE OF amount, payment_id, invoice_number ON ledger_applications",
        _one("OLD", -1) + " " + _one("NEW", 1),
    ),
    "trg_paying_habits_payment_changed": (
        "AFTER UPDATE OF received_on, customer_id ON ledger_payments "
        "WHEN OLD.received_on IS NOT NEW.received_on OR OLD.customer_id IS NOT NEW.customer_id",
        _payment("OLD", -1) + " " + _payment("NEW", 1),
    ),
    "trg_paying_habits_invoice_dates_changed": (
        "AFTER UPDATE OF invoice_date, due_date ON ledger_invoices "
        "WHEN OLD.invoice_date IS NOT NEW.invoice_date OR OLD.due_date IS NOT NEW.due_date",
        _invoice_dates(),
    ),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_table(
        TABLE,
        sa.Column("customer_id", sa.String(64), primary_key=True),
        sa.Column("weight", sa.BigInteger, nullable=False),
        sa.Column("to_pay", sa.BigInteger, nullable=False),
        sa.Column("beyond", sa.BigInteger, nullable=False),
        sa.Column("applications", sa.Integer, nullable=False),
    )
    op.execute(
        f"INSERT INTO {TABLE} (customer_id, weight, to_pay, beyond, applications) "
        "SELECT p.customer_id, SUM(a.amount), "
        f"SUM(a.amount * {_days('p.received_on', 'i.invoice_date')}), "
        f"SUM(a.amount * {_days('p.received_on', 'i.due_date')}), COUNT(*) "
        "FROM ledger_applications a JOIN ledger_payments p ON p.payment_id = a.payment_id "
        "JOIN ledger_invoices i ON i.invoice_number = a.invoice_number GROUP BY p.customer_id"
    )
    for name, (when, body) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table(TABLE)
