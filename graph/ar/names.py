"""Who is meant: company names as people type them and banks print them → customers.

Robust to typos, abbreviations ("ind", "mfg", "intl"), dropped legal suffixes, "&" vs "and",
truncation and word order. Abstains (``ambiguous``) when two customers fit the words equally well
rather than guessing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

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

MATCH_MIN = 80.0  # below this, a name is not a credible match
TIE_MARGIN = 5.0  # two names whose fit to the query's words is this close are a tie


def name_tokens(text: str) -> tuple[str, ...]:
    lowered = text.lower().replace("&", " and ").replace("'s ", " ").replace("int'l", "intl")
    # Legal forms written with dots are one word: "S.A.", "B.V.", "S.p.A." → sa, bv, spa.
    lowered = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), lowered)
    return tuple(w for w in _WORD.findall(lowered) if w not in LEGAL_SUFFIXES)


def _token_score(query: str, name: str) -> float:
    if query == name:
        return 100.0
    if name in ABBREVIATIONS.get(query, ()):
        return 96.0
    if len(query) >= 3 and name.startswith(query):
        return 90.0
    if len(query) >= 4:
        ratio = fuzz.ratio(query, name)
        if ratio >= 75:
            return ratio * 0.95
    return 0.0


@dataclass(frozen=True, slots=True)
class NameMatch:
    customer_id: str
    name: str
    score: float  # 0-100: how well the name fits, all things considered
    query_fit: float  # 0-100: how well the query's words are covered by the name
    exact: bool = False


def score_name(query_tokens: tuple[str, ...], name_tokens_: tuple[str, ...]) -> tuple[float, float]:
    """(score, query_fit) of a name for a query, both 0-100."""
    if not query_tokens or not name_tokens_:
        return 0.0, 0.0
    used: set[int] = set()
    per_query = []
    for q in query_tokens:
        best, best_at = 0.0, -1
        for i, n in enumerate(name_tokens_):
            s = _token_score(q, n)
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


@dataclass(frozen=True, slots=True)
class Resolution:
    status: str  # match | ambiguous | none
    match: NameMatch | None = None
    candidates: tuple[NameMatch, ...] = ()


class CustomerMatcher:
    """An index of the customer master for fast fuzzy look-ups (10k names in milliseconds)."""

    def __init__(self, customers: Iterable[tuple[str, str]]) -> None:
        self._ids: list[str] = []
        self._names: list[str] = []
        self._tokens: list[tuple[str, ...]] = []
        self._by_token: dict[str, set[int]] = defaultdict(set)
        for customer_id, name in customers:
            index = len(self._ids)
            tokens = name_tokens(name)
            self._ids.append(customer_id)
            self._names.append(name)
            self._tokens.append(tokens)
            for token in tokens:
                self._by_token[token].add(index)
        self._vocabulary = list(self._by_token)
        self._sorted_vocabulary = sorted(self._vocabulary)
        self._joined = ["".join(tokens) for tokens in self._tokens]

    def __len__(self) -> int:
        return len(self._ids)

    def _candidates(self, query_tokens: tuple[str, ...]) -> set[int]:
        found: set[int] = set()
        for q in query_tokens:
            found |= self._by_token.get(q, set())
            for full in ABBREVIATIONS.get(q, ()):
                found |= self._by_token.get(full, set())
            if len(q) >= 3:
                for word in self._vocabulary:
                    if word.startswith(q):
                        found |= self._by_token[word]
            if len(q) >= 4:
                for word, _score, _ in process.extract(
                    q, self._vocabulary, scorer=fuzz.ratio, score_cutoff=75, limit=20
                ):
                    found |= self._by_token[word]
        return found

    def _indexes(self, query_tokens: tuple[str, ...]) -> set[int]:
        """The names worth scoring: sharing a word (or its abbreviation, prefix or typo) with
        the query, or close to it written as one word."""
        indexes = self._candidates(query_tokens)
        for _, _, index in process.extract(
            "".join(query_tokens), self._joined, scorer=fuzz.ratio, score_cutoff=70, limit=5
        ):
            indexes.add(index)
        return indexes

    def _scored(self, query_tokens: tuple[str, ...], indexes: Iterable[int]) -> list[NameMatch]:
        matches = []
        for index in indexes:
            score, fit = score_name(query_tokens, self._tokens[index])
            matches.append(
                NameMatch(
                    self._ids[index],
                    self._names[index],
                    round(score, 1),
                    round(fit, 1),
                    exact=self._tokens[index] == query_tokens,
                )
            )
        matches.sort(key=lambda m: (-m.exact, -m.score, m.name))
        return matches

    def match(self, query: str, limit: int = 5) -> list[NameMatch]:
        query_tokens = name_tokens(query)
        if not query_tokens:
            return []
        return self._scored(query_tokens, self._indexes(query_tokens))[:limit]

    def _credible(self, query_tokens: tuple[str, ...], indexes: set[int]) -> list[int]:
        """Of ``indexes``, those whose ``score_name`` may reach ``MATCH_MIN`` (the others are
        not read by ``resolve``), in their order. A bound, cheap to take: the query's fit is the
        mean of each query word's best ``_token_score`` over the name's words (found word by
        word: the fuzzy ratios in one C call, the prefixes by bisection), the name's cover adds
        at most 20, and the one-word comparison is one C call; what may pass is scored in full."""
        best: list[dict[int, float]] = []
        for q in query_tokens:
            # the words w with _token_score(q, w) > 0, and that score (later rules first there)
            of_word: dict[str, float] = {}
            if len(q) >= 4:
                for w, ratio, _ in process.extract(
                    q, self._vocabulary, scorer=fuzz.ratio, score_cutoff=75, limit=None
                ):
                    of_word[w] = ratio * 0.95
            if len(q) >= 3:
                at = bisect_left(self._sorted_vocabulary, q)
                while at < len(self._sorted_vocabulary) and (
                    w := self._sorted_vocabulary[at]
                ).startswith(q):
                    of_word[w] = 90.0
                    at += 1
            of_word.update((w, 96.0) for w in ABBREVIATIONS.get(q, ()) if w in self._by_token)
            of_word[q] = 100.0
            scores: dict[int, float] = {}
            for w, score in of_word.items():
                for index in self._by_token.get(w, ()):
                    if score > scores.get(index, 0.0) and index in indexes:
                        scores[index] = score
            best.append(scores)
        passing: set[int] = set()
        for index in set().union(*best):
            total = 0.0
            for scores in best:
                total += scores.get(index, 0.0)
            if round(0.8 * (total / len(query_tokens)) + 20.0, 1) >= MATCH_MIN:
                passing.add(index)
        for _, ratio, index in process.extract(
            "".join(query_tokens), self._joined, scorer=fuzz.ratio, score_cutoff=79, limit=None
        ):
            if round(ratio, 1) >= MATCH_MIN and index in indexes:
                passing.add(index)
        return [index for index in indexes if index in passing]

    def _closest(self, query: str, limit: int = 3) -> tuple[NameMatch, ...]:
        """Suggestions for a name that matched nothing: whole-string similarity."""
        joined = "".join(name_tokens(query))
        found = process.extract(
            joined, self._joined, scorer=fuzz.WRatio, score_cutoff=55, limit=limit
        )
        return tuple(
            NameMatch(self._ids[i], self._names[i], round(score, 1), round(score, 1))
            for _, score, i in found
        )

    def resolve(self, query: str) -> Resolution:
        # Only names scoring MATCH_MIN are read below, and they sort before every other name
        # (an exact one scores 100): scoring only the names that may reach it, in the same
        # order, gives the same first eight of them as ``match`` would.
        query_tokens = name_tokens(query)
        matches: list[NameMatch] = []
        if query_tokens:
            indexes = self._indexes(query_tokens)
            matches = self._scored(query_tokens, self._credible(query_tokens, indexes))[:8]
        if not matches or matches[0].score < MATCH_MIN:
            return Resolution("none", candidates=self._closest(query))
        top = matches[0]
        if top.exact:
            return Resolution("match", top, (top,))
        ties = tuple(
            m for m in matches if m.score >= MATCH_MIN and top.query_fit - m.query_fit < TIE_MARGIN
        )
        if len(ties) > 1:
            return Resolution("ambiguous", candidates=ties)
        return Resolution("match", top, (top,))


def resolve_mention(matcher: CustomerMatcher, text: str) -> Resolution:
    """Resolve the name inside a phrase that may carry other words ("pull up acme ind supply's
    items"): the whole phrase first, then ever shorter runs of its words."""
    whole = matcher.resolve(text)
    if whole.status != "none":
        return whole
    words = text.split()
    closest = whole
    for length in range(min(len(words), 6) - 1, 0, -1):
        found = [
            matcher.resolve(" ".join(words[i : i + length])) for i in range(len(words) - length + 1)
        ]
        decided = [r for r in found if r.status != "none"]
        if decided:
            return max(decided, key=lambda r: (r.candidates[0].score, r.status == "match"))
        for r in found:
            if r.candidates and (
                not closest.candidates or r.candidates[0].score > closest.candidates[0].score
            ):
                closest = r
    return closest
