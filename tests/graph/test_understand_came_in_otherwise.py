"""What came in, said another way (issue 17, session 10): a period said "prior" or "previous"
("receipts for the previous month", "payments the prior week") is the last one, and money that
"landed" came in. The phrasings are not the eval files' rows; the negatives say where the rules
stop."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,label",
    [
        ("receipts for the previous month", "last month"),
        ("payments received the prior week", "last week"),
        ("has any money landed this week?", "this week"),
    ],
)
def test_what_came_in_said_another_way(text: str, label: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payments_received", request
    assert request.customer_text is None
    assert request.period is not None and request.period.label == label


def test_a_balance_in_the_previous_month_stays_the_balance() -> None:
    request = parse("what did globex owe the previous month", TODAY)
    assert request.intent == "customer_balance", request


def test_landed_said_of_no_money_is_no_payment() -> None:
    request = parse("the plane landed late", TODAY)
    assert request.intent not in ("payments_received", "payment_history"), request
