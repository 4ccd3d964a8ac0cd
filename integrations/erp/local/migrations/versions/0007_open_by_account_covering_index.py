"""The collections list sums every open account in one GROUP BY (``aggregates.account_rows``):
the aging buckets from the due date and balance, and the partly paid money, which compares the
balance with the amount. The open-by-customer index of 0003 lacked the amount, so SQLite looked
up every open invoice's row in the table (a million look-ups on a book of a million open
invoices). This index is that one with the amount added: the sum reads the index alone. It
replaces 0003's (the same leading columns serve the same look-ups), on SQLite and PostgreSQL.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OPEN = sa.text("balance > 0")
TABLE = "ledger_invoices"
NEW = (
    "ix_ledger_invoices_open_by_account",
    ["customer_id", "currency", "due_date", "balance", "amount"],
)
OLD = ("ix_ledger_invoices_open_by_customer", ["customer_id", "currency", "due_date", "balance"])


def _swap(drop: tuple[str, list[str]], create: tuple[str, list[str]]) -> None:
    op.create_index(create[0], TABLE, create[1], sqlite_where=OPEN, postgresql_where=OPEN)
    op.drop_index(drop[0], table_name=TABLE)


def upgrade() -> None:
    _swap(OLD, NEW)


def downgrade() -> None:
    _swap(NEW, OLD)
