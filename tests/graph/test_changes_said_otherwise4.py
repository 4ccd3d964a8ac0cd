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
