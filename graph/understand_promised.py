"""A customer's promise (or dispute) only told, then a question: "Contoso West note says promised
11/8, broke it? what's the status", "the ptp from falcon in the notes - did it land?", "should
we put X on hold? they broke the PTP". The promise is no request to record one: the question is
what is asked, and nothing is proposed. A question about the promise itself (kept? broken? did
it land? its status?) asks after that customer's promises.

Still a request: a promise told with nothing asked ("globex promised 5000 by friday"), or with
the record asked for ("X said they'll pay 5k friday - can you log it?").

A dispute the customer tells of ("X says they're disputing INV-… now - is it still open?") is
read the same way: the question is asked ("it" is the invoice), and no dispute is opened unless
one is asked for ("… - can you open one?", "pls log it")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.understand_clauses import ASKED, classify, customer_named, resolve, they

if TYPE_CHECKING:
    from graph.understand import Request
    from graph.understand_actions import ActionRequest

# the record asked for after all: "can you log it?", "pls record", "add the promise"
_RECORD_ASKED = lazy(
    r"\b(?:record|log|logged|add|enter|capture|note|save|book|put (?:it|that|this) in"
    r"|do (?:it|that|this)|go ahead"
    # a dispute's own: "can you open one?", "create the dispute please", "flag it"
    r"|(?:open|raise|create|file|lodge|register|start|set up) (?:a|an|one|it|the|that)\b"
    r"|flag (?:it|that|this)|\bdisputes?\b(?! (?:it|that|this|them)\b))\b"
)
# the promise's fate asked: "broke it?", "kept?", "did it land?", "what's the status", "is that
# in?", "did that happen?"
_FATE = lazy(
    r"\b(?:broke|broken|break|breaking|kept|keep|keeping|honou?r(?:ed)?|stick to|stuck to"
    r"|land(?:ed)?|happen(?:ed)?|status|come through|came through|go through|went through"
    r"|make good|made good|deliver(?:ed)?)\b"
    r"|^(?:is|was) (?:that|it|this) in\b"
)

_IT = lazy(r"\b(?:it|that)\b(?! (?:one|much|many)\b)")


def promise_told(
    text: str,
    norm: str,
    action: ActionRequest,
    today: date,
    parse: Callable[[str, date], Request],
) -> Request | None:
    """The question asked beside a promise only told (see the docstring), or None when the
    message asks for the promise to be recorded or asks nothing."""
    if action.kind not in ("record_promise", "open_dispute"):
        return None  # a customer's dispute only told works the same way
    parts = classify(norm)
    questions = [c for c in parts if c.role == ASKED and c.question]
    if not questions or len(questions) == len(parts):
        return None  # no question, or nothing but questions: read whole
    question = ". ".join(c.text for c in questions)
    if _RECORD_ASKED.search(question):
        return None  # "… - can you log it?": the record asked for
    # the customer the told clauses name ("Onshore says they will send … to Donovan Energy")
    who = customer_named([c for c in parts if c.role != ASKED], today, parse)
    who = who or action.customer_text
    if action.kind == "record_promise" and who and any(_FATE.search(c.text) for c in questions):
        # "… broke it? what's the status": that customer's promises
        reading = parse(f"did {who} keep their promise?", today)
        if reading.intent == "promises":
            return replace(reading, text=text)
    if action.kind == "open_dispute" and action.invoice_refs:
        # "X says they're disputing INV-… now - is it still open": "it" is the invoice
        question = _IT.sub(f"invoice {action.invoice_refs[0]}", question)
    reading = parse(resolve(question, who=who) if who and they(question) else question, today)
    if reading.action is not None or reading.guessed:
        return None
    if reading.intent == "unknown" and reading.cannot is None and reading.not_asked is None:
        return None
    return replace(reading, text=text)
