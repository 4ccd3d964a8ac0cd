"""The business day is the date in ARBOT_TZ: late evening in New York is already tomorrow in
Auckland; ARBOT_TODAY still fixes it; a zone that does not exist is a clear refusal."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.config import ConfigError, Settings
from integrations.store.clock import ClockError, business_today, business_zone
from tests.conftest import Cli

MOMENT = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "day"),
    [
        ("", date(2026, 12, 1)),
        ("UTC", date(2026, 12, 1)),
        ("Pacific/Auckland", date(2026, 12, 2)),
        ("America/New_York", date(2026, 12, 1)),
        ("Asia/Kolkata", date(2026, 12, 2)),
    ],
)
def test_today_is_the_date_in_the_business_zone(zone: str, day: date) -> None:
    assert business_today(business_zone(zone), now=MOMENT) == day


def test_settings_read_the_zone_and_a_fixed_day_still_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARBOT_TZ", "Pacific/Kiritimati")  # UTC+14: never behind UTC's date
    monkeypatch.delenv("ARBOT_TODAY", raising=False)
    settings = Settings.from_env("sqlite://")
    assert settings.today() >= datetime.now(UTC).date()
    monkeypatch.setenv("ARBOT_TODAY", "2026-11-21")
    assert Settings.from_env("sqlite://").today() == date(2026, 11, 21)


@pytest.mark.parametrize("name", ["Mars/Olympus_Mons", "../../etc/passwd", "Europe/"])
def test_an_unknown_zone_is_refused_by_name(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ClockError, match="is not a time zone"):
        business_zone(name)
    monkeypatch.setenv("ARBOT_TZ", name)
    with pytest.raises(ConfigError, match="ARBOT_TZ="):
        Settings.from_env("sqlite://")


def test_the_command_line_refuses_an_unknown_zone_in_one_line(arbot: Cli) -> None:
    result = arbot("ask", "total AR", ARBOT_TZ="Nowhere/Atlantis")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "arbot: ARBOT_TZ='Nowhere/Atlantis' is not a time zone (an IANA name such as Europe/Berlin)"
    )
