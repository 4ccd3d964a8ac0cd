"""Running arbot for a team: replicas that start together on an empty PostgreSQL, one leader
among them, readiness and metrics, JSON logs, and a stop (SIGTERM) that finishes the answers
in progress."""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from integrations.erp.local import LocalLedger
from integrations.erp.local.demo import build_demo
from tests.bot.serve_kit import serve_env, served
from tests.bot.slack_kit import POLICY, SECRET, sign, slash_body
from tests.conftest import POSTGRES_URL, TODAY, _postgres_database
from tests.fakes.slack_api import fake_slack


@pytest.mark.skipif(not POSTGRES_URL, reason="ARBOT_TEST_POSTGRES_URL is not set")
def test_four_servers_started_together_on_an_empty_postgresql_all_come_up(
    tmp_path: Path,
) -> None:
    with contextmanager(_postgres_database)() as url:
        env = serve_env(tmp_path, url)
        with served(env, 4) as replicas:
            answers = [replica.wait_ready() for replica in replicas]
            assert all(a["status"] == "ready" for a in answers)
            # Exactly one leads the background work (it took the lease as it started).
            assert sum(a["leader"] for a in answers) == 1
            leader = next(r for r, a in zip(replicas, answers, strict=True) if a["leader"])
            assert leader.terminate()
            # The leader gave the lease up as it stopped: another replica takes over.
            others = [r for r in replicas if r is not leader]
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                leading = [httpx.get(f"{r.url}/readyz", timeout=5).json()["leader"] for r in others]
                if any(leading):
                    break
                time.sleep(0.5)
            assert sum(leading) == 1
            for replica in others:
                assert replica.terminate()


def test_readiness_metrics_and_json_logs(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    env = serve_env(tmp_path, url)
    with served(env, 1) as (server,):
        ready = server.wait_ready()
        assert ready == {"status": "ready", "database": "ok", "leader": True}
        assert httpx.get(f"{server.url}/healthz", timeout=5).json()["status"] == "ok"
        httpx.get(f"{server.url}/no-such-page", timeout=5)
        page = httpx.get(f"{server.url}/metrics", timeout=5)
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/plain")
        metrics = page.text
        assert 'arbot_http_requests_total{method="GET",route="/readyz",status="200"}' in metrics
        assert 'route="other",status="404"' in metrics  # unknown paths never become labels
        assert 'arbot_approvals{state="pending"} 0.0' in metrics
        assert 'arbot_cashapp_runs{state="finished"} 0.0' in metrics
        assert server.terminate()
        logs = server.output().splitlines()
    records = [json.loads(line) for line in logs if line.startswith("{")]
    assert records, logs
    assert all({"ts", "level", "event", "logger"} <= set(r) for r in records)
    access = [r for r in records if r["logger"] == "uvicorn.access"]
    assert any("/readyz" in r["event"] for r in access)  # the access log is on
    assert not [line for line in logs if line.strip() and not line.startswith("{")]


def test_readiness_is_refused_while_migrations_are_behind(tmp_path: Path) -> None:
    from sqlalchemy import text

    from integrations.db import make_engine

    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    with served(serve_env(tmp_path, url), 1) as (server,):
        server.wait_ready()
        engine = make_engine(url)
        with engine.begin() as conn:  # as if a newer release's revision had not run yet
            conn.execute(text("UPDATE ledger_alembic_version SET version_num = 'older'"))
        engine.dispose()
        answer = httpx.get(f"{server.url}/readyz", timeout=5)
        assert answer.status_code == 503
        assert answer.json()["migrations_behind"] == ["ledger"]
        assert httpx.get(f"{server.url}/healthz", timeout=5).status_code == 200


def test_a_stop_finishes_the_slack_answers_in_progress(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    ledger = LocalLedger.open(url)
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    ledger.close()
    policy = tmp_path / "arbot.toml"
    policy.write_text(POLICY)
    with fake_slack() as slack:
        slack.add_user("U0DANA", "dana.kim@example.com", "Dana Kim")
        # Slack throttles the answer: it is still in progress when the stop comes.
        slack.fail("chat.postMessage", "ratelimited", 3)
        env = serve_env(
            tmp_path,
            url,
            ARBOT_POLICY=str(policy),
            SLACK_BOT_TOKEN="xoxb-test-token",
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_URL=f"{slack.url}/api/",
        )
        with served(env, 1) as (server,):
            server.wait_ready()
            body = slash_body("what does globex owe?", response_url=f"{slack.url}/response/1")
            headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body)}
            ack = httpx.post(f"{server.url}/slack/events", content=body, headers=headers)
            assert ack.status_code == 200
            slack.wait_for("chat.postMessage", timeout=60)  # the throttled first try
            assert server.terminate()
            output = server.output()
        posted = slack.called("chat.postMessage")
        assert len(posted) == 2, output
        assert posted[-1].args["channel"] == "C0AR"
        assert "Globex" in json.dumps(posted[-1].args["blocks"])
        assert "finishing 1 answer(s) in progress" in output
