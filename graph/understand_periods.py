"""Periods said relatively, as people say them in AR chat: "yesterday", "last week", "Q3",
"in october", "since monday", "on friday", "first half of nov", "last fortnight", "by month
end", "the next 30 days". Dates written out ("12 nov", "11/18", "between … and …") are read by
``graph.understand_dates`` first; this module reads what is left. ``forward`` (a forecast, a
promise) reads "in december" and "Q1" as the coming ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from graph.lazy_regex import lazy


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date
    label: str


# --- periods ------------------------------------------------------------------------------------
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_P = {
    name: lazy(pattern)
    for name, pattern in (
        ("since_iso", r"\b(?:since|from|after)\s+(\d{4}-\d{2}-\d{2})\b"),
        ("on_iso", r"\bon\s+(\d{4}-\d{2}-\d{2})\b"),
        ("md", rf"\b(since|from|after|on)\s+(?:the\s+)?{_MONTH}\s+{_ORDINAL}\b"),
        ("dm", rf"\b(since|from|after|on)\s+(?:the\s+)?{_ORDINAL}\s+(?:of\s+)?{_MONTH}"),
        ("slash", r"\b(since|from|after|on)\s+(\d{1,2})/(\d{1,2})\b(?!/)"),
        ("since_nth", rf"\b(?:since|from)\s+the\s+{_ORDINAL}\b"),
        (
            "since_rel",
            r"\bsince\s+(?:last\s+(?=[mtwfs][a-z]+day\b))?(yesterday|last\s+week|last\s+month"
            r"|the\s+weekend|monday"
            r"|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        ),
        ("next_n", r"\b(?:next|coming|upcoming|following)\s+(\d{1,3})\s+(days?|weeks?|months?)\b"),
        ("in_n", r"\bin\s+(\d{1,3})\s+(days?|weeks?)\b"),
        ("next", r"\bnext\s+(week|month|quarter|year)\b"),
        (
            "by_end",
            r"\b(?:by|before|until|till|through)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?"
            r"(month|quarter|year|week)|(month|quarter|year|week)[- ]?end)\b",
        ),
        ("last_n", r"\b(?:last|past|previous|prior)\s+(\d{1,3})\s+(days?|weeks?|months?)\b"),
        ("past_one", r"\b(?:the\s+)?past\s+(week|month)\b"),
        ("day_before", r"\bday before yesterday\b"),
        ("yesterday", r"\byesterday\b|\blast night\b|\bovernight\b"),
        ("today", r"\btoday\b|\bthis (?:morning|afternoon|evening)\b|\btonight\b|\bso far today\b"),
        ("this_week", r"\bthis week\b|\bweek[- ]to[- ]date\b"),
        ("last_week", r"\blast week\b"),
        (
            "this_month",
            r"\bthis month\b|\bmonth[- ]to[- ]date\b|\bsince the (?:start|beginning) of the month\b"
            r"|\b(?:since|from) (?:the )?(?:1st|first) (?:day )?of (?:the|this) month\b",
        ),
        ("last_month", r"\blast month\b"),
        ("this_year", r"\bthis year\b|\byear to date\b"),
        ("last_year", r"\blast year\b"),
        ("quarter", r"\b(this|last|next)\s+quarter\b|\bq([1-4])\b"),
        # "in october", "for the month of october", "october 2026"
        (
            "in_month",
            rf"\b(?:in|during|for|(?:the\s+)?month\s+of)\s+(?:fiscal\s+)?{_MONTH}(?:\s+(\d{{4}}))?\b(?!\s+\d)"
            rf"|\b{_MONTH}\s+(\d{{4}})\b",
        ),
        # "week 46", "KW 46", "calendar week 46": the ISO week of this year (or last year's)
        (
            "iso_week",
            r"\b(?:calendar\s+week|week|wk|kw|cw)\s*(?:no\.?\s*|#\s*)?(\d{1,2})\b"
            r"(?!\s*(?:days?|weeks?|of\b|st|nd|rd|th))",
        ),
        # "first half of nov", "2nd half of last month", "the first week of november"
        (
            "part_of_month",
            r"\b(first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+(half|week)\s+(?:of\s+)?"
            rf"(?:the\s+)?(?:(this|last|previous|the)\s+month|{_MONTH})",
        ),
        # "early oct", "mid november", "late last month", "the end of october", "the start of
        # the month": thirds of a month (1-10, 11-20, 21 to the end), or its first / last week
        (
            "third_of_month",
            r"\b(early|mid|middle of|late|(?:the )?(?:start|beginning) of|(?:the )?end of)\s*-?\s*"
            rf"(?:the\s+)?(?:(this|last|previous|the)\s+month\b|{_MONTH}(?!\s+\d))",
        ),
        ("weekend", r"\b(?:over |on |during |at )?(?:the|this|last) weekend\b"),
        ("fortnight", r"\b(?:last|past|previous|prior|this)\s+(?:two-week|fortnight)\b"),
        # "on monday", "last friday", "this past wed": the latest such day (the coming one
        # ahead, in a forecast); "since monday", "next friday", "by friday" are read above
        (
            "weekday",
            r"(?<!\bnext )(?<!\bby )(?<!\bbefore )(?<!\buntil )(?<!\bsince )(?<!\bcoming )"
            r"\b(?:on\s+|last\s+|this\s+past\s+|past\s+)?(?:the\s+)?"
            r"(mon|tues?|wed(?:nes)?|weds|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b",
        ),
    )
}


# a time said of a call, meeting or e-mail ("this morning's close call", "friday's meeting"):
# when something was said, not the period asked about
_WHEN_SAID = lazy(
    r"(?<!\bsince )(?<!\bafter )(?<!\bbefore )(?<!\buntil )"
    r"\b(?:this (?:morning|afternoon|evening)|yesterday|today|tonight|last (?:night|week|month)"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)'s (?:[a-z-]+ )?(?:calls?|meetings?|e-?mails?"
    r"|mails?|chats?|conversations?|discussions?|stand-?ups?|huddles?|catch-?ups?|syncs?"
    r"|messages?|notes?)\b"
)


def _month_number(word: str) -> int:
    word = word.rstrip(".")
    return next(i for i, name in enumerate(_MONTHS, start=1) if name.startswith(word[:3]))


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _latest(today: date, month: int, day: int) -> date | None:
    """The latest date on or before today with that month and day."""
    for year in (today.year, today.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found <= today:
            return found
    return None


def _quarter(today: date, number: int, forward: bool) -> DateRange:
    year = today.year
    start = date(year, 3 * number - 2, 1)
    end = _month_end(date(year, 3 * number, 1))
    if forward and end < today:
        start, end = start.replace(year=year + 1), end.replace(year=year + 1)
    elif not forward and start > today:
        start, end = start.replace(year=year - 1), end.replace(year=year - 1)
    return DateRange(start, end if forward else min(end, today), f"Q{number} {start.year}")


def period(text: str, today: date, forward: bool = False) -> DateRange | None:
    """The period a (normalized) request speaks of. ``forward``: a forecast, where "in
    december" and "Q1" mean the coming ones."""

    def since(start: date, label: str) -> DateRange:
        return DateRange(start, today, label)

    text = _WHEN_SAID.sub(" ", text)  # "as discussed in this morning's call": not the period

    if m := _P["since_iso"].search(text):
        try:
            return since(date.fromisoformat(m.group(1)), f"since {m.group(1)}")
        except ValueError:
            return None
    if m := _P["on_iso"].search(text):
        try:
            day = date.fromisoformat(m.group(1))
        except ValueError:
            return None
        return DateRange(day, day, f"on {day.isoformat()}")
    for key in ("md", "dm", "slash"):
        if m := _P[key].search(text):
            word = m.group(1)
            if key == "md":
                month, number = _month_number(m.group(2)), int(m.group(3))
            elif key == "dm":
                month, number = _month_number(m.group(3)), int(m.group(2))
            else:
                month, number = int(m.group(2)), int(m.group(3))
            if not (1 <= month <= 12) or (day := _latest(today, month, number)) is None:
                return None
            if word == "on":
                return DateRange(day, day, f"on {day.isoformat()}")
            return since(day, f"since {day.isoformat()}")
    if m := _P["since_nth"].search(text):
        number = int(m.group(1))
        month_start = today.replace(day=1)
        day = _latest(today, today.month, number) if number <= today.day else None
        if day is None:
            previous = month_start - timedelta(days=1)
            day = _latest(previous, previous.month, number)
        return since(day, f"since {day.isoformat()}") if day else None
    if m := _P["since_rel"].search(text):
        what = m.group(1)
        if what == "yesterday":
            start = today - timedelta(days=1)
        elif what.endswith("week"):
            start = today - timedelta(days=today.weekday() + 7)
        elif what.endswith("month"):
            start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        elif what == "the weekend":
            start = today - timedelta(days=(today.weekday() - 5) % 7 or 7)
        else:
            start = today - timedelta(days=(today.weekday() - _WEEKDAYS.index(what)) % 7 or 7)
        return since(start, f"since {start.isoformat()}")
    for key in ("next_n", "in_n") if forward else ("next_n",):
        if m := _P[key].search(text):
            days = int(m.group(1)) * _UNIT_DAYS[m.group(2)]
            return DateRange(today, today + timedelta(days=days), f"the next {days} days")
    if m := _P["next"].search(text):
        unit = m.group(1)
        if unit == "week":
            start = today + timedelta(days=7 - today.weekday())
            return DateRange(start, start + timedelta(days=6), "next week")
        if unit == "month":
            start = _month_end(today) + timedelta(days=1)
            return DateRange(start, _month_end(start), f"in {start:%B %Y}")
        if unit == "quarter":
            number = (today.month - 1) // 3 + 1
            return _quarter(today, number % 4 + 1, True)
        start = date(today.year + 1, 1, 1)
        return DateRange(start, date(today.year + 1, 12, 31), f"in {start.year}")
    if m := _P["by_end"].search(text):
        unit = m.group(1) or m.group(2)
        if unit == "week":
            end = today + timedelta(days=6 - today.weekday())
        elif unit == "month":
            end = _month_end(today)
        elif unit == "quarter":
            end = _month_end(date(today.year, 3 * ((today.month - 1) // 3 + 1), 1))
        else:
            end = date(today.year, 12, 31)
        return DateRange(today, end, f"by the end of the {unit}")
    if m := _P["last_n"].search(text):
        days = int(m.group(1)) * _UNIT_DAYS[m.group(2)]
        return DateRange(today - timedelta(days=days), today, f"the last {days} days")
    if m := _P["past_one"].search(text):
        days = _UNIT_DAYS[m.group(1)]
        return DateRange(today - timedelta(days=days), today, f"the past {m.group(1)}")
    if _P["day_before"].search(text):
        day = today - timedelta(days=2)
        return DateRange(day, day, f"on {day.isoformat()}")
    if _P["yesterday"].search(text):
        day = today - timedelta(days=1)
        return DateRange(day, day, "yesterday")
    if _P["today"].search(text):
        return DateRange(today, today, "today")
    if _P["this_week"].search(text):
        return DateRange(today - timedelta(days=today.weekday()), today, "this week")
    if _P["last_week"].search(text):
        start = today - timedelta(days=today.weekday() + 7)
        return DateRange(start, start + timedelta(days=6), "last week")
    if _P["this_month"].search(text):
        return DateRange(today.replace(day=1), today, "this month")
    if _P["last_month"].search(text):
        end = today.replace(day=1) - timedelta(days=1)
        return DateRange(end.replace(day=1), end, "last month")
    if _P["this_year"].search(text):
        return DateRange(date(today.year, 1, 1), today, f"{today.year} to date")
    if _P["last_year"].search(text):
        year = today.year - 1
        return DateRange(date(year, 1, 1), date(year, 12, 31), str(year))
    if m := _P["quarter"].search(text):
        current = (today.month - 1) // 3 + 1
        if m.group(2):
            return _quarter(today, int(m.group(2)), forward)
        if m.group(1) == "this":
            return _quarter(today, current, forward)
        if m.group(1) == "next":
            return _quarter(today, current % 4 + 1, True)
        previous = _quarter(today, (current - 2) % 4 + 1, False)
        return previous
    if m := _P["part_of_month"].search(text):
        return _part_of_month(m, today, forward)
    if m := _P["third_of_month"].search(text):
        return _third_of_month(m, today, forward)
    if _P["weekend"].search(text):
        saturday = today - timedelta(days=(today.weekday() - 5) % 7)
        return DateRange(saturday, min(saturday + timedelta(days=1), today), "the weekend")
    if _P["fortnight"].search(text):
        return DateRange(today - timedelta(days=14), today, "the last 14 days")
    if m := _P["iso_week"].search(text):
        number, year = int(m.group(1)), today.year
        try:
            if date.fromisocalendar(year, number, 1) > today:
                year -= 1
            monday = date.fromisocalendar(year, number, 1)
        except ValueError:
            return None
        end = monday + timedelta(days=6)
        return DateRange(monday, end if forward else min(end, today), f"week {number} of {year}")
    if m := _P["weekday"].search(text):
        number = next(i for i, name in enumerate(_WEEKDAYS) if name.startswith(m.group(1)[:3]))
        if forward:
            day = today + timedelta(days=(number - today.weekday()) % 7)
        else:
            day = today - timedelta(days=(today.weekday() - number) % 7)
        return DateRange(day, day, f"on {day:%A} {day.isoformat()}")
    if m := _P["in_month"].search(text):
        number = _month_number(m.group(1) or m.group(3))
        if written := m.group(2) or m.group(4):
            start = date(int(written), number, 1)
            end = _month_end(start)
            label = f"in {_MONTHS[number - 1].title()} {written}"
            return DateRange(start, end if forward else min(end, today), label)
        if forward:
            year = today.year if number >= today.month else today.year + 1
        else:
            year = today.year if number <= today.month else today.year - 1
        start = date(year, number, 1)
        end = _month_end(start)
        if forward:
            return DateRange(max(start, today), end, f"in {_MONTHS[number - 1].title()} {year}")
        return DateRange(start, min(end, today), f"in {_MONTHS[number - 1].title()} {year}")
    return None


def _first_of_month(name: str | None, relative: str | None, today: date, forward: bool) -> date:
    """The first day of the month a phrase names: a month's name (the nearest one behind today,
    or ahead of it when ``forward``), "last" / "previous" month, else this month."""
    if name:
        number = _month_number(name)
        if forward:
            year = today.year if number >= today.month else today.year + 1
        else:
            year = today.year if number <= today.month else today.year - 1
        return date(year, number, 1)
    if relative in ("last", "previous"):
        return (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    return today.replace(day=1)


def _part_of_month(m: re.Match[str], today: date, forward: bool) -> DateRange | None:
    """ "first half of nov" (1-15), "second half" (16 to the end), "first week" (1-7) … "last
    week of october" (its last seven days) of a named month or of this / last month."""
    which, part, relative, name = m.group(1), m.group(2), m.group(3), m.group(4)
    first = _first_of_month(name, relative, today, forward)
    last = _month_end(first)
    order = {
        "first": 0,
        "1st": 0,
        "second": 1,
        "2nd": 1,
        "third": 2,
        "3rd": 2,
        "fourth": 3,
        "4th": 3,
    }
    if part == "half":
        if which in ("last", "final", "second", "2nd"):
            start, end = first.replace(day=16), last
        elif which in ("first", "1st"):
            start, end = first, first.replace(day=15)
        else:
            return None
    elif which in ("last", "final"):
        start, end = last - timedelta(days=6), last
    else:
        start = first + timedelta(days=7 * order[which])
        end = min(start + timedelta(days=6), last)
    label = f"{which} {part} of {first:%B %Y}"
    return DateRange(start, end if forward else min(end, today), label)


def _third_of_month(m: re.Match[str], today: date, forward: bool) -> DateRange:
    """ "early oct" (1-10), "mid november" (11-20), "late october" (21 to the end); "the start
    of the month" its first week, "the end of october" its last."""
    which, relative, name = m.group(1).replace("the ", ""), m.group(2), m.group(3)
    first = _first_of_month(name, relative, today, forward)
    last = _month_end(first)
    if which == "early":
        start, end = first, first.replace(day=10)
    elif which.startswith("mid"):
        start, end = first.replace(day=11), first.replace(day=20)
    elif which == "late":
        start, end = first.replace(day=21), last
    elif which.startswith(("start", "beginning")):
        start, end = first, first.replace(day=7)
    else:
        start, end = last - timedelta(days=6), last
    label = f"{which} {first:%B %Y}"
    return DateRange(start, end if forward else min(end, today), label)
