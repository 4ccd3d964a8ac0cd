"""What flows through the graph: the turn in, the request read from it, what was resolved and
gathered, the reply out."""

from __future__ import annotations

from typing import Any, TypedDict

from graph.inquiries import Resolved
from graph.messages import Reply, Turn
from graph.understand import Request


class AgentState(TypedDict, total=False):
    turn: Turn
    request: Request
    resolved: Resolved
    gathered: Any
    reply: Reply
    # said before a whole-book answer: words that were not read as a customer
    unread: list[str]
