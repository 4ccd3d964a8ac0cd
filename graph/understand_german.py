"""German AR words in a request, as a German colleague writes them (``german``): "Mahnung"
a reminder, "Zahlungsziel" payment terms, "Kreditlimit" a credit limit, "bitte" please, and a
German verb said last ("Mahnung an X schicken bitte", "Kreditlimit für X bitte auf 15.000
setzen") put first, as an English request says it. Runs on the lowered text before the
shorthand of ``graph.understand_normalize``; a text with none of these words is unchanged.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy

# the words that make a text worth reading as German at all
_GERMAN = lazy(
    r"\b(?:mahnung(?:en)?|zahlungsziele?|kreditlimits?|kreditrahmen|bitte|f[uü]r|schicken"
    r"|senden|verschicken|setzen|[aä]ndern|aendern|erh[oö]hen|erhoehen|senken|raus|wurden?)\b"
)
_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (lazy(pattern), replacement)
    for pattern, replacement in (
        (r"\bmahnungen\b", "reminders"),
        (r"\bmahnung an\b", "reminder to"),
        (r"\bmahnung\b", "reminder"),
        (r"\bzahlungsziele?\b", "payment terms"),
        (r"\b(?:kreditlimits?|kreditrahmen)\b", "credit limit"),
        # a reminder reported sent: "Mahnung an X ist raus", "… wurde gestern verschickt"
        (r"\b(?:ist|sind|ging|gingen) (?:schon |bereits )?raus\b", "went out"),
        (
            r"\bwurden? (?:schon |bereits |gestern |heute )*(?:verschickt|geschickt|gesendet)\b",
            "was sent",
        ),
        (r"\bbitte\b", "please"),
        (r"\bdanke\b", "thanks"),
        (r"\bf[uü]r\b", "for"),
        (r"\bauf (?=\d)", "to "),
        (r"\b(\d{1,3}) tage?n?\b", r"\1 days"),
    )
)
_VERBS = {
    "schicken": "send",
    "senden": "send",
    "verschicken": "send",
    "setzen": "set",
    "ändern": "change",
    "andern": "change",
    "aendern": "change",
    "erhöhen": "raise",
    "erhohen": "raise",
    "erhoehen": "raise",
    "senken": "lower",
}
# a German verb said last: only "please", "thanks" and punctuation after it
_LAST_VERB = lazy(
    r"^(?P<body>.+?)\s+(?P<verb>" + "|".join(sorted(_VERBS, key=len, reverse=True)) + r")"
    r"(?P<tail>(?:[\s,.!]*(?:please|thanks|thank you))*[\s,.!]*)$"
)


def german(lowered: str) -> str:
    """The lowered text with German AR words in English and a verb said last put first."""
    if not _GERMAN.search(lowered):
        return lowered
    for pattern, replacement in _WORDS:
        lowered = pattern.sub(replacement, lowered)
    match = _LAST_VERB.match(lowered)
    if match:
        verb = _VERBS[match.group("verb")]
        lowered = f"{verb} {match.group('body')}{match.group('tail')}"
    return lowered


# A German greeting that opens a message ("Hallo,", "Moin -", "Guten Morgen zusammen,",
# "Grüße,") and a German sign-off that closes it, with the name signed ("… Grüße, Jana",
# "LG Jana", "MfG"): neither is a customer's name.
_GREETING = lazy(
    r"(?i)^\s*(?:(?:hallo|hallöchen|moin(?: moin)?|servus|grüezi|gr[uü]ezi|tach|mahlzeit"
    r"|guten (?:morgen|tag|abend)|gr[uü](?:ß|ss) (?:dich|euch|gott)"
    r"|(?:viele |liebe |beste |freundliche )?gr(?:ü|ue|u)(?:ß|ss)e?)"
    r"(?: (?:zusammen|alle|allerseits|team|arbot))?[\s,!:;.\u2013-]+)+(?=\S)"
)
_SIGNED = lazy(
    r"(?i)(?:(?:^|[\s,.!?;])\s*(?:(?:viele|liebe|beste|freundliche|mit freundlichen) )?"
    r"gr(?:ü|ue|u)(?:ß|ss)(?:e|en)?|(?:^|[.!?\n])\s*(?:lg|vg|mfg))\b[\s,.!]*"
    r"(?-i:[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*)?)?\s*$"
)


# arbot addressed by its handle first, alone or beside colleagues': "@arbot …", "@maria @arbot …"
_TO_ARBOT = lazy(
    r"(?i)^\s*(?:@[\w.-]+[\s,:]*)*@(?:arbot|ar-?bot|ar_bot)\b[\s,:]*(?:@[\w.-]+[\s,:]*)*(?=\S)"
)


# a lead-in before a request, greeted or not ("hi, quick one: …", "one more thing - …"), and
# thanks after it ("… pls thanks!"): neither is part of what is asked
_HELLO = lazy(
    r"(?i)^\s*(?:(?:hi|hey|hello|hiya|yo)(?: (?:there|team|all|guys|folks|arbot))?[\s,!.:;-]+)?"
    r"(?:quick one|a quick one|quick request|small one|one more thing|another one)[\s,!.:;-]+"
    r"(?=\S)"
)
_THANKS = lazy(
    r"(?i)(?<=\w)[\s,.;!-]+(?:thanks|thank you|thx|ty|tia|cheers|many thanks|thanks a lot"
    r"|thanks in advance)[\s.!]*$"
)
# the go-ahead after a request, the writer's approval with it ("… — approved by me, go ahead"):
# the request already asks; this adds nothing to what. After someone else's wish ("my manager
# asked me to …, please go ahead") the go-ahead is what asks, and stays.
_WISHED = lazy(r"(?i)\b(?:says?|said|asked|asks|asking|wants?|wanted|told|requested|suggests?)\b")
_GO_AHEAD = lazy(
    r"(?i)(?<=[\w'\".)])[\s,.;!]*(?:[-\u2013\u2014]+\s*)?(?:(?:approved|ok'?d|okayed|signed off"
    r"|authori[sz]ed)(?: by me)?[\s,.;!-]*)?(?:(?:so |and )?(?:please |pls )?go ahead)[\s.!]*$"
)


def without_greeting(text: str) -> str:
    """The text without a greeting or a lead-in before it (German or English: "hallo", "hi,
    quick one:") or a sign-off or thanks after it, nor arbot's handle first ("@arbot put X on
    hold"); a text that is nothing else is kept as it is (a greeting alone)."""
    if "\n" not in text.strip():  # a pasted e-mail keeps its greeting and sign-off
        text = _THANKS.sub("", _HELLO.sub("", text))
        if not _WISHED.search(text):
            text = _GO_AHEAD.sub("", text)  # not "the FM says to lift X to 120k. go ahead"
    kept = _SIGNED.sub("", _GREETING.sub("", _TO_ARBOT.sub("", text))).strip()
    return kept if kept else text
