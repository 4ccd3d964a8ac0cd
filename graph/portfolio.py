"""Everything the portfolio-wide reports read from the ERP, read once per report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from integrations.erp.port import ErpClient
from integrations.erp.records import (
    Adjustment,
    Customer,
    Invoice,
    Note,
    Payment,
    PromiseToPay,
    SalesOrder,
)
from integrations.store.collector import CollectorStore


@dataclass
class Portfolio:
    """Everything the portfolio reports read, read once."""

    customers: list[Customer]
    open_invoices: list[Invoice]
    invoices_by_number: dict[str, Invoice]
    payments: list[Payment]
    adjustments: list[Adjustment]
    promises: list[PromiseToPay]
    notes: list[Note]
    orders: list[SalesOrder]
    # Invoices with an open dispute in arbot's store, and those whose disputes it holds at all
    # (resolved ones are no longer disputed, whatever the ERP's notes still say).
    store_disputed: frozenset[str] = field(default_factory=frozenset)
    store_known: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def read(
        cls, erp: ErpClient, store: CollectorStore | None = None, today: date | None = None
    ) -> Portfolio:
        """The book; with arbot's ``store`` (and ``today``), its promises to pay and disputes
        on every ERP too."""
        every = erp.invoices(open_only=False)
        book = cls(
            customers=erp.list_customers(),
            open_invoices=[i for i in every if i.balance > 0],
            invoices_by_number={i.invoice_number: i for i in every},
            payments=erp.payments(),
            adjustments=erp.adjustments(),
            promises=erp.promises(),
            notes=erp.notes(),
            orders=erp.sales_orders(),
        )
        if store is not None and today is not None:
            from graph.promises import promises_as_of  # reads the ERP's promises as well

            disputes = store.disputes()
            book.promises = promises_as_of(store, erp, today)
            book.store_disputed = frozenset(
                d.invoice_number for d in disputes if d.status == "open"
            )
            book.store_known = frozenset(d.invoice_number for d in disputes)
        return book

    @property
    def disputed(self) -> frozenset[str]:
        """Invoices with an open dispute in arbot's store, or with a note that says they are
        disputed when arbot holds no dispute of theirs."""
        noted = {
            n.invoice_number for n in self.notes if n.invoice_number and "disput" in n.text.lower()
        }
        return frozenset((noted - self.store_known) | self.store_disputed)

    def of_customer(self, customer_id: str) -> Portfolio:
        """The same book narrowed to one customer."""
        every = self.invoices_by_number.values()
        return Portfolio(
            customers=[c for c in self.customers if c.customer_id == customer_id],
            open_invoices=[i for i in self.open_invoices if i.customer_id == customer_id],
            invoices_by_number={i.invoice_number: i for i in every if i.customer_id == customer_id},
            payments=[p for p in self.payments if p.customer_id == customer_id],
            adjustments=[a for a in self.adjustments if a.customer_id == customer_id],
            promises=[p for p in self.promises if p.customer_id == customer_id],
            notes=[n for n in self.notes if n.customer_id == customer_id],
            orders=[o for o in self.orders if o.customer_id == customer_id],
            store_disputed=self.store_disputed,
            store_known=self.store_known,
        )
