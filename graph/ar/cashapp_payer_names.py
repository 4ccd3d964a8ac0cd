"""The customers' names indexed for a bank's payer name, and one payer name scored against them
(``graph.ar.name_scoring``'s tokens, abbreviations and ``score_name`` scoring):

* blocking, for speed: ``CustomerMatcher.match`` scores every customer sharing a word with the
  query (hundreds in a 10k master). Here an inverted index ranks customers by the rarity-weighted
  words they share with the payer, and only the best ``BLOCK`` (those within ``RANK_SHARE`` of
  the best rank) are scored with ``score_name``; a name written as one word is compared whole;
* ACH truncation: a 16-character name's last word may be cut anywhere ("FABRIKAM INTL SV"), so it
  is completed from each candidate's own words before scoring, and an exact fit does not
  outrank a longer name the cut text may have come from.
"""

from __future__ import annotations

import heapq
import math
import sys
from collections import defaultdict
from collections.abc import Iterable
from typing import TypeVar

from rapidfuzz import fuzz, process

from graph.ar.cashapp_payer_text import ACH_NAME_LENGTH, GENERIC_WORDS
from graph.ar.name_scoring import (
    ABBREVIATED_WORD,
    ABBREVIATIONS,
    LEGAL_SUFFIXES,
    PREFIX_LETTERS,
    PREFIX_WORD,
    SAME_WORD,
    TYPO_LETTERS,
    TYPO_RATIO,
    TYPO_SHARE,
    name_tokens,
    score_name,
)
from graph.ar.names import MATCH_MIN

BLOCK = 24  # customers scored per query after blocking
RANK_SHARE = 0.5  # ...of those, only the ones ranked at least this share of the best
# Abbreviations a cut word may be the start of: "SV" → "SVCS" → services.
_ABBREVIATION_PREFIXES: dict[str, set[str]] = defaultdict(set)
for _short, _fulls in ABBREVIATIONS.items():
    for _end in range(1, len(_short) + 1):
        _ABBREVIATION_PREFIXES[_short[:_end]].update(_fulls)


_ABBREVIATION_KEYS = [k for k in ABBREVIATIONS if len(k) >= 4]


def _canonical(token: str) -> str:
    """A word as its one full form when it is an abbreviation of exactly one ("mfg")."""
    fulls = ABBREVIATIONS.get(token, ())
    return fulls[0] if len(fulls) == 1 else token


def _canonical_tokens(tokens: tuple[str, ...]) -> tuple[str, ...]:
    canon = tuple(_canonical(t) for t in tokens)
    return tokens if canon == tokens else canon


Key = TypeVar("Key")


def _frozen(table: dict[Key, list[int]]) -> dict[Key, tuple[int, ...]]:
    """``table`` in its order, each list as a tuple (no spare room)."""
    return {key: tuple(values) for key, values in table.items()}


class PayerNames:
    def __init__(self, customers: Iterable[tuple[str, str]]) -> None:
        pairs = list(customers)
        self._ids = [cid for cid, _ in pairs]
        self._names = [name for _, name in pairs]
        # One int object per name for every table below (enumerate would make one a table),
        # and the tables' lists as tuples once built: the same values in less memory.
        numbers = list(range(len(pairs)))
        self._index_of = dict(zip(self._ids, numbers, strict=True))
        # 10k names share few words: one string per word, and a name's canonical words are
        # its own tuple when no word is an abbreviation (equal values, less memory).
        self._tokens = [tuple(map(sys.intern, name_tokens(name))) for _, name in pairs]
        self._joined = ["".join(tokens) for tokens in self._tokens]
        self._canon = [_canonical_tokens(tokens) for tokens in self._tokens]
        by_tokens: dict[tuple[str, ...], list[int]] = defaultdict(list)
        by_start: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, canon in zip(numbers, self._canon, strict=True):
            by_tokens[canon].append(i)
            for end in range(1, len(canon)):
                by_start[canon[:end]].append(i)
        self._by_tokens = _frozen(by_tokens)
        self._by_start = _frozen(by_start)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, tokens in zip(numbers, self._tokens, strict=True):
            for token in set(tokens):
                postings[token].append(i)
        self._postings = _frozen(postings)
        total = max(len(pairs), 1)
        self._idf = {w: math.log(1 + total / len(ids)) for w, ids in postings.items()}
        self._vocabulary = list(postings)
        prefixes: dict[str, list[str]] = defaultdict(list)  # each word once: no set needed
        for word in self._vocabulary:
            for end in range(1, len(word)):
                prefixes[word[:end]].append(word)
        self._prefixes = {p: tuple(sorted(words)) for p, words in prefixes.items()}

    # -- one query ----------------------------------------------------------------------------

    def _expand(self, q: str, cut: bool) -> dict[str, float]:
        """Vocabulary words a query word may stand for, with name_scoring._token_score's weights."""
        words: dict[str, float] = {}
        if q in self._postings:
            words[q] = SAME_WORD
        for full in ABBREVIATIONS.get(q, ()):
            if full in self._postings:
                words.setdefault(full, ABBREVIATED_WORD)
        # A cut word says less the shorter it is: "C" is the start of a thousand words.
        prefix_weight = PREFIX_WORD * min(1.0, len(q) / 4)
        if len(q) >= PREFIX_LETTERS or cut:
            for word in self._prefixes.get(q, ()):
                words.setdefault(word, prefix_weight)
        if cut:
            for full in sorted(_ABBREVIATION_PREFIXES.get(q, ())):
                if full in self._postings:
                    words.setdefault(full, prefix_weight)
        if len(q) >= TYPO_LETTERS and q not in self._postings:
            for word, ratio, _ in process.extract(
                q, self._vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_RATIO, limit=10
            ):
                words.setdefault(word, ratio * TYPO_SHARE)
        return words

    @staticmethod
    def _complete(tokens: tuple[str, ...], name: tuple[str, ...]) -> tuple[str, ...] | None:
        """The query with its cut last word completed from ``name`` (or dropped when it is the
        start of a legal suffix); None when the last word is no start of anything in it."""
        last = tokens[-1]
        position = len(tokens) - 1
        if position < len(name):
            # The bank cut the name's own word at this place, or the payer wrote other words.
            word = name[position]
            if word.startswith(last) or word in _ABBREVIATION_PREFIXES.get(last, ()):
                return (*tokens[:-1], word)
        elif len(tokens) > 1 and any(s.startswith(last) for s in LEGAL_SUFFIXES):
            return tokens[:-1]  # the start of "INC", "CORP", "LLC" after the last word
        for word in name:
            if word.startswith(last) or word in _ABBREVIATION_PREFIXES.get(last, ()):
                return (*tokens[:-1], word)
        return None

    @staticmethod
    def _ordered(tokens: tuple[str, ...], name: tuple[str, ...]) -> bool:
        """The words are the start of the name, in order, each a fair spelling of its word."""
        if len(tokens) > len(name):
            return False
        return all(
            q == n or score_name((q,), (n,))[1] >= 85 for q, n in zip(tokens, name, strict=False)
        )

    def _spell(self, token: str) -> str:
        """A misspelt abbreviation read as the abbreviation ("parma" → "pharma"), so that
        name_scoring.score_name expands it; words the customer names use are left alone."""
        if len(token) < 4 or token in self._postings or token in ABBREVIATIONS:
            return token
        found = process.extractOne(token, _ABBREVIATION_KEYS, scorer=fuzz.ratio, score_cutoff=85)
        return found[0] if found else token

    def _score(self, query: str) -> list[tuple[int, float, float, bool, bool]]:
        tokens = name_tokens(query)
        tokens = tuple(t for t in tokens if t.upper() not in GENERIC_WORDS) or tokens
        tokens = tuple(self._spell(t) for t in tokens)
        if not tokens:
            return []
        cut = len(query.strip()) in (ACH_NAME_LENGTH - 1, ACH_NAME_LENGTH) and len(tokens) > 1
        found = self._score_tokens(tokens, cut)
        if not cut and len(tokens) > 1 and max((s[1] for s in found), default=0) < MATCH_MIN:
            # Banks cut names at other widths too (18, 35): a last word that is the start of
            # a customer's word is read as cut when nothing fits it whole.
            found = self._score_tokens(tokens, True)
        return found

    def _score_tokens(
        self, tokens: tuple[str, ...], cut: bool
    ) -> list[tuple[int, float, float, bool, bool]]:
        starts = self._name_starts(tokens, cut)
        if starts:
            return [self._score_one(i, tokens, cut) for i in starts]
        rank: dict[int, float] = defaultdict(float)
        for position, q in enumerate(tokens):
            best: dict[int, float] = {}
            last_cut = cut and position == len(tokens) - 1
            for word, weight in self._expand(q, last_cut).items():
                value = weight * self._idf[word]
                for i in self._postings[word]:
                    if value > best.get(i, 0.0):
                        best[i] = value
            for i, value in best.items():
                rank[i] += value
        scored = []
        ranked = heapq.nlargest(BLOCK, rank.items(), key=lambda item: item[1])
        # Names sharing only a common word with the payer ("FOODS") rank far below those that
        # share its rare words; scoring them in full cannot make them the answer.
        floor = ranked[0][1] * RANK_SHARE if ranked else 0.0
        for i, value in ranked:
            if value < floor:
                break
            scored.append(self._score_one(i, tokens, cut))
        if not scored or max(s[1] for s in scored) < MATCH_MIN:
            # Nothing credible from the words: the name written as one word ("NORTHWINDTRADERS")
            # or with its words run together, compared as a whole.
            seen = {s[0] for s in scored}
            joined = "".join(tokens)
            for _, _, i in process.extract(
                joined, self._joined, scorer=fuzz.ratio, score_cutoff=70, limit=5
            ):
                if i in seen:
                    continue
                name = self._tokens[i]
                score, fit = score_name(tokens, name)
                scored.append((i, score, fit, name == tokens, name == tokens))
        return scored

    def _name_starts(self, tokens: tuple[str, ...], cut: bool) -> list[int]:
        """The customers whose names begin with the payer's words (abbreviations read in full,
        a cut last word as the start of the name's next word). These outrank every other
        name (see ``_tier``), so when there are any, no other name needs scoring."""
        canon = tuple(_canonical(t) for t in tokens)
        if not cut:
            exact = self._by_tokens.get(canon)
            if not exact:
                return []
            return [*exact, *self._by_start.get(canon, ())[:BLOCK]]
        head, last = canon[:-1], tokens[-1]
        found = list(self._by_tokens.get(head, ()))  # the cut word began a legal suffix
        position = len(head)
        for i in self._by_start.get(head, ()):
            word = self._canon[i][position]
            raw = self._tokens[i][position]
            abbreviated = word in _ABBREVIATION_PREFIXES.get(last, ())
            if word.startswith(last) or raw.startswith(last) or abbreviated:
                found.append(i)
        return found[: BLOCK * 2]

    def _score_one(
        self, i: int, tokens: tuple[str, ...], cut: bool
    ) -> tuple[int, float, float, bool, bool]:
        name = self._tokens[i]
        score, fit = score_name(tokens, name)
        exact = name == tokens
        ordered = exact or self._ordered(tokens, name)
        if cut:
            completed = self._complete(tokens, name)
            if completed is not None:
                c_score, c_fit = score_name(completed, name)
                if c_score > score:
                    score, fit = c_score, max(fit, c_fit)
                exact = exact or completed == name
                ordered = ordered or exact or self._ordered(completed, name)
        return (i, score, fit, exact, ordered)
