"""Shadow mode: in ``monitor`` mode arbot records what it would have done, and as the team posts
the real thing in the ERP, whether they agreed.

``watch(erp, store, today)`` is one look, made by the server's ERP poll in monitor mode and by
``arbot trust``:

* **apply_payment** — every payment the ERP received in the last 14 days that arbot has not
  looked at: one still unapplied gets arbot's proposal now (the matcher, as for unapplied ERP
  payments: would it apply it alone, propose it, or leave it in suspense); one the team already
  applied gets the proposal arbot would have made just before (the open invoices with this
  payment's applications given back). When the payment's applications show in the ERP, the row
  is settled: **agree** when customer, invoices and amounts and the unapplied rest are the
  team's, else **disagree**.
* **write_off_deduction** — every open deduction (``arbot deductions``) with the reason arbot
  reads; settled when the team writes it off or credits it: agree when their reason is arbot's;
  **moot** when the invoice was settled another way (paid after all).
* **chase_first** — once a day, at its first look, who arbot would chase first: the top
  ``CHASE_TOP`` past-due accounts of the collections list (``arbot collections``), in order.
  The team's chasing shows in the ERP as the notes people write on customers (not arbot's own):
  the customers they noted that day, in the order of their first note. At the first look of a
  later day the row is settled: **agree** when every customer the team chased was on arbot's
  list and they were chased in arbot's order, else **disagree** (with both orders); **moot**
  when nobody chased anyone that day.

The bank's own words: a payment replayed as a bank line carries the payer's name as the bank
wrote it when arbot saw that bank line (a file it read: ``store_bank_lines``), else the ERP's
customer name (easier to match than a bank's spelling: each row says which it had).

Incremental: the server's poll keeps a ``Cursor``. The first look of each day (and of a new
process, or a new leader) is a full one, as ``arbot trust``'s: the 14 days of payments, every
open invoice and a year of payment history for the deductions. The looks after it that day read
only what changed since the last one: the payments received since (a few days' overlap), the
invoices those payments touched (their payments and credits, for new deductions), and each
waiting row's own record — never the year again.

``graph.shadow_payments``, ``graph.shadow_deductions`` and ``graph.shadow_chases`` make and
settle each kind's rows; ``scorecard(store)`` (``graph.shadow_score``) counts what was settled.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from graph.ar.deductions import find_deductions
from graph.shadow_chases import chase_view, settle_chases
from graph.shadow_deductions import settle_deductions, touched_deductions
from graph.shadow_payments import payment_views, settle_payments
from integrations.erp.port import ErpClient
from integrations.erp.records import Invoice
from integrations.store import Store
from integrations.store import shadow as rows_of

log = logging.getLogger(__name__)
WINDOW_DAYS = 14
DEDUCTION_DAYS = 365
OVERLAP_DAYS = 3  # a payment entered a little after the day it is dated is still seen


@dataclass(frozen=True)
class Watched:
    observed: int
    settled: int
    full: bool = True


@dataclass
class Cursor:
    """What the server's poll has looked at: the day of its last full look and of its last
    look (a new process, or a new leader, starts with a full one)."""

    full_on: date | None = None
    last_on: date | None = None


def watch(
    erp: ErpClient,
    store: Store,
    today: date,
    *,
    tolerance: Decimal = Decimal("250.00"),
    cursor: Cursor | None = None,
) -> Watched:
    """One look at the ERP: new things recorded with arbot's view, waiting ones settled. With
    a ``cursor`` (the server's poll) every look after the day's first reads only what changed
    since the last one; the cursor is moved on."""
    full = cursor is None or cursor.full_on != today or cursor.last_on is None
    engine = store.engine
    since = today - timedelta(days=WINDOW_DAYS)
    if not full and cursor is not None and cursor.last_on is not None:
        since = max(since, cursor.last_on - timedelta(days=OVERLAP_DAYS))
    payments = erp.payments(since=since)
    customers = erp.list_customers()
    read: list[list[Invoice]] = []

    def open_invoices() -> list[Invoice]:  # read once, and only when something needs it
        if not read:
            read.append(erp.invoices(open_only=True))
        return read[0]

    observed = rows_of.record(
        engine, payment_views(erp, store, payments, customers, open_invoices, today), on=today
    )
    settled = rows_of.settle(engine, settle_payments(erp, store, payments), on=today)
    known = rows_of.known_subjects(engine, "write_off_deduction")
    if full:
        history = erp.payments(since=today - timedelta(days=DEDUCTION_DAYS))
        found = find_deductions(
            customers, open_invoices(), history, erp.adjustments(), today, tolerance=tolerance
        )
    else:  # only the invoices the payments since the last look touched
        found = touched_deductions(erp, customers, payments, known, today, tolerance)
    observed += rows_of.record(
        engine,
        [
            {
                "kind": "write_off_deduction",
                "subject": d.invoice_number,
                "customer_id": d.customer_id,
                "currency": d.currency,
                "amount": d.amount,
                "suggested": {"reason_code": d.reason_code, "amount": str(d.amount)},
                "would": "review",
            }
            for d in found
            if d.invoice_number not in known
        ],
        on=today,
    )
    still_open = {i.invoice_number for i in open_invoices() if i.balance > 0} if full else None
    settled += rows_of.settle(engine, settle_deductions(erp, store, still_open), on=today)
    if full:
        observed += rows_of.record(engine, chase_view(erp, store, today), on=today)
        settled += rows_of.settle(engine, settle_chases(erp, store, today), on=today)
    if cursor is not None:
        cursor.last_on = today
        if full:
            cursor.full_on = today
    return Watched(observed, settled, full)


def look(
    erp: ErpClient,
    store: Store,
    today: date,
    tolerance: Decimal,
    cursor: Cursor | None = None,
) -> Watched | None:
    """``watch`` for the server's background poll: a failure is logged, and the poll goes on."""
    try:
        watched = watch(erp, store, today, tolerance=tolerance, cursor=cursor)
    except Exception as error:
        log.error("shadow mode's look at the ERP failed: %s", error.__class__.__name__)
        return None
    log.info(
        "shadow mode (%s look): %d new, %d settled",
        "full" if watched.full else "incremental",
        watched.observed,
        watched.settled,
    )
    return watched
