"""Unapplied cash said another way (session 11): money "lying" or a credit "sitting" on account
("how much cash is lying on account?", "does initech have a credit sitting on account"), "on
account cash for X", and money "we haven't matched to a bill yet". A customer's payments and the
cash application work keep their reading. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("how much cash is lying on account right now?", None),
        ("does initech have a credit sitting on account", "initech"),
        ("on account cash for fabrikam?", "fabrikam"),
        ("any money we received but haven't matched to a bill yet", None),
    ],
)
def test_unapplied_cash_said_another_way(text: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unapplied_cash", request
    assert request.customer_text == customer


@pytest.mark.parametrize(
    "text,intent",
    [
        ("what did initech pay on account", "payment_history"),
        ("help me match today's bank file", "cash_application"),
    ],
)
def test_payments_and_the_matching_work_keep_their_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent
