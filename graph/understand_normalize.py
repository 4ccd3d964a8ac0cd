"""A request's text made ready to read (``normalize``): lowercase, AR shorthand and
contractions spelled out (``pmts`` → ``payments``, ``o/s`` → ``outstanding``, ``w/o`` →
``write off``), words heard as others put right ("whose over", "the hole book"), numbers said in
words as digits, and typos of AR words corrected (``graph.understand_spelling``). Every pattern
of ``graph.understand_vocab`` and ``graph.understand_book`` (and its siblings) runs on this
text.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy
from graph.understand_german import german
from graph.understand_plain import plain
from graph.understand_spanish import spanish
from graph.understand_spelling import correct
from graph.understand_words import KNOWN

_SHORTHAND: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (lazy(pattern), replacement)
    for pattern, replacement in (
        (r"[\u2018\u2019`\u00b4]", "'"),
        (r"[\u201c\u201d]", '"'),
        (r"[\u2013\u2014]", "-"),
        (r"\bo/s\b", "outstanding"),
        # "more than a fortnight overdue": over 14 days ("north of 90" is graph.understand_parts')
        (
            r"\b(?:more than|over|longer than) a fortnight (?=(?:overdue|late|past due|behind)\b)",
            "over 14 days ",
        ),
        # a shared-services centre's shorthand: "c/l" credit limit, "OS bal", "ovd amt", "a/c",
        # "w.e.f." (with effect from)
        (r"\bc/l\b", "credit limit"),
        (r"(?<![\w/.-])os\b(?![/.-]\w)", "outstanding"),
        (r"\bovd\b", "overdue"),
        # Singapore / Malaysia: "OD invoices" overdue; "lepas 120 days" past 120 days
        (r"\bod\b", "overdue"),
        (r"\blepas (?=\d)", "past "),
        (r"\ba/c\b", "account"),
        (r"\bw\.e\.f\.?(?=\s|$)", "with effect from"),
        # dates written "12-Nov-26", "01-Sep-2026": day, month, year
        (
            r"\b(\d{1,2})-(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*-(\d{2})\b",
            r"\1 \2 20\3",
        ),
        (
            r"\b(\d{1,2})-(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*-(\d{4})\b",
            r"\1 \2 \3",
        ),
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
        (r"\b(?:shld|shd|shud|shuld|shoud)\b", "should"),
        (r"\bppl\b", "people"),
        (r"\bprio\b", "priority"),
        (r"\bpast-due\b", "past due"),
        (r"\bopen-to-buy\b", "open to buy"),
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
        # number words misspelt: "fourty-five days", "ninty"
        (r"\bfourty", "forty"),
        (r"\bnin(?:ty|tey)\b", "ninety"),
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
        # SAP / Oracle: "OIs" open items, "trx" an invoice (Oracle's transaction), "incl"
        (r"\b(?:open )?o\.?i\.?s\b", "open items"),
        (r"\bopen oi\b", "open item"),
        (r"\btrxs?\b(?!-)", "invoices"),
        (r"\bincl\.?(?=\s)", "including"),
        (r"\bdays-to-pay\b", "days to pay"),
        # UK: "what's sat in 90+", "sat waiting for the FD": sitting
        (
            r"(?:(?<=\bis )|(?<=\bare )|(?<='s ))sat (?=in |on |there|waiting|with |against |at )",
            "sitting ",
        ),
        (r"\bbacs\b", "payments"),
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
    r"|items?|largest|biggest|highest|worst|oldest|grand|thousand)\b|\+)"
)
_MONTHS_PAST = lazy(
    r"\b(more than|over|older than|beyond|above|greater than|exceeding) (\d{1,2}) months?\b"
    r"(?! (?:ago|back)\b)"
)
_THOUSANDS = lazy(r"\b(\d{1,3}(?:\.\d{1,2})?) (?:grand|thousand)\b")
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
    text = plain(text)  # graph.understand_plain: French (and more) put in English
    lowered = spanish(german(text.lower()))  # graph.understand_spanish: change requests
    for pattern, replacement in _SHORTHAND:
        lowered = pattern.sub(replacement, lowered)
    if _HAS_NUMBER_WORD.search(lowered):
        if "hundred" in lowered:
            lowered = _HUNDRED.sub(_hundred, lowered)
        lowered = _COUNTED.sub(_counted, lowered)
    if "grand" in lowered or "thousand" in lowered:  # "fifty grand", "75 thousand": 50k, 75k
        lowered = _THOUSANDS.sub(r"\1k", lowered)
    if "month" in lowered:  # "older than 3 months": past due in days, a month being 30
        lowered = _MONTHS_PAST.sub(lambda m: f"{m.group(1)} {int(m.group(2)) * 30} days", lowered)
    return correct(lowered, KNOWN).strip()
