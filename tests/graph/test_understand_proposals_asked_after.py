"""A proposal asked after is the approvals inbox (issue 17, session 10): "is there a pending
hold for X?", "the write-off for X - signed off yet?", "has the terms change I asked for been
approved?", "any limit changes waiting on a manager?", "what haven't we approved yet". The
phrasings are not the eval files' rows; the negatives say where the rule stops: an open dispute
is a dispute, a payment waiting is cash, and a change asked for is still a change."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "is there a proposed hold for northwind",
        "any pending terms changes?",
        "the write-off for initech - signed off yet?",
        "has the terms change I asked for on monday been approved?",
        "is the release for SO-1004 waiting on a manager",
        "are there releases waiting to be approved",
        "show me the list of proposals",
        "which proposals are pending",
        "what have we not approved yet",
        "is my write-off stuck in the approval queue?",
    ],
)
def test_a_proposal_asked_after_is_the_approvals_inbox(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "approvals_inbox", request
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("open disputes for globex", "disputes"),
        ("has the globex payment been applied?", "payment_history"),
        ("put northwind on hold please", "action_request"),
        ("is globex's credit limit ok for SO-1004?", "credit_check"),
    ],
)
def test_look_alikes_of_a_proposal_asked_after_read_as_themselves(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
