"""``arbot serve`` with Teams as the credit channel: an order arriving from the ERP's changes is
checked once, its REVIEW card posted once to Teams (through the stand-in Bot Connector, which
holds every card to the Adaptive Card schema and Teams' rules), a credit manager's Action.Submit
click releases it once; a second click and a click by someone the policy does not allow (both as
Action.Execute invokes, whose answer Teams shows the clicker alone) are refused. A fulfilled
order's draft invoice card goes to Teams too, and its approval there creates one invoice."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from graph.orders import assess
from integrations.erp.local import schema as t
from integrations.erp.port import Change
from integrations.erp.records import SalesOrder
from tests.bot.slack_kit import (
    CASEY_AAD,
    DANA_AAD,
    Harness,
    slack_server,
    teams_invoke,
    teams_message,
)
from tests.conftest import TODAY
from tests.fakes.adaptive_cards import validate_invoke_response

CHRIS_AAD = "0c3d1f00-0000-4000-8000-0000000c4215"
CONVERSATION = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "teams" / "teams_direct_message.json").read_text()
)["conversation"]["id"]
EXTRA = f"""
[destinations]
release_order = ["teams:{CONVERSATION}"]
decline_order = ["teams:{CONVERSATION}"]
create_invoice = ["teams:{CONVERSATION}"]

[[people]]
name = "Chris Wu"
roles = ["credit_manager"]
teams = ["{CHRIS_AAD}"]
"""


@pytest.fixture
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    with slack_server(tmp_path, policy_extra=EXTRA) as harness:
        # Someone spoke to arbot in this conversation: it may post there on its own.
        said = teams_message("help", service_url=harness.connector.url)
        assert httpx.post(f"{harness.url}/api/messages", json=said, timeout=10).status_code < 300
        harness.connector.wait_for("send")
        yield harness


def submit(server: Harness, user: str, approval_id: str, reply_to: str) -> httpx.Response:
    """A click on the card's Approve, as Teams sends an Action.Submit: a message activity whose
    ``value`` is the button's data, replying to the card's message."""
    click = teams_message("", service_url=server.connector.url, user=user)
    click.pop("text")
    click["value"] = {"action": "approve", "approval_id": approval_id}
    click["replyToId"] = reply_to
    return httpx.post(f"{server.url}/api/messages", json=click, timeout=20)


def execute(server: Harness, user: str, approval_id: str, reply_to: str) -> dict[str, Any]:
    """The same click as an Action.Execute invoke; its answer (shown to the clicker alone)
    must be one Teams accepts."""
    click = teams_invoke(
        {"action": "approve", "approval_id": approval_id},
        service_url=server.connector.url,
        reply_to=reply_to,
        user=user,
    )
    answer = httpx.post(f"{server.url}/api/messages", json=click, timeout=20)
    assert answer.status_code == 200
    assert validate_invoke_response(answer.json()) == []
    return answer.json()  # type: ignore[no-any-return]


def posted_with(server: Harness, needle: str) -> list[Any]:
    return server.connector.wait_for(
        "send",
        where=lambda s: s.conversation_id == CONVERSATION and needle in json.dumps(s.card or {}),
        timeout=30,
    )


def settled(server: Harness, approval_id: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        current = server.runtime.store.get(approval_id)
        if current is not None and current.status not in ("pending", "approved", "executing"):
            return current
        time.sleep(0.05)
    raise AssertionError(f"{approval_id} was not decided")


def test_a_review_card_in_teams_is_released_once_by_a_credit_manager(server: Harness) -> None:
    ledger = server.ledger
    reviewed = next(
        order
        for order in ledger.sales_orders(status="pending")
        if not ledger.get_customer(order.customer_id).on_hold  # type: ignore[union-attr]
        and assess(ledger, order, as_of=TODAY)[1].decision == "REVIEW"
    )
    change = Change("sales_order", reviewed.order_id, reviewed)
    server.runtime.erp_changed(change)
    server.runtime.erp_changed(change)  # the next poll sees the same order: checked once
    [card_message] = posted_with(server, f"REVIEW: {reviewed.order_id}")
    assert len(posted_with(server, f"REVIEW: {reviewed.order_id}")) == 1
    waiting = [a for a in server.runtime.store.list(("pending",)) if a.target == reviewed.order_id]
    release = next(a for a in waiting if a.action == "release_order")
    assert release.approval_id in json.dumps(card_message.card)
    held = next(o for o in ledger.sales_orders() if o.order_id == reviewed.order_id)
    assert held.status in ("pending", "on_hold")

    # A collector's click (Action.Execute) is refused to her alone; nothing changes.
    refused = execute(server, CASEY_AAD, release.approval_id, card_message.new_id or "")
    assert refused["type"] == "application/vnd.microsoft.activity.message"
    assert refused["value"].startswith("Not allowed: none of your roles (collector) may approve")
    assert server.runtime.store.get(release.approval_id).status == "pending"  # type: ignore[union-attr]

    # The same refusal for a click sent as Action.Submit (no invoke to answer): said in the chat.
    assert submit(server, CASEY_AAD, release.approval_id, card_message.new_id or "").is_success
    said = server.connector.wait_for(
        "send",
        where=lambda s: (
            s.conversation_id == CONVERSATION
            and str(s.activity.get("text", "")).startswith("Not allowed: none of your roles")
        ),
        timeout=30,
    )
    assert len(said) == 1
    assert server.runtime.store.get(release.approval_id).status == "pending"  # type: ignore[union-attr]

    # The credit manager's click releases it, once; a second click is told it is done.
    assert (
        submit(server, CHRIS_AAD, release.approval_id, card_message.new_id or "").status_code < 300
    )
    decided = settled(server, release.approval_id)
    assert (decided.status, decided.decided_by) == ("done", "Chris Wu")
    [update_] = server.connector.wait_for("update", timeout=30)
    assert update_.activity_id == card_message.new_id
    assert "Approved by Chris Wu" in json.dumps(update_.card)
    again = execute(server, CHRIS_AAD, release.approval_id, card_message.new_id or "")
    assert again["value"].startswith("Already done by Chris Wu at ")
    now = next(o for o in ledger.sales_orders() if o.order_id == reviewed.order_id)
    assert now.status == "released"
    notes = [n.text for n in ledger.notes(reviewed.customer_id)]
    assert sum(f"Credit check on {reviewed.order_id}: released" in n for n in notes) == 1
    trail = [r.event for r in server.runtime.store.audit(release.approval_id)]
    assert trail.count("done") == 1 and "refused" in trail


def test_a_fulfilled_orders_invoice_is_approved_in_teams_once(server: Harness) -> None:
    ledger = server.ledger
    # The smallest order: within an AR specialist's create_invoice limit (25,000.00).
    order = min(ledger.sales_orders(status="pending"), key=lambda o: o.amount)
    with ledger.writing() as conn:
        conn.execute(
            update(t.sales_orders)
            .where(t.sales_orders.c.order_id == order.order_id)
            .values(status="shipped")
        )
    shipped = next(o for o in ledger.sales_orders() if o.order_id == order.order_id)
    assert isinstance(shipped, SalesOrder) and shipped.lines
    server.runtime.erp_changed(Change("sales_order", shipped.order_id, shipped))
    server.runtime.erp_changed(Change("sales_order", shipped.order_id, shipped))
    number = f"INV-{shipped.order_id}"
    [card_message] = posted_with(server, f"Draft {number}")
    shown = json.dumps(card_message.card, ensure_ascii=False)
    assert shipped.lines[0].description in shown and (shipped.po_number or "") in shown
    [draft] = [a for a in server.runtime.store.list(("pending",)) if a.target == number]

    for _ in range(2):  # a double click
        submit(server, DANA_AAD, draft.approval_id, card_message.new_id or "")
    decided = settled(server, draft.approval_id)
    assert (decided.status, decided.decided_by) == ("done", "Dana Kim")
    created = ledger.get_invoice(number)
    assert created is not None and created.amount == shipped.subtotal
    assert created.po_number == shipped.po_number
    assert len(ledger.find_invoices(number)) == 1
