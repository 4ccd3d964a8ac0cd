"""A change's state asked, not the change asked for (issue 17, session 11): "the write off for X
– is it approved yet?", "the writeoff for 10319 done already or not", "my limit request for X,
rejected or still pending?" name the change as a thing and ask where it stands: nothing is
proposed. The same change asked for, however it is worded, still proposes."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "the write-off on Riverbend INV-10211 - has it been approved?",
        "the w/o for 10211 done already or not",
        "my limit request for Abbott, rejected or still pending?",
        "the hold on Mariner Lumber - signed off yet?",
        "our reminder to Evergreen sent already or not",
        "that terms change for Kendall Paper, approved yet?",
    ],
)
def test_a_change_s_state_asked_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("write off 45 on INV-10211 as pricing", "write_off_deduction"),
        ("the write-off on 10211 pls, 45 pricing", "write_off_deduction"),
        ("put Mariner Lumber on hold, approved by the FM already", "set_credit_hold"),
        ("send Evergreen a reminder for INV-10211", "send_reminder"),
    ],
)
def test_the_change_asked_for_still_proposes(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, action)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "change_state_asked")


def test_no_write_off_is_proposed_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "the w/o for 10211 done already or not")
    assert reply["proposals"] == [], reply["text"]
