"""A change named and then said to need nothing from us: "sterling asked us to dispute it on
their side, nothing for us to do. how much is 10271 btw", "scratch the hold on falcon - they
paid, no action needed". No change is asked for: the question beside it is read alone, or the
message is ``unknown`` (and says why). Which clause asks and which calls off is
``graph.understand_clauses``'s rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from graph.understand_clauses import asked, calls_off, classify, they

if TYPE_CHECKING:
    from graph.understand import Request
    from graph.understand_actions import ActionRequest


def nothing_asked(
    text: str,
    norm: str,
    action: ActionRequest,
    today: date,
    parse: Callable[[str, date], Request],
) -> Request | None:
    """The reading of a message whose change is said to need nothing from us, or None when
    the message says no such thing."""
    from graph.understand import Request
    from graph.understand_asked import NotAsked

    parts = classify(norm)
    if not calls_off(parts):
        return None
    questions = asked(parts)
    if any(c.question for c in questions):
        question = ". ".join(c.text for c in questions)
        reading = parse(question, today)
        if reading.action is None and reading.intent != "unknown" and not reading.guessed:
            if reading.customer_text is None and they(question):
                # "… nothing for us to do. what do they owe?": they are the one named
                reading = replace(reading, customer_text=action.customer_text)
            return replace(reading, text=text)
    return Request(
        "unknown",
        customer_text=action.customer_text,
        text=text,
        not_asked=NotAsked(action.kind, "negated"),
    )
