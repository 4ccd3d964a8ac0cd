"""A proposal asked after, said another way (session 11): whether a change went through ("did the
terms change for X get approved or is it still pending?", "the write-off on INV-1 for X, approved
yet?", "the write-off for X done already or not"), who decided it ("did the FM approve the
release I asked for", "the controller rejected the X limit request right?") or what waits
("which approvals are still pending", "any limit change i raised still waiting?", "open requests
in the queue pls") is the approvals inbox, and nothing is proposed
again. A change asked for with an approval given, a payment pending and a hold reported keep
their reading, and "was the X write-off approved" stays the history arbot cannot show yet (an
older decision, tests/graph/test_understand_spelling.py). Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "did the terms change for initech get approved or is it still pending?",
        "the write-off on INV-10319 for acme industrial, approved yet?",
        "the write-off for wells & wagner done already or not",
        "did the FM approve the release I asked for on monday",
        "the controller rejected the evergreen limit request right?",
        "which approvals are still pending",
        "any limit change i raised still waiting?",
        "open requests in the queue pls",
        "what happened with my write-off for the fabrikam invoice",
    ],
)
def test_a_proposal_asked_after_is_the_approvals_inbox(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "approvals_inbox", request
    assert request.action is None


def test_a_change_asked_for_with_its_approval_given_is_still_the_change() -> None:
    request = parse("the FM approved it, go ahead and write off the 272.73 on 10319", TODAY)
    assert request.action is not None and request.action.kind == "write_off_deduction"


@pytest.mark.parametrize(
    "text,intent",
    [
        ("is the payment from globex still pending?", "payment_history"),
        ("did globex pay the invoice that was on hold?", "credit_check"),
    ],
)
def test_a_payment_pending_or_a_hold_reported_keeps_its_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent
