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


@pytest.mark.parametrize(
    "text,invoice",
    [
        ("what's left on invoice ten one eight three", "10183"),
        ("inv number one oh one nine nine still open?", "10199"),
        ("raise a query on in voice ten three two one, short shipped", "10321"),
    ],
)
def test_an_invoice_number_said_aloud(text: str, invoice: str) -> None:
    request = parse(text, TODAY)
    assert invoice in " ".join([*request.invoice_refs, str(request.action)])


@pytest.mark.parametrize("text", ["invoice one or two of them", "any invoice one two three"])
def test_a_few_spoken_words_are_no_invoice_number(text: str) -> None:
    assert not parse(text, TODAY).invoice_refs


@pytest.mark.parametrize(
    "text,intent",
    [
        ("which are the fattest open invoices", "largest_invoices"),
        ("heftiest debtors right now", "top_debtors"),
        ("30 60 90 split for the book please", "aging_report"),
        ("Kindly share customer-wise outstanding, highest first.", "top_debtors"),
        ("Kindly share invoice-wise outstanding for Initech.", "customer_balance"),
        ("who won the rugby on saturday", "unknown"),
        ("cash forecast for the next two weeks", "forecast"),
        ("just checking what initech owes atm", "customer_balance"),
    ],
)
def test_questions_in_other_words(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


def test_terms_revised_or_amended() -> None:
    for text in (
        "Kindly amend the payment terms of Heritage Garden Supply Co to net 45.",
        "revise credit terms of initech to 60 days",
    ):
        request = parse(text, TODAY)
        assert request.action is not None and request.action.kind == "set_terms", text
    revised = parse("were initech's terms revised last year?", TODAY)
    assert revised.action is None
