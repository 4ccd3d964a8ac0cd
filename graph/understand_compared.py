"""Two periods set side by side in one question about money received ("collections this week vs
last week", "how much came in in october vs september", "last month compared with this month so
far"): the first is the period asked, the second the one it is compared to; the reply gives both,
per currency."""

from __future__ import annotations

from datetime import date

from graph.lazy_regex import lazy
from graph.understand_dates import explicit_range
from graph.understand_periods import DateRange, period

_VERSUS = lazy(r"\s(?:vs\.?|v\.?|versus|compared (?:to|with)|against)\s")


def compared(norm: str, today: date) -> tuple[DateRange, DateRange] | None:
    """The period asked and the period it is compared to, when each side of a "vs" names one."""
    split = _VERSUS.search(norm)
    if split is None:
        return None
    left, right = norm[: split.start()], norm[split.end() :]
    first = explicit_range(left, today) or period(left, today)
    # "october vs september": the month said bare on the right is "in september"
    second = explicit_range(right, today) or period(right, today) or period(f"in {right}", today)
    if first is None or second is None or first == second:
        return None
    return first, second
