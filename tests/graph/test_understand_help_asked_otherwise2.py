"""How to use arbot, asked the ways a new temp or an SAP user asks it (session 12): "how do I
ask" after a can-you, how one would set a customer's terms, whether a change needs approval or
permission, who is meant to approve, a way to ask arbot for something, what arbot does with a
kind of change, "am I allowed to …". Look-alikes keep their reading: the change asked for, a
what-if about a customer, a question about another system. Phrasings are not the eval files'
rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "can you put customers on hold? how do we ask",
        "how could I move Initech onto 45 days",
        "would we need approval to write off a short pay?",
        "does it need sign-off for a note on an account",
        "who is meant to approve limit increases - me or the FM?",
        "any way to get you to list open items per customer? what's the syntax",
        "could you explain what arbot does with write-offs",
        "am I allowed to release orders myself or is that the credit manager?",
        "do we have permission to send statements as temps?",
        "how do I log a ptp with you",
    ],
)
def test_how_to_use_arbot_is_help(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "help", request
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("put initech on net 45 please", "action_request"),
        ("what would happen if we raised fabrikam's limit to 200k", "credit_check"),
        ("how do I set up a new user in the ERP", "unknown"),
    ],
)
def test_look_alikes_keep_their_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent
