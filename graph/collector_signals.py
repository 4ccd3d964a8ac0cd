"""arbot's own disputes and promises to pay, plugged into the collections list's ``Signals``
(graph.ar.collections_signals): on every ERP the dispute and broken-promise factors see what was
opened or captured in arbot, besides what the ERP itself records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph.ar.collections_signals import ErpSignals, LedgerSignals, Signals
from graph.promise_reads import next_business_day, settle, status_as_of
from integrations.erp.port import ErpClient, is_local_ledger
from integrations.erp.records import PromiseToPay
from integrations.store.collector import CollectorStore


@dataclass
class StoreSignals:
    """The ERP's signals, with arbot's records on top: an invoice with an open dispute in arbot
    is disputed, one whose disputes arbot holds are all resolved is not (whatever the ERP's notes
    still say); arbot's promises, settled against payments first, broken from the business day
    after their date."""

    base: Signals
    store: CollectorStore
    erp: ErpClient
    settled: bool = False  # the caller settled the promises as of the day it reads

    def disputed_invoices(self) -> frozenset[str]:
        held = self.store.disputes()
        known = {d.invoice_number for d in held}
        open_ones = {d.invoice_number for d in held if d.status == "open"}
        return frozenset((set(self.base.disputed_invoices()) - known) | open_ones)

    def broken_promises(self, as_of: date) -> list[PromiseToPay]:
        if not self.settled:
            settle(self.store, self.erp, as_of)
        found = list(self.base.broken_promises(as_of))
        for p in self.store.stored_promises(status="open"):
            if status_as_of(p, as_of) == "broken" and next_business_day(p.promised_on) <= as_of:
                promise = PromiseToPay(
                    p.customer_id, p.promised_on, p.amount, p.currency, "broken", p.invoice_number
                )
                found.append(promise)
        return found


def collector_signals(
    erp: ErpClient, store: CollectorStore | None, *, settled: bool = False
) -> Signals | None:
    """The signals the collections list reads: the ERP's alone without arbot's store.
    ``settled``: the caller settled arbot's promises as of the day it reads (once)."""
    if store is None:
        return None
    base: Signals = LedgerSignals(erp) if is_local_ledger(erp) else ErpSignals(erp)
    return StoreSignals(base, store, erp, settled)
