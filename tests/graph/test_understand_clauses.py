"""The clause classifier (graph/understand_clauses.py): what each clause of a message does —
asks, reports, calls off or puts on a condition — the one rule the remark, nothing-for-us and
reported-speech readers share."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from graph.understand_clauses import (
    ASKED,
    CALLED_OFF,
    CONDITIONAL,
    QUOTED,
    REPORTED,
    classify,
    classify_said,
    customer_named,
    reported_lead,
    resolve,
    they,
)
from graph.understand_vocab import normalize


def roles(text: str) -> list[str]:
    return [c.role for c in classify(normalize(text))]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a report, then a question
        ("Priya took Mariner off stop on Tuesday. What is their balance now?", [REPORTED, ASKED]),
        ("the reminder to riverbend went out friday, nothing back", [REPORTED, REPORTED]),
        # a request, then a question
        ("block tate engineering. how much is past due for them?", [ASKED, ASKED]),
        ("can you send abbott a statement?", [ASKED]),
        # called off, by itself or by a later clause
        ("please do not chase evergreen before the 5th", [CALLED_OFF]),
        ("hold off on the write-off for abbott", [CALLED_OFF]),
        (
            "abbott's AP is querying 10211 with their own buyer, no action needed from us",
            [CALLED_OFF, CALLED_OFF],
        ),
        ("raise kendall's limit to 90k? nah forget it", [CALLED_OFF, CALLED_OFF]),
        # a question before the call-off stays asked
        ("is 10211 open? no action needed on our end", [ASKED, CALLED_OFF]),
        # only on a condition, or thought of
        ("if mariner misses friday we might stop their orders", [CONDITIONAL]),
        ("maybe move abbott to net 15?", [CONDITIONAL]),
        ("thinking about writing off the small riverbend balance", [CONDITIONAL]),
    ],
)
def test_each_clause_says_what_it_does(text: str, expected: list[str]) -> None:
    assert roles(text) == expected, (text, classify(normalize(text)))


@pytest.mark.parametrize(
    "text",
    ["is 10211 paid", "how much is 10211 btw", "could you confirm what they owe", "any pmts?"],
)
def test_questions_are_asked(text: str) -> None:
    (clause,) = classify(normalize(text))
    assert clause.role == ASKED and clause.question, clause


@pytest.mark.parametrize(
    "text", ["do not send it", "was going to put them on hold", "was put on hold friday"]
)
def test_an_auxiliary_first_is_no_question_by_itself(text: str) -> None:
    assert not any(c.question for c in classify(normalize(text))), text


def test_a_request_said_done_is_reported() -> None:
    assert roles("put mariner on hold yesterday") == [REPORTED]
    assert roles("put mariner on hold") == [ASKED]


def test_the_reporter_lead() -> None:
    text = "our CFO said we should lift abbott's line, what is it now?"
    lead = reported_lead(text)
    assert lead is not None and text[lead:].startswith("we should")
    assert reported_lead("bank line says PMT 4411, whose is it?") is None


def test_they_and_it_are_what_the_other_clauses_name() -> None:
    assert they("what's their balance") and not they("what's the balance")
    assert resolve("is it overdue", it="invoice 10211") == "is invoice 10211 overdue"
    assert (
        resolve("what do they owe on their oldest", who="Abbott")
        == "what do Abbott owe on Abbott's oldest"
    )
    assert resolve("what do they owe", who=None, it=None) == "what do they owe"


def test_quoted_words_are_quoted() -> None:
    parts = classify_said("Abbott's AP wrote: 'please hold our orders until the audit' - thoughts?")
    assert parts[0].role == REPORTED and parts[-1].role == QUOTED, parts
    assert [c.text for c in parts if c.role == ASKED] == ["thoughts"], parts
    assert parts[-1].text == "please hold our orders until the audit"


TODAY = date(2026, 11, 21)


def test_a_customer_s_own_people_said_it() -> None:
    parts = classify_said("Mariner Logistics' AP said 'we will pay next week' - do they usually?")
    assert customer_named(parts, TODAY, parse) == "mariner logistics"


@pytest.mark.parametrize(
    "text,customer",
    [
        (
            "Abbott said they'd maybe clear it by the 5th - not a firm promise, what do they owe?",
            "abbott",
        ),
        (
            "riverbend thinks they can pay friday, nothing confirmed. what's their balance?",
            "riverbend",
        ),
    ],
)
def test_a_promise_called_off_then_a_question(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == "customer_balance", (text, request.intent)
    assert customer in (request.customer_text or ""), (text, request.customer_text)
