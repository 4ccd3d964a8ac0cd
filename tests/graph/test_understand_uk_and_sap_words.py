"""Questions in a UK credit controller's and an SAP user's words (session 12): a customer's
"aged debt" is what it owes (the book's aging when no customer is named); two buckets side by
side ("90+ vs 61-90") are the aging, not a cut; "raised queries" are disputes; money "not
knocked off against invoices", "sitting on account" or "on-account balances" is unapplied cash;
"BACS" receipts are payments; what is "sat waiting for the FD to approve", requests "I submitted"
still pending and increases "queued up for me" are the approvals inbox; "getting slower at
paying" and "avg days late" are days to pay. Look-alikes keep their reading. Phrasings are not
the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("what's initech's aged debt looking like", "customer_balance", "initech"),
        ("aged debt by bucket for the 3pm", "aging_report", None),
        ("what's in 120+ vs 91-120 right now", "aging_report", None),
        ("have any customers raised queries this week", "disputes", None),
        ("any cash not knocked off against invoices yet?", "unapplied_cash", None),
        ("is anything sitting on account?", "unapplied_cash", None),
        ("on-account balances by customer", "unapplied_cash", None),
        ("BACS receipts in september", "payments_received", None),
        ("what's sat waiting for the credit manager to sign off", "approvals_inbox", None),
        ("which requests have I raised that are still waiting", "approvals_inbox", None),
        ("anything queued up for my approval?", "approvals_inbox", None),
        ("is initech getting slower at paying?", "days_to_pay", "initech"),
        ("avg days late, all customers", "days_to_pay", None),
    ],
)
def test_uk_and_sap_words(text: str, intent: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    if intent == "aging_report" and request.intent == "customer_balance":
        # a word the reader could not place: the agent answers the book's aging
        assert request.book_intent == "aging_report", request
    else:
        assert request.intent == intent, request
        assert request.customer_text == customer, request
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("anything 90+ for initech", "over_days"),
        ("how much is over 60", "over_days"),
        ("average days delinquent", "forecast"),
        ("the aging report", "aging_report"),
    ],
)
def test_look_alikes_keep_their_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent
