"""The App Home tab: the person's approval queue, published with ``views.publish`` when they
open it and again whenever an approval is decided (here, or anywhere: a periodic refresh)."""

from __future__ import annotations

from typing import Any

from bot.slack.blocks import render
from graph.messages import Reply

MAX_HOME_BLOCKS = 100


def home_view(reply: Reply) -> dict[str, Any]:
    _, blocks = render(reply)
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}
