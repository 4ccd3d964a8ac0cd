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
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.runtime import Runtime
from bot.slack.events import register_events
from bot.slack.home import HomeTab
from bot.slack.interactivity import register_interactivity
from bot.slack.posting import SlackPosting
from graph.decisions import Decided, decide, decide_all
from graph.messages import Click, Reply, Turn
from graph.policy import Identity

log = logging.getLogger(__name__)
T = TypeVar("T")

EMAIL_TTL_SECONDS = 3600.0
ACKS_FIRST_SECONDS = 1.0  # the longest an answer waits for a burst of acks to go out


class SlackSurface(SlackPosting, HomeTab):
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

    # --- slow work -----------------------------------------------------------------------------
    async def work(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Slow work (an answer, a decision) on the worker threads."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.workers, partial(function, *args, **kwargs))

    async def quick(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """A short store call an ack waits for, never queued behind slow work."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.ack_workers, partial(function, *args, **kwargs))

    async def ask(self, text: str, user_id: str, channel: str) -> Reply:
        who = await self.identity(user_id)
        turn = Turn(user_id, "slack", text, conversation_id=channel, email=who.email)
        return await self.work(self.runtime.agent.ask, turn)

    async def decide_click(
        self, user_id: str, click: Click, channel: str, *, batch: list[str] | None = None
    ) -> Decided:
        who = await self.identity(user_id)
        turn = Turn(user_id, "slack", conversation_id=channel, email=who.email, click=click)
        if batch is not None:
            return await self.work(decide_all, self.runtime.approvals, turn, batch)
        return await self.work(decide, self.runtime.approvals, turn)

    # --- listeners ---------------------------------------------------------------------------
    def _register(self) -> None:
        register_events(self)
        register_interactivity(self)
