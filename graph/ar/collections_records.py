"""The collections list's inputs on any ERP through its port: everything read once, as
records, and totalled in Python (``graph.ar.collections_accounts``)."""

from __future__ import annotations

from datetime import date

from graph.ar.behaviour import SETTLED_COUNTS, PaymentStats, stats_from_records
from graph.ar.collections import AccountTotals, Details
from graph.ar.collections_accounts import (
    accounts_from_records,
    last_contacts,
    past_due_numbers,
    with_open_late,
)
from integrations.erp.port import ErpClient
from integrations.erp.records import Customer, Invoice, PromiseToPay


class RecordSource:
    """Any ERP through its port: everything read once, as records."""

    def __init__(self, erp: ErpClient) -> None:
        self.erp = erp
        self.every = erp.invoices(open_only=False)
        self.open = [i for i in self.every if i.balance > 0]
        self._customers: dict[str, Customer] | None = None

    def accounts(
        self, as_of: date, disputed: frozenset[str], customer_id: str | None = None
    ) -> list[AccountTotals]:
        invoices = [i for i in self.open if customer_id in (None, i.customer_id)]
        return accounts_from_records(invoices, as_of, disputed)

    def stats(
        self, as_of: date, accounts: list[AccountTotals], customer_id: str | None = None
    ) -> list[PaymentStats]:
        invoices = [i for i in self.every if customer_id in (None, i.customer_id)]
        payments = self.erp.payments(customer_id) if customer_id else self.erp.payments()
        found = stats_from_records(invoices, payments, as_of)
        settled = {
            c: PaymentStats(c, *(getattr(s, f) for f in SETTLED_COUNTS)) for c, s in found.items()
        }
        return with_open_late(settled, accounts)

    def open_numbers_of(self, numbers: set[str]) -> set[str]:
        return {i.invoice_number for i in self.open if i.invoice_number in numbers}

    def details(
        self, accounts: list[AccountTotals], as_of: date, broken: dict[str, list[PromiseToPay]]
    ) -> Details:
        ids = {a.customer_id for a in accounts}
        return Details(
            customers=self.customers(ids),
            past_due_numbers=past_due_numbers(
                [i for i in self.open if i.customer_id in ids], as_of
            ),
            last_contact=last_contacts(n for n in self.erp.notes() if n.customer_id in ids),
            broken=broken,
        )

    def customers(self, ids: set[str]) -> dict[str, Customer]:
        if self._customers is None:
            self._customers = {c.customer_id: c for c in self.erp.list_customers()}
        return {i: self._customers[i] for i in ids if i in self._customers}

    def invoices(self, numbers: set[str]) -> dict[str, Invoice]:
        return {i.invoice_number: i for i in self.every if i.invoice_number in numbers}

    def customers_of_collector(self, collector: str) -> set[str]:
        self.customers(set())
        assert self._customers is not None
        return {c.customer_id for c in self._customers.values() if c.collector == collector}

    def collectors(self) -> list[str]:
        self.customers(set())
        assert self._customers is not None
        return list({c.collector for c in self._customers.values() if c.collector})
