"""Reminders said as a dunning run would (issue 17, session 12): "kick off a level 2 dunning
letter to X", "reminder letter level 2 to X please", "raise a final reminder for X"; and a change
relayed with the writer's own go-ahead said as its verb ("… asked me to email X a reminder about
INV-…, could you send it?", "the 88.20 left on X's 10436 - luis said to write it off. could you
do that?": "it" is the thing named first). Asked about, told or relayed without a go-ahead,
nothing is proposed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer,invoice",
    [
        (
            "trigger the second reminder for Jensen Beverages re INV-10352",
            "jensen beverages",
            "10352",
        ),
        ("reminder letter level 2 to Abbott Furniture please", "abbott furniture", None),
        ("raise a final reminder for Mariner Lumber", "mariner lumber", None),
        (
            "issue the level 3 dunning letter to Kendall Paper for INV-10353",
            "kendall paper",
            "10353",
        ),
        ("dunning notice lvl 2 to falcon hardware pls", "falcon hardware", None),
    ],
)
def test_a_dunning_letter_by_its_level_is_a_reminder(
    text: str, customer: str, invoice: str | None
) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "send_reminder", (text, action)
    assert action.customer_text == customer, (text, action.customer_text)
    assert (invoice in action.invoice_refs) if invoice else not action.invoice_refs


@pytest.mark.parametrize(
    "text",
    [
        "who got a level 2 dunning letter last week?",
        "the level 2 dunning letter to abbott - did it go?",
        "should we kick off a dunning letter to falcon hardware?",
        "run the dunning run for all company codes",
    ],
)
def test_dunning_asked_about_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)


def test_a_relayed_reminder_with_could_you_send_it_is_asked() -> None:
    text = (
        "my manager asked me to email Kendall Paper a reminder about INV-10353, could you send it?"
    )
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "send_reminder", action
    assert action.customer_text == "kendall paper" and "10353" in action.invoice_refs


def test_it_in_a_relayed_change_is_the_thing_named_first() -> None:
    text = "the 88.20 left on initech's 10436 - luis said to write it off. could you do that?"
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "write_off_deduction", action
    assert action.invoice_refs == ("10436",) and action.amount == Decimal("88.20")


@pytest.mark.parametrize(
    "text",
    [
        "my manager asked me to email Kendall Paper a reminder about INV-10353",
        "the 88.20 left on initech's 10436 - luis said not to write it off",
        "the 88.20 left on initech's 10436 - luis said to write it off",
        "luis wants a reminder sent to mariner lumber, did you send it?",
    ],
)
def test_relayed_without_a_go_ahead_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "action_request", (text, request.action)
