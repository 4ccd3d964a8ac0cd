"""The collections list's inputs totalled from an ERP's records, in one pass each.

The local ledger gets the same figures in SQL (``integrations.erp.local.aggregates``); this is
for every other ERP, and the reference the SQL is tested against.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import replace
from datetime import date, datetime, timedelta

from graph.ar.behaviour import LATE_DAYS, PaymentStats
from graph.ar.collections import DUE_SOON_DAYS, PROMISE_MEMORY_DAYS, ZERO, AccountTotals
from integrations.erp.records import AGING_BUCKET_NAMES, Invoice, Note, PromiseToPay, aging_bucket

BUCKET_INDEX = {name: index for index, name in enumerate(AGING_BUCKET_NAMES)}


def accounts_from_records(
    open_invoices: Iterable[Invoice], as_of: date, disputed: Set[str] = frozenset()
) -> list[AccountTotals]:
    accounts: dict[tuple[str, str], AccountTotals] = {}
    soon = as_of + timedelta(days=DUE_SOON_DAYS)
    bucket_of: dict[date, int] = {}  # many invoices share a due date
    for invoice in open_invoices:
        balance = invoice.balance
        if balance <= ZERO:
            continue
        key = (invoice.customer_id, invoice.currency)
        account = accounts.get(key)
        if account is None:
            account = accounts[key] = AccountTotals(*key, [ZERO] * len(AGING_BUCKET_NAMES))
        due = invoice.due_date
        bucket = bucket_of.get(due)
        if bucket is None:
            bucket = bucket_of[due] = BUCKET_INDEX[aging_bucket(max((as_of - due).days, 0))]
        account.buckets[bucket] += balance
        days = (as_of - due).days
        if days > LATE_DAYS:
            account.late += balance
            account.late_day_money += float(balance) * days
            account.late_count += 1
        else:
            if days > 0:
                account.early_past_due += balance
            else:
                account.not_due += balance
                if due <= soon:
                    account.due_soon += balance
            if invoice.invoice_number in disputed:
                account.disputed += balance
                if days > 0:
                    account.early_disputed += balance
            elif balance < invoice.amount:
                account.partly_paid += balance
                if days > 0:
                    account.early_partly_paid += balance
        if days > 0:
            account.past_due_count += 1
            if account.oldest_due is None or due < account.oldest_due:
                account.oldest_due = due
        if invoice.invoice_number in disputed:
            account.disputed_numbers.append(invoice.invoice_number)
    return list(accounts.values())


def past_due_numbers(
    open_invoices: Iterable[Invoice], as_of: date
) -> dict[tuple[str, str], list[str]]:
    """Each account's past-due invoice numbers, oldest first (ties: by number)."""
    found: dict[tuple[str, str], list[tuple[date, str]]] = {}
    for invoice in open_invoices:
        if invoice.balance > 0 and invoice.due_date < as_of:
            key = (invoice.customer_id, invoice.currency)
            found.setdefault(key, []).append((invoice.due_date, invoice.invoice_number))
    return {key: [n for _, n in sorted(rows)] for key, rows in found.items()}


def last_contacts(notes: Iterable[Note]) -> dict[str, datetime]:
    latest: dict[str, datetime] = {}
    for note in notes:
        seen = latest.get(note.customer_id)
        if seen is None or note.created_at > seen:
            latest[note.customer_id] = note.created_at
    return latest


def still_matters(promise: PromiseToPay, open_numbers: Set[str], as_of: date) -> bool:
    """A broken promise still matters while the invoice it named is open, or, naming none,
    for PROMISE_MEMORY_DAYS after the day it was due."""
    if promise.invoice_number:
        return promise.invoice_number in open_numbers
    return (as_of - promise.promised_on).days <= PROMISE_MEMORY_DAYS


def mattering_broken_promises(
    promises: Iterable[PromiseToPay], open_numbers: Set[str], as_of: date
) -> dict[str, list[PromiseToPay]]:
    found: dict[str, list[PromiseToPay]] = {}
    for promise in promises:
        broken = promise.status == "broken" and promise.promised_on <= as_of
        if broken and still_matters(promise, open_numbers, as_of):
            found.setdefault(promise.customer_id, []).append(promise)
    return found


def open_late_counts(accounts: Iterable[AccountTotals]) -> dict[str, int]:
    found: dict[str, int] = {}
    for account in accounts:
        found[account.customer_id] = found.get(account.customer_id, 0) + account.late_count
    return found


def with_open_late(
    settled: dict[str, PaymentStats], accounts: Iterable[AccountTotals]
) -> list[PaymentStats]:
    stats = dict(settled)
    for customer_id, count in open_late_counts(accounts).items():
        base = stats.get(customer_id)
        if base is None:
            stats[customer_id] = PaymentStats(customer_id, open_late=count)
        elif count:
            stats[customer_id] = replace(base, open_late=base.open_late + count)
    return list(stats.values())
