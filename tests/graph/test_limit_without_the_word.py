"""A credit limit changed without the word "limit" (issue 17, session 11): "lift Abbott to
$80k", "raise Mariner Lumber to 250k", "the controller says to bump Riverbend to 40k. go ahead" —
a customer raised or lowered to a figure is its limit. An invoice, a payment or a date raised to
something is not, nor a question or a report of it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer,amount",
    [
        ("lift Abbott to $80k pls", "abbott", Decimal("80000")),
        ("raise Mariner Lumber to 250k", "mariner lumber", Decimal("250000")),
        ("the controller says to bump Riverbend to 40k. go ahead", "riverbend", Decimal("40000")),
        ("lower evergreen to 15,000", "evergreen", Decimal("15000")),
    ],
)
def test_a_customer_raised_to_a_figure_is_its_limit(
    text: str, customer: str, amount: Decimal
) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "set_credit_limit", (text, action)
    assert (action.customer_text, action.amount) == (customer, amount), (text, action)


@pytest.mark.parametrize(
    "text",
    [
        "raise the invoice to 5k",
        "would it be crazy to bump riverbend to 150k? what are they carrying",
        "we raised abbott to 80k last month",
        "if we raise abbott to 80k would SO-1004 go thru",
    ],
)
def test_no_limit_change_is_asked(text: str) -> None:
    assert parse(text, TODAY).action is None, text
