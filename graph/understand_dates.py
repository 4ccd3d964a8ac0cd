"""Dates and date ranges as people write them: "between 1.11.2026 and 20.11.2026", "since
4/11", "from Sept 1 to Oct 31", "on 2026-11-04", "in October 2025".

The shape of the phrase (between/from/since/on) is read here; each date in it is read by
``dateparser`` (imported when first needed: it is slow to import). Day-first or month-first for
dates like 4/11/2026 follows ``ARBOT_LOCALE`` (en_US month-first; en_GB, de_DE, fr_FR … day-first);
dotted dates (4.11.2026) are day-first everywhere.
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from graph.lazy_regex import lazy

MONTH_FIRST_LOCALES = ("en_US", "en_PH", "en_CA", "es_US")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = (
    r"(?:the\s+\d{1,2}(?:st|nd|rd|th)|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|\d{1,2}-\d{1,2}-\d{2,4}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}(?:\s+\d{{4}})?)"
)
_RANGE = lazy(
    # "between the 10.11.2026 and 15.11.2026", "from 2.11. until 6.11." (a day-first date's dot)
    rf"\b(?:between\s+(?:the\s+)?(?P<a1>{DATE})\.?\s+(?:and|&|-)\s+(?:the\s+)?(?P<b1>{DATE})"
    rf"|from\s+(?:the\s+)?(?P<a2>{DATE})\.?\s+(?:to|until|till|through|thru|-)\s+(?:the\s+)?"
    rf"(?P<b2>{DATE})"
    rf"|(?P<a3>{DATE})(?:\s+(?:to|until|till|through|thru)\s+|\.?\s*-\s*)(?P<b3>{DATE}))"
    r"(?![\w/.-]*\d)",
    re.IGNORECASE,
)
# "between September 1 and today", "from the 3rd to date": a written day to today
_TO_TODAY = lazy(
    rf"\b(?:between|from)\s+(?:the\s+)?(?P<a>{DATE})\.?,?\s+(?:and|&|to|until|till|through|thru"
    r"|-)\s+(?:today|now|date|this morning)\b",
    re.IGNORECASE,
)
_SINCE = lazy(rf"\b(?:since|from|after|starting)\s+(?:the\s+)?(?P<a>{DATE})\b", re.I)
_BEFORE = lazy(rf"\b(?:before|until|till|up to)\s+(?:the\s+)?(?P<b>{DATE})\b", re.I)
_ON = lazy(
    rf"(?:\bon\s+(?:the\s+)?)?(?P<a>\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}"
    rf"|\bon\s+{_DAY}\s+(?:of\s+)?{_MONTH}|\bon\s+{_MONTH}\s+{_DAY}"
    r"|\bon\s+\d{1,2}\.\d{1,2}(?=\.?(?:[^\d.]|$)))\b",
    re.IGNORECASE,
)
# "1-15 nov", "nov 1 - 15", "1st to 15th of November 2026": one month, two days
_DAYS_OF_MONTH = lazy(
    rf"\b(?P<d1>{_DAY})\s*(?:-|to|till|until|thru|through|and|&)\s*(?P<d2>{_DAY})\s+(?:of\s+)?"
    rf"(?P<m1>{_MONTH}(?:,?\s+\d{{4}})?)(?![\w/.-]*\d)"
    rf"|\b(?P<m2>{_MONTH})\s+(?P<d3>{_DAY})\s*(?:-|to|till|until|thru|through)\s*(?P<d4>{_DAY})"
    r"\b(?!\s*(?:st|nd|rd|th)?\s*(?:days?|weeks?))",
    re.IGNORECASE,
)
# "on the 20th", "pmts rcvd the 20th": that day of the latest month that has had it
_ON_NTH = lazy(
    r"(?<!\bby )(?<!\bbefore )(?<!\buntil )(?<!\btill )(?<!\bdue )"
    r"\b(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:of|day|business|week|month|percent"
    rf"|{_MONTH}|quarter|half|place|time|reminder|notice|letter|call|attempt|largest|biggest"
    r"|highest|oldest|customer|invoice|payment|promise|dunning|level|stage|tier|-))",
    re.IGNORECASE,
)
# A day written without "on": "received 12 nov", "receipts nov 12", "receipts 11/18" (slashed,
# never dotted: 9390.20 is money)
_BARE_DAY = lazy(
    rf"\b(?P<a>{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\w/.%-])(?!\s*net\b)",
    re.IGNORECASE,
)
# "the week of 11/9": that week, Monday to Sunday
_WEEK_OF = lazy(
    rf"\b(?:week\s+(?:of|commencing|beginning|starting)|w/c)\s+(?:the\s+)?(?P<a>{DATE})",
    re.IGNORECASE,
)
# "week ending 13 nov", "w/e 13/11": the seven days to that day
_WEEK_ENDING = lazy(rf"\b(?:week\s+ending|w/e)\s+(?:the\s+)?(?P<a>{DATE})", re.IGNORECASE)
_NTH = lazy(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?$", re.IGNORECASE)
_MONTH_ONLY = lazy(rf"^{_MONTH}(?:\s+(\d{{4}}))?$", re.IGNORECASE)
_DOTTED = lazy(r"^\d{1,2}\.\d{1,2}(?:\.\d{2,4})?$")
# Every date the patterns above read has a digit or a month's name in it: text without either
# writes no date, and the patterns need not be compiled or run for it.
_MAY_HOLD_A_DATE = lazy(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.IGNORECASE)


def date_order(locale: str | None = None) -> str:
    """``MDY`` or ``DMY`` for ambiguous numeric dates, from ``ARBOT_LOCALE``."""
    locale = locale if locale is not None else os.environ.get("ARBOT_LOCALE", "en_US")
    normalized = locale.replace("-", "_").split(".")[0]
    if not normalized or normalized in MONTH_FIRST_LOCALES:
        return "MDY"
    return "DMY"


_NUMERIC = lazy(r"^(\d{1,4})[./-](\d{1,2})(?:[./-](\d{2,4}))?$")


def _numeric(text: str, today: date, order: str) -> date | None:
    """2026-11-04, 4.11.2026, 11/4/26, 11/4: read without dateparser (whose first call costs
    a second of regex compilation); None when the digits are no date."""
    m = _NUMERIC.match(text)
    if m is None:
        return None
    first, second, third = m.group(1), int(m.group(2)), m.group(3)
    if len(first) == 4:
        year, month, day = int(first), second, int(third or 0)
    else:
        day_first = "." in text or order == "DMY"
        day, month = (int(first), second) if day_first else (second, int(first))
        year = int(third) if third else today.year
        if third and len(third) == 2:
            year += 2000
    try:
        found = date(year, month, day)
    except ValueError:
        if len(first) == 4 or "." in text or not 1 <= day <= 12:
            return None
        try:  # 13/11/2026 in a month-first locale (or 11/13 in a day-first one): one reading
            found = date(year, day, month)
        except ValueError:
            return None
    if not third and len(first) != 4 and found > today:
        found = found.replace(year=found.year - 1)  # "since 12/1" in November: last December
    return found


@lru_cache(maxsize=512)
def _parse_one(text: str, today: date, order: str) -> date | None:
    if _NUMERIC.match(text):
        return _numeric(text, today, order)
    import dateparser  # slow to import and to warm up: only when a date is written in words

    settings: dict[str, Any] = {
        "RELATIVE_BASE": _midnight(today),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY" if _DOTTED.match(text) else order,
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": [],
    }
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found is not None else None


def _midnight(day: date) -> Any:
    from datetime import datetime

    return datetime(day.year, day.month, day.day)


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _span(text: str, today: date, order: str) -> tuple[date, date] | None:
    """A written date as the days it covers: "October" is the whole month."""
    if (nth := _NTH.match(text.strip().rstrip(".,"))) and text.strip().lower().startswith("the"):
        day = _latest_nth(int(nth.group(1)), today)
        return (day, day) if day else None
    text = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text.strip().rstrip(".,"), flags=re.I)
    month_only = _MONTH_ONLY.match(text)
    start = _parse_one(text, today, order)
    if start is None:
        return None
    if month_only:
        first = start.replace(day=1)
        if not month_only.group(1) and first > today:
            first = first.replace(year=first.year - 1)
        return first, _month_end(first)
    return start, start


def _pair_order(a: str, b: str, order: str) -> str:
    """The order both ends of a range are written in: "1/11/2026 to 15/11/2026" is day first
    throughout, since 15 is no month; "11/1 - 11/15" month first. The locale's otherwise."""
    for end in (a, b):
        m = _NUMERIC.match(end.strip())
        if m is None or len(m.group(1)) == 4 or "." in end:
            continue
        if int(m.group(1)) > 12 >= int(m.group(2)):
            return "DMY"
        if int(m.group(2)) > 12 >= int(m.group(1)):
            return "MDY"
    return order


def explicit_range(text: str, today: date, locale: str | None = None):  # -> DateRange | None
    """The dates the text writes out, as a DateRange; None when it writes none (then the
    relative phrases — "last week", "Q3" — are read by graph.understand)."""
    from graph.understand_periods import DateRange

    if not _MAY_HOLD_A_DATE.search(text):
        return None
    order = date_order(locale)
    if m := _RANGE.search(text):
        a = m.group("a1") or m.group("a2") or m.group("a3")
        b = m.group("b1") or m.group("b2") or m.group("b3")
        if (bare := _BARE_NTH.match(a)) and (month := _MONTH_IN.search(b)):
            a = f"{bare.group(1)} {month.group(0)}"  # "between the 1st and the 31st of october"
        pair = _pair_order(a, b, order)
        first, second = _span(a, today, pair), _span(b, today, pair)
        if first and second:
            start, end = first[0], second[1]
            if end < start and start.year == end.year:
                return None
            return DateRange(start, end, f"between {start.isoformat()} and {end.isoformat()}")
    if (
        (m := _TO_TODAY.search(text))
        and (found := _span(m.group("a"), today, order))
        and found[0] <= today
    ):
        start = found[0]
        return DateRange(start, today, f"between {start.isoformat()} and {today.isoformat()}")
    if (m := _DAYS_OF_MONTH.search(text)) and (found := _days_of_month(m, today, order)):
        start, end = found
        return DateRange(start, end, f"between {start.isoformat()} and {end.isoformat()}")
    if (m := _SINCE.search(text)) and (found := _span(m.group("a"), today, order)):
        return DateRange(found[0], today, f"since {found[0].isoformat()}")
    if (m := _BEFORE.search(text)) and (found := _span(m.group("b"), today, order)):
        return DateRange(date(1900, 1, 1), found[0], f"before {found[0].isoformat()}")
    if m := _ON.search(text):
        raw = re.sub(r"^on\s+(?:the\s+)?", "", m.group("a"), flags=re.I)
        if found := _span(raw, today, order):
            return DateRange(found[0], found[1], f"on {found[0].isoformat()}")
    if (
        (m := _WEEK_OF.search(text))
        and not _MONTH_ONLY.match(m.group("a").strip())  # "first week of november": a period
        and (found := _span(m.group("a"), today, order))
    ):
        start = found[0] - timedelta(days=found[0].weekday())
        return DateRange(start, min(start + timedelta(days=6), today), f"week of {start}")
    if (
        (m := _WEEK_ENDING.search(text))
        and not _MONTH_ONLY.match(m.group("a").strip())
        and (found := _span(m.group("a"), today, order))
    ):
        start = found[0] - timedelta(days=6)
        return DateRange(start, min(found[0], today), f"week ending {found[0]}")
    if (m := _ON_NTH.search(text)) and (day := _latest_nth(int(m.group(1)), today)):
        return DateRange(day, day, f"on {day.isoformat()}")
    if (m := _BARE_DAY.search(text)) and (found := _span(m.group("a"), today, order)):
        return DateRange(found[0], found[1], f"on {found[0].isoformat()}")
    return None


_BARE_NTH = lazy(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*$", re.IGNORECASE)
_MONTH_IN = lazy(rf"{_MONTH}(?:,?\s+\d{{4}})?", re.IGNORECASE)


def _days_of_month(m: re.Match[str], today: date, order: str) -> tuple[date, date] | None:
    month = m.group("m1") or m.group("m2")
    first, last = (
        (m.group("d1"), m.group("d2")) if m.group("m1") else (m.group("d3"), m.group("d4"))
    )
    digits = re.compile(r"\d+")
    words = month.split()
    year = words[-1] if len(words) > 1 and words[-1].isdigit() else ""
    name = words[0].rstrip(",")
    start = _span(f"{digits.match(first).group()} {name} {year}".strip(), today, order)  # type: ignore[union-attr]
    if start is None:
        return None
    try:
        end = start[0].replace(day=int(digits.match(last).group()))  # type: ignore[union-attr]
    except ValueError:
        return None
    return (start[0], end) if end >= start[0] else None


def _latest_nth(number: int, today: date) -> date | None:
    month = today.replace(day=1)
    for _ in range(2):
        try:
            day = month.replace(day=number)
        except ValueError:
            day = None
        if day is not None and day <= today:
            return day
        month = (month - timedelta(days=1)).replace(day=1)
    return None
