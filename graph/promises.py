"""Promises to pay, on every ERP: kept in arbot's store (none of the ERPs has a promise object
arbot can write; the local ledger's own promises are read alongside).

A promise is recorded through an approval (``RecordPromise``: captured from chat, or a draft read
from a customer's e-mail that a person approves or declines), kept when payments from the
customer cover it (``settle``: payments the ERP reports, so a bank payment applied by cash
application keeps it on any ERP), and read as broken from the next business day after its date
when nothing kept it. Reads other modules may use: ``promises_as_of``, ``broken_promises``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import ClassVar

from graph.actions import Action, ActionError, register
from graph.format import day, money
from integrations.erp.port import ErpClient
from integrations.erp.records import Payment, PromiseToPay, WriteResult
from integrations.mail import Mailer
from integrations.store.collector import CollectorStore, StoredPromise

ONE_QUERY_PER_CUSTOMER_UP_TO = 5


def next_business_day(day_: date) -> date:
    """The first Monday-to-Friday after ``day_``."""
    following = day_ + timedelta(days=1)
    while following.weekday() >= 5:
        following += timedelta(days=1)
    return following


def status_as_of(promise: StoredPromise, as_of: date) -> str:
    """open | kept | broken: a promise not kept is broken from the next business day on."""
    if promise.status == "kept":
        return "kept"
    return "broken" if as_of >= next_business_day(promise.promised_on) else "open"


def promise_id_for(key: str) -> str:
    return "PTP-" + hashlib.sha256(key.encode()).hexdigest()[:8].upper()


# --- keeping promises -------------------------------------------------------------------------
def settle(store: CollectorStore, erp: ErpClient, as_of: date) -> list[str]:
    """Mark kept the open promises that payments the ERP reports cover: payments of the
    customer (or applied to the promised invoice) in the promise's currency, received from the
    day it was captured to the day after its date. Returns the promises kept now."""
    kept: list[str] = []
    open_ones = store.stored_promises(status="open")
    by_customer: dict[str, list[StoredPromise]] = {}
    for promise in open_ones:
        by_customer.setdefault(promise.customer_id, []).append(promise)
    every: dict[str, list[Payment]] | None = None
    if len(by_customer) > ONE_QUERY_PER_CUSTOMER_UP_TO:  # one read of the period instead
        every = {}
        since = min(p.captured_on for p in open_ones)
        for payment in erp.payments(since=since, until=as_of):
            every.setdefault(payment.customer_id, []).append(payment)
    for customer_id, promises in by_customer.items():
        since = min(p.captured_on for p in promises)
        if every is None:
            payments = erp.payments(customer_id, since=since, until=as_of)
        else:
            payments = [p for p in every.get(customer_id, []) if p.received_on >= since]
        used: set[str] = set()
        for promise in sorted(promises, key=lambda p: (p.promised_on, p.promise_id)):
            last_day = next_business_day(promise.promised_on)
            window = [
                p
                for p in payments
                if p.currency == promise.currency
                and promise.captured_on <= p.received_on <= last_day
                and p.payment_id not in used
            ]
            if promise.invoice_number:
                paying = [
                    p
                    for p in window
                    if any(a.invoice_number == promise.invoice_number for a in p.applications)
                ]
                window = paying or window
            total, ids = Decimal("0.00"), []
            for payment in sorted(window, key=lambda p: (p.received_on, p.payment_id)):
                total += payment.amount
                ids.append(payment.payment_id)
                if total >= promise.amount:
                    break
            if total >= promise.amount and ids:
                last = max(p.received_on for p in window if p.payment_id in ids)
                if store.keep_promise(promise.promise_id, ids, last):
                    kept.append(promise.promise_id)
                used.update(ids)
    return kept


def promises_as_of(
    store: CollectorStore | None,
    erp: ErpClient,
    as_of: date,
    customer_ids: Iterable[str] | None = None,
) -> list[PromiseToPay]:
    """Every promise (the ERP's own, and arbot's settled against payments first) with its
    status as of ``as_of``, as the records the collections score and the digest read."""
    ids = None if customer_ids is None else set(customer_ids)
    found = [p for p in erp.promises() if ids is None or p.customer_id in ids]
    if store is None:
        return found
    settle(store, erp, as_of)
    for p in store.stored_promises(customer_ids=ids):
        found.append(
            PromiseToPay(
                p.customer_id,
                p.promised_on,
                p.amount,
                p.currency,
                status_as_of(p, as_of),
                p.invoice_number,
            )
        )
    return found


def broken_promises(
    store: CollectorStore | None, erp: ErpClient, as_of: date
) -> list[PromiseToPay]:
    return [p for p in promises_as_of(store, erp, as_of) if p.status == "broken"]


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


register(RecordPromise)
