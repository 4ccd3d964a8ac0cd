"""Session 15's questions round: the whole book asked as operators, auditors and second-language
writers put it — who to chase ("top 5 to ring before friday", "who's the priority for calls",
"which debtors should dana get onto", "collect list", "worst first"), who owes the most
("biggest five customer balances", "who's #1 o/s", "top 2 cad"), the ledger's aging ("ATB",
"61-90... no: 120+ vs current", "aging for the north/south book") and one customer's money to
date ("how much has X paid us this week"). Look-alikes keep their reading. Phrasings are not the
eval files'."""

from __future__ import annotations

from datetime import date

import pytest

from graph.agent import Agent
from graph.messages import Turn
from graph.understand import parse
from tests.books import books_agent

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "top 5 to ring before friday?",
        "the top 3 we should call today",
        "who is the main priority for calls this afternoon",
        "which clients are top priority?",
        "which debtors should dana get onto first thing monday",
        "which accounts do we have to follow up hardest this week",
        "which customers we must to call today? I was out all week",
        "who needs a follow-up call more than an email",
        "who first tmrw",
        "worst offenders first pls",
        "collection list",
        "anything urgent to chase before the close?",
        "give me a prioritised list of customers where a call would bring in the most cash",
    ],
)
def test_who_to_chase_said_tersely(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "collections_list", (text, request.intent)
    assert request.action is None


@pytest.mark.parametrize(
    "text",
    [
        "which customers did we call yesterday",  # what was done, not whom to chase
        "who should we put on hold",  # a credit question
    ],
)
def test_not_a_worklist(text: str) -> None:
    assert parse(text, TODAY).intent != "collections_list", text


@pytest.mark.parametrize(
    "text",
    [
        "biggest five customer balances for the board pack",
        "highest outstanding balances",
        "largest bals eur",
        "biggest o/s",
        "who is #1 outstanding right now",
        "who's our number one debtor in CAD?",
        "top 2 cad",
        "eur side - who is the largest?",
    ],
)
def test_who_owes_the_most_said_tersely(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "top_debtors", (text, request.intent)


@pytest.mark.parametrize(
    "text",
    [
        "ATB",
        "atb pls, by due date",
        "the ATB as of today",
        "aging by invoice dt",
        "how much is 120+ vs current overall?",
        "current vs over 90 across the ledger",
        "run the aging for the north/south/east book",
    ],
)
def test_the_ledgers_aging_said_tersely(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "aging_report", (text, request.intent)
    assert request.customer_text is None, text


def test_atb_for_a_customer_keeps_the_customer() -> None:
    request = parse("ATB for globex", TODAY)
    assert request.customer_text is not None


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("how much has globex paid us this week?", "globex"),
        ("how much did riverbend send month-to-date", "riverbend"),
        ("receipts since the start of the month from northwind?", "northwind"),
    ],
)
def test_one_customers_money_to_date(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payments_received", (text, request.intent)
    assert customer in (request.customer_text or "")
    assert request.period is not None and request.period.end == TODAY


def test_month_to_date_with_hyphens_is_a_period() -> None:
    request = parse("total receipts month-to-date please", TODAY)
    assert request.period is not None
    assert request.period.start == date(2026, 11, 1) and request.period.end == TODAY


@pytest.mark.parametrize(
    "text",
    [
        "has globex paid anything this month?",  # a yes-no: their payment record
        "what did globex pay us this month",  # the list of their payments, as older files read it
    ],
)
def test_one_customers_payments_asked_otherwise_stay_their_record(text: str) -> None:
    assert parse(text, TODAY).intent == "payment_history", text


@pytest.fixture
def agent(tmp_path) -> Agent:
    return books_agent(tmp_path, TODAY)


def test_top_usd_names_the_largest_usd_debtor_and_no_other_currency(agent: Agent) -> None:
    reply = agent.ask(Turn("dana", "terminal", "top 2 usd"))
    assert reply.intent == "top_debtors"
    assert "Parent Co" in reply.headline + str(reply.data)
    assert "Stranger Ltd" not in reply.headline  # EUR: not asked
    assert reply.proposals == []


def test_atb_is_the_ledgers_aging_in_each_currency(agent: Agent) -> None:
    reply = agent.ask(Turn("dana", "terminal", "ATB"))
    assert reply.intent == "aging_report"
    text = reply.headline + str(reply.data)
    assert "USD" in text and "EUR" in text
    assert reply.proposals == []


def test_a_worklist_said_tersely_is_answered_as_the_worklist(agent: Agent) -> None:
    reply = agent.ask(Turn("dana", "terminal", "worst first. go"))
    assert reply.intent == "collections_list"
    assert reply.proposals == []


@pytest.mark.parametrize(
    "text",
    [
        "What came in yesterday? The lockbox file looked thin to me.",
        "what was received this week? the bank file seemed short",
    ],
)
def test_the_question_first_then_a_remark_on_the_bank_file(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent in ("payments_received", "payment_history"), (text, request.intent)
    assert request.period is not None


def test_a_one_word_tag_after_the_question_is_still_its_word() -> None:
    assert parse("any unidentified receipts in the bank? suspense", TODAY).intent == (
        "cash_application"
    )


def test_the_question_before_a_remark_on_the_lockbox_is_answered(agent: Agent) -> None:
    reply = agent.ask(Turn("dana", "terminal", "What came in yesterday? The lockbox looked thin."))
    assert reply.intent == "payments_received"
    assert reply.proposals == []
