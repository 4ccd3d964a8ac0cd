"""Who paid: a bank's payer name (and the names in its addenda) → customers.

Built on ``graph.ar.names``: the same tokens, abbreviations and ``score_name`` scoring. What it
adds for bank lines:

* blocking, for speed: ``CustomerMatcher.match`` scores every customer sharing a word with the
  query (hundreds in a 10k master). Here an inverted index ranks customers by the rarity-weighted
  words they share with the payer, and only the best ``BLOCK`` (those within ``RANK_SHARE`` of
  the best rank) are scored with ``score_name``; a name written as one word is compared whole;
* ACH truncation: a 16-character name's last word may be cut anywhere ("FABRIKAM INTL SV"), so it
  is completed from each candidate's own words before scoring, and an exact fit does not
  outrank a longer name the cut text may have come from;
* ``DBA`` names and names in ACH addenda (``ORIG CO NAME:``, ``IND NAME:``) as extra queries;
* learned aliases: an exact normalized payer string → customer, from past confirmed matches.
"""

from __future__ import annotations

import heapq
import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rapidfuzz import fuzz, process

from graph.ar.names import (
    ABBREVIATIONS,
    LEGAL_SUFFIXES,
    MATCH_MIN,
    TIE_MARGIN,
    name_tokens,
    score_name,
)

BLOCK = 24  # customers scored per query after blocking
RANK_SHARE = 0.5  # ...of those, only the ones ranked at least this share of the best
ACH_NAME_LENGTH = 16
CACHED = 1024  # payer names whose resolution is kept (the latest; a bank file repeats its payers)
_DBA = re.compile(r"\b(?:DBA|D/B/A|D B A|T/A|AKA|A/K/A)\b")
_GENERIC = frozenset(
    """ACH CREDIT DEPOSIT WIRE TRANSFER INCOMING PAYMENT PMT CHK CHECK CHEQUE ZELLE REMOTE
    MOBILE BRANCH ONLINE EFT SEPA CREDIT TRANSFER FEDWIRE BOOK XFER TRF ATM CASH""".split()
)
# Abbreviations a cut word may be the start of: "SV" → "SVCS" → services.
_ABBREVIATION_PREFIXES: dict[str, set[str]] = defaultdict(set)
for _short, _fulls in ABBREVIATIONS.items():
    for _end in range(1, len(_short) + 1):
        _ABBREVIATION_PREFIXES[_short[:_end]].update(_fulls)


_ABBREVIATION_KEYS = [k for k in ABBREVIATIONS if len(k) >= 4]


# Card processors and payment platforms: their settlements name them, not the customer.
_CARD_PROCESSOR = re.compile(
    r"^(?:(?:ACH|CREDIT|DEPOSIT|INCOMING|TRANSFER|FROM|CCD|PPD)\s+)*"
    r"(?:STRIPE|ADYEN|WORLDPAY|PAYPAL|BRAINTREE|AMERICAN EXPRESS|AMEX|SQUARE INC|SQ \*"
    r"|BANKCARD|BNKCRD|MERCHANT (?:SETTLEMENT|SETTLE|DEPOSIT|DEP|BNKCD|BANKCARD|SVCS|SERVICES)"
    r"|MERCH DEP|MERCH SVCS|CARD SETTLEMENT|CARD SETTLE|VISA SETTLEMENT|MASTERCARD SETTLEMENT"
    r"|DISCOVER NETWORK|BAMS|ZETTLE|MOLLIE|PAYU"
    r"|FISERV|FIRST DATA|ELAVON|GLOBAL PAYMENTS|HEARTLAND PAYMENT|CHASE PAYMENTECH|PAYMENTECH"
    r"|CHECKOUT\.?COM|SUMUP|SHOPIFY PAYMENTS|AUTHORIZE\.?NET|TSYS|WORLDLINE|NEXI|KLARNA"
    r"|GOCARDLESS)(?![A-Z0-9])"
)
# The ordering party's address after its name (SWIFT :50K:, MT940 ?32/?33): a house number,
# a street, a post box.
_ADDRESS_WORD = re.compile(
    r"^(?:\w*(?:STR|STRASSE|STRAAT|WEG|GASSE|PLATZ)\.?|POSTFACH|PO|P\.O\.|BOX|RUE|AVE|AVENUE"
    r"|ROAD|RD|ST(?:R(?:E(?:E(?:T)?)?)?)?\.?|LANE|LN|DRIVE|DR|BLVD|HWY|SUITE|STE|CALLE|VIA|PLACE"
    r"|CHEMIN|ALLEE|QUAI|PLAZA|AVDA?|CARRER)$"
)


_ACCOUNT = re.compile(r"[A-Z]{0,4}\d[A-Z0-9]{7,}")


def is_card_processor(payer_name: str) -> bool:
    """The bank's payer is a card processor or payment platform paying out, not a customer."""
    return bool(_CARD_PROCESSOR.match(" ".join(payer_name.upper().split())))


def without_address(text: str) -> str:
    """The name before an address written after it ("DUVAL GROCERS 715 RUE DU PORT" → "DUVAL
    GROCERS"), without an account written before it ("/DE8937… DUVAL GROCERS") or SWIFT's
    structured line numbers ("1/DUVAL GROCERS 2/RUE DU PORT 3/FR/PARIS"); the text itself when
    there is none of these."""
    structured = re.match(r"^1/(.*?)(?:\s+[23]/.*)?$", text.strip())
    if structured:
        text = structured.group(1)
    words = text.split()
    while len(words) > 1 and (words[0].startswith("/") or _ACCOUNT.fullmatch(words[0])):
        words = words[1:]
    for k in range(1, len(words)):
        if any(ch.isdigit() for ch in words[k]):
            # A number is a house number or a post box only with a street word around it
            # ("715 RUE DU PORT", "HAUPTSTR. 12", "POSTFACH 1120"), not an id ("AP CENTER 1001").
            near = [w.upper() for w in words[max(k - 1, 0) : k + 4] if w is not words[k]]
            if not any(_ADDRESS_WORD.match(w) for w in near):
                continue
            cut = words[:k]
            while len(cut) > 1 and _ADDRESS_WORD.match(cut[-1].upper()):
                cut.pop()
            return " ".join(cut)
    return " ".join(words)


def _canonical(token: str) -> str:
    """A word as its one full form when it is an abbreviation of exactly one ("mfg")."""
    fulls = ABBREVIATIONS.get(token, ())
    return fulls[0] if len(fulls) == 1 else token


def _meaningful(text: str) -> bool:
    """A name with at least one word that is not a bank's generic label ("ACH CREDIT")."""
    return any(t.upper() not in _GENERIC for t in name_tokens(text))


def _canonical_tokens(tokens: tuple[str, ...]) -> tuple[str, ...]:
    canon = tuple(_canonical(t) for t in tokens)
    return tokens if canon == tokens else canon


def normalize_payer(text: str) -> str:
    """The form aliases are keyed on: upper case, words of letters and digits, single spaces."""
    return " ".join(re.sub(r"[^A-Z0-9]+", " ", text.upper()).split())


@dataclass(frozen=True, slots=True)
class PayerCandidate:
    customer_id: str
    name: str
    score: float  # 0-100, names.score_name's scale (100 for an alias)
    fit: float  # 0-100: how well the payer's words are covered by the name
    exact: bool  # every word matches (after completing a cut last word)
    ordered: bool  # the payer's words are the name's first words, in order
    source: str  # "alias", "payer name", "ORIG CO NAME", "DBA", ...
    query: str  # the text that was matched


@dataclass(frozen=True, slots=True)
class PayerResolution:
    status: str  # match | ambiguous | none
    candidates: tuple[PayerCandidate, ...] = ()  # best first

    @property
    def top(self) -> PayerCandidate | None:
        return self.candidates[0] if self.candidates else None


Key = TypeVar("Key")


def _frozen(table: dict[Key, list[int]]) -> dict[Key, tuple[int, ...]]:
    """``table`` in its order, each list as a tuple (no spare room)."""
    return {key: tuple(values) for key, values in table.items()}


class PayerMatcher:
    def __init__(
        self, customers: Iterable[tuple[str, str]], aliases: Mapping[str, str] | None = None
    ) -> None:
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
        self._aliases = {
            normalize_payer(k): v for k, v in (aliases or {}).items() if v in self._index_of
        }
        self._cache: dict[tuple[str, tuple[tuple[str, str], ...]], PayerResolution] = {}

    # -- one query ----------------------------------------------------------------------------

    def _expand(self, q: str, cut: bool) -> dict[str, float]:
        """Vocabulary words a query word may stand for, with names._token_score's weights."""
        words: dict[str, float] = {}
        if q in self._postings:
            words[q] = 100.0
        for full in ABBREVIATIONS.get(q, ()):
            if full in self._postings:
                words.setdefault(full, 96.0)
        # A cut word says less the shorter it is: "C" is the start of a thousand words.
        prefix_weight = 90.0 * min(1.0, len(q) / 4)
        if len(q) >= 3 or cut:
            for word in self._prefixes.get(q, ()):
                words.setdefault(word, prefix_weight)
        if cut:
            for full in sorted(_ABBREVIATION_PREFIXES.get(q, ())):
                if full in self._postings:
                    words.setdefault(full, prefix_weight)
        if len(q) >= 4 and q not in self._postings:
            for word, ratio, _ in process.extract(
                q, self._vocabulary, scorer=fuzz.ratio, score_cutoff=75, limit=10
            ):
                words.setdefault(word, ratio * 0.95)
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
        names.score_name expands it; words the customer names use are left alone."""
        if len(token) < 4 or token in self._postings or token in ABBREVIATIONS:
            return token
        found = process.extractOne(token, _ABBREVIATION_KEYS, scorer=fuzz.ratio, score_cutoff=85)
        return found[0] if found else token

    def _score(self, query: str) -> list[tuple[int, float, float, bool, bool]]:
        tokens = name_tokens(query)
        tokens = tuple(t for t in tokens if t.upper() not in _GENERIC) or tokens
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

    # -- a bank line ----------------------------------------------------------------------------

    def resolve(self, payer_name: str, addenda: Sequence[tuple[str, str]] = ()) -> PayerResolution:
        key = (payer_name, tuple(addenda))
        cached = self._cache.get(key)
        if cached is None:
            cached = self._resolve(payer_name, addenda)
            if len(self._cache) >= CACHED:  # the oldest goes: memory stays, however long the file
                del self._cache[next(iter(self._cache))]
            self._cache[key] = cached
        return cached

    def _queries(
        self, payer_name: str, addenda: Sequence[tuple[str, str]]
    ) -> list[tuple[str, str]]:
        queries: list[tuple[str, str]] = []
        primary = [("payer name", payer_name)] + [(k, v) for k, v in addenda if k != "IND NAME"]
        primary = [(k, v) for k, v in primary if _meaningful(v)]
        # IND NAME is the receiver's name on most credits (ours): a payer name only when
        # nothing else is given.
        fallback = [(k, v) for k, v in addenda if k == "IND NAME"]
        for source, text in primary or fallback:
            text = " ".join(text.split())
            if not text:
                continue
            queries.append((source, text))
            parts = [p.strip() for p in _DBA.split(text.upper()) if p.strip()]
            if len(parts) > 1:
                queries.extend(("DBA", part) for part in parts)
        return queries

    def _resolve(self, payer_name: str, addenda: Sequence[tuple[str, str]]) -> PayerResolution:
        queries = self._queries(payer_name, addenda)
        found = self._resolve_queries(queries)
        if found.status == "none":
            # Nothing fits the names as written: an address may follow the name.
            named = [(s, without_address(t)) for s, t in queries]
            named = [(s, t) for s, t in named if _meaningful(t)]
            if named != queries and named:
                return self._resolve_queries(named)
        return found

    def _resolve_queries(self, queries: list[tuple[str, str]]) -> PayerResolution:
        for source, text in queries:
            customer_id = self._aliases.get(normalize_payer(text))
            if customer_id is not None:
                i = self._index_of[customer_id]
                alias = PayerCandidate(
                    customer_id, self._names[i], 100.0, 100.0, True, True, f"alias ({source})", text
                )
                return PayerResolution("match", (alias,))
        best: dict[int, PayerCandidate] = {}
        truncated = False
        for source, text in queries:
            if len(text) in (ACH_NAME_LENGTH - 1, ACH_NAME_LENGTH):
                truncated = True
            for i, score, fit, exact, ordered in self._score(text):
                candidate = PayerCandidate(
                    self._ids[i],
                    self._names[i],
                    round(score, 1),
                    round(fit, 1),
                    exact,
                    ordered,
                    source,
                    text,
                )
                held = best.get(i)
                if held is None or _rank(candidate, truncated) < _rank(held, truncated):
                    best[i] = candidate
        ranked = sorted(best.values(), key=lambda c: (*_rank(c, truncated), c.name))
        credible = [c for c in ranked if c.score >= MATCH_MIN]
        if not credible:
            return PayerResolution("none", tuple(ranked[:5]))
        top = credible[0]
        tier = _tier(top, truncated)
        if tier > 0:
            # Word order and completeness decide first: "HAYES LOGISTICS" is Hayes Logistics LLC,
            # not Bishop & Hayes Logistics; a cut name fits every name it is the start of.
            # A cut name says nothing about how many words followed: compare coverage only.
            rivals = [c for c in credible[1:] if _tier(c, truncated) == tier]
            if truncated:
                ties = [top, *(c for c in rivals if top.fit - c.fit < TIE_MARGIN)]
            else:
                ties = [top, *(c for c in rivals if top.score - c.score < TIE_MARGIN)]
        else:
            ties = [c for c in credible if top.fit - c.fit < TIE_MARGIN]
        if len(ties) > 1:
            return PayerResolution("ambiguous", tuple(ties[:6]))
        return PayerResolution("match", (top, *[c for c in ranked if c is not top][:4]))


def _tier(candidate: PayerCandidate, truncated: bool) -> int:
    """2: every word is the name's (not decisive for a cut name); 1: the name's first words in
    order; 0: the words are there, in another order or with others between."""
    if candidate.exact and not truncated:
        return 2
    return 1 if candidate.ordered or candidate.exact else 0


def _rank(candidate: PayerCandidate, truncated: bool) -> tuple[int, float]:
    return (-_tier(candidate, truncated), -candidate.score)
