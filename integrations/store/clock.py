"""The clocks: the store's aware UTC datetimes, and the business day — the date in the team's
time zone (``ARBOT_TZ``, an IANA name such as ``Europe/Berlin``; default UTC) that "today",
aging and schedules count from. ``ARBOT_TODAY`` fixes it for tests, demos and backfills."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache

TZ_ENV = "ARBOT_TZ"


class ClockError(ValueError):
    """``ARBOT_TZ`` names no time zone."""


def now_utc() -> datetime:
    return datetime.now(UTC)


@lru_cache(maxsize=16)
def _zone(name: str) -> tzinfo:
    if not name or name.upper() == "UTC":
        return UTC
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ClockError(
            f"{TZ_ENV}={name!r} is not a time zone (an IANA name such as Europe/Berlin)"
        ) from None


def business_zone(name: str | None = None) -> tzinfo:
    """The business time zone: ``name``, else ``ARBOT_TZ``, else UTC."""
    return _zone((name if name is not None else os.environ.get(TZ_ENV) or "").strip())


def business_today(zone: tzinfo | None = None, *, now: datetime | None = None) -> date:
    """Today in the business time zone (``now``: an aware moment, for tests)."""
    moment = now if now is not None else now_utc()
    return moment.astimezone(zone if zone is not None else business_zone()).date()
