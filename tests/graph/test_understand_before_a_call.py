"""What a customer owes, asked on the way to a call ("rpc w/ initech in 5 min, what's open",
"heading into a meeting with fabrikam in 10 min, what's their balance"), as "how much must X still
pay", or "anything left open?" after a remark that they paid: the customer's balance. What they
paid stays their payments. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("rpc w/ initech in 5 min, what's open", "initech"),
        ("heading into a meeting with fabrikam in 10 min, what's their balance", "fabrikam"),
        ("how much must Tate Engineering still pay", "tate engineering"),
        ("no need to chase globex, they've paid. anything still open?", "globex"),
    ],
)
def test_what_is_owed_asked_on_the_way_to_a_call(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "customer_balance", request
    assert request.customer_text == customer


def test_what_they_paid_stays_their_payments() -> None:
    assert parse("how much did tate engineering pay last week", TODAY).intent == "payment_history"
