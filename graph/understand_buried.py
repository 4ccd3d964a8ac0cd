"""The question buried in a long, polite message: "Hi! sorry if this is a dumb question, I'm
covering for Sam while she's on leave and Pat asked me to get her the aging before her 2pm. is
that something you can pull?". Greetings, apologies, thanks, who the writer is ("office manager
here", "I'm new"), a tag asking whether arbot can do it ("is that something you can pull?") and
what others said or want it for only tell; the clause that asks (a question, "could you show
…", or what someone asked the writer to find: "my manager wants to know which …") is read
alone, when the whole message read at once took a word of the telling for a customer, or asked
nothing arbot answers, or took the tag for a question about arbot.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.understand_order_asked import order_credit_asked
from graph.understand_parts import cannot
from graph.understand_vocab import normalize

if TYPE_CHECKING:
    from graph.understand import Request

# a sentence ends at ".", "!" or "?" (not a company's "Inc."), or a clause at ", " / " - "
_CLAUSE = lazy(
    r"(?<!\binc)(?<!\bco)(?<!\bltd)(?<!\bcorp)(?<!\bllc)[.!?]+(?=\s|$)|[,;]\s|\s[-\u2013\u2014]+\s"
    r"|\s\(|\)\s"
)
# what only opens, closes or softens a message
_COURTESY = lazy(
    r"^(?:hi|hello|hey|hiya|heya|morning|afternoon|evening|good (?:morning|afternoon|evening|day)"
    r"|greetings|dear \w+|team|all|folks)(?: there| all| team| everyone| arbot| again)?!*$"
    r"|^(?:(?:hi|hello|hey|hiya)\W+)?(?:so |really |very |i'm |i am )?(?:sorry|apologies"
    r"|apologi[sz]e)\b|^quick (?:q|question|one)\b"
    r"|^(?:thanks|thank you|thx|ty|cheers|much appreciated|appreciate it|many thanks)\b"
    r"|\byou'?re a (?:lifesaver|star|legend)\b"
    # who is writing: "office manager here (Deb)", "I'm new (2nd week!)", "I'm covering for X
    # while she's on leave", "I'm her cover for 3 weeks", "first time doing this"
    r"|^(?:i'm|i am|im) (?:new|the new|a new|brand new|covering|her cover|his cover|their cover"
    r"|the office manager|an office manager|still (?:new|learning)|a temp|the temp|filling in"
    r"|helping out)\b"
    r"|^(?:\w+ )?(?:office manager|new hire|temp|newbie) (?:here|helping out)\b"
    r"|^(?:office manager|new hire|the temp)$|^(?:new here|new on the team|(?:1st|2nd|3rd|first"
    r"|second|third) (?:week|day)\b.*)$|\bbear with me\b|^helping out\b|^first (?:time|week)\b"
    r"|^hope (?:that's|that is|this is) (?:enough|ok|okay|clear)\b"
    # a tag asking whether arbot can: "is that something you can pull?", "can you do that or do
    # I have to do it in excel?", "how do I see that?", "can you give me that?"
    r"|^(?:is|would) (?:that|this|it) (?:be )?(?:something|a thing) (?:you|arbot)"
    r" (?:can|could|would)\b"
    r"|^(?:is that|is this|would that be) (?:possible|doable|ok|okay)\b"
    r"|^(?:can|could|would|will) you (?:do|pull|get|give me|manage|handle|run|find|send me"
    r"|help (?:me )?with) (?:that|this|it|those|them)\b"
    r"|^how (?:do|would|can) i (?:see|get|find|pull|do) (?:that|this|it)\b"
    r"|^or (?:do|would|should|must) i (?:have|need) to\b"
    # filler: "quick q", "one more thing from me today", "eek", "haha"
    r"|^(?:quick (?:q|question|one)|one more (?:thing|question|q)(?: from me)?(?: today)?"
    r"|two (?:things|questions)(?: at once)?|eek|haha|lol|phew|oops|ok|okay|so)\W*$"
)
# a clause that asks
_ASKS = lazy(
    r"\?\s*$"
    r"|^(?:what|whats|what's|how|who|whose|which|when|where|is|are|was|were|has|have|did|do"
    r"|does|any|anything|anyone)\b"
    r"|^(?:(?:can|could|would|will) (?:you|u)(?: please| pls)? |please |pls |kindly )?(?:show|list"
    r"|give|tell|send me|pull|find|get me|summari[sz]e|check|confirm|let me know)\b"
)
# what someone asked the writer to find: "Pat asked me to get her the aging", "my manager wants
# to know which 3 accounts …", "the CFO wants 'the overdue report' on her desk"
_RELAYED = lazy(
    r"^(?:[\w' ]{1,40}? )?(?:asked|asks|has asked|wants|needs|would like|is asking)"
    r"(?: (?:me|us))?(?: to (?:know|find out|see|get|find|pull|list|check|look up|give)"
    r"(?: (?:her|him|them|me|us))?| for| (?=['\"]?(?:what|which|who|how|whether|if|the|a|our"
    r"|all)\b))"
    r"\s*(?P<ask>.+)$"
)
# a clause that goes on from the one before: "…, including anything past due?"
_GOES_ON = lazy(r"^(?:including|incl|and|or|plus|also|like|with|without|not|but not|except)\b")
# the writer's own errand: "I'm trying to find our largest open invoices"
_ERRAND = lazy(
    r"^(?:i'm|i am|im|we're|we are) (?:trying|looking|hoping) to (?:find|get|see|pull|work out"
    r"|figure out|check)(?: out)?\s+(?P<ask>.+)$"
)
_BUT = lazy(
    r"^.*?(?:\b(?:but|so)\s+|:\s*)(?=(?:what|whats|what's|how|who|which|is|are|can|could|any)\b)"
)
# readings that do not answer what a buried question asks
_SOFT = frozenset({"unknown", "help"})
_ONE_CUSTOMER = frozenset(
    {"customer_balance", "payment_history", "invoice_status", "credit_check", "days_to_pay"}
)
# a question about whom (or what) the telling names: "what do they owe?", "is that still open?"
_EVERYONE = lazy(
    r"\b(?:anyone|anybody|everyone|everybody|who|whom|which|customers|accounts|clients|all)\b"
)
_REFERS = lazy(r"\b(?:they|them|their|theirs|it|its|that|this|those|these)\b")


def _clauses(text: str) -> list[str]:
    parts, start = [], 0
    lowered = text.lower()
    for separator in _CLAUSE.finditer(lowered):
        end = separator.end() if "?" in separator.group(0) else separator.start()
        parts.append(text[start:end].strip(" ,;-()"))
        start = separator.end()
    parts.append(text[start:].strip(" ,;-()"))
    return [p for p in parts if p.strip(" .!?'\"")]


def _asked(clause: str) -> str | None:
    """The words a clause asks, or None when it only tells or is courtesy."""
    low = clause.lower().strip(" '\"")
    if low.startswith(("sorry", "so sorry", "apologies")) and (but := _BUT.match(low)):
        return clause[but.end() :]  # "sorry if this is basic but how much …"
    if _COURTESY.search(low) or _GOES_ON.match(low):
        # "I'm covering for Sam and Pat asked me to get her the aging": the ask after "and"
        for part in re.finditer(r"\band (?=\S)", low):
            if (relayed := _RELAYED.match(low[part.end() :])) and not low[part.end() :].startswith(
                ("i ", "we ")
            ):
                return clause[part.end() + relayed.start("ask") :]
        return None
    if (relayed := _RELAYED.match(low)) and not low.startswith(("i ", "we ")):
        return clause[relayed.start("ask") :]
    if errand := _ERRAND.match(low):
        return clause[errand.start("ask") :]
    if _ASKS.search(low):
        return clause
    return None


def _refers(question: str) -> bool:
    """Whether the question asks of someone the telling names ("what do they owe?"), not of
    everyone ("is anyone over their limit?")."""
    return bool(_REFERS.search(question)) and not _EVERYONE.search(question)


def _without_courtesy(clauses: list[str]) -> str:
    return ". ".join(c for c in clauses if not _COURTESY.search(c.lower().strip(" '\"")))


def _misread(first: Request, question: str, told: list[str], clauses: list[str], parse) -> bool:
    """Whether the whole message read at once missed what ``question`` asks."""
    if first.intent == "unknown":
        # what arbot cannot do is asked, not told: "… Sam said you do one every day" asks no alert
        return first.cannot is None or cannot(normalize(question)) is None
    if first.intent == "help":
        # help read from a tag ("is that something you can do for me?"), not from what is asked
        return parse(_without_courtesy(clauses)).intent != "help"
    if first.guessed:
        return True
    name = (first.customer_text or "").lower()
    said = question.lower()
    if not name or first.intent not in _ONE_CUSTOMER or _refers(said):
        return False  # "I have a call with X at 3, could you tell me what they owe?"
    if any(c.lower().strip(" .!?") == name and not _COURTESY.search(name) for c in told):
        return False  # "X - how much is open?": the customer the message is about
    # a word of the telling taken for a customer ("Pat said …", "office manager here (Deb)")
    return any(not re.search(rf"\b{re.escape(w)}\b", said) for w in name.split())


def _refs(request: Request) -> set[str]:
    fields = ("invoice_refs", "payment_refs", "order_refs", "po_refs")
    return {ref for field in fields for ref in getattr(request, field)}


def _trimmed(first: Request, alone: Request) -> bool:
    """Whether ``alone`` names the customer of ``first`` without the telling's words ("tate
    engineering" of "tate engineering ap lady phone always"), or names one where ``first`` took
    only the telling's words for one."""
    if not alone.customer_text or not first.customer_text or _refs(first):
        return False
    said, named = set(alone.customer_text.split()), set(first.customer_text.split())
    # "what Initech owes us" of a message read whole as the customer "obvious"
    return said < named or not said & named


def buried_question(
    text: str, first: Request, today: date, parse: Callable[[str, date], Request]
) -> Request | None:
    """The one question of a long polite message read alone, when the whole message read at
    once (``first``) did not read it; None when there is no such question or ``first`` stands."""
    if (order := order_credit_asked(text, first)) is not None:
        return order  # "X's buyer asked if we could invoice SO-… Is there headroom for it?"
    clauses = _clauses(text)
    if len(clauses) < 2 or first.action is not None or first.not_asked is not None:
        return None
    if not any(_COURTESY.search(c.lower().strip(" '\"")) for c in clauses):
        return None
    for index, clause in enumerate(clauses):
        if (question := _asked(clause)) is None:
            continue
        told = [c for n, c in enumerate(clauses) if n != index]
        if not _misread(first, question, told, clauses, lambda t: parse(t, today)):
            return None
        alone = parse(question, today)
        if _refers(question.lower()) and (
            first.intent not in _SOFT or alone.intent in _ONE_CUSTOMER
        ):
            return None  # "… has their terms been updated yet?": of whom the telling says
        if alone.intent in _SOFT or alone.action is not None or alone.not_asked is not None:
            continue
        if alone.guessed:
            continue
        if _refs(first) - _refs(alone) and not alone.customer_text:
            return None  # the telling names what is asked about: read whole
        if alone.intent == first.intent and not first.guessed and not _trimmed(first, alone):
            return None  # the same question: the whole message's reading stands
        return replace(alone, text=text)
    return None
