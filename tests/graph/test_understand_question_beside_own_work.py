"""A question beside the asker's own work or thought (session 11): "what's total AR today? need a
number to compare against the GL control account" is total AR; "receipts history for X, onshore
wants to see the pattern before escalation" is X's payments (not the worklist); "X owe how much?
thinking of sending a statement later" is X's balance, no statement produced. A statement asked
for and the worklist asked for keep their reading. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("total AR as of today? want to compare it with the GL control figure", "total_ar", None),
        (
            "pls share payment history for initech, need the pattern before escalation",
            "payment_history",
            "initech",
        ),
        (
            "fabrikam owe how much? thinking of sending a statement later",
            "customer_balance",
            "fabrikam",
        ),
        ("maybe a statement for globex next week? what's open now", "customer_balance", "globex"),
    ],
)
def test_the_question_beside_ones_own_work_is_read(
    text: str, intent: str, customer: str | None
) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text == customer
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("statement for globex", "customer_statement"),
        ("escalation list for this week", "collections_list"),
    ],
)
def test_a_statement_or_the_worklist_asked_for_keeps_its_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent
