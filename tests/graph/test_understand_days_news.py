"""The day's news said another way (issue 17, session 10): "what did we miss", "anything I
should know before the call", "what do we need to know this morning", "a snapshot of the AR for
the huddle" are the digest; "anything I should know about northwind?" stays northwind's. The
phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "back from leave - what did we miss?",
        "anything we should know before the 3pm call",
        "what do we need to know this morning",
        "a snapshot of the AR for the huddle please",
    ],
)
def test_the_days_news_said_another_way_is_the_digest(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "digest", request


def test_news_about_one_customer_is_theirs() -> None:
    request = parse("anything I should know about northwind?", TODAY)
    assert request.intent == "customer_balance", request
