"""The bot's own database: approvals, the audit trail, LangGraph checkpoints.

``Store`` and its records are imported on first use, so the clock (``integrations.store.clock``,
read by every command's settings) comes without the store's modules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from integrations.store.store import Approval, AuditRecord, Store

__all__ = ["Approval", "AuditRecord", "Store"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from integrations.store import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
