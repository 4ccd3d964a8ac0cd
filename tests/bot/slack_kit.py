"""The real ASGI app on a loopback port, wired to a stand-in Slack, and signed requests to it."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

import httpx
import uvicorn

from bot.config import Settings, SlackSettings, TeamsSettings
from bot.runtime import Runtime
from bot.server import create_app
from integrations.erp.local import LocalLedger
from integrations.erp.local.demo import build_demo
from tests.conftest import FIXTURES, TODAY
from tests.fakes.bot_connector import FakeConnector, fake_connector
from tests.fakes.slack_api import FakeSlack, fake_slack

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
SLACK = FIXTURES / "slack"
POLICY = """
mode = "assist"

[[people]]
name = "Dana Kim"
roles = ["ar_specialist"]
slack = ["U0DANA"]
teams = ["0d5a9c1e-0000-4000-8000-00000000da7a"]

[[people]]
name = "Morgan Lee"
email = "morgan.lee@example.com"
roles = ["controller"]
teams = ["a437c99b-3703-4dd6-80c8-82c69f181061"]

[[people]]
name = "Casey Park"
roles = ["collector"]
slack = ["U0CASEY"]
teams = ["0c4a5e7d-0000-4000-8000-0000000ca5e7"]
"""


def sign(body: str, *, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256)
    return {
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
    }


def trigger_id() -> str:
    """A fresh trigger id, as Slack gives every command and interaction (never reused)."""
    return f"{int(time.time() * 1000)}.1761091294307.{uuid.uuid4().hex}"


def slash_body(text: str, *, user: str = "U0DANA", channel: str = "C0AR", response_url: str) -> str:
    """The captured slash-command form body, re-addressed to /ar."""
    fields = dict(parse_qsl((SLACK / "payload_slash_command.urlencoded").read_text().strip()))
    fields.update(
        command="/ar",
        text=text,
        user_id=user,
        channel_id=channel,
        response_url=response_url,
        team_id="T0TEAM",
        trigger_id=trigger_id(),
    )
    return urlencode(fields)


VERBS = ("approve", "reject", "edit", "retry")


def button_body(
    action_id: str,
    value: str,
    *,
    user: str,
    channel: str,
    ts: str,
    blocks: list[dict[str, Any]] | None = None,
) -> str:
    """The captured block_actions payload, as a click on one of our buttons: a decision verb
    becomes the card's own action id (``approve:APR-…``); ``blocks`` are the message's blocks as
    Slack sends them back with the click."""
    raw = dict(parse_qsl((SLACK / "payload_block_action_button.urlencoded").read_text().strip()))
    payload = json.loads(raw["payload"])
    payload["user"]["id"] = user
    payload["team"]["id"] = "T0TEAM"
    payload["trigger_id"] = trigger_id()
    payload["container"].update(channel_id=channel, message_ts=ts)
    payload["channel"]["id"] = channel
    payload["message"]["ts"] = ts
    if blocks is not None:
        payload["message"]["blocks"] = blocks
    action = payload["actions"][0]
    if action_id in VERBS:
        action.update(action_id=f"{action_id}:{value}", block_id=f"decide:{value}")
    else:
        action.update(action_id=action_id, block_id="reply_actions")
    action["value"] = value
    payload["actions"] = [action]
    return "payload=" + quote(json.dumps(payload))


def view_body(
    callback_id: str, values: dict[str, dict[str, Any]], private_metadata: str, *, user: str
) -> str:
    """The captured view_submission payload, carrying our modal's inputs."""
    text = (SLACK / "payload_view_submission.urlencoded").read_text().strip()
    from urllib.parse import unquote_plus

    payload = json.loads(unquote_plus(text).partition("=")[2])
    payload["user"]["id"] = user
    payload["team"]["id"] = "T0TEAM"
    payload["trigger_id"] = trigger_id()
    payload["view"].update(
        callback_id=callback_id, private_metadata=private_metadata, state={"values": values}
    )
    return "payload=" + quote(json.dumps(payload))


def event_body(event: dict[str, Any], event_id: str) -> str:
    envelope = json.loads((SLACK / "events" / "AppMentionPayload.json").read_text())
    envelope.update(
        type="event_callback",
        event_id=event_id,
        team_id="T0TEAM",
        api_app_id="A0ARBOT",
        token="unused",
        event_time=int(time.time()),
    )
    envelope["authorizations"] = [
        {
            "team_id": "T0TEAM",
            "user_id": "U0ARBOTBOT",
            "is_bot": True,
            "is_enterprise_install": False,
            "enterprise_id": None,
        }
    ]
    envelope["event"] = event
    return json.dumps(envelope)


@dataclass
class Harness:
    url: str
    slack: FakeSlack
    runtime: Runtime
    ledger: LocalLedger
    connector: FakeConnector

    def post(
        self,
        body: str,
        *,
        content_type: str,
        headers: dict[str, str] | None = None,
        signed: bool = True,
    ) -> httpx.Response:
        sent = {"Content-Type": content_type, **(sign(body) if signed else {}), **(headers or {})}
        return httpx.post(f"{self.url}/slack/events", content=body, headers=sent, timeout=10)

    def form(self, body: str, **kwargs: Any) -> httpx.Response:
        return self.post(body, content_type="application/x-www-form-urlencoded", **kwargs)

    def json(self, body: str, **kwargs: Any) -> httpx.Response:
        return self.post(body, content_type="application/json", **kwargs)

    @property
    def response_url(self) -> str:
        return f"{self.slack.url}/response/T0TEAM/1/secret"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def slack_server(
    home: Path,
    teams: TeamsSettings | None = None,
    *,
    policy_extra: str = "",
    bank_inbox: Path | None = None,
    watch_erp: bool = False,
) -> Iterator[Harness]:
    """The whole server (Slack and Teams) on the small demo company; ``bank_inbox`` is
    scanned every 0.2 s and takes files at once; the ERP's changes are not polled unless
    ``watch_erp`` (tests hand them over themselves)."""
    url = f"sqlite:///{home / 'arbot.db'}"
    ledger = LocalLedger.open(url)
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    policy = home / "arbot.toml"
    policy.write_text(POLICY + policy_extra)
    with fake_slack() as slack, fake_connector() as connector:
        slack.add_user("U0DANA", "dana.kim@example.com", "Dana Kim")
        slack.add_user("U0MORGAN", "morgan.lee@example.com", "Morgan Lee")
        slack.add_user("U0CASEY", "casey.park@example.com", "Casey Park")
        settings = Settings(
            home=home,
            database_url=url,
            erp="local",
            policy_path=policy,
            fixed_today=TODAY,
            slack=SlackSettings("xoxb-test-token", SECRET, None, f"{slack.url}/api/"),
            # The stand-in connector is Teams here: its upload sessions are Teams' hosts.
            teams=teams or TeamsSettings(None, file_hosts=(connector.url,)),
            bank_inbox=bank_inbox,
            bank_inbox_every=0.2,
            bank_inbox_settle=0.0,
        )
        runtime = Runtime.open(settings)
        runtime.watch_erp = watch_erp
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(runtime),
                host="127.0.0.1",
                port=port,
                log_level="warning",
                access_log=False,
            )
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.02)
        try:
            yield Harness(f"http://127.0.0.1:{port}", slack, runtime, ledger, connector)
        finally:
            server.should_exit = True
            thread.join(timeout=10)


TEAMS = FIXTURES / "teams"
MORGAN_AAD = "a437c99b-3703-4dd6-80c8-82c69f181061"
CASEY_AAD = "0c4a5e7d-0000-4000-8000-0000000ca5e7"
DANA_AAD = "0d5a9c1e-0000-4000-8000-00000000da7a"


def teams_message(
    text: str, *, service_url: str, user: str = MORGAN_AAD, channel: bool = False
) -> dict[str, Any]:
    """A captured Teams message activity (personal chat, or a channel @mention)."""
    name = "teams_ping_payload.json" if channel else "teams_direct_message.json"
    activity = json.loads((TEAMS / name).read_text())
    activity["serviceUrl"] = service_url
    activity["from"]["aadObjectId"] = user
    if channel:
        activity["text"] = f"<at>Opsdroid Dev</at> {text}"
    else:
        activity["text"] = text
    return activity


def teams_invoke(
    data: dict[str, Any], *, service_url: str, reply_to: str, user: str = MORGAN_AAD
) -> dict[str, Any]:
    """A click on an Action.Execute button, as Teams sends it: an adaptiveCard/action invoke."""
    activity = teams_message("", service_url=service_url, user=user)
    activity.pop("text")
    activity.update(
        type="invoke",
        name="adaptiveCard/action",
        replyToId=reply_to,
        value={
            "action": {"type": "Action.Execute", "verb": data["action"], "data": data},
            "trigger": "manual",
        },
    )
    return activity
