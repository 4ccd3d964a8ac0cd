"""Shadow mode's payments (``graph.shadow``): the proposal arbot would make for each payment the
ERP received (before the team applied it, or just before they did), and the row settled when
the payment's applications show: agree when customer, invoices, amounts and the unapplied rest
are the team's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from graph.ar.cashapp import CashMatch, CashMatcher
from integrations.erp.port import ErpClient
from integrations.erp.records import BankLine, Customer, Invoice, Payment
from integrations.store import Store
from integrations.store import shadow as rows_of

ZERO = Decimal("0.00")


def payment_views(
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


def settle_payments(
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
