"""The approvals inbox asked about one customer's change ("the hold for X – approved yet?", "is
the limit request for X still pending?"): the inbox, led by what waits for that customer, or by
the latest decision when nothing waits, or by "none was proposed"; nothing is proposed again and
another customer's approvals are not named as theirs."""

from __future__ import annotations

import pytest

from tests.conftest import Cli, ask_json, demo_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = demo_cli(tmp_path_factory)
    made = ask_json(cli, "put wells & wagner on credit hold, they are 90 days late")
    assert made["proposals"], made["text"][:300]
    return cli


def test_a_customers_change_asked_after_names_what_waits_for_it(demo: Cli) -> None:
    reply = ask_json(demo, "the hold for wells & wagner - approved yet?")
    assert reply["intent"] == "approvals_inbox", reply["text"][:300]
    assert reply["proposals"] == [] or all(
        p["approval_id"] in reply["data"]["inbox"]["mine"] for p in reply["proposals"]
    )
    assert "Wells & Wagner" in reply["text"].split("\n")[0]
    assert len(reply["data"]["customer_approvals"]["waiting"]) == 1


def test_a_customer_with_nothing_proposed_is_said_so(demo: Cli) -> None:
    reply = ask_json(demo, "is the limit request for initech still pending?")
    assert reply["intent"] == "approvals_inbox", reply["text"][:300]
    first = reply["text"].split("\n")[0]
    assert "Initech" in first and "none was proposed" in first
    assert reply["data"]["customer_approvals"]["waiting"] == []
