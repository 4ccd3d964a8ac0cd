"""A company name's words as people type them and banks print them (lower case, legal suffixes
dropped, "&" as "and", dotted legal forms as one word), the abbreviations they use ("ind",
"mfg", "intl"), and how well a query's words fit a name's (``score_name``: typos, prefixes and
abbreviations word by word, the name's cover, the words run together)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

LEGAL_SUFFIXES = frozenset(
    """
inc incorporated llc lc ltd limited corp corporation co company plc gmbh lp llp sa ag bv pty the
and dba sarl sas sasu eurl srl spa sl nv kg ohg kgaa oy oyj pte ltda sro bhd
""".split()
)

ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "mfg": ("manufacturing",),
    "mfr": ("manufacturing",),
    "intl": ("international",),
    "int'l": ("international",),
    "svcs": ("services",),
    "svc": ("services", "service"),
    "srvcs": ("services",),
    "ind": ("industrial", "industries"),
    "inds": ("industries",),
    "dist": ("distribution", "distributors"),
    "distr": ("distribution",),
    "tech": ("technologies", "technology"),
    "engr": ("engineering",),
    "eng": ("engineering",),
    "equip": ("equipment",),
    "labs": ("laboratories",),
    "lab": ("laboratories",),
    "pharma": ("pharmaceuticals",),
    "natl": ("national",),
    "amer": ("american",),
    "grp": ("group",),
    "hldgs": ("holdings",),
    "hldg": ("holdings",),
    "mgmt": ("management",),
    "sys": ("systems",),
    "bros": ("brothers",),
    "assoc": ("associates",),
    "elec": ("electric",),
    "prod": ("products",),
    "prods": ("products",),
    "sply": ("supply",),
    "sup": ("supply",),
    "trans": ("transport", "transportation"),
    "bev": ("beverages",),
    "chem": ("chemicals",),
    "hosp": ("hospitality",),
    "whse": ("wholesale",),
    "whsl": ("wholesale",),
}

_WORD = re.compile(r"[a-z0-9]+")
_DOTTED = re.compile(r"(?<![a-z0-9])(?:[a-z]{1,2}\.){2,3}")

# How well a query word fits a name's word, 0-100 (``_token_score``; the indexes that find the
# words a query word may fit score them the same way):
SAME_WORD = 100.0  # the word itself
ABBREVIATED_WORD = 96.0  # an abbreviation of it ("mfg": manufacturing)
PREFIX_WORD = 90.0  # its start, of at least PREFIX_LETTERS letters
PREFIX_LETTERS = 3
TYPO_RATIO = 75  # a spelling of at least TYPO_LETTERS letters this close to it (fuzz.ratio)...
TYPO_LETTERS = 4
TYPO_SHARE = 0.95  # ...scored as this share of its ratio
# In a chat (not on a bank line: ``alike`` is asked for), a word written short or as it sounds:
ALIKE_WORD = 90.0  # "nwind": northwind, "clrwater": clearwater, "initek": initech
ALIKE_LETTERS = 4
_SOUNDS = tuple(
    (re.compile(pattern), sound)
    for pattern, sound in (
        (r"ph", "f"), (r"ck", "k"), (r"ch", "k"), (r"qu", "kw"), (r"q", "k"), (r"x", "ks"),
        (r"z", "s"), (r"c(?=[eiy])", "s"), (r"c", "k"), (r"y", "i"),
    )
)  # fmt: skip
_VOWELS = re.compile(r"[aeiou]")
_DOUBLED = re.compile(r"(.)\1+")


def sound_key(word: str) -> str:
    """``word`` as it sounds, roughly: its first letter and its consonants, spelled one way
    ("initech", "initek" → "intk"; "sterling", "stirling" → "strlng")."""
    for pattern, sound in _SOUNDS:
        word = pattern.sub(sound, word)
    return _DOUBLED.sub(r"\1", word[:1] + _VOWELS.sub("", word[1:]))


def written_short(query: str, name: str) -> bool:
    """Whether ``query`` is ``name`` with letters left out, its first and last letters kept,
    five letters or more and at least half of it written ("nwind": northwind, "clrwater":
    clearwater; not "pine": pinnacle)."""
    if not (
        len(query) >= 5
        and query[0] == name[0]
        and query[-1] == name[-1]
        and len(query) < len(name) <= 2 * len(query)
    ):
        return False
    rest = iter(name[1:])
    return all(letter in rest for letter in query[1:])


def alike(query: str, name: str) -> bool:
    """Whether ``query`` is ``name`` written short or as it sounds (``ALIKE_LETTERS`` or more)."""
    if len(query) < ALIKE_LETTERS or query.isdigit():
        return False
    if written_short(query, name):
        return True
    key = sound_key(query)
    return len(key) >= 3 and key == sound_key(name)


def name_tokens(text: str) -> tuple[str, ...]:
    lowered = text.lower().replace("&", " and ").replace("'s ", " ").replace("int'l", "intl")
    # Legal forms written with dots are one word: "S.A.", "B.V.", "S.p.A." → sa, bv, spa.
    lowered = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), lowered)
    return tuple(w for w in _WORD.findall(lowered) if w not in LEGAL_SUFFIXES)


def _token_score(query: str, name: str, alike_words: bool = False) -> float:
    if query == name:
        return SAME_WORD
    if name in ABBREVIATIONS.get(query, ()):
        return ABBREVIATED_WORD
    if len(query) >= PREFIX_LETTERS and name.startswith(query):
        return PREFIX_WORD
    score = 0.0
    if len(query) >= TYPO_LETTERS:
        ratio = fuzz.ratio(query, name)
        if ratio >= TYPO_RATIO:
            score = ratio * TYPO_SHARE
    if alike_words and score < ALIKE_WORD and alike(query, name):
        return ALIKE_WORD
    return score


def score_name(
    query_tokens: tuple[str, ...], name_tokens_: tuple[str, ...], alike_words: bool = False
) -> tuple[float, float]:
    """(score, query_fit) of a name for a query, both 0-100; with ``alike_words`` (a name typed
    in a chat), a word written short or as it sounds fits too (``alike``)."""
    if not query_tokens or not name_tokens_:
        return 0.0, 0.0
    used: set[int] = set()
    per_query = []
    for q in query_tokens:
        best, best_at = 0.0, -1
        for i, n in enumerate(name_tokens_):
            s = _token_score(q, n, alike_words)
            if s > best or (s == best and best_at in used):
                best, best_at = s, i
        per_query.append(best)
        if best >= 75:
            used.add(best_at)
    query_fit = sum(per_query) / len(per_query)
    name_cover = 100.0 * len(used) / len(name_tokens_)
    joined = fuzz.ratio("".join(query_tokens), "".join(name_tokens_))
    score = max(0.8 * query_fit + 0.2 * name_cover, joined)
    return score, max(query_fit, joined)
