"""A decision made in a modal (reject with a reason, approve another amount) redraws its card
from the blocks the modal carried: arbot never reads a conversation back, so it needs no history
scopes. A message too large to carry gets the decision in its thread instead."""

from __future__ import annotations

import base64
import json
import secrets
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.slack.modals import MAX_METADATA, reject_modal, where_from
from graph.cash_actions import WriteOffDeduction
from tests.bot.slack_kit import Harness, button_body, slack_server, view_body


@pytest.fixture
def slack(tmp_path: Path) -> Iterator[Harness]:
    with slack_server(tmp_path) as harness:
        yield harness


def proposed(slack: Harness) -> str:
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
        requested_by="Dana Kim",
    )
    return approval.approval_id


def posted(slack: Harness, approval_id: str, extra: list[dict[str, Any]]) -> tuple[str, list]:
    """The approval's card as arbot renders it, with ``extra`` blocks after it, posted to the
    stand-in (which checks the blocks): (ts, blocks)."""
    from bot.slack.blocks import render
    from graph.proposals import proposal_reply

    approval = slack.runtime.store.get(approval_id)
    text, blocks = render(proposal_reply(approval, policy=slack.runtime.approvals.policy))
    blocks = blocks + extra
    answer = httpx.post(
        f"{slack.slack.url}/api/chat.postMessage",
        json={"channel": "C0AR", "text": text, "blocks": blocks},
        headers={"Authorization": "Bearer xoxb-test"},
    ).json()
    assert answer["ok"], answer
    return answer["ts"], blocks


def reject_in_modal(slack: Harness, approval_id: str, ts: str, blocks: list) -> str:
    slack.form(
        button_body("reject", approval_id, user="U0MORGAN", channel="C0AR", ts=ts, blocks=blocks)
    )
    [opened] = slack.slack.wait_for("views.open")
    metadata = opened.args["view"]["private_metadata"]
    assert len(metadata) <= MAX_METADATA
    reason = {"reason": {"reason": {"type": "plain_text_input", "value": "paid in full"}}}
    done = slack.form(view_body("reject_reason", reason, metadata, user="U0MORGAN"))
    assert done.status_code == 200
    return metadata


def test_a_modal_decision_redraws_the_card_without_reading_the_conversation(
    slack: Harness,
) -> None:
    approval_id = proposed(slack)
    ts, blocks = posted(slack, approval_id, [])
    reject_in_modal(slack, approval_id, ts, blocks)
    [update] = slack.slack.wait_for("chat.update")
    assert update.args["ts"] == ts and update.args["channel"] == "C0AR"
    assert "Rejected by Morgan Lee" in json.dumps(update.args["blocks"])
    assert slack.slack.called("conversations.history") == []
    assert slack.runtime.store.get(approval_id).status == "rejected"  # type: ignore[union-attr]


def test_a_message_too_large_to_carry_gets_the_decision_in_its_thread(slack: Harness) -> None:
    approval_id = proposed(slack)
    noise = [  # text that does not compress: the message cannot ride in private_metadata
        {"type": "section", "text": {"type": "mrkdwn", "text": secrets.token_hex(700)}}
        for _ in range(8)
    ]
    ts, blocks = posted(slack, approval_id, noise)
    metadata = reject_in_modal(slack, approval_id, ts, blocks)
    assert "blocks" not in json.loads(metadata)
    [_, in_thread] = slack.slack.wait_for(
        "chat.postMessage", 2, where=lambda c: c.args.get("channel") == "C0AR"
    )
    assert in_thread.args["thread_ts"] == ts
    assert "Rejected by Morgan Lee" in json.dumps(in_thread.args["blocks"])
    assert slack.slack.called("chat.update") == []  # the message itself is left as it was
    assert slack.slack.called("conversations.history") == []
    assert slack.runtime.store.get(approval_id).status == "rejected"  # type: ignore[union-attr]


def packed(raw: bytes) -> str:
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")


@pytest.mark.parametrize(
    "metadata",
    [
        "",
        "not json",
        "[1, 2]",
        json.dumps({"approval_id": 1, "channel": "C", "ts": "1.0"}),
        json.dumps({"approval_id": "A", "channel": "C"}),
    ],
)
def test_metadata_that_is_not_ours_is_refused(metadata: str) -> None:
    assert where_from({"private_metadata": metadata}) is None


@pytest.mark.parametrize(
    "blocks",
    [
        "%%% not base64 %%%",
        base64.b64encode(b"not zlib").decode(),
        packed(b"{not json"),
        packed(b'{"type": "section"}'),  # not a list
        packed(b"[1, 2]"),  # not blocks
        packed(b"[" + b" " * 5_000_000 + b"]"),  # unpacks to far more than a message
        17,
    ],
)
def test_carried_blocks_that_are_malformed_or_oversized_are_dropped(blocks: object) -> None:
    where = {"approval_id": "APR-1", "channel": "C0AR", "ts": "1.0", "blocks": blocks}
    card = where_from({"private_metadata": json.dumps(where)})
    assert card is not None and card.approval_id == "APR-1" and card.blocks is None


def test_carried_blocks_round_trip() -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "INV-1 · $10.00"}}]
    view = reject_modal("APR-1", "C0AR", "1.0", blocks)
    card = where_from(view)
    assert card is not None and card.blocks == blocks and card.ts == "1.0"
