"""Numbers said aloud, for ``graph.understand_dictated``: a run of number words read as a
cardinal ("two thousand four hundred" → 2400, "a hundred and twenty" → 120) or, when it is not
one, as the groups a person says an identifier or an amount in ("ten four twelve" → 10412,
"nine eighty two" → 982, "four five hundred one two three" → 4500123, "two seventy two seventy
three" as an amount → 272.73, "twenty thousand eight sixty fifteen" → 20860.15).
"""

from __future__ import annotations

UNITS = {
    "zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
# every word a number is said with ("a" and "and" only inside one: "a hundred and ten")
WORDS = frozenset({*UNITS, *TEENS, *TENS, "hundred", "thousand"}) - {"o"}


def _below_thousand(words: list[str]) -> int | None:
    """ "four", "forty five", "nine hundred and ninety nine": the value, or None when the words
    are not one number below a thousand."""
    if not words:
        return None
    value, rest = 0, list(words)
    if len(rest) >= 2 and rest[1] == "hundred" and (rest[0] in UNITS or rest[0] == "a"):
        value = 100 * (1 if rest[0] == "a" else UNITS[rest[0]])
        rest = rest[2:]
        if rest[:1] == ["and"]:
            rest = rest[1:]
        if not rest:
            return value if value else None
    if rest[0] in ("oh", "o", "zero"):
        return None
    if len(rest) == 1 and rest[0] in UNITS:
        return value + UNITS[rest[0]]
    if len(rest) == 1 and rest[0] in TEENS:
        return value + TEENS[rest[0]]
    if rest[0] in TENS and len(rest) <= 2:
        if len(rest) == 1:
            return value + TENS[rest[0]]
        if rest[1] in UNITS and rest[1] not in ("oh", "o", "zero"):
            return value + TENS[rest[0]] + UNITS[rest[1]]
    return None


def cardinal(words: list[str]) -> int | None:
    """The value of number words said as one number ("fifteen thousand", "one thousand two
    hundred and fifty"), or None."""
    if "hundred" in words and "thousand" not in words and words[0] in (*TEENS, *TENS):
        at = words.index("hundred")  # "twelve hundred", "forty two hundred and ten"
        head, rest = _below_thousand(words[:at]), words[at + 1 :]
        if rest[:1] == ["and"]:
            rest = rest[1:]
        tail = _below_thousand(rest) if rest else 0
        if head is None or tail is None or head < 10:
            return None
        return head * 100 + tail
    if "thousand" in words:
        at = words.index("thousand")
        head = _below_thousand(words[:at]) if words[:at] != ["a"] else 1
        rest = words[at + 1 :]
        if rest[:1] == ["and"]:
            rest = rest[1:]
        if head is None:
            return None
        if not rest:
            return head * 1000
        tail = _below_thousand(rest)
        return None if tail is None else head * 1000 + tail
    return _below_thousand(words)


def groups(words: list[str]) -> list[str] | None:
    """The digit groups of number words said as an identifier or an amount: "ten four twelve"
    → ["10", "4", "12"], "four five hundred one" → ["4", "500", "1"]; None when a word is not
    one of them ("thousand", "and")."""
    out: list[str] = []
    n = 0
    while n < len(words):
        word = words[n]
        nxt = words[n + 1] if n + 1 < len(words) else ""
        if word in UNITS:
            if nxt == "hundred":
                out.append(f"{UNITS[word]}00")
                n += 2
                continue
            out.append(str(UNITS[word]))
        elif word in TEENS:
            out.append(str(TEENS[word]))
        elif word in TENS:
            if nxt in UNITS and nxt not in ("oh", "o", "zero"):
                out.append(str(TENS[word] + UNITS[nxt]))
                n += 2
                continue
            out.append(str(TENS[word]))
        elif word == "hundred" and out and len(out[-1]) <= 2:
            out[-1] = f"{out[-1]}00"
        else:
            return None
        n += 1
    return out


def amount(words: list[str]) -> str | None:
    """Number words said as an amount: "two seventy two seventy three" → "272.73", "one forty"
    → "140", "eleven thousand one thirty seven sixty four" → "11137.64"; None when they are
    not one."""
    whole = cardinal(words)
    if whole is not None:
        return str(whole)
    if "thousand" in words:
        at = words.index("thousand")
        head = cardinal(words[:at]) if words[:at] != ["a"] else 1
        parts = groups(words[at + 1 :])
        if head is None or not parts:
            return None
        if len(parts) == 1:
            return str(head * 1000 + int(parts[0]))
        dollars, cents = "".join(parts[:-1]), parts[-1]
        if len(cents) != 2 or int(dollars) >= 1000:
            return None
        return f"{head * 1000 + int(dollars)}.{cents}"
    for cut in range(len(words) - 1, 0, -1):  # "two hundred seventy two seventy three"
        dollars_said, cents = cardinal(words[:cut]), groups(words[cut:])
        whole_said = dollars_said is not None and cut > 1 and dollars_said >= 100
        if whole_said and cents and len(cents) == 1 and len(cents[0]) == 2:
            return f"{dollars_said}.{cents[0]}"
    parts = groups(words)
    if not parts:
        return None
    if len(parts) >= 3 and len(parts[-1]) == 2:
        return f"{''.join(parts[:-1])}.{parts[-1]}"
    return "".join(parts)


def identifier(words: list[str]) -> str | None:
    """Number words said as an identifier: "ten four twelve" → "10412", "nine eighty two" →
    "982", "five thousand three" → "5003", "zero zero zero two four two" → "000242"."""
    if "thousand" in words:
        value = cardinal(words)
        return None if value is None else str(value)
    parts = groups(words)
    return "".join(parts) if parts else None
