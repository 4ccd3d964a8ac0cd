"""Everything the portfolio-wide reports read from the ERP, read once per report."""

from __future__ import annotations

from dataclasses import dataclass

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

    @classmethod
    def read(cls, erp: ErpClient) -> Portfolio:
        every = erp.invoices(open_only=False)
        return cls(
            customers=erp.list_customers(),
            open_invoices=[i for i in every if i.balance > 0],
            invoices_by_number={i.invoice_number: i for i in every},
            payments=erp.payments(),
            adjustments=erp.adjustments(),
            promises=erp.promises(),
            notes=erp.notes(),
            orders=erp.sales_orders(),
        )

    @property
    def disputed(self) -> frozenset[str]:
        """Invoices with a note that says they are disputed."""
        return frozenset(
            n.invoice_number for n in self.notes if n.invoice_number and "disput" in n.text.lower()
        )

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
        )
