"""Regular expressions compiled when first used, not when their module is imported.

The parser's vocabulary (``graph/understand*.py``) is a few hundred patterns, and compiling
them all is a large part of what ``arbot ask`` spends before answering, while a question uses
only some of them. ``lazy(pattern, flags)`` stands in for ``re.compile(pattern, flags)``: it
compiles on first use and from then on hands out the compiled pattern's own methods
(``search``, ``match``, ``sub``…), so it behaves exactly as the compiled pattern does.
"""

from __future__ import annotations

import re
from typing import Any

# Every stand-in made, so a test can compile them all (a typo in a pattern still fails a test,
# not only the first question that reaches it).
MADE: list[LazyPattern] = []


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern_text = pattern
        self._pattern_flags = flags
        self._compiled: re.Pattern[str] | None = None
        MADE.append(self)

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern_text, self._pattern_flags)
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
