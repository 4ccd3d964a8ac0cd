"""Changes said in other words than the verbs' own: money "put against" an invoice with the
payment named before (or by a bare number the ledger has), a write-off "booked off" or cleared
"as a write-off", terms "of X to N days" or "should be on net N … pls update", a note "stuck on
the account as a note", a statement asked for and "sent over"; and the look-alikes that stay
unproposed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.agent import Agent
from graph.messages import Turn
from graph.understand import parse
from integrations.erp.local import LocalLedger
from integrations.erp.records import NewPayment
from tests.approvals_kit import service
from tests.books import seed_books

TODAY = date(2026, 11, 21)


def _action(text: str):
    return parse(text, TODAY).action


def test_money_described_in_one_clause_put_against_an_invoice_in_another() -> None:
    action = _action("the 300 initech wired on account: pls put it against 10188")
    assert action is not None and action.kind == "apply_payment"
    assert (action.customer_text, action.invoice_refs) == ("initech", ("10188",))


@pytest.mark.parametrize(
    "text,payment,maybe",
    [
        ("put PAY-7001 against 441", "PAY-7001", ("441",)),
        ("place the 75 left on RC-3302 on 551", "RC-3302", ("551",)),
    ],
)
def test_a_payment_by_its_id_put_on_a_bare_number(text: str, payment: str, maybe: tuple) -> None:
    action = _action(text)
    assert action is not None and action.kind == "apply_payment"
    assert (action.payment_ref, action.invoice_refs, action.maybe_invoices) == (payment, (), maybe)


@pytest.mark.parametrize(
    "text,payment,maybe,amount",
    [
        # the payment named in another clause, "it" where the money goes
        ("kendall's 900 wire (RC-7710) - place 250 of it on 553 pls", "RC-7710", ("553",), "250"),
        # the id written with a space, as people type it
        ("please apply pay 4321 remaining to 664", "PAY-4321", ("664",), None),
    ],
)
def test_a_payment_named_apart_or_with_a_space(
    text: str, payment: str, maybe: tuple[str, ...], amount: str | None
) -> None:
    action = _action(text)
    assert action is not None and action.kind == "apply_payment"
    assert (action.payment_ref, action.maybe_invoices) == (payment, maybe)
    assert action.amount == (Decimal(amount) if amount else None)


def test_it_is_no_payment_without_a_payment_word() -> None:
    action = _action("INV-10183 (RC-7710) - put 250 of it on 553")
    assert action is None or action.payment_ref is None


@pytest.mark.parametrize(
    "text",
    [
        "put 600 on 4410",  # a bare number put somewhere is an amount, no payment named
        "is PAY-7001 applied against 4410?",  # a question
        "put it against the dispute",  # nothing said of what "it" is
    ],
)
def test_no_application_without_a_payment_and_a_place(text: str) -> None:
    action = _action(text)
    assert action is None or action.kind != "apply_payment"


@pytest.mark.parametrize(
    "text,invoice,amount",
    [
        ("kindly book off the remaining 12.40 on INV-10455 as freight", "10455", "12.40"),
        ("clear the 80.00 pricing short-pay on INV-10302 as a write-off", "10302", "80.00"),
        ("treat the 9.99 left on INV-10111 as a small balance write off", "10111", "9.99"),
    ],
)
def test_a_write_off_said_as_booking_off_or_clearing(text: str, invoice: str, amount: str) -> None:
    action = _action(text)
    assert action is not None and action.kind == "write_off_deduction"
    assert invoice in action.invoice_refs and action.amount == Decimal(amount)


@pytest.mark.parametrize(
    "text",
    ["can I book off friday afternoon?", "book off friday please", "I booked off 40 on 10321"],
)
def test_booking_off_time_or_a_report_is_no_write_off(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "action_request" and request.action is None


@pytest.mark.parametrize(
    "text,customer,days",
    [
        ("could you change the terms of kendall paper to 30 days", "kendall paper", 30),
        ("fabrikam ought to be on net 60 going forward - pls update", "fabrikam", 60),
        ("initech asked for net 15, please update it", "initech", 15),
    ],
)
def test_terms_said_to_days_or_updated_as_said(text: str, customer: str, days: int) -> None:
    action = _action(text)
    assert action is not None and action.kind == "set_terms"
    assert action.customer_text == customer and action.terms[0] == days


@pytest.mark.parametrize(
    "text",
    [
        "globex is on net 30, please update",  # their terms told, no new ones asked
        "northwind should be on net 45 - update?",  # a question
        "what are kendall paper's terms? pls update me",
    ],
)
def test_terms_told_or_asked_about_are_no_change(text: str) -> None:
    action = _action(text)
    assert action is None or action.kind != "set_terms"


def test_a_note_said_as_putting_something_on_the_account() -> None:
    action = _action("northwind - their AP is out till monday; pop that on file as a memo")
    assert action is not None and action.kind == "add_note"
    assert action.customer_text == "northwind"


def test_a_statement_asked_for_then_sent_over() -> None:
    action = _action("kendall paper wants a copy of their statement, pls send it across")
    assert action is not None and action.kind == "send_statement"
    assert action.customer_text == "kendall paper"


@pytest.mark.parametrize(
    "text",
    [
        "kendall paper asked for a statement, did you send it?",  # a question about a sending
        "kendall paper asked for a statement yesterday; I sent it",  # done already
    ],
)
def test_a_statement_asked_about_or_sent_already_is_not_proposed(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "action_request"


@pytest.fixture
def agent(tmp_path) -> Agent:
    url = f"sqlite:///{tmp_path / 'books.db'}"
    ledger = LocalLedger.open(url)
    seed_books(ledger)
    ledger.apply_payment(
        NewPayment("PMT-9", "P1", TODAY, Decimal("300.00"), "USD"), [], idempotency_key="cash"
    )
    return Agent(ledger, today=lambda: TODAY, approvals=service(url, erp=ledger))


def test_a_payment_put_on_a_bare_number_the_ledger_has(agent: Agent) -> None:
    [proposal] = agent.ask(
        Turn("dana", "terminal", "put the 200 left on PMT-9 against 002")
    ).proposals
    approval = agent.approvals.store.get(proposal.approval_id)  # type: ignore[union-attr]
    assert approval is not None and approval.payload["applications"] == [["INV-002", "200.00"]]
    missing = agent.ask(Turn("dana", "terminal", "put PMT-9 against 777"))
    assert missing.proposals == []
    assert missing.headline == "I can't find an invoice matching 777."
