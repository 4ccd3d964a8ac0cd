"""The whole book's total and its credit exceptions said another way (issue 17, session 10):
"the overall amount our customers owe us", "the total amount owed to us", "how much do the euro
customers owe" are total AR (also when a lead-in word is left beside them: the agent answers
the book when that word names no one); "who has negative headroom", "which accounts blew past
their credit lines", "who is over theirs" and "currently on hold" are the credit exceptions.
The phrasings are not the eval files' rows; the negatives say where the rules stop."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "what is the overall amount our customers owe us",
        "total amount owed to us please",
        "how much do the euro customers owe",
    ],
)
def test_the_books_total_said_another_way(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "total_ar", request


def test_the_books_total_beside_a_lead_in_word_is_the_book_when_it_names_no_one() -> None:
    request = parse("apologies for the noise - overall amount owed to us?", TODAY)
    assert "total_ar" in (request.intent, request.book_intent), request


@pytest.mark.parametrize(
    "text",
    [
        "who has negative headroom",
        "which accounts blew past their credit lines?",
        "limits are under review - which customers are over theirs?",
        "who is currently on hold",
    ],
)
def test_credit_exceptions_said_another_way(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "credit_exceptions", request
    assert request.customer_text is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("how much headroom does globex have", "credit_check"),
        ("what does globex owe us overall", "customer_balance"),
        ("raise globex's limit to 50k", "action_request"),
    ],
)
def test_one_customers_figures_stay_theirs(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
