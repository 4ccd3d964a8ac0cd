"""Disputes, promises and statements on the surfaces: a dispute opened with /ar in Slack and
approved with its button stops that invoice's reminder; a statement asked in Slack comes as
files (PDF and CSV); a promise captured in Teams is approved there and kept by a bank payment.
(Waits are long: the answers are made after the ack, on a machine shared by many.)"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot.slack_kit import Harness, button_body, slack_server, slash_body
from tests.bot.test_slack import POSTED, post_card, text_of


@pytest.fixture
def slack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Harness]:
    monkeypatch.setenv("ARBOT_HOME", str(tmp_path))
    with slack_server(tmp_path) as harness:
        yield harness


def test_a_dispute_opened_in_slack_stops_the_invoice_s_reminder(slack: Harness) -> None:
    slack.form(
        slash_body("INV-10183 is disputed: price per PO was 12.40", response_url=slack.response_url)
    )
    [post] = slack.slack.wait_for("chat.postMessage", timeout=60)
    shown = text_of(post.args["blocks"])
    assert "Open a pricing dispute on INV-10183" in shown and "Approve" in shown
    [waiting] = [a for a in slack.runtime.store.list(("pending",)) if a.action == "open_dispute"]
    ts = post_card(slack, waiting.approval_id)
    body = button_body(
        "approve", waiting.approval_id, user="U0MORGAN", channel="C0AR", ts=ts, blocks=POSTED[ts]
    )
    assert slack.form(body).status_code == 200
    slack.slack.wait_for("chat.update", timeout=60)
    [dispute] = slack.runtime.store.disputes(status="open")
    assert dispute.invoice_number == "INV-10183"

    slack.form(slash_body("send a reminder to globex", response_url=slack.response_url))
    *_, reminder = slack.slack.wait_for("chat.postMessage", count=3, timeout=60)
    summary = text_of(reminder.args["blocks"])
    assert "E-mail a reminder" in summary
    assert "INV-10186" in summary and "INV-10183" not in summary


def test_a_statement_asked_in_slack_comes_as_pdf_and_csv_files(slack: Harness) -> None:
    slack.form(slash_body("statement globex", response_url=slack.response_url))
    [post] = slack.slack.wait_for("chat.postMessage", timeout=60)
    assert post.args["text"].startswith("Statement for Globex Corporation")
    slack.slack.wait_for("files.completeUploadExternal", count=2, timeout=60)
    uploads = slack.slack.called("upload")
    assert len(uploads) == 2 and all(u.args["bytes"] > 100 for u in uploads)


def test_a_promise_captured_in_teams_is_approved_there_and_kept_by_a_bank_payment(
    slack: Harness,
) -> None:
    from decimal import Decimal

    import httpx

    from graph.cash_application import CashApplication
    from graph.promises import promises_as_of
    from integrations.erp.records import BankLine
    from tests.bot.slack_kit import teams_invoke, teams_message
    from tests.conftest import TODAY

    activity = teams_message("globex promised 3,861.54 by friday", service_url=slack.connector.url)
    assert httpx.post(f"{slack.url}/api/messages", json=activity, timeout=10).status_code < 300
    sent = slack.connector.wait_for("send", timeout=60, where=lambda s: s.card is not None)
    shown = json.dumps([s.card for s in sent])
    assert "Record C00003's promise to pay $3,861.54 by 2026-11-27" in shown
    [waiting] = [a for a in slack.runtime.store.list(("pending",)) if a.action == "record_promise"]
    click = teams_invoke(
        {"action": "approve", "approval_id": waiting.approval_id},
        service_url=slack.connector.url,
        reply_to="1700000000901",
    )
    answer = httpx.post(f"{slack.url}/api/messages", json=click, timeout=10).json()
    assert "Approved by Morgan Lee" in json.dumps(answer["value"])
    store, erp = slack.runtime.store, slack.runtime.erp
    [promise] = promises_as_of(store, erp, TODAY, ["C00003"])[-1:]
    assert promise.status == "open"

    line = BankLine("BNK-T1", TODAY, Decimal("3861.54"), "USD", "GLOBEX CORPORATION", "INV-10183")
    [result] = CashApplication(slack.runtime.approvals).run([line], as_of=TODAY).results
    if result["decision"] == "review":
        decided = slack.runtime.approvals.approve(result["approval_id"], as_morgan())
        assert decided.ok, decided.message
    kept = [p for p in promises_as_of(store, erp, TODAY, ["C00003"]) if p.amount == promise.amount]
    assert [p.status for p in kept] == ["kept"]


def as_morgan():
    from graph.policy import Identity

    return Identity("slack", "U0MORGAN", "morgan.lee@example.com")
