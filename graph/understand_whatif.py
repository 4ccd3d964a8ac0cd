"""A write-off imagined, and what it would come to: "if we had to write off everything over 120
days how much would that be" asks the total of what is over 120 days; "hypothetically, if we
wrote off every small short pay, how much would that be?" the deductions; "if we wrote off the
short pay on 10396 what would acme ind still owe" what the customer owes. Nothing is proposed:
the write-off is only imagined (``graph.understand_asked`` says so of the change); the question
is read as the report or inquiry it asks for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from graph.intents import get as intent_of
from graph.lazy_regex import lazy

if TYPE_CHECKING:
    from graph.understand import Request

# the write-off imagined, and what it would be of
_IMAGINED = lazy(
    r"^(?:hypothetically,? |say |suppose |supposing |what if )?(?:if )?(?:we|i) (?:had to |were to "
    r"|did |decided to |were going to |wanted to )?(?:write|wrote|written|w/o)(?: |-)?(?:off )?"
    r"(?P<what>.+?)\s*(?:[,;:?]|\s-+\s|\s(?=(?:how much|what)\b))"
)
# what it would come to: "how much would that be", "what would that total"
_COMES_TO = lazy(
    r"\b(?:how much|what) (?:would|will|is|does) (?:that|it|this|they|those) (?:be|come to|cost"
    r"|total|amount to|add up to|sum to)\b"
)
# what a customer would still owe after it: "what would acme ind still owe"
_WOULD_OWE = lazy(
    r"\b(?:what|how much) would (?P<who>(?!(?:that|it|this|they|we|i|you)\b)[\w&.' -]{2,40}?)"
    r" (?:still )?owe\b"
)


def imagined(
    text: str, norm: str, today: date, parse: Callable[[str, date], Request]
) -> Request | None:
    """The question a message asks about a write-off it only imagines, or None."""
    wrote = _IMAGINED.search(norm)
    if wrote is None:
        return None
    if (owes := _WOULD_OWE.search(norm, wrote.end("what"))) is not None:
        asked = parse(f"what does {owes.group('who')} owe", today)
        if asked.intent == "customer_balance" and asked.customer_text and not asked.guessed:
            return replace(asked, text=text)
        return None
    if not _COMES_TO.search(norm, wrote.end("what")):
        return None
    asked = parse(f"show {wrote.group('what')}", today)
    if intent_of(asked.intent).kind not in ("portfolio", "report") or asked.action is not None:
        return None
    return replace(asked, text=text)
