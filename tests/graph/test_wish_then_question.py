"""Someone's wish for a change, then the writer's own question (issue 17, session 11): "the team
wants a dispute raised on …, but first confirm the invoice amount", "X asking for net 45 - how
fast do they pay? days pls". The wish is no request; the question after it is read, "they" and
"the invoice" are what the wish names. A wish followed by the writer's go-ahead still proposes."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        (
            "the sales team wants us to lift Abbott's limit, but first tell me what they owe",
            "customer_balance",
            "abbott",
        ),
        (
            "Riverbend asking for net 45 terms - how fast do they pay on average? days pls",
            "days_to_pay",
            "riverbend",
        ),
        (
            "Mariner Lumber (the customer) wants to go to net 60. what are their current terms"
            " and balance?",
            "customer_balance",
            "mariner lumber",
        ),
        (
            "I sent a statement to Evergreen last week, they say it never arrived. anyway"
            " what's their balance",
            "customer_balance",
            "evergreen",
        ),
    ],
)
def test_the_question_after_the_wish_is_read(text: str, intent: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == intent, (text, request.intent)
    assert customer in (request.customer_text or ""), (text, request.customer_text)


def test_the_invoice_is_the_one_the_wish_names() -> None:
    text = (
        "our buyer wants a dispute raised on INV-10211, but pls first confirm the invoice due date"
    )
    request = parse(text, TODAY)
    assert request.action is None
    assert (request.intent, request.invoice_refs) == ("invoice_status", ("10211",))


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Abbott asked for a hold. can you put them on hold please?", "set_credit_hold"),
        ("the team wants a dispute on INV-10211 - please raise it", "open_dispute"),
        ("Riverbend asked for net 45 - pls change their terms to net 45", "set_terms"),
        ("Evergreen wants their limit raised to 80k, pls do it", "set_credit_limit"),
    ],
)
def test_a_wish_with_the_writer_s_go_ahead_still_proposes(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, action)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "wish_then_question")


def test_no_dispute_is_proposed_end_to_end(demo: Cli) -> None:
    text = (
        "our buyer wants a dispute raised on INV-10211, but pls first confirm the invoice due date"
    )
    reply = ask_json(demo, text)
    assert reply["proposals"] == [], reply["text"]
    assert "10211" in reply["text"], reply["text"]
