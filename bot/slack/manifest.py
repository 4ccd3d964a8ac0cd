"""The Slack app manifest (https://docs.slack.dev/reference/app-manifest): everything an admin
needs to create the app in one paste, with the least scopes arbot uses."""

from __future__ import annotations

from typing import Any

BOT_SCOPES = (
    "app_mentions:read",  # @arbot in channels
    "chat:write",  # answers, approval cards and their updates
    "commands",  # /ar
    "im:history",  # direct messages to arbot
    "im:read",
    "im:write",
    "users:read",  # users.info, to map a clicker to a person
    "users:read.email",  # ... by the e-mail in the policy file
    "files:write",  # the digest's chart
)


def manifest(url: str, name: str = "arbot") -> dict[str, Any]:
    endpoint = url.rstrip("/") + "/slack/events"
    return {
        "display_information": {
            "name": name,
            "description": "Accounts-receivable assistant: payments, collections, approvals.",
            "background_color": "#1d3b53",
        },
        "features": {
            "app_home": {"messages_tab_enabled": True, "messages_tab_read_only_enabled": False},
            "bot_user": {"display_name": name, "always_online": True},
            "slash_commands": [
                {
                    "command": "/ar",
                    "url": endpoint,
                    "description": "Ask arbot about customers, invoices and payments",
                    "usage_hint": "help | invoice INV-10432 | customer acme | did acme pay?",
                    "should_escape": False,
                }
            ],
        },
        "oauth_config": {"scopes": {"bot": list(BOT_SCOPES)}},
        "settings": {
            "event_subscriptions": {
                "request_url": endpoint,
                "bot_events": ["app_mention", "message.im"],
            },
            "interactivity": {"is_enabled": True, "request_url": endpoint},
            "org_deploy_enabled": False,
            "socket_mode_enabled": False,
            "token_rotation_enabled": False,
        },
    }
