"""Refusals that say enough and no more: bad amounts from a shell, refusals without the
server's paths, log lines nobody can forge, and customer text that stays text in Slack."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from bot.logs import OneLine, setup
from bot.slack.blocks import render
from graph.messages import Proposal, Reply, Section, Table
from graph.policy import Identity, parse_policy
from tests.conftest import Cli


def test_an_edited_amount_with_fractions_of_a_cent_is_bad_usage(arbot: Cli) -> None:
    result = arbot("approvals", "approve", "APR-1", "--as", "morgan", "--amount", "500.005")
    assert result.exit_code == 2
    assert "more than two decimals" in result.output
    for amount in ("NaN", "1e30", "-5", "1" * 40):
        assert (
            arbot("approvals", "approve", "APR-1", "--as", "m", "--amount", amount).exit_code == 2
        )


def test_a_refusal_does_not_show_where_the_policy_file_is(tmp_path: Path) -> None:
    policy = parse_policy({"people": []}, str(tmp_path / "secret" / "arbot.toml"))
    reason = policy.refusal(
        None,
        Identity("slack", "U0NOBODY"),
        kind="add_note",
        amount=None,
        currency=None,
        requested_by="x",
        proposed_by="arbot",
    )
    assert reason is not None and "secret" not in reason and "arbot.toml" not in reason


def test_log_lines_cannot_be_forged_and_bolt_does_not_log_bodies() -> None:
    formatter = OneLine("%(levelname)s %(message)s")
    record = logging.LogRecord(
        "x", logging.WARNING, __file__, 1, "payer %s", ("ACME\nERROR forged line",), None
    )
    assert formatter.format(record) == "WARNING payer ACME\\nERROR forged line"
    setup(logging.INFO)
    assert logging.getLogger("slack_bolt").getEffectiveLevel() >= logging.WARNING
    assert logging.getLogger("bot").getEffectiveLevel() == logging.INFO


def test_urls_and_channel_names_in_customer_text_stay_text_in_slack() -> None:
    reply = Reply(
        headline="h",
        sections=[Section(table=Table(("Customer",), (("Evil https://x.example #general",),)))],
        proposals=[
            Proposal(
                "APR-1",
                "add_note",
                None,
                "Note for http://x.example",
                evidence=("see www.x.example",),
            )
        ],
    )
    _, blocks = render(reply)
    texts = [
        obj
        for block in blocks
        for obj in [block.get("text"), *block.get("elements", []), *block.get("fields", [])]
        if isinstance(obj, dict) and obj.get("type") == "mrkdwn"
    ]
    assert texts and all(obj.get("verbatim") is True for obj in texts), json.dumps(blocks)
