"""The Slack app manifest asks for exactly the scopes the code needs: the Web API methods arbot
calls and the events it listens to are read out of ``bot/`` (the source, not a list kept by
hand), resolved through slack_sdk to Slack's method names, and must be exactly the methods and
events whose scopes the manifest's tables derive."""

from __future__ import annotations

import ast
import inspect
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.manifest import EVENTS, METHOD_SCOPES, manifest
from tests.conftest import Cli

BOT = Path(__file__).resolve().parents[2] / "bot"

# Slack's reference, read independently of the manifest's tables: the bot scopes each method and
# event page lists (docs.slack.dev/reference/methods/…, /reference/events/…, /reference/scopes/…).
DOCUMENTED_METHODS = {
    "chat.postMessage": {"chat:write"},
    "chat.update": {"chat:write"},
    "chat.postEphemeral": {"chat:write"},
    "files.getUploadURLExternal": {"files:write"},
    "files.completeUploadExternal": {"files:write"},
    "users.info": {"users:read", "users:read.email"},  # profile.email needs users:read.email
    "views.open": set(),
    "views.publish": set(),
    "conversations.history": {"channels:history", "groups:history", "im:history", "mpim:history"},
    "conversations.open": {"channels:manage", "groups:write", "im:write", "mpim:write"},
}
DOCUMENTED_EVENTS = {
    "app_mention": {"app_mentions:read"},
    "message": {"im:history"},  # message.im: the only message events arbot subscribes to
    "app_home_opened": set(),
}


def calls_in(source: Path) -> Iterator[ast.Call]:
    for node in ast.walk(ast.parse(source.read_text(), filename=str(source))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node


def literal(call: ast.Call) -> str | None:
    first = call.args[0] if call.args else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def sdk_methods(name: str, seen: frozenset[str] = frozenset()) -> set[str]:
    """The Web API methods an AsyncWebClient method calls (files_upload_v2 calls two)."""
    source = inspect.getsource(getattr(AsyncWebClient, name))
    found = set(re.findall(r'api_call\(\s*"([\w.]+)"', source))
    for inner in set(re.findall(r"self\.(\w+)\(", source)) - {"api_call"} - seen:
        if callable(getattr(AsyncWebClient, inner, None)) and not inner.startswith("_"):
            found |= sdk_methods(inner, seen | {name})
    return found


def called_methods() -> tuple[set[str], list[str]]:
    """Slack Web API methods called anywhere in bot/, and the call sites whose method is not a
    literal (only the one wrapper every literal call goes through may be)."""
    methods: set[str] = set()
    dynamic: list[str] = []
    for source in sorted(BOT.rglob("*.py")):
        for call in calls_in(source):
            name = call.func.attr  # type: ignore[attr-defined]
            owner = call.func.value  # type: ignore[attr-defined]
            on_client = isinstance(owner, ast.Attribute) and owner.attr == "client"
            wrapper = name == "call" or (on_client and name == "api_call")
            if wrapper and call.args:
                if literal(call) is None:
                    dynamic.append(f"{source.name}:{call.lineno}")
                else:
                    methods.add(literal(call))  # type: ignore[arg-type]
            elif on_client and hasattr(AsyncWebClient, name):
                methods |= sdk_methods(name)
    return methods, dynamic


def handled_events() -> set[str]:
    events = set()
    for source in sorted((BOT / "slack").glob("*.py")):
        for call in calls_in(source):
            if call.func.attr == "event" and literal(call):  # type: ignore[attr-defined]
                events.add(literal(call))
    return events  # type: ignore[return-value]


def test_the_scopes_are_exactly_what_the_called_methods_and_handled_events_need() -> None:
    methods, dynamic = called_methods()
    # One call site may name its method at run time: the wrapper every call above goes through.
    assert len(dynamic) == 1 and dynamic[0].startswith("posting.py:"), dynamic
    assert "chat.postMessage" in methods and "files.completeUploadExternal" in methods
    assert methods == set(METHOD_SCOPES)  # no call without its scopes, no scope for no call
    assert handled_events() == set(EVENTS)  # no declared event without a listener
    app = manifest("https://ar.example.com")
    needed = {"commands"}  # the slash command
    for method in methods:
        assert set(METHOD_SCOPES[method]) == DOCUMENTED_METHODS[method], method
        needed |= DOCUMENTED_METHODS[method]
    for event in handled_events():
        assert set(EVENTS[event][1]) == DOCUMENTED_EVENTS[event], event
        needed |= DOCUMENTED_EVENTS[event]
    scopes = app["oauth_config"]["scopes"]["bot"]
    assert sorted(scopes) == sorted(needed) and len(scopes) == len(set(scopes))
    # What earlier manifests asked for and nothing uses: conversations.open (im:write), reading
    # conversations (history scopes beyond direct messages), listing them (im:read).
    for unused in ("im:read", "im:write", "channels:history", "groups:history", "mpim:history"):
        assert unused not in scopes
    assert {"users.info", "conversations.history", "conversations.open"} & methods == {"users.info"}


def test_the_http_manifest_points_every_url_at_the_server() -> None:
    app = manifest("https://ar.example.com/")
    endpoint = "https://ar.example.com/slack/events"
    [command] = app["features"]["slash_commands"]
    assert command["command"] == "/ar" and command["url"] == endpoint
    settings = app["settings"]
    assert settings["event_subscriptions"]["request_url"] == endpoint
    assert settings["interactivity"] == {"is_enabled": True, "request_url": endpoint}
    assert settings["socket_mode_enabled"] is False
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_mention",
        "message.im",
        "app_home_opened",
    }
    # The Home tab is published (views.publish answers not_enabled when the tab is off).
    assert app["features"]["app_home"]["home_tab_enabled"] is True
    with pytest.raises(ValueError, match="is not an https URL"):
        manifest("http://ar.example.com")
    with pytest.raises(ValueError, match="is not an https URL"):
        manifest(None)
    for name in ("", " ", "x" * 36):
        with pytest.raises(ValueError, match="1 to 35 characters"):
            manifest("https://ar.example.com", name)


def urls(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [k for k in node if k in ("url", "request_url")]
        return found + [u for value in node.values() for u in urls(value)]
    if isinstance(node, list):
        return [u for value in node for u in urls(value)]
    return []


def test_the_socket_mode_manifest_has_no_request_urls() -> None:
    app = manifest(socket_mode=True)
    assert app["settings"]["socket_mode_enabled"] is True
    assert urls(app) == []
    assert app["settings"]["interactivity"] == {"is_enabled": True}
    http = manifest("https://ar.example.com")
    assert app["oauth_config"] == http["oauth_config"]
    assert (
        app["settings"]["event_subscriptions"]["bot_events"]
        == (http["settings"]["event_subscriptions"]["bot_events"])
    )


def test_the_manifest_command(arbot: Cli) -> None:
    socket = arbot("slack", "manifest", "--socket-mode")
    assert socket.exit_code == 0, socket.stderr
    assert json.loads(socket.stdout) == manifest(socket_mode=True)
    http = arbot("slack", "manifest", "--url", "https://ar.example.com")
    assert json.loads(http.stdout) == manifest("https://ar.example.com")
    both = arbot("slack", "manifest", "--url", "https://ar.example.com", "--socket-mode")
    assert both.exit_code == 2 and "either --url URL or --socket-mode" in both.stderr
    assert arbot("slack", "manifest").exit_code == 2
    plain = arbot("slack", "manifest", "--url", "http://ar.example.com")
    assert plain.exit_code == 1 and "is not an https URL" in plain.stderr


def test_a_recorded_session_calls_only_methods_the_manifest_covers(tmp_path: Path) -> None:
    """The other way round: what a session against the Slack stand-in really called (every
    surface: /ar, a mention, a DM, the Home tab, an approval, a rejection in a modal, a refusal,
    the digest with its chart) is covered, and exercises every method of the table."""
    import asyncio

    from bot.digest import build
    from bot.server import create_app
    from tests.bot.slack_kit import button_body, event_body, slack_server, slash_body, view_body
    from tests.bot.test_slack_modals import posted, proposed

    with slack_server(tmp_path) as slack:
        fake = slack.slack
        slack.form(slash_body("customer globex", response_url=slack.response_url))
        fake.wait_for("chat.postMessage")
        events = [
            {"type": "app_mention", "user": "U0DANA", "text": "<@U0ARBOTBOT> aging report",
             "ts": "1700000100.000100", "channel": "C0AR", "event_ts": "1700000100.000100"},
            {"type": "message", "channel_type": "im", "user": "U0DANA", "text": "help",
             "ts": "1700000200.000100", "channel": "D0DANA"},
            {"type": "app_home_opened", "user": "U0DANA", "channel": "D0DANA", "tab": "home"},
        ]  # fmt: skip
        for n, event in enumerate(events):
            slack.json(event_body(event, f"Ev0RECORDED{n}"))
        fake.wait_for("chat.postMessage", 3)
        fake.wait_for("views.publish")
        first, second = proposed(slack), proposed(slack)
        ts, blocks = posted(slack, first, [])
        slack.form(
            button_body("approve", first, user="U0CASEY", channel="C0AR", ts=ts, blocks=blocks)
        )
        fake.wait_for("chat.postEphemeral")  # a collector may not approve: told alone
        slack.form(
            button_body("approve", first, user="U0MORGAN", channel="C0AR", ts=ts, blocks=blocks)
        )
        fake.wait_for("chat.update")
        ts, blocks = posted(slack, second, [])
        slack.form(
            button_body("reject", second, user="U0MORGAN", channel="C0AR", ts=ts, blocks=blocks)
        )
        [opened] = fake.wait_for("views.open")
        reason = {"reason": {"reason": {"type": "plain_text_input", "value": "paid"}}}
        metadata = opened.args["view"]["private_metadata"]
        slack.form(view_body("reject_reason", reason, metadata, user="U0MORGAN"))
        fake.wait_for("chat.update", 2)
        post = create_app(slack.runtime).state.post
        asyncio.run(post("slack:C0DIGEST", build(slack.runtime)))
        fake.wait_for("files.completeUploadExternal")
        with fake.lock:
            recorded = {call.method for call in fake.calls}
    not_web_api = {"upload", "response_url"}  # the file's bytes, and Bolt's respond()
    no_scope_needed = {"auth.test"}  # Bolt checks its token with it; it needs no scope
    assert recorded - not_web_api - no_scope_needed == set(METHOD_SCOPES)
