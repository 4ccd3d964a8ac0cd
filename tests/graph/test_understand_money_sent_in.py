"""Money "sent us" or "sent in" over a period (session 11): "how much money did customers send
us since the 1st" is the payments received; "how much did X send in since monday" the payments
received from X since then. Whether we hit a cash target and what X is thought to pay next month
are the forecast ("are we going to hit the collections target", "how much do we think X pays us
in january"); a question of the month's collections so far stays the payments received. Phrasings
are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("how much money did customers send us since the 1st", None),
        ("how much did fabrikam send in since monday", "fabrikam"),
    ],
)
def test_money_sent_in_since_a_day_is_the_payments_received(
    text: str, customer: str | None
) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payments_received", request
    assert request.customer_text == customer
    assert request.period is not None and request.period.end == TODAY


@pytest.mark.parametrize(
    "text",
    [
        "are we going to hit the collections target this month",
        "how much do we think initech pays us in january",
    ],
)
def test_a_target_or_a_guess_ahead_is_the_forecast(text: str) -> None:
    assert parse(text, TODAY).intent == "forecast"


def test_the_months_collections_so_far_stay_the_payments_received() -> None:
    text = "are we going to make the month? what have we collected so far in november"
    assert parse(text, TODAY).intent == "payments_received"


def test_total_collections_for_a_month_are_the_cash_collected() -> None:
    request = parse("pls share total collections for the month of september", TODAY)
    assert request.intent == "payments_received", request
    assert request.period is not None and request.period.start == date(2026, 9, 1)
    assert parse("total collections list for dana", TODAY).intent == "collections_list"
