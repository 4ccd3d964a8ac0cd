"""Lists and holds asked in a team's words (session 13): a list of accounts wanted by someone
("the credit committee wants a list of customers on credit block") is the book's question, not
a hold reported or asked; "tmr" is tomorrow, no customer; a colleague's absence told beside the
question ("she's on holiday, I'm covering") keeps the question in scope and names no one;
priority accounts for the collectors are the worklist; "take X off stop - are they even on
it?" asks whether X is on hold; "if I bill X 900, will that take them over?" asks X's credit,
it bills nothing. Look-alikes keep their reading; nothing here is proposed. Phrasings are not
the eval files'."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        (
            "the credit committee wants a list of customers on credit block and over their limit",
            "credit_exceptions",
            None,
        ),
        (
            "show me accounts on hold or over limit pls, board meeting tmr",
            "credit_exceptions",
            None,
        ),
        ("Luis Ortega's call queue please - he's off sick today", "collections_list", "luis"),
        ("priority accounts for the collectors this week?", "collections_list", None),
        (
            "sales want us to lift the stop on Initech - are they even on it?",
            "credit_check",
            "initech",
        ),
        (
            "if I invoice Abbott 2,000 for the extra pallets, would that push them over limit?",
            "credit_check",
            "abbott",
        ),
    ],
)
def test_list_or_hold_asked(text: str, intent: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    if customer is not None:
        assert request.customer_text is not None and request.customer_text.startswith(customer)
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        # a hold asked for, tomorrow or not, stays a request
        ("put initech on hold tmr", "action_request"),
        # an invoice asked for stays what arbot cannot do
        ("invoice Abbott 2,000 for the extra pallets", "unknown"),
        # who is away is no question arbot answers
        ("who is on holiday in the collections team next week", "unknown"),
        ("how many days of annual leave do I have left", "unknown"),
        # the worklist's own words keep their reading
        ("who should we chase first today", "collections_list"),
    ],
)
def test_look_alikes_keep_their_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent
