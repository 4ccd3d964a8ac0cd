"""Days to pay asked another way (session 11): "X usually pays in how many days", "X pay how
fast", "X typically late by how many days", "how many days does X take to settle their
invoices". Each is that customer's days to pay. How much they paid, and when, keep their reading.
Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "initech usually pays in how many days",
        "fabrikam pay how quickly ah",
        "tate engineering typically late by how many days?",
        "how many days does globex take to settle their invoices",
    ],
)
def test_days_to_pay_asked_another_way(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "days_to_pay", request
    assert request.customer_text


@pytest.mark.parametrize("text", ["how much did initech pay last week", "when did fabrikam pay"])
def test_what_and_when_they_paid_keep_their_reading(text: str) -> None:
    assert parse(text, TODAY).intent == "payment_history"
