"""A customer's promise only told, then a question about it (issue 17, session 12): "X
promised 2k on the 10th, broke it? let me know the status" asks after X's promises and records
nothing; a question of another kind beside the promise is read alone. A promise told with
nothing asked, or with the record asked for, is still a request. "next wed", "by fri": a
promise's day said short."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from graph.understand_due import due_date
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,customer",
    [
        ("Abbott Furniture promised 2k on the 10th, broke it? let me know the status", "abbott"),
        (
            "dana's notes: falcon hardware promised 4,500 for 11/12 - kept? tell me where it"
            " stands",
            "falcon hardware",
        ),
        ("mariner lumber said ptp 11/13, did it happen? their balance pls", "mariner lumber"),
        ("the ptp kendall paper gave for the 9th, honoured? status", "kendall paper"),
    ],
)
def test_a_promise_asked_after_is_its_promises(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == "promises", (text, request.intent)
    assert customer in (request.customer_text or ""), (text, request.customer_text)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("should we stop shipping to Mariner Lumber? they broke their PTP again", "credit_check"),
        ("heritage garden promised 3k on monday, how much do they owe? status", "customer_balance"),
    ],
)
def test_another_question_beside_a_promise_is_read_alone(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == intent, (text, request.intent)


@pytest.mark.parametrize(
    "text",
    [
        "globex promised 5000 by friday",
        "kendall paper promised 1,200 on 11/30, please record it",
        "initech says they'll pay 10436 next week",
        "abbott furniture will pay 2k on fri, did you get that? pls record",
    ],
)
def test_a_promise_told_to_be_recorded_is_still_a_request(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "record_promise", (text, action)


@pytest.mark.parametrize(
    "words,day",
    [
        ("next wed", date(2026, 11, 25)),
        ("by fri", date(2026, 11, 27)),
        ("on tues", date(2026, 11, 24)),
        ("this thurs", date(2026, 11, 26)),
        ("by sun", date(2026, 11, 22)),
    ],
)
def test_a_promise_day_said_short(words: str, day: date) -> None:
    assert due_date(f"will pay 5k {words}", TODAY)[0] == day


def test_sat_alone_is_no_day() -> None:
    # "sat" (what sits) and "sun" are words, not days, without "next", "by" or "on"
    assert due_date("the 5k that sat unapplied", TODAY)[0] is None


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "promise_told")


def test_no_promise_is_proposed_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "Globex promised 5k on 11/9, broke it? where does it stand")
    assert reply["proposals"] == [], reply["text"]
    assert reply["intent"] == "promises", reply
