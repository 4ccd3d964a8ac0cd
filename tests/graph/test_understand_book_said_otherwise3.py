"""The whole book asked the ways a UK credit controller and an SAP / Oracle power user ask it
(session 12): who to chase next ("who's first in line to ring", "a ranked calling list"), the
day's news ("bring me up to speed", "state of play"), the open items ("OIs", Oracle's "trx", an
open "doc") ranked by size or summed, the aging verb "bucket", accounts on credit block or with
exposure above their limit, an exceptions report named. Look-alikes about one customer keep
their reading. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        # who to chase
        ("ok who's first to ring this morning", "collections_list"),
        ("ranked calling list for the team pls, biggest risk first", "collections_list"),
        ("what should collections be working on this week", "collections_list"),
        ("which customers are most worth chasing today", "collections_list"),
        ("who should be rung first about the overdue stuff", "collections_list"),
        ("I have time to call 3 accounts before 11, who?", "collections_list"),
        # the day's news
        ("bring me up to speed, I was out yesterday", "digest"),
        ("state of play on the ledger pls", "digest"),
        ("anything we need to know before the 9am?", "digest"),
        ("what's changed in AR since monday", "digest"),
        # the open items, SAP / Oracle words
        ("5 biggest open OIs in the book", "largest_invoices"),
        ("largest open trx across all customers", "largest_invoices"),
        ("the highest open document in the imported ledger", "largest_invoices"),
        ("sum of all open OIs past due", "total_ar"),
        ("bucket the AR for me", "aging_report"),
        # credit exceptions
        ("which accounts are on credit block", "credit_exceptions"),
        ("customers whose exposure exceeds their credit limit", "credit_exceptions"),
        ("credit hold list please, sales want it before more orders", "credit_exceptions"),
    ],
)
def test_the_whole_book_said_otherwise(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text is None, request
    assert request.action is None


def test_who_to_get_on_the_phone_with_is_the_worklist() -> None:
    # "phone" stays a word a name may hold ("the customer's phone number for X" asks no balance)
    assert parse("who do we need to get on the phone with today", TODAY).intent == (
        "collections_list"
    )


def test_a_ranking_asked_before_how_late_stays_the_ranking() -> None:
    assert parse("biggest open invoice, and how old is it / how late", TODAY).intent == (
        "largest_invoices"
    )


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("how late does initech pay on average", "days_to_pay", "initech"),
        ("is fabrikam on credit hold", "credit_check", "fabrikam"),
        ("fabrikam's open items", "customer_balance", "fabrikam"),
    ],
)
def test_one_customer_keeps_its_reading(text: str, intent: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text == customer


def test_blocked_accounts_asked_for_report_no_hold() -> None:
    request = parse("blocked accounts and anyone over limit", TODAY)
    assert request.intent == "credit_exceptions", request
    assert request.not_asked is None
