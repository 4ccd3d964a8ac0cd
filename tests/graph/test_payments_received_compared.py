"""Money received in two periods set side by side ("cash this week vs last week", "how much came
in in october versus september"): the period asked, then the one it is compared to, each with its
own totals per currency (never summed across currencies); one period asked stays one period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory)


@pytest.mark.parametrize(
    "text,first,second",
    [
        ("receipts this week versus last week", "this week", "last week"),
        ("what came in last month compared with this month so far", "last month", "this month"),
        ("cash received in september vs august", "in September 2026", "in August 2026"),
    ],
)
def test_two_periods_are_read(text: str, first: str, second: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payments_received"
    assert request.period is not None and request.period.label == first
    assert request.compared_to is not None and request.compared_to.label == second


def test_one_period_stays_one() -> None:
    assert parse("cash received this week", TODAY).compared_to is None
    assert parse("top debtors vs last month", TODAY).compared_to is None


def test_the_reply_gives_both_periods(demo: Cli) -> None:
    both = ask_json(demo, "receipts this week versus last week")
    this_week = ask_json(demo, "receipts this week")
    last_week = ask_json(demo, "receipts last week")
    assert both["intent"] == "payments_received" and both["proposals"] == []
    assert both["data"]["totals"] == this_week["data"]["totals"]
    other = both["data"]["compared_to"]
    assert other["totals"] == last_week["data"]["totals"]
    assert other["count"] == last_week["data"]["count"]
    for amount in last_week["data"]["totals"].values():
        assert f"{Decimal(str(amount)):,.2f}" in both["text"]
    assert "Compared with last week" in both["text"]
