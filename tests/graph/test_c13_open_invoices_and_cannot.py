"""Cash put on "their oldest open one" or on "their open invoices" / "whatever they owe" (the
open invoices oldest first, as far as the money goes), and more said plainly as what arbot
cannot do or is not for: an invoice for an amount "we need to" raise, alerts by text, a term
explained, a period-end close, the office's aircon, paying a bill for us (issue 17, session
13)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from graph.requests import _open_covered
from graph.understand import parse
from tests.conftest import asked_action

TODAY = date(2026, 11, 21)


def test_cash_put_on_their_oldest_open_one() -> None:
    text = (
        "Mills Aerospace's wire (PMT-000250) came with no advice - put it on their oldest open one"
    )
    action = asked_action(text)
    assert action.kind == "apply_payment" and action.oldest and not action.spread, action


@pytest.mark.parametrize(
    "text",
    [
        "use the unapplied cash from heritage garden to pay down their open invoices",
        "apply Abbott Furniture's on-account cheque to whatever they owe",
        "please apply the unapplied money for mills aerospace to their open bills",
    ],
)
def test_cash_on_their_open_invoices_is_spread_oldest_first(text: str) -> None:
    action = asked_action(text)
    assert action.kind == "apply_payment" and action.oldest and action.spread, (text, action)
    assert action.customer_text is not None and not action.invoice_refs


def test_their_open_invoices_asked_about_proposes_nothing() -> None:
    request = parse("which of their open invoices could the mills aerospace cash go to?", TODAY)
    assert request.action is None


def _invoice(number: str, due: str, balance: str) -> SimpleNamespace:
    return SimpleNamespace(
        invoice_number=number,
        due_date=date.fromisoformat(due),
        invoice_date=date.fromisoformat(due),
        balance=Decimal(balance),
    )


class _Erp:
    def invoices(self, customer_id: str) -> list[SimpleNamespace]:
        return [
            _invoice("INV-3", "2026-10-30", "50.00"),
            _invoice("INV-1", "2026-09-30", "100.00"),
            _invoice("INV-0", "2026-08-30", "0.00"),  # paid: never covered
            _invoice("INV-2", "2026-10-15", "80.00"),
        ]


@pytest.mark.parametrize(
    "money,numbers",
    [
        ("100.00", ["INV-1"]),
        ("120.00", ["INV-1", "INV-2"]),  # the last one in part
        ("500.00", ["INV-1", "INV-2", "INV-3"]),
    ],
)
def test_the_open_invoices_the_money_reaches(money: str, numbers: list[str]) -> None:
    covered = _open_covered(_Erp(), "C1", Decimal(money))  # type: ignore[arg-type]
    assert [i.invoice_number for i in covered] == numbers


@pytest.mark.parametrize(
    "text,cannot",
    [
        ("we need to invoice Mills Aerospace $1,800 for the rush freight", "create_invoice"),
        ("text me when Abbott Furniture pays", "alert"),
        ("what does net 60 actually mean?", "explain"),
        ("run the month end close for AR please", "other_change"),
    ],
)
def test_what_arbot_cannot_do_is_said(text: str, cannot: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.cannot == cannot, (text, request)


@pytest.mark.parametrize(
    "text", ["pay Abbott Furniture's invoice for us", "the aircon in accounts is broken again"]
)
def test_talk_outside_arbot(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.action is None, (text, request)


def test_a_period_end_close_only_mentioned_keeps_the_question() -> None:
    request = parse("before the month end close, what's overdue for abbott furniture", TODAY)
    assert request.intent == "customer_balance", request


def test_a_change_meant_and_given_up_reads_the_question_after_it() -> None:
    text = (
        "we were going to log a promise for abbott furniture but they backed out what do they owe"
    )
    request = parse(text, TODAY)
    assert request.action is None and request.intent == "customer_balance", request


def test_a_change_meant_and_given_up_alone_proposes_nothing() -> None:
    request = parse("I was going to put abbott furniture on hold but they paid", TODAY)
    assert request.action is None, request


def test_a_change_given_up_then_asked_after_all_is_asked() -> None:
    text = "we were going to wait on abbott furniture but let's not, put them on hold"
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "set_credit_hold", action


@pytest.mark.parametrize(
    "text",
    ["stop Mills Aerospace", "stop abbott furniture pls", "stop Heritage Garden until they pay"],
)
def test_stop_a_customer_is_the_uk_stop(text: str) -> None:
    action = asked_action(text)
    assert action.kind == "set_credit_hold" and action.on_hold, (text, action)
    assert action.customer_text in ("mills aerospace", "abbott furniture", "heritage garden")


@pytest.mark.parametrize(
    "text",
    ["stop chasing mills aerospace", "stop it", "should we stop mills aerospace?", "stop there"],
)
def test_stop_said_of_something_else_holds_no_one(text: str) -> None:
    assert parse(text, TODAY).action is None, text


@pytest.mark.parametrize(
    "text",
    [
        "Abbott Furniture agreed EOM+45, please update their terms",
        "move mills to 30 days end of month",
    ],
)
def test_terms_from_the_end_of_the_month_are_said_cannot(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None and request.cannot == "change_terms", (text, request)
