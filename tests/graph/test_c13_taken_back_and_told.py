"""Changes taken back, only told, or said in a debtors clerk's and a small business's words
(issue 17, session 13): a change taken back in the same breath, even dictated without a stop; a
customer's dispute only told before a question; a limit the customer has, told; COD terms;
"action a write-off", "review upward the limit", "stop the account for X", "stop selling to X",
"abeg", "log on X: …", "X should be net 45, please fix", "send them a statement"; a login or a
web portal blocked is no credit hold, a payment plan no payment applied."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse
from tests.conftest import asked_action

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "raise mills aerospace's limit to 40k no wait scratch that forget it",
        "send abbott furniture a reminder... actually never mind",
        "write off the 45 on INV-10321 - cancel that, don't do anything",
        "email a statement to heritage garden oh never mind",
        "mills aerospace promised 2,000 by friday scratch that",
    ],
)
def test_a_change_taken_back_in_the_same_breath_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None and request.intent == "unknown", (text, request)


def test_the_change_asked_after_one_taken_back_is_asked() -> None:
    action = asked_action("put abbott furniture on hold, scratch that, put mills aerospace on hold")
    assert action.kind == "set_credit_hold" and action.customer_text == "mills aerospace"


def test_never_mind_of_something_else_keeps_the_change() -> None:
    action = parse("put abbott furniture on hold, never mind what the rep says", TODAY).action
    assert action is not None and action.kind == "set_credit_hold", action


def test_a_dispute_only_told_before_a_question_answers_the_question() -> None:
    text = "Heritage Garden tell me they're disputing INV-10311 now - is it past due?"
    request = parse(text, TODAY)
    assert request.action is None and request.intent == "invoice_status", request
    assert request.invoice_refs == ("10311",)


@pytest.mark.parametrize(
    "text",
    [
        "heritage garden are disputing INV-10311, pls log it",
        "INV-10311 is disputed: the price on the PO was lower",
    ],
)
def test_a_dispute_told_with_nothing_else_asked_is_still_opened(text: str) -> None:
    assert asked_action(text).kind == "open_dispute"


@pytest.mark.parametrize(
    "text",
    [
        "mills aerospace has a limit of 25k",
        "mills aerospace has a credit limit of 25k, what do they owe?",
        "mills aerospace has a limit of 25k. can we set it at 35k?",
    ],
)
def test_a_limit_told_proposes_nothing(text: str) -> None:
    assert parse(text, TODAY).action is None, text


@pytest.mark.parametrize(
    "text,customer",
    [
        ("please move Heritage Garden to COD with immediate effect on their terms", None),
        ("Mills Aerospace is now on COD - please change the terms", "mills aerospace"),
        ("put abbott furniture on C.O.D. terms", "abbott furniture"),
    ],
)
def test_cod_is_zero_day_terms(text: str, customer: str | None) -> None:
    action = asked_action(text)
    assert action.kind == "set_terms" and action.terms == (0, Decimal("0"), 0), (text, action)
    if customer:
        assert action.customer_text == customer


def test_cod_asked_about_proposes_nothing() -> None:
    assert parse("is abbott furniture on COD?", TODAY).action is None


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Kindly action a write off of the balance on INV-10321, confirmed by sales", "write_off"),
        ("Kindly review upward the credit limit of Mills Aerospace to $60,000", "limit"),
        ("stop the account for Abbott Furniture, they've gone quiet", "hold"),
        ("stop selling to Heritage Garden until they pay", "hold"),
        ("Please action a dunning letter to Mills Aerospace", "reminder"),
    ],
)
def test_changes_said_by_debtors_clerks(text: str, kind: str) -> None:
    action = asked_action(text)
    expected = {
        "write_off": "write_off_deduction",
        "limit": "set_credit_limit",
        "hold": "set_credit_hold",
        "reminder": "send_reminder",
    }[kind]
    assert action.kind == expected, (text, action)
    if kind != "write_off":
        assert action.customer_text in ("mills aerospace", "abbott furniture", "heritage garden")


def test_a_hold_until_names_no_one_after_until() -> None:
    action = asked_action("block any new orders for abbott furniture until they catch up")
    assert action.kind == "set_credit_hold" and action.customer_text == "abbott furniture"


def test_abeg_is_please() -> None:
    action = asked_action("Abeg add a note on Mills Aerospace: their MD will call back on Monday")
    assert action.kind == "add_note" and action.customer_text == "mills aerospace", action


def test_log_on_a_customer_then_the_note() -> None:
    action = asked_action("log on Heritage Garden: new AP clerk from next week")
    assert action.kind == "add_note" and action.customer_text == "heritage garden", action


def test_log_on_to_a_system_is_no_note() -> None:
    assert parse("log on to the ERP: it keeps timing out", TODAY).action is None


def test_terms_they_should_be_on_please_fix() -> None:
    action = asked_action("Mills Aerospace should be net 60 not net 45, please fix")
    assert action.kind == "set_terms" and action.terms == (60, Decimal("0"), 0), action
    assert action.customer_text == "mills aerospace"


def test_terms_they_should_be_on_asked_proposes_nothing() -> None:
    assert parse("Mills Aerospace should be net 60, right?", TODAY).action is None


@pytest.mark.parametrize(
    "text",
    [
        "Heritage Garden asked for a copy of everything open, send them a statement",
        "get an updated statement out to Heritage Garden today",
    ],
)
def test_statements_said_otherwise(text: str) -> None:
    action = asked_action(text)
    assert action.kind == "send_statement" and action.customer_text == "heritage garden"


def test_a_statement_asked_after_proposes_nothing() -> None:
    request = parse("Heritage Garden called. did we send them a statement?", TODAY)
    assert request.action is None


@pytest.mark.parametrize(
    "text",
    [
        "unblock my account in the ERP, I'm locked out",
        "block Abbott Furniture from the online ordering portal",
        "put INV-10321 on a 6 month payment plan",
    ],
)
def test_logins_portals_and_payment_plans_are_no_change_arbot_makes(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None and request.intent == "unknown", (text, request)
