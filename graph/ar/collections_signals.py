"""The dispute and broken-promise signals of the collections list: today the ERP's own records
(notes that say "disputed", the promises the ERP keeps); the seam where arbot's own dispute and
promise-to-pay records plug in (``graph.collector_signals``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from integrations.erp.port import ErpClient
from integrations.erp.records import PromiseToPay


class Signals(Protocol):
    """Disputes and broken promises, wherever they are recorded."""

    def disputed_invoices(self) -> frozenset[str]:
        """Invoices in dispute (open ones at least)."""
        ...

    def broken_promises(self, as_of: date) -> list[PromiseToPay]:
        """Promises to pay broken by ``as_of``."""
        ...


@dataclass
class ErpSignals:
    """What the ERP port gives today: notes saying "disput…" and the ERP's promises."""

    erp: ErpClient

    def disputed_invoices(self) -> frozenset[str]:
        return frozenset(
            n.invoice_number
            for n in self.erp.notes()
            if n.invoice_number and "disput" in n.text.lower()
        )

    def broken_promises(self, as_of: date) -> list[PromiseToPay]:
        return [p for p in self.erp.promises() if p.status == "broken" and p.promised_on <= as_of]


@dataclass
class LedgerSignals:
    """The same from the local ledger, in SQL (its notes and promises are not all read)."""

    erp: Any

    def disputed_invoices(self) -> frozenset[str]:
        from integrations.erp.local import aggregates

        return frozenset(aggregates.disputed_open(self.erp.engine))

    def broken_promises(self, as_of: date) -> list[PromiseToPay]:
        from integrations.erp.local import aggregates

        return [
            PromiseToPay(cid, on, Decimal(cents).scaleb(-2), currency, "broken", number)
            for cid, number, on, cents, currency, _ in aggregates.broken_promises(
                self.erp.engine, as_of
            )
        ]
