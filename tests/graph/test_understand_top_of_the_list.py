"""Top debtors said as a place in a list ("who's at the top of the receivables list", "top of
the debtors table") or as a ranking with more words between ("can you rank the customers from
largest to smallest balance"): the ranking of what customers owe. A customer's own lowest
balance and the top of the call list keep their reading. Phrasings are not the eval files'
rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "who's sitting at the top of the receivables list this month?",
        "who is top of the debtors table",
        "can you rank all the customers from largest to smallest balance",
    ],
)
def test_top_of_the_list_is_the_ranking_of_debtors(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "top_debtors", request
    assert request.customer_text is None


def test_a_customers_lowest_balance_is_still_theirs() -> None:
    request = parse("what was the lowest balance initech had", TODAY)
    assert request.intent == "customer_balance"
    assert request.customer_text == "initech"


def test_the_top_of_the_call_list_is_the_worklist() -> None:
    assert parse("who is top of the list for calls today?", TODAY).intent == "collections_list"
