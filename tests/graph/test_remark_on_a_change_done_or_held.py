"""A remark about a change said done or only thought of, then a question (issue 17, session 12):
"Luis already released SO-1004 so ignore the alert - what's Northwind's balance now" reads the
balance (the change said in its past form is a remark too); "in case we hold Falcon Hardware —
what's open" is Falcon's balance (the customer the held change names); "if Mariner disputes
INV-10330, how much is at stake" is that invoice. Nothing is proposed. An order's credit asked
after a remark about the order keeps the order ("… released SO-1007 - can we ship it?")."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        (
            "Luis already released SO-1004 so ignore the alert - what's Northwind's balance now",
            "customer_balance",
            "northwind",
        ),
        ("in case we hold Falcon Hardware — what's open", "customer_balance", "falcon hardware"),
        ("if we put Abbott Furniture on stop, what do they owe?", "customer_balance", "abbott"),
    ],
)
def test_the_question_after_the_remark(text: str, intent: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == intent, (text, request.intent)
    assert customer in (request.customer_text or ""), (text, request.customer_text)


@pytest.mark.parametrize(
    "text,invoice",
    [
        ("if Mariner Lumber disputes INV-10330, how much is at stake", "10330"),
        ("should Abbott short-pay INV-10301, how much is at risk?", "10301"),
    ],
)
def test_how_much_is_at_stake_is_the_invoice(text: str, invoice: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == "invoice_status" and invoice in request.invoice_refs, (text, request)


@pytest.mark.parametrize(
    "text",
    [
        "sales released SO-1004 without telling us. can we actually ship it?",
        "Luis already released SO-1007 — what's Donovan's exposure now",
    ],
)
def test_an_orders_credit_after_a_remark_on_the_order(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == "credit_check", (text, request.intent)


@pytest.mark.parametrize(
    "text",
    [
        "release SO-1004 - what's Northwind's balance now?",
        "put Falcon Hardware on hold. what's open?",
    ],
)
def test_a_change_asked_before_a_question_is_still_asked(text: str) -> None:
    assert parse(text, TODAY).action is not None, text
