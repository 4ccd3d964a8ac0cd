"""Messages that ask for a figure, and the families of phrasing dev11 pointed to (formal
requests, spoken numbers, a change called off beside a question): each read as the question it
asks, never as a change it does not ask for. Worded apart from the eval rows."""

from __future__ import annotations

import pytest

from graph.understand import parse
from graph.understand_asked import not_asked
from tests.conftest import TODAY


@pytest.mark.parametrize(
    "text",
    [
        "pls share the statement balance for initech",
        "could you provide the outstanding as per their SOA, globex",
        "tell me the amount due on the northwind statement",
        "Request you to confirm the SOA total of Initech.",
    ],
)
def test_a_figure_of_a_statement_is_a_question(text: str) -> None:
    refused = not_asked(text, "send_statement")
    assert refused is not None and refused.reason == "question"
    request = parse(text, TODAY)
    assert request.action is None and request.intent != "action_request"


@pytest.mark.parametrize(
    "text",
    [
        "email globex their statement",
        "please share the statement of account with initech",
        "send northwind a statement with their outstanding balance",
        "Request you to send the SOA to Initech.",
    ],
)
def test_a_statement_asked_to_be_sent_is_still_proposed(text: str) -> None:
    assert not_asked(text, "send_statement") is None
    request = parse(text, TODAY)
    assert request.action is not None and request.action.kind == "send_statement"
