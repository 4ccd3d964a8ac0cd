"""The reads of arbot's disputes that reports and the digest use, without the dispute actions
that ``graph.disputes`` defines (nor ``graph.action_base``): ``open_disputes``,
``disputed_numbers``, ``without_disputed``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from integrations.erp.records import Invoice
from integrations.store.collector import CollectorStore, Dispute


def open_disputes(
    store: CollectorStore | None, customer_ids: Iterable[str] | None = None
) -> list[Dispute]:
    """Open disputes, of some customers or of all (oldest first)."""
    if store is None:
        return []
    ids = None if customer_ids is None else list(customer_ids)
    return store.disputes(customer_ids=ids, status="open")


def disputed_numbers(store: CollectorStore | None, invoice_numbers: Iterable[str]) -> set[str]:
    """Which of these invoices have an open dispute."""
    if store is None:
        return set()
    found = store.disputes(invoice_numbers=list(invoice_numbers), status="open")
    return {d.invoice_number for d in found}


def without_disputed(
    store: CollectorStore | None, invoices: Sequence[Invoice]
) -> tuple[list[Invoice], list[Invoice]]:
    """(the invoices a reminder may chase, the disputed ones it leaves out)."""
    disputed = disputed_numbers(store, [i.invoice_number for i in invoices])
    return (
        [i for i in invoices if i.invoice_number not in disputed],
        [i for i in invoices if i.invoice_number in disputed],
    )
