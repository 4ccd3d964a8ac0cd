"""Session 15, "asked for, made": a change asked of arbot by its name ("arbot …", "@arbot …"), a
statement asked in one clause of a longer message or named with how it goes out, and the ESL
"I would like that you …" — each proposed as asked, and each look-alike (negated, asked about,
put on a condition, addressed to a colleague, a whole invoice written off) proposing nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.conftest import asked_action, asks_nothing

TODAY = date(2026, 11, 21)


# --- arbot addressed by its name ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text,kind,customer,invoice",
    [
        ("arbot apply PMT-U00077 to fabrikam inv 10444", "apply_payment", "fabrikam", "10444"),
        (
            "all good now. @arbot apply PAY-7001 to Initech INV-10555.",
            "apply_payment",
            "initech",
            "10555",
        ),
        (
            "arbot email a past due reminder to kendall paper pls",
            "send_reminder",
            "kendall paper",
            None,
        ),
        ("arbot w/o 55.10 on mills aerospace 10411, freight", "write_off_deduction", None, "10411"),
    ],
)
def test_arbot_addressed_by_name_is_asked(text, kind, customer, invoice):
    action = asked_action(text)
    assert action.kind == kind
    if customer:
        assert action.customer_text == customer
    if invoice:
        assert invoice in action.invoice_refs


def test_arbot_write_off_amount_read():
    assert asked_action("arbot w/o 55.10 on mills aerospace 10411, freight").amount == Decimal(
        "55.10"
    )


@pytest.mark.parametrize(
    "text",
    [
        "arbot did you apply PMT-U00077 to fabrikam 10444?",  # asked about
        "arbot don't send kendall paper a reminder yet",  # negated
        "arbot write off INV-10411 entirely, they went bust",  # a whole invoice: bad debt
    ],
)
def test_arbot_addressed_look_alikes_propose_nothing(text):
    asks_nothing(text)


# --- a statement in one clause of a longer message ---------------------------------------------
@pytest.mark.parametrize(
    "text,customer",
    [
        (
            "Their controller wants paper, so please email Mills Aerospace a statement today.",
            "mills aerospace",
        ),
        ("Dana is off, so send Kendall Paper their statement yourself.", "kendall paper"),
        ("OK — send Initech a fresh statement with the new bank details.", "initech"),
        (
            "Thanks for that. Based on it, please send Sterling Pharma a statement so they "
            "can reconcile.",
            "sterling pharma",
        ),
        (
            "I would like that you send the statement of account to Mills Aerospace, their "
            "AP needs it.",
            "mills aerospace",
        ),
    ],
)
def test_statement_asked_after_a_remark(text, customer):
    action = asked_action(text)
    assert action.kind == "send_statement"
    assert action.customer_text == customer


@pytest.mark.parametrize(
    "text,customer",
    [
        ("SOA initech, email to AP", "initech"),
        ("statement for Kendall Paper please, by email to the usual address", "kendall paper"),
        ("sterling pharma - statement pls, to their ap inbox", "sterling pharma"),
        ("stmt -> fabrikam, cc luis", "fabrikam"),
    ],
)
def test_statement_named_with_how_it_goes_out(text, customer):
    action = asked_action(text)
    assert action.kind == "send_statement"
    assert action.customer_text == customer


@pytest.mark.parametrize(
    "text",
    [
        "Their controller wants paper, but don't email Mills Aerospace a statement yet.",  # negated
        "If they ask again, send Kendall Paper their statement.",  # a condition
        "Dana is off. Did anyone send Kendall Paper their statement?",  # asked about
        "priya, can you send Initech a statement with the new bank details",  # a colleague
        "OK, Luis sent Initech a fresh statement with the new bank details.",  # reported done
    ],
)
def test_statement_look_alikes_propose_nothing(text):
    asks_nothing(text)


# --- the ESL "I would like that you …" ----------------------------------------------------------
def test_would_like_that_you_asks():
    action = asked_action(
        "I would like that you raise the limit of Kendall Paper to 60k, the CFO signed."
    )
    assert action.kind == "set_credit_limit"
    assert action.customer_text == "kendall paper"
    assert action.amount == Decimal("60000")


def test_therefore_before_the_request_refers_back():
    action = asked_action(
        "We got the guarantee from Initech. Therefore I would like that you increase their "
        "limit to 9000 USD."
    )
    assert action.kind == "set_credit_limit"
    assert action.customer_text == "initech"


def test_would_like_that_you_asked_as_a_question_proposes_nothing():
    asks_nothing("Would you like that I raise the limit of Kendall Paper to 60k?")
