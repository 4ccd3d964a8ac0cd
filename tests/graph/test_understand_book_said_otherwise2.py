"""The whole book's rankings, cuts and exceptions said another way (session 11): who owes the
most ("which account is having the max outstanding", "which debtor balance is highest", "the no.
1 customer owing us", "our worst deadbeats"), who is over their limit or on hold ("any accounts
whose exposure is greater than their credit limit", "which customers cannot order because of
credit", "who bust their credit line", "is there anyone on credit hold"), the largest invoices
("the high value unpaid invoices", "largest open tickets", "which invoices are the largest") and
the total ("what's out on the street", "AR now vs what is overdue"). One customer's exposure,
limit and balance keep their reading. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("which account is having the max outstanding amount", "top_debtors"),
        ("which debtor balance is highest?", "top_debtors"),
        ("who is the no. 1 customer owing us", "top_debtors"),
        ("list our worst deadbeats", "top_debtors"),
        ("any accounts whose exposure is greater than their credit limit?", "credit_exceptions"),
        ("which customers cannot order because of credit", "credit_exceptions"),
        ("who bust their credit line this month", "credit_exceptions"),
        ("is there anyone on credit hold right now", "credit_exceptions"),
        ("pull the high value unpaid invoices", "largest_invoices"),
        ("largest open tickets pls", "largest_invoices"),
        ("which invoices are the largest", "largest_invoices"),
        ("what's out on the street right now", "total_ar"),
        ("what is AR now vs what is overdue", "total_ar"),
    ],
)
def test_the_whole_book_said_another_way(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("what is initech's exposure", "customer_balance"),
        ("is initech over their limit", "credit_check"),
        ("how much does initech owe", "customer_balance"),
    ],
)
def test_one_customers_exposure_limit_and_balance_keep_their_reading(
    text: str, intent: str
) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent
    assert request.customer_text == "initech"
