"""A change put inside a frame that says it is not asked for now.

A message may say a change and, in a clause of its own, say what becomes of it. The clause names
no change itself: it speaks of the change as "this", "that" or "it", or says only its state. It
is a *frame*, and when nothing else in the message asks arbot to act, no change is asked for:

- **done** by someone — "Dana already took care of this: …", "… - luis did that yesterday, all
  sorted", "that's done already";
- **asked about** — "should we do this? …", "is this a good idea? …", "do we need to do it?";
- **held off or cancelled** — "don't do this yet: …", "hold off on this: …", "… — actually
  never mind, leave it";
- **planned by a person** — "I'll do this myself next week: …", "maria will take care of it";
- **on a condition said first** — "only if they miss friday's payment: …";
- **addressed to a colleague** — a message that opens with another person's handle ("@maria …")
  and no word to arbot is that person's message, copied in or sent to the wrong chat. On every
  surface arbot is the one addressed by default (the terminal, a direct message, ``/ar``, a
  mention of arbot: Slack's mention handler takes mentions out before reading), so only a
  handle written in the words themselves says otherwise; "@arbot …", "@maria @arbot …" and
  "…, cc @maria" still ask arbot.

A frame before the change introduces it ("this", "it", "the following", then ":", "?" or a
dash); a frame after it points back ("that", "this", "it"). A clause that asks to act after all
("…, but go ahead and do it") keeps the change asked. ``framed`` is the reading of such a
message: ``unknown``, with the change named and why it is not asked.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy

if TYPE_CHECKING:
    from graph.understand import Request

_THIS = r"(?:this(?: one)?|these|it|the (?:following|below|one below|request below))"
_THAT = r"(?:this(?: one)?|that(?: one)?|these|those|it|the (?:above|one above|request above))"
# a verb that stands for any change: "do", "take care of", "handle", "sort", "action"
_DO = (
    r"(?:do|does|doing|handle|handles|handling|take care of|takes care of|taking care of"
    r"|sort(?: out)?|sorts|sorting|action|actions|actioning|process|processes|processing"
    r"|deal with|deals with|dealing with|look after|get to|go ahead with|proceed with"
    r"|execute|run|cover|pick up|own)"
)
_DID = (
    r"(?:did|done|handled|took care of|taken care of|sorted(?: out)?|actioned|processed"
    r"|dealt with|looked after|got to|covered|executed|picked up|went ahead with"
    r"|proceeded with|ran)"
)
_WHO = r"(?:[a-z][\w.'-]*(?: [a-z][\w.'-]*){0,4}?)"  # "dana", "luis from cash app", "i"

_DONE = lazy(
    # "dana already took care of this", "luis did that yesterday", "ops has handled it"
    rf"^{_WHO} (?:(?:has|have|had|'s|'ve) )?(?:(?:already|just|actually|also) )*{_DID}"
    rf"(?: all of)? {_THAT}\b"
    # "that's done already", "this was handled yesterday", "it's been sorted"
    rf"|^{_THAT}(?:'s| is| was| has been| have been| were| are|'s been)? (?:(?:already|all"
    rf"|been) )*{_DID}\b(?! (?:by|before|after|once|when) (?:you|arbot)\b)"
    # "all sorted", "already done", "done already", "sorted"
    r"|^(?:all |already |been )?(?:done|sorted|handled|taken care of|actioned|processed)"
    r"(?: already)?(?: (?:yesterday|earlier|this morning|last week|by \w+))?$"
)
_ASKED_ABOUT = lazy(
    # "should we do this", "do we need to do it", "must we action this", "can we do this one"
    rf"^(?:so |but |ok |okay )?(?:should|shall|do|must|can|could|would|ought|need) (?:we|i)"
    rf"(?: (?:really|even|still|actually))?(?: (?:need|have|ought|want) to)?(?: be)? {_DO}"
    rf" {_THIS}\b"
    # "is this a good idea", "would it be ok", "is that wise", "worth doing?"
    r"|^(?:is|would|will) (?:this|it|that)(?: be)? (?:a good idea|ok|okay|alright|wise|right"
    r"|sensible|allowed|worth it|necessary|needed|the right call|the right thing)\b"
    r"|^(?:(?:any )?thoughts|what do you think|your (?:view|opinion)|worth (?:doing|it))$"
)
_HELD = lazy(
    # "don't do this yet", "do not action it", "please don't process these"
    rf"^(?:(?:please|pls|but|so|ok|okay)\b[\s,]*)*(?:don't|dont|do not|never) {_DO}"
    rf" {_THIS}\b"
    rf"|^(?:(?:please|pls|but|so|ok|okay)\b[\s,]*)*(?:hold off|wait)(?: (?:on|with) {_THIS})?"
    r"(?: (?:for now|until|till|a (?:bit|while|few days)|yet)\b.*)?$"
)
_PLANNED = lazy(
    # "i'll do this myself next week", "maria will take care of it", "we're going to handle it"
    rf"^(?!you\b){_WHO}(?:'ll|'m going to|'re going to|'s going to| will| shall| am going to"
    r"| are going to| is going to| (?:plan|plans|intend|intends|am planning|'m planning"
    r"|is planning|are planning) to| (?:could|may|might) (?:just )?)"
    rf" {_DO} {_THIS}\b"
)
_CANCELLED = lazy(
    r"^(?:(?:actually|no|nah|nope|wait|ok|okay|hmm|sorry|on second thought|on second thoughts"
    r"|thinking about it|but)\b[\s,]*)*"
    r"(?:never ?mind|nvm|forget (?:it|that|this|about it)|scratch (?:that|this|it)"
    r"|ignore (?:that|this|it|me)|leave it|leave (?:that|this|it) (?:for now|alone|be)"
    r"|cancel (?:that|this|it)|don't bother|no need|not needed|not necessary)\b"
)
# a condition said first: "only if they miss friday's payment", "unless we hear back"; not
# politeness ("if possible", "if you can")
_CONDITION = lazy(
    r"^(?:(?:but|and|so)\s+)?(?:only )?(?:if|unless|in case|provided(?: that)?|as soon as"
    r"|once)\b(?! (?:possible|poss|you can|you could|you don't mind|that's ok|ok|needed"
    r"|necessary|required|you get a chance|you have a (?:sec|second|minute))\b)"
)
# a clause that asks arbot to act on the change after all: "go ahead", "pls do it now"
_GO_AHEAD = lazy(
    r"^(?:(?:but|so|ok|okay|then|and|actually)\b[\s,]*)*(?:(?:please|pls|kindly|can you"
    r"|could you)\s+)*(?:go ahead|do (?:it|this|that)|proceed|action it|process it)"
    r"(?: (?:anyway|after all|now|today|please|pls|with it))*[.!]*$"
)
# "@maria", "hey @luis,": another person's handle first
_HANDLE = lazy(r"^(?:(?:hi|hey|hello|yo|morning|ok|okay)\b[\s,!]*)*((?:@[\w.-]+[\s,:]*)+)")
_BOT = lazy(r"@(?:arbot|ar-?bot|ar_bot|bot)\b")
# where a frame's clause ends: ":", "?", ".", ";", "!", a dash or a new line (not a comma:
# "luis did that yesterday, all sorted" is one frame)
_ENDS = lazy(r"[:?!.;]+(?=\s|$)|\s[-\u2013\u2014]+\s|\s-{2,}|[\u2013\u2014]|\n+")
# separators after a frame that introduces what follows
_INTRODUCES = lazy(r"^\s*(?:[:?]|-|\u2013|\u2014)")


def _clauses(text: str) -> list[tuple[str, str, int, int]]:
    """Each clause of the message (lower case): its words, the separator that ends it, where it
    starts and where the separator ends."""
    lower = text.lower()
    found, start = [], 0
    for separator in _ENDS.finditer(lower):
        words = lower[start : separator.start()]
        found.append((words.strip(), separator.group(0), start, separator.end()))
        start = separator.end()
    found.append((lower[start:].strip(), "", start, len(lower)))
    return [part for part in found if part[0].strip(" -,;:.!?()")]


def _frame(clause: str, *, before: bool, question: bool = False, colon: bool = False) -> str | None:
    """The reason a clause, said before or after the change, frames it as not asked now."""
    if before:
        if _DONE.match(clause) and (colon or re.search(rf"\b{_THIS}\b", clause)):
            return "done"  # "dana did this: …", "luis took care of that: …" ("that" before a colon)
        if _ASKED_ABOUT.match(clause):
            return "question"
        if _HELD.match(clause):
            return "negated"
        if _PLANNED.match(clause):
            return "planned"
        if _CONDITION.match(clause) and not question:
            return "hypothetical"  # not "if X's limit goes up, what headroom? …": a what-if
        return None
    if _DONE.match(clause):
        return "done"
    if _CANCELLED.match(clause):
        return "negated"
    if _ASKED_ABOUT.match(clause) or _HELD.match(clause):
        return "question" if _ASKED_ABOUT.match(clause) else "negated"
    if _PLANNED.match(clause):
        return "planned"
    return None


def _change_in(words: str) -> tuple[str, str | None] | None:
    """The change the words ask for, read as if nothing framed them: its kind and customer."""
    from graph import intents
    from graph.understand import parse

    reading = parse(words.strip(), date.today())
    if reading.action is None and not intents.get(reading.intent).change:
        # "Hi arbot,\n\n… Please create the invoice …\n\nThanks,\nJen": the letter's body
        from graph import understand_own_words as apart

        body = apart.own_words(apart.split(words.strip()))
        reading = parse(body, date.today()) if body and body != words.strip() else reading
    if reading.action is not None:
        return reading.action.kind, reading.action.customer_text
    if intents.get(reading.intent).change:
        return reading.intent, reading.customer_text  # "create an invoice for SO-1001"
    return None


def _change_of(text: str) -> tuple[str, str | None] | None:
    """The change the whole message names, the frame with it ("w/o the discount they took -
    luis did that yesterday": the frame's "did" makes it read as a change)."""
    from graph import understand_collector
    from graph.understand_actions import _action
    from graph.understand_vocab import normalize

    norm = normalize(text)
    collector = understand_collector.read(text, date.today(), norm)
    found = collector.action if collector is not None else _action(text, norm)
    return (found.kind, found.customer_text) if found is not None else None


def framed(text: str) -> Request | None:
    """The reading of a message whose change is framed as not asked now (see the module's
    docstring), or None when no frame says so. Only the person's own words frame: a quote's
    words are data (``graph.understand_own_words``)."""
    from graph import understand_own_words as apart

    addressed = _HANDLE.match(text.lower())
    if addressed is not None and not _BOT.search(addressed.group(1)):
        return _unasked(text, text[addressed.end() :], "addressed")  # "@maria put X on hold"
    said = apart.split(text)
    own = apart.own_words(said).lower() if said.quotes else text.lower()
    parts = _clauses(text)
    for clause, separator, _start, end in parts[:-1]:
        # "Dana already took care of this: …", "should we do this? …"
        if (
            _INTRODUCES.match(separator)
            and (
                reason := _frame(
                    _plain(clause), before=True, question="?" in separator, colon=":" in separator
                )
            )
            and clause in own
            and (found := _unasked(text, text[end:], reason)) is not None
        ):
            return found
    for n, (clause, _separator, start, _end) in enumerate(parts[1:], start=1):
        reason = _frame(_plain(clause), before=False)
        if reason is None or clause not in own:
            continue
        if any(_GO_AHEAD.match(_plain(c[0])) for c in parts[n + 1 :]):
            continue  # "… luis was going to do it, but go ahead": asked after all
        said = text[:start].rstrip(" -,;:\u2013\u2014\n")  # without the dash before the frame
        if (found := _unasked(text, said, reason, after=True)) is not None:
            return found
    return None


def _plain(clause: str) -> str:
    """A clause's words as the frames are written: curly apostrophes straight, "pls" said."""
    return re.sub(r"\bpls\b|\bplz\b", "please", clause.replace("\u2019", "'")).strip(" ,")


def _unasked(text: str, said: str, reason: str, *, after: bool = False) -> Request | None:
    """``unknown``, with the change ``said`` asks for and why it is not asked; None when the
    framed words ask for no change."""
    from graph.understand import Request
    from graph.understand_action_names import NotAsked

    # the frame's own words may be what reads as a change ("w/o the discount they took - luis
    # did that yesterday": "did"; "jo handled this: kendall said wed, put it in"); a question or
    # a condition beside a plan is the existing readers' (advice, a what-if)
    fallback = reason in ("done", "negated") or (not after and reason in ("planned", "addressed"))
    change = _change_in(said) or (_change_of(text) if fallback else None)
    if change is None:
        return None
    kind, who = change
    if after and kind == "add_note" and reason != "negated":
        return None  # "note for X: … - luis did that": a note's own text is data
    return Request("unknown", customer_text=who, text=text, not_asked=NotAsked(kind, reason))
