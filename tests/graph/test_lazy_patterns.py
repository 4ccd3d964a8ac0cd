"""The parser's patterns compiled on first use (graph.lazy_regex): they behave as re.compile's,
every one of them compiles, and the date reader's shortcut skips only text that holds no date."""

from __future__ import annotations

import marshal
import re
import string
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph.understand  # noqa: F401  (imports every understand module: all their patterns)
from graph import understand_dates as dates
from graph.lazy_regex import MADE, ProgramCache, cache_path, lazy


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


@pytest.fixture(autouse=True)
def _bytecode_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache is written as bytecode is: whatever PYTHONDONTWRITEBYTECODE the tests run with."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def test_every_parser_pattern_built_from_the_cache_is_the_compiled_one(tmp_path: Path) -> None:
    """Written by one process and read by the next, each of the parser's patterns is built from
    its stored program, and is the pattern re.compile builds (equal: same text, flags, program)."""
    path = tmp_path / "regex.marshal"
    first = ProgramCache(path)
    for pattern in MADE:
        assert first.compile(pattern._pattern_text, pattern._pattern_flags) == re.compile(
            pattern._pattern_text, pattern._pattern_flags
        )
    first.write()
    written = path.stat().st_mtime_ns

    second = ProgramCache(path)
    for pattern in MADE:
        built = second.compile(pattern._pattern_text, pattern._pattern_flags)
        assert built == re.compile(pattern._pattern_text, pattern._pattern_flags), pattern
    assert not second._added  # every one came from the file
    path.touch()
    touched = path.stat().st_mtime_ns
    second.write()  # nothing new: the file is not rewritten
    assert path.stat().st_mtime_ns == touched >= written


def test_a_cached_pattern_finds_what_re_compile_finds(tmp_path: Path) -> None:
    text = r"(?P<number>INV-?\d+)|(?i:paid (?P<when>\w+))"
    ProgramCache(tmp_path / "c").compile(text, re.IGNORECASE)
    cache = ProgramCache(tmp_path / "c")
    cache.write()
    cache = ProgramCache(tmp_path / "c")
    built = cache.compile(text, re.IGNORECASE)
    compiled = re.compile(text, re.IGNORECASE)
    sample = "inv-12 was PAID monday, INV7 too"
    assert [m.groupdict() for m in built.finditer(sample)] == [
        m.groupdict() for m in compiled.finditer(sample)
    ]
    assert (built.groups, built.groupindex, built.flags) == (
        compiled.groups,
        compiled.groupindex,
        compiled.flags,
    )


def test_a_broken_or_foreign_cache_file_is_compiled_around(tmp_path: Path) -> None:
    path = tmp_path / "regex.marshal"
    for content in (b"", b"not marshal at all", marshal.dumps(["a list"])):
        path.write_bytes(content)
        assert ProgramCache(path).compile(r"a+b", 0) == re.compile(r"a+b")
    # An entry whose program the engine refuses: the pattern is compiled afresh.
    path.write_bytes(marshal.dumps({(r"a+b", 0): (32, bytes(12), 0, {}, (None,))}))
    assert ProgramCache(path).compile(r"a+b", 0) == re.compile(r"a+b")


def test_a_bad_pattern_still_raises_re_error(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        ProgramCache(tmp_path / "c").compile(r"(unclosed", 0)


def test_nothing_is_written_where_python_writes_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache = ProgramCache(tmp_path / "regex.marshal")
    cache.compile(r"\d+", 0)
    cache.write()
    assert not (tmp_path / "regex.marshal").exists()


def test_an_unwritable_cache_leaves_patterns_working(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache's folder would be")
    cache = ProgramCache(blocker / "arbot" / "regex.marshal")
    assert cache.compile(r"x(y)", 0).match("xy").group(1) == "y"  # type: ignore[union-attr]
    cache.write()  # refused by the file system: no error


def test_the_cache_lives_in_the_user_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/someone")
    path = cache_path()
    assert path is not None and path.parent == Path("/var/cache/someone/arbot")
    assert sys.implementation.cache_tag in path.name
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not a usable cache home: no cache
    assert cache_path() is None


def test_a_cache_file_others_could_write_is_not_read(tmp_path: Path) -> None:
    import os

    path = tmp_path / "regex.marshal"
    cache = ProgramCache(path)
    cache.compile(r"INV-(\d+)", 0)
    cache.write()
    assert path.stat().st_mode & 0o777 == 0o600
    trusted = ProgramCache(path)
    assert trusted.compile(r"INV-(\d+)", 0) == re.compile(r"INV-(\d+)")
    assert not trusted._added  # read from the file
    os.chmod(path, 0o664)  # the group may write it: not trusted
    again = ProgramCache(path)
    assert again.compile(r"INV-(\d+)", 0) == re.compile(r"INV-(\d+)")
    assert again._added  # compiled afresh, not read
