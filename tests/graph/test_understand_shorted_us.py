"""A customer that "shorted us" is a deduction ("did initech short us on anything", "show what
fabrikam shorted us"); an invoice a customer is "fighting" or "contesting" is a dispute ("any
customers contesting a bill right now?"). Short of a deadline and a fight with no invoice keep
their reading. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("did initech short us on anything this month", "deduction_summary"),
        ("show me what fabrikam shorted us", "deduction_summary"),
        ("any customers contesting a bill right now?", "disputes"),
        ("which accounts are fighting an invoice with us", "disputes"),
    ],
)
def test_shorted_and_fighting_said_plainly(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


def test_a_customers_balance_is_still_the_balance() -> None:
    assert parse("how much does initech owe us", TODAY).intent == "customer_balance"
