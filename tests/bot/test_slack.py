"""Slack end to end: signed requests into the real ASGI app, a stand-in Slack Web API out."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import insert

from graph.cash_actions import WriteOffDeduction
from integrations.erp.local import schema as ledger_tables
from tests.bot.slack_kit import (
    Harness,
    button_body,
    event_body,
    slack_server,
    slash_body,
    view_body,
)
from tests.conftest import FIXTURES, TODAY


@pytest.fixture
def slack(tmp_path: Path) -> Iterator[Harness]:
    with slack_server(tmp_path) as harness:
        yield harness


def text_of(blocks: list[dict]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


POSTED: dict[str, list[dict]] = {}  # message ts → its blocks, as Slack returns them on a click


def post_card(slack: Harness, approval_id: str, channel: str = "C0AR") -> str:
    """Post an approval's card the way arbot renders it; the stand-in checks the blocks."""
    import httpx

    from bot.slack.blocks import render
    from graph.proposals import proposal_reply

    approval = slack.runtime.store.get(approval_id)
    text, blocks = render(proposal_reply(approval, policy=slack.runtime.approvals.policy))
    answer = httpx.post(
        f"{slack.slack.url}/api/chat.postMessage",
        json={"channel": channel, "text": text, "blocks": blocks},
        headers={"Authorization": "Bearer xoxb-test"},
    ).json()
    assert answer["ok"], answer
    POSTED[answer["ts"]] = blocks
    return answer["ts"]


def click(slack: Harness, verb: str, approval_id: str, *, user: str, ts: str) -> str:
    return button_body(verb, approval_id, user=user, channel="C0AR", ts=ts, blocks=POSTED.get(ts))


def posted_card(slack: Harness, requested_by: str = "Dana Kim") -> tuple[str, str, Decimal]:
    """A write-off proposal posted as a card: (approval id, message ts, invoice balance)."""
    invoice = next(i for i in slack.ledger.invoices("C00003"))
    approval = slack.runtime.approvals.propose(
        WriteOffDeduction(
            customer_id="C00003",
            invoice_number=invoice.invoice_number,
            write_off="40.00",
            invoice_currency="USD",
            reason_code="pricing",
            memo="price difference",
        ),
        requested_by=requested_by,
    )
    return approval.approval_id, post_card(slack, approval.approval_id), invoice.balance


def test_health(slack: Harness) -> None:
    import httpx

    answer = httpx.get(f"{slack.url}/healthz").json()
    assert answer == {"status": "ok", "erp": "local", "slack": True, "teams": "local emulator"}


def test_url_verification(slack: Harness) -> None:
    body = (FIXTURES / "slack" / "payload_url_verification.json").read_text()
    response = slack.json(body)
    assert response.status_code == 200
    assert response.json() == {"challenge": json.loads(body)["challenge"]}


def test_slash_command_is_acked_then_answered(slack: Harness) -> None:
    started = time.perf_counter()
    response = slack.form(slash_body("customer globex", response_url=slack.response_url))
    assert response.status_code == 200
    assert time.perf_counter() - started < 3
    assert response.json()["response_type"] == "ephemeral"
    [post] = slack.slack.wait_for("chat.postMessage")
    assert post.args["channel"] == "C0AR"
    assert post.args["text"].startswith("Globex Corporation owes $")
    assert "Aging by due date" in text_of(post.args["blocks"])
    assert post.headers["Authorization"] == "Bearer xoxb-test-token"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("help", "I answer questions"),
        ("invoice 10034", "INV-10034"),
        ("did initech pay last month?", "Initech LLC"),
    ],
)
def test_slash_subcommands_and_free_text(slack: Harness, text: str, expected: str) -> None:
    slack.form(slash_body(text, response_url=slack.response_url))
    [post] = slack.slack.wait_for("chat.postMessage")
    assert expected in text_of(post.args["blocks"]) + post.args["text"]


def test_requests_without_a_valid_signature_are_refused(slack: Harness) -> None:
    body = slash_body("customer globex", response_url=slack.response_url)
    forged = slack.form(
        body,
        signed=False,
        headers={
            "X-Slack-Request-Timestamp": str(int(time.time())),
            "X-Slack-Signature": "v0=forged",
        },
    )
    assert forged.status_code == 401
    from tests.bot.slack_kit import sign

    stale = slack.form(body, signed=False, headers=sign(body, timestamp=int(time.time()) - 600))
    assert stale.status_code == 401
    time.sleep(0.3)
    assert slack.slack.called("chat.postMessage") == []


def test_a_mention_is_answered_in_its_thread_once_despite_retries(slack: Harness) -> None:
    event = {
        "type": "app_mention",
        "user": "U0DANA",
        "text": "<@U0ARBOTBOT> what does globex owe",
        "ts": "1700000100.000100",
        "channel": "C0AR",
        "event_ts": "1700000100.000100",
    }
    body = event_body(event, "Ev0MENTION1")
    assert slack.json(body).status_code == 200
    retry = slack.json(
        body, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    )
    assert retry.status_code == 200
    [post] = slack.slack.wait_for("chat.postMessage")
    assert post.args["thread_ts"] == "1700000100.000100"
    assert post.args["text"].startswith("Globex Corporation owes")
    time.sleep(0.5)
    assert len(slack.slack.called("chat.postMessage")) == 1


def test_a_change_asked_of_a_colleague_mentioned_is_not_proposed(slack: Harness) -> None:
    """Slack writes every mention as <@U…>: arbot's own is taken out, a colleague's is kept,
    so "@arbot @maria can you put globex on hold" is Maria's to do, and nothing is proposed."""
    event = {
        "type": "app_mention",
        "user": "U0DANA",
        "text": "<@U0ARBOTBOT> <@U0MARIA> can you put globex on credit hold",
        "ts": "1700000300.000100",
        "channel": "C0AR",
        "event_ts": "1700000300.000100",
    }
    slack.json(event_body(event, "Ev0MENTION2"))
    [post] = slack.slack.wait_for("chat.postMessage")
    assert "colleague" in post.args["text"]
    assert slack.runtime.store.list() == []


def test_mentions_are_read_as_who_they_name() -> None:
    from bot.slack.payloads import question_of

    assert question_of("<@U0BOT> what does globex owe", "U0BOT") == "what does globex owe"
    assert question_of("<@U0BOT> <@U0MARIA|maria> hold globex", "U0BOT") == "@maria hold globex"
    assert (
        question_of("<@U0MARIA> send it\n> pasted line", "U0BOT")
        == "@U0MARIA send it\n> pasted line"
    )


def test_direct_messages_are_answered_and_bot_messages_ignored(slack: Harness) -> None:
    bot = json.loads((FIXTURES / "slack" / "payload_message_bot_message.json").read_text())
    slack.json(event_body(bot["event"], "Ev0BOT"))
    dm = {
        "type": "message",
        "channel_type": "im",
        "user": "U0DANA",
        "text": "help",
        "ts": "1700000200.000100",
        "channel": "D0DANA",
    }
    slack.json(event_body(dm, "Ev0DM"))
    [post] = slack.slack.wait_for("chat.postMessage")
    assert post.args["channel"] == "D0DANA"
    time.sleep(0.3)
    assert len(slack.slack.called("chat.postMessage")) == 1


def test_an_approval_click_writes_once_and_updates_the_card(slack: Harness) -> None:
    approval_id, ts, before = posted_card(slack)
    body = click(slack, "approve", approval_id, user="U0MORGAN", ts=ts)
    assert slack.form(body).status_code == 200
    [update] = slack.slack.wait_for("chat.update")
    assert (update.args["channel"], update.args["ts"]) == ("C0AR", ts)
    shown = text_of(update.args["blocks"])
    assert "Approved by Morgan Lee" in shown and "ERP reference `ADJ-" in shown
    approval = slack.runtime.store.get(approval_id)
    assert approval is not None and approval.status == "done"
    invoice = slack.ledger.get_invoice(approval.target)
    assert invoice is not None and invoice.balance == before - Decimal("40.00")

    # A second click: nothing written again; the clicker alone is told who decided.
    slack.form(click(slack, "approve", approval_id, user="U0MORGAN", ts=ts))
    [note] = slack.slack.wait_for("chat.postEphemeral")
    assert note.args["user"] == "U0MORGAN"
    assert note.args["text"].startswith("Already done by Morgan Lee at ")
    assert slack.ledger.get_invoice(approval.target).balance == before - Decimal("40.00")  # type: ignore[union-attr]


def test_a_click_by_the_wrong_role_is_refused_to_that_person_only(slack: Harness) -> None:
    approval_id, ts, _before = posted_card(slack)
    slack.form(click(slack, "approve", approval_id, user="U0CASEY", ts=ts))
    [note] = slack.slack.wait_for("chat.postEphemeral")
    assert note.args["user"] == "U0CASEY"
    assert note.args["text"] == (
        "Not allowed: none of your roles (collector) may approve write off deduction."
    )
    own = click(slack, "approve", approval_id, user="U0DANA", ts=ts)
    slack.form(own)
    notes = slack.slack.wait_for("chat.postEphemeral", 2)
    assert "separation of duties" in notes[1].args["text"]
    assert slack.slack.called("chat.update") == []
    assert slack.runtime.store.get(approval_id).status == "pending"  # type: ignore[union-attr]
    events = [r.event for r in slack.runtime.store.audit(approval_id)]
    assert events == ["proposed", "refused", "refused"]


def test_reject_opens_a_modal_and_the_reason_decides(slack: Harness) -> None:
    approval_id, ts, _before = posted_card(slack)
    clicked = slack.form(click(slack, "reject", approval_id, user="U0MORGAN", ts=ts))
    assert clicked.status_code == 200
    [opened] = slack.slack.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == "reject_reason"
    assert opened.args["trigger_id"]
    metadata = view["private_metadata"]

    empty = slack.form(
        view_body(
            "reject_reason", {"reason": {"reason": {"value": " "}}}, metadata, user="U0MORGAN"
        )
    )
    assert empty.json() == {
        "response_action": "errors",
        "errors": {"reason": "Say why it is rejected."},
    }
    done = slack.form(
        view_body(
            "reject_reason",
            {
                "reason": {
                    "reason": {"type": "plain_text_input", "value": "customer <will> pay in full"}
                }
            },
            metadata,
            user="U0MORGAN",
        )
    )
    assert done.status_code == 200
    [update] = slack.slack.wait_for("chat.update")
    assert update.args["ts"] == ts
    assert "Rejected by Morgan Lee" in text_of(update.args["blocks"])
    assert "customer &lt;will&gt; pay in full" in text_of(update.args["blocks"])
    assert slack.runtime.store.get(approval_id).status == "rejected"  # type: ignore[union-attr]


def test_edit_approves_another_amount_within_policy(slack: Harness) -> None:
    approval_id, ts, before = posted_card(slack, requested_by="Casey Park")
    slack.form(click(slack, "edit", approval_id, user="U0DANA", ts=ts))
    [opened] = slack.slack.wait_for("views.open")
    metadata = opened.args["view"]["private_metadata"]
    slack.form(
        view_body(
            "edit_amount", {"amount": {"amount": {"value": "25.00"}}}, metadata, user="U0DANA"
        )
    )
    [update] = slack.slack.wait_for("chat.update")
    assert "Approved by Dana Kim" in text_of(update.args["blocks"])
    approval = slack.runtime.store.get(approval_id)
    assert approval is not None and approval.amount == Decimal("25.00")
    assert slack.ledger.get_invoice(approval.target).balance == before - Decimal("25.00")  # type: ignore[union-attr]


def test_a_stale_card_shows_why_nothing_was_written(slack: Harness) -> None:
    approval_id, ts, _ = posted_card(slack)
    approval = slack.runtime.store.get(approval_id)
    assert approval is not None
    open_balance = slack.ledger.get_invoice(approval.target).balance  # type: ignore[union-attr]
    slack.ledger.create_adjustment(
        customer_id="C00003",
        invoice_number=approval.target,
        amount=open_balance,
        currency="USD",
        kind="credit_memo",
        reason_code="pricing",
        memo="settled elsewhere",
        idempotency_key="elsewhere",
    )
    slack.form(click(slack, "approve", approval_id, user="U0MORGAN", ts=ts))
    [update] = slack.slack.wait_for("chat.update")
    assert "Not written — the data changed" in text_of(update.args["blocks"])
    [note] = slack.slack.wait_for("chat.postEphemeral")
    assert note.args["text"].startswith("Not written — the data changed")


def test_rate_limits_are_waited_out(slack: Harness) -> None:
    slack.slack.fail("chat.postMessage", "ratelimited", 1)
    slack.form(slash_body("help", response_url=slack.response_url))
    posts = slack.slack.wait_for("chat.postMessage", 2, timeout=15)
    assert posts[1].args["text"].startswith("I answer questions")


def test_a_channel_the_bot_is_not_in_gets_a_private_answer(slack: Harness) -> None:
    slack.slack.fail("chat.postMessage", "error", "not_in_channel")
    slack.form(slash_body("help", response_url=slack.response_url))
    responses = slack.slack.wait_for("response_url", 2)
    assert responses[0].args["response_type"] == "ephemeral"
    assert responses[0].args["text"].startswith("I answer questions")
    assert "invite @arbot" in responses[1].args["text"]


def test_long_lists_page_with_show_more(slack: Harness) -> None:
    with slack.ledger.writing() as conn:
        conn.execute(
            insert(ledger_tables.invoices),
            [
                {
                    "invoice_number": f"INV-9{n:04d}",
                    "number_key": f"9{n:04d}",
                    "customer_id": "C00008",
                    "invoice_date": TODAY - timedelta(days=40 + n),
                    "due_date": TODAY - timedelta(days=n),
                    "amount": Decimal("100.00"),
                    "balance": Decimal("100.00"),
                    "currency": "USD",
                    "po_number": None,
                }
                for n in range(20)
            ],
        )
    count = len(slack.ledger.invoices("C00008"))
    slack.form(slash_body("customer C00008", response_url=slack.response_url))
    [post] = slack.slack.wait_for("chat.postMessage")
    blocks = post.args["blocks"]
    assert len(blocks) <= 50
    more = [
        e
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "show_more"
    ]
    assert more, "a long table offers Show more"
    assert f"Rows 1-12 of {count}" in text_of(blocks)
    slack.form(
        button_body(
            "show_more", more[0]["value"], user="U0DANA", channel="C0AR", ts="1700000000.000001"
        )
    )
    [update] = slack.slack.wait_for("chat.update")
    assert f"Rows 13-24 of {count}" in text_of(update.args["blocks"])
