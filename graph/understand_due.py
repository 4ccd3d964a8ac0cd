"""The day a promise to pay is due, as people write it: "friday", "next week", "eom", "in 10
days", "dec 4", "4 dec", "the 20th", "11/30", "30.11.2026" (numeric dates by ``ARBOT_LOCALE``,
dotted ones day first, and the only reading with a month when one is impossible)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from graph.lazy_regex import lazy

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = (
    ("iso", lazy(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("today", lazy(r"\b(?:today|tonight|eod|end of (?:the )?day)\b")),
    ("tomorrow", lazy(r"\btomorrow\b")),
    ("in_n", lazy(r"\bin (\d{1,3}) (day|days|week|weeks)\b")),
    ("eow", lazy(r"\b(?:end of (?:the |this )?week|eow)\b")),
    ("eom", lazy(r"\b(?:end of (?:the |this )?month|month[- ]end|eom)\b")),
    ("next_week", lazy(r"\bnext week\b")),
    # "next wed", "by fri", "on tues" (a bare "sat" or "sun" only after "next", "by" …)
    (
        "weekday",
        lazy(
            r"\b(?:(next|this|coming) )?(" + "|".join(_WEEKDAYS) + r"|mon|tues?|weds?|thu(?:rs?)?"
            r"|fri)\b|\b(?:(next|this|coming) |(?:by|on|before) )(sat|sun)\b"
        ),
    ),
    ("md", lazy(r"\b" + _MONTH + r" (\d{1,2})(?:st|nd|rd|th)?\b")),
    ("dm", lazy(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH)),
    ("nth", lazy(r"\b(?:on|by) the (\d{1,2})(?:st|nd|rd|th)\b")),
    # "by 11/30", "on 30.11.2026": month-first or day-first by ARBOT_LOCALE (dotted: day first)
    (
        "numeric",
        lazy(
            r"(?<![\d.,/$])(\d{1,2})([/.])(\d{1,2})(?:\2(\d{2}|\d{4}))?(?![\d/]|\.\d)(?!\s*net\b)"
        ),
    ),
)


def _month_end(day_: date) -> date:
    return (day_.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


# a day without its year that passed this recently is that day (a promise already past, which
# the promise's check refuses), not the same day next year
_RECENTLY_PAST = timedelta(days=45)


def _coming(today: date, month: int, number: int) -> date | None:
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            found = date(year, month, number)
        except ValueError:
            continue  # 29 February of a year without one
        if found >= today - _RECENTLY_PAST:
            return found
    return None


def _numeric_due(match: re.Match[str], today: date) -> date | None:
    """ "11/30" (or "30/11" in a day-first locale, "30.11" anywhere): the coming such day, or
    one that passed in the last few weeks."""
    from graph.understand_dates import date_order

    first, second = int(match.group(1)), int(match.group(3))
    day_first = match.group(2) == "." or date_order() == "DMY"
    if first > 12 >= second or second > 12 >= first:
        day_first = first > 12  # "30/11" is the 30th of November whatever the locale
    day_, month = (first, second) if day_first else (second, first)
    if match.group(4):
        year = int(match.group(4)) + (2000 if len(match.group(4)) == 2 else 0)
        try:
            return date(year, month, day_)
        except ValueError:
            return None
    return _coming(today, month, day_) if 1 <= month <= 12 else None


def due_date(norm: str, today: date) -> tuple[date | None, str]:
    """The day a promise is due, and the text without the words that said it."""
    for kind, pattern in _DATE_PATTERNS:
        match = pattern.search(norm)
        if match is None:
            continue
        rest = (norm[: match.start()] + " " + norm[match.end() :]).strip()
        found: date | None = None
        if kind == "iso":
            try:
                found = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None, rest
        elif kind == "today":
            found = today
        elif kind == "tomorrow":
            found = today + timedelta(days=1)
        elif kind == "in_n":
            unit = 7 if match.group(2).startswith("week") else 1
            found = today + timedelta(days=int(match.group(1)) * unit)
        elif kind == "eow":
            found = today + timedelta(days=(4 - today.weekday()) % 7)
        elif kind == "eom":
            found = _month_end(today)
        elif kind == "next_week":
            found = today + timedelta(days=7 - today.weekday() + 4)  # next week's Friday
        elif kind == "weekday":
            said, day_name = match.group(1) or match.group(3), match.group(2) or match.group(4)
            index = next(n for n, name in enumerate(_WEEKDAYS) if name.startswith(day_name[:3]))
            ahead = (index - today.weekday()) % 7
            if said == "next" and ahead == 0:
                ahead = 7
            found = today + timedelta(days=ahead)
        elif kind == "md":
            found = _coming(today, _MONTHS.index(match.group(1)) + 1, int(match.group(2)))
        elif kind == "dm":
            found = _coming(today, _MONTHS.index(match.group(2)) + 1, int(match.group(1)))
        elif kind == "numeric":
            found = _numeric_due(match, today)
        elif kind == "nth":
            number = int(match.group(1))
            found = _coming(today, today.month, number) if number >= today.day else None
            if found is None:
                following = _month_end(today) + timedelta(days=1)
                found = _coming(following, following.month, number)
        return found, rest
    return None, norm
