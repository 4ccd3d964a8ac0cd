"""The approvals inbox asked for: what waits on the one asking ("my approvals", "anything to
sign off"), and a proposal asked after ("is there a pending limit change for X?", "the hold for
X - approved yet?"), as ``graph.understand`` reads them on the normalized text.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


# a change that goes to approval, by its name
_CHANGE = (
    r"(?:changes?|increases?|decreases?|raises?|requests?|write[- ]?off(?:'?s)?|holds?|releases?"
    r"|proposals?|applications?|disputes?)"
)
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
    # session 14: "anything pending that needs the CFO's sign-off", "the approval list"
    r"\b(?:anything|something|what is|what)\b(?: (?:still|else))? (?:pending|waiting|outstanding)"
    r" (?:that |which )?(?:needs?|requires?|awaits?|awaiting|waiting (?:for|on)) (?:the |an? |my"
    r" |our )?(?:[a-z]+'s |[a-z]+ )?(?:sign-?offs?|sign offs?|approvals?|ok)\b|\bapprovals? list\b"
    r"|\b(?:any|anything|something) (?:approvals?|sign-?offs?|sign offs?) (?:for me|waiting"
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
    # waiting, asked another way: "what approvals are pending", "any write off i requested still
    # pending?", "is my limit request for X still pending?", "show me the open requests in the
    # queue", "proposals … which need my sign off", "got writeoff waiting for you to approve"
    rf"\b(?:{_CHANGE}|approvals?)\b(?: i| we)?(?: (?:asked for|requested|raised|made|submitted))?"
    r"(?: [\w'-]+){0,3} (?:are |is )?(?:still )?(?:pending|waiting|awaiting)\b"
    r"(?! (?:payments?|cash))"
    r"|\bpending (?:requests?|sign-?offs?|sign offs?)\b|\bopen requests\b"
    r"|\b(?:requests?|proposals?) in the queue\b|\bneeds? my sign[- ]?off\b"
    r"|\bwaiting for (?:you|me) to (?:approve|sign off)\b",
    rf"\bwhat happened (?:to|with) (?:the|my|our|that) (?:[\w-]+ ){{0,3}}{_CHANGE}\b",
    r"\bwho approved (?:the|that|this|my|our) (?:[\w-]+ ){0,3}(?:change|write-?off|hold|release"
    r"|increase|decrease|proposal|request)\b"
    r"|\b(?:have|has) (?:i|we) not (?:yet )?approved\b|\b(?:sitting|stuck|sat) in (?:the )?"
    r"(?:approvals?|approval queue|inbox)\b",
    # session 12: "what's sat waiting for the FD to approve", "which requests did I submit that
    # are still pending", "any limit increases queued up for me", "the inbox for approvals"
    r"\b(?:sitting|sat|waiting) (?:waiting )?(?:for|on) (?:the |my |our )?[a-z]+(?: [a-z]+)? to"
    r" (?:approve|sign (?:it )?off)\b"
    r"|\brequests? (?:did |have |that )?(?:i|we) (?:submit(?:ted)?|raised?|made|make|sent|send)\b"
    r".{0,30}\b(?:pending|waiting|awaiting|approved)\b"
    r"|\b(?:queued|lined) up for (?:me|my approval|approval|sign-?off)\b"
    r"|\binbox for (?:the )?approvals?\b",
    # session 13: "which requests still need sign off from me", "any limit changes submitted for
    # approval?", "what did the team send me to approve"
    r"\b(?:requests?|changes?|proposals?|write-?offs?)\b.{0,20}\bneeds? (?:a )?sign[- ]?off"
    r" (?:from|by) me\b"
    rf"|\b{_CHANGE}\b.{{0,30}}\b(?:submitted|sent|put through|raised) for (?:my )?(?:approval"
    r"|sign[- ]?off)\b"
    r"|\b(?:send|sent) me to (?:approve|sign off)\b",
)
# what waits for approval, said as a Slack AR team or a finance leader says it (session 13):
# "pending for the controller to approve", "waiting on dana's approval", "what approvals piled
# up", "anything pending my ok", "what am i supposed to approve", "write-offs to sign off on",
# "submitted / queued for approval", "proposals still open / unapproved", "I'm the approver"
_WAITING_SAID = (
    r"\bpending for (?:the |a |our )?[a-z]+(?: [a-z]+)? to (?:approve|sign off|ok)\b"
    r"|\b(?:waiting|pending|queued|sitting) (?:for|on) (?:the |a |my |our )?[a-z]+(?:'s)?"
    r" (?:approval|sign[- ]?off)\b|\bwaiting for sign[- ]?off\b",
    r"\b(?:what|which|how many|any) approvals (?:are|is|have|piled|still|pending|outstanding"
    r"|waiting|open|queued|do i have|for me)\b|\bapprovals? (?:are |is )?(?:still )?"
    r"(?:outstanding|open|piled up|piling up|queued)\b|\binbox check\b",
    r"\bpending my (?:ok|okay|approval|sign[- ]?off)\b|\bsign[- ]?off from me\b"
    r"|\b(?:i|we) (?:need|have|am supposed|'m supposed|are supposed|must) to (?:ok|okay|approve"
    r"|sign off)\b|\b(?:anything|something|write-?offs?|changes?|requests?|proposals?|items?)"
    r" (?:for me )?to (?:sign off|approve)(?: on)?\b",
    r"\bmy (?:[\w-]+ ){0,3}requests?\b.{0,30}\b(?:waiting|pending|awaiting|go through|gone"
    r" through|went through)\b",
    r"\b(?:submitted|queued(?: up)?) for (?:approval|sign[- ]?off)\b|\bsend me (?:something"
    r"|anything) to (?:approve|sign off|ok)\b|\bapproved the (?:stuff|things|items|requests?)"
    r" (?:i|we) (?:submitted|sent|raised)\b",
    r"\b(?:am i|are we) supposed to (?:approve|sign off|ok)\b",
    r"\bproposals? (?:are |is )?(?:still )?(?:open|unapproved|not approved)\b|\bproposed actions?"
    r"\b.{0,30}\b(?:approved|pending|waiting)\b|\bunapproved\b|\bi(?:'m| am) the approver\b",
)
# A proposal asked after, read before any change word in it is taken for a request or the history
# arbot cannot show: "did the limit change for X get approved or still pending?", "the write off
# for X INV-1 – is it approved yet?", "the writeoff for 10319 done already or not", "did anyone
# approve the hold release I asked for", "finance manager rejected the X limit request right?"
PROPOSAL_ASKED_AFTER = _rx(
    rf"\b(?:did|has|have|is|was|were)\b[^.]{{0,60}}\b{_CHANGE}\b[^.]{{0,40}}"
    r"\b(?:(?:get|got|been|be) (?:approved|rejected|signed off)\b|(?:approved|rejected|signed off)"
    r"(?: already| yet)?\s*(?:or\b|yet\b))",
    rf"\b{_CHANGE}\b[^.]{{0,40}}\b(?:approved|rejected|signed off)"
    r"(?: already| yet)?\s*(?:or (?:not|still pending|rejected|approved)\b|\?)",
    # a write-off or a limit change "done"; an order's hold or release done is the order's credit
    r"\b(?:write[- ]?offs?|requests?|(?:limit|terms) (?:changes?|increases?|decreases?))\b"
    r"[^.]{0,40}\b(?:done|processed|gone through)(?: already| yet)?"
    r"\s*(?:or (?:not|still pending)\b|\?)",
    rf"\b(?:did|has) (?:\w+ ){{1,2}}(?:approved?|signed off|sign off|rejected?)"
    rf" (?:the|my|our|that) (?:[\w-]+ ){{0,3}}{_CHANGE}\b"
    rf"|\b(?:rejected|approved) the (?:[\w-]+ ){{0,3}}{_CHANGE}\b.{{0,20}}\bright\s*\?",
    # who asked for a change that went to approval: "who raised the X hold approval", "who put
    # in the request for X's limit" (who approved a change made is the history: not here)
    r"\bwho (?:raised|requested|submitted|proposed|put (?:in|through)) (?:the|that|this)"
    r" (?:[\w&'-]+ ){0,4}(?:approvals?|requests?|proposals?)\b",
    # session 15: a change's fate asked after: "did the w/o for X go through yet?", "did the
    # invoice for X from SO-… get approved?", "create inv pending approval?", "what's pending
    # approval right now?" (a reminder or statement "gone out" is not asked here)
    # (with an invoice number, "did the w/o on INV-… go through?" is that invoice's state)
    rf"\b(?:did|has|have)\b[^.]{{0,60}}\b(?:{_CHANGE}|invoices?)\b[^.]{{0,40}}\b(?:get|got"
    r"|been) (?:approved|rejected)\b"
    rf"|\b(?:did|has|have)\b(?![^.?]*\d{{3}})[^.]{{0,60}}\b{_CHANGE}\b[^.]{{0,40}}\b(?:go|gone"
    r"|went|got|get) (?:through|thru)\b",
    r"^\W*(?:[\w'-]+ ){0,2}pending (?:my |your )?approval\b",
    # a note proposed through arbot asked after: "was my note on X saved?" (a call logged, a
    # promise recorded, an invoice created: not here)
    r"\b(?:was|were|did|has|have)\b[^.?]{0,20}\b(?:my|the|our) (?:[\w-]+ )?notes?\b"
    r"[^.?]{0,40}\b(?:(?:get|got|been|be) )?(?:saved|added)\b",
    # "did anything I submitted get approved yet"
    r"\b(?:anything|everything|what) (?:i|we) (?:submitted|sent in|asked for|requested|raised)\b"
    r".{0,20}\b(?:approved|rejected|signed off)\b",
    *_WAITING_SAID,
)
