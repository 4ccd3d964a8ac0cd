"""Dictated AR messages, as a phone's speech-to-text writes them (``dictated``): no punctuation,
"in voice" for invoice, numbers said aloud, fillers, "period" and "comma" said, corrections
said in the same breath. When a text looks dictated, its spoken forms are written as a person
would type them, before anything else reads it:

- an invoice, order or payment number said aloud is written in digits, the way people group
  it ("in voice ten four twelve" → "invoice 10412", "S O ten ten" → "SO-1010", "P M T dash U
  zero zero zero zero one" → "PMT-U00001", "on nine eighty two" → "on invoice 982");
- an amount said aloud is written in digits ("two thousand four hundred dollars" → "$2400",
  "the two seventy two seventy three short pay" → "the 272.73 short pay", "net forty five" →
  "net 45", "two ten net thirty" → "2/10 net 30");
- "period", "comma", "question mark" and "quote … end quote" said aloud become the marks;
  "um", "uh" and a leading "okay so" are dropped;
- a correction keeps what was meant ("ten four oh seven no wait I mean ten four thirty five" →
  10435, "top twenty no wait just top ten" → "top ten"), and a request taken back ("… no wait
  scratch that never mind", "… no actually hold off on that") is not kept at all: only "never
  mind" and what follows are, so no proposal comes from it.

A text is dictated when it has no typed punctuation (a comma between words, a colon, a
bracket, quotation marks) and one of the forms only speech writes: a filler, a mark said aloud,
"in voice", a correction, letters spelled one by one ("I N V"), or numbers said in groups ("ten
three nineteen"); any other text is returned unchanged (``is_dictated``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.lazy_regex import lazy
from graph.understand_dictated_numbers import (
    ORDINALS,
    TEENS,
    TENS,
    WORDS,
    amount,
    cardinal,
    groups,
    identifier,
)

# words only speech writes in an AR message
_SPOKEN = frozenset("um umm uh uhh comma".split())
# the words the phrases below are looked for after, so typed text pays a set look-up only
_PHRASE_WORDS = frozenset(
    "voice voices wait mean mark quote unquote scratch whole right dollars bucks".split()
)
_SPOKEN_PHRASE = lazy(
    r"(?i)\b(?:in voices?|no wait|i mean|question mark|end quote|unquote|scratch that"
    r"|credit whole|right off the)\b"
    rf"|\b(?:{'|'.join(sorted(WORDS - {'zero', 'oh'}, key=len, reverse=True))}) (?:dollars|bucks)\b"
)
# "period" said for the mark, not the AR noun ("the period", "collection period", "period 11")
_PERIOD = lazy(r"(?i)(?:(?<=\s)|^)(?P<w>[\w']+)\s+period\b(?!\s+(?:end|ending|close|closing|\d))")
_PERIOD_OF = frozenset(
    """
    the this that a an each same per grace billing prior next last accounting reporting
    collection credit payment pay review statement fiscal current holding waiting notice trial
    lock average any which what
    """.split()
)
# typed marks: a comma between words, a colon, brackets, quotation marks, a dash, "…", "..",
# a question mark before more words
_TYPED = lazy(r",(?!\d{3})|[;:()\[\]!\"\u201c\u201d\u2014\u2026/]|\.\.|\?(?=\s*\S)")
_WORD = lazy(r"[a-z]+", re.IGNORECASE)
_SPELLED = lazy(r"\b[A-Z](?: [A-Z]\b)+")
_NUMBER_WORD = "|".join(sorted(WORDS, key=len, reverse=True))
# a run of number words: "ten four oh seven", "a hundred and twenty", "nine hundred and ninety
# nine" ("and" only after "hundred" or "thousand")
_RUN = lazy(
    rf"(?i)(?<![\w$-])(?:a (?=hundred|thousand))?(?:{_NUMBER_WORD})"
    rf"(?:\s+(?:and\s+)?(?:{_NUMBER_WORD}|oh)\b)*(?![\w-])"
)
_MARKS = (
    (lazy(r"(?i)\s+question mark\b"), "?"),
    (lazy(r"(?i)\s+comma\b"), ","),
)


def _said_period(match: re.Match[str]) -> str:
    word = match.group("w")
    return match.group(0) if word.lower() in _PERIOD_OF else f"{word}."


def _spoken_period(text: str) -> bool:
    return any(m.group("w").lower() not in _PERIOD_OF for m in _PERIOD.finditer(text))


_QUOTED = lazy(r"(?i)\bquote\s+(.+?)\s+(?:end quote|unquote|close quote)\b")
_FILLER = lazy(r"(?i)^\s*(?:okay|ok|alright|so)(?: so)?\b(?=\s+\S)|\s*\b(?:um+|uh+|erm)\b")
# misheard AR words: "in voice", "credit whole", "right off the balance", "… do" for due
_MISHEARD = (
    (lazy(r"(?i)\bin voice(s?)\b"), r"invoice\1"),
    (lazy(r"(?i)\bcredit whole\b"), "credit hold"),
    (
        lazy(
            r"(?i)\bright off(?= (?:the|this|that) (?:little |small |remaining )?"
            r"(?:balance|amount|short|deduction|difference))"
        ),
        "write off",
    ),
    (lazy(r"(?i)(?<=\d) do\s*$"), " due"),
    (lazy(r"(?i)\bone (?=ten net\b)"), "1/"),
    (lazy(r"(?i)\btwo (?=ten net\b)"), "2/"),
    (lazy(r"(?i)(?<=\d/)ten net\b"), "10 net"),
)
# what an identifier said aloud follows: "invoice", "S O", "order", "P O", "PMT dash U", "PAY"
_ID_BEFORE = lazy(
    r"(?i)(?:\b(?P<inv>invoice|inv)(?: number| no| #)?"
    r"|\b(?P<so>so|s o|sales order|order)(?: number| no| #)?"
    r"|\b(?P<po>po|p o)(?: number| no| #)?"
    r"|\b(?P<pay>(?-i:PMT|PAY))(?: dash)?(?: ?(?P<letter>(?-i:[A-Z]))\b)?(?: dash)?)\s+$"
)
# a number after these is an invoice's when it is said in groups ("on nine eighty seven")
_ON = frozenset("on to is was did about mark against and for with disputing disputed void".split())
# a payment or an order named: a number said after "on" is no invoice's ("partial on 983")
_OTHER_ID = lazy(r"\b(?:PAY|PMT|SO)\b|\b(?:PAY|PMT|SO)-\w")
_AMOUNT_BEFORE = frozenset("the that full of pay paid".split())
_AMOUNT_AFTER = lazy(r"(?i)^\s+(?:dollars?|bucks|unapplied|check|short|left|on\b)")
_DOLLARS = lazy(r"(?i)^\s+(?:dollars?|bucks)(?:\s+(?:and\s+)?(?P<c>\S+(?: \S+)?) cents)?\b")
_THOUSANDS = lazy(r"(?i)^\s*(?:k|grand)\b")
_ORDINAL = lazy(
    r"(?i)\b(?P<before>(?:on|by|since|until|from|between|through|to|and|of) the"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)"
    r" (?:(?P<tens>twenty|thirty) )?(?P<ord>" + "|".join(ORDINALS) + r")\b"
)
# "the first" is a day only where a day is said: "by the first", "the first of the month", not
# "on the first invoice"
_NOT_A_DAY = lazy(
    r"(?i)\s+(?:invoices?|ones?|time|reminders?|payments?|notices?|calls?|orders?|items?|lines?"
    r"|page|two|three|few|bills?|checks?|letters?|promises?|disputes?|weeks?|months?|quarter"
    r"|half|days?|place|step|thing)\b"
)
# terms said aloud: "net forty five"
_TERMS_SAID = "|".join(sorted(WORDS - {"oh", "hundred", "thousand"}, key=len, reverse=True))
_NET = lazy(rf"(?i)\bnet (?:{_TERMS_SAID})\b")
_CORRECTED = lazy(r"(?i)\s*\b(?:no wait(?: I mean)?|I mean|no actually)\b\s*(?:it's |just )?")
_TAKEN_BACK = lazy(
    r"(?i)\s*\b(?:(?:no )?wait |no actually |actually |so )?(?:scratch that|never ?mind(?: that)?"
    r"|forget (?:it|that)|cancel that|hold off on (?:that|it))\b"
)
_FINE = lazy(r"(?i)\s+(?:is|will be|would be) (?:fine|okay|ok|good|enough)\s*$|\s+will do\s*$")
_TOKEN_ID = lazy(r"(?:[A-Z]{2,3}-[A-Z]?\d+|\$?\d[\d.,]*)(?=\s|$)")


def is_dictated(text: str) -> bool:
    """Whether ``text`` has no typed punctuation and a form only speech writes."""
    if _TYPED.search(text):
        return False
    said = [word.lower() for word in _WORD.findall(text)]
    words = set(said)
    if not words.isdisjoint(_SPOKEN) or _SPELLED.search(text):
        return True
    if not words.isdisjoint(_PHRASE_WORDS) and _SPOKEN_PHRASE.search(text):
        return True
    if "net" in words and _NET.search(text):
        return True
    if not words.isdisjoint(ORDINALS) and any(
        _ordinal(m) != m.group(0) for m in _ORDINAL.finditer(text)
    ):
        return True
    if "period" in words and _spoken_period(text):
        return True
    if words.isdisjoint(WORDS) or sum(word in WORDS or word == "oh" for word in said) < 2:
        return False  # no run of two number words
    return any(
        len(run.split()) > 1 and cardinal(run.lower().split()) is None
        for run in (m.group(0) for m in _RUN.finditer(text))
    )


def _dollars(value: str, match: re.Match[str] | None) -> str:
    if match is None:
        return value
    cents = match.group("c")
    said = cardinal(cents.lower().split()) if cents else None
    return f"${value}.{said:02d}" if said is not None and said < 100 else f"${value}"


# a question said after a statement, with no mark between them: "… on ten two seventy did he
# do it already" (the opener after a word that ends a clause, not "tell me when", "how much is")
_ASKED = lazy(
    r"(?i)(?<=\w)(?<!\bto)(?<!\bknow)(?<!\bme)(?<!\btell)(?<!\bask)(?<!\band)(?<!\bor)"
    r"(?<!\bbut)(?<!\bif)(?<!\bof)(?<!\bthe)(?<!\bthat)(?<!\bsee)(?<!\bis)(?<!\bwas)"
    r"(?<!\bwhat)(?<!\bhow)(?<!\bmuch)(?<!\bmany)(?<!\bon)(?<!\bin)(?<!\bfor)(?<!\bout)"
    r"(?<!\babout)(?<!\bso)(?<!\bjust)(?<!\bwonder)(?<!\bcheck)(?<!\bshow)(?<!\bi)(?<!\bby)"
    r"(?<!\blike)(?<!\bwith)(?<!\bthat's)(?<!\bwhich)(?<!\bwhere)(?<!\byou)"
    r" (?=(?:did (?:he|she|they|we|you|it|somebody|someone|anyone|anybody|that|this)"
    r"|(?:is|was|are|were) (?:that|it|there|this|they|he|she)"
    r"|(?:what's|whats|what|how|when|who's|who|which|where) (?:is|was|are|were|do|does|did"
    r"|much|many|long|the|that|their|they|it's|its)) )"
)


def _thousands(said: str | None) -> str | None:
    """ "11137.64" → "11,137.64": an amount as it is typed."""
    if said is None or not re.fullmatch(r"\d+(?:\.\d\d)?", said):
        return said
    whole, _, cents = said.partition(".")
    return f"{int(whole):,}" + (f".{cents}" if cents else "")


def _an_identifier(digits: str, words: list[str]) -> bool:
    """Whether number words are an identifier's: four digits at least, or fewer said in groups
    ("nine eighty two"), not a few digits said one by one ("one two three")."""
    grouped = any(word in TEENS or word in TENS or word == "hundred" for word in words)
    return len(digits) >= 4 or (len(digits) == 3 and grouped)


def _number(text: str, start: int, said: str) -> tuple[str, int]:
    """The digits a run of number words stands for, in its place, and where the text after it
    starts (a "dollars" or "k" said after an amount is taken with it)."""
    words = said.lower().split()
    end = start + len(said)
    before, after = text[:start], text[end:]
    prefix = _ID_BEFORE.search(before)
    if prefix is not None:
        digits = identifier([w for w in words if w != "and"])
        if digits is None or not _an_identifier(digits, words):
            return f"{before}{said}", end
        kept = before[: prefix.start()]
        if prefix.group("so"):
            return f"{kept}SO-{digits}", end
        if prefix.group("po"):
            return f"{kept}PO {digits}", end
        if prefix.group("pay"):
            letter = (prefix.group("letter") or "").upper()
            return f"{kept}{prefix.group('pay').upper()}-{letter}{digits}", end
        return f"{kept}invoice {digits}", end
    last = before.split()[-1].lower() if before.split() else ""
    value = cardinal(words)
    if value is not None:
        if len(words) == 1 and value < 10:
            return f"{before}{said}", end
        if (dollars := _DOLLARS.match(after)) is not None:
            return f"{before}{_dollars(f'{value:,}', dollars)}", end + dollars.end()
        if (k := _THOUSANDS.match(after)) is not None:
            return f"{before}{value}k", end + k.end()
        return f"{before}{value:,}", end
    parts = groups(words)
    if parts is None:
        return f"{before}{_thousands(amount(words)) or said}", end
    said_as_id = len(parts) >= 2 and len(parts[0]) == 2 and len(parts[1]) == 1  # "ten two …"
    amounts = last in _AMOUNT_BEFORE or _AMOUNT_AFTER.match(after) or words[-1] == "hundred"
    if amounts and not said_as_id:
        return f"{before}{_thousands(amount(words)) or said}", end
    if all(len(p) == 2 and int(p) >= 20 for p in parts):
        return f"{before}{' '.join(parts)}", end  # "thirty sixty ninety": buckets
    digits = "".join(parts)
    if last in _ON and _an_identifier(digits, words) and not _OTHER_ID.search(text):
        return f"{before}invoice {digits}", end
    return f"{before}{digits}", end


def _numbers(text: str) -> str:
    at = 0
    while (match := _RUN.search(text, at)) is not None:
        written, end = _number(text, match.start(), _joined(match.group(0)))
        text, at = written + text[end:], len(written)
    return text


def _joined(said: str) -> str:
    """The run up to an "and" that joins two numbers ("ten two sixty three and ten two forty
    eight"), not one said with "hundred and" or "thousand and"."""
    words = said.split()
    for n, word in enumerate(words):
        if word.lower() == "and" and words[n - 1].lower() not in ("hundred", "thousand"):
            return " ".join(words[:n])
    return said


def _ordinal(match: re.Match[str]) -> str:
    said = match.group("ord").lower()
    ordinary = said in ("first", "second", "third") and not match.group("tens")
    if ordinary and _NOT_A_DAY.match(match.string, match.end()):
        return match.group(0)
    day = ORDINALS[said]
    if match.group("tens"):
        day += 20 if match.group("tens").lower() == "twenty" else 30
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{match.group('before')} {day}{suffix}"


def _taken_back(text: str) -> str:
    """ "put X on hold no wait scratch that never mind don't do anything": the request taken
    back is not kept; "never mind" and what follows are."""
    said = list(_TAKEN_BACK.finditer(text))
    if not said or len(text[: said[0].start()].split()) < 3:
        return text
    found = said[-1]
    rest = text[found.end() :].strip()
    return f"never mind. {rest}" if rest else "never mind"


def _corrected(text: str) -> str:
    """ "X no wait I mean Y": what was meant kept in place of what was said."""
    while (marker := _CORRECTED.search(text)) is not None:
        before, after = text[: marker.start()].rstrip(), text[marker.end() :].lstrip()
        if not after:
            return before
        said = before.split()
        head = after.split()[0]
        if _TOKEN_ID.match(head):
            ids = list(_TOKEN_ID.finditer(before))
            if ids:
                last = ids[-1]
                rest = after[len(head) :]
                text = f"{before[: last.start()]}{head}{before[last.end() :]}{rest}"
                continue
        lowered = [w.lower() for w in said]
        window = range(len(said) - 1, max(-1, len(said) - 9), -1)
        meant = _FINE.sub("", after).split()
        again = next((n for n in window if lowered[n] == head.lower()), None)
        if again is not None and len(meant) < len(said) - again:
            # "the top twenty open balances no wait just top ten": the words said again
            # replace as many words
            text = " ".join([*said[:again], *meant, *said[again + len(meant) :]])
            continue
        cut = next((n for n in window if lowered[n] in ("um", "uh", head.lower())), None)
        if cut is None:
            near = range(len(said) - 1, max(-1, len(said) - 5), -1)
            cut = next((n + 1 for n in near if lowered[n] in ("to", "on", "for", "at")), None)
        kept = " ".join(said[:cut]) if cut is not None else before
        text = f"{kept} {after}"
    return text


@lru_cache(maxsize=512)
def dictated(text: str) -> str:
    """The text with its spoken forms written as typed; unchanged when it is not dictated."""
    if not is_dictated(text):
        return text
    written = _SPELLED.sub(lambda m: m.group(0).replace(" ", ""), text)
    for pattern, replacement in _MISHEARD:
        written = pattern.sub(replacement, written)
    written = _QUOTED.sub(r'"\1"', written)
    written = _ORDINAL.sub(_ordinal, written)
    written = _numbers(written)
    written = _taken_back(written)
    written = _corrected(written)
    written = _FILLER.sub("", written)
    if "?" not in written and (asked := list(_ASKED.finditer(written))):
        last = asked[-1]
        rest = written[last.start() :]
        if len(written[: last.start()].split()) >= 4 and not re.search(r'[".]', rest):
            written = f"{written[: last.start()]},{written[last.start() :].rstrip()}?"
    for pattern, mark in _MARKS:
        written = pattern.sub(mark, written)
    written = _PERIOD.sub(_said_period, written)
    written = re.sub(r"[ \t]{2,}", " ", written).strip()
    return written or text
