"""Customer names as people type them and banks print them."""

from __future__ import annotations

import pytest

from graph.ar.name_scoring import name_tokens, score_name
from graph.ar.names import CustomerMatcher, resolve_mention

CUSTOMERS = [
    ("C1", "Acme Industrial Supply Inc."),
    ("C2", "Acme Logistics LLC"),
    ("C3", "Globex Corporation"),
    ("C4", "Fabrikam International Services Ltd."),
    ("C5", "Bishop & Ingram Farms Inc."),
    ("C6", "Contoso Manufacturing Corp."),
    ("C7", "Contoso Manufacturing West LLC"),
    ("C8", "Northwind Traders Inc."),
]


@pytest.fixture(scope="module")
def matcher() -> CustomerMatcher:
    return CustomerMatcher(CUSTOMERS)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("acme ind supply", "C1"),  # abbreviation + dropped suffix
        ("Acme Industrial Supply, Inc.", "C1"),
        ("acme industial suply", "C1"),  # two typos
        ("ACME IND SUPPLY", "C1"),  # bank style
        ("ACME INDUSTRIAL SU", "C1"),  # ACH 16-character truncation
        ("globx", "C3"),
        ("Globex Corp", "C3"),
        ("fabrikam intl svcs", "C4"),
        ("bishop and ingram", "C5"),
        ("contoso mfg west", "C7"),
        ("contoso manufacturing", "C6"),  # the exact name wins over its longer namesake
        ("northwnd traders", "C8"),
    ],
)
def test_resolves_real_spellings(matcher: CustomerMatcher, query: str, expected: str) -> None:
    resolution = matcher.resolve(query)
    assert resolution.status == "match", resolution
    assert resolution.match is not None and resolution.match.customer_id == expected


@pytest.mark.parametrize(("query", "ids"), [("acme", {"C1", "C2"}), ("contoso", {"C6", "C7"})])
def test_abstains_when_names_tie(matcher: CustomerMatcher, query: str, ids: set[str]) -> None:
    resolution = matcher.resolve(query)
    assert resolution.status == "ambiguous"
    assert {c.customer_id for c in resolution.candidates} == ids


def test_unknown_names_suggest_the_closest(matcher: CustomerMatcher) -> None:
    resolution = matcher.resolve("globular widgets")
    assert resolution.status == "none"
    assert resolution.match is None
    assert resolution.candidates[0].customer_id == "C3"
    assert matcher.resolve("zzz qqq").candidates == ()


def test_finds_the_name_inside_a_longer_phrase(matcher: CustomerMatcher) -> None:
    resolution = resolve_mention(matcher, "pull acme industrial supply items")
    assert resolution.match is not None and resolution.match.customer_id == "C1"


def test_legal_suffixes_and_punctuation_do_not_count() -> None:
    assert name_tokens("Bishop & Ingram Farms, Inc.") == ("bishop", "ingram", "farms")
    assert name_tokens("The Globex Corporation") == ("globex",)


ALIKE = [
    *CUSTOMERS,
    ("C9", "Initech LLC"),
    ("C10", "Clearwater Engineering LLC"),
    ("C11", "Sterling Pharmaceuticals Co."),
    ("C12", "Pinnacle Chemicals Inc."),
    ("C13", "Pinecrest Hospitality Company"),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nwind", "C8"),  # written short: first and last letters kept, the rest in order
        ("nrthwnd traders", "C8"),
        ("clrwater", "C10"),
        ("initek", "C9"),  # written as it sounds
        ("stirling pharma", "C11"),
        ("nrothwind", "C8"),  # letters swapped: the same sound
        ("pine crest", "C13"),  # "pine" is not pinnacle written short (too short)
    ],
)
def test_a_name_typed_short_or_as_it_sounds(query: str, expected: str) -> None:
    resolution = resolve_mention(CustomerMatcher(ALIKE), query)
    assert resolution.status == "match", (query, resolution)
    assert resolution.match is not None and resolution.match.customer_id == expected


def test_a_name_typed_short_still_abstains_on_a_tie() -> None:
    resolution = CustomerMatcher(ALIKE).resolve("acme")
    assert resolution.status == "ambiguous"


def test_bank_lines_keep_their_scoring() -> None:
    """The cash application's payer scoring (``score_name`` without ``alike_words``) is not
    changed: a bank line's name is printed, not typed short."""
    assert score_name(("nwind",), ("northwind", "traders"))[0] < 80
    assert score_name(("nwind",), ("northwind", "traders"), alike_words=True)[0] >= 80
