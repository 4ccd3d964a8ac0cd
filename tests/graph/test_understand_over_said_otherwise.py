"""A cut of the book said another way (issue 17, session 10): "north of 90" is over 90, and
"more than a fortnight overdue" over 14 days. The phrasings are not the eval files' rows; the
negatives say where the rules stop: a fortnight as a period stays a period, and "north" before
no figure is a word like any other."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,days",
    [
        ("who's north of 60 days past due?", 60),
        ("total overdue north of 30 please", 30),
        ("customers more than a fortnight late", 14),
        ("anything over a fortnight overdue?", 14),
    ],
)
def test_a_cut_said_another_way_is_over_days(text: str, days: int) -> None:
    request = parse(text, TODAY)
    assert request.intent == "over_days", request
    assert request.days == days
    assert request.customer_text is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("what came in over the last fortnight", "payments_received"),
        ("what came in over a fortnight", "payments_received"),
        ("is globex north of their limit", "credit_check"),
    ],
)
def test_look_alikes_read_as_themselves(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
