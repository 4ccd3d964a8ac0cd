"""The name index resolves as scoring every candidate name would, only faster: a reference
that finds the candidates word by word over the whole vocabulary and scores them all."""

from __future__ import annotations

import itertools
import random

import pytest
from rapidfuzz import fuzz, process

from graph.ar import names as n
from graph.ar.name_scoring import ABBREVIATIONS, alike, name_tokens
from graph.ar.names import CustomerMatcher, NameMatch, Resolution, resolve_mention
from integrations.erp.local.demo_words import company_names


def _reference(matcher: CustomerMatcher, query: str) -> Resolution:
    """``resolve`` as it read before the index: every candidate scored, the first eight kept."""
    query_tokens = name_tokens(query)
    vocabulary = matcher._vocabulary
    candidates: set[int] = set()
    for q in query_tokens:
        words = {q, *ABBREVIATIONS.get(q, ())}
        if len(q) >= 3:
            words |= {w for w in vocabulary if w.startswith(q)}
        if len(q) >= 4:
            words |= {
                w
                for w, _, _ in process.extract(
                    q, vocabulary, scorer=fuzz.ratio, score_cutoff=75, limit=20
                )
            }
            words |= {w for w in vocabulary if alike(q, w)}  # written short or as it sounds
        for index, tokens in enumerate(matcher._tokens):
            if words & set(tokens):
                candidates.add(index)
    if query_tokens:
        joined = process.extract(
            "".join(query_tokens), matcher._joined, scorer=fuzz.ratio, score_cutoff=70, limit=5
        )
        candidates |= {index for _, _, index in joined}
    matches = [
        m for m in matcher._scored(query_tokens, sorted(candidates)) if m.score >= n.MATCH_MIN
    ][:8]
    if not matches:
        return Resolution("none", candidates=matcher._closest(query))
    top = matches[0]
    if top.exact:
        return Resolution("match", top, (top,))
    ties = tuple(m for m in matches if top.query_fit - m.query_fit < n.TIE_MARGIN)
    if len(ties) > 1:
        return Resolution("ambiguous", candidates=ties)
    return Resolution("match", top, (top,))


def _spellings(names: list[str], rng: random.Random, count: int) -> list[str]:
    spelled = []
    abbreviation = {full: short for short, fulls in ABBREVIATIONS.items() for full in fulls}
    for _ in range(count):
        words = rng.choice(names).split()
        first = words[0]
        cut = rng.randrange(1, max(2, len(first) - 1))
        spelled += [
            " ".join(words),
            " ".join(words[:2]).lower(),
            f"{first[:cut]}{first[cut + 1 :]} {' '.join(words[1:2])}",  # a letter dropped
            first[:3],
            " ".join(abbreviation.get(w.lower(), w) for w in words),
            " ".join(reversed(words)),
            "".join(words[:2]),
            " ".join(w[:4] for w in words),
        ]
    return spelled


@pytest.fixture(scope="module")
def company() -> tuple[CustomerMatcher, list[str]]:
    names = company_names(random.Random(7), 3000)
    return CustomerMatcher((f"C{i:05d}", name) for i, name in enumerate(names)), names


def test_resolves_as_scoring_every_candidate(company: tuple[CustomerMatcher, list[str]]) -> None:
    matcher, names = company
    spelled = [*_spellings(names, random.Random(3), 60), "apple inc", "the", "globex", "zzz"]
    for query in spelled:
        assert matcher.resolve(query) == _reference(matcher, query), query


def test_a_name_spelled_exactly_needs_no_scan(
    company: tuple[CustomerMatcher, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    matcher, names = company

    def no_scan(*_: object) -> list[tuple[int, float]]:
        raise AssertionError("scanned the names")

    monkeypatch.setattr(matcher, "_one_word", no_scan)
    resolution = matcher.resolve(names[10].upper())
    assert resolution.status == "match" and resolution.match is not None
    assert resolution.match.name == names[10] or name_tokens(resolution.match.name) == name_tokens(
        names[10]
    )


def test_a_resolution_is_kept_by_the_words_of_the_query(
    company: tuple[CustomerMatcher, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    matcher, names = company
    someone = matcher.resolve(names[20].split()[0] + " zq")
    nobody = matcher.resolve("qqzzv xxkw")
    assert nobody.status == "none"
    worked: list[object] = []
    monkeypatch.setattr(matcher, "_decide", lambda tokens: worked.append(tokens))
    monkeypatch.setattr(matcher, "_closest", lambda query: worked.append(query))
    assert matcher.resolve(names[20].split()[0].upper() + ", ZQ") is someone
    assert matcher.resolve("QQZZV xxkw Inc.") is nobody
    assert worked == []


def test_the_closest_names_are_looked_for_only_when_no_words_name_anyone(
    company: tuple[CustomerMatcher, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    matcher, names = company
    looked: list[str] = []
    closest = matcher._closest
    monkeypatch.setattr(matcher, "_closest", lambda query: looked.append(query) or closest(query))
    found = resolve_mention(matcher, f"pull up {names[30]} items please")
    assert found.status == "match" and looked == []
    assert resolve_mention(matcher, "qqzzv xxkw").status == "none" and looked


def test_matches_keep_their_order(company: tuple[CustomerMatcher, list[str]]) -> None:
    matcher, names = company
    found = matcher.match(names[5])
    assert found[0] == NameMatch(
        found[0].customer_id, found[0].name, 100.0, 100.0, exact=True
    ) and all(a.score >= b.score for a, b in itertools.pairwise(found))
