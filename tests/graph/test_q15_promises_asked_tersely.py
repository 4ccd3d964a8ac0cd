"""Session 15: a promise asked after in a few words is the promises' question, of the customer
named — not their balance, nor their payments, nor the invoice it sits on. Phrasings are not the
eval files'."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("ptp globex?", "globex"),
        ("northwind ptp??", "northwind"),
        ("riverbend kept the 11/5 ptp?", "riverbend"),
        ("how is globex doing with their promise", "globex"),
        ("northwind promised again. how often have they broken it?", "northwind"),
        ("tate says they'll pay, I won't log it as a promise. any broken ones before?", "tate"),
        ("the promise from riverbend on INV-10204 - what's the status?", "riverbend"),
        ("globex said they'd pay 10183 monday - is that recorded as a PTP?", "globex"),
    ],
)
def test_a_promise_asked_after_tersely(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "promises", (text, request.intent)
    assert customer in (request.customer_text or ""), (text, request.customer_text)
    assert request.action is None


def test_who_broke_is_the_books_promises() -> None:
    request = parse("who broke?", TODAY)
    assert request.intent == "promises"
    assert request.customer_text is None


@pytest.mark.parametrize(
    "text",
    [
        "@jay did you record the wagner promise?",  # asked of a colleague, not a few words
        "what does globex owe?",
    ],
)
def test_not_a_promise_asked_tersely(text: str) -> None:
    assert parse(text, TODAY).intent != "promises", text
