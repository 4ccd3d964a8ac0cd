"""The period a question asks about, not the time something was said: "as agreed on friday's
call, payments last week" is last week (a call's, meeting's or e-mail's day is when it was said,
unless the question counts from it: "payments since yesterday's call"); "in fiscal March" is
March; "since last tuesday" counts from that Tuesday; "total cash applied in <month>" is the cash
received then (the matching work, "cash application", keeps its reading). Phrasings are not the
eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,start,end",
    [
        (
            "as agreed on friday's call, what came in last week?",
            date(2026, 11, 9),
            date(2026, 11, 15),
        ),
        (
            "receipts in fiscal september pls, for the roll-forward",
            date(2026, 9, 1),
            date(2026, 9, 30),
        ),
        ("payments since yesterday's call", date(2026, 11, 20), TODAY),
        ("any receipts since last tuesday?", date(2026, 11, 17), TODAY),
        ("today's receipts", TODAY, TODAY),
    ],
)
def test_the_period_asked_about(text: str, start: date, end: date) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payments_received", request
    assert request.period is not None
    assert (request.period.start, request.period.end) == (start, end)


def test_total_cash_applied_in_a_month_is_the_cash_received() -> None:
    request = parse("what was the total cash applied in september?", TODAY)
    assert request.intent == "payments_received", request
    assert request.period is not None and request.period.start == date(2026, 9, 1)


def test_the_cash_application_work_keeps_its_reading() -> None:
    assert parse("total cash application last week", TODAY).intent == "cash_application"
