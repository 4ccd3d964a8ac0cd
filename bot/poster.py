"""Outbound posting, one service for the server, the digest, cash-application runs and the
scheduler: ``Poster.post(target, reply)`` to ``slack:CHANNEL`` or ``teams:CONVERSATION``, and
``Poster.deliver`` for proposals made in the background (posted where the policy says, and each
person who may decide them told in a direct message)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.config import ConfigError
from bot.digest import parse_target
from graph.format import plural
from graph.messages import Reply

if TYPE_CHECKING:
    from bot.runtime import Runtime
    from bot.slack.app import SlackSurface

log = logging.getLogger(__name__)


class NotPosted(Exception):
    """The platform did not take a post (what it answered was logged)."""


class Poster:
    def __init__(self, runtime: Runtime, slack: SlackSurface | None = None) -> None:
        self.runtime = runtime
        self._slack = slack

    def slack(self) -> SlackSurface:
        if self._slack is None:
            settings = self.runtime.settings.slack
            if settings is None:
                raise ConfigError("SLACK_BOT_TOKEN is not set: arbot cannot post to Slack")
            from bot.slack.app import SlackSurface

            self._slack = SlackSurface(
                self.runtime,
                token=settings.bot_token,
                signing_secret=settings.signing_secret or "unused",
                api_url=settings.api_url,
            )
        return self._slack

    async def post(self, target: str, reply: Reply) -> None:
        surface, where = parse_target(target)
        if surface == "slack":
            if not await self.slack().post_reply(reply, where):
                raise NotPosted(f"Slack did not take the post to {where}")
            return
        from bot.teams.app import post_proactively

        await post_proactively(self.runtime, self.runtime.settings.teams, where, reply)

    async def deliver(self, reply: Reply, kind: str, targets: tuple[str, ...] = ()) -> list[str]:
        """Post proposals made in the background (a cash-application run) to ``targets`` or,
        when none are given, to the policy's destinations for ``kind``; then tell each person
        who may decide a waiting proposal where it is. Returns the targets posted to."""
        policy = self.runtime.approvals.policy
        targets = targets or policy.destinations_for(kind)
        if not targets:
            log.warning(
                "no destination for %s proposals: set [destinations] in the policy file "
                "or pass --post; they wait in arbot approvals list",
                kind,
            )
            return []
        posted = []
        for target in targets:
            try:
                await self.post(target, reply)
                posted.append(target)
            except (ConfigError, LookupError) as error:
                log.error("could not post to %s: %s", target, error)
            except Exception as error:
                log.error("could not post to %s: %s", target, error.__class__.__name__)
        if posted:
            await self._notify(reply, posted)
        return posted

    async def _notify(self, reply: Reply, posted: list[str]) -> None:
        policy = self.runtime.approvals.policy
        people: dict[str, Any] = {}
        for card in reply.proposals:
            if not card.waiting:
                continue
            for person in policy.deciders(card.action, card.amount, requested_by=""):
                people[person.name] = person
        from bot.slack.blocks import escape

        where = ", ".join(_readable(target) for target in posted)
        waiting = sum(1 for card in reply.proposals if card.waiting)
        count = plural(waiting, "proposal")
        text = f"{count} waiting for your decision in {where}: {escape(reply.headline)}"
        plain_text = f"{count} waiting for your decision: {reply.headline}"
        slack_on = self._slack is not None or self.runtime.settings.slack is not None
        for person in people.values():
            for user_id in person.ids.get("slack", ()) if slack_on else ():
                try:
                    await self.slack().say(user_id, text)
                except Exception as error:
                    log.error("could not notify a person in Slack: %s", error.__class__.__name__)
            for aad_id in person.ids.get("teams", ()):
                await self._tell_in_teams(aad_id, plain_text)

    async def _tell_in_teams(self, aad_id: str, text: str) -> None:
        """A direct message in the person's personal chat with arbot, when they have one."""
        import asyncio

        from bot.teams.app import personal_key, post_proactively

        found = await asyncio.to_thread(
            self.runtime.store.conversation, "teams", personal_key(aad_id)
        )
        if found is None or not found.get("kind"):
            return  # they never wrote to arbot in Teams: the channel post reaches them
        try:
            await post_proactively(
                self.runtime, self.runtime.settings.teams, found["kind"], Reply(headline=text)
            )
        except Exception as error:
            log.error("could not notify a person in Teams: %s", error.__class__.__name__)


def _readable(target: str) -> str:
    surface, _, where = target.partition(":")
    if surface == "slack":
        return f"<#{where}>" if where.isalnum() else "Slack"
    return "Teams"
