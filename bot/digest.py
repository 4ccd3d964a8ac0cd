"""Posting the daily digest: to a Slack channel, a Teams conversation, or the terminal — on
demand (``arbot digest --post``) or on business days at a set time: by the replica that leads,
once per target and day, covering everything since that target's last digest (Monday's covers
the weekend), and retried every few minutes until the post goes through."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.config import ConfigError
from bot.runtime import Runtime
from graph.digest import build_digest
from graph.messages import Reply

if TYPE_CHECKING:
    import asyncio

    from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

Poster = Callable[[str, Reply], Awaitable[None]]
SURFACES = ("slack", "teams")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RETRY_AFTER = timedelta(minutes=5)
# Before claims were per target, one row per day claimed the digest of every target, and it was
# posted as it was claimed (done or not). Such a row still counts on the day of an upgrade.
LEGACY_JOB = "daily-digest"
LONGEST_PERIOD = timedelta(days=31)  # after a long outage a digest covers a month at most


def parse_target(target: str) -> tuple[str, str]:
    """``slack:C0123`` → ("slack", "C0123"); ``teams:19:abc@thread.tacv2`` → ("teams", "19:…")."""
    surface, _, where = target.partition(":")
    if surface not in SURFACES or not where:
        raise ConfigError(
            f"{target!r} is not a digest target (slack:CHANNEL or teams:CONVERSATION)"
        )
    return surface, where


def parse_days(text: str) -> frozenset[int]:
    """``mon-fri`` or ``mon,wed,fri`` (or a mix) → weekday numbers (Monday 0)."""
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        first, _, last = part.partition("-")
        if first not in WEEKDAYS or (last and last not in WEEKDAYS):
            raise ConfigError(
                f"ARBOT_DIGEST_DAYS={text!r} is not a list of days (e.g. mon-fri or mon,wed,fri)"
            )
        start, end = WEEKDAYS.index(first), WEEKDAYS.index(last or first)
        days.update(range(start, end + 1) if start <= end else [*range(start, 7), *range(end + 1)])
    return frozenset(days)


@dataclass(frozen=True)
class DigestSchedule:
    at: time
    zone: ZoneInfo
    targets: tuple[str, ...]
    days: frozenset[int] = frozenset(range(5))  # Monday to Friday

    @classmethod
    def from_env(cls) -> DigestSchedule | None:
        """``ARBOT_DIGEST_TO`` (comma-separated targets; unset = no schedule),
        ``ARBOT_DIGEST_AT`` (HH:MM, default 08:00), ``ARBOT_DIGEST_TZ`` (default ``ARBOT_TZ``,
        else UTC), ``ARBOT_DIGEST_DAYS`` (default mon-fri)."""
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
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"ARBOT_DIGEST_TZ={zone_name!r} is not a time zone") from None
        days = parse_days(os.environ.get("ARBOT_DIGEST_DAYS") or "mon-fri")
        return cls(at, zone, targets, days)

    def due(self, now: datetime) -> bool:
        """Whether ``now`` (in the schedule's zone) is a digest day at or past the time."""
        return now.weekday() in self.days and now.time() >= self.at


def build(runtime: Runtime, since: date | None = None, *, chart: bool = True) -> Reply:
    """The digest for today, its cash since ``since`` (default: yesterday); ``chart=False``
    leaves the chart out (JSON does not carry it)."""
    return build_digest(
        runtime.erp,
        runtime.store,
        runtime.settings.today(),
        deduction_tolerance=runtime.policy.deduction_tolerance,
        since=since,
        chart=chart,
    )


def covered_since(last: date | None, today: date) -> date:
    """The first day of cash a digest covers: the day of the target's last digest (whose own
    cash was that of the day before), else yesterday; a month at most."""
    yesterday = today - timedelta(days=1)
    if last is None or last >= today:
        return yesterday
    return max(last, today - LONGEST_PERIOD)


def job_name(target: str) -> str:
    """The once-a-day job of one target (its own claim, retry and period); a target too long
    for the job column (a Teams personal chat's id) is named by its hash."""
    name = f"{LEGACY_JOB}:{target}"
    return name if len(name) <= 100 else f"{LEGACY_JOB}:{hashlib.sha256(name.encode()).hexdigest()}"


class DigestJob:
    """One target's daily claim (``DailyJob``), which also honours a day claimed in the form
    written before claims were per target: that day's digest went to every target, so the day of
    an upgrade does not post twice, and the next digest covers the cash since then."""

    def __init__(self, engine: Engine, target: str, retry_after: timedelta = RETRY_AFTER) -> None:
        from integrations.store.coordination import DailyJob

        self.engine = engine
        self.daily = DailyJob(engine, job_name(target), retry_after)

    def _legacy_last(self, before: date, *, inclusive: bool) -> date | None:
        from sqlalchemy import func, select

        from integrations.store.schema import job_runs

        runs = job_runs.c
        until = runs.run_on <= before if inclusive else runs.run_on < before
        with self.engine.connect() as conn:
            return conn.scalar(select(func.max(runs.run_on)).where(runs.job == LEGACY_JOB, until))

    def claim(self, day: date, runner: str, now: datetime | None = None) -> bool:
        if self._legacy_last(day, inclusive=True) == day:
            return False
        return self.daily.claim(day, runner, now)

    def done(self, day: date, now: datetime | None = None) -> None:
        self.daily.done(day, now)

    def failed(self, day: date, now: datetime | None = None) -> None:
        self.daily.failed(day, now)

    def last_done(self, before: date) -> date | None:
        days = (self.daily.last_done(before), self._legacy_last(before, inclusive=False))
        return max((d for d in days if d is not None), default=None)


def digest_jobs(
    engine: Engine, targets: tuple[str, ...], retry_after: timedelta = RETRY_AFTER
) -> dict[str, DigestJob]:
    return {target: DigestJob(engine, target, retry_after) for target in targets}


async def run_schedule(
    runtime: Runtime,
    schedule: DigestSchedule,
    post: Poster,
    stop: asyncio.Event,
    *,
    every_seconds: float = 30.0,
    retry_after: timedelta = RETRY_AFTER,
    clock: Callable[[ZoneInfo], datetime] = datetime.now,
) -> None:
    """Post the digest on each business day at the set time, while this replica leads. Each
    target's day is claimed in the database first (exactly one replica posts it) and marked
    done only once posted; a failed post is claimed again after ``retry_after``."""
    import asyncio  # here: building a digest (arbot digest) needs no event loop

    jobs = digest_jobs(runtime.store.engine, schedule.targets, retry_after)
    while not stop.is_set():
        now = clock(schedule.zone)
        if schedule.due(now) and runtime.leader.leading():
            await post_due(runtime, jobs, now.date(), post)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every_seconds)


async def post_due(runtime: Runtime, jobs: dict[str, DigestJob], day: date, post: Poster) -> None:
    """Each target's digest for ``day`` that no replica has posted or is posting."""
    import asyncio

    built: dict[date, Reply] = {}
    runner = runtime.leader.name
    for target, job in jobs.items():
        if not await asyncio.to_thread(job.claim, day, runner):
            continue
        try:
            last = await asyncio.to_thread(job.last_done, day)
            since = covered_since(last, runtime.settings.today())
            if since not in built:
                built[since] = await asyncio.to_thread(build, runtime, since)
            await post(target, built[since])
        except Exception as error:  # retried after a while; other targets go on
            log.error(
                "the digest could not be posted to %s (trying again in a few minutes): %s",
                target.split(":")[0],
                error.__class__.__name__,
            )
            await asyncio.to_thread(job.failed, day)
        else:
            await asyncio.to_thread(job.done, day)
