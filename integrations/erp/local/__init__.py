"""The built-in local ledger (SQLAlchemy; SQLite by default, PostgreSQL alike)."""

from integrations.erp.local.ledger import LocalLedger

__all__ = ["LocalLedger"]
