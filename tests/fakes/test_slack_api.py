"""The Slack stand-in answers Block Kit it must refuse the way Slack does, through slack_sdk."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.fakes.slack_api import FakeSlack, fake_slack

APPROVE = {"type": "button", "text": {"type": "plain_text", "text": "Approve"}}
TWO_APPROVES = [
    {
        "type": "actions",
        "elements": [{**APPROVE, "action_id": "approve"}, {**APPROVE, "action_id": "approve"}],
    }
]
GOOD = [{"type": "section", "text": {"type": "mrkdwn", "text": "*INV-10432* is 30 days late"}}]
MODAL_TITLE = {"type": "plain_text", "text": "Reject"}


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with fake_slack() as fake:
        fake.refusals_expected = True  # these tests send refused payloads on purpose
        yield fake


def client(fake: FakeSlack) -> WebClient:
    return WebClient(token="xoxb-test", base_url=f"{fake.url}/api/")


def refused(call: Any) -> dict[str, Any]:
    with pytest.raises(SlackApiError) as raised:
        call()
    return raised.value.response.data


@pytest.mark.parametrize(
    "method, args",
    [
        ("chat_postMessage", {"channel": "C0AR"}),
        ("chat_update", {"channel": "C0AR", "ts": "1700000001.000000"}),
        ("chat_postEphemeral", {"channel": "C0AR", "user": "U0DANA"}),
        ("chat_scheduleMessage", {"channel": "C0AR", "post_at": 1_900_000_000}),
    ],
)
def test_message_methods_refuse_invalid_blocks_like_slack(
    slack: FakeSlack, method: str, args: dict[str, Any]
) -> None:
    send = getattr(client(slack), method)
    problem = "duplicate action_id: approve [json-pointer:/blocks/0/elements/1/action_id]"
    assert refused(lambda: send(text="Approve?", blocks=TWO_APPROVES, **args)) == {
        "ok": False,
        "error": "invalid_blocks",
        "errors": [problem],
        "response_metadata": {"messages": [f"[ERROR] {problem}"]},
    }
    assert send(text="Overdue", blocks=GOOD, **args)["ok"] is True
    assert [r.error for r in slack.refusals] == ["invalid_blocks"]


def test_blocks_in_attachments_are_refused_as_invalid_attachments(slack: FakeSlack) -> None:
    attachments = [{"blocks": [{"type": "image", "image_url": "https://x.test/a.png"}]}]
    answer = refused(
        lambda: client(slack).chat_postMessage(channel="C0AR", text="x", attachments=attachments)
    )
    assert answer["error"] == "invalid_attachments"
    assert answer["errors"] == [
        "missing required field: alt_text [json-pointer:/attachments/0/blocks/0]"
    ]


def test_message_text_over_40000_characters_is_refused(slack: FakeSlack) -> None:
    web = client(slack)
    assert web.chat_postMessage(channel="C0AR", text="x" * 40_000)["ok"] is True
    assert refused(lambda: web.chat_postMessage(channel="C0AR", text="x" * 40_001)) == {
        "ok": False,
        "error": "msg_too_long",
    }


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
def test_a_message_needs_text_or_blocks(slack: FakeSlack) -> None:
    assert refused(lambda: client(slack).chat_postMessage(channel="C0AR"))["error"] == "no_text"


def test_blocks_that_are_not_a_json_array_are_refused(slack: FakeSlack) -> None:
    answer = httpx.post(
        f"{slack.url}/api/chat.postMessage",
        data={"channel": "C0AR", "text": "x", "blocks": "[{not json"},
    ).json()
    assert answer["ok"] is False and answer["error"] == "invalid_blocks_format"


def test_form_encoded_blocks_are_checked_like_json_ones(slack: FakeSlack) -> None:
    url = f"{slack.url}/api/chat.postMessage"
    good = httpx.post(url, data={"channel": "C0AR", "text": "x", "blocks": json.dumps(GOOD)})
    bad = httpx.post(url, data={"channel": "C0AR", "text": "x", "blocks": json.dumps(TWO_APPROVES)})
    assert good.json()["ok"] is True
    assert bad.json()["error"] == "invalid_blocks"


def test_a_response_url_refuses_invalid_blocks_with_http_400(slack: FakeSlack) -> None:
    url = f"{slack.url}/response/T0TEAM/1/secret"
    refused_post = httpx.post(url, json={"text": "Approve?", "blocks": TWO_APPROVES})
    assert (refused_post.status_code, refused_post.text) == (400, "invalid_blocks")
    accepted = httpx.post(url, json={"text": "Overdue", "blocks": GOOD})
    assert accepted.status_code == 200
    assert [r.method for r in slack.refusals] == ["response_url"]


def test_views_refuse_invalid_views_with_invalid_arguments(slack: FakeSlack) -> None:
    web = client(slack)
    long_title = {"type": "modal", "title": {**MODAL_TITLE, "text": "t" * 25}, "blocks": GOOD}
    assert refused(lambda: web.views_open(trigger_id="1.2.abc", view=long_title)) == {
        "ok": False,
        "error": "invalid_arguments",
        "response_metadata": {
            "messages": ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"]
        },
    }
    view = {"type": "modal", "title": MODAL_TITLE, "blocks": GOOD}
    opened = web.views_open(trigger_id="1.2.abc", view=view)["view"]
    assert opened["blocks"] == GOOD
    assert web.views_update(view_id=opened["id"], view=view)["view"]["id"] == opened["id"]
    assert web.views_push(trigger_id="1.2.abd", view=view)["ok"] is True
    home = {"type": "home", "blocks": GOOD}
    assert refused(lambda: web.views_open(trigger_id="1.2.abe", view=home))["error"] == (
        "invalid_arguments"
    )
    assert web.views_update(external_id="home-U0DANA", view=home)["view"]["type"] == "home"


def test_views_open_needs_a_trigger(slack: FakeSlack) -> None:
    view = {"type": "modal", "title": MODAL_TITLE, "blocks": GOOD}
    answer = httpx.post(f"{slack.url}/api/views.open", json={"view": view}).json()
    assert answer["error"] == "invalid_arguments"
    assert answer["response_metadata"]["messages"] == [
        "[ERROR] missing required field: trigger_id or interactivity_pointer"
    ]


def test_views_publish_needs_a_user_and_records_the_home_tab(slack: FakeSlack) -> None:
    web = client(slack)
    home = {"type": "home", "blocks": GOOD}
    answer = httpx.post(f"{slack.url}/api/views.publish", json={"view": home}).json()
    assert answer["response_metadata"]["messages"] == ["[ERROR] missing required field: user_id"]
    assert slack.home_view("U0DANA") is None
    modal = {"type": "modal", "title": MODAL_TITLE, "blocks": GOOD}
    assert refused(lambda: web.views_publish(user_id="U0DANA", view=modal))["error"] == (
        "invalid_arguments"
    )
    assert web.views_publish(user_id="U0DANA", view=home)["view"]["type"] == "home"
    newer = {"type": "home", "blocks": [*GOOD, {"type": "divider"}]}
    web.views_publish(user_id="U0DANA", view=newer)
    shown = slack.home_view("U0DANA")
    assert shown is not None and shown["blocks"] == newer["blocks"]
    assert len(slack.published["U0DANA"]) == 2


def test_leaving_the_stand_in_fails_on_refusals_nobody_expected() -> None:
    with (
        pytest.raises(AssertionError, match="duplicate action_id: approve"),
        fake_slack() as fake,
        pytest.raises(SlackApiError),
    ):
        client(fake).chat_postMessage(channel="C0AR", text="x", blocks=TWO_APPROVES)


def test_leaving_the_stand_in_is_quiet_when_everything_was_accepted() -> None:
    with fake_slack() as fake:
        client(fake).chat_postMessage(channel="C0AR", text="x", blocks=GOOD)
    assert fake.refusals == []
