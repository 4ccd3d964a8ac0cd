"""The approval inbox where people work: ``/ar approvals`` in Slack and Teams and the Slack App
Home tab show each person what they may decide, and what waits for others."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.cash_actions import WriteOffDeduction
from graph.customer_actions import SetCreditLimit
from tests.bot.slack_kit import (
    CASEY_AAD,
    DANA_AAD,
    Harness,
    event_body,
    slack_server,
    slash_body,
    teams_message,
)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Harness, str, str]]:
    with slack_server(tmp_path) as harness:
        invoice = harness.ledger.invoices("C00003")[0]
        write_off = harness.runtime.approvals.propose(
            WriteOffDeduction(
                customer_id="C00003",
                invoice_number=invoice.invoice_number,
                write_off="40.00",
                invoice_currency="USD",
                reason_code="pricing",
                memo="price difference",
            ),
            requested_by="Casey Park",
        )
        limit = harness.runtime.approvals.propose(
            SetCreditLimit(
                customer_id="C00003",
                new_limit="90000.00",
                current_limit=str(harness.ledger.get_customer("C00003").credit_limit),  # type: ignore[union-attr]
            ),
            requested_by="Casey Park",
        )
        yield harness, write_off.approval_id, limit.approval_id


def slash_inbox(harness: Harness, user: str) -> dict:
    before = len(harness.slack.called("chat.postMessage"))
    harness.form(slash_body("approvals", user=user, response_url=harness.response_url))
    return harness.slack.wait_for("chat.postMessage", before + 1)[-1].args


def test_slash_approvals_lists_what_each_person_may_decide(
    server: tuple[Harness, str, str],
) -> None:
    harness, write_off, limit = server
    dana = json.dumps(slash_inbox(harness, "U0DANA")["blocks"])
    # Dana (AR specialist) may approve the write-off, not the credit limit.
    assert f"approve:{write_off}" in dana and f"approve:{limit}" not in dana
    assert "Waiting for someone else" in dana and limit in dana
    casey = slash_inbox(harness, "U0CASEY")
    assert "Nothing is waiting for your decision" in casey["text"]
    assert "approve:" not in json.dumps(casey["blocks"])


def test_the_home_tab_shows_the_queue_and_follows_decisions(
    server: tuple[Harness, str, str],
) -> None:
    harness, write_off, _limit = server
    opened = {"type": "app_home_opened", "user": "U0DANA", "channel": "D0DANA", "tab": "home"}
    harness.json(event_body(opened, "Ev0HOME1"))
    [first] = harness.slack.wait_for("views.publish")
    assert first.args["user_id"] == "U0DANA" and first.args["view"]["type"] == "home"
    assert f"approve:{write_off}" in json.dumps(first.args["view"])
    # Decided elsewhere (the terminal); the next refresh after a decision here shows it.
    harness.runtime.approvals.reject(write_off, _morgan(), "not this month")
    opened_again = dict(opened)
    harness.json(event_body(opened_again, "Ev0HOME2"))
    views = harness.slack.wait_for("views.publish", 2)
    assert f"approve:{write_off}" not in json.dumps(views[-1].args["view"])


def _morgan():  # type: ignore[no-untyped-def]
    from graph.policy import Identity

    return Identity("slack", "U0MORGAN", "morgan.lee@example.com")


def test_teams_approvals_lists_what_each_person_may_decide(
    server: tuple[Harness, str, str],
) -> None:
    harness, write_off, limit = server

    def inbox(user: str) -> list[dict]:
        before = len(harness.connector.messages("send"))
        httpx.post(
            f"{harness.url}/api/messages",
            timeout=10,
            json=teams_message(
                "what's waiting for me", service_url=harness.connector.url, user=user
            ),
        )
        harness.connector.wait_for("send", before + 1)
        return [s.card for s in harness.connector.messages("send")[before:]]  # type: ignore[misc]

    dana = json.dumps(inbox(DANA_AAD))
    assert f"approve-{write_off}" in dana and f"approve-{limit}" not in dana
    assert "approve-" not in json.dumps(inbox(CASEY_AAD))
