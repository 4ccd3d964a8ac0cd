"""The words of AR requests, as ``graph.understand`` reads them.

Phrasings are grouped by what they ask for, as families ("accounts to chase", "worst offenders",
"dunning list" are one family: who to chase), not by sentence. Every pattern runs on the
*normalized* text (``normalize``): lowercase, shorthand spelled out (``pmts`` → ``payments``,
``o/s`` → ``outstanding``, ``w/o`` → ``write off``, ``pls`` → ``please``, ``u`` → ``you``).
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy

# The words of whole-book questions are in graph.understand_book; what arbot never acts on, and
# what it cannot do (yet), in graph.understand_scope.
from graph.understand_book import AGING_REPORT as AGING_REPORT
from graph.understand_book import AGING_WORD as AGING_WORD
from graph.understand_book import APPROVALS_INBOX as APPROVALS_INBOX
from graph.understand_book import CREDIT_EXCEPTIONS as CREDIT_EXCEPTIONS
from graph.understand_book import DAYS_TO_PAY as DAYS_TO_PAY
from graph.understand_book import DEDUCTIONS_ONLY as DEDUCTIONS_ONLY
from graph.understand_book import DISPUTES as DISPUTES
from graph.understand_book import LARGEST_INVOICES as LARGEST_INVOICES
from graph.understand_book import OVER_DAYS as OVER_DAYS
from graph.understand_book import OVER_DAYS_CONTEXT as OVER_DAYS_CONTEXT
from graph.understand_book import PROMISES as PROMISES
from graph.understand_book import PROMISES_QUESTION as PROMISES_QUESTION
from graph.understand_book import TOP_DEBTORS as TOP_DEBTORS
from graph.understand_book import TOTAL_AR as TOTAL_AR
from graph.understand_book import UNAPPLIED_CASH as UNAPPLIED_CASH
from graph.understand_help import CAPABILITY as CAPABILITY
from graph.understand_help import HELP as HELP
from graph.understand_help import HELP_WEAK as HELP_WEAK
from graph.understand_scope import CANNOT as CANNOT
from graph.understand_scope import CHATTER_ONLY as CHATTER_ONLY
from graph.understand_scope import INJECTION as INJECTION
from graph.understand_scope import OUT_OF_SCOPE as OUT_OF_SCOPE
from graph.understand_spelling import correct
from graph.understand_words import FILLER as FILLER
from graph.understand_words import KNOWN as KNOWN
from graph.understand_words import NON_NAME as NON_NAME

# --- normalization ----------------------------------------------------------------------------
_SHORTHAND: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (lazy(pattern), replacement)
    for pattern, replacement in (
        (r"[\u2018\u2019`\u00b4]", "'"),
        (r"[\u201c\u201d]", '"'),
        (r"[\u2013\u2014]", "-"),
        (r"\bo/s\b", "outstanding"),
        # dictation: words heard as others ("whose over 90", "the hole book", "un applied")
        (
            r"\bwhose (?=(?:over|past|more than|older than|above|beyond|late|overdue|behind|on hold"
            r"|on stop|in the)\b)",
            "who is ",
        ),
        (r"\bhole (?=(?:book|ledger|portfolio|ar|company|lot)\b)", "whole "),
        (r"\bun (?=(?:applied|allocated|paid|matched|identified|reconciled|posted)\b)", "un"),
        (r"\bover due\b", "overdue"),
        (r"\bpassed due\b", "past due"),
        (r"\b(?:tdy|2day|tday)\b", "today"),
        (r"\b(?:tmrw|tmw|2moro|tmrrw)\b", "tomorrow"),
        (r"\bw(?:r)?kl(?:i)?st\b", "worklist"),
        # a superlative said with "most" ("the most big invoices", "most high balances")
        (r"\bmost big\b", "biggest"),
        (r"\bmost large\b", "largest"),
        (r"\bmost high\b", "highest"),
        (r"\bmost great\b", "greatest"),
        (r"\bmost old\b", "oldest"),
        # terse: "disp list", "disps for globex"
        (r"\bdisp(?:t|ts|s)?\b", "disputes"),
        # a superlative of size in slang: "chunkiest invoices", "fattest balances"
        (r"\b(?:chunkiest|fattest|heftiest|meatiest|beefiest|juiciest)\b", "biggest"),
        (r"\bw/o\b", "write off"),
        (r"\bw/(?=\s)", "with"),
        (r"\b(?:pmt|pymt|pmnt|paymt|pymnt|paymnt)s\b", "payments"),
        (r"\b(?:pmt|pymt|pmnt|paymt|pymnt|paymnt)\b(?!-?[a-z]?\d)", "payment"),  # not PMT-U1
        (r"\bpayed\b", "paid"),
        (r"\b(?:recd|rec'd|rcvd|rcv'd|recv'd|recvd|rec'vd)\b", "received"),
        (r"\bdpd\b", "days past due"),
        (r"\ba/r\b", "ar"),
        # "pd": paid when asked of an invoice or with "yet", "?"; past due otherwise ("globex
        # bal + pd", "pk-200 pd")
        (
            r"(?:(?<=\binv )|(?<=\binvoice )|(?<=\b\d{4} )|(?<=\b\d{5} )|(?<=\b\d{6} )|(?<=\bis )"
            r"|(?<=\bwas )|(?<=\bbeen )|(?<=\bfully ))pd\b"
            r"|\bpd\b(?=\s*(?:[?!]|yet|in full|off|up|or not))",
            "paid",
        ),
        (r"\bpd\b", "past due"),
        (r"\b(i|you|we|they|he|she|it)'ll\b", r"\1 will"),
        (r"\bqtd\b", "this quarter"),
        (r"\bgimme\b", "give me"),
        (r"\binvs\b", "invoices"),
        (r"\binv\b(?!-\d)", "invoice"),
        (r"\b(?:pls|plz|plse|pleas|pl0x)\b", "please"),
        (r"\bu\b", "you"),
        (r"\bur\b", "your"),
        (r"\br\b", "are"),
        (r"\bwks\b", "weeks"),
        (r"\bwk\b", "week"),
        (r"\bmos\b", "months"),
        (r"\bwhats\b|\bwhat's\b|\bwat's\b|\bwats\b", "what is"),
        (r"\bwho's\b|\bwhos\b", "who is"),
        (r"\bwhere's\b", "where is"),
        (r"\bhow's\b", "how is"),
        (r"\bthat's\b", "that is"),
        (r"\bit's\b", "it is"),
        (r"\b(?:thx|tx|ty|tnx|thanx|tks|thks)\b", "thanks"),
        (r"\bamt\b", "amount"),
        (r"\bsaldo\b", "balance"),
        (r"\bovr\b", "over"),
        (r"\blmt\b", "limit"),
        (r"\bcl\b", "credit limit"),
        (r"\bstmts?\b", "statement"),
        (r"\bdtp\b", "days to pay"),
        (
            r"^\s*wo\b|\bwo\b(?=\s+(?:the\s+|this\s+|that\s+)?(?:\$?\d|inv|invoice|balance|rest"
            r"|remaining|short|deduction|damage|freight|pricing))",
            "write off",
        ),
        (r"\bbal\b", "balance"),
        (r"\baccts\b", "accounts"),
        (r"\bacct\b", "account"),
        (r"\bcusts\b", "customers"),
        (r"\bcust\b", "customer"),
        (r"\bdeds\b", "deductions"),
        (r"\bded\b", "deduction"),
        (r"\bcan'?t\b", "cannot"),
        (r"\bwon't\b", "will not"),
        (r"\b(could|would|should|did|does|do|is|was|were|has|have|had|are)n'?t\b", r"\1 not"),
        (r"\bytd\b", "year to date"),
        (r"\bmtd\b", "month to date"),
        (r"\bcashapp\b", "cash app"),
        (r"\bwrit off\b", "write off"),
        (r"\b(?:first|1st) quarter\b", "q1"),
        (r"\b(?:second|2nd) quarter\b", "q2"),
        (r"\b(?:third|3rd) quarter\b", "q3"),
        (r"\b(?:fourth|4th) quarter\b", "q4"),
        (r"\baply\b", "apply"),
        (r"\b(?:yday|yest|ystdy)\b", "yesterday"),
        (r"\bchk\b", "check"),
        (r"\bavail\b", "available"),
        (r"\b(top|bottom|largest|biggest)(\d{1,3})\b", r"\1 \2"),
        (r"\bauto-match", "automatch"),
        (r"\beom\b", "month end"),
        (r"\b(?:tot|ttl)\b", "total"),
        # the receivables book as a UK, Dutch or German controller names it
        (
            r"\b(?:debiteuren|debitoren|debtors?'? (?:book|ledger)|sales ledger|receivables?"
            r" (?:book|ledger)|trade (?:receivables|debtors))\b",
            "debtor book",
        ),
        # AR words of German, Dutch and French offices, in English sentences
        (r"\b(?:offene[nr]? posten|openstaande posten|op-liste)\b", "open items"),
        (r"\b(?:[uü]berf[aä]llig|ueberfaellig|vervallen)\b", "overdue"),
        (r"\b(?:openstaand|openstaande|encours)\b", "outstanding"),
        (r"\b(?:zahlungseing(?:ang|[aä]nge|aenge)|ontvangen betalingen)\b", "payments received"),
        (r"\b(?:ouderdomsanalyse|balance [aâ]g[ée]e|altersstruktur)\b", "aging"),
        (r"\b(?:impay[ée]s?)\b", "unpaid"),
        (r"\bdays-to-pay\b", "days to pay"),
        (r"\b(30|45|60|90|120|180)s\b", r"\1 days"),  # "over 60s": the 60-day bucket
        (r"\b(\d{1,3}) ?plus\b", r"\1+"),
        (r"\b(\d{1,3}) days? plus\b", r"\1+ days"),
        (r"\s+", " "),
    )
)
# Numbers written as words where AR people count: "top five", "more than ninety days".
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if value >= 2
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80"}
_NUMBER_WORDS |= {"ninety": "90", "hundred": "100"}
# "forty five days", "thirty-one days": tens and a unit said together
_NUMBER_WORDS |= {
    f"{tens}{joint}{unit}": f"{value}{digit}"
    for tens, value in (("twenty", 2), ("thirty", 3), ("forty", 4), ("fifty", 5), ("sixty", 6),
                        ("seventy", 7), ("eighty", 8), ("ninety", 9))
    for digit, unit in enumerate("one two three four five six seven eight nine".split(), 1)
    for joint in (" ", "-")
}  # fmt: skip
_NUMBER_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_COUNTED = lazy(
    rf"\b(?P<before>top|bottom|first|last|over|above|more than|older than|beyond|past|largest"
    rf"|biggest|worst|greater than|at least) (?P<n>{_NUMBER_WORD})\b"
    rf"|\b(?P<m>{_NUMBER_WORD})(?=[ -](?:days?|debtors?|customers?|accounts?|clients?|invoices?"
    r"|items?|largest|biggest|highest|worst|oldest)\b|\+)"
)
_MONTHS_PAST = lazy(
    r"\b(more than|over|older than|beyond|above|greater than|exceeding) (\d{1,2}) months?\b"
    r"(?! (?:ago|back)\b)"
)
_HAS_NUMBER_WORD = lazy(rf"\b(?:{_NUMBER_WORD})\b")
# "a hundred and twenty days", "one hundred fifty": a hundred and what follows, as one number
_HUNDRED = lazy(rf"\b(?:a |one )?hundred(?:(?: and)? (?P<rest>{_NUMBER_WORD}))?\b")


def _hundred(match: re.Match[str]) -> str:
    rest = match.group("rest")
    return str(100 + int(_NUMBER_WORDS[rest])) if rest else "100"


def _counted(match: re.Match[str]) -> str:
    if match.group("n"):
        return f"{match.group('before')} {_NUMBER_WORDS[match.group('n')]}"
    return _NUMBER_WORDS[match.group("m")]


def normalize(text: str) -> str:
    """Lowercase, with AR shorthand and contractions spelled out, typos of AR words put right
    (``graph.understand_spelling``), whitespace collapsed."""
    lowered = text.lower()
    for pattern, replacement in _SHORTHAND:
        lowered = pattern.sub(replacement, lowered)
    if _HAS_NUMBER_WORD.search(lowered):
        if "hundred" in lowered:
            lowered = _HUNDRED.sub(_hundred, lowered)
        lowered = _COUNTED.sub(_counted, lowered)
    if "month" in lowered:  # "older than 3 months": past due in days, a month being 30
        lowered = _MONTHS_PAST.sub(lambda m: f"{m.group(1)} {int(m.group(2)) * 30} days", lowered)
    return correct(lowered, KNOWN).strip()


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


# --- reports and checks -------------------------------------------------------------------------
FORECAST = _rx(
    r"\bdso\b|\bforecast\w*|\bcei\b|\bcollection effectiveness\b|\bcountback\b"
    r"|\b(?:cash|ar|collections?|receipts) outlook\b",
    r"\bdays sales outstanding\b|\baverage days (?:delinquent|late|to pay|beyond terms)\b"
    r"|\bdays delinquent\b|\bdays beyond terms\b",
    r"\bexpected (?:receipts|cash|collections|inflows?|payments|money|ar)\b",
    r"\bprojected\b|\bprojections?\b|\binflows?\b|\bcash target\b|\bcount on\b",
    r"\b(?:cash|money|payments|receipts|ar|collections) (?:do |can |should )?we"
    r" (?:expect|anticipate)",
    r"\bexpect(?:ing|ed)? to (?:collect|receive|get|convert|come in|bring in)\b",
    r"\b(?:will|do|should|can) we (?:expect|collect|receive|bring in|get in)\b",
    r"\bwill (?:we|it) (?:hit|make|meet|reach)\b",
    r"\bexpect(?:ed|ing)? (?:from|in|next|over|by|this|during)\b",
    r"\bcoming in (?:next|over|by|this)\b|\bcash (?:in|coming in) (?:the )?next\b",
)
CASH_APPLICATION = _rx(
    r"\bcash ?app(?:lication)?\b|\bsuspense\b|\bunmatched\b|\bunapplied\b|\bun-?identified\b"
    r"|\bunallocated\b|\bunreconciled\b|\blockbox\b|\bautomatch\w*|\bauto match\w*",
    r"\bon-?account (?:cash|payments?|receipts?|money|credits?)\b",
    r"\bbank (?:files?|lines?|credits?|statements?|deposits?|feed|rec|reconciliation)\b",
    r"\b(?:cannot|could not|can not|not|never|not yet|unable to) (?:be )?(?:apply|applied"
    r"|identify|identified|match|matched|allocate|allocated|place|placed)\b",
    r"\bwhat did we (?:post|apply|match)\b|\bposted (?:from|to) the bank\b",
    r"\b(?:need|needs|waiting|left|still|yet|have) to (?:be )?(?:apply|applied|match|matched"
    r"|identify|identified|allocate|allocated)\b",
    r"\bremittances? (?:to match|matching|without)\b"
    r"|\bwho (?:sent|paid) (?:this|that) (?:wire|payment)\b",
)
DEDUCTIONS = _rx(
    r"\bdeductions?\b|\bdeduct(?:ing|ed|s)?\b",
    r"\bshort[- ]?(?:pa(?:y|ys|id|ying)|payments?)\b|\bshortpa(?:y|ys|id)\b",
    r"\bwrite-?offs\b|\bwritten off\b|\bchargebacks?\b|\bcharge[- ]backs?\b"
    r"|\bunearned (?:cash )?discounts?\b"
    r"|\bdamage claims?\b|\bshortages?\b|\bdisputes?\b|\bdisputed (?:amounts|items|invoices)\b",
)
CREDIT = _rx(
    r"\bcredit[ -]?(?:check|review|status|approval|ok|okay|decision|risk|score|line|headroom"
    r"|available|exposure|worthy|worthiness|hold|release|limit|limits|terms|left|room|app)\b",
    r"\bcheck(?:ing)? (?:the |their )?credit\b|\b(?:available|remaining|open) credit\b"
    r"|\bheadroom\b|\bopen to buy\b|\bhow much credit\b|\bcredit (?:do|does|is) \w+"
    r"|\broom (?:\w+ ){0,4}on (?:their|its|the|his|her|[\w&]+'s) (?:credit )?(?:line|limit)\b"
    r"|\bhow much (?:more )?room (?:do|does|is|have|has|left)\b"  # "how much room do they have"
    r"|\bcredit (?:position|standing|concerns?|situation|health|profile|rating|picture|risk)\b"
    r"|\b(?:keep|continue|still|carry on) (?:shipping|supplying|selling|delivering)\b",
    r"\b(?:can|could|should|shall|may) (?:we|i) (?:ship|release|extend|approve|accept|take|give)\b",
    r"\b(?:ok|okay|safe|fine|good|clear|cleared) to (?:ship|release|go|approve|extend|accept)\b",
    # "ok to let acme's pending order through?", "X wants another 45k - ok?": an order's credit
    r"\blet (?!me\b|us\b|you\b)(?:[\w&.'-]+ ){0,5}(?:orders?|shipments?|deliver(?:y|ies))"
    r" through\b"
    r"|\bwants? (?:another|a further|an extra|an additional|a new|more)\b.{0,12}"
    r"\$?\d[\d,.]*\s*k\b.{0,30}\b(?:ok|okay|fine|good|safe|alright)\b",
    r"\bgood to go\b|\b(?:approve|release|ship) or (?:hold|reject|decline|not)\b",
    r"\b(?:over|within|under|above|near|close to|exceed\w*|hit\w*|at|past|beyond|breach\w*)"
    r" (?:their|the|its|his|her|our)? ?(?:credit )?limit\b",
    r"\b(?:orders?|so'?s|sales orders?) (?:on|pending|awaiting|waiting for|held for)"
    r" (?:credit|hold|review|approval)\b",
    # "or they are over the credit?": the limit said as the credit itself
    r"\b(?:over|above|beyond|past|exceed\w*) (?:the|their|its) credit\b"
    r"(?! (?:notes?|memos?|cards?))",
    r"\bon (?:credit )?hold\b|\bpending credit\b|\bblocked orders?\b"
    r"|\b(?:a|any|the) (?:credit )?(?:hold|block|stop) on\b",
    r"\btake (?:on )?(?:another|a new|one more|an extra|more|a bigger|a|an|the)\b.{0,20}\border\b",
    r"\b(?:place|put in|send|take|give us) (?:another|a new|one more|an extra|a bigger|an?)\b"
    r".{0,20}\border\b",
    r"\b(?:ok|okay|safe|fine|wise) to (?:take|lift|remove|release)\b.{0,40}\b(?:off|hold|stop)\b"
    r"|\brun (?:a )?credit (?:check )?(?:on|for)\b"
    r"|\bgood for (?:another|a|an|one more|a new)\b.{0,20}\border\b",
    r"\bwants? to ship\b|\bship (?:so\b|order|the order)",
    # "would a 15k order from initech go through?"
    r"\b(?:orders?|so)\b.{0,30}\b(?:go|get|going|gets|goes) (?:through|thru)\b",
    r"\blimit\b",
)
COLLECTIONS = _rx(
    r"\b(?:delay|delays|delayed|late) (?:in|with) (?:the )?(?:payments?|paying)\b",
    r"\bwho is (?:late|overdue|past due|delinquent|behind)\b",
    r"\bwhat (?:should|do|does|can) (?:i|we|\w+) (?:work on|focus on|tackle|chase|call)\b",
    r"\bcollections?\b|\bwork ?list\b|\bcall ?list\b|\bchase ?list\b|\bdunning\b"
    # not "their CFO has escalated": a report of what happened, beside the question
    r"|\bpriority list\b|\bqueue\b|(?<!\bhas )(?<!\bhave )(?<!\bwas )(?<!\bbeen )\bescalat\w+",
    # a collector's own calls: "my calls today", "today's calls"
    # "should I chase globex or tate first": which of them to chase
    r"\b(?:chase|call|ring|phone)\b.{0,40}\b(?:first|next)\s*[?!.]*$"
    r"|\bmy (?:calls|call list|chase list|worklist|work list|queue)\b|\bcalls (?:today|tomorrow"
    r"|this (?:morning|afternoon))\b|\b(?:today'?s|todays|tomorrow'?s) calls\b",
    r"\bwho (?:should|do|to|shall|must|can|will|would) (?:i|we) (?:need to |have to |got to"
    r" |gotta |ought to )?(?:call|chase|contact|follow|dun|ring|email|hit up|go after|remind)\b",
    r"\bwhom?(?: (?:i|we))? (?:should|need to|have to|must|to) (?:call|chase|contact|follow"
    r"|dun|ring|go after|remind)\b",
    r"\b(?:accounts|customers|clients|debtors|ones|people|who) (?:to|i should|we should|i need to"
    r"|we need to) (?:chase|call|follow|contact|dun|remind|send reminders|go after)\b",
    r"\b(?:who|which (?:accounts|customers|clients|ones)) (?:needs?|requires?|deserves?)"
    r" (?:a |an |some )?(?:call|calls|chasing|chase|follow|escalation|reminder|dunning|attention"
    r"|a nudge|nudging)\b",
    # the day's calls: "calls to make today", "my call sheet", "who should I ring first"
    r"\bcalls? (?:to make|to do|to place|for (?:today|this morning|this afternoon|the day"
    r"|tomorrow))\b|\bcall sheet\b|\bphone list\b|\bwho (?:should i |do i |to )?(?:ring|phone)"
    r" (?:first|today|next|this)\b",
    r"\bwatch ?list\b|\b(?:accounts|customers|who) (?:to|should we|we should) (?:monitor|watch)\b"
    r"|\bshould we (?:monitor|watch)\b",
    r"\bworst (?:offenders|payers|accounts|customers|debtors)\b|\bslow payers\b|\bdeadbeats\b",
    r"\b(?:biggest|largest|top|worst|most|oldest) (?:\d+ )?(?:past dues?|overdue|delinquent"
    r"|late)(?: (?:accounts|customers|clients|payers|debtors|balances))?\b",
    r"\b(?:overdue|past due|delinquent|late(?:-paying)?) (?:customers|accounts|clients|payers"
    r"|debtors)\b",
    r"\b(?:list|ranking|report) of (?:the )?(?:overdue|past due|delinquent|late) \w+",
    r"\btop \d+ (?:accounts|customers|clients|debtors|delinquents|past dues?)\b",
    r"\bat risk\b|\brisk of (?:going|slipping|becoming)\b"
    r"|\b(?:going|slipping|sliding|rolling|moving|tipping|falling|about to go) (?:into |to"
    r" |past |over |in )?(?:the )?(?:60|90|120)\b",
    r"\bbroken promises?\b|\bpromises? to pay\b|\bptps? (?:due|broken|today)\b",
    r"\bpast[- ]due (?:notices|letters)\b",
)
# A reminder mentioned beside a question ("before i send a reminder, what does northwind owe"):
# who to chase only when nothing else is asked.
COLLECTIONS_WEAK = lazy(r"\breminders?\b")
DIGEST = _rx(
    r"\bdigest\b",
    r"\b(?:morning|daily|today'?s?|overnight|nightly|end of day|eod|weekly|day's)"
    r" (?:ar )?(?:report|summary|rundown|briefing|brief|update|recap|snapshot|overview"
    r"|numbers|headlines?|roundup|round-up)\b",
    r"\bar (?:summary|snapshot|update|overview|headlines?|recap|rundown|briefing|dashboard"
    r"|roundup)\b",
    r"\b(?:summary|recap|rundown|overview) of (?:yesterday|today|the day|last night|overnight)",
    r"\bheadlines? for (?:ar|today)\b",
)
DIGEST_WEAK = _rx(
    r"\b(?:recap|rundown|briefing|big picture|headlines?|snapshot|overview|summary|roundup)\b",
    r"\bwhere (?:do|are) (?:we|things) (?:stand|at)\b"
    r"|\bhow (?:are|do|is) (?:we|things|it|ar) (?:look|looking|doing|stand|going)\b",
    r"\banything (?:i|we) should know\b|\bwhat (?:is|did i miss) new\b|\bwhat did i miss\b"
    r"|\bwhat is new\b|\bwhat is happening\b|\bwhat happened (?:overnight|yesterday|today)\b"
    r"|\bwhat changed (?:overnight|since)\b",
)

# --- inquiries ----------------------------------------------------------------------------------
BALANCE = _rx(
    r"\bnot (?:yet )?paid\b|\bopen (?:points|posts|positions)\b",
    r"\b(?:sitting|standing) at\b|\boldest (?:open |unpaid |outstanding )?(?:invoices?|items?)\b"
    r"|\bhow old is\b",
    r"\bowe[sd]?\b|\bowing\b|\bbalances?\b|\boutstandings?\b|\bpast dues?\b|\boverdue\b"
    r"|\bagi?ng\b|\bageing\b|\bexposure\b|\bsoa\b|\bstatements? of account\b|\breceivables?\b"
    r"|\bunpaid\b|\bopen (?:items?|invoices|balance|ar|amount|amounts)\b|\bhow far behind\b"
    r"|\bbehind on\b|\bamount due\b|\bdue amount\b|\bin arrears\b|\barrears\b",
    r"\b(?:have|has|left|yet|need|needs|got) to pay\b",
    # "how much they must still pay us", "the situation of the account of X"
    r"\bmust (?:still )?pay\b|\bstill (?:must|has to|have to|needs? to) pay\b|\binto us for\b"
    # "how much money we must receive from X", "money they have to give us"
    r"|\b(?:must|have to|has to|need to|needs to|still to|yet to|are to|is to) (?:still )?"
    r"(?:receive|get|collect) from\b|\b(?:money|amount|how much)\b.{0,20}\bto give us\b"
    r"|\b(?:situation|state|position) of (?:the |their |his |her |its |[\w&]+'s )?(?:account|a/c)\b"
    r"|\baccount (?:situation|position)\b",
    # "what's left on their account": what is still owed
    r"\b(?:left|remaining|still open|outstanding) on (?:the |their |its |his |her |[\w&]+'s )"
    r"?(?:account|books|ledger)\b",
)
PAYMENT = _rx(
    r"\bpayments?\b|\bpaid\b|\bpays?\b|\bpaying\b|\bremittances?\b|\bremit(?:ted)?\b"
    r"|\breceipts?\b|\bwires?\b|\bwired\b|\bach\b|\bcheques?\b|\bsettled\b|\bdeposit(?:ed|s)?\b"
    r"|\bmoney (?:from|in)\b|\b(?:cash|money|funds) (?:received|collected)\b"
    r"|\b(?:received|collected) from\b",
    r"\bchecks? (?:received|came|arrived|in|cleared)\b|\b(?:checks?|cheques?|wires?|ach"
    r"|payments?|remittances?) from\b",
    r"\b(?:send|sent|wire|wired|remit|remitted) (?:us )?(?:anything|any money|something|money"
    r"|a payment|any payments?|the money)\b",
    r"\b(?:receive|received|get|got) (?:anything|something|any money|money)\b"
    r"|\breceived?\b.{0,30}\bfrom\b",
    r"\b(?:received|got|get|receive) (?:a |the |any |their )?(?:check|cheque|money|funds"
    r"|transfer)\b",
    r"\bcollect(?:ed)?\b(?! (?:list|queue|agency))|\bhit (?:the|our) (?:bank|account|accounts)\b"
    r"|\bcash in\b",
    r"\breceived?\b|\b(?:get|got|getting) in\b|\b(?:get|got) \$?\d[\d,]*(?:\.\d{2})?\b",
    # "how much money entered this week", "which payments came": money that came in
    r"\b(?:money|cash|funds|payments?|receipts?|remittances?) (?:has |have |had )?(?:entered"
    r"|came|come)\b|\bentered (?:the |our )?(?:bank|account)\b",
    r"\bcame in\b|\bcome in\b|\b(?:sent|send) (?:us )?(?:any |the |a |some )?(?:money|funds"
    r"|wire|check"
    r"|cheque|remittance|transfer|cash)\b|\btransfers?\b|\bdays to pay\b",
    # the money named first, the verb after: "what cash did we get", "what did we bank"
    r"\b(?:cash|money|funds|payments?|receipts?|remittances?)\b.{0,20}\b(?:did|have|has) (?:we"
    r"|you|i) (?:get|got|receive|collect|collected|bank|banked|take in|took in)\b"
    r"|\b(?:did|have|has) (?:we|you|i) (?:bank|banked|lodge|lodged)\b|\bbanked\b|\blodged\b"
    r"|^\s*what (?:did|have) (?:we|you|i) (?:get|got|receive|received|collect|collected)\b"
    r"|\b(?:cash|money|funds|payments?) (?:landed|arrived|cleared)\b"
    r"|\b(?:what|anything|how much) (?:\w+ )?(?:landed|arrived|came in|hit) (?:in )?(?:the )?"
    r"(?:bank|account)\b",
)
BALANCE_WEAK = _rx(
    r"\bhow much\b|\bdue\b|\bopen\b|\bitems\b|\bcurrent\b|\bpending\b|\bbehind\b|\bover \d+\b"
    r"|\b\d+\+? days\b|\btotal\b|\bar\b",
)

# What is not a customer's name (FILLER, NON_NAME) and what is never a typo (KNOWN) are in
# graph.understand_words.

# "clear", "reset": there is no conversation to clear.
CLEAR = lazy(
    r"^\s*(?:clear|cls|reset|start over|new chat|clear (?:screen|chat|history))"
    r"\s*[!.]*$"
)
