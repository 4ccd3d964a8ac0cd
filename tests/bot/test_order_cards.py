"""``arbot serve`` with an order arriving from the ERP's changes: checked once however often the
change is seen, its card posted once in the credit channel, the people who may decide it told
directly, and a click on the card releasing the order once."""

from __future__ import annotations

import json
import time
from pathlib import Path

from integrations.erp.port import Change
from tests.bot.slack_kit import button_body, slack_server

EXTRA = """
[destinations]
release_order = ["slack:C0CREDIT"]
decline_order = ["slack:C0CREDIT"]

[roles.ar_specialist]
release_order = "unlimited"
hold_order = "unlimited"
decline_order = "unlimited"
"""


def test_an_arriving_order_posts_one_card_to_the_credit_channel(tmp_path: Path) -> None:
    with slack_server(tmp_path, policy_extra=EXTRA) as harness:
        runtime = harness.runtime
        order = next(
            o
            for o in harness.ledger.sales_orders(status="pending")
            if not harness.ledger.get_customer(o.customer_id).on_hold  # type: ignore[union-attr]
        )
        delivered: list[str] = []
        post = runtime.deliver
        assert post is not None

        def deliver(reply, kind="apply_payment"):  # type: ignore[no-untyped-def]
            if reply.entities.get("order_id") == order.order_id:
                delivered.append(kind)
            post(reply, kind)

        runtime.deliver = deliver
        change = Change("sales_order", order.order_id, order)
        runtime.erp_changed(change)
        runtime.erp_changed(change)  # a webhook and the next poll: the same order
        assert len(delivered) == 1
        in_channel = harness.slack.wait_for(
            "chat.postMessage",
            where=lambda c: (
                c.args.get("channel") == "C0CREDIT" and order.order_id in str(c.args["blocks"])
            ),
        )
        blocks = json.dumps(in_channel[0].args["blocks"])
        assert order.order_id in blocks
        waiting = [a for a in runtime.store.list(("pending",)) if a.target == order.order_id]
        assert waiting and all(f"approve:{a.approval_id}" in blocks for a in waiting)
        # Dana may decide these: she is told in a direct message.
        harness.slack.wait_for(
            "chat.postMessage", where=lambda c: c.args.get("channel") == "U0DANA"
        )
        # Her click on the card's release (or hold) button, twice: written once.
        card = next(a for a in waiting if a.action.endswith("_order"))
        ts = in_channel[0].args.get("ts") or "1700000000.000100"
        for _ in range(2):
            harness.form(
                button_body(
                    "approve",
                    card.approval_id,
                    user="U0DANA",
                    channel="C0CREDIT",
                    ts=ts,
                    blocks=in_channel[0].args["blocks"],
                )
            )
        decided = wait_until_decided(runtime, card.approval_id)
        assert decided.status == "done" and decided.decided_by == "Dana Kim"
        status = {
            "release_order": "released",
            "hold_order": "on_hold",
            "decline_order": "declined",
        }[card.action]
        [now] = [o for o in harness.ledger.sales_orders() if o.order_id == order.order_id]
        assert now.status == status
        notes = [n.text for n in harness.ledger.notes(order.customer_id)]
        assert sum(f"Credit check on {order.order_id}:" in n for n in notes) == 1


def wait_until_decided(runtime, approval_id: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        current = runtime.store.get(approval_id)
        if current.status not in ("pending", "approved", "executing"):
            return current
        time.sleep(0.05)
    raise AssertionError(f"{approval_id} was not decided")
