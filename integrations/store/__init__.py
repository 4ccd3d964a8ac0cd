"""The bot's own database: approvals, the audit trail, LangGraph checkpoints."""

from integrations.store.store import Approval, AuditRecord, Store

__all__ = ["Approval", "AuditRecord", "Store"]
