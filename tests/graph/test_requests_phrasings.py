"""Change requests settled against the ledger: a bare number is an invoice only when the ledger
has it, an amount in another currency is not converted, a sales order is held or declined as an
order (never its customer), a note on an invoice goes to its customer — or a question instead
of a guess."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.agent import Agent
from graph.messages import Turn
from integrations.erp.records import NewPayment
from tests.books import books_agent

TODAY = date(2026, 11, 21)


@pytest.fixture
def agent(tmp_path) -> Agent:
    return books_agent(tmp_path, TODAY)


def ask(agent: Agent, text: str):
    return agent.ask(Turn("dana", "terminal", text))


def approvals(agent: Agent) -> list:
    return agent.approvals.store.list()  # type: ignore[union-attr]


def test_a_bare_number_is_the_invoice_the_ledger_has(agent: Agent) -> None:
    [proposal] = ask(agent, "write off parent co's 40 on 002").proposals
    assert proposal.summary == "Write off $40.00 on INV-002 (P1) as unknown"
    missing = ask(agent, "write off 40 on 777")
    assert (missing.intent, missing.headline) == (
        "action_request",
        "I can't find an invoice matching 777.",
    )
    assert len(approvals(agent)) == 1


def test_the_corrected_amount_and_its_currency(agent: Agent) -> None:
    reply = ask(agent, "pls set credit limit of parent co to 15.000 EUR... sorry USD 15,000")
    [proposal] = reply.proposals
    assert proposal.summary == "Change P1's credit limit from $10,000.00 to $15,000.00"
    other = ask(agent, "set parent co credit limit to EUR 15.000")
    assert other.proposals == []
    assert other.headline.startswith("Parent Co's credit limit is in USD, and you wrote EUR")
    assert len(approvals(agent)) == 1


def test_a_sales_order_is_held_or_declined_not_its_customer(agent: Agent) -> None:
    [held] = ask(agent, "hold SO-1 until parent co pays").proposals
    assert (held.action, held.summary) == ("hold_order", "Hold sales order SO-1 ($5,000.00, P1)")
    [declined] = ask(agent, "decline SO-1").proposals
    assert declined.action == "decline_order"
    assert agent.erp.get_customer("P1").on_hold is False  # type: ignore[union-attr]


def test_release_the_order_of_a_customer(agent: Agent) -> None:
    [released] = ask(agent, "release the order for parent co").proposals
    assert released.summary == "Release sales order SO-1 for P1"
    which = ask(agent, "release the order")
    assert (which.headline, which.proposals) == (
        "Which order? Name the sales order (SO-…) or its customer.",
        [],
    )
    none = ask(agent, "release the order for stranger ltd")
    assert none.headline.startswith("Stranger Ltd has no sales order waiting")


def test_a_note_on_an_invoice_goes_to_its_customer(agent: Agent) -> None:
    [note] = ask(agent, "note on INV-002: customer asked for a copy of the POD").proposals
    assert note.summary == "Add a note to P1: “INV-002: customer asked for a copy of the POD”"


def test_apply_to_the_oldest_open_invoice(agent: Agent) -> None:
    agent.erp.apply_payment(
        NewPayment("PMT-9", "P1", TODAY, Decimal("300.00"), "USD"), [], idempotency_key="cash"
    )
    reply = ask(agent, "pls apply parent co's unapplied payment to their oldest invoice")
    [proposal] = reply.proposals
    approval = agent.approvals.store.get(proposal.approval_id)  # type: ignore[union-attr]
    assert approval is not None
    assert approval.payload["applications"] == [["INV-001", "300.00"]]  # due first


def test_a_limit_asked_of_no_one_is_asked_back(agent: Agent) -> None:
    reply = ask(agent, "raise the limit to 50k")
    assert (reply.intent, reply.headline, reply.proposals) == (
        "action_request",
        "Which customer? Name the customer (or its ID).",
        [],
    )


def test_a_write_off_without_an_invoice_is_asked_back(agent: Agent) -> None:
    reply = ask(agent, "write off parent co entirely")
    assert reply.intent == "action_request" and reply.proposals == []
    assert reply.headline.startswith("Which invoice?")


def test_a_hold_on_dunning_is_no_credit_hold(agent: Agent) -> None:
    reply = ask(agent, "put the reminders for parent co on hold")
    assert reply.proposals == [] and approvals(agent) == []
    assert "I can't do that yet" in reply.headline


def test_a_promise_in_another_currency_is_asked_back(agent: Agent) -> None:
    other = ask(agent, "parent co promised 500 EUR by 30.11.2026")
    assert other.proposals == []
    assert (
        other.headline
        == "Parent Co owes in USD, and you wrote EUR: say the promised amount in USD."
    )
    [promise] = ask(agent, "parent co promised USD 500 by 30.11.2026").proposals
    assert promise.amount == Decimal("500.00")


def test_a_promise_of_a_bare_number_the_ledger_has_is_that_invoice(agent: Agent) -> None:
    [promise] = ask(agent, "PTP: parent co, 002, 30/11/2026").proposals
    assert promise.summary == "Record P1's promise to pay $250.50 for INV-002 by 2026-11-30"
