"""The whole book's questions in an owner's or a bookkeeper's plain words, no AR jargon (session
13, issue 17): who to start chasing ("who do I start with", "a list of who to bug for money"),
who owes the most ("who our biggest receivables are", "who's the whale", "who has the most past
due"), who is over what we allow ("anyone gone over what we allow them on credit", "the naughty
list", "are we stopped shipping to anyone"), the big invoices ("from biggest to smallest", "any
huge invoices still unpaid"), how old the money is ("by how late it is", "how old is all the
money people owe us"), money taken off invoices ("took money off their invoices", "paid less
than the invoice"), the day's news ("catch me up on the receivables", "anything I should worry
about today"), the AR figure for the balance sheet, and approvals waiting on the one asking ("a
write off that I need to ok", "is it sitting with me?"). ``graph.understand_intent`` reads them
beside the AR words of ``graph.understand_book`` and ``graph.understand_vocab``, on the
normalized text.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


# who to chase, first or at all
WORKLIST = _rx(
    r"\bwho (?:do|should|shall|must) (?:i|we) (?:start|begin) with\b",
    r"\b(?:list|rundown) of (?:who|whom|people|customers|accounts) to (?:bug|chase|call|ring"
    r"|phone|nag|hassle|contact|follow up)\b"
    r"|\bwho to (?:bug|nag|hassle|chase|call|ring|phone) for (?:money|payment|cash)\b",
    r"\b(?:which|what) (?:accounts|customers|clients|debtors) (?:are|is) (?:the )?most urgent\b"
    r"|\bwho(?: is)? (?:the )?most worth (?:chasing|calling|ringing|phoning)\b",
    r"\bwhere (?:do|should|shall) (?:i|we) (?:even )?(?:start|begin) with (?:the )?(?:overdue"
    r"|late|past due|slow)\b",
    # "who's on her list that I need to cover", "who's most important to chase"
    r"\bwho(?: is)? on (?:her|his|their|[a-z]+'s) (?:list|worklist|call list|queue)\b"
    r"|\bwho(?: is)? (?:the )?most important to (?:chase|call|ring|phone|collect from)\b",
)
# who owes the most, or the most past due
TOP_DEBTORS = _rx(
    r"\bwho (?:our|the) (?:biggest|largest) (?:receivables?|debtors?|balances?|accounts?"
    r"|customers?) (?:are|is)\b",
    r"\bwho(?: is)? (?:the|our) (?:biggest )?whale\b",
    r"\bwho (?:has|owes|have) (?:us )?the most (?:past due|overdue|late)\b",
    r"\b(?:biggest|largest|worst) (?:late )?payers? by (?:dollars?|amount|value|\$)\b",
    # "who's the number one account on the open balance list"
    r"\b(?:number one|no\.? ?1|#1|top) (?:account|customer|debtor|client) on the (?:open )?"
    r"(?:balance|ar|debtors?|owing|receivables?) list\b",
)
# the ranking by what is past due, in plain words
PAST_DUE_FIRST = lazy(
    r"\bthe most (?:past due|overdue|late)\b"
    r"|\bby (?:dollars?|amount|\$) (?:overdue|past due|late)\b"
    r"|\b(?:biggest|largest|worst) late payers?\b"
)
# over what we allow on credit, or stopped from ordering
CREDIT_EXCEPTIONS = _rx(
    r"\b(?:who|whom|which|anyone|anybody|any \w+|is there|are there)\b.{0,30}\bon the naughty"
    r" list\b|^\W*(?:the )?naughty list\W*$",
    r"\b(?:over|more than|above|past) (?:what|the amount) we (?:allow|let|give|said we(?:'d"
    r"| would) let|agreed)\b"
    r"|\bowes? more than we (?:said we(?:'d| would) )?(?:let|allow|agreed)\b",
    r"\b(?:stopped|stop) (?:shipping|selling|supplying|delivering) to (?:anyone|anybody|who"
    r"|which)\b",
)
# the invoices ranked by size
LARGEST_INVOICES = _rx(
    r"\binvoices? (?:from|by) (?:the )?(?:biggest|largest|highest) to (?:the )?(?:smallest"
    r"|lowest)\b",
    r"\binvoices? (?:are|is) the (?:big|huge) ones?\b",
    r"\b(?:huge|massive|giant) (?:open |unpaid |outstanding )?(?:invoices?|bills?)\b",
)
# how old the money owed is
AGING = _rx(
    r"\bby how (?:late|old|overdue|long overdue) (?:it is|they are|each is)\b",
    r"\bhow old is (?:all )?(?:the )?(?:money|debt|ar|receivables?)\b"
    r"|\bcurrent (?:vs\.?|versus|and) (?:really |very )?old\b",
)
# money taken off invoices
DEDUCTIONS = _rx(
    r"\btook (?:money|cash|amounts?|bits) off (?:their|the|our) invoices?\b",
    r"\bshorting us\b|\bpaid (?:us )?less than (?:the|their|our) invoices?\b",
    r"\b(?:took|take|taken|taking) (?:the |an |a )?(?:early[- ]pay(?:ment)? |prompt[- ]pay(?:ment)?"
    r" |settlement )?discount\b.{0,30}\bpaid late\b",
)
# the day's news
DIGEST = _rx(
    r"\bcatch me up on (?:the )?(?:receivables|ar|a/r|collections|debtors)\b",
    r"\banything (?:i|we) should (?:worry|know) about (?:today|this morning)\b",
    r"\bstate of (?:things|affairs)\b",
)
# the AR figure of the books
TOTAL_AR = lazy(
    r"\bwhat (?:number|figure|amount) do (?:i|we) (?:put|use|enter|show) for (?:accounts receivable"
    r"|ar|a/r|receivables|debtors)\b"
)
# asked of the book in words other readers take for chatter ("how old is …", "balance sheet",
# "vacation"): read as the question
ASKED_OF_THE_BOOK = _rx(
    r"\bhow old is (?:all )?(?:the )?(?:money|debt|ar|receivables?)\b",
    r"\bwhat (?:number|figure|amount) do (?:i|we) (?:put|use|enter|show) for (?:accounts receivable"
    r"|ar|a/r|receivables|debtors)\b",
    r"\bcatch me up on (?:the )?(?:receivables|ar|a/r|collections|debtors)\b",
)
# approvals waiting on the one asking
APPROVALS = _rx(
    r"\bthat (?:i|we) (?:need to|have to|must|should|got to) (?:ok|okay|approve|sign off)\b",
    r"\b(?:is|are) (?:it|that|they|this) (?:sitting|waiting) (?:with|on) me\b",
)
# money taken in, the whole book: "how much did we take in since the first"
TAKEN_IN = lazy(r"\b(?:did|have|has) we (?:take|taken|took|bring|brought|bank|banked) in\b")
