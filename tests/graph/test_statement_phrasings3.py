"""Statements asked in other words (issue 17, session 12): a customer's AP asked for one, then
"please send" alone; "a copy of their open items statement … send it over"; "could you email an
updated statement to X?" after a greeting, asked as a question of arbot. Asked about, held back,
sent by the writer or only shown, nothing is proposed."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("Abbott Furniture's AP asked for a statement of account, please send", "abbott furniture"),
        ("Mohawk AP asked for a statement of account, pls send asap", "mohawk"),
        (
            "Heritage Garden asked for a copy of their open items statement - send it over please",
            "heritage garden",
        ),
        (
            "hello! could you email an updated statement to Mariner Lumber? their controller asked."
            " thanks a lot",
            "mariner lumber",
        ),
    ],
)
def test_a_statement_asked_otherwise_is_sent(text: str, customer: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "send_statement", (text, action)
    assert action.customer_text == customer, (text, action.customer_text)


@pytest.mark.parametrize(
    "text",
    [
        "Kendall Paper AP asked for a statement of account, did we send it?",
        "Kendall Paper AP asked for a statement of account - don't send yet",
        "Kendall Paper AP asked for a statement of account, I'll send it myself",
        "could you show me a statement of account for Kendall Paper?",
        "Kendall Paper asked for a statement of account, what do they owe?",
        "did you email a statement to Mariner Lumber?",
    ],
)
def test_statements_not_asked_to_be_sent_propose_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
