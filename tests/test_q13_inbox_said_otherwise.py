"""The approvals inbox as an AR team says it in Slack and finance leaders say it (session 13):
what is pending for someone to approve, waiting on someone's approval, approvals piled up or
outstanding, what still needs sign-off from me, what I'm supposed to approve, my requests still
waiting or gone through, what was submitted or queued for approval, proposals still open or
unapproved, "I'm the approver". Look-alikes keep their reading: whether a change needs
approval is how arbot works, an approval asked for by id is not a question, and nothing is
proposed. Phrasings are not the eval files'."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "anything pending for the credit manager to approve?",
        "what's waiting on luis's approval",
        "approvals piling up while I was away?",
        "how many approvals are still open",
        "what needs sign-off from me this afternoon",
        "what am I supposed to approve today",
        "are my limit requests still waiting?",
        "did my write-off request go through yet",
        "what has the team submitted for approval today",
        "anything queued up for sign-off?",
        "which proposals are still unapproved",
        "I'm the approver for write-offs, anything for me?",
        "has anyone sent me anything to approve",
    ],
)
def test_the_inbox_said_otherwise(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "approvals_inbox", request
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("do I need approval to write off 200 on 10319?", "help"),
        ("what approvals do you need for a limit change over 50k?", "unknown"),
        ("would a write-off that size need the controller's approval?", "help"),
    ],
)
def test_look_alikes(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "approvals_inbox", request
    assert request.action is None
