"""The Slack surface on slack-bolt's async app.

Every listener acks at once (Slack allows 3 s) and does the slow work after the ack (lazy
listeners); answers go out with ``chat.postMessage``, decided approvals are shown by
``chat.update`` on the original message, refusals go only to the clicker (``chat.postEphemeral``).
The Slack user id comes from the verified request, never from the text.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.runtime import Runtime
from bot.slack.blocks import escape, render, replace_cards
from bot.slack.home import home_view
from bot.slack.modals import edit_modal, reject_modal, typed, where_from
from bot.slack.payloads import (
    MENTION,
    message_blocks,
    same_installation,
    slash_text,
    where_clicked,
)
from graph.decisions import AmountError, Decided, decide, decide_all, parse_amount
from graph.inbox import inbox_reply
from graph.messages import Click, Reply, Turn
from graph.policy import Identity

log = logging.getLogger(__name__)
T = TypeVar("T")

EMAIL_TTL_SECONDS = 3600.0
ACKS_FIRST_SECONDS = 1.0  # the longest an answer waits for a burst of acks to go out
HOME_REFRESH_SECONDS = 60.0
NOT_A_MEMBER = ("not_in_channel", "channel_not_found", "is_archived")
TOKEN_PROBLEMS = ("invalid_auth", "token_revoked", "account_inactive", "not_authed")


class SlackSurface:
    def __init__(
        self, runtime: Runtime, *, token: str, signing_secret: str, api_url: str | None = None
    ) -> None:
        self.runtime = runtime
        client = AsyncWebClient(
            token=token,
            base_url=api_url or AsyncWebClient.BASE_URL,
            retry_handlers=[
                AsyncConnectionErrorRetryHandler(max_retry_count=2),
                AsyncRateLimitErrorRetryHandler(max_retry_count=3),
            ],
        )
        self.client = client
        # process_before_response: the (tiny) ack functions run inline and the response goes
        # out at once; the slow parts are lazy listeners started after it. Without it Bolt
        # polls every 10 ms for the ack, which a burst of requests turns into seconds.
        # The request's signature is checked before Bolt sees it (bot.guards, on the route;
        # Socket Mode has none): Bolt does not check it a second time on the ack's path.
        self.app = AsyncApp(
            client=client,
            signing_secret=signing_secret,
            process_before_response=True,
            request_verification_enabled=False,
        )
        # Slow work (the agent, approvals) runs on two threads, so that a burst of requests
        # never starves the event loop that acks within Slack's 3 seconds; the one store call
        # an ack needs (has this delivery been seen?) has threads of its own, so that it never
        # queues behind answers being worked out.
        self.workers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="arbot-slack")
        self.ack_workers = ThreadPoolExecutor(max_workers=4, thread_name_prefix="arbot-ack")
        # Answers acked but not yet posted: a stop waits for them.
        self._answers: set[asyncio.Task[Any]] = set()
        # Acks first: while requests are being acked, answers wait to start (a moment at most),
        # so that a burst is acked at the pace of a bare app and then answered.
        self._acking = 0
        self._acked: asyncio.Event | None = None
        self._emails: dict[str, tuple[float, str | None]] = {}
        self._home_users: set[str] = set()
        self._home_refresher: asyncio.Task[None] | None = None
        self._register()

    async def stop(self, timeout: float = 30.0) -> None:
        """Finish the answers in progress (up to ``timeout`` seconds), then stop the workers."""
        if self._home_refresher is not None:
            self._home_refresher.cancel()
        pending = {task for task in self._answers if not task.done()}
        if pending:
            log.warning("finishing %d answer(s) in progress before stopping", len(pending))
            _, late = await asyncio.wait(pending, timeout=timeout)
            if late:
                log.error("%d answer(s) not finished within %s s of the stop", len(late), timeout)
        self.workers.shutdown(wait=False, cancel_futures=True)
        self.ack_workers.shutdown(wait=False)

    @contextlib.asynccontextmanager
    async def acking(self) -> AsyncIterator[None]:
        """Around the handling of one request until its ack is sent."""
        if self._acked is None:
            self._acked = asyncio.Event()
        self._acking += 1
        self._acked.clear()
        try:
            yield
        finally:
            self._acking -= 1
            if self._acking == 0:
                self._acked.set()

    async def _acks_sent(self) -> None:
        if self._acking and self._acked is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._acked.wait(), timeout=ACKS_FIRST_SECONDS)

    def tracked(self, listener: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
        """A lazy listener whose run a stop waits for (Bolt starts it as a bare task), started
        once the acks in progress are sent."""

        @functools.wraps(listener)
        async def run(**kwargs: Any) -> None:
            task = asyncio.current_task()
            if task is not None:
                self._answers.add(task)
            try:
                await self._acks_sent()
                await listener(**kwargs)
            finally:
                if task is not None:
                    self._answers.discard(task)

        return run

    # --- App Home ------------------------------------------------------------------------------
    async def publish_home(self, user_id: str) -> None:
        who = await self.identity(user_id)
        turn = Turn(user_id, "slack", "approvals", conversation_id=user_id, email=who.email)
        reply = await self.work(inbox_reply, self.runtime.approvals, turn)
        with contextlib.suppress(Exception):  # _call logs what Slack answered
            await self._call("views.publish", user_id=user_id, view=home_view(reply))

    async def refresh_homes(self) -> None:
        """Republish the queue of everyone who opened the Home tab on this server."""
        for user_id in list(self._home_users):
            await self.publish_home(user_id)

    async def _refresh_homes_forever(self) -> None:
        # Decisions made in Teams, the terminal or on another replica reach the tab this way.
        while True:
            await asyncio.sleep(HOME_REFRESH_SECONDS)
            await self.refresh_homes()

    # --- identity ----------------------------------------------------------------------------
    async def identity(self, user_id: str) -> Identity:
        """The clicker as Slack verified them, with their e-mail from users.info (cached)."""
        cached = self._emails.get(user_id)
        if cached is None or time.monotonic() - cached[0] > EMAIL_TTL_SECONDS:
            email = None
            try:
                answer = await self.client.users_info(user=user_id)
                email = ((answer.get("user") or {}).get("profile") or {}).get("email")
            except SlackApiError as error:
                log.warning("users.info failed for a user: %s", error.response.get("error"))
            cached = (time.monotonic(), email)
            self._emails[user_id] = cached
        return Identity("slack", user_id, cached[1])

    # --- sending -----------------------------------------------------------------------------
    async def _call(self, method: str, **kwargs: Any) -> dict[str, Any] | None:
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
        await self._call("chat.postMessage", channel=channel, text=mrkdwn)

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
            await self._call(
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

    async def work(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Slow work (an answer, a decision) on the worker threads."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.workers, partial(function, *args, **kwargs))

    async def quick(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """A short store call an ack waits for, never queued behind slow work."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.ack_workers, partial(function, *args, **kwargs))

    async def _ask(self, text: str, user_id: str, channel: str) -> Reply:
        who = await self.identity(user_id)
        turn = Turn(user_id, "slack", text, conversation_id=channel, email=who.email)
        return await self.work(self.runtime.agent.ask, turn)

    async def _click(
        self, user_id: str, click: Click, channel: str, *, batch: list[str] | None = None
    ) -> Decided:
        who = await self.identity(user_id)
        turn = Turn(user_id, "slack", conversation_id=channel, email=who.email, click=click)
        if batch is not None:
            return await self.work(decide_all, self.runtime.approvals, turn, batch)
        return await self.work(decide, self.runtime.approvals, turn)

    async def _message_blocks(self, channel: str, ts: str) -> list[dict[str, Any]] | None:
        """The blocks of a posted message (for a decision made in a modal, which does not
        carry them): conversations.history at that ts. None when Slack will not say."""
        try:
            answer = await self.client.conversations_history(
                channel=channel, latest=ts, inclusive=True, limit=1
            )
        except Exception as error:
            log.warning("could not read back the approval message: %s", error.__class__.__name__)
            return None
        messages = answer.get("messages") or []
        if messages and messages[0].get("ts") == ts:
            return messages[0].get("blocks") or None
        return None

    async def _show(
        self,
        decided: Decided,
        user: str,
        channel: str,
        ts: str,
        blocks: list[dict[str, Any]] | None,
    ) -> None:
        """Redraw the decided cards on the message for everyone; tell only the clicker when
        something was refused or could not be done."""
        cards = [card for card in decided.reply.proposals if card.status != "pending"]
        if cards and channel and ts:
            if blocks is None:
                blocks = await self._message_blocks(channel, ts)
            if blocks is not None:
                redrawn = replace_cards(blocks, cards)
                text = escape(decided.reply.headline)
                # The decision is recorded whatever Slack answers; _call logs a failed update.
                with contextlib.suppress(Exception):
                    await self._call(
                        "chat.update", channel=channel, ts=ts, text=text, blocks=redrawn
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
                    await self._call("chat.postEphemeral", channel=channel, user=user, **told)
                else:  # clicked in the Home tab: the app's Messages tab reaches only them
                    await self._call("chat.postMessage", channel=user, **told)
        await self.refresh_homes()

    # --- listeners ---------------------------------------------------------------------------
    def _register(self) -> None:
        app = self.app
        store = self.runtime.store

        @app.middleware
        async def drop_retries(
            body: dict[str, Any], context: Any, next: Any
        ) -> BoltResponse | None:
            """Slack retries an event it thinks was not received: answer it once only. A
            command or click carries a trigger id Slack never reuses: a replay of a signed
            request within its five minutes is answered once only too. A request from another
            workspace or organisation than the one arbot is installed in is refused."""
            if not same_installation(body, context.get("authorize_result")):
                log.warning("refused a Slack request from another workspace")
                return BoltResponse(status=401, body="")
            if body.get("type") == "event_callback" and body.get("event_id"):
                first = await self.quick(store.first_delivery, f"slack:event:{body['event_id']}")
                if not first:
                    return BoltResponse(status=200, body="", headers={"X-Slack-No-Retry": "1"})
            trigger = body.get("trigger_id")
            if isinstance(trigger, str) and trigger:
                first = await self.quick(store.first_delivery, f"slack:trigger:{trigger[:200]}")
                if not first:
                    log.warning("refused a replayed Slack request")
                    return BoltResponse(status=200, body="")
            return await next()

        async def just_ack(ack: AsyncAck) -> None:
            await ack()

        async def slash(body: dict[str, Any], respond: AsyncRespond) -> None:
            question = slash_text(body.get("text") or "")
            reply = await self._ask(question, body["user_id"], body["channel_id"])
            await self.post_reply(reply, body["channel_id"], question=question, respond=respond)

        async def slash_ack(ack: AsyncAck, body: dict[str, Any]) -> None:
            await ack(
                response_type="ephemeral",
                text=f"Looking into “{escape(slash_text(body.get('text') or ''))}”…",
            )

        app.command("/ar")(ack=slash_ack, lazy=[self.tracked(slash)])

        async def mention(event: dict[str, Any]) -> None:
            question = MENTION.sub("", event.get("text") or "").strip() or "help"
            reply = await self._ask(question, event["user"], event["channel"])
            await self.post_reply(
                reply,
                event["channel"],
                question=question,
                thread_ts=event.get("thread_ts") or event.get("ts"),
            )

        async def direct_message(event: dict[str, Any]) -> None:
            if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
                return
            question = (event.get("text") or "").strip()
            if not question:
                return
            reply = await self._ask(question, event["user"], event["channel"])
            await self.post_reply(
                reply, event["channel"], question=question, thread_ts=event.get("thread_ts")
            )

        async def home_opened(event: dict[str, Any]) -> None:
            if event.get("tab") not in (None, "home") or not event.get("user"):
                return
            self._home_users.add(event["user"])
            if self._home_refresher is None:
                self._home_refresher = asyncio.create_task(self._refresh_homes_forever())
            await self.publish_home(event["user"])

        app.event("app_home_opened")(ack=just_ack, lazy=[self.tracked(home_opened)])
        app.event("app_mention")(ack=just_ack, lazy=[self.tracked(mention)])
        app.event("message")(ack=just_ack, lazy=[self.tracked(direct_message)])

        async def clicked(body: dict[str, Any]) -> None:
            action = body["actions"][0]
            verb = action["action_id"].partition(":")[0]
            channel, ts = where_clicked(body)
            click = Click(str(action.get("value", "")), verb)
            decided = await self._click(body["user"]["id"], click, channel)
            await self._show(decided, body["user"]["id"], channel, ts, message_blocks(body))

        app.action(re.compile(r"^(approve|retry)(:|$)"))(ack=just_ack, lazy=[self.tracked(clicked)])

        async def approve_all(body: dict[str, Any]) -> None:
            try:
                ids = json.loads(body["actions"][0].get("value") or "[]")
            except ValueError:
                ids = []
            ids = [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []
            channel, ts = where_clicked(body)
            decided = await self._click(
                body["user"]["id"], Click("", "approve"), channel, batch=ids
            )
            await self._show(decided, body["user"]["id"], channel, ts, message_blocks(body))

        app.action("approve_all")(ack=just_ack, lazy=[self.tracked(approve_all)])

        @app.action(re.compile(r"^reject(:|$)"))
        async def reject_clicked(ack: AsyncAck, body: dict[str, Any]) -> None:
            await ack()
            channel, ts = where_clicked(body)
            view = reject_modal(str(body["actions"][0].get("value", "")), channel, ts)
            await self._call("views.open", trigger_id=body["trigger_id"], view=view)

        @app.action(re.compile(r"^edit(:|$)"))
        async def edit_clicked(ack: AsyncAck, body: dict[str, Any]) -> None:
            await ack()
            channel, ts = where_clicked(body)
            approval_id = str(body["actions"][0].get("value", ""))
            approval = await self.quick(store.get, approval_id)
            amount = "" if approval is None or approval.amount is None else str(approval.amount)
            view = edit_modal(approval_id, channel, ts, amount)
            await self._call("views.open", trigger_id=body["trigger_id"], view=view)

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
                click = Click(card["approval_id"], "reject", reason=typed(view, "reason"))
            else:
                click = Click(card["approval_id"], "edit", amount_text=typed(view, "amount"))
            decided = await self._click(body["user"]["id"], click, card["channel"])
            await self._show(decided, body["user"]["id"], card["channel"], card["ts"], None)

        app.view("reject_reason")(ack=reject_ack, lazy=[self.tracked(submitted)])
        app.view("edit_amount")(ack=edit_ack, lazy=[self.tracked(submitted)])

        async def show_more(body: dict[str, Any]) -> None:
            asked = json.loads(body["actions"][0]["value"])
            channel, ts = where_clicked(body)
            reply = await self._ask(asked["q"], body["user"]["id"], channel)
            text, blocks = render(reply, question=asked["q"], page=int(asked["page"]))
            await self._call("chat.update", channel=channel, ts=ts, text=text, blocks=blocks)

        app.action("show_more")(ack=just_ack, lazy=[self.tracked(show_more)])
