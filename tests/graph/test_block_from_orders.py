"""A customer blocked from orders, asked of arbot as a question (issue 17, session 12): "can you
block X from new orders?", "could you stop Y from ordering?" ask for the hold; the hold as a
noun asked about ("the hold on X, why?", "can you tell me about the hold on X?") asks nothing."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("can you block Mariner Lumber from new orders?", "mariner lumber"),
        ("could you please block Abbott Furniture from any further orders?", "abbott furniture"),
    ],
)
def test_block_from_orders_asked_of_arbot_is_a_hold(text: str, customer: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "set_credit_hold" and action.on_hold, action
    assert action.customer_text == customer, (text, action.customer_text)


@pytest.mark.parametrize(
    "text",
    [
        "the hold on Mariner Lumber, why?",
        "can you tell me about the hold on Abbott Furniture?",
        "should we block Mariner Lumber from new orders?",
    ],
)
def test_the_hold_asked_about_proposes_nothing(text: str) -> None:
    assert parse(text, TODAY).action is None, text
