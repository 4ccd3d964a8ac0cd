"""Slack's interactivity: approval buttons (one, or all of a message's), the reject and
edit-amount modals, and *Show more* on a long list. Every click acks at once; the decision runs
after the ack, through the one decision path."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from slack_bolt.async_app import AsyncAck

from bot.slack.blocks import render
from bot.slack.events import just_ack
from bot.slack.modals import edit_modal, reject_modal, typed, where_from
from bot.slack.payloads import message_blocks, where_clicked
from graph.decisions import AmountError, parse_amount
from graph.messages import Click

if TYPE_CHECKING:
    from bot.slack.app import SlackSurface


def register_interactivity(surface: SlackSurface) -> None:
    app = surface.app
    store = surface.runtime.store

    async def clicked(body: dict[str, Any]) -> None:
        action = body["actions"][0]
        verb = action["action_id"].partition(":")[0]
        channel, ts = where_clicked(body)
        click = Click(str(action.get("value", "")), verb)
        decided = await surface.decide_click(body["user"]["id"], click, channel)
        await surface.show_decision(decided, body["user"]["id"], channel, ts, message_blocks(body))

    app.action(re.compile(r"^(approve|retry)(:|$)"))(ack=just_ack, lazy=[surface.tracked(clicked)])

    async def approve_all(body: dict[str, Any]) -> None:
        try:
            ids = json.loads(body["actions"][0].get("value") or "[]")
        except ValueError:
            ids = []
        ids = [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []
        channel, ts = where_clicked(body)
        decided = await surface.decide_click(
            body["user"]["id"], Click("", "approve"), channel, batch=ids
        )
        await surface.show_decision(decided, body["user"]["id"], channel, ts, message_blocks(body))

    app.action("approve_all")(ack=just_ack, lazy=[surface.tracked(approve_all)])

    @app.action(re.compile(r"^reject(:|$)"))
    async def reject_clicked(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        channel, ts = where_clicked(body)
        approval_id = str(body["actions"][0].get("value", ""))
        view = reject_modal(approval_id, channel, ts, message_blocks(body))
        await surface.call("views.open", trigger_id=body["trigger_id"], view=view)

    @app.action(re.compile(r"^edit(:|$)"))
    async def edit_clicked(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        channel, ts = where_clicked(body)
        approval_id = str(body["actions"][0].get("value", ""))
        approval = await surface.quick(store.get, approval_id)
        amount = "" if approval is None or approval.amount is None else str(approval.amount)
        view = edit_modal(approval_id, channel, ts, amount, message_blocks(body))
        await surface.call("views.open", trigger_id=body["trigger_id"], view=view)

    async def reject_ack(ack: AsyncAck, view: dict[str, Any]) -> None:
        if not typed(view, "reason"):
            await ack(response_action="errors", errors={"reason": "Say why it is rejected."})
        else:
            await ack()

    async def edit_ack(ack: AsyncAck, view: dict[str, Any]) -> None:
        try:
            parse_amount(typed(view, "amount"))
        except AmountError as error:
            await ack(response_action="errors", errors={"amount": str(error)})
        else:
            await ack()

    async def submitted(body: dict[str, Any], view: dict[str, Any]) -> None:
        card = where_from(view)
        if card is None:
            return
        if view.get("callback_id") == "reject_reason":
            click = Click(card.approval_id, "reject", reason=typed(view, "reason"))
        else:
            click = Click(card.approval_id, "edit", amount_text=typed(view, "amount"))
        decided = await surface.decide_click(body["user"]["id"], click, card.channel)
        user = body["user"]["id"]
        await surface.show_decision(decided, user, card.channel, card.ts, card.blocks)

    app.view("reject_reason")(ack=reject_ack, lazy=[surface.tracked(submitted)])
    app.view("edit_amount")(ack=edit_ack, lazy=[surface.tracked(submitted)])

    async def show_more(body: dict[str, Any]) -> None:
        asked = json.loads(body["actions"][0]["value"])
        channel, ts = where_clicked(body)
        reply = await surface.ask(asked["q"], body["user"]["id"], channel)
        text, blocks = render(reply, question=asked["q"], page=int(asked["page"]))
        await surface.call("chat.update", channel=channel, ts=ts, text=text, blocks=blocks)

    app.action("show_more")(ack=just_ack, lazy=[surface.tracked(show_more)])
