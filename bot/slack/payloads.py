"""Reading Slack's payloads: slash text, where a click happened, which message it was on, and
whether a request comes from the workspace arbot is installed in."""

from __future__ import annotations

import re
from typing import Any

from graph.intent_surfaces import slash_subcommands

SUBCOMMANDS = slash_subcommands()  # /ar <alias> …, from the intent registry
MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|([^>]*))?>")


def question_of(text: str, bot_user_id: str | None) -> str:
    """What a message asks arbot, in words: arbot's own mention taken out (Slack puts it there
    when the message is sent to arbot) and a colleague's left as "@U0MARIA" or "@maria", so a
    change asked of a colleague ("<@U0MARIA> can you put globex on hold") is read as theirs."""

    def said(mention: re.Match[str]) -> str:
        if bot_user_id is None or mention.group(1) == bot_user_id:
            return ""
        return "@" + (mention.group(2) or mention.group(1))

    return re.sub(r"[ \t]{2,}", " ", MENTION.sub(said, text)).strip()


def slash_text(text: str) -> str:
    """``/ar invoice INV-1`` → what the agent understands; free text passes through."""
    word, _, rest = text.strip().partition(" ")
    template = SUBCOMMANDS.get(word.lower())
    if template is None:
        return text.strip() or "help"
    return template.format(rest=rest.strip()).strip()


def same_installation(body: dict[str, Any], installed: Any) -> bool:
    """The request's workspace (and Enterprise Grid organisation) is the installation's."""
    if installed is None:
        return True
    team = body.get("team_id")
    if team is None and isinstance(body.get("team"), dict):
        team = body["team"].get("id")
    enterprise = body.get("enterprise_id")
    if enterprise is None and isinstance(body.get("enterprise"), dict):
        enterprise = body["enterprise"].get("id")
    if installed.team_id and team and team != installed.team_id:
        return False
    return not (installed.enterprise_id and enterprise and enterprise != installed.enterprise_id)


def message_blocks(body: dict[str, Any]) -> list[dict[str, Any]] | None:
    blocks = (body.get("message") or {}).get("blocks")
    return blocks if isinstance(blocks, list) else None


def where_clicked(body: dict[str, Any]) -> tuple[str, str]:
    container = body.get("container") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id", "")
    ts = container.get("message_ts") or (body.get("message") or {}).get("ts", "")
    return channel, ts
