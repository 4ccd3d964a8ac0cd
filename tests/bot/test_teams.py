"""Teams end to end: real-shaped activities into /api/messages, a stand-in Bot Connector out."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from bot.config import TeamsSettings
from bot.teams.app import post_proactively
from graph.cash_actions import WriteOffDeduction
from graph.messages import Reply
from tests.bot.slack_kit import (
    CASEY_AAD,
    Harness,
    slack_server,
    teams_invoke,
    teams_message,
)
from tests.fakes.adaptive_cards import validate_invoke_response


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Harness]:
    with slack_server(tmp_path) as harness:
        yield harness


def post(server: Harness, activity: dict, **headers: str) -> httpx.Response:
    """An activity into the real app; an invoke's answer (the card or message Teams shows the
    clicker) must be one Teams accepts."""
    response = httpx.post(f"{server.url}/api/messages", json=activity, headers=headers, timeout=10)
    if activity.get("type") == "invoke" and response.status_code == 200:
        assert validate_invoke_response(response.json()) == []
    return response


def card_text(card: dict | None) -> str:
    return json.dumps(card, ensure_ascii=False)


def proposal(server: Harness, requested_by: str = "Dana Kim") -> tuple[str, Decimal, str]:
    invoice = server.ledger.invoices("C00003")[0]
    approval = server.runtime.approvals.propose(
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
    return approval.approval_id, invoice.balance, invoice.invoice_number


def test_a_question_is_answered_as_a_card(server: Harness) -> None:
    activity = teams_message("what does globex owe?", service_url=server.connector.url)
    assert post(server, activity).status_code in (200, 201)
    typing = [s for s in server.connector.sent if s.activity.get("type") == "typing"]
    assert typing, "a typing indicator goes out while the answer is prepared"
    [sent] = server.connector.wait_for("send")
    assert sent.conversation_id == activity["conversation"]["id"]
    card = sent.card
    assert card is not None and card["version"] == "1.5"
    assert card["body"][0]["text"].startswith("Globex Corporation owes $")
    assert any(block["type"] == "Table" for block in card["body"])
    assert len(json.dumps(card).encode()) < 28_000


def test_a_channel_mention_is_stripped_before_understanding(server: Harness) -> None:
    activity = teams_message("what does globex owe", service_url=server.connector.url, channel=True)
    post(server, activity)
    [sent] = server.connector.wait_for("send")
    assert sent.card["body"][0]["text"].startswith("Globex Corporation owes")  # type: ignore[index]


def test_a_change_asked_of_a_colleague_mentioned_is_not_proposed(server: Harness) -> None:
    """arbot's own mention is taken out, a colleague's kept: "@arbot @Maria Shah can you put
    globex on hold" is Maria's to do, and nothing is proposed."""
    activity = teams_message(
        "<at>Maria Shah</at> can you put globex on credit hold",
        service_url=server.connector.url,
        channel=True,
    )
    maria = {"id": "29:1maria", "name": "Maria Shah"}
    activity["entities"].append(
        {"mentioned": maria, "text": "<at>Maria Shah</at>", "type": "mention"}
    )
    post(server, activity)
    [sent] = server.connector.wait_for("send")
    assert "colleague" in card_text(sent.card)
    assert server.runtime.store.list() == []


def test_an_approval_click_writes_once_and_replaces_the_card_for_everyone(server: Harness) -> None:
    approval_id, before, number = proposal(server)
    click = teams_invoke(
        {"action": "approve", "approval_id": approval_id},
        service_url=server.connector.url,
        reply_to="1700000000900",
    )
    response = post(server, click)
    assert response.status_code == 200
    answer = response.json()
    assert answer["statusCode"] == 200
    assert answer["type"] == "application/vnd.microsoft.card.adaptive"
    assert "Approved by Morgan Lee" in card_text(answer["value"])
    [update] = server.connector.wait_for("update")
    assert update.activity_id == "1700000000900"
    assert "ERP reference ADJ-" in card_text(update.card)
    assert server.ledger.get_invoice(number).balance == before - Decimal("40.00")  # type: ignore[union-attr]

    again = post(server, click).json()
    assert again["type"] == "application/vnd.microsoft.activity.message"
    assert again["value"].startswith("Already done by Morgan Lee at ")
    assert server.ledger.get_invoice(number).balance == before - Decimal("40.00")  # type: ignore[union-attr]


def test_the_wrong_role_is_told_privately_and_nothing_changes(server: Harness) -> None:
    approval_id, before, number = proposal(server)
    click = teams_invoke(
        {"action": "approve", "approval_id": approval_id},
        service_url=server.connector.url,
        reply_to="1700000000901",
        user=CASEY_AAD,
    )
    answer = post(server, click).json()
    assert answer == {
        "statusCode": 200,
        "type": "application/vnd.microsoft.activity.message",
        "value": "Not allowed: none of your roles (collector) may approve write off deduction.",
    }
    assert server.connector.messages("update") == []
    assert server.ledger.get_invoice(number).balance == before  # type: ignore[union-attr]


def test_reject_with_the_reason_typed_in_the_card(server: Harness) -> None:
    approval_id, _before, _ = proposal(server)
    click = teams_invoke(
        {
            "action": "reject",
            "approval_id": approval_id,
            "reason": "customer [will](http://x) pay in full",
        },
        service_url=server.connector.url,
        reply_to="1700000000902",
    )
    answer = post(server, click).json()
    shown = card_text(answer["value"])
    assert "Rejected by Morgan Lee" in shown
    assert (
        "\\\\[will\\\\]\\\\(http://x\\\\)" in shown
    )  # markdown from people is shown, not followed
    assert server.runtime.store.get(approval_id).status == "rejected"  # type: ignore[union-attr]


def test_action_submit_fallback_decides_too(server: Harness) -> None:
    approval_id, before, number = proposal(server)
    activity = teams_message("", service_url=server.connector.url)
    activity.pop("text")
    activity["value"] = {"action": "approve", "approval_id": approval_id}
    activity["replyToId"] = "1700000000903"
    post(server, activity)
    [update] = server.connector.wait_for("update")
    assert "Approved by Morgan Lee" in card_text(update.card)
    assert server.ledger.get_invoice(number).balance == before - Decimal("40.00")  # type: ignore[union-attr]


def test_proactive_messages_use_the_stored_conversation(server: Harness) -> None:
    activity = teams_message("help", service_url=server.connector.url)
    post(server, activity)
    server.connector.wait_for("send")
    conversation = activity["conversation"]["id"]
    digest = Reply(headline="Morning digest")
    asyncio.run(post_proactively(server.runtime, TeamsSettings(None), conversation, digest))
    sent = server.connector.wait_for("send", 2)
    assert sent[-1].conversation_id == conversation
    assert sent[-1].card["body"][0]["text"] == "Morning digest"  # type: ignore[index]
    with pytest.raises(LookupError, match="no reference for Teams conversation 19:unknown"):
        asyncio.run(post_proactively(server.runtime, TeamsSettings(None), "19:unknown", digest))


def test_unauthenticated_activities_are_refused_when_an_app_id_is_set(tmp_path: Path) -> None:
    settings = TeamsSettings(
        "11111111-2222-3333-4444-555555555555",
        "secret",
        "66666666-7777-8888-9999-000000000000",
        "SingleTenant",
    )
    with slack_server(tmp_path, teams=settings) as server:
        activity = teams_message("what does globex owe?", service_url=server.connector.url)
        refused = post(server, activity)
        assert refused.status_code == 401
        forged = post(server, activity, Authorization="Bearer not.a.jwt")
        assert forged.status_code == 401
        assert server.connector.sent == []
        assert httpx.get(f"{server.url}/healthz").json()["teams"] == "authenticated"


def test_the_emulator_refuses_other_machines(tmp_path: Path) -> None:
    from bot.server import create_app

    with slack_server(tmp_path) as server:
        api = create_app(server.runtime)

        async def from_elsewhere() -> int:
            transport = httpx.ASGITransport(app=api, client=("203.0.113.7", 50000))
            async with httpx.AsyncClient(transport=transport, base_url="http://arbot") as client:
                activity = teams_message("help", service_url=server.connector.url)
                return (await client.post("/api/messages", json=activity)).status_code

        assert asyncio.run(from_elsewhere()) == 401
