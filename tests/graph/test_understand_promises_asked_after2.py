"""A promise asked after, said another way (session 11): whether it was recorded ("Globex gave a
PTP for the 28th on Monday. Is that logged?", "initech promise captured or not?", "was the ptp
for fabrikam entered already?"), kept or broken ("the PTP from X due friday – still open or
already kept?", "we logged a PTP for X on INV-1 – was it kept?", "did X do what they promised and
pay", "X – did they keep their payment commitment?"), its date or amount ("confirm the promise
date and amount", "how much did X promise", "X promised when ah"), or who is promising ("which
accounts are promising money next week"). A promise reported or asked to be recorded stays the
change it is, and a payment after a promise stays the payments. Phrasings are not the eval
files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("Globex gave a PTP for the 28th on Monday. Is that logged?", "globex"),
        ("initech promise captured or not?", "initech"),
        ("was the ptp for fabrikam entered already?", "fabrikam"),
        ("the PTP from evergreen bakeries due friday – still open or already kept?", None),
        ("we logged a PTP for kendall paper on INV-10336 – was it kept?", "kendall paper"),
        ("did riverbend do what they promised and pay", "riverbend"),
        ("Tate Engineering – did they keep their payment commitment?", "tate engineering"),
        ("Luis took a PTP from donovan energy. can you confirm the promise date and amount?", None),
        ("how much did wells & wagner promise", "wells & wagner"),
        ("pinnacle chemicals promised when ah", "pinnacle chemicals"),
        ("which accounts are promising money next week", None),
    ],
)
def test_a_promise_asked_after_is_the_promises(text: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert request.intent == "promises", request
    assert request.action is None
    if customer is not None:
        assert request.customer_text == customer


@pytest.mark.parametrize(
    "text",
    ["globex promised to pay 5000 on friday", "record a ptp for initech 20k by 30.11"],
)
def test_a_promise_reported_or_to_record_stays_the_change(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is not None and request.action.kind == "record_promise"


def test_a_payment_after_a_promise_stays_the_payments() -> None:
    assert parse("what did globex pay after they promised?", TODAY).intent == "payment_history"
