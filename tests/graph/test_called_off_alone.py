"""A message that only calls a change off or puts it on a condition (issue 17, session 11):
"pls disregard my earlier msg about X's limit, not needed now", "no need to send X a statement,
they settled", "if X still hasn't paid by friday we'll stop their orders" ask for nothing — the
reply says which change is not asked for and why, never another question's answer. A negation
that is the request ("don't ship to X") and a what-if asked without its question mark are not
this."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,kind,reason",
    [
        (
            "pls ignore my earlier msg about the credit limit for Abbott, not needed now",
            "set_credit_limit",
            "negated",
        ),
        (
            "cancel the reminder request for Evergreen, they paid this morning",
            "send_reminder",
            "negated",
        ),
        ("no need send statement to Riverbend, they settled", "send_statement", "negated"),
        ("nvm the Mariner limit thing, sorted it myself", "set_credit_limit", "negated"),
        ("yesterday I asked to apply PAY-5003 to 983 - pls don't", "apply_payment", "negated"),
        (
            "if Abbott still hasn't paid by friday then we put them on hold",
            "set_credit_hold",
            "hypothetical",
        ),
        (
            "i think we should w/o the 45.00 on INV-10211 but let me ask the controller first",
            "write_off_deduction",
            "hypothetical",
        ),
    ],
)
def test_only_called_off_asks_for_nothing(text: str, kind: str, reason: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == "unknown", (text, request.intent)
    assert request.not_asked is not None, text
    assert (request.not_asked.kind, request.not_asked.reason) == (kind, reason), text


@pytest.mark.parametrize(
    "text,kind",
    [
        ("don't ship anything more to Abbott", "set_credit_hold"),
        ("no more orders for Riverbend until they pay", "set_credit_hold"),
        ("write off 45 on INV-10211, not worth chasing", "write_off_deduction"),
    ],
)
def test_a_negation_that_is_the_request_still_proposes(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, action)


@pytest.mark.parametrize(
    "text",
    [
        "if we hold Mariner Lumber what happens to SO-1004",
        "if we wrote off the short pay on 10211 how much would abbott still owe",
        "need the aging by currency for the deck please, don't blend them",
    ],
)
def test_a_question_without_its_mark_is_still_read(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "unknown", (text, request)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "called_off_alone")


def test_nothing_is_proposed_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "no need send statement to Riverbend, they settled")
    assert reply["proposals"] == [], reply["text"]
    assert reply["intent"] == "unknown", reply
