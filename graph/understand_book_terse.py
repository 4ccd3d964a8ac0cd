"""The whole book's questions as operators, auditors and second-language writers put them
(session 15): who to chase ("top 10 to chase before month end", "who's the priority for calls",
"which debtors should Priya get onto", "collect list", "worst first"), who owes the most
("largest five receivable balances", "biggest a/r", "who's #1 o/s", "top 3 usd"), the aging of
the ledger ("ATB", "90+ vs current across the book", "aging for the harbor/pinnacle book"), and
the money one customer sent over a period that runs to today ("how much did X pay us this month",
"receipts since the start of the month from X"). ``graph.understand_intent`` reads them beside
the words of ``graph.understand_book`` and ``graph.understand_book_plain``, on the normalized
text.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


_WHOM = r"(?:accounts|customers|clients|debtors|ones)"
_CHASE = (
    r"(?:chase|call|ring|phone|contact|follow up|go after|hit|get onto|get on to|get to"
    r"|work on|tackle|collect from)"
)

# who to chase, first or at all
WORKLIST = _rx(
    # "top 10 to chase before month end?", "the top 5 we should call"
    rf"\btop \d+ (?:{_WHOM} )?(?:to|i should|we should|i need to|we need to) {_CHASE}\b",
    # "reckon who's the priority for calls this arvo", "which customers are priority?"
    r"\bwho(?: is| are)? (?:the |our )?(?:top |main |first )?priorit(?:y|ies) (?:for|to)\b"
    rf"|\b(?:which|what) (?:[\w-]+ )?{_WHOM} (?:are|is) (?:the |a |our )?(?:top |main )?"
    r"priorit(?:y|ies)\b",
    # "which debtors should Priya get onto before EOM", "which accounts do we need to chase
    # hardest", "which customers we must to contact urgently"
    rf"\b(?:which|what) (?:[\w-]+ ){{0,2}}{_WHOM} (?:(?:should|must|do|shall) (?:[a-z]+ ){{1,2}}"
    r"|(?:i|we) (?=must|should|need|have))(?:(?:need|have|got|ought|must|should) )?(?:to )?"
    rf"(?:be )?{_CHASE}(?:ing)?\b(?! (?:about|on|re|regarding) )",
    # "who needs a phone call rather than just an email this week"
    r"\bwho (?:needs|requires|deserves|should get|is due) (?:a |an )?(?:phone |follow[- ]up"
    r" |reminder |chaser |courtesy )?(?:call|ring|chase)\b",
    # terse: "who first mon am", "worst first. go", "collect list"
    r"^\W*who (?:first|next)\b|^\W*worst (?:ones? |accounts? |offenders? |payers? )?first\b"
    r"|\bcollect(?:ion)? list\b",
    # "is there something urgent to collect before the month closing"
    r"\b(?:anything|something|what(?:'s| is)?) urgent to (?:collect|chase|call)\b",
    # "a ranked list of the accounts where a phone call this week would most move the past-due
    # number"
    rf"\b(?:ranked|prioriti[sz]ed|priority) list of (?:the )?{_WHOM}\b.{{0,80}}"
    r"\b(?:call|chase|phone|ring|collect|contact)",
)
_CCY = r"(?:usd|cad|gbp|eur|euro|sterling)"
# who owes the most
TOP_DEBTORS = _rx(
    # "largest five receivable balances", "largest bals gbp", "the biggest open balances"
    r"\b(?:largest|biggest|highest|top)(?: \d+| five| ten| three| twenty)? (?:receivables? |open"
    r" |outstanding |customer |ar |a/r |o/s )?(?:balances|bals)\b",
    # "biggest a/r", "biggest o/s" (normalized "ar", "outstanding")
    r"^\W*(?:the )?(?:biggest|largest) (?:ar|a/r|outstanding|debtors?|owing)\W*$",
    # "who's #1 o/s", "who is our number one debtor in USD?"
    r"(?:(?<!\w)#1|\bno\.? ?1|\bnumber one) (?:debtor|account|customer|owing|outstanding"
    r"|balance)\b",
    # "top 3 usd", "top 5 cad debtors"
    rf"^\W*top \d+(?: {_CCY})+(?: (?:debtors?|accounts|customers|balances|owing))?\W*$",
    # "gbp side - who's the biggest?"
    rf"\b{_CCY}\b.{{0,20}}\bwho(?: is|'s) (?:the |our )?(?:biggest|largest)\b"
    r"|^\W*who(?: is|'s) (?:the |our )?(?:biggest|largest)\s*[?!.]*$",
)
# the aging of the ledger: "ATB", "ATB by due date", "how much sits in 90+ vs current"
AGING = _rx(
    r"\batb\b",
    r"\b(?:\d{2,3}\+|over \d{2,3}) (?:vs\.?|versus|v|against|and|compared to) current\b"
    r"|\bcurrent (?:vs\.?|versus|v|against|compared to) (?:\d{2,3}\+|over \d{2,3})",
)
# words that make the aging the ledger's, not a customer's: "aging for the
# harbor/pinnacle/meridian book", "aging by due dt", "ATB as of today"
NOT_A_CUSTOMER = _rx(
    r"\b[a-z]+(?:/[a-z]+)+ (?:book|ledger)s?\b",
    r"\bby (?:due|invoice|doc(?:ument)?|posting) (?:date|dt)\b",
    r"^\W*(?:the |an? |run (?:the |an? )?)?atb\b(?!.{0,30}\b(?:for|of) (?!today|now|date))",
)
# one customer's money over a period that runs to today, asked as an amount: "how much did X pay
# us this month", "receipts since the start of the month from X" (a yes-no "has X paid …" and
# "what did X pay us this month", which older files read as the list of X's payments, stay their
# payment record)
RECEIVED_TO_DATE = _rx(
    r"\bhow much\b(?! (?:(?:have|has|did|do) )?(?:we|i)\b).{0,50}\b(?:pay|paid|send"
    r"|sent|remit(?:ted)?|wired?)\b.{0,30}\b(?:this month|month to date|month-to-date|mtd"
    r"|this week|week to date|so far this (?:month|week))\b",
    r"^\W*(?:total |the )?(?:receipts|payments received|cash received|remittances|money in)"
    r" since\b",
)
# promises asked after in a few words: "ptp frontier walsh?", "bishop ptp??", "kendall kept 11/3
# ptp?", "how's mills aero doing on their promise", "… promised again?? how many times have they
# broken one", "who broke", "the promise of X on INV-… — what is the status?", "X said they'd pay
# 10183 friday - is that logged as a PTP?"
PROMISE_ASKED = _rx(
    r"^\W*(?:ptp|promise)s?(?: [\w&.'-]+){1,4}\s*\?+\s*$"
    r"|^\s*[\w&.'-]+(?: [\w&.'-]+){0,3} (?:ptp|promise)s?\s*\?+\s*$",
    r"\b(?:kept|broke|broken|missed|honou?red)\b(?: [\w/.-]+){0,2} (?:ptp|promise)s?\b\s*\?",
    r"\bhow(?: is|'s| are)\b.{0,40}\bdoing (?:on|with) (?:their|its|the|his|her) (?:promise|ptp)",
    r"\b(?:ptp|promise|promised)\b.{0,60}\bhow (?:many times|often)\b.{0,30}\b(?:broken|broke"
    r"|missed|kept)\b",
    r"\b(?:ptp|promise|promised)\b.{0,80}\bany (?:broken|missed|kept) ones\b",
    r"^\W*who (?:broke|has broken|flaked)\s*[?!.]*$",
    r"\b(?:the )?(?:promise|ptp) (?:of|from|by)\b.{1,60}\bwhat(?: is|'s) (?:the |its )?status\b",
    r"\b(?:logged|recorded|entered|captured|in the system) as (?:a )?(?:ptp|promise)\s*\?",
)
# what one customer owes, asked as what is on their account ("what's on X's account?", "what
# else is open on their account"); "cash on account" is unapplied cash, not this
ON_THEIR_ACCOUNT = lazy(
    r"\bwhat(?: is|'s)(?: still| else)? (?:open |outstanding |sitting |showing )?on (?:the |their"
    r" |his |her |its |[\w&.' -]{2,60}'s )account\b"
)
# a write-off weighed in a fragment, no invoice named: "w/o 40 globex??", "w/o 523.24 sterling? or
# rebill", "rebill initech 66.23?": the customer's deductions
WRITE_OFF_WEIGHED = lazy(r"^\W*(?:write[- ]?off|rebill)\b[^?]{1,40}\?")
