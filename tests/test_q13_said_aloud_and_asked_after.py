"""Asked as people say it aloud or after a reason (session 13): a colleague out sick and "who's on
her list" is that collector's worklist; who is most important to chase, the state of things, how
much we took in, the number one account on the balance list, who is on hold while a driver asks;
anything I submitted asked after is the inbox. An apology with "if" ("sorry if I asked this
before") is no condition, and a change asked "so could you …" after the reason it may be made
("Dana signed off on it so can you …") is asked. Look-alikes keep their reading: a real
condition, a question whether to, a change reported done. Phrasings are not the eval files'."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("luis is off sick today, who's on his list I should ring", "collections_list", "luis"),
        ("who is most important to call this afternoon", "collections_list", None),
        ("what's the state of things on the ledger this morning", "digest", None),
        ("how much have we banked in since monday", "payments_received", None),
        ("who's the number one customer on the debtors list", "top_debtors", None),
        ("who's on hold, a driver wants to know where he can't deliver", "credit_exceptions", None),
        ("did anything we submitted get signed off yet", "approvals_inbox", None),
    ],
)
def test_asked_aloud(text: str, intent: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text == customer
    assert request.action is None


@pytest.mark.parametrize(
    "text,kind",
    [
        ("could you put abbott on hold please? sorry if I asked already", "set_credit_hold"),
        ("Dana signed off on it so can you put initech on hold", "set_credit_hold"),
        (
            "the FD approved it, so could you write off the 55.20 initech short paid on 10342?",
            "write_off_deduction",
        ),
    ],
)
def test_asked_after_an_apology_or_a_reason(text: str, kind: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "action_request", request
    assert request.action is not None and request.action.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "if they don't pay by friday, put abbott on hold",
        "sorry if this is obvious, but should we write off the 140 on 987?",
        "Dana approved it so I put abbott on hold this morning",
        "so could you tell me what abbott owes?",
    ],
)
def test_look_alikes_propose_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "action_request", request
