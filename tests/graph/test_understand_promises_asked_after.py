"""A promise asked after (issue 17, session 10): "has anybody logged a ptp for X?", "X's
promise missed again?", "is there a promise on record for X", "X promised 5k for friday,
right?" are the promises. The phrasings are not the eval files' rows; the negatives say where the
rule stops: a promise told and asked to be recorded is still recorded."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,customer",
    [
        ("has anybody logged a ptp for globex?", "globex"),
        ("northwind's promise missed again?", "northwind"),
        ("is there a promise on record for initech", "initech"),
        ("globex promised 5k for friday, right?", "globex"),
    ],
)
def test_a_promise_asked_after_is_the_promises(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "promises", request
    assert request.customer_text == customer
    assert request.action is None


@pytest.mark.parametrize(
    "text",
    ["globex promised to pay 5k on friday, please log it", "record the ptp for globex 5k friday"],
)
def test_a_promise_to_record_is_still_recorded(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "action_request", request
    assert request.action is not None
    assert request.action.kind == "record_promise"
