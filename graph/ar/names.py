"""Who is meant: company names as people type them and banks print them → customers.

Robust to typos, abbreviations ("ind", "mfg", "intl"), dropped legal suffixes, "&" vs "and",
truncation and word order (a name's words and their scoring: ``graph.ar.name_scoring``).
Abstains (``ambiguous``) when two customers fit the words equally well rather than guessing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from graph.ar.name_scoring import (
    ABBREVIATED_WORD,
    ABBREVIATIONS,
    ALIKE_LETTERS,
    ALIKE_WORD,
    PREFIX_LETTERS,
    PREFIX_WORD,
    SAME_WORD,
    TYPO_LETTERS,
    TYPO_RATIO,
    TYPO_SHARE,
    alike,
    name_tokens,
    score_name,
    sound_key,
)

MATCH_MIN = 80.0  # below this, a name is not a credible match
TIE_MARGIN = 5.0  # two names whose fit to the query's words is this close are a tie
WORDS_KEPT = 4096  # query words whose fit an index keeps
RESOLUTIONS_KEPT = 4096  # resolutions an index keeps (by the query's words)


@dataclass(frozen=True, slots=True)
class NameMatch:
    customer_id: str
    name: str
    score: float  # 0-100: how well the name fits, all things considered
    query_fit: float  # 0-100: how well the query's words are covered by the name
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Resolution:
    status: str  # match | ambiguous | none
    match: NameMatch | None = None
    candidates: tuple[NameMatch, ...] = ()


class CustomerMatcher:
    """An index of the customer master for fast fuzzy look-ups (10k names in a millisecond).

    Each word of the names has its set of names as a bitset (an int: bit ``i`` is name ``i``),
    so finding the names a query's words may fit is a few C-level ORs and ANDs, not a loop over
    names; what one query word fits among the words (exact, abbreviation, prefix, typo) is
    worked out once per word and kept with the index (``_fits``). A query whose words are
    exactly a name's is answered by a dictionary. How a query resolves depends only on its
    words, so resolutions are kept too (``RESOLUTIONS_KEPT``); the index is immutable: a
    changed customer master is a new index."""

    def __init__(self, customers: Iterable[tuple[str, str]]) -> None:
        self._ids: list[str] = []
        self._names: list[str] = []
        self._tokens: list[tuple[str, ...]] = []
        by_token: dict[str, list[int]] = defaultdict(list)
        self._exact: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for customer_id, name in customers:
            index = len(self._ids)
            tokens = name_tokens(name)
            self._ids.append(customer_id)
            self._names.append(name)
            self._tokens.append(tokens)
            self._exact[tokens].append(index)
            for token in dict.fromkeys(tokens):
                by_token[token].append(index)
        self._by_token = dict(by_token)
        self._vocabulary = list(self._by_token)
        self._sorted_vocabulary = sorted(self._vocabulary)
        self._joined = ["".join(tokens) for tokens in self._tokens]
        self._by_sound: dict[str, list[str]] = defaultdict(list)  # "intk": initech
        for word in self._vocabulary:
            self._by_sound[sound_key(word)].append(word)
        self._by_letter: dict[str, list[str]] = defaultdict(list)  # for words written short
        for word in self._vocabulary:
            self._by_letter[word[:1]].append(word)
        self._bits: dict[str, int] = {}
        self._fits: dict[str, _WordFit] = {}
        self._resolved: dict[tuple[str, ...], Resolution | None] = {}
        self._nobody: dict[tuple[str, ...], Resolution] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def _word_bits(self, word: str) -> int:
        """The names that have ``word`` among their words, as a bitset."""
        bits = self._bits.get(word)
        if bits is None:
            packed = bytearray(len(self._ids) // 8 + 1)
            for index in self._by_token.get(word, ()):
                packed[index >> 3] |= 1 << (index & 7)
            bits = self._bits[word] = int.from_bytes(packed, "little")
        return bits

    def _fit(self, q: str) -> _WordFit:
        """What the query word ``q`` fits among the names' words (kept: the index is fixed)."""
        fit = self._fits.get(q)
        if fit is not None:
            return fit
        prefixed: list[str] = []
        if len(q) >= PREFIX_LETTERS:
            at = bisect_left(self._sorted_vocabulary, q)
            while at < len(self._sorted_vocabulary) and (
                w := self._sorted_vocabulary[at]
            ).startswith(q):
                prefixed.append(w)
                at += 1
        abbreviated = [w for w in ABBREVIATIONS.get(q, ()) if w in self._by_token]
        # the names worth scoring: sharing the word, its abbreviation, a prefix or a close typo
        found = [q, *abbreviated, *prefixed]
        # _token_score(q, w) > 0 for each word w, and that score (later rules win, as there)
        scores: dict[str, float] = {}
        if len(q) >= TYPO_LETTERS:
            found += [
                w
                for w, _, _ in process.extract(
                    q, self._vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_RATIO, limit=20
                )
            ]
            for w, ratio, _ in process.extract(
                q, self._vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_RATIO, limit=None
            ):
                scores[w] = ratio * TYPO_SHARE
        if len(q) >= ALIKE_LETTERS:
            # written short or as it sounds: "nwind", "clrwater", "initek"
            same_sound = self._by_sound.get(sound_key(q), [])
            for w in {*same_sound, *self._by_letter.get(q[:1], ())}:
                if scores.get(w, 0.0) < ALIKE_WORD and alike(q, w):
                    found.append(w)
                    scores[w] = ALIKE_WORD
        scores.update(dict.fromkeys(prefixed, PREFIX_WORD))
        scores.update(dict.fromkeys(abbreviated, ABBREVIATED_WORD))
        scores[q] = SAME_WORD
        candidates = fits = 0
        for w in found:
            candidates |= self._word_bits(w)
        for w in scores:
            fits |= self._word_bits(w)
        if len(self._fits) >= WORDS_KEPT:
            self._fits.clear()
        fit = self._fits[q] = _WordFit(candidates, fits, scores)
        return fit

    def _indexes(self, query_tokens: tuple[str, ...], joined: list[tuple[int, float]]) -> int:
        """The names worth scoring, as a bitset: sharing a word (or its abbreviation, prefix or
        typo) with the query, or among the five closest to it written as one word."""
        bits = 0
        for q in query_tokens:
            bits |= self._fit(q).candidates
        for index, _ in joined[:5]:
            bits |= 1 << index
        return bits

    def _one_word(self, query_tokens: tuple[str, ...]) -> list[tuple[int, float]]:
        """(name, ratio) of the names within 70 of the query written as one word, closest
        first (the order of rapidfuzz's ``extract``)."""
        found = process.extract(
            "".join(query_tokens), self._joined, scorer=fuzz.ratio, score_cutoff=70, limit=None
        )
        return [(index, ratio) for _, ratio, index in found]

    def _scored(self, query_tokens: tuple[str, ...], indexes: Iterable[int]) -> list[NameMatch]:
        matches = []
        for index in indexes:
            score, fit = score_name(query_tokens, self._tokens[index], alike_words=True)
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
        indexes = self._indexes(query_tokens, self._one_word(query_tokens))
        return self._scored(query_tokens, _members(indexes))[:limit]

    def _credible(
        self, query_tokens: tuple[str, ...], indexes: int, joined: list[tuple[int, float]]
    ) -> list[int]:
        """Of ``indexes``, those whose ``score_name`` may reach ``MATCH_MIN`` (the others are
        not read by ``resolve``), in index order. A bound, cheap to take: the query's fit is the
        mean of each query word's best ``_token_score`` over the name's words, the name's cover
        adds at most 20, and the one-word comparison is taken from ``joined``; what may pass is
        scored in full. Each word's best is at most 100, so a name fitting fewer of the query's
        words than ``needed`` cannot pass: those are left out by bitset before any is read."""
        fits = [self._fit(q) for q in query_tokens]
        count = len(query_tokens)
        needed = next(
            (n for n in range(1, count + 1) if _credible_fit(SAME_WORD * n, count)), count + 1
        )
        # at_least[n]: the names fitting at least n of the query's words (bit-sliced counts)
        at_least = [-1] + [0] * needed
        for fit in fits:
            for n in range(needed, 0, -1):
                at_least[n] |= at_least[n - 1] & fit.fits
        passing = set()
        for index in _members(at_least[needed] & indexes if needed <= count else 0):
            words = self._tokens[index]
            total = 0.0
            for fit in fits:
                total += max((fit.scores.get(w, 0.0) for w in words), default=0.0)
            if _credible_fit(total, count):
                passing.add(index)
        for index, ratio in joined:
            if ratio < 79:
                break
            if round(ratio, 1) >= MATCH_MIN and indexes >> index & 1:
                passing.add(index)
        return sorted(passing)

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
        decided = self.decide(query)
        if decided is not None:
            return decided
        query_tokens = name_tokens(query)
        nobody = self._nobody.get(query_tokens)
        if nobody is None:
            nobody = Resolution("none", candidates=self._closest(query))
            if len(self._nobody) >= RESOLUTIONS_KEPT:
                self._nobody.clear()
            self._nobody[query_tokens] = nobody
        return nobody

    def decide(self, query: str) -> Resolution | None:
        """``resolve(query)`` when it names someone (a match or a tie); None when it names
        nobody (the closest names, which take a scan of every name, are left to ``resolve``)."""
        query_tokens = name_tokens(query)
        if query_tokens in self._resolved:
            return self._resolved[query_tokens]
        decided = self._decide(query_tokens)
        if len(self._resolved) >= RESOLUTIONS_KEPT:
            self._resolved.clear()
        self._resolved[query_tokens] = decided
        return decided

    def _decide(self, query_tokens: tuple[str, ...]) -> Resolution | None:
        # A name whose words are the query's sorts before every other (exact, 100): it is the
        # answer. Otherwise only names scoring MATCH_MIN are read below, and they sort before
        # every other name: scoring only the names that may reach it gives the same first
        # eight of them as ``match`` would.
        if query_tokens and (exact := self._exact.get(query_tokens)):
            top = self._scored(query_tokens, exact)[0]
            return Resolution("match", top, (top,))
        matches: list[NameMatch] = []
        if query_tokens:
            joined = self._one_word(query_tokens)
            indexes = self._indexes(query_tokens, joined)
            matches = self._scored(query_tokens, self._credible(query_tokens, indexes, joined))
            matches = matches[:8]
        if not matches or matches[0].score < MATCH_MIN:
            return None
        top = matches[0]
        if top.exact:
            return Resolution("match", top, (top,))
        ties = tuple(
            m for m in matches if m.score >= MATCH_MIN and top.query_fit - m.query_fit < TIE_MARGIN
        )
        if len(ties) > 1:
            return Resolution("ambiguous", candidates=ties)
        return Resolution("match", top, (top,))


@dataclass(frozen=True, slots=True)
class _WordFit:
    candidates: int  # the names worth scoring for this query word (bitset)
    fits: int  # the names with a word scoring above 0 for it (bitset)
    scores: dict[str, float]  # each such word's _token_score


def _credible_fit(total: float, count: int) -> bool:
    """Whether word scores summing to ``total`` over ``count`` query words may reach
    ``MATCH_MIN`` (the name's cover adding its most, 20)."""
    return round(0.8 * (total / count) + 20.0, 1) >= MATCH_MIN


def _members(bits: int) -> list[int]:
    """The positions of a bitset's set bits, in order."""
    found = []
    packed = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for at, byte in enumerate(packed):
        if byte:
            base = at << 3
            found.extend(base + bit for bit in _BITS[byte])
    return found


_BITS = tuple(tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256))


def resolve_mention(matcher: CustomerMatcher, text: str) -> Resolution:
    """Resolve the name inside a phrase that may carry other words ("pull up acme ind supply's
    items"): the whole phrase first, then ever shorter runs of its words. When none names
    anyone, the closest names of them all (looked for only then: a scan of every name each)."""
    whole = matcher.decide(text)
    if whole is not None:
        return whole
    words = text.split()
    nobody = [text]
    for length in range(min(len(words), 6) - 1, 0, -1):
        runs = [" ".join(words[i : i + length]) for i in range(len(words) - length + 1)]
        decided = [r for r in map(matcher.decide, runs) if r is not None]
        if decided:
            return max(decided, key=lambda r: (r.candidates[0].score, r.status == "match"))
        nobody += runs
    closest = matcher.resolve(text)
    for run in nobody[1:]:
        r = matcher.resolve(run)
        if r.candidates and (
            not closest.candidates or r.candidates[0].score > closest.candidates[0].score
        ):
            closest = r
    return closest
