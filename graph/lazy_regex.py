"""Regular expressions compiled when first used, not when their module is imported, and kept
compiled between processes.

The parser's vocabulary (``graph/understand*.py``) is a few hundred patterns, and compiling
them is a large part of what ``arbot ask`` spends before answering: a question uses only some
of them, but still well over a hundred. ``lazy(pattern, flags)`` stands in for
``re.compile(pattern, flags)``: it compiles on first use and from then on hands out the compiled
pattern's own methods (``search``, ``match``, ``sub``…), so it behaves exactly as the compiled
pattern does.

Compiling a pattern is parsing it and generating the regular-expression engine's program;
building the pattern object from that program is cheap. As Python keeps bytecode in
``__pycache__``, the programs are kept in a cache file (``$XDG_CACHE_HOME/arbot``, else
``~/.cache/arbot``), one per Python version and engine version, keyed by the pattern's text and
flags, and written when a process ends having compiled patterns the file did not hold (not when
Python is told not to write bytecode: ``PYTHONDONTWRITEBYTECODE``). A pattern built from the
file is the very pattern ``re.compile`` builds (equal to it; a test checks every one of the
parser's). Anything unexpected — a cache that cannot be read or written, a Python whose engine
is built differently — and patterns are compiled as ``re.compile`` does, with no cache. A
cache file is read only when this user alone could have written it (``read_cache``); the
dataclasses' compiled methods are kept the same way (``bot.cli.startup``).
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
import threading
from array import array
from pathlib import Path
from typing import Any

# Every stand-in made, so a test can compile them all (a typo in a pattern still fails a test,
# not only the first question that reaches it).
MADE: list[LazyPattern] = []

# (pattern, flags) → (flags, program, groups, groupindex, indexgroup): what _sre.compile takes,
# the program as the bytes of its 32-bit words (bytes read back at once; a list of ints not).
Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
# Kept in the file at most; past it, a write keeps only this process's patterns.
MOST_KEPT = 4000


class ProgramCache:
    """The compiled programs of patterns, read from and written to one file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._programs: dict[tuple[str, int], Program] | None = None
        self._added: set[tuple[str, int]] = set()
        self._lock = threading.Lock()
        self._registered = False

    def _loaded(self) -> dict[tuple[str, int], Program]:
        if self._programs is None:
            stored = read_cache(self.path) if self.path is not None else None
            self._programs = stored if isinstance(stored, dict) else {}
        return self._programs

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        flags = int(flags)  # a RegexFlag is not marshalled; its value is
        key = (pattern, flags)
        with self._lock:
            program = self._loaded().get(key)
        if program is not None:
            try:
                return _build(pattern, program)
            except Exception:  # a stale or foreign entry: compile it afresh
                pass
        try:
            program = _program(pattern, flags)
            compiled = _build(pattern, program)
        except re.error:
            raise
        except Exception:  # an engine built differently: no cache
            return re.compile(pattern, flags)
        with self._lock:
            self._loaded()[key] = program
            self._added.add(key)
            if not self._registered and self.path is not None:
                self._registered = True
                atexit.register(self.write)
        return compiled

    def write(self) -> None:
        """Write the file if this process compiled patterns it did not hold (atomically; a
        failure leaves the cache as it was)."""
        if self.path is None or not self._added or sys.dont_write_bytecode:
            return
        with self._lock:
            programs = dict(self._loaded())
        stored = read_cache(self.path)  # another process may have added its own meanwhile
        if isinstance(stored, dict):
            programs = {**stored, **programs}
        if len(programs) > MOST_KEPT:
            mine = {(p._pattern_text, p._pattern_flags) for p in MADE}
            programs = {key: value for key, value in programs.items() if key in mine}
        if write_cache(self.path, programs):
            self._added.clear()


def _program(pattern: str, flags: int) -> Program:
    """What ``re._compiler.compile`` gives ``_sre.compile`` (the same steps, kept)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = array("I", _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _build(pattern: str, program: Program) -> re.Pattern[str]:
    import _sre

    final_flags, words, groups, groupindex, indexgroup = program
    code = array("I")
    code.frombytes(words)
    return _sre.compile(pattern, final_flags, code.tolist(), groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def cache_dir() -> Path | None:
    """arbot's folder in the user's cache (``$XDG_CACHE_HOME/arbot``, else ``~/.cache/arbot``),
    None when there is none to use (no cache_tag: not CPython's bytecode; a relative path)."""
    if not sys.implementation.cache_tag:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "arbot" if os.path.isabs(base) else None


def cache_path() -> Path | None:
    """The cache file of this Python and this regular-expression engine (None: no cache)."""
    import _sre

    folder = cache_dir()
    if folder is None or array("I").itemsize != _sre.CODESIZE:
        return None
    return folder / f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"


def read_cache(path: Path) -> Any:
    """What ``write_cache`` wrote at ``path``; None when there is nothing to read, or when the
    file is not this user's alone (owned by someone else, or writable by others: what it holds
    becomes code and patterns in this process, so only a file only this user could have
    written is read)."""
    try:
        with path.open("rb") as file:
            status = os.fstat(file.fileno())
            if status.st_uid != os.getuid() or status.st_mode & 0o022:
                return None
            return marshal.loads(file.read())  # load(file) reads piece by piece: ~20× slower
    except (OSError, EOFError, ValueError, TypeError):
        return None  # no cache yet, or one another Python wrote


def write_cache(path: Path, value: Any) -> bool:
    """Write ``value`` (marshal) at ``path`` atomically, readable by this user alone; False when
    it could not be written (the cache stays as it was)."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            marshal.dump(value, file)
        os.replace(temporary, path)
        return True
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False


PROGRAMS = ProgramCache(cache_path())


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern_text = pattern
        self._pattern_flags = flags
        self._compiled: re.Pattern[str] | None = None
        MADE.append(self)

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = PROGRAMS.compile(self._pattern_text, self._pattern_flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached for what the instance lacks (search, match, pattern…): take it from the
        # compiled pattern and keep it, so the next call does not come here again. Private and
        # special names are not a pattern's API (copy and pickle look for some of them).
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy({self._pattern_text!r}, {self._pattern_flags})"


def lazy(pattern: str, flags: int = 0) -> Any:
    """``re.compile(pattern, flags)``, compiled on first use (typed as the compiled pattern)."""
    return LazyPattern(pattern, flags)
