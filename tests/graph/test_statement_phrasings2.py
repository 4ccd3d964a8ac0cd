"""Statements asked for in words of other writers (issue 17, session 10): "kindly issue a
current statement to X ahead of …", "statement out to X before EOM please", "X wants an updated
statement, send it over ta"; a statement asked after another change leaves that change first.
Look-alikes — asked whether, negated, someone's wish alone — send nothing."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        (
            "Kindly issue an up to date statement to Northwind Traders before their AP run.",
            "northwind traders",
        ),
        ("pls send out a current statement for initech", "initech"),
        ("statement over to fabrikam asap", "fabrikam"),
        ("current statement out to globex by friday please", "globex"),
        ("the AP team at initech wants a fresh statement - pls send it across", "initech"),
        ("Fabrikam Inc. need a new statement, send it over ta", "fabrikam inc"),
    ],
)
def test_a_statement_asked_in_other_words_is_proposed(text: str, customer: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "send_statement", (text, action)
    assert action.customer_text == customer, (text, action)


def test_a_statement_after_another_change_leaves_that_change_first() -> None:
    request = parse("put initech on hold and send them a statement while you're at it", TODAY)
    assert request.action is not None and request.action.kind == "set_credit_hold"
    assert request.action.customer_text == "initech"


@pytest.mark.parametrize(
    "text",
    [
        "did we issue a statement to northwind traders?",  # asked whether it was done
        "don't send the statement out to globex yet",  # negated
        "initech wants an updated statement",  # their wish, no go-ahead
        "initech wants an updated statement but don't send it yet",
        "should we send a statement out to fabrikam?",  # whether to
    ],
)
def test_look_alikes_send_no_statement(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is None or action.kind != "send_statement", (text, action)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "statement_phrasings2")


def test_issued_to_a_customer_is_one_proposal_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "Kindly issue a current statement to Northwind Traders before friday.")
    assert [p["action"] for p in reply["proposals"]] == ["send_statement"], reply["text"]
