"""One customer's credit, said beside other words (session 13): a customer's exposure asked where
the message speaks of credit (a limit, a hold, an order released) is their credit check, not
their balance ("SO-9002 got released yesterday? what's X's exposure now"); and the "it" of a
hold or stop the message names is that hold ("take X off stop - are they actually on it?").
Read by ``graph.understand.parse``."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy

if TYPE_CHECKING:
    from graph.understand import Request

_EXPOSURE = lazy(r"\bexposures?\b", re.IGNORECASE)
_CREDIT_SAID = lazy(
    r"\b(?:limits?|credit|hold|stop|block(?:ed)?|releas\w*|orders?|so-?\d+|ship\w*)\b",
    re.IGNORECASE,
)
# "it" of a hold or stop the message names: "take X off stop - why are they on it?"
_HOLD_SAID = lazy(r"\b(?:on|off) (?:credit )?(?:hold|stop|block)\b", re.IGNORECASE)
_ON_IT = lazy(
    r"\b((?:are|were|is|was) (?:they|he|she)(?: (?:actually|really|even|still|already))?) on it\b",
    re.IGNORECASE,
)


def exposure_as_credit(request: Request, text: str) -> Request:
    """``request`` as the customer's credit check when it reads their balance on the word
    "exposure" beside credit words ("X has no credit limit in the master - what's their
    exposure"); unchanged otherwise ("X total exposure" is what X owes)."""
    if (
        request.intent == "customer_balance"
        and request.customer_text
        and _EXPOSURE.search(text)
        and _CREDIT_SAID.search(text)
    ):
        return replace(request, intent="credit_check", book_intent=None, guessed=False)
    return request


def the_hold_said(text: str) -> str:
    """``text`` with "on it" said of a hold or stop the message names written "on hold"."""
    if _HOLD_SAID.search(text):
        return _ON_IT.sub(r"\1 on hold", text)
    return text
