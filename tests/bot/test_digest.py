"""The daily digest: built from the ledger and the approval queue, posted to Slack or Teams,
once a day however many replicas run."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Iterator
from datetime import time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.config import TeamsSettings
from bot.digest import DigestSchedule, build, parse_target, run_schedule
from bot.teams.app import post_proactively
from graph.messages import Reply
from tests.bot.slack_kit import Harness, slack_server, teams_message
from tests.conftest import TODAY, Cli


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Harness]:
    with slack_server(tmp_path) as harness:
        yield harness


def test_the_digest_adds_up(server: Harness) -> None:
    reply = build(server.runtime)
    yesterday = TODAY - timedelta(days=1)
    received = server.ledger.payments(since=yesterday, until=yesterday)
    expected: dict[str, Decimal] = {}
    for payment in received:
        expected[payment.currency] = expected.get(payment.currency, Decimal(0)) + payment.amount
    assert reply.intent == "digest"
    assert reply.data["cash_received"] == expected
    assert reply.data["payments_received"] == len(received)
    usd = sum(r.total for r in server.ledger.aging(TODAY) if r.currency == "USD")
    assert sum(reply.data["aging"]["USD"].values()) == usd
    [chart] = reply.images
    assert chart.png.startswith(b"\x89PNG") and chart.alt.startswith("Open AR by days past due")


def test_posting_to_slack_uploads_the_chart(server: Harness) -> None:
    post = server_post(server)
    asyncio.run(post("slack:C0DIGEST", build(server.runtime)))
    [message] = server.slack.wait_for("chat.postMessage")
    assert message.args["channel"] == "C0DIGEST"
    assert message.args["text"].startswith(f"AR digest for {TODAY.isoformat()}")
    server.slack.wait_for("files.completeUploadExternal")
    [upload] = server.slack.called("upload")
    assert upload.args["bytes"] > 1000
    [complete] = server.slack.called("files.completeUploadExternal")
    assert complete.args["channel_id"] == "C0DIGEST"


def test_posting_to_teams_inlines_the_chart(server: Harness) -> None:
    activity = teams_message("help", service_url=server.connector.url)
    import httpx

    httpx.post(f"{server.url}/api/messages", json=activity, timeout=10)
    server.connector.wait_for("send")
    conversation = activity["conversation"]["id"]
    asyncio.run(
        post_proactively(server.runtime, TeamsSettings(None), conversation, build(server.runtime))
    )
    card = server.connector.wait_for("send", 2)[-1].card
    assert card is not None
    [image] = [b for b in card["body"] if b["type"] == "Image"]
    assert base64.b64decode(image["url"].split(",", 1)[1]).startswith(b"\x89PNG")


def test_two_replicas_post_the_digest_once_a_day(server: Harness) -> None:
    posted: list[str] = []

    async def post(target: str, reply: Reply) -> None:
        posted.append(target)

    schedule = DigestSchedule(
        at=time(0, 0),
        zone=ZoneInfo("UTC"),
        targets=("slack:C1", "teams:19:abc"),
        days=frozenset(range(7)),
    )

    async def replicas() -> None:
        stop = asyncio.Event()
        tasks = [
            asyncio.create_task(
                run_schedule(server.runtime, schedule, post, stop, every_seconds=0.05)
            )
            for _ in range(2)
        ]
        await asyncio.sleep(1.0)
        stop.set()
        await asyncio.gather(*tasks)

    asyncio.run(replicas())
    assert sorted(posted) == ["slack:C1", "teams:19:abc"]  # each target once


def test_a_failed_post_is_retried_until_it_goes_through(server: Harness) -> None:
    attempts: list[str] = []

    async def post(target: str, reply: Reply) -> None:
        attempts.append(target)
        if len(attempts) <= 2:
            raise ConnectionError("Slack is down")

    schedule = DigestSchedule(
        at=time(0, 0), zone=ZoneInfo("UTC"), targets=("slack:C1",), days=frozenset(range(7))
    )

    async def run() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(
            run_schedule(
                server.runtime,
                schedule,
                post,
                stop,
                every_seconds=0.05,
                retry_after=timedelta(seconds=0.2),
            )
        )
        while len(attempts) < 3:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)  # more passes: nothing is posted again once it went through
        stop.set()
        await task

    asyncio.run(run())
    assert attempts == ["slack:C1"] * 3


def test_a_day_claimed_before_claims_were_per_target_is_not_posted_again(
    server: Harness,
) -> None:
    """The day of an upgrade: the version before claimed one row for every target and posted;
    the new per-target claims must see it, and the next day's digest covers the cash since."""
    from sqlalchemy import select

    from bot.digest import DigestJob, digest_jobs, post_due
    from integrations.store.schema import job_runs

    upgrade_day = TODAY
    assert server.runtime.store.claim_job("daily-digest", upgrade_day, "old-replica")
    posted: list[tuple[str, str]] = []

    async def post(target: str, reply: Reply) -> None:
        posted.append((target, reply.headline))

    long_target = "teams:a:" + "1Xq9" * 40  # a Teams personal chat id is longer than a job name
    targets = ("slack:C1", long_target)
    jobs = digest_jobs(server.runtime.store.engine, targets)  # as run_schedule makes them
    asyncio.run(post_due(server.runtime, jobs, upgrade_day, post))
    assert posted == []  # already posted by the old version that day
    next_day = upgrade_day + timedelta(days=1)
    asyncio.run(post_due(server.runtime, jobs, next_day, post))
    assert sorted(target for target, _ in posted) == sorted(targets)
    job = DigestJob(server.runtime.store.engine, "slack:C1")
    assert job.last_done(next_day + timedelta(days=1)) == next_day
    assert job.last_done(next_day) == upgrade_day  # the old form's day counts as done
    with server.runtime.store.engine.connect() as conn:
        names = conn.scalars(select(job_runs.c.job)).all()
    assert all(len(name) <= 100 for name in names)  # fits the column on PostgreSQL


def test_business_days_and_mondays_cover_the_weekend(server: Harness) -> None:
    from datetime import date, datetime

    from bot.digest import covered_since, parse_days

    schedule = DigestSchedule(at=time(8, 0), zone=ZoneInfo("UTC"), targets=("slack:C1",))
    saturday = datetime(2026, 11, 21, 9, 0, tzinfo=ZoneInfo("UTC"))
    assert not schedule.due(saturday)
    assert schedule.due(saturday + timedelta(days=2))  # Monday 09:00
    assert not schedule.due(saturday + timedelta(days=2, hours=-2))  # Monday 07:00
    assert parse_days("mon-fri") == frozenset(range(5))
    assert parse_days("fri-mon") == frozenset({4, 5, 6, 0})
    monday, friday = date(2026, 11, 23), date(2026, 11, 20)
    assert covered_since(friday, monday) == friday  # Friday's cash was Thursday's
    assert covered_since(None, monday) == monday - timedelta(days=1)
    reply = build(server.runtime, since=TODAY - timedelta(days=3))
    received = server.ledger.payments(since=TODAY - timedelta(days=3), until=TODAY - timedelta(1))
    assert reply.data["payments_received"] == len(received)
    assert "since" in reply.headline and "yesterday" not in reply.headline


def test_targets_are_checked() -> None:
    assert parse_target("teams:19:abc@thread.tacv2") == ("teams", "19:abc@thread.tacv2")
    from bot.config import ConfigError

    with pytest.raises(ConfigError, match="is not a digest target"):
        parse_target("email:ar@example.com")


def test_digest_command(arbot: Cli) -> None:
    assert arbot("demo", "--no-chat").exit_code == 0
    shown = arbot("digest")
    assert shown.exit_code == 0
    assert "AR digest for 2026-11-21" in shown.stdout
    chart = arbot.home / "digests" / "ar-digest-2026-11-21.png"
    assert chart.read_bytes().startswith(b"\x89PNG")
    data = json.loads(arbot("digest", "--json").stdout)
    assert data["intent"] == "digest"
    missing = arbot("digest", "--post", "slack:C1")
    assert missing.exit_code == 1
    assert "SLACK_BOT_TOKEN is not set" in missing.stderr


def server_post(server: Harness):
    from bot.server import create_app

    return create_app(server.runtime).state.post
