"""A change relayed from someone else with the writer's own go-ahead (issue 17, session 10):
"I've been asked to put X on stop - can you do that for me?", "the FM approved it so go ahead
and write off …", a forwarded approval with "pls action the … change per the above". Without
the go-ahead, or when the approval refuses, asks about, or hangs on a condition, nothing is
proposed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,kind,customer",
    [
        (
            "sorry to bug you, I've been asked to put Pinnacle Chemicals on hold - could you do"
            " that please?",
            "set_credit_hold",
            "pinnacle chemicals",
        ),
        (
            "we were told to raise fabrikam's limit to 60k. can you do it",
            "set_credit_limit",
            "fabrikam",
        ),
        ("my manager wants me to move initech to net 45 - go ahead", "set_terms", "initech"),
        (
            "dana asked me to put northwind traders on credit hold, pls do it",
            "set_credit_hold",
            "northwind traders",
        ),
        (
            "the controller okayed it by email so go ahead and write off the 80 on 10186",
            "write_off_deduction",
            None,
        ),
        ("mgmt approved it so pls apply PMT-U00001 to 10222", "apply_payment", None),
    ],
)
def test_a_relayed_change_with_a_go_ahead_is_asked(
    text: str, kind: str, customer: str | None
) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, action)
    if customer is not None:
        assert action.customer_text == customer, (text, action)


def test_a_forwarded_approval_acted_on_per_the_above() -> None:
    text = (
        "FW: credit review\nFrom: Credit Committee\n"
        "> Approved: Fabrikam limit raised to $60,000 subject to a PG.\n"
        "Please action the Fabrikam limit change per the above."
    )
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "set_credit_limit", action
    assert action.amount == Decimal("60000")


@pytest.mark.parametrize(
    "text",
    [
        "I've been asked to put Pinnacle Chemicals on hold",  # relayed, no go-ahead
        "dana asked me to put northwind traders on hold but don't do it yet",
        "my manager wants me to move initech to net 45, should we?",
        "the controller approved it so I wrote off the 80 on 10186",  # done already
        "if dana asks you to put globex on hold, go ahead",  # a condition
        "> Rejected: Fabrikam limit increase to 60k\nplease action it",  # refused
        "FW: credit review\n> Approved: Fabrikam limit raised to $60,000.\n"
        "did anyone action the Fabrikam limit change?",  # asked about
    ],
)
def test_look_alikes_propose_nothing(text: str) -> None:
    assert parse(text, TODAY).action is None, text


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "relayed_go_ahead")


def test_relayed_with_a_go_ahead_is_one_proposal_end_to_end(demo: Cli) -> None:
    reply = ask_json(
        demo, "I've been asked to put Pinnacle Chemicals on hold - could you do that please?"
    )
    assert [p["action"] for p in reply["proposals"]] == ["set_credit_hold"], reply["text"]


def test_relayed_without_a_go_ahead_proposes_nothing_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "I've been asked to put Pinnacle Chemicals on hold")
    assert reply["proposals"] == [], reply["text"]
