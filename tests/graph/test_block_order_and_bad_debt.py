"""Two words for changes arbot makes: "block SO-…" holds the order, and an amount put "to bad
debt" is a write-off — never a payment applied. Asked about, negated or reported, neither
proposes."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("block SO-1007 until initech pays the september invoices", "hold_order"),
        ("pls block so-1002", "hold_order"),
        ("take the 30.00 short-paid on INV-10250 to bad debt", "write_off_deduction"),
        ("post the 12.75 left on 10250 to bad debts", "write_off_deduction"),
    ],
)
def test_the_change_is_read(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, action)


@pytest.mark.parametrize(
    "text",
    [
        "is SO-1007 blocked?",
        "who blocked SO-1002",
        "don't block SO-1007",
        "how much did we take to bad debt this year",
        "we moved the 30.00 on INV-10250 to bad debt last week",
    ],
)
def test_asked_negated_or_reported_is_no_change(text: str) -> None:
    assert parse(text, TODAY).action is None, text


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "block")


def test_a_blocked_order_is_proposed_as_the_hold(demo: Cli) -> None:
    reply = ask_json(demo, "block SO-1013, they are 90 days late")
    assert [p["action"] for p in reply["proposals"]] == ["hold_order"], reply["text"]
