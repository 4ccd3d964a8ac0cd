"""The Slack app manifest (https://docs.slack.dev/reference/app-manifest): everything an admin
needs to create the app in one paste, with only the scopes the code needs.

The scopes are derived, not listed: each Web API method arbot calls and each event it handles
brings its own (Slack's reference pages: docs.slack.dev/reference/methods/<method> and
/reference/events/<event>). ``tests/bot/test_slack_manifest.py`` reads the calls and the
listeners out of ``bot/`` and checks these tables against them, both ways.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

# Web API method → the bot scopes it needs.
METHOD_SCOPES: dict[str, tuple[str, ...]] = {
    "chat.postMessage": ("chat:write",),  # answers, cards, a person's DM (channel = user id)
    "chat.update": ("chat:write",),  # decided cards redrawn, Show more
    "chat.postEphemeral": ("chat:write",),  # refusals, to the clicker only
    "files.getUploadURLExternal": ("files:write",),  # files_upload_v2: the digest's chart,
    "files.completeUploadExternal": ("files:write",),  # a statement's PDF and CSV
    # users.info maps a clicker to a person of the policy file, by id or by the profile's
    # e-mail, which users.info only returns with users:read.email.
    "users.info": ("users:read", "users:read.email"),
    "views.open": (),  # the reject and edit-amount modals
    "views.publish": (),  # the Home tab
}

# Event arbot listens to (``app.event(...)``) → (the subscription in the manifest, its scopes).
EVENTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "app_mention": ("app_mention", ("app_mentions:read",)),
    "message": ("message.im", ("im:history",)),  # direct messages only (channel_type im)
    "app_home_opened": ("app_home_opened", ()),  # the Home tab: the person's approvals
}

SLASH_COMMAND = "/ar"
MAX_NAME = 35  # display_information.name, per the manifest reference


def bot_scopes() -> list[str]:
    needed = {"commands"}  # the slash command
    for scopes in METHOD_SCOPES.values():
        needed.update(scopes)
    for _, scopes in EVENTS.values():
        needed.update(scopes)
    return sorted(needed)


def manifest(
    url: str | None = None, name: str = "arbot", *, socket_mode: bool = False
) -> dict[str, Any]:
    """The manifest for an app reached at ``url`` (``POST {url}/slack/events``), or over Socket
    Mode (``SLACK_APP_TOKEN``: no public URL, so no request URLs)."""
    if not 0 < len(name.strip()) <= MAX_NAME:
        raise ValueError(f"the app's name must be 1 to {MAX_NAME} characters")
    if not socket_mode:
        parsed = urlparse(url or "")
        if parsed.scheme != "https" or not parsed.hostname:
            raise ValueError(f"{url!r} is not an https URL (Slack sends requests over HTTPS only)")
    endpoint = None if socket_mode else f"{(url or '').rstrip('/')}/slack/events"
    at = {} if endpoint is None else {"url": endpoint}
    request_url = {} if endpoint is None else {"request_url": endpoint}
    return {
        "display_information": {
            "name": name,
            "description": "Accounts-receivable assistant: payments, collections, approvals.",
            "background_color": "#1d3b53",
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": False,
            },
            "bot_user": {"display_name": name, "always_online": True},
            "slash_commands": [
                {
                    "command": SLASH_COMMAND,
                    **at,
                    "description": "Ask arbot about customers, invoices and payments",
                    "usage_hint": "help | invoice INV-10432 | customer acme | did acme pay?",
                    "should_escape": False,
                }
            ],
        },
        "oauth_config": {"scopes": {"bot": bot_scopes()}},
        "settings": {
            "event_subscriptions": {
                **request_url,
                "bot_events": [subscription for subscription, _ in EVENTS.values()],
            },
            "interactivity": {"is_enabled": True, **request_url},
            "org_deploy_enabled": False,
            "socket_mode_enabled": socket_mode,
            "token_rotation_enabled": False,
        },
    }
