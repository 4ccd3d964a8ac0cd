"""Every currency asked for, each apart (session 12): a currency named only to say it must not be
added to another ("per currency, don't lump the GBP in with the dollars", "all currencies - there
are some euro ones too", "USD and the other ccys separately") is no cut to that currency; one
currency asked for alone still is. Customers ranked "by total open AR" are the top debtors; "the
invoice against PO … - paid?" asks the invoice, it bills nothing. Phrasings are not the eval
files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        (
            "what do we have outstanding, per currency - don't lump the GBP in with the dollars",
            "total_ar",
        ),
        ("biggest debtors, all currencies please, there are some euro ones too", "top_debtors"),
        ("total receivables, USD and the other ccys separately", "total_ar"),
    ],
)
def test_currencies_kept_apart_are_no_cut(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.currency is None


@pytest.mark.parametrize(
    "text,currency",
    [("top debtors in GBP", "GBP"), ("total AR in euros", "EUR")],
)
def test_one_currency_asked_is_a_cut(text: str, currency: str) -> None:
    assert parse(text, TODAY).currency == currency


def test_customers_by_total_open_ar_are_the_top_debtors() -> None:
    assert parse("show accounts by total outstanding AR, highest first", TODAY).intent == (
        "top_debtors"
    )


def test_the_invoice_against_a_po_asked_paid_bills_nothing() -> None:
    request = parse("the invoice against PO 4500999999 - settled?", TODAY)
    assert request.intent == "invoice_status", request
    assert request.action is None
