"""The App Home tab: the person's approval queue, published with ``views.publish`` when they
open it and again whenever an approval is decided (here, or anywhere: a periodic refresh)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from bot.slack.blocks import render
from graph.inbox import inbox_reply
from graph.messages import Reply, Turn

MAX_HOME_BLOCKS = 100
HOME_REFRESH_SECONDS = 60.0


def home_view(reply: Reply) -> dict[str, Any]:
    _, blocks = render(reply)
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}


class HomeTab:
    """The Home tab half of ``SlackSurface``: who opened it on this server, and their queues."""

    _home_users: set[str]
    _home_refresher: asyncio.Task[None] | None

    async def open_home(self, user_id: str) -> None:
        """They opened the tab: publish their queue, and keep it fresh from now on."""
        self._home_users.add(user_id)
        if self._home_refresher is None:
            self._home_refresher = asyncio.create_task(self._refresh_homes_forever())
        await self.publish_home(user_id)

    async def publish_home(self, user_id: str) -> None:
        who = await self.identity(user_id)
        turn = Turn(user_id, "slack", "approvals", conversation_id=user_id, email=who.email)
        reply = await self.work(inbox_reply, self.runtime.approvals, turn)
        with contextlib.suppress(Exception):  # call logs what Slack answered
            await self.call("views.publish", user_id=user_id, view=home_view(reply))

    async def refresh_homes(self) -> None:
        """Republish the queue of everyone who opened the Home tab on this server."""
        for user_id in list(self._home_users):
            await self.publish_home(user_id)

    async def _refresh_homes_forever(self) -> None:
        # Decisions made in Teams, the terminal or on another replica reach the tab this way.
        while True:
            await asyncio.sleep(HOME_REFRESH_SECONDS)
            await self.refresh_homes()
