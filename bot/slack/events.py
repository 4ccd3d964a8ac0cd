"""Slack's requests that ask something: the ``/ar`` command, ``@arbot`` mentions, direct
messages and the App Home tab being opened; and the middleware every request passes first
(retries and replays answered once, other workspaces refused)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext, AsyncRespond
from slack_bolt.response import BoltResponse

from bot.slack.blocks import escape
from bot.slack.payloads import question_of, same_installation, slash_text

if TYPE_CHECKING:
    from bot.slack.app import SlackSurface

log = logging.getLogger(__name__)


async def just_ack(ack: AsyncAck) -> None:
    await ack()


def register_events(surface: SlackSurface) -> None:
    app = surface.app
    store = surface.runtime.store

    @app.middleware
    async def drop_retries(body: dict[str, Any], context: Any, next: Any) -> BoltResponse | None:
        """Slack retries an event it thinks was not received: answer it once only. A
        command or click carries a trigger id Slack never reuses: a replay of a signed
        request within its five minutes is answered once only too. A request from another
        workspace or organisation than the one arbot is installed in is refused."""
        if not same_installation(body, context.get("authorize_result")):
            log.warning("refused a Slack request from another workspace")
            return BoltResponse(status=401, body="")
        if body.get("type") == "event_callback" and body.get("event_id"):
            first = await surface.quick(store.first_delivery, f"slack:event:{body['event_id']}")
            if not first:
                return BoltResponse(status=200, body="", headers={"X-Slack-No-Retry": "1"})
        trigger = body.get("trigger_id")
        if isinstance(trigger, str) and trigger:
            first = await surface.quick(store.first_delivery, f"slack:trigger:{trigger[:200]}")
            if not first:
                log.warning("refused a replayed Slack request")
                return BoltResponse(status=200, body="")
        return await next()

    async def slash(body: dict[str, Any], respond: AsyncRespond) -> None:
        question = slash_text(body.get("text") or "")
        reply = await surface.ask(question, body["user_id"], body["channel_id"])
        await surface.post_reply(reply, body["channel_id"], question=question, respond=respond)

    async def slash_ack(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack(
            response_type="ephemeral",
            text=f"Looking into “{escape(slash_text(body.get('text') or ''))}”…",
        )

    app.command("/ar")(ack=slash_ack, lazy=[surface.tracked(slash)])

    async def mention(event: dict[str, Any], context: AsyncBoltContext) -> None:
        question = question_of(event.get("text") or "", context.bot_user_id) or "help"
        reply = await surface.ask(question, event["user"], event["channel"])
        await surface.post_reply(
            reply,
            event["channel"],
            question=question,
            thread_ts=event.get("thread_ts") or event.get("ts"),
        )

    async def direct_message(event: dict[str, Any], context: AsyncBoltContext) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        question = question_of(event.get("text") or "", context.bot_user_id)
        if not question:
            return
        reply = await surface.ask(question, event["user"], event["channel"])
        await surface.post_reply(
            reply, event["channel"], question=question, thread_ts=event.get("thread_ts")
        )

    async def home_opened(event: dict[str, Any]) -> None:
        if event.get("tab") not in (None, "home") or not event.get("user"):
            return
        await surface.open_home(event["user"])

    app.event("app_home_opened")(ack=just_ack, lazy=[surface.tracked(home_opened)])
    app.event("app_mention")(ack=just_ack, lazy=[surface.tracked(mention)])
    app.event("message")(ack=just_ack, lazy=[surface.tracked(direct_message)])
