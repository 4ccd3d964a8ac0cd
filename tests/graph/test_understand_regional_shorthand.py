"""Shorthand of Singapore and Malaysia offices and of shared-service centres (session 11): "OD"
is overdue ("sum of all OD invoices", "total OD for the erp ledger", "largest OD invoice"),
"lepas 120 days" is past 120 days; the aging asked as "the aged debt split", "an aging snapshot"
or "bucket totals". Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("total of all OD invoices?", "total_ar"),
        ("what is total OD now", "total_ar"),
        ("biggest OD invoices pls", "largest_invoices"),
        ("who is lepas 90 days", "over_days"),
        ("the aged debt split across the ledger pls", "aging_report"),
        ("overall aging snapshot for the review", "aging_report"),
    ],
)
def test_regional_shorthand(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text is None


def test_od_of_one_customer_is_their_overdue() -> None:
    request = parse("globex OD amount?", TODAY)
    assert request.intent == "customer_balance"
    assert request.customer_text == "globex"
