"""A change named and then said to need nothing from us: "sterling asked us to dispute it on
their side, nothing for us to do. how much is 10271 btw", "scratch the hold on falcon - they
paid, no action needed". No change is asked for: the question beside it is read alone, or the
message is ``unknown`` (and says why). Which clause asks and which calls off is
``graph.understand_clauses``'s rule."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.understand_clauses import (
    CALLED_OFF,
    CONDITIONAL,
    Clause,
    asked,
    calls_off,
    classify,
    resolve,
    taken_back,
    they,
)

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
    """The reading of a message whose change is said to need nothing from us, or (a promise
    only told before a question: ``graph.understand_promised``) is not asked for; None when
    the message says no such thing."""
    from graph.understand import Request
    from graph.understand_action_names import NotAsked
    from graph.understand_promised import promise_told

    if (told := promise_told(text, norm, action, today, parse)) is not None:
        return told  # "X note says promised 11/8, broke it? what's the status"
    gave_up = _GAVE_UP.search(norm)
    if gave_up is not None and not _changes_asked(norm[gave_up.end() :]):
        # "we were going to record a promise for X but they backed out what's their past due":
        # a change meant and given up; what is asked after it is read alone
        asked_after = _ASKED_AFTER.search(norm, gave_up.end())
        if asked_after is not None:
            question = asked_after.group(0)
            who = action.customer_text
            reading = parse(
                resolve(question, who=who) if who and they(question) else question, today
            )
            if reading.action is None and reading.intent != "unknown" and not reading.guessed:
                return replace(reading, text=text)
        return Request(
            "unknown", customer_text=None, text=text, not_asked=NotAsked(action.kind, "negated")
        )
    parts = classify(norm)
    if taken_back(norm):
        # "send X a statement no wait scratch that": taken back before anything else is asked
        return Request(
            "unknown", customer_text=None, text=text, not_asked=NotAsked(action.kind, "negated")
        )
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


# a change meant and given up: "we were going to …, but", "I was about to … but"
_GAVE_UP = lazy(
    r"\b(?:i|we)(?: had)? (?:was|were|had been) (?:going|about|planning|meant) to\b.{3,120}?"
    r"\bbut\b"
)
_ASKED_AFTER = lazy(
    r"\b(?:what(?:'s| is| are)?|whats|how (?:much|many|late)|which|who|when|is|are|did|does|do"
    r"|has|have|can you (?:show|tell|pull|give))\b[^.!]*$"
)


def _changes_asked(said: str) -> bool:
    """Whether a clause of ``said`` asks for a change ("… but let's do it now, put them on
    hold")."""
    from graph.understand_verbs import POLITE, VERB, clauses

    return any(
        pattern.search(POLITE.sub("", clause.strip()))
        for clause, question in clauses(said)
        if not question
        for pattern in VERB.values()
    )


# the kinds a change called off may be, the most specific first (a limit before a note's "log")
_KINDS = (
    "write_off_deduction",
    "set_credit_limit",
    "set_terms",
    "send_statement",
    "send_reminder",
    "record_promise",
    "open_dispute",
    "set_credit_hold",
    "apply_payment",
    "create_invoice",
    "add_note",
)
# a negation that is itself the request: "don't ship to globex", "no more orders for initech"
_NO_SHIPPING = lazy(
    r"\b(?:don't|dont|do not|no more|no further|stop|cease)\s+(?:\w+\s+)?(?:ship\w*|suppl\w*"
    r"|deliver\w*|orders?|releas\w*)\b"
)


# put on a condition in so many words: "if …", "unless …", "in case …", "i think we should …"
_ON_A_CONDITION = lazy(
    r"^(?:(?:but|so|and|ok|okay)\b[\s,]*)*(?:if|unless|in case|suppose|supposing|what if"
    r"|hypothetically|(?:i|we) think (?:we|you) should)\b"
)


_FOR_WHOM = lazy(
    r"\b(?:to|for|on)\s+(?:the\s+)?((?!(?:the|a|an|my|our|it|them|us)\b)[a-z][\w&.'-]*(?:\s+[a-z][\w&.'-]*){0,2})"
)
# a what-if asked without its question mark
_WHAT_THEN = lazy(r"\b(?:what|how|which|who|whose|would|whether)\b")
# called off with nothing named: "pls don't", "nvm", "scratch that"
_BARE = lazy(
    r"^(?:(?:please|pls|ok|okay|actually|no)\b[\s,]*)*(?:do not|don't|dont|nvm|never ?mind"
    r"|scratch that|forget (?:it|that))$"
)


_NOT = lazy(
    r"^(?:(?:please|pls|kindly|but|so|and|ok|okay)\b[\s,]*)*(?:do not|don't|dont|no need(?: to)?"
    r"|never|not)\s+"
)


_IF_WHO = lazy(
    r"^(?:if|unless|in case|once) (?!(?:we|i|you|they|it|he|she)\b)([\w&.'-]+(?: [\w&.'-]+){0,3}?)"
    r" (?:does not|doesn't|don't|do not|dont|still|pays?|has|hasn't|haven't|is|are|short|misses"
    r"|breaks?|can't|cannot)\b"
)


# "in case we hold …", "if we put … on stop", "once we release …": the writer's own change on
# a condition, its verb next
_WE_WOULD = lazy(
    r"^(?:if|unless|in case|once|when|suppose|supposing) (?:we|i|you)"
    r"(?: (?:do|did|were to|decide to|have to|need to|had to|should|might|may|could|would"
    r"|will))?\s+"
)


def _asked_of(held: list[Clause]) -> str | None:
    """The customer of the change called off, read as if it were asked ("do not raise Contoso
    West's limit until …": Contoso West)."""
    from graph.understand_actions import _action
    from graph.understand_refs import _extract, _name

    for clause in held:
        if (subject := _IF_WHO.match(clause.text)) is not None:
            # "if northwind doesn't pay by tuesday we'll hold SO-1002": northwind
            return _name(_extract(subject.group(1)).remaining)[0]
        if (held := _WE_WOULD.match(clause.text)) is not None:
            # "in case we hold whitaker services": the change's own object
            found = _action(clause.text[held.end() :], clause.text[held.end() :])
            if found is not None and found.customer_text:
                return found.customer_text
        lead = _NOT.match(clause.text)
        if lead is not None and (
            found := _action(clause.text[lead.end() :], clause.text[lead.end() :])
        ):
            return found.customer_text
    return None


# a change the writer reports done, with when: "FYI I've taken Mariner off stop this morning",
# "we already sent globex their statement"
_DONE_BY_US = lazy(
    r"^(?:fyi[,:]?\s+|just so you know[,:]?\s+)?(?:i|we)(?:'ve| have)?(?: already| just)?"
    r" (?:taken|took|put|placed|sent|e-?mailed|applied|written|wrote|released|lifted|removed"
    r"|raised|lowered|changed|moved|logged|recorded|added|opened|switched)\b"
    r"(?=.*\b(?:this morning|yesterday|today|earlier|already|just now|last (?:week|night|friday"
    r"|monday|tuesday|wednesday|thursday)|ago)\b|(?:i|we)(?:'ve| have)? (?:already|just)\b)"
)
_DONE_VERB = lazy(r"^.*?\b(?:taken|took|put|placed|sent|e-?mailed|released|lifted|removed)\s+")


def _done_for(done: list[Clause]) -> str | None:
    """The customer a change reported done was for ("I've taken Mariner off stop": Mariner)."""
    from graph.understand_refs import _extract, _name

    words = _DONE_VERB.sub("", done[0].text)
    words = re.sub(
        r"\b(?:off|on|credit|stop|hold|this morning|yesterday|today|already)\b.*$", "", words
    )
    return _name(_extract(words).remaining)[0] if words.strip() else None


def called_off(text: str, norm: str) -> Request | None:
    """A message that only calls a change off or puts it on a condition, asking nothing ("pls
    ignore my previous msg regarding the limit increase for X, not required now", "if X still
    don't pay next week then we put them on hold", "don't send the statement to X, they already
    got one"): ``unknown``, and which change is not asked for and why; None otherwise."""
    from graph.understand import Request
    from graph.understand_action_names import NAMES, NotAsked
    from graph.understand_framed import framed
    from graph.understand_mentioned import asks_a_question
    from graph.understand_refs import _extract, _name

    if (frame := framed(text)) is not None:
        return frame  # "Dana already took care of this: …", "should we do this? …", "@maria …"
    parts = classify(norm)
    if not parts or asked(parts) or _NO_SHIPPING.search(norm) or asks_a_question(norm):
        return None
    off = [c for c in parts if c.role == CALLED_OFF]
    # done, and not asked to be confirmed ("I wrote off INV-… last week, correct?": shown)
    done = [] if "?" in norm else [c for c in parts if _DONE_BY_US.match(c.text)]
    held = (
        off
        or done
        or [
            c
            for c in parts
            if c.role == CONDITIONAL
            and _ON_A_CONDITION.match(c.text)
            and not _WHAT_THEN.search(c.text)  # "if we hold X what happens to SO-1003": what-if's
        ]
    )
    if not held:
        return None
    # the change the called-off clause names, or ("earlier I asked to apply PAY-5003 to 987 –
    # pls don't") the one the message names before it
    kind = next((k for k in _KINDS for c in held if NAMES[k].search(c.text)), None)
    if kind is None and any(_BARE.match(c.text) for c in off):
        kind = next((k for k in _KINDS for c in parts if NAMES[k].search(c.text)), None)
    if kind is None:
        return None  # "not now, thanks": no change named
    reason = "negated" if off else "done" if done else "hypothetical"
    # the customer the change was for: "… send any dunning to sterling until …" (not "not a
    # firm promise": no customer there)
    who = _asked_of(off or held) or (_done_for(done) if done else None)
    target = _FOR_WHOM.search(norm)
    if who is None and target:
        who = _name(_extract(target.group(1)).remaining)[0]
    return Request("unknown", customer_text=who, text=text, not_asked=NotAsked(kind, reason))
