"""How late a customer pays, asked another way (issue 17, session 10): "how quick is X at
paying", "the mean time to pay for X" are its days to pay. The phrasings are not the eval
files' rows; the negatives say where the rule stops."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,customer",
    [
        ("how quick is northwind at paying", "northwind"),
        ("mean time to pay for initech?", "initech"),
        ("how late are globex with paying these days", "globex"),
    ],
)
def test_days_to_pay_asked_another_way(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "days_to_pay", request
    assert request.customer_text == customer


@pytest.mark.parametrize(
    "text,intent",
    [
        ("has northwind paid yet", "payment_history"),
        ("how much is northwind paying this week", "payment_history"),
    ],
)
def test_payments_asked_stay_payments(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
