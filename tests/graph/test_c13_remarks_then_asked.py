"""A change told (done or wished) and then a question said with "fyi" or "when did …", and a
past event asked with "tell me if … went through" (issue 17, session 13): the question is read,
nothing is proposed; "when they pay, …" stays a condition."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from graph.understand_clauses import ASKED, CONDITIONAL, classify
from graph.understand_vocab import normalize

TODAY = date(2026, 11, 21)


def test_a_question_after_fyi_is_asked() -> None:
    text = "Thabo already put Mills Aerospace on hold yesterday, just fyi what's their balance now"
    request = parse(text, TODAY)
    assert request.action is None and request.intent == "customer_balance", request


@pytest.mark.parametrize(
    "clause,role",
    [
        ("when did they last pay", ASKED),
        ("when is their next promise due", ASKED),
        ("when they pay release the order", CONDITIONAL),
        ("when abbott furniture pays remove the hold", CONDITIONAL),
    ],
)
def test_when_asks_or_sets_a_condition(clause: str, role: str) -> None:
    assert classify(normalize(clause))[0].role == role, clause


@pytest.mark.parametrize(
    "text", ["when abbott furniture pays, remove the hold", "when they pay, release SO-1002"]
)
def test_a_change_on_a_condition_proposes_nothing(text: str) -> None:
    assert parse(text, TODAY).action is None, text


def test_a_past_change_asked_with_tell_me_if_is_asked_now() -> None:
    text = "could you tell me if the write off for Abbott Furniture on INV-10321 went through"
    request = parse(text, TODAY)
    assert request.cannot is None and request.intent == "invoice_status", request


def test_tell_me_when_they_pay_is_still_an_alert() -> None:
    request = parse("tell me when abbott furniture pays", TODAY)
    assert request.intent == "unknown" and request.cannot == "alert", request


@pytest.mark.parametrize(
    "text,customer,note",
    [
        (
            "put a note on Abbott Furniture. moving warehouses in january",
            "abbott furniture",
            "moving warehouses in january",
        ),
        ("log a call with mills aerospace. spoke to AP, paying friday", "mills aerospace", None),
        # a company's own stop ends no name
        ("note for Meridian Tool & Die Co. they will pay friday", "meridian tool & die co", None),
    ],
)
def test_a_note_after_a_stop(text: str, customer: str, note: str | None) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "add_note", (text, action)
    assert action.customer_text == customer, (text, action)
    if note:
        assert action.text == note
