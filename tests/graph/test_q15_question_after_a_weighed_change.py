"""Session 15: a change only planned by the writer, pushed by someone else, or put off, then a
question: the question is read, of the customer the remark names ("we'll probably open a dispute
on X's freight invoice after I talk to ops. what's their open balance?", "sales is pushing to
give X 60 day terms. not my call - what do they owe?", "no need to log anything for X. what's on
their account?"); "what are they now?" / "what is it now?" after a remark on terms or a limit asks
for those; nothing is proposed. Phrasings are not the eval files'."""

from __future__ import annotations

from datetime import date

import pytest

from graph.agent import Agent
from graph.messages import Turn
from graph.understand import parse
from tests.books import books_agent

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("text", "intent", "customer"),
    [
        (
            "We'll probably open a dispute on the Globex freight invoice once ops confirm. "
            "What's their open balance?",
            "customer_balance",
            "globex",
        ),
        (
            "Sales is pushing to give Riverbend 60 day terms. Not my call - what do they owe?",
            "customer_balance",
            "riverbend",
        ),
        (
            "No need to log anything for Northwind, it was a chat. What's on their account?",
            "customer_balance",
            "northwind",
        ),
        (
            "I'm going to raise the Globex limit next week after the review. Remind me, what is it "
            "now?",
            "credit_check",
            "globex",
        ),
        (
            "Leave Riverbend's terms alone until legal signs off. What are they now?",
            "credit_check",
            "riverbend",
        ),
    ],
)
def test_the_question_after_a_change_not_made(text: str, intent: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, (text, request.intent)
    assert customer in (request.customer_text or ""), (text, request.customer_text)
    assert request.action is None


def test_whats_on_a_customers_account_is_what_they_owe() -> None:
    request = parse("what's on globex's account?", TODAY)
    assert request.intent == "customer_balance" and not request.guessed


def test_cash_on_account_stays_unapplied_cash() -> None:
    assert parse("any cash on account for globex?", TODAY).intent == "unapplied_cash"


@pytest.fixture
def agent(tmp_path) -> Agent:
    return books_agent(tmp_path, TODAY)


def test_a_planned_note_then_the_balance_answers_the_balance(agent: Agent) -> None:
    store = agent.approvals.store  # type: ignore[union-attr]
    before = len(store.list())
    reply = agent.ask(
        Turn(
            "dana",
            "terminal",
            "We'll likely add a note for Parent Co after the call. What's their open balance?",
        )
    )
    assert reply.intent == "customer_balance"
    assert reply.proposals == [] and len(store.list()) == before
    assert "1,250.50" in reply.headline + str(reply.data) or "1250.50" in str(reply.data)
