"""Posting the daily digest: to a Slack channel, a Teams conversation, or the terminal — on
demand (``arbot digest --post``) or every day at a set time, once even with several replicas."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.config import ConfigError
from bot.runtime import Runtime
from graph.digest import build_digest
from graph.messages import Reply

log = logging.getLogger(__name__)

Poster = Callable[[str, Reply], Awaitable[None]]
SURFACES = ("slack", "teams")


def parse_target(target: str) -> tuple[str, str]:
    """``slack:C0123`` → ("slack", "C0123"); ``teams:19:abc@thread.tacv2`` → ("teams", "19:…")."""
    surface, _, where = target.partition(":")
    if surface not in SURFACES or not where:
        raise ConfigError(
            f"{target!r} is not a digest target (slack:CHANNEL or teams:CONVERSATION)"
        )
    return surface, where


@dataclass(frozen=True)
class DigestSchedule:
    at: time
    zone: ZoneInfo
    targets: tuple[str, ...]

    @classmethod
    def from_env(cls) -> DigestSchedule | None:
        """``ARBOT_DIGEST_TO`` (comma-separated targets; unset = no schedule),
        ``ARBOT_DIGEST_AT`` (HH:MM, default 08:00), ``ARBOT_DIGEST_TZ`` (default ``ARBOT_TZ``,
        else UTC)."""
        raw = os.environ.get("ARBOT_DIGEST_TO") or ""
        targets = tuple(t.strip() for t in raw.split(",") if t.strip())
        if not targets:
            return None
        for target in targets:
            parse_target(target)
        at_text = os.environ.get("ARBOT_DIGEST_AT") or "08:00"
        try:
            at = time.fromisoformat(at_text)
        except ValueError:
            raise ConfigError(f"ARBOT_DIGEST_AT={at_text!r} is not a time (HH:MM)") from None
        zone_name = os.environ.get("ARBOT_DIGEST_TZ") or os.environ.get("ARBOT_TZ") or "UTC"
        try:
            zone = ZoneInfo(zone_name)
        except ZoneInfoNotFoundError:
            raise ConfigError(f"ARBOT_DIGEST_TZ={zone_name!r} is not a time zone") from None
        return cls(at, zone, targets)


def build(runtime: Runtime) -> Reply:
    return build_digest(
        runtime.erp,
        runtime.store,
        runtime.settings.today(),
        deduction_tolerance=runtime.policy.deduction_tolerance,
    )


async def run_schedule(
    runtime: Runtime,
    schedule: DigestSchedule,
    post: Poster,
    stop: asyncio.Event,
    *,
    every_seconds: float = 30.0,
) -> None:
    """Post the digest once a day at the set time. Each day is claimed in the database first,
    so with several replicas exactly one posts it."""
    runner = f"{socket.gethostname()}:{os.getpid()}"
    while not stop.is_set():
        now = datetime.now(schedule.zone)
        if now.time() >= schedule.at:
            claimed = await asyncio.to_thread(
                runtime.store.claim_job, "daily-digest", now.date(), runner
            )
            if claimed:
                await post_everywhere(runtime, schedule.targets, post)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every_seconds)


async def post_everywhere(runtime: Runtime, targets: tuple[str, ...], post: Poster) -> None:
    reply = await asyncio.to_thread(build, runtime)
    for target in targets:
        try:
            await post(target, reply)
        except Exception as error:  # one failing target must not stop the others
            log.error(
                "the digest could not be posted to %s: %s",
                target.split(":")[0],
                error.__class__.__name__,
            )
