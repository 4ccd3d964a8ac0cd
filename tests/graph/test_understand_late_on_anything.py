"""A customer "late on anything" ("X - are they late on anything") asks what X owes past due
(the customer's balance); "who is late on anything" stays the worklist. Phrasings are not the
eval files' rows."""

from __future__ import annotations

from datetime import date

from graph.understand import parse

TODAY = date(2026, 11, 21)


def test_are_they_late_on_anything_is_the_customers_balance() -> None:
    request = parse("fabrikam - are they late on any invoices?", TODAY)
    assert request.intent == "customer_balance", request
    assert request.customer_text == "fabrikam"


def test_who_is_late_stays_the_worklist() -> None:
    assert parse("who is late on anything", TODAY).intent == "collections_list"
