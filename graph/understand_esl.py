"""Requests in the forms of English as a second language, read as the request they are when
the message shows the decision is already taken (``graph.understand_actions`` asks ``esl``
for the words to read of each clause):

- "is possible to change the terms of X to net 45? … I need it done before the next invoice",
  "is possible to send the reminder to Donovan still today?": a request, not a question, when the
  message says it is needed now, signed or approved already; without that ("is possible to raise
  the limit for Globex? what is the exposure") it stays the question it is;
- "We put them on hold, please.", "we must block X — it is decision from the credit meeting
  today. Please to do it now.": "we" doing it now, said with a please.
"""

from __future__ import annotations

from graph.lazy_regex import lazy

_POSSIBLE = lazy(r"^(?:is|it is|is it) possible (?:for you )?to\s+(?=\w)")
# the decision taken: needed now, signed, approved
_DECIDED = lazy(
    r"\bi need (?:it|this|that)(?: done)? (?:today|now|asap|before|by|still|for)\b"
    r"|\bi need it done\b|\bsigned (?:it )?already\b|\balready (?:signed|approved)\b"
    r"|\bstill today\b|\b(?:signed|approved) (?:it|this|that)? ?already\b"
)
# "we put them on hold, please", "we must block X": we, now, with a please
_WE_NOW = lazy(r"^(?:we|so we) (?:must(?: to)?|put|block|release|send|raise|set)\b")
_WE = lazy(r"^(?:so )?we (?:must(?: to)? )?")
_PLEASE_SAID = lazy(
    r"(?:^|[,.;!]\s*)(?:please|kindly)(?: to)?(?: do it| do this)?(?: now| today| asap)?\s*[.!]*$"
    r"|\bplease(?: to)? do (?:it|this|that)(?: now| today| asap)?\b"
)
_NOT_NOW = lazy(r"\b(?:if|unless|maybe|perhaps|should|yesterday|last week|already|not|don't)\b")


def esl(clause: str, question: bool, norm: str) -> str | None:
    """The words of ``clause`` to read as a request in an ESL form, or None when it is none."""
    if question and (possible := _POSSIBLE.match(clause)) and _DECIDED.search(norm):
        return clause[possible.end() :]
    if (
        not question
        and _WE_NOW.match(clause)
        and _PLEASE_SAID.search(norm)
        and not _NOT_NOW.search(clause)
    ):
        return clause[_WE.match(clause).end() :]  # type: ignore[union-attr]
    return None
