"""The day a promise is due when written without its year: the coming such day, unless it passed
in the last few weeks — then it is that day, and the promise's own check refuses a day already
past, rather than a proposal for the same day next year."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from graph.understand_due import due_date
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,today,due",
    [
        ("pay by 11/30", TODAY, date(2026, 11, 30)),
        ("promised 11/8", TODAY, date(2026, 11, 8)),  # 13 days ago: that day, not 2027
        ("said nov 3", TODAY, date(2026, 11, 3)),
        ("by 5 jan", date(2026, 12, 20), date(2027, 1, 5)),
        ("by 1/5", date(2026, 12, 20), date(2027, 1, 5)),
        ("dec 4", date(2027, 1, 10), date(2026, 12, 4)),  # last month, across the new year
        ("by 6/1", TODAY, date(2027, 6, 1)),  # months ago: the coming one
        ("on feb 29", date(2027, 3, 1), date(2028, 2, 29)),  # the next year that has one
    ],
)
def test_a_day_without_its_year(text: str, today: date, due: date) -> None:
    assert due_date(text, today)[0] == due


def test_an_impossible_day_is_no_day() -> None:
    assert due_date("by 2/30", TODAY)[0] is None


def test_a_promise_for_a_day_just_past_is_read_as_that_day() -> None:
    action = parse("globex promised to pay 5,000 on 11/8", TODAY).action
    assert action is not None and action.kind == "record_promise"
    assert action.due == date(2026, 11, 8)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "due")


def test_a_promise_for_a_day_just_past_is_refused_not_moved_a_year(demo: Cli) -> None:
    reply = ask_json(demo, "globex promised to pay 5,000 on 11/8")
    assert not reply.get("proposals"), reply
    assert "already past" in reply["text"], reply["text"]
