"""A statement someone asked for, then the writer's go-ahead to send "one" or "a copy" (issue
17, session 11): "Abbott asked for a statement, can you email them one" asks for it; the writer
sending it themselves, or the wish only reported, does not."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("front desk - Riverbend asked for a statement, can you email them one", "riverbend"),
        ("Abbott asked for a statement, pls send them a copy", "abbott"),
    ],
)
def test_the_go_ahead_asks_for_it(text: str, customer: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "send_statement", (text, action)
    assert action.customer_text == customer, (text, action)


@pytest.mark.parametrize(
    "text",
    [
        "abbott asked for a statement - I will email them one myself",
        "priya said riverbend wants a statement",
    ],
)
def test_no_statement_is_asked(text: str) -> None:
    assert parse(text, TODAY).action is None, text
