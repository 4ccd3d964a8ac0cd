"""Change requests said as people say them (issue 17, session 13): a value said again after a
slip ("… to COD... i mean net 7"), a customer named first as the topic ("for X kindly move them
to …"), terms with an early-payment discount after an arrow, a note on a customer's id, a
relayed sending with the writer's "do the needful", a long formal passive write-off, cash
"knocked off against" an invoice, statements "blasted" or asked for by "the customer". Asked
about, negated, reported or temporary, nothing is proposed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse
from graph.understand_restated import restated
from tests.conftest import asked_action

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,terms",
    [
        ("move northwind onto net 60... i mean net 45", (45, Decimal("0"), 0)),
        ("set abbott furniture to cash in advance, sorry, net 10", (10, Decimal("0"), 0)),
        ("put heritage garden on prepayment terms... well, 14 days", (14, Decimal("0"), 0)),
    ],
)
def test_terms_said_again_after_a_slip(text: str, terms: tuple[int, Decimal, int]) -> None:
    action = asked_action(text)
    assert action.kind == "set_terms" and action.terms == terms, (text, action)


def test_a_limit_said_again_in_another_currency_sign() -> None:
    action = asked_action("lower Donovan Energy's limit to €9,000... well, $9,000")
    assert action.kind == "set_credit_limit" and action.amount == Decimal("9000"), action
    assert action.currency is None  # "$" names no currency: the customer's is meant


@pytest.mark.parametrize(
    "text",
    [
        "set globex to net 30, well done on the call",  # no value after "well"
        "raise mills to 20k as well please",
        "pay 500, sorry to bother you",
    ],
)
def test_no_slip_leaves_the_message_as_it_was(text: str) -> None:
    assert restated(text) == text


def test_restated_puts_the_value_meant_in_place() -> None:
    assert restated("set X to COD... i mean net 7") == "set X to net 7"
    assert restated("limit 25k - sorry, 30k") == "limit 30k"
    assert restated("on pro forma terms... well, 7 days") == "on 7 days terms"


@pytest.mark.parametrize(
    "text,customer",
    [
        ("For Abbott Furniture, kindly move them to 1/10 net 45 as agreed", "abbott furniture"),
        ("re Mills Aerospace - pls switch them to net 60", "mills aerospace"),
    ],
)
def test_the_customer_named_first_as_the_topic(text: str, customer: str) -> None:
    action = asked_action(text)
    assert action.kind == "set_terms" and action.customer_text == customer, (text, action)


@pytest.mark.parametrize(
    "text",
    [
        "for abbott furniture kindly tell me what they owe",
        "for abbott furniture please don't move them to net 60",
    ],
)
def test_a_topic_beside_a_question_or_a_negation_proposes_nothing(text: str) -> None:
    assert parse(text, TODAY).action is None, text


@pytest.mark.parametrize(
    "text,terms",
    [
        ("payment terms for Mills Aerospace -> 1/15 net 45", (45, Decimal("1"), 15)),
        ("heritage garden terms to 2% 10 net 30", (30, Decimal("2"), 10)),
    ],
)
def test_terms_with_a_discount_after_an_arrow(text: str, terms: tuple[int, Decimal, int]) -> None:
    action = asked_action(text)
    assert action.kind == "set_terms" and action.terms == terms, (text, action)


def test_terms_asked_after_an_arrow_propose_nothing() -> None:
    assert parse("terms for mills aerospace -> what are they now?", TODAY).action is None


def test_a_note_on_a_customer_id_leaves_the_id_to_the_ledger() -> None:
    # an id-shaped ref may be a customer's id or an invoice numbered alike: the agent asks the
    # ledger (graph.agent.customer_ids; tests/graph/test_customer_ids.py), the words never guess
    action = asked_action("note on MT-300: AP manager is now Dev, call him on mondays")
    assert action.kind == "add_note" and action.customer_text is None, action
    assert action.invoice_refs == ("MT-300",) and action.text.startswith("AP manager is now Dev")


def test_a_relayed_sending_with_do_the_needful() -> None:
    text = (
        "Hello, the controller wants a payment reminder e-mail to go to"
        " Abbott Furniture today itself. Kindly do the needful."
    )
    action = asked_action(text)
    assert action.kind == "send_reminder" and action.customer_text == "abbott furniture", action


@pytest.mark.parametrize(
    "text",
    [
        "the controller wants a reminder sent to abbott furniture.",  # no go-ahead: a report
        "the controller wants a reminder sent to abbott furniture - I'll do it myself",
    ],
)
def test_a_relayed_sending_without_a_go_ahead_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "action_request", (text, request)


def test_a_long_formal_passive_write_off() -> None:
    text = (
        "As agreed, the pricing deduction of 88.10 taken by Mills"
        " Aerospace on INV-10321 is to be written off."
    )
    action = asked_action(text)
    assert action.kind == "write_off_deduction" and action.invoice_refs == ("10321",), action
    assert action.amount == Decimal("88.10")


def test_cash_knocked_off_against_an_invoice() -> None:
    action = asked_action("northwind wire on account 1,200.00 knock off against INV-10215 please")
    assert action.kind == "apply_payment" and action.invoice_refs == ("10215",), action


@pytest.mark.parametrize(
    "text",
    [
        "we knocked off the northwind wire against INV-10215 on monday",
        "was the northwind wire knocked off against INV-10215?",
    ],
)
def test_cash_knocked_off_reported_or_asked_proposes_nothing(text: str) -> None:
    assert parse(text, TODAY).intent != "action_request", text


def test_a_statement_blasted_to_a_customer() -> None:
    action = asked_action("blast out a statement to Mills Aerospace pls, they misplaced it")
    assert action.kind == "send_statement" and action.customer_text == "mills aerospace"


def test_a_statement_the_customer_asked_for_sent_to_their_ap() -> None:
    text = (
        "the customer wants a statement of account - Abbott"
        " Furniture. send it to their AP e-mail pls"
    )
    action = asked_action(text)
    assert action.kind == "send_statement" and action.customer_text == "abbott furniture"


def test_a_statement_the_customer_asked_for_asked_after_proposes_nothing() -> None:
    text = "the customer wants a statement - Abbott Furniture, did we send it?"
    assert parse(text, TODAY).intent != "action_request"


def test_a_temporary_limit_approved_elsewhere_is_not_a_new_limit() -> None:
    text = (
        "finance approved a temporary limit increase for Mills"
        " Aerospace to 90k for December. Pls update the same."
    )
    request = parse(text, TODAY)
    assert request.action is None and request.intent == "unknown", request
