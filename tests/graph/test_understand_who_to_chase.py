"""Who to chase said another way (issue 17, session 10): "who should we be ringing today",
"which customers should I go after", "the call list", "priya's accounts to work", "what's on
luis's list" are the collections worklist. The phrasings are not the eval files' rows; the
negatives say where the rule stops."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "who should we be ringing today?",
        "which customers should I go after this week",
        "who do they chase on monday",
        "can you pull the call list",
        "priya shah's accounts to work",
        "what's on luis's list",
    ],
)
def test_who_to_chase_said_another_way_is_the_worklist(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "collections_list", request
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("send globex a reminder", "action_request"),
        ("what's on globex's statement", "customer_balance"),
        ("who owes the most", "top_debtors"),
    ],
)
def test_look_alikes_read_as_themselves(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
