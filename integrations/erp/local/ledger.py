"""The local ledger: a small, real AR ledger implementing ``ErpClient`` on SQLAlchemy.

Invariants kept by every write, inside one transaction:
- invoice balance = amount − applications − adjustments against it (never below zero);
- payment unapplied = amount − its applications (never below zero).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine, select

from integrations.db import make_engine, migrate
from integrations.erp.local import schema as t
from integrations.erp.local.ledger_reads import LedgerReads
from integrations.erp.local.ledger_writes import LedgerWrites
from integrations.erp.money import ZERO

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "ledger_alembic_version"


class LocalLedger(LedgerReads, LedgerWrites):
    """``ErpClient`` over the ledger tables. Reads are plain queries; every write is one
    transaction that claims its idempotency key first, so a repeated write changes nothing."""

    name = "local"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> LocalLedger:
        engine = make_engine(url)
        migrate(engine, MIGRATIONS, VERSION_TABLE)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # --- integrity -------------------------------------------------------------------------
    def integrity_problems(self) -> list[str]:
        """Every invoice and payment whose stored balance disagrees with its history."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            applied: dict[str, Decimal] = defaultdict(lambda: ZERO)
            by_payment: dict[str, Decimal] = defaultdict(lambda: ZERO)
            for pay_id, inv, amount in conn.execute(
                select(
                    t.applications.c.payment_id,
                    t.applications.c.invoice_number,
                    t.applications.c.amount,
                )
            ):
                applied[inv] += amount
                by_payment[pay_id] += amount
            adjusted: dict[str, Decimal] = defaultdict(lambda: ZERO)
            for inv, amount in conn.execute(
                select(t.adjustments.c.invoice_number, t.adjustments.c.amount).where(
                    t.adjustments.c.invoice_number.is_not(None)
                )
            ):
                adjusted[inv] += amount
            for number, amount, balance in conn.execute(
                select(t.invoices.c.invoice_number, t.invoices.c.amount, t.invoices.c.balance)
            ):
                expected = amount - applied[number] - adjusted[number]
                if balance != expected:
                    problems.append(f"invoice {number}: balance {balance}, history says {expected}")
            for pay_id, amount, unapplied in conn.execute(
                select(t.payments.c.payment_id, t.payments.c.amount, t.payments.c.unapplied)
            ):
                expected = amount - by_payment[pay_id]
                if unapplied != expected:
                    problems.append(
                        f"payment {pay_id}: unapplied {unapplied}, history says {expected}"
                    )
        return problems
