"""Who to chase, however it is asked: the worklist's own words ("who should I call first",
"which customers should luis chase", "collections priority", "the chase list"), read before
the whole book's other questions so that a worklist qualified by promises or disputes ("broken
PTPs at the top", "leaving out the disputed ones") stays a worklist; and a worklist asked in a
sentence of its own beside a reason told in words other readers take for something else ("short
on cash for the payroll run. … who do we call?")."""

from __future__ import annotations

import re
from collections.abc import Callable

from graph import understand_book_plain as plain
from graph import understand_book_terse as terse
from graph import understand_vocab as vocab
from graph.lazy_regex import lazy

# who to chase first, however the rest of the message narrows it
URGENT = lazy(
    r"\bwho(?:'s| is| are)? (?:the )?most urgent\b|\bmost urgent (?:ones?|accounts?|customers?"
    r"|calls?)\b|\bwho (?:should|do|must) (?:i|we) (?:chase|call|ring|go after) first\b"
    # "who should the team be calling today", "which accounts should we hit hardest", "who
    # should i hit first", "just give me the chase list", "luis's accounts to work"
    r"|\bwho (?:should|do|must|shall) (?:i|we|the team|they|you) (?:be )?(?:chas(?:e|ing)"
    r"|call(?:ing)?|ring(?:ing)?|hit(?:ting)?|go(?:ing)? after|contact(?:ing)?)\b"
    r"|\b(?:which|what) (?:accounts|customers|clients) should (?:i|we|the team) (?:be )?"
    r"(?:hit(?:ting)?|chas(?:e|ing)|call(?:ing)?|go(?:ing)? after)\b"
    r"|\b(?:chase|call|dunning) list\b|\b(?:accounts|customers|clients) to work\b"
    r"|\bon [a-z]+'s (?:list|worklist|work list|queue|call list)\b"
    # session 11: "who should AR be calling this week", "which accounts are the collectors going
    # to be chasing", "who's luis chasing right now", "who i supposed to call first", "follow up
    # list for the imported customers"
    r"|\bwho (?:should|do|must|shall) (?:ar|collections|the collectors?|our collectors?) (?:be )?"
    r"(?:chas(?:e|ing)|call(?:ing)?|ring(?:ing)?|contact(?:ing)?)\b"
    r"|\b(?:collectors?|the team|ar) (?:are |is )?(?:going to be|gonna be|will be) (?:chasing"
    r"|calling)\b"
    r"|\bwho(?:'s| is) [a-z]+ (?:chasing|calling)\b"
    r"|\bwho (?:i|we) (?:supposed|meant|need|have) to (?:call|chase|ring)\b"
    r"|\bfollow[- ]?up list\b"
    # session 12: "who's next to chase", "who's top of the pile to chase", "prioritised chasing
    # list", "what should the team be chasing tomorrow", "who do I need to get on the phone to",
    # "who's most worth calling", "the riskiest account to chase", "who should be chased most
    # urgently", "time to phone 5 customers today … which 5"
    r"|\bwho(?: is)? (?:next|first|top of the (?:pile|list|heap)) (?:to|on the list to) (?:chase"
    r"|call|ring|phone)\b"
    r"|\b(?:prioriti[sz]ed|priority|ranked) (?:chasing|chase|calling|call|collections?"
    r"|dunning) (?:list|order|queue)\b"
    r"|\bwhat (?:should|do|must) (?:the team|we|i|ar|collections|the collectors) be (?:chasing"
    r"|calling|working on)\b"
    r"|\bwho (?:do|should|must) (?:i|we) (?:need to |have to )?get on the phone\b"
    r"|\b(?:who|which (?:customers|accounts|clients))(?: is| are)? (?:most )?worth (?:calling"
    r"|chasing|ringing|phoning|a call)\b"
    r"|\b(?:riskiest|most at risk) (?:account|customer|client)s? to (?:chase|call|ring|phone)\b"
    r"|\bwho should be (?:chased|called|rung|phoned|contacted)\b"
    r"|\bwho(?: is)? (?:first|next) to (?:ring|call|phone|chase)\b"
    r"|\btime to (?:phone|call|ring|chase) \d+ (?:customers|accounts|clients|people)\b"
    # session 13: "the top priority accounts for collectors", "priority customers to call",
    # "which debtors should we chase first", "which accounts must I phone first", "which
    # accounts must we follow up as a matter of urgency"
    r"|\b(?:which|what) (?:accounts|customers|clients|debtors) (?:should|must|do|shall) (?:i|we"
    r"|the team) (?:be )?(?:chas(?:e|ing)|call(?:ing)?|phon(?:e|ing)|ring(?:ing)?|follow(?:ing)?"
    r" up|go(?:ing)? after|contact(?:ing)?|hit(?:ting)?)\b"
    r"|\b(?:top )?priority (?:accounts|customers|clients) (?:for|to) (?:the |our )?(?:collectors?"
    r"|collections|chase|call|ring|phone|work)\b"
    # session 14: a worklist however it is qualified (broken promises first, disputes left out):
    # "which customers should luis chase first", "anyone i need to call re broken ptps", "which
    # accounts are the priority for a reminder call", "any accounts we should escalate", "who
    # should dana prioritise", "which customers should get the next round of reminders", "rank
    # who we chase first", "who is in dana's bucket to chase", "the collectors' to-do list",
    # "collections priority please"
    r"|\b(?:which|what) (?:[\w-]+ ){0,2}(?:accounts|customers|clients|debtors|ones) (?:should"
    r"|must|do|shall) (?:the team|[a-z]+) (?:be )?(?:chas(?:e|ing)|call(?:ing)?|phon(?:e|ing)"
    r"|ring(?:ing)?|go(?:ing)? after|prioriti[sz]e|escalate|work(?:ing)?|focus on|tackle)\b"
    r"|\b(?:anyone|anybody|who|whom|accounts|customers) (?:i|we) (?:need to|have to|must|should"
    r"|gotta|got to|ought to) (?:call|chase|ring|phone|contact|escalate|follow up|hit up|visit"
    r"|stop by|go after)\b"
    r"|\b(?:which|what|any) (?:accounts|customers|clients|debtors) (?:are|is) (?:the |a |our )?"
    r"(?:top )?priority (?:for|to)\b"
    r"|\b(?:which|what|any) (?:accounts|customers|clients|debtors) (?:should )?(?:we|i) (?:should"
    r" |need to |must )?escalate\b"
    r"|\bwho (?:should|must|do|shall) (?:i|we|[a-z]+) prioriti[sz]e\b"
    r"|\b(?:which|what|who)(?: (?:accounts|customers|clients|debtors|ones))? (?:should|need to"
    r"|needs to|must|ought to) (?:get|receive|be sent) (?:the |a |an |our )?(?:next )?(?:round of"
    r" |batch of )?(?:reminders?|dunning|calls?|chasers?|follow[- ]?ups?)\b"
    r"|\brank (?:who|whom|which (?:accounts|customers)) (?:i|we) (?:should )?(?:chase|call|ring"
    r"|phone)\b"
    r"|\b(?:bucket|queue|list|book) to (?:chase|call|ring|phone|work)\b"
    r"|\bprioriti[sz]e (?:the |my |our |all )?(?:[\w-]+ ){0,2}(?:accounts|customers|clients"
    r"|debtors|calls|chasing|list|worklist)\b"
    r"|\bto-?do list\b|\bcollections? priorit(?:y|ies|i[sz]ation)\b|\bpriority list\b"
)


def worklist(norm: str) -> re.Match[str] | None:
    """Who to chase, asked in the worklist's own words."""
    return URGENT.search(norm) or plain.WORKLIST.search(norm) or terse.WORKLIST.search(norm)


# where a sentence (or a dictated ask) starts: "…. who do we call?", "… and I need to know who"
_SENTENCE = lazy(
    r"(?<=[.?!])\s+|\s+-+\s+"
    r"|\s+(?:and |so )?(?=(?:i need to know|can you tell me|i want to know|tell me)\b)"
)


def worklist_apart(norm: str, beside: Callable[[str], object] = vocab.OUT_OF_SCOPE.search) -> bool:
    """ "short on cash for the payroll run. … who do we call?": who to chase, asked in a
    sentence of its own beside the reason told for it (the reason's words, ``beside``, are not
    the ask)."""
    sentences = [s for s in _SENTENCE.split(norm) if s.strip()]
    return len(sentences) > 1 and any(worklist(s) and not beside(s) for s in sentences)
