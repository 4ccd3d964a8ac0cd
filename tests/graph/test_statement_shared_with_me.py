"""A statement shared with the one asking is shown, not sent (issue 17, session 11): "kindly share
SOA of X – need to send to onshore first for review", "pls share the statement for X" ask to see
it; "share the statement with X" and "send soa to X" still propose sending it."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "kindly share SOA of Abbott Furniture – need it for the onshore review first",
        "pls share the statement for riverbend",
        "share statement of account of Mariner Lumber, I will check it before the call",
    ],
)
def test_shared_with_me_is_shown(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == "customer_statement", (text, request.intent)


@pytest.mark.parametrize(
    "text",
    ["share the statement with riverbend", "send soa to abbott", "share soa with mariner pls"],
)
def test_shared_with_the_customer_is_sent(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "send_statement", (text, action)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "statement_shared_with_me")


def test_nothing_is_proposed_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "kindly share SOA of Globex – need it for the onshore review first")
    assert reply["proposals"] == [], reply["text"]
