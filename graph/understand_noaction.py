"""A change named and then said to need nothing from us: "sterling asked us to dispute it on
their side, nothing for us to do. how much is 10271 btw", "scratch the hold on falcon - they
paid, no action needed". No change is asked for: the question beside it is read alone, or the
message is ``unknown`` (and says why)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.understand_verbs import clauses

if TYPE_CHECKING:
    from graph.understand import Request
    from graph.understand_actions import ActionRequest

# "nothing for us to do", "no action needed (from us)", "nothing to do on our side", "no action
# required on our end"; not "no further action needed after that" (a request and its end)
NOTHING_FOR_US = lazy(
    r"\b(?:nothing|no action|no changes?|nothing further)"
    r" (?:(?:is |are )?(?:needed|required|necessary|to (?:do|be done))"
    r"(?: (?:from|by|on|for) (?:us|me|you|our (?:side|end)))?"
    r"|for (?:us|me|you) to do|(?:from|on|at) (?:us|our (?:side|end)))\b"
    r"(?!\s*(?:after|afterwards|otherwise|else|beyond|besides|other than|once|until|till)\b)"
    # "no action needed from sales": someone else's part, not ours
    r"(?! (?:from|by|for|on) (?!(?:us|me|you|our)\b)\w)"
    r"|\bno (?:need|action) (?:for|from|on) (?:us|me|our (?:side|end))\b"
    r"(?! (?:to wait|to ask|to check)\b)"
)
# "is 10222 paid", "how much is 10271 btw": a question without its question mark
_ASKING = lazy(
    r"(?:is|are|was|were|did|does|do|has|have|how|what|whats|when|which|who|where|why|any"
    r"|can you (?:tell|show|check|confirm)|pls (?:check|confirm))\b"
)
_THEY = lazy(r"\b(?:they|them|their|theirs)\b")


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
    from graph.understand_asked import NAMES, NotAsked
    from graph.understand_mentioned import asks_a_question

    if not NOTHING_FOR_US.search(norm):
        return None
    names = NAMES.get(action.kind)
    rest = [
        clause.strip()
        for clause, question in clauses(norm)
        if clause.strip()
        and not NOTHING_FOR_US.search(clause)
        and not (names is not None and names.search(clause))
    ]
    asked = ". ".join(rest)
    if asked and (asks_a_question(asked) or _ASKING.match(asked)):
        reading = parse(asked, today)
        if reading.action is None and reading.intent != "unknown" and not reading.guessed:
            if reading.customer_text is None and _THEY.search(asked):
                # "… nothing for us to do. what do they owe?": they are the one named
                reading = replace(reading, customer_text=action.customer_text)
            return replace(reading, text=text)
    return Request(
        "unknown",
        customer_text=action.customer_text,
        text=text,
        not_asked=NotAsked(action.kind, "negated"),
    )
