"""The reads of promises to pay that reports, the collections list and the digest use, without
the ``RecordPromise`` action that ``graph.promises`` defines (nor ``graph.action_base``):
``settle``, ``promises_as_of``, ``broken_promises``, ``status_as_of``, ``next_business_day``."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from integrations.erp.port import ErpClient
from integrations.erp.records import Payment, PromiseToPay
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
    *,
    settled: bool = False,
) -> list[PromiseToPay]:
    """Every promise (the ERP's own, and arbot's settled against payments first, unless the
    caller just ``settled`` them) with its status as of ``as_of``, as the records the
    collections score and the digest read."""
    ids = None if customer_ids is None else set(customer_ids)
    found = [p for p in erp.promises() if ids is None or p.customer_id in ids]
    if store is None:
        return found
    if not settled:
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
