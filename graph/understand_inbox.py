"""The approvals inbox asked for: what waits on the one asking ("my approvals", "anything to
sign off"), and a proposal asked after ("is there a pending limit change for X?", "the hold for
X - approved yet?"), as ``graph.understand`` reads them on the normalized text.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


APPROVALS_INBOX = _rx(
    r"^\s*(?:my |pending |open )?approvals?(?: (?:inbox|queue|list|pending|waiting))?\s*[?!.]*$",
    r"\bwhat is waiting for (?:me|my approval|approval)\b|\bwaiting (?:for|on) (?:me|my"
    r" (?:approval|sign-?off))\b",
    r"\bmy approvals?\b|\b(?:pending|open|outstanding) approvals?\b|\bapprovals? (?:inbox|queue"
    r"|waiting|pending)\b|\bwhat (?:do|should|can|must) i (?:need to |have to )?approve\b"
    r"|\bawaiting (?:my )?approval\b"
    # "did luis's write-off come through for approval yet": a proposal arrived in the inbox
    r"|\b(?:come|came|gone|went|got|get|arrived) (?:through|thru|in|up) for (?:my )?(?:approval"
    r"|sign-?off)\b",
    r"\b(?:waiting|pending) (?:for|on) (?:my |an? )?approval\b|\bneeds? my approval\b"
    r"|\b(?:status of|where is|what happened to) (?:my|our|the) (?:[\w-]+ ){0,2}(?:requests?"
    r"|proposals?)\b"
    r"|\bmy (?:approval )?inbox\b"
    r"|\b(?:anything|something|what is there|stuff) (?:for me )?to (?:approve|sign off)\b",
    # "any approvals for me", "anything pending my sign-off": what waits on the one asking
    r"\b(?:any|anything|something) (?:approvals?|sign-?offs?|sign offs?) (?:for me|waiting"
    r"|pending)\b|\b(?:anything|something|what is) (?:pending|awaiting|waiting (?:for|on)) my"
    r" (?:approval|sign-?off|sign off)\b",
    # a proposal asked after: "is there a pending limit change for X?", "the hold for X -
    # approved yet?", "has the limit change I asked for been approved", "who approved the write-off
    # for X", "any write-offs waiting to be signed off?", "the queue of proposals"
    r"\b(?:pending|proposed|awaiting) (?:credit )?(?:limit (?:change|increase|decrease)|holds?"
    r"|releases?|write-?offs?|terms changes?|changes?|proposals?)\b"
    r"|\b(?:outstanding|open|pending) proposals\b|\b(?:queue|list) of (?:proposals|changes"
    r"|approvals)\b|\bproposals? (?:are |is )?(?:awaiting|waiting|pending)\b",
    r"\b(?:hold|release|write-?off|change|increase|decrease|proposal|request)\b[^?.]{0,40}"
    r"(?:\b(?:approved|signed off) yet\b|\bbeen (?:approved|signed off|rejected)\b"
    r"|\bwaiting (?:on|for) (?:someone|somebody|anyone|a manager|approval|sign-?off)\b)"
    r"|\bwaiting to be (?:signed off|approved)\b|\bawaiting (?:my |your )?sign-?off\b",
    r"\bwho approved (?:the|that|this|my|our) (?:[\w-]+ ){0,3}(?:change|write-?off|hold|release"
    r"|increase|decrease|proposal|request)\b"
    r"|\b(?:have|has) (?:i|we) not (?:yet )?approved\b|\b(?:sitting|stuck|sat) in (?:the )?"
    r"(?:approvals?|approval queue|inbox)\b",
)
