"""Session 15: a change's fate asked after ("did the w/o for X go through yet?", "did the invoice
for X from SO-… get approved?", "was the dispute on … approved?", "what's pending approval right
now?") is the approvals inbox, never the change made again; with an invoice number, "did the w/o
on INV-… go through?" stays that invoice's state. One customer's or one order's credit asked in
words other readers take for a balance or an invoice ("can X take another $3k", "room for
4200?", "orders pending, are they good?", "should we hold X? 984 is way past due", "what are X's
payment terms") is ``credit_check``. Phrasings are not the eval files'."""

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
        "did the write-off for globex go through yet?",
        "has the hold on riverbend gone through?",
        "did the application of the northwind wire get approved?",
        "has the dispute on INV-10204 been approved?",
        "was the dispute for globex rejected?",
        "did the invoice for SO-1001 get approved? sales need the number",
        "did somebody approve the application of the riverbend cheque?",
        "write-offs pending?",
        "limit change pending approval?",
        "what is pending approval right now?",
        "was my note on riverbend saved? can't find it",
    ],
)
def test_a_changes_fate_is_the_inbox(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "approvals_inbox", (text, request.intent)
    assert request.action is None


@pytest.mark.parametrize(
    "text",
    [
        "did the write-off on INV-10372 go through?",  # that invoice's state
        "summary of yesterday's cash and what's pending approval",  # the day's news first
        "did the payment from globex go through?",  # a payment, no change of arbot's
        "did anyone log the call with globex yesterday?",  # a call, not a proposal
    ],
)
def test_not_the_inbox(text: str) -> None:
    assert parse(text, TODAY).intent != "approvals_inbox", text


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("can riverbend take another $5k on the account?", "riverbend"),
        ("ok to give globex a bit more room? they're at 40k", "globex"),
        ("northwind room for 7500?", "northwind"),
        ("globex has 3 orders waiting, are they ok?", "globex"),
        ("should we hold riverbend? 10204 is way overdue", "riverbend"),
        ("what are northwind's payment terms", "northwind"),
        ("what are the current terms for globex?", "globex"),
        ("can you confirm globex is still on net 45?", "globex"),
    ],
)
def test_one_customers_credit_asked(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "credit_check", (text, request.intent)
    assert customer in (request.customer_text or ""), (text, request.customer_text)
    assert request.action is None


def test_terms_asked_with_the_balance_is_what_they_owe() -> None:
    request = parse("what are riverbend's current terms and balance?", TODAY)
    assert request.intent == "customer_balance"


def test_an_orders_credit_beside_the_invoice_named_as_its_reason() -> None:
    request = parse(
        "if globex doesn't pay 10204 by friday we'll hold SO-1002. "
        "for now what's the credit status of SO-1002?",
        TODAY,
    )
    assert request.intent == "credit_check"
    assert request.order_refs == ("SO-1002",)


@pytest.fixture
def agent(tmp_path) -> Agent:
    return books_agent(tmp_path, TODAY)


def test_a_changes_fate_answers_the_inbox_and_proposes_nothing(agent: Agent) -> None:
    store = agent.approvals.store  # type: ignore[union-attr]
    before = len(store.list())
    reply = agent.ask(Turn("dana", "terminal", "did the write-off for parent co go through yet?"))
    assert reply.intent == "approvals_inbox"
    assert reply.proposals == []
    assert len(store.list()) == before
    assert "Parent Co" in reply.headline  # led by what waits, or was decided, for that customer


def test_room_for_an_amount_is_the_customers_credit_not_an_invoice(agent: Agent) -> None:
    reply = agent.ask(Turn("dana", "terminal", "parent co room for 4200?"))
    assert reply.intent == "credit_check"
    assert reply.proposals == []
    assert "10,000" in reply.headline + str(reply.data) or "10000" in str(reply.data)


@pytest.mark.parametrize(
    "text",
    [
        "Their buyer asked if we could bill SO-1 before the month closes. "
        "Is there headroom for it?",
        "The customer wants the invoice for SO-1 before delivery. What's their exposure against "
        "limit?",
        "Sales asks to invoice SO-1 in two parts. Can we ship it, is the credit ok?",
        "They want the SO-1 invoice split per site. I'll do it myself, "
        "just tell me the order value.",
        "Should we invoice SO-1 now or wait for the rest of the delivery?",
        "What happens if I put Parent Co on hold, does SO-1 stay blocked?",
    ],
)
def test_an_orders_credit_asked_after_a_wish_to_bill_it(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "credit_check", (text, request.intent)
    assert request.order_refs == ("SO-1",)
    assert request.action is None and request.not_asked is None


@pytest.mark.parametrize("text", ["invoice SO-1 please", "create an invoice for SO-1"])
def test_billing_an_order_asked_plainly_is_still_the_draft(text: str) -> None:
    assert parse(text, TODAY).intent == "create_invoice", text


def test_an_orders_credit_after_a_wish_answers_the_order_and_proposes_nothing(
    agent: Agent,
) -> None:
    store = agent.approvals.store  # type: ignore[union-attr]
    before = len(store.list())
    reply = agent.ask(
        Turn(
            "dana",
            "terminal",
            "Their buyer asked if we could invoice SO-1 before month end. "
            "Is there headroom for it?",
        )
    )
    assert reply.intent == "credit_check"
    assert reply.proposals == [] and len(store.list()) == before
    assert "5,000.00" in reply.headline + str(reply.data) or "5000" in str(reply.data)
