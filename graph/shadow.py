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

``scorecard(store)`` (``graph.shadow_score``) counts what was settled.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.ar.cashapp import CashMatch, CashMatcher
from graph.ar.deductions import find_deductions
from integrations.erp.port import ErpClient
from integrations.erp.records import BankLine, Customer, Invoice, Note, Payment
from integrations.store import Store
from integrations.store import shadow as rows_of

log = logging.getLogger(__name__)
WINDOW_DAYS = 14
DEDUCTION_DAYS = 365
ZERO = Decimal("0.00")
CHASE_TOP = 10  # the accounts arbot would chase first, as the collections list's top ten
OVERLAP_DAYS = 3  # a payment entered a little after the day it is dated is still seen
ARBOT = "arbot"  # the author of arbot's own notes (not the team's chasing)


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
        engine, _payment_views(erp, store, payments, customers, open_invoices, today), on=today
    )
    settled = rows_of.settle(engine, _settle_payments(erp, store, payments), on=today)
    known = rows_of.known_subjects(engine, "write_off_deduction")
    if full:
        history = erp.payments(since=today - timedelta(days=DEDUCTION_DAYS))
        found = find_deductions(
            customers, open_invoices(), history, erp.adjustments(), today, tolerance=tolerance
        )
    else:  # only the invoices the payments since the last look touched
        found = _touched_deductions(erp, customers, payments, known, today, tolerance)
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
    settled += rows_of.settle(engine, _settle_deductions(erp, store, still_open), on=today)
    if full:
        observed += rows_of.record(engine, _chase_view(erp, store, today), on=today)
        settled += rows_of.settle(engine, _settle_chases(erp, store, today), on=today)
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


# --- payments ------------------------------------------------------------------------------


def _payment_views(
    erp: ErpClient,
    store: Store,
    payments: Sequence[Payment],
    customers: Sequence[Customer],
    open_invoices: Callable[[], Sequence[Invoice]],
    today: date,
) -> list[dict[str, Any]]:
    known = rows_of.known_subjects(store.engine, "apply_payment")
    names = {c.customer_id: c.name for c in customers}
    fresh = [p for p in payments if p.payment_id not in known and p.customer_id in names]
    if not fresh:
        return []
    aliases = store.payer_aliases()
    payers = bank_payers(store, [p.payment_id for p in fresh])
    views = []
    unapplied = [p for p in fresh if not p.applications and p.unapplied > 0]
    if unapplied:
        matcher = CashMatcher(customers, open_invoices(), aliases=aliases)
        for p in unapplied:
            match = matcher.match(_line(p, names, payers, p.unapplied), today)
            views.append(_view(p, match, payers, seen="before the team applied it"))
    applied = [p for p in fresh if p.applications]
    if applied:
        current = {i.invoice_number: i for i in open_invoices()}
        for p in applied:
            before = dict(current)
            for a in p.applications:  # this payment's applications given back
                invoice = before.get(a.invoice_number) or erp.get_invoice(a.invoice_number)
                if invoice is None:
                    continue
                balance = (invoice.balance if a.invoice_number in current else ZERO) + a.amount
                before[a.invoice_number] = replace(invoice, balance=balance)
            matcher = CashMatcher(customers, before.values(), aliases=aliases)
            match = matcher.match(_line(p, names, payers, p.amount), p.received_on)
            views.append(_view(p, match, payers, seen="after the team applied it"))
    return views


def bank_payers(store: Store, payment_ids: Sequence[str]) -> dict[str, str]:
    """The payer's name as the bank wrote it, for the payments arbot saw a bank line of."""
    rows = store.bank_line_rows(payment_ids)
    return {pid: row["payer_name"] for pid, row in rows.items() if row.get("payer_name")}


def _line(
    payment: Payment, names: dict[str, str], payers: dict[str, str], amount: Decimal
) -> BankLine:
    return BankLine(
        payment.payment_id,
        payment.received_on,
        amount,
        payment.currency,
        payers.get(payment.payment_id) or names[payment.customer_id],
        payment.reference,
    )


def _view(
    payment: Payment, match: CashMatch, payers: dict[str, str], *, seen: str
) -> dict[str, Any]:
    return {
        "kind": "apply_payment",
        "subject": payment.payment_id,
        "customer_id": match.customer_id,
        "currency": payment.currency,
        "amount": payment.amount,
        "suggested": {
            "customer_id": match.customer_id,
            "applications": [[n, str(a)] for n, a in match.applications],
            "unapplied": str(match.unapplied),
            "explanation": match.explanation,
            "seen": seen,
            "payer": "bank" if payment.payment_id in payers else "erp",
        },
        "confidence": round(match.confidence, 4),
        "would": match.decision if match.applications else "unmatched",
    }


def _settle_payments(
    erp: ErpClient, store: Store, recent: Sequence[Payment]
) -> list[tuple[str, str, dict[str, Any]]]:
    by_id = {p.payment_id: p for p in recent}
    settled = []
    for row in rows_of.waiting(store.engine, "apply_payment"):
        payment = by_id.get(row.subject) or erp.get_payment(row.subject)
        if payment is None or not payment.applications:
            continue
        applied: dict[str, Decimal] = {}
        for a in payment.applications:
            applied[a.invoice_number] = applied.get(a.invoice_number, ZERO) + a.amount
        actual = {
            "customer_id": payment.customer_id,
            "applications": sorted([n, str(a)] for n, a in applied.items()),
            "unapplied": str(payment.unapplied),
        }
        settled.append((row.shadow_id, _payment_verdict(row.suggested, actual), actual))
    return settled


def _payment_verdict(suggested: dict[str, Any], actual: dict[str, Any]) -> str:
    mine = {(n, Decimal(a)) for n, a in suggested["applications"]}
    theirs = {(n, Decimal(a)) for n, a in actual["applications"]}
    same = (
        suggested["customer_id"] == actual["customer_id"]
        and mine == theirs
        and Decimal(suggested["unapplied"]) == Decimal(actual["unapplied"])
    )
    return "agree" if same else "disagree"


# --- deductions ------------------------------------------------------------------------------


def _touched_deductions(
    erp: ErpClient,
    customers: Sequence[Customer],
    payments: Sequence[Payment],
    known: set[str],
    today: date,
    tolerance: Decimal,
) -> list[Any]:
    """The deductions among the open invoices these payments were applied to (their own
    payments and credits read one invoice at a time): what the last look cannot have seen."""
    numbers = sorted(
        {a.invoice_number for p in payments for a in p.applications} - known,
    )
    found = []
    for number in numbers:
        invoice = erp.get_invoice(number)
        if invoice is None or invoice.balance <= 0:
            continue
        found += find_deductions(
            customers,
            [invoice],
            erp.payments_for_invoice(number),
            erp.adjustments(invoice_number=number),
            today,
            tolerance=tolerance,
        )
    return found


def _settle_deductions(
    erp: ErpClient, store: Store, still_open: set[str] | None
) -> list[tuple[str, str, dict[str, Any]]]:
    """``still_open``: the open invoices' numbers (a full look read them all), or None: each
    waiting row's invoice is read."""
    settled = []
    for row in rows_of.waiting(store.engine, "write_off_deduction"):
        decided = [
            a
            for a in erp.adjustments(invoice_number=row.subject)
            if a.kind in ("write_off", "credit_memo")
            and a.reason_code
            and a.adjusted_on >= row.observed_on
        ]
        if decided:
            reason = decided[-1].reason_code
            actual = {"reason_code": reason, "amount": str(sum((a.amount for a in decided), ZERO))}
            verdict = "agree" if reason == row.suggested["reason_code"] else "disagree"
            settled.append((row.shadow_id, verdict, actual))
        elif not _is_open(erp, row.subject, still_open):
            settled.append((row.shadow_id, "moot", {"settled": "paid or closed without a reason"}))
    return settled


def _is_open(erp: ErpClient, number: str, still_open: set[str] | None) -> bool:
    if still_open is not None:
        return number in still_open
    invoice = erp.get_invoice(number)
    return invoice is not None and invoice.balance > 0


# --- who to chase first ------------------------------------------------------------------------


def _chase_view(erp: ErpClient, store: Store, today: date) -> list[dict[str, Any]]:
    """Today's list of who arbot would chase first, once a day."""
    if today.isoformat() in rows_of.known_subjects(store.engine, "chase_first"):
        return []
    from graph.ar.collections_book import read_book
    from graph.collector_signals import collector_signals

    book = read_book(erp, today, collector_signals(erp, store))
    order = [r.account.customer_id for r in book.ranked if r.account.past_due > 0]
    return [
        {
            "kind": "chase_first",
            "subject": today.isoformat(),
            "suggested": {"order": order[:CHASE_TOP], "past_due_accounts": len(order)},
            "would": "suggest",
        }
    ]


def chased_on(notes: Sequence[Note], day: date) -> list[str]:
    """The customers people chased on ``day`` (a note of theirs, not arbot's), in the order of
    their first note that day (in the business time zone)."""
    from integrations.store.clock import business_zone

    zone = business_zone()
    order: list[str] = []
    for note in sorted(notes, key=lambda n: n.created_at):
        written = note.created_at
        on = (written.astimezone(zone) if written.tzinfo is not None else written).date()
        if on == day and note.author != ARBOT and note.customer_id not in order:
            order.append(note.customer_id)
    return order


def _settle_chases(
    erp: ErpClient, store: Store, today: date
) -> list[tuple[str, str, dict[str, Any]]]:
    """Each earlier day's list against the team's chasing that day."""
    rows = [
        r for r in rows_of.waiting(store.engine, "chase_first") if r.subject < today.isoformat()
    ]
    if not rows:
        return []
    notes = erp.notes()
    settled = []
    for row in rows:
        people = chased_on(notes, date.fromisoformat(row.subject))
        if not people:
            settled.append((row.shadow_id, "moot", {"order": [], "settled": "nobody was chased"}))
            continue
        arbot = list(row.suggested["order"])
        actual = chase_comparison(arbot, people)
        settled.append((row.shadow_id, "agree" if actual["same"] else "disagree", actual))
    return settled


def chase_comparison(arbot: Sequence[str], people: Sequence[str]) -> dict[str, Any]:
    """The team's order against arbot's: who they chased outside arbot's list, whether their
    first was arbot's first, and the pairs of customers (both on the list) chased in arbot's
    order. ``same``: all on the list and every pair in arbot's order."""
    rank = {customer: index for index, customer in enumerate(arbot)}
    listed = [c for c in people if c in rank]
    pairs = [(a, b) for i, a in enumerate(listed) for b in listed[i + 1 :]]
    in_order = sum(rank[a] < rank[b] for a, b in pairs)
    outside = [c for c in people if c not in rank]
    return {
        "order": list(people),
        "outside_list": outside,
        "first_same": bool(arbot) and people[0] == arbot[0],
        "pairs": len(pairs),
        "pairs_in_order": in_order,
        "same": not outside and in_order == len(pairs),
    }
