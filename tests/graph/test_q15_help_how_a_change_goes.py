"""Session 15: how a change goes in arbot, asked of no change in particular, is help — never the
change, never the report its nouns name ("how to flag a dispute" is not the disputes list, "how
do i send a dunning letter" not the worklist). Another tool's how-to and HR stay unknown.
Phrasings are not the eval files'."""

from __future__ import annotations

from datetime import date

import pytest

from graph.agent import Agent
from graph.messages import Turn
from graph.understand import parse
from tests.books import books_agent

TODAY = date(2026, 11, 21)

HOW_IT_GOES = [
    "how do i write off a short pay in here",
    "how do we w/o small residuals thru you?",
    "how to record a promise to pay",
    "how to open a dispute",
    "how to change a customer's terms",
    "quick q - how to raise a credit limit?",
    "how would we go about releasing an order from hold here",
    "how does one request a write-off in arbot, and who signs it?",
    "how do I send a final notice from here?",
    "can reminders be cancelled after they are approved?",
    "is there a way to preview a reminder before it is sent?",
    "where do the call notes end up? can I see them later",
    "promises -- where do they show",
    "does the bot do statements or is that netsuite only?",
    "can arbot do a statement for a single month?",
    "are you able to create invoices at all or only chase them?",
    "can you even record disputes? how",
    "limit changes - can those go through you or is it a form to credit?",
    "do you send statements at month end automatically or do I have to ask each time?",
    "what's the right way to get a PTP into arbot from a call",
    "what happens to an order when a customer is put on hold?",
    "what happens with the reminders once an invoice is disputed?",
    "can i send a reminder to a disputed account, or the system will block it?",
    "the process for getting a customer off hold via arbot? do I need the order number",
    "how are promises tracked in here?",
    "explain how the notes feature works",
    "how can I set terms with arbot, does it need approval?",
]


@pytest.mark.parametrize("text", HOW_IT_GOES)
def test_how_a_change_goes_is_help(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "help", (text, request.intent)
    assert request.action is None


@pytest.mark.parametrize(
    "text",
    [
        "how do I apply for annual leave in december",
        "how do I set up a new vendor in xero",
        "how do I add a new user to the ERP?",
        "how to apply for a day off",
    ],
)
def test_another_tools_how_to_is_not_arbots_help(text: str) -> None:
    assert parse(text, TODAY).intent == "unknown", text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("put parent co on hold", "set_credit_hold"),
        ("send parent co a statement", "send_statement"),
    ],
)
def test_the_change_asked_plainly_is_still_the_change(text: str, kind: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "help", text


@pytest.fixture
def agent(tmp_path) -> Agent:
    return books_agent(tmp_path, TODAY)


def test_how_to_flag_a_dispute_answers_help_and_proposes_nothing(agent: Agent) -> None:
    store = agent.approvals.store  # type: ignore[union-attr]
    before = len(store.list())
    reply = agent.ask(Turn("dana", "terminal", "can you even flag invoices disputed? how"))
    assert reply.intent == "help"
    assert reply.proposals == []
    assert len(store.list()) == before
