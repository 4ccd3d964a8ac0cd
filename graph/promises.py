"""Promises to pay, on every ERP: kept in arbot's store (none of the ERPs has a promise object
arbot can write; the local ledger's own promises are read alongside).

A promise is recorded through an approval (``RecordPromise``: captured from chat, or a draft read
from a customer's e-mail that a person approves or declines), kept when payments from the
customer cover it (``settle``: payments the ERP reports, so a bank payment applied by cash
application keeps it on any ERP), and read as broken from the next business day after its date
when nothing kept it. Reads other modules may use: ``promises_as_of``, ``broken_promises``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import ClassVar

from graph.action_base import Action, ActionError
from graph.format import day, money
from graph.promise_reads import (  # noqa: F401  (re-exported: reads other modules use)
    ONE_QUERY_PER_CUSTOMER_UP_TO,
    broken_promises,
    next_business_day,
    promise_id_for,
    promises_as_of,
    settle,
    status_as_of,
)
from integrations.erp.port import ErpClient
from integrations.erp.records import WriteResult
from integrations.mail import Mailer
from integrations.store.collector import CollectorStore


# --- the action -------------------------------------------------------------------------------
@dataclass(frozen=True)
class RecordPromise(Action):
    kind: ClassVar[str] = "record_promise"
    editable: ClassVar[bool] = True
    uses_store: ClassVar[bool] = True
    promise_amount: str = "0"
    promise_currency: str = "USD"
    promised_on: str = ""
    invoice_number: str | None = None
    captured_on: str = ""
    captured_by: str = ""
    source: str = "chat"  # chat | email
    said: str = ""  # what the customer said, as evidence

    @property
    def amount(self) -> Decimal:
        return Decimal(self.promise_amount)

    @property
    def currency(self) -> str:
        return self.promise_currency

    def summary(self) -> str:
        on = f" for {self.invoice_number}" if self.invoice_number else ""
        return (
            f"Record {self.customer_id}'s promise to pay {money(self.amount, self.currency)}"
            f"{on} by {day(date.fromisoformat(self.promised_on))}"
        )

    def with_amount(self, amount: Decimal) -> Action:
        if amount <= 0:
            raise ActionError("a promised amount must be more than zero")
        return replace(self, promise_amount=str(amount))

    def validate(self, erp: ErpClient, store: CollectorStore | None = None) -> list[str]:
        problems = super().validate(erp)
        if self.amount <= 0:
            problems.append("a promise needs an amount more than zero")
        try:
            promised, captured = (
                date.fromisoformat(self.promised_on),
                date.fromisoformat(self.captured_on),
            )
        except ValueError:
            return [*problems, "a promise needs the date it is due"]
        if promised < captured:
            problems.append(f"the promised date {day(promised)} is already past")
        if self.invoice_number:
            invoice = erp.get_invoice(self.invoice_number)
            if invoice is None:
                problems.append(f"invoice {self.invoice_number} does not exist")
            elif invoice.customer_id != self.customer_id:
                problems.append(f"invoice {self.invoice_number} belongs to {invoice.customer_id}")
        return problems

    def execute(
        self, erp: ErpClient, key: str, *, mailer: Mailer | None, store: CollectorStore
    ) -> WriteResult:
        promise, created = store.record_promise(
            {
                "promise_id": promise_id_for(key),
                "customer_id": self.customer_id,
                "amount": self.amount,
                "currency": self.currency,
                "promised_on": date.fromisoformat(self.promised_on),
                "invoice_number": self.invoice_number,
                "captured_on": date.fromisoformat(self.captured_on),
                "captured_by": self.captured_by,
                "source": self.source,
            },
            approval_key=key,
        )
        erp.add_note(
            self.customer_id,
            f"Promise to pay ({promise.promise_id}): {money(self.amount, self.currency)} by "
            f"{self.promised_on}" + (f" for {self.invoice_number}" if self.invoice_number else ""),
            author="arbot",
            idempotency_key=f"{key}:note",
        )
        return WriteResult(promise.promise_id, key, replayed=not created)
