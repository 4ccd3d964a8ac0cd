"""One entry of the intent registry (``graph.intents``): what an intent is called, its kind,
handler, LLM tool, slash alias, help text and examples (``Intent``), and the kinds there are.

Handlers are named as ``"module:function"`` and imported when first used, so that reading the
registry (the parser, the CLI's start) imports nothing heavy. Their signatures by kind:

- ``inquiry``: ``handler`` gathers (``(erp, Resolved) -> facts``), ``answer`` words the reply
  (``(Resolved, facts, today) -> Reply``); the agent resolves the customer or invoice first.
- ``portfolio`` and ``report``: ``(ReportContext, Request) -> Reply``.
- ``change_request``: the request becomes a proposal (``graph.requests.build_action``).
- ``meta``: ``(Agent, Request, Turn) -> Reply``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

KINDS = ("inquiry", "portfolio", "report", "change_request", "meta")


@dataclass(frozen=True)
class Intent:
    name: str
    kind: str
    summary: str  # "Ask about" in help: what it answers
    examples: tuple[str, ...]  # each is asked on the demo company by the tests
    tool: str  # the LLM tool's description
    handler: str | None = None  # "module:function"
    answer: str | None = None  # inquiries: the function that words the reply
    parameters: dict[str, Any] = field(default_factory=dict)  # the LLM tool's arguments
    required: tuple[str, ...] = ()
    slash: str | None = None  # /ar <slash> …
    slash_template: str | None = None  # what "/ar <slash> {rest}" asks
    # A change asked for by its own words and handler ("create an invoice for SO-1001"): the
    # reply is an ``action_request`` (with the kind in its entities), like every change.
    change: bool = False

    def function(self, which: str = "handler") -> Callable[..., Any]:
        target = getattr(self, which)
        if target is None:
            raise LookupError(f"intent {self.name} has no {which}")
        module, _, name = target.partition(":")
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
