"""Sending to Slack: every Web API call goes through ``call`` (failures logged in plain words,
never with message text); answers with their images and files, and decided approval cards
redrawn on the message for everyone (``chat.update``) with refusals told only to the clicker."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.blocks import decided as decided_card
from bot.slack.blocks import escape, render, replace_cards
from graph.decisions import Decided
from graph.messages import Reply

log = logging.getLogger(__name__)

NOT_A_MEMBER = ("not_in_channel", "channel_not_found", "is_archived")
TOKEN_PROBLEMS = ("invalid_auth", "token_revoked", "account_inactive", "not_authed")


class SlackPosting:
    """The sending half of ``SlackSurface``."""

    client: AsyncWebClient
    refresh_homes: Callable[[], Awaitable[None]]  # HomeTab's: decisions show in Home tabs too

    async def call(self, method: str, **kwargs: Any) -> dict[str, Any] | None:
        """A Web API call whose failure is logged in plain words (never with message text)."""
        try:
            answer = await self.client.api_call(method, json=kwargs)
            return answer.data if isinstance(answer.data, dict) else None
        except SlackApiError as error:
            code = error.response.get("error")
            if code in TOKEN_PROBLEMS:
                log.error(
                    "Slack rejected the bot token (%s) on %s: reinstall the app or set "
                    "a new SLACK_BOT_TOKEN",
                    code,
                    method,
                )
            else:
                log.error("Slack refused %s in %s: %s", method, kwargs.get("channel"), code)
            raise
        except Exception as error:
            log.error("Slack could not be reached for %s: %s", method, error.__class__.__name__)
            raise

    async def say(self, channel: str, mrkdwn: str) -> None:
        """A line of mrkdwn (already escaped by the caller) to a channel, or to a person's DM
        with the app (channel = user id)."""
        await self.call("chat.postMessage", channel=channel, text=mrkdwn)

    async def post_reply(
        self,
        reply: Reply,
        channel: str,
        *,
        question: str | None = None,
        thread_ts: str | None = None,
        respond: AsyncRespond | None = None,
    ) -> bool:
        """Post an answer (and its images); False when Slack did not take it (it was logged,
        and the asker told where ``respond`` reaches them)."""
        text, blocks = render(reply, question=question)
        posted = False
        try:
            await self.call(
                "chat.postMessage",
                channel=channel,
                text=text,
                blocks=blocks,
                **({"thread_ts": thread_ts} if thread_ts else {}),
            )
            posted = True
        except SlackApiError as error:
            if respond is not None and error.response.get("error") in NOT_A_MEMBER:
                await respond(text=text, blocks=blocks, response_type="ephemeral")
                await respond(
                    text="Only you can see this: invite @arbot to the channel to share "
                    "answers there.",
                    response_type="ephemeral",
                )
        except Exception:
            if respond is not None:
                await respond(
                    text="Slack did not take my answer; please ask again in a moment.",
                    response_type="ephemeral",
                )
        for image in reply.images if posted else ():
            try:
                await self.client.files_upload_v2(
                    channel=channel,
                    content=image.png,
                    filename=image.name,
                    title=image.alt,
                    alt_txt=image.alt,
                    **({"thread_ts": thread_ts} if thread_ts else {}),
                )
            except Exception as error:
                log.error(
                    "Slack did not take the image %s: %s", image.name, error.__class__.__name__
                )
        for attached in reply.files if posted else ():  # a customer statement: PDF and CSV
            try:
                await self.client.files_upload_v2(
                    channel=channel,
                    content=attached.path.read_bytes(),
                    filename=attached.name,
                    title=attached.name,
                    **({"thread_ts": thread_ts} if thread_ts else {}),
                )
            except Exception as error:
                log.error(
                    "Slack did not take the file %s: %s", attached.name, error.__class__.__name__
                )
        return posted

    async def show_decision(
        self,
        decided: Decided,
        user: str,
        channel: str,
        ts: str,
        blocks: list[dict[str, Any]] | None,
    ) -> None:
        """Redraw the decided cards on the message for everyone; tell only the clicker when
        something was refused or could not be done. Without the message's blocks (a modal's
        decision on a message too large to carry them through the modal) the decided cards go
        in the message's thread: arbot never reads conversations back (no history scopes)."""
        cards = [card for card in decided.reply.proposals if card.status != "pending"]
        # The decision is recorded whatever Slack answers; call logs a failed update.
        if cards and channel and ts and blocks is not None:
            redrawn = replace_cards(blocks, cards)
            text = escape(decided.reply.headline)
            with contextlib.suppress(Exception):
                await self.call("chat.update", channel=channel, ts=ts, text=text, blocks=redrawn)
        elif cards and channel and ts:
            for card in cards:
                text, card_blocks = decided_card(card)
                with contextlib.suppress(Exception):
                    await self.call(
                        "chat.postMessage",
                        channel=channel,
                        thread_ts=ts,
                        text=text,
                        blocks=card_blocks,
                    )
        batch = decided.reply.data.get("decision", {}).get("batch")
        if not decided.ok or batch:
            _, outcome = render(decided.reply)
            told = {
                "text": escape(decided.reply.headline),
                **({"blocks": outcome} if batch else {}),
            }
            with contextlib.suppress(Exception):
                if channel:
                    await self.call("chat.postEphemeral", channel=channel, user=user, **told)
                else:  # clicked in the Home tab: the app's Messages tab reaches only them
                    await self.call("chat.postMessage", channel=user, **told)
        await self.refresh_homes()
