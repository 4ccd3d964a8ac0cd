"""Money still to come and discounts not due (session 12): receipts "likely" or "expected" over
days that run past today ("probable receipts over the next 14 days", "what is X expected to pay
in the next month") are the forecast, what came in over days already past stays the payments; a
discount taken that was not due ("who took an early-payment discount they weren't eligible
for", "discounts taken after the discount date") is the deductions. Phrasings are not the eval
files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("probable receipts over the next 14 days, expected", None),
        ("how much is initech expected to pay in the next 30 days?", "initech"),
        ("receipts we should get in the next 2 weeks", None),
    ],
)
def test_money_ahead_is_the_forecast(text: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert request.intent == "forecast", request
    assert request.customer_text == customer


@pytest.mark.parametrize(
    "text,intent",
    [
        ("receipts in the last 14 days", "payments_received"),
        ("what did initech pay last week", "payment_history"),
    ],
)
def test_money_already_in_stays_the_payments(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "who took an early-payment discount they weren't eligible for",
        "any customers taking discounts after the discount date?",
    ],
)
def test_a_discount_not_due_is_the_deductions(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "deduction_summary", request
    assert request.customer_text is None
    assert request.action is None


def test_a_discount_offered_is_no_deduction() -> None:
    assert parse("can we give initech a 2% discount", TODAY).intent != "deduction_summary"
