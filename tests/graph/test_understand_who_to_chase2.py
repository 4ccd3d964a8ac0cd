"""Who to chase, asked another way (session 11): "who should collections be ringing today",
"which accounts are the collectors gonna be calling", "who's dana chasing right now", "who we
supposed to call first", "a follow-up list for the imported customers". Each is the worklist.
Whom a collector is, and what a customer owes, keep their reading. Phrasings are not the eval
files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "who should collections be ringing today",
        "which accounts are the collectors gonna be calling next week",
        "who's dana chasing right now",
        "who we supposed to call first",
        "can you make a follow-up list for the imported customers",
    ],
)
def test_who_to_chase_asked_another_way_is_the_worklist(text: str) -> None:
    assert parse(text, TODAY).intent == "collections_list"


@pytest.mark.parametrize(
    "text,intent",
    [("who is luis", "customer_balance"), ("how much does initech owe", "customer_balance")],
)
def test_a_person_or_a_balance_is_no_worklist(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent != "collections_list"
