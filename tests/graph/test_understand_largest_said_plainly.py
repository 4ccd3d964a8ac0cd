"""The largest open invoices said plainly (issue 17, session 10): "the big invoices still
unpaid", "largest individual open items", "big tickets still outstanding", "which one invoice
carries the most", and asked before a remark about disputes. The phrasings are not the eval
files' rows; the negatives say where the rules stop."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "show me the big unpaid invoices",
        "largest individual open items please",
        "big tickets still outstanding?",
        "what invoice carries the highest balance",
        "which invoices are the largest still unpaid - we may dispute a few of them",
    ],
)
def test_the_largest_open_invoices_said_plainly(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "largest_invoices", request
    assert request.customer_text is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("disputes on the biggest invoices", "disputes"),
        ("which customer has the most owing", "top_debtors"),
        ("open disputes please", "disputes"),
    ],
)
def test_look_alikes_read_as_themselves(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
