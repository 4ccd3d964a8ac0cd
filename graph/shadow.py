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

``scorecard(store)`` is the running count per kind, with the confidence at which applying alone
would have kept precision ≥ 99.8% (``graph.backtest.cashapp.safe_threshold``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.ar.cashapp import CashMatch, CashMatcher
from graph.ar.deductions import find_deductions
from graph.backtest.cashapp import PRECISION_GOAL, safe_amount, safe_threshold
from integrations.erp.port import ErpClient
from integrations.erp.records import BankLine, Invoice, Payment
from integrations.store import Store
from integrations.store import shadow as rows_of

log = logging.getLogger(__name__)
WINDOW_DAYS = 14
DEDUCTION_DAYS = 365
KINDS = ("apply_payment", "write_off_deduction")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Watched:
    observed: int
    settled: int


def watch(
    erp: ErpClient, store: Store, today: date, *, tolerance: Decimal = Decimal("250.00")
) -> Watched:
    """One look at the ERP: new things recorded with arbot's view, waiting ones settled."""
    engine = store.engine
    payments = erp.payments(since=today - timedelta(days=WINDOW_DAYS))
    customers = erp.list_customers()
    open_invoices = erp.invoices(open_only=True)
    observed = rows_of.record(
        engine, _payment_views(erp, store, payments, customers, open_invoices, today), on=today
    )
    settled = rows_of.settle(engine, _settle_payments(erp, store, payments), on=today)
    known = rows_of.known_subjects(engine, "write_off_deduction")
    history = erp.payments(since=today - timedelta(days=DEDUCTION_DAYS))
    found = find_deductions(
        customers, open_invoices, history, erp.adjustments(), today, tolerance=tolerance
    )
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
    settled += rows_of.settle(engine, _settle_deductions(erp, store, open_invoices), on=today)
    return Watched(observed, settled)


def look(erp: ErpClient, store: Store, today: date, tolerance: Decimal) -> Watched | None:
    """``watch`` for the server's background poll: a failure is logged, and the poll goes on."""
    try:
        watched = watch(erp, store, today, tolerance=tolerance)
    except Exception as error:
        log.error("shadow mode's look at the ERP failed: %s", error.__class__.__name__)
        return None
    log.info("shadow mode: %d new, %d settled", watched.observed, watched.settled)
    return watched


# --- payments ------------------------------------------------------------------------------


def _payment_views(
    erp: ErpClient,
    store: Store,
    payments: Sequence[Payment],
    customers: Sequence[Any],
    open_invoices: Sequence[Invoice],
    today: date,
) -> list[dict[str, Any]]:
    known = rows_of.known_subjects(store.engine, "apply_payment")
    names = {c.customer_id: c.name for c in customers}
    fresh = [p for p in payments if p.payment_id not in known and p.customer_id in names]
    if not fresh:
        return []
    aliases = store.payer_aliases()
    views = []
    unapplied = [p for p in fresh if not p.applications and p.unapplied > 0]
    if unapplied:
        matcher = CashMatcher(customers, open_invoices, aliases=aliases)
        for p in unapplied:
            match = matcher.match(_line(p, names, p.unapplied), today)
            views.append(_view(p, match, seen="before the team applied it"))
    applied = [p for p in fresh if p.applications]
    if applied:
        every = {i.invoice_number: i for i in erp.invoices(open_only=False)}
        current = {i.invoice_number: i for i in open_invoices}
        for p in applied:
            before = dict(current)
            for a in p.applications:  # this payment's applications given back
                invoice = before.get(a.invoice_number) or every.get(a.invoice_number)
                if invoice is None:
                    continue
                balance = (invoice.balance if a.invoice_number in current else ZERO) + a.amount
                before[a.invoice_number] = replace(invoice, balance=balance)
            matcher = CashMatcher(customers, before.values(), aliases=aliases)
            match = matcher.match(_line(p, names, p.amount), p.received_on)
            views.append(_view(p, match, seen="after the team applied it"))
    return views


def _line(payment: Payment, names: dict[str, str], amount: Decimal) -> BankLine:
    return BankLine(
        payment.payment_id,
        payment.received_on,
        amount,
        payment.currency,
        names[payment.customer_id],
        payment.reference,
    )


def _view(payment: Payment, match: CashMatch, *, seen: str) -> dict[str, Any]:
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


def _settle_deductions(
    erp: ErpClient, store: Store, open_invoices: Sequence[Invoice]
) -> list[tuple[str, str, dict[str, Any]]]:
    still_open = {i.invoice_number: i for i in open_invoices}
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
        elif row.subject not in still_open:
            settled.append((row.shadow_id, "moot", {"settled": "paid or closed without a reason"}))
    return settled


# --- the scorecard ----------------------------------------------------------------------------


def scorecard(store: Store, *, since: date | None = None, examples: int = 10) -> dict[str, Any]:
    """Per kind: looked at, waiting, agreed, disagreed (with each disagreement), and for cash
    the confidence at which applying alone would have kept precision ≥ 99.8%."""
    found = rows_of.rows(store.engine, since=since)
    kinds: dict[str, Any] = {}
    for kind in KINDS:
        mine = [r for r in found if r.kind == kind]
        settled = [r for r in mine if r.status in ("agree", "disagree")]
        agree = [r for r in settled if r.status == "agree"]
        card: dict[str, Any] = {
            "observed": len(mine),
            "waiting": sum(r.status == "waiting" for r in mine),
            "settled": len(settled),
            "agree": len(agree),
            "disagree": len(settled) - len(agree),
            "moot": sum(r.status == "moot" for r in mine),
            "agreement": round(len(agree) / len(settled), 4) if settled else None,
            "disagreements": [_disagreement(r) for r in settled if r.status == "disagree"][
                :examples
            ],
        }
        if kind == "apply_payment":
            auto = [r for r in settled if r.would == "auto"]
            card["would_auto"] = len(auto)
            card["would_auto_wrong"] = sum(r.status == "disagree" for r in auto)
            card["precision_auto"] = (
                round(sum(r.status == "agree" for r in auto) / len(auto), 4) if auto else None
            )
            scored = [
                (r.confidence or 0.0, r.status == "agree")
                for r in settled
                if r.suggested.get("applications")
            ]
            card["threshold"] = safe_threshold(scored, PRECISION_GOAL)
            card["curve"] = precision_curve(scored)
            card["auto_amount"] = safe_amount(
                [(r.amount, r.status == "agree") for r in auto if r.amount is not None]
            )
        kinds[kind] = card
    return {"since": since.isoformat() if since else None, "kinds": kinds}


def precision_curve(scored: list[tuple[float, bool]]) -> list[dict[str, float]]:
    """Precision and share applied if arbot applied alone every proposal at or above each
    confidence seen (highest first): the curve the trust report draws."""
    ordered = sorted(scored, key=lambda s: -s[0])
    points: list[dict[str, float]] = []
    right = 0
    for taken, (level, ok) in enumerate(ordered, start=1):
        right += ok
        if taken == len(ordered) or ordered[taken][0] != level:
            points.append(
                {
                    "confidence": level,
                    "precision": round(right / taken, 4),
                    "applied_share": round(taken / len(ordered), 4),
                }
            )
    return points


def _disagreement(row: Any) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "subject": row.subject,
        "observed_on": row.observed_on.isoformat(),
        "would": row.would,
        "confidence": row.confidence,
        "arbot": {k: v for k, v in row.suggested.items() if k != "explanation"},
        "people": row.actual,
    }
