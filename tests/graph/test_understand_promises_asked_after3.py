"""A promise asked after, the ways credit controllers and SAP users put it (session 12): whether
it was kept or broken with its invoice named ("did X honour the promise on INV-…", "X ptp on
INV-… - missed?"), whether the money promised came ("X promised a payment, did it arrive?"),
what was recorded ("someone entered a promise from X, how much was it"), whether it is on file
("X's promise for 20k - is it in the system yet?"). A payment asked after a broken promise stays
the payments; a promise to record stays the change. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("did initech honour the promise on INV-10295?", "initech"),
        ("fabrikam ptp on INV-10373 - missed?", "fabrikam"),
        ("globex promised a payment on tuesday - did it arrive?", "globex"),
        ("the initech promise, did they really pay?", "initech"),
        ("somebody entered a promise from fabrikam, how much was it", "fabrikam"),
        ("initech's promise for 20k - is it in the system yet?", "initech"),
        ("did fabrikam pay what they told us?", "fabrikam"),
    ],
)
def test_a_promise_asked_after_is_the_promises(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "promises", request
    assert request.customer_text == customer
    assert request.action is None


def test_a_payment_after_a_broken_promise_is_the_payments() -> None:
    request = parse("did initech pay anything after they broke the promise?", TODAY)
    assert request.intent == "payment_history", request


def test_a_promise_to_record_is_still_the_change() -> None:
    request = parse("log a ptp for initech, 5k on friday", TODAY)
    assert request.action is not None and request.action.kind == "record_promise", request


def test_an_invoice_asked_after_beside_a_promise_stays_the_invoice() -> None:
    request = parse("is INV-10295 paid yet? there was a promise for the 20th", TODAY)
    assert request.intent == "invoice_status", request
