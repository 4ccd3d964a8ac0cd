"""The parser's patterns compiled on first use (graph.lazy_regex): they behave as re.compile's,
every one of them compiles, and the date reader's shortcut skips only text that holds no date."""

from __future__ import annotations

import re
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph.understand  # noqa: F401  (imports every understand module: all their patterns)
from graph import understand_dates as dates
from graph.lazy_regex import MADE, lazy


def test_a_lazy_pattern_behaves_as_the_compiled_one() -> None:
    pattern = lazy(r"(?P<n>\d+)-(\w+)", re.IGNORECASE)
    compiled = re.compile(r"(?P<n>\d+)-(\w+)", re.IGNORECASE)
    text = "INV 12-ab and 345-CD"
    assert pattern.search(text).groupdict() == compiled.search(text).groupdict()  # type: ignore[union-attr]
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert pattern.sub("#", text) == compiled.sub("#", text)
    assert pattern.match(text) is None and pattern.fullmatch("1-a") is not None
    assert (pattern.pattern, pattern.flags, pattern.groups) == (
        compiled.pattern,
        compiled.flags,
        compiled.groups,
    )


def test_every_pattern_of_the_parser_compiles() -> None:
    assert len(MADE) > 150
    for pattern in MADE:
        assert isinstance(pattern.compiled, re.Pattern), pattern


DATE_PATTERNS = (
    dates._RANGE,
    dates._DAYS_OF_MONTH,
    dates._SINCE,
    dates._BEFORE,
    dates._ON,
    dates._ON_NTH,
)
WORDS = ["between", "and", "from", "to", "since", "before", "on", "the", "of", "marchetti"]
LETTERS = string.ascii_letters + " -./,&'\u017f\u212a\u0130"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(WORDS) | st.text(alphabet=LETTERS, max_size=8) | st.sampled_from("0123"),
        max_size=8,
    ).map(" ".join)
)
def test_text_the_shortcut_skips_holds_no_date(text: str) -> None:
    if dates._MAY_HOLD_A_DATE.search(text):
        return
    assert [p.search(text) for p in DATE_PATTERNS] == [None] * len(DATE_PATTERNS)


def test_a_lazy_pattern_can_be_copied_and_pickled() -> None:
    import copy
    import pickle

    pattern = lazy(r"inv-(\d+)")
    for twin in (copy.deepcopy(pattern), pickle.loads(pickle.dumps(pattern))):
        assert twin.search("see INV-12 or inv-34").group(1) == "34"
