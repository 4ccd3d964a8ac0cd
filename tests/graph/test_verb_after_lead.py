"""A change asked with its verb after a lead (issue 17, session 11): "pls help apply PMT-… to
INV-…", Singlish "can w/o INV-… remaining …" and "can release hold on X" (a "can" with no one
before it asks for the change), "X move to 2/10 net 30 pls" (the customer first, a discount
before the net days). A "can" with someone before it, a question, and terms said to have
changed already propose nothing."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("pls help apply PMT-U00001 to INV-10211 for abbott", "apply_payment"),
        ("can w/o INV-10211 remaining 45.00, abbott say freight", "write_off_deduction"),
        ("can release hold on mariner lumber, FM say ok", "set_credit_hold"),
        ("riverbend move to 1/15 net 45 pls", "set_terms"),
        ("kendall paper to net 7 pls", "set_terms"),
    ],
)
def test_the_change_is_asked(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, action)


def test_the_discount_is_read_with_the_net_days() -> None:
    action = parse("riverbend move to 1/15 net 45 pls", TODAY).action
    assert action is not None and action.customer_text == "riverbend"


@pytest.mark.parametrize(
    "text",
    [
        "can we write off the 45 on 10211?",
        "can write off be done by collectors?",
        "riverbend has moved to net 45",
        "riverbend moved to 1/15 net 45 last month",
        "help",
    ],
)
def test_no_change_is_asked(text: str) -> None:
    assert parse(text, TODAY).action is None, text
