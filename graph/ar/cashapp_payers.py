"""Who paid: a bank's payer name (and the names in its addenda) → customers.

Built on ``graph.ar.name_scoring``: the same tokens, abbreviations and ``score_name`` scoring.
What it adds for bank lines:

* blocking, for speed, and ACH truncation: the customers' names indexed and a payer name scored
  against them (``cashapp_payer_names``);
* what banks write around a name: generic labels, card processors, an address after it
  (``cashapp_payer_text``);
* ``DBA`` names and names in ACH addenda (``ORIG CO NAME:``, ``IND NAME:``) as extra queries;
* learned aliases: an exact normalized payer string → customer, from past confirmed matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from graph.ar.cashapp_payer_names import PayerNames
from graph.ar.cashapp_payer_text import ACH_NAME_LENGTH, meaningful_name, without_address
from graph.ar.names import MATCH_MIN, TIE_MARGIN

CACHED = 1024  # payer names whose resolution is kept (the latest; a bank file repeats its payers)
_DBA = re.compile(r"\b(?:DBA|D/B/A|D B A|T/A|AKA|A/K/A)\b")


def normalize_payer(text: str) -> str:
    """The form aliases are keyed on: upper case, words of letters and digits, single spaces."""
    return " ".join(re.sub(r"[^A-Z0-9]+", " ", text.upper()).split())


@dataclass(frozen=True, slots=True)
class PayerCandidate:
    customer_id: str
    name: str
    score: float  # 0-100, name_scoring.score_name's scale (100 for an alias)
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


class PayerMatcher(PayerNames):
    def __init__(
        self, customers: Iterable[tuple[str, str]], aliases: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(customers)
        self._aliases = {
            normalize_payer(k): v for k, v in (aliases or {}).items() if v in self._index_of
        }
        self._cache: dict[tuple[str, tuple[tuple[str, str], ...]], PayerResolution] = {}

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
        primary = [(k, v) for k, v in primary if meaningful_name(v)]
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
            named = [(s, t) for s, t in named if meaningful_name(t)]
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
