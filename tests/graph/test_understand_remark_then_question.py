"""A remark about a change, then a question (issue 17, session 10): a change someone made,
wants, might make or is not making does not decide the reading; the question after it does,
and nothing is proposed. A "they" in the question is the customer the remark names, an "it"
the one invoice it names. A request before the question, or a question that asks for the
change itself, still proposes."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        # a change someone made
        (
            "Dana took Initech off hold this morning. What do they owe now?",
            "customer_balance",
            "initech",
        ),
        (
            "sent riverbend a second reminder last week. how much is past due for them?",
            "customer_balance",
            "riverbend",
        ),
        (
            "Maria put Heritage Garden on stop on Monday. Could you confirm what they owe at"
            " the moment?",
            "customer_balance",
            "heritage garden",
        ),
        (
            "reminder went out to initech thurs, no reply. what's still outstanding",
            "customer_balance",
            "initech",
        ),
        # a change someone else wants, or might be made
        (
            "The FM wants to know if we could move Kendall Paper to net 60. I'm not asking for it."
            " What is their average days to pay?",
            "days_to_pay",
            "kendall paper",
        ),
        (
            "if Evergreen doesn't pay by Friday we'll need to put them on stop. what's their"
            " balance?",
            "customer_balance",
            "evergreen",
        ),
        # a change not being made
        (
            "Kindly do NOT send any dunning letters to Kendall Paper until January. What's"
            " their past due though?",
            "customer_balance",
            "kendall paper",
        ),
        (
            "tate asked to go on hold, I said not yet. how much do they owe rn",
            "customer_balance",
            "tate",
        ),
        (
            "Please don't send Tate Engineering a reminder until after their audit. What do they"
            " owe though?",
            "customer_balance",
            "tate engineering",
        ),
        (
            "finance asked whether we could raise Abbott's limit. Not doing it yet - how late do"
            " they pay on average?",
            "days_to_pay",
            "abbott",
        ),
    ],
)
def test_the_question_after_the_remark_is_read(text: str, intent: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.not_asked is None, (text, request.not_asked)
    assert request.intent == intent, (text, request.intent)
    assert customer in (request.customer_text or ""), (text, request.customer_text)


def test_an_it_is_the_invoice_the_remark_names() -> None:
    text = "we may have to hold Falcon Hardware's orders if 10372 isn't paid soon, is it overdue?"
    request = parse(text, TODAY)
    assert request.action is None
    assert request.intent == "invoice_status"
    assert request.invoice_refs == ("10372",)


@pytest.mark.parametrize(
    "text,kind",
    [
        # asked for, after a remark: the question is the request
        ("Initech asked for a hold. Can you put them on hold?", "set_credit_hold"),
        (
            "Riverbend asked for a statement. Could you send them their statement please?",
            "send_statement",
        ),
        ("Tate asked for net 45. Can you change their terms to net 45?", "set_terms"),
        # a request, then a question
        ("Put Evergreen on hold. What do they owe?", "set_credit_hold"),
        ("send kendall paper a reminder for 10336. what else is open for them?", "send_reminder"),
    ],
)
def test_a_request_still_proposes(text: str, kind: str) -> None:
    request = parse(text, TODAY)
    assert request.action is not None, (text, request.intent)
    assert request.action.kind == kind, (text, request.action.kind)


def test_a_remark_alone_asks_nothing() -> None:
    request = parse("Luis put Initech on hold yesterday.", TODAY)
    assert request.action is None
