"""Every inbound route, fed what an attacker or a broken client sends: a clear 4xx or a polite
refusal, never a 500, never a write, never a hang."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, unquote, urlencode

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bot.slack_kit import (
    Harness,
    button_body,
    sign,
    slack_server,
    slash_body,
    teams_invoke,
    teams_message,
)
from tests.fakes.adaptive_cards import validate_invoke_response

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    with slack_server(tmp_path_factory.mktemp("hostile")) as harness:
        harness.slack.refusals_expected = True
        yield harness


def writes(server: Harness) -> int:
    return len(server.runtime.store.list())


def post_slack(server: Harness, body: bytes | str, content_type: str, **headers: str) -> int:
    return httpx.post(
        f"{server.url}/slack/events",
        content=body,
        headers={"Content-Type": content_type, **headers},
        timeout=10,
    ).status_code


@FUZZ
@given(
    body=st.binary(max_size=2000),
    content_type=st.sampled_from(
        ["application/x-www-form-urlencoded", "application/json", "text/plain"]
    ),
)
def test_unsigned_slack_bodies_are_refused_before_they_are_read(
    server: Harness, body: bytes, content_type: str
) -> None:
    assert post_slack(server, body, content_type) == 401


@FUZZ
@given(payload=st.text(max_size=300) | JSONISH.map(json.dumps))
def test_signed_malformed_interactions_never_fail_the_server(server: Harness, payload: str) -> None:
    before = writes(server)
    body = "payload=" + quote(payload)
    status = post_slack(server, body, "application/x-www-form-urlencoded", **sign(body))
    assert status in (200, 400, 401, 404), status
    assert writes(server) == before


@FUZZ
@given(action=JSONISH, value=JSONISH)
def test_type_confused_button_clicks_are_answered_politely(
    server: Harness, action: Any, value: Any
) -> None:
    body = button_body("approve", "APR-NOTHING", user="U0MORGAN", channel="C0AR", ts="1.2")
    parsed = json.loads(unquote(body.partition("=")[2]))
    parsed["actions"][0]["value"] = value
    parsed["actions"][0]["action_id"] = action if isinstance(action, str) else "approve:X"
    raw = "payload=" + quote(json.dumps(parsed))
    status = post_slack(server, raw, "application/x-www-form-urlencoded", **sign(raw))
    assert status in (200, 400, 404), status


def test_oversized_stale_replayed_and_foreign_slack_requests(server: Harness) -> None:
    huge = "text=" + "x" * (2 * 1024 * 1024)
    assert post_slack(server, huge, "application/x-www-form-urlencoded", **sign(huge)) == 413
    body = slash_body("help", response_url=server.response_url)
    stale = sign(body, timestamp=int(time.time()) - 3600)
    assert post_slack(server, body, "application/x-www-form-urlencoded", **stale) == 401

    before = len(server.slack.called("chat.postMessage"))
    assert post_slack(server, body, "application/x-www-form-urlencoded", **sign(body)) == 200
    server.slack.wait_for("chat.postMessage", before + 1)
    # The same signed request again within its five minutes: acknowledged, not answered.
    assert post_slack(server, body, "application/x-www-form-urlencoded", **sign(body)) == 200
    foreign = body.replace("team_id=T0TEAM", "team_id=T0OTHER")
    assert post_slack(server, foreign, "application/x-www-form-urlencoded", **sign(foreign)) == 401
    # Another command, answered after both: the replay was not.
    fresh = slash_body("help", response_url=server.response_url)
    post_slack(server, fresh, "application/x-www-form-urlencoded", **sign(fresh))
    answered = server.slack.wait_for("chat.postMessage", before + 2)
    assert len(answered) == before + 2


def post_teams(server: Harness, body: Any, **headers: str) -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.post(
        f"{server.url}/api/messages",
        content=content,
        headers={"Content-Type": "application/json", **headers},
        timeout=10,
    )


@FUZZ
@given(body=st.binary(max_size=500) | JSONISH.map(lambda v: json.dumps(v).encode()))
def test_teams_bodies_that_are_not_activities_are_refused(server: Harness, body: bytes) -> None:
    assert post_teams(server, body).status_code < 500


@pytest.mark.parametrize(
    "data",
    [
        {"action": "edit", "approval_id": "APR-X", "amount-APR-X": "NaN"},
        {"action": "edit", "approval_id": "APR-X", "amount-APR-X": "0.001"},
        {"action": "edit", "approval_id": "APR-X", "amount-APR-X": "1" * 5000},
        {"action": "show_more", "q": "collections", "page": "x"},
        {"action": "show_more", "q": "collections", "page": 10**12},
        {"action": "approve_all", "ids": "APR-X"},
        {"action": "reject", "approval_id": ["APR-X"], "reason": {"a": 1}},
        {"action": 7},
    ],
)
def test_teams_clicks_with_bad_values_are_refused_politely(
    server: Harness, data: dict[str, Any]
) -> None:
    before = writes(server)
    answer = post_teams(
        server,
        teams_invoke(data, service_url=server.connector.url, reply_to="1"),  # type: ignore[arg-type]
    )
    assert answer.status_code in (200, 400)
    if answer.status_code == 200:  # a polite answer, as a card or a message Teams accepts
        assert validate_invoke_response(answer.json()) == []
    assert writes(server) == before


def test_the_local_teams_emulator_ignores_forwarded_addresses(server: Harness) -> None:
    activity = teams_message("help", service_url=server.connector.url)
    answer = post_teams(server, activity, **{"X-Forwarded-For": "127.0.0.1"})
    assert answer.status_code == 401
    assert post_teams(server, b"x" * (2 * 1024 * 1024)).status_code == 413


def test_unknown_routes_and_methods_are_4xx(server: Harness) -> None:
    assert httpx.get(f"{server.url}/slack/events").status_code == 405
    assert httpx.post(f"{server.url}/nothing", content=urlencode({"a": "b"})).status_code == 404
