"""Changes said as UK credit control and SAP/Oracle users say them (issue 17, session 12):
"stop X's account" (the UK's stop), "go ahead & release SO-…", "clear the 999.99
residual on INV-… to bad debt", "apply PMT-… to X's oldest invoice", "log my call with X - …".
Asked about, reported or aimed elsewhere, nothing is proposed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("stop Mariner Lumber account please", "mariner lumber"),
        (
            "stop Abbott Furniture's account until they pay the September invoices",
            "abbott furniture",
        ),
    ],
)
def test_stop_an_account_is_a_hold(text: str, customer: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "set_credit_hold" and action.on_hold, action
    assert action.customer_text == customer, (text, action.customer_text)


def test_go_ahead_and_release_an_order() -> None:
    text = "go ahead & release SO-1012 for Falcon, the CFO cleared it"
    action = parse(text, TODAY).action
    assert action is not None and action.order_ref == "SO-1012", (text, action)


def test_a_residual_cleared_to_bad_debt_is_written_off() -> None:
    action = parse("clear the 88.20 left on INV-10436 to bad debt / write-off pls", TODAY).action
    assert action is not None and action.kind == "write_off_deduction", action
    assert action.invoice_refs == ("10436",) and action.amount == Decimal("88.20")


@pytest.mark.parametrize(
    "text",
    [
        "apply PMT-U00001 to Globex's oldest invoice please",
        "apply PMT-U00001 on account to Globex oldest item",
        "put PMT-U00001 against the customer's oldest open bill",
    ],
)
def test_a_payment_applied_to_someones_oldest(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "apply_payment", (text, action)
    assert action.payment_ref == "PMT-U00001" and action.oldest, (text, action)


def test_my_call_logged_is_a_note() -> None:
    action = parse("pls log my call with Jensen Beverages - their AP said friday", TODAY).action
    assert action is not None and action.kind == "add_note", action
    assert action.customer_text == "jensen beverages", action


@pytest.mark.parametrize(
    "text",
    [
        "stop chasing Globex's account, they paid",
        "should we stop Donovan Energy's account?",
        "should we release SO-1013?",
        "who cleared the 999.99 on INV-000983 to bad debt?",
        "should PMT-U00001 go to Globex's oldest invoice?",
        "did you log my call with Jensen Beverages?",
    ],
)
def test_asked_about_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)


def test_the_rest_of_an_invoice_let_go_is_that_invoice() -> None:
    text = (
        "we agreed with Initech to let the rest of 10436 go (88.20). please process the write off"
    )
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "write_off_deduction", action
    assert "10436" in (*action.invoice_refs, *action.maybe_invoices), action


@pytest.mark.parametrize(
    "text,amount",
    [
        ("can you apply the 300 on account from Meridian Tool & Die to INV-000987", "300"),
        ("apply the Globex on-account cheque 828.82 against INV-10183", "828.82"),
    ],
)
def test_money_on_account_is_no_payment_id(text: str, amount: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "apply_payment", (text, action)
    assert action.payment_ref is None and action.amount == Decimal(amount), (text, action)


@pytest.mark.parametrize(
    "text,kind,customer",
    [
        (
            "Dana texted me: 'pls raise Abbott Furniture limit to 20k today'. can you do it? I"
            " have the text if anyone asks",
            "set_credit_limit",
            "abbott furniture",
        ),
        (
            "my manager left a note that says 'Heritage Garden -> change to net 45 per the new"
            " contract'. could you make that change? thanks",
            "set_terms",
            "heritage garden",
        ),
    ],
)
def test_a_quote_acted_on_beside_where_it_came_from(text: str, kind: str, customer: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, action)
    assert action.customer_text == customer, (text, action.customer_text)


@pytest.mark.parametrize(
    "text",
    [
        "Luis texted me: 'raise Abbott Furniture limit to 20k'. did you do it?",
        "the customer emailed 'please apply our payment to INV-10215'. not doing it until Karen"
        " is back - which customer is it?",
        "Karen's note says 'put Falcon Hardware on hold if they don't pay by friday'. how much"
        " do they owe?",
    ],
)
def test_a_quote_not_acted_on_proposes_nothing(text: str) -> None:
    assert parse(text, TODAY).action is None, text


def test_a_customer_id_in_the_hold_clause_is_the_customer() -> None:
    action = parse("put PK-200 on credit block, the 984 residual is aging", TODAY).action
    assert action is not None and action.kind == "set_credit_hold", action
    assert action.customer_text == "PK-200", action
