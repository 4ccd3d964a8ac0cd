"""A promise said broken is the reason for another change, not a new promise to record: "put X on
hold, their PTP of the 11th was broken" asks for the hold. A new promise said after the broken
one ("… but now promised 5,000 by friday") is still recorded."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,kind",
    [
        (
            "pls put Initech on stop with immediate effect as their PTP from the 9th has been"
            " broken",
            "set_credit_hold",
        ),
        (
            "put Globex on credit hold - they broke the promise to pay they gave us last week",
            "set_credit_hold",
        ),
        (
            "chase northwind again, the payment they promised for the 12th never kept",
            "send_reminder",
        ),
        ("send acme a reminder; the PTP they made on the phone was missed", "send_reminder"),
    ],
)
def test_a_broken_promise_is_the_reason_for_the_change_asked(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, action)


@pytest.mark.parametrize(
    "text",
    [
        "initech promised 2,500 by friday",
        "initech missed the last one, but now promised 2,500 by friday",
        "initech broke their previous promise; new PTP 2,500 on 12/4",
    ],
)
def test_a_new_promise_is_still_recorded(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "record_promise", (text, action)
    assert action.amount == 2500
