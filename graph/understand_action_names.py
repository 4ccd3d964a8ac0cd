"""What each change is called and how it is said back: the words a request names a kind by
(``NAMES``), the kinds asked for by reporting them (``REPORTED``), each kind said back (``SAID``),
and why a message does not ask for one (``NotAsked``, ``WHY``). ``graph.understand_asked`` reads
a message against them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.lazy_regex import lazy

_HOLD_WORDS = (
    # "don't ship to globex", "no more orders for initech": a negation that is the request
    r"\b(?:don't|dont|do not|no more|no further|stop|cease)\s+(?:\w+\s+)?(?:ship\w*|suppl\w*"
    r"|deliver\w*|orders?|releas\w*)\b|"
    r"\b(?:credit )?(?:hold|stop)\b|\bblock\w*|\bfreez\w*|\bsuspend\w*|\bunblock\w*|\bun-?hold\b"
    r"|\b(?:ship|shipping|shipments?|supply|supplying|supplies|deliver\w*)\b"
    r"|\b(?:releas\w*|lift\w*|reinstat\w*|restor\w*|approve)\b"
)
# What each action is called: the words a request for it names it by (normalized text).
NAMES: dict[str, re.Pattern[str]] = {
    kind: lazy(pattern)
    for kind, pattern in (
        (
            "write_off_deduction",
            r"\bwr(?:ite|ites|iting|ote|itten)[- ]?offs?\b|\bwriteoffs?\b"
            r"|\bwr(?:ite|ote|itten|iting) (?:it|them|this|that|these|those|the rest|the balance)"
            r" off\b"
            r"|\b(?:absorb|eat|swallow|forgive)\b|\btake the (?:hit|loss)\b"
            r"|\bbook (?:it |this |that |them )?(?:off|out)\b"  # "book off the difference"
            r"|\bto (?:the )?bad debts?\b"  # "put the 45 on INV-… to bad debt"
            # "let the 171.45 pricing diff on 10396 go"
            r"|\blet (?:it|that|this|the [\w.,$ -]{1,40}?) go\b(?! (?:to|through|ahead)\b)",
        ),
        (
            "apply_payment",
            r"\b(?:apply|allocate|match|post|put|place|use|knock ?-?off|adjust|set ?-?off"
            r"|offset)\b|\bcash (?:the|this|that|it|in)\b|\bcash[- ]?app\w*|\bgo(?:es)? against\b"
            r"|\bknock\b.{1,40}\boff\b"  # "knock PMT-… off 10211"
            r"|\bbook (?:the |this |that )?(?:payment|receipt|cheque|check|wire|remittance)\b",
        ),
        (
            "set_credit_limit",
            r"\b(?:credit ?)?limits?\b|\b(?:credit ?)?lines?\b|\bline of credit\b"
            r"|\bcredit (?:to|for)\b|\bof credit\b"
            r"|\b(?:raise|lift|bump|increase|lower|reduce) (?:[\w&.'-]+ ){1,4}?to\s*[$]?\d",
        ),
        ("set_credit_hold", _HOLD_WORDS),
        ("hold_order", r"\bhold\b|\bblock\b"),
        ("release_order", r"\b(?:releas\w*|approve|unblock|un-?hold|lift)\b|\bok to ship\b"),
        ("decline_order", r"\b(?:decline|reject|deny|refuse)\b"),
        (
            "set_terms",
            r"\bterms?\b|\b(?:net|n) ?-?\d{1,3}\b|\bdays? net\b|\bdue (?:up)?on receipt\b",
        ),
        (
            "add_note",
            r"\b(?:notes?|notate|comments?|memos?|remarks?|log|jot|record)\b",
        ),
        (
            "send_reminder",
            r"\b(?:remind|reminders?|nudge|chase|chaser|dun|dunning|notices?|ping|e-?mail"
            r"|follow[- ]?up|reach out|demand letter)\b",
        ),
        ("send_statement", r"\bstatements?\b|\bsoa\b"),
        (
            "record_promise",
            r"\bpromis\w*|\bptps?\b|\bcommit\w*|\b(?:will|shall|going to|plans? to|agreed to"
            r"|agree to|intends? to) (?:pay|send|remit|wire|settle|clear|transfer)\b",
        ),
        (
            "open_dispute",
            r"\bdisput\w*|\bcontest\w*|\bquery\b|\bqueried\b|\bshort[- ]?pa(?:y|id|yment)s?\b",
        ),
        ("resolve_dispute", r"\bdisput\w*"),
        (
            "create_invoice",
            r"\binvoices?\b|\binvoicing\b|\bbill\b|\bbilling\b|\brebill\b|\bre-?invoice\b",
        ),
    )
}
# Kinds asked for by reporting what the customer did or said ("globex promised 5,000 by friday",
# "INV-10432 is disputed: …"): a report of the past is the request itself.
REPORTED = frozenset({"record_promise", "open_dispute"})

# How each change is said back to the person, and how to ask for it plainly.
SAID: dict[str, tuple[str, str]] = {
    "write_off_deduction": ("a write-off", "write off 45.00 on INV-… as pricing"),
    "apply_payment": ("a payment application", "apply PMT-… to INV-…"),
    "set_credit_limit": ("a credit limit change", "raise {customer}'s credit limit to …"),
    "set_credit_hold": ("a credit hold", "put {customer} on credit hold"),
    "hold_order": ("a hold on a sales order", "hold SO-…"),
    "release_order": ("a sales order's release", "release SO-…"),
    "decline_order": ("a sales order declined", "decline SO-…"),
    "set_terms": ("a change of payment terms", "set {customer} terms to net …"),
    "add_note": ("a note", "note for {customer}: …"),
    "send_reminder": ("a reminder", "send a reminder to {customer}"),
    "send_statement": ("a statement sent", "send {customer} a statement"),
    "record_promise": ("a promise to pay", "{customer} promised 5,000 by friday"),
    "open_dispute": ("a dispute", "INV-… is disputed: why"),
    "resolve_dispute": ("a dispute resolved", "resolve dispute DSP-… as credit memo"),
    "create_invoice": ("an invoice drafted", "create an invoice for SO-…"),
}

WHY = {
    "unnamed": "your words do not name that change",
    "negated": "you asked me not to",
    "done": "you reported it as done, not asked for it",
    "question": "you asked whether to, not for it",
    "hypothetical": "you put it as a hypothetical or on a condition",
    "override": "approvals cannot be skipped",
    "history": "you asked for changes already made, which I cannot list yet",
    "quoted": "those words are quoted or forwarded, not your own request",
    "reported": "you told me what someone else wants or said, not asked me for it",
    "addressed": "you wrote it to a colleague, not to me",
    "planned": "you said someone will do it, not asked me to",
    "undo": "you asked to undo a change, which I cannot do yet",
}


@dataclass(frozen=True)
class NotAsked:
    """Why a message does not ask for a change of ``kind`` (a key of ``WHY``)."""

    kind: str
    reason: str

    def said(self) -> str:
        return WHY[self.reason]
