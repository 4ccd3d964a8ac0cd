"""How to use arbot, asked another way (session 11): its commands ("which commands are
supported?", "what commands got"), how to do a thing with it ("how to raise a dispute using
arbot", "pls guide how to use this bot for deductions", "how i ask for a statement ah", "can you
apply cash or not? how", "can sales request holds through arbot or only credit?"), and who may
approve what ("what is the approval limit for a collector?", "would this need controller
approval?", "need approval from who?", "is there a setting for that"). Each is help, nothing
proposed. A change asked for, a customer's credit limit and a question about the inbox keep their
reading. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "which commands are supported here?",
        "how to raise a dispute using arbot",
        "pls guide how to use this bot for deductions",
        "how i ask for a statement ah",
        "can you apply cash or not? how",
        "can sales request holds through arbot or only credit?",
        "what is the approval limit for a collector?",
        "would writing off initech's 300 short pay need manager approval?",
        "if we release SO-1004, need approval from who?",
        "can small differences be cleared automatically? is there a setting",
    ],
)
def test_how_to_use_arbot_asked_otherwise_is_help(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "help", request
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("what is the credit limit for globex", "credit_check"),
        ("anything waiting for my approval", "approvals_inbox"),
        ("write off the 140 on 987 for meridian, below tolerance", "action_request"),
    ],
)
def test_a_question_or_change_about_the_account_keeps_its_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent
