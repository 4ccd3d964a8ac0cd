"""Whole-book and credit questions in more of the ways people put them (dev8 and dev9's misses
as pointers, worded apart): who owes the most without "the"; the biggest invoice asked as "which
invoice is the biggest"; a credit check for an order said "so 1004" or a new order "can they";
money not matched to invoices; how long a customer takes to pay; money that hit the bank; a
quarter in words; "remind me what …" as a question; a request's status as the inbox's."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("who owes us most right now", "top_debtors"),
        ("which client has most money owing", "top_debtors"),
        ("top cad balances", "top_debtors"),
        ("which open invoice is the largest", "largest_invoices"),
        ("any big-ticket items still unpaid", "largest_invoices"),
        ("anything unallocated?", "unapplied_cash"),
        ("cash that has not been matched to invoices", "unapplied_cash"),
        ("how long does riverbend usually take to pay", "days_to_pay"),
        ("what hit the bank today", "payments_received"),
        ("where is my credit limit request for globex", "approvals_inbox"),
        ("remind me how much northwind owes", "customer_balance"),
        ("reminder to myself: chase granite on monday", "unknown"),
    ],
)
def test_the_family_is_read(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


def test_a_currency_narrows_a_ranking() -> None:
    assert parse("top cad balances", TODAY).currency == "CAD"


@pytest.mark.parametrize(
    "text,order",
    [
        ("run a credit check for so 1004", "SO-1004"),
        ("if you were me would you release SO-1006?", "SO-1006"),
    ],
)
def test_a_credit_check_for_an_order(text: str, order: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "credit_check" and request.order_refs == (order,)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("initech wants to place a new 8k order, ok?", "initech"),
        ("safe to lift the hold on falcon hardware?", "falcon hardware"),
        ("ok to ship to falcon hardware? I think they're over their limit", "falcon hardware"),
    ],
)
def test_a_customers_credit_asked_in_words(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "credit_check" and request.customer_text == customer
    assert request.action is None


def test_a_quarter_in_words_is_a_period() -> None:
    request = parse("receipts in the second quarter", TODAY)
    assert request.intent == "payments_received" and request.customer_text is None
    assert request.period is not None and request.period.start == date(2026, 4, 1)


def test_what_is_left_on_a_short_number_may_be_an_invoice() -> None:
    assert "984" in parse("what's still owing on 984", TODAY).maybe_invoices


def test_a_ranking_counted_by_its_noun() -> None:
    request = parse("show me the fifteen accounts with the biggest balances", TODAY)
    assert request.intent == "top_debtors" and request.limit == 15


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        # the report is context: the question names what it asks about itself
        (
            "priya chased them already, what does heritage garden still owe?",
            "customer_balance",
            "heritage garden",
        ),
        # the question needs the report's invoice: the message is read whole
        ("we wrote off the rest of INV-10199 already, is it closed now?", "invoice_status", None),
    ],
)
def test_a_report_beside_a_question(text: str, intent: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent and request.action is None
    assert customer is None or request.customer_text == customer


@pytest.mark.parametrize(
    "text,intent",
    [
        # customers ranked by what they owe, in words of one's own
        ("rank our clients by open balance", "top_debtors"),
        ("accounts sorted by amount due", "top_debtors"),
        ("which account's balance is the largest", "top_debtors"),
        ("greatest exposures", "top_debtors"),
        ("who is into us for the most?", "top_debtors"),
        ("clients with the highest receivable balance", "top_debtors"),  # not one invoice
        # one receivable, the biggest: an invoice
        ("the largest receivable still open", "largest_invoices"),
        ("top-dollar invoices outstanding", "largest_invoices"),
        # "the past N days" is a period, "past 60" is lateness
        ("receipts over the past 4 days", "payments_received"),
        ("anything past 60", "over_days"),
        ("is falcon hardware good for a new 5k order", "credit_check"),
    ],
)
def test_more_of_the_weak_families(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


@pytest.mark.parametrize(
    "text,customer",
    [
        ("what's the credit position on granite restaurant", "granite restaurant"),
        ("any credit concerns with falcon hardware", "falcon hardware"),
        ("is there room on riverbend's line", "riverbend"),
        ("should we keep supplying tate engineering", "tate engineering"),
    ],
)
def test_a_customers_credit_standing(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "credit_check" and request.customer_text == customer


@pytest.mark.parametrize(
    "text,intent",
    [
        ("our biggest unpaid bill", "largest_invoices"),
        ("payments logged on monday", "payments_received"),
    ],
)
def test_a_bill_and_a_log(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent and request.customer_text is None
