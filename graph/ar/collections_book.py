"""The collections list of a whole ERP: ranked from SQL sums on the local ledger
(``graph.ar.collections_ledger``, or its arrays: ``graph.ar.collections_ledger_arrays``), from
records on any other ERP (``graph.ar.collections_records``); Python objects (customers, invoice
numbers, notes) only for the entries shown.

The dispute and broken-promise signals come through ``Signals``
(``graph.ar.collections_signals``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.ar.behaviour import Behaviour, default_behaviour, learn
from graph.ar.collections import PriorityEntry, Ranked, rank
from graph.ar.collections_accounts import still_matters
from graph.ar.collections_ledger import LedgerSource
from graph.ar.collections_ledger_arrays import LedgerArraySource
from graph.ar.collections_records import RecordSource
from graph.ar.collections_signals import ErpSignals, LedgerSignals, Signals
from integrations.erp.port import ErpClient, is_local_ledger
from integrations.erp.records import Customer, Invoice, PromiseToPay


@dataclass
class CollectionsBook:
    """Every account ranked, and how to read what the entries shown need."""

    as_of: date
    ranked: list[Ranked]
    source: Any  # LedgerSource | RecordSource
    by_customer: dict[str, list[PromiseToPay]] = field(default_factory=dict)

    def entries(self, ranked: Sequence[Ranked]) -> list[PriorityEntry]:
        from graph.ar.collections_text import entry

        details = self.source.details([r.account for r in ranked], self.as_of, self.by_customer)
        return [entry(r, details, self.as_of) for r in ranked]

    def customers_of_collector(self, collector: str) -> set[str]:
        return self.source.customers_of_collector(collector)

    def collectors(self) -> list[str]:
        return sorted(self.source.collectors())

    def invoices(self, numbers: set[str]) -> dict[str, Invoice]:
        return self.source.invoices(numbers)

    def customers(self, ids: set[str]) -> dict[str, Customer]:
        return self.source.customers(ids)


def read_book(
    erp: ErpClient,
    as_of: date,
    signals: Signals | None = None,
    ledger: Any = None,
    top: int | None = None,
) -> CollectionsBook:
    """Every account ranked. ``ledger``: the local ledger's ``graph.ar.ledger_book.LedgerBook``
    when the caller has read it already (the digest): the totals come from its arrays, the same
    as the SQL sums, without reading the book again; with it, ``top``: only the first ``top``
    are wanted (``ranked`` holds them, in order, and only such others as could have been)."""
    local = is_local_ledger(erp)
    signals = signals or (LedgerSignals(erp) if local else ErpSignals(erp))
    source: Any
    if local and ledger is not None:
        source = LedgerArraySource(erp, ledger, top)
    else:
        source = LedgerSource(erp) if local else RecordSource(erp)
    disputed = signals.disputed_invoices()
    with _cyclic_gc_paused():
        accounts = source.accounts(as_of, disputed)
    promises = signals.broken_promises(as_of)
    open_numbers = source.open_numbers_of({p.invoice_number for p in promises if p.invoice_number})
    broken: dict[str, list[PromiseToPay]] = {}
    for promise in promises:
        if still_matters(promise, open_numbers, as_of):
            broken.setdefault(promise.customer_id, []).append(promise)
    with _cyclic_gc_paused():
        stats = source.stats(as_of, accounts)
        book = getattr(source, "book_totals", None)
        ranked = rank(accounts, stats, {c: len(p) for c, p in broken.items()}, book)
    return CollectionsBook(as_of, ranked, source, broken)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cycle collector while tens of thousands of accounts are made: none is in a
    cycle, and each collection would walk every live object. It resumes afterwards only if it
    was on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def behaviours_of(
    erp: ErpClient, as_of: date, customer_id: str | None = None
) -> dict[str, Behaviour]:
    """Each customer's payment behaviour (or one customer's), as the collections list learns it.
    One customer's is shrunk towards the default, not the book's: the book is not read."""
    source = LedgerSource(erp) if is_local_ledger(erp) else RecordSource(erp)
    accounts = source.accounts(as_of, frozenset(), customer_id=customer_id)
    return learn(source.stats(as_of, accounts, customer_id=customer_id))


def behaviour_of(erp: ErpClient, customer_id: str, as_of: date) -> Behaviour:
    return behaviours_of(erp, as_of, customer_id).get(customer_id) or default_behaviour(
        customer_id, {}
    )
