"""The deterministic reading of a request: intent, mentions and dates, without an LLM.

It never fails: what it cannot place becomes ``unknown``. Mentions are raw text here; they are
resolved against the ERP in the agent's ``understand`` node. The words and phrasings it knows are
in ``graph.understand_vocab``; this module reads references (invoices, POs, sales orders,
payments), periods, change requests and the intent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from graph import understand_vocab as vocab
from graph.intents import NAMES, slash_subcommands
from graph.understand_dates import explicit_range

INTENTS = NAMES  # every intent of the registry (graph.intents), "unknown" last


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date
    label: str


@dataclass(frozen=True)
class ActionRequest:
    """A person asking for a change in the ERP; it becomes a proposal, never a direct write."""

    kind: str
    customer_text: str | None = None
    invoice_refs: tuple[str, ...] = ()
    payment_ref: str | None = None
    order_ref: str | None = None
    amount: Decimal | None = None
    reason_code: str | None = None
    text: str | None = None
    on_hold: bool = True


@dataclass(frozen=True)
class Request:
    intent: str
    customer_text: str | None = None
    invoice_refs: tuple[str, ...] = ()
    po_refs: tuple[str, ...] = ()
    order_refs: tuple[str, ...] = ()
    period: DateRange | None = None
    limit: int | None = None
    text: str = ""
    # True when no word said what is wanted and the intent was inferred from a name alone.
    guessed: bool = False
    action: ActionRequest | None = None
    payment_refs: tuple[str, ...] = ()
    days: int | None = None  # "over 90": days past due
    currency: str | None = None  # "euro customers": only that currency
    by_collector: bool = False
    # What arbot cannot do that the message asks for (graph.understand_vocab.CANNOT's kinds).
    cannot: str | None = None
    # Tokens that may be invoice numbers without a known prefix ("K-1002", "K1001"): the agent
    # reads them as invoices when the ledger has them.
    maybe_invoices: tuple[str, ...] = ()


# --- references -------------------------------------------------------------------------------
_ORDER = re.compile(
    r"\bso-(\d+)\b|\bso#?(\d{3,})\b|\b(?-i:SO)\s+(\d{3,})\b"
    r"|(?<!purchase )\b(?:sales\s+)?order\s*(?:no\.?|num(?:ber)?|#)?\s*[:#]?\s*(?:so-?)?(\d{3,})\b",
    re.IGNORECASE,
)
_PAYMENT = re.compile(
    r"\b(?:pmt|rcpt|rct)-[a-z]?\d+\b|\b(?:pmt|rcpt|rct)[a-z]?\d{3,}\b", re.IGNORECASE
)
_INVOICE_WORD = re.compile(
    r"\b(?:inv(?:oice)?s?|bill)\b\.?\s*(?:no\.?|num(?:ber)?\.?|#)?\s*[:#]?\s*"
    r"([a-z]{0,5}-?\d[\w-]*)",
    re.IGNORECASE,
)
_PREFIXED = re.compile(r"\b([a-z]{2,5})-?(\d{3,}[\w-]*)\b", re.IGNORECASE)
_HASH = re.compile(r"#\s?(\d{3,})")
_PO = re.compile(
    r"(?:\bp\.?o\b\.?|\bpurchase order\b)(?:\s*(?:#|no\.?|num(?:ber)?))?\s*[:#]?\s*"
    r"([a-z0-9-]*\d[a-z0-9-]*)",
    re.IGNORECASE,
)
_BARE = re.compile(r"(?<![\w$.,/#-])(\d{4,})(?![\w.,/-]*\d)(?![\w%])")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SLASH_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
# A number is an amount, not an invoice, after these words or signs, or before these units.
_AMOUNT_BEFORE = re.compile(
    r"(?:\$|\b(?:usd|eur|gbp|cad)|%\s*of|\d\s*[-+*/\u00d7]|(?<![a-z])x|\bover|\bunder|\babove"
    r"|\bbelow|\bthan|\bexceeding|\blimit(?:\s+(?:is|of|to|at))?|\blimit\b[\w\s'&.-]{1,30}\b(?:to|at)"
    r"|=|\bapprox(?:imately)?\.?"
    r"|\baround|\broughly|[~><]=?|\bplus|\bminus|\btimes|\btotal(?:l?ing)?|\bworth"
    r"|\bamount(?:\s+of)?|\bremaining|\b(?:balance|difference|diff) of)\s*$",
    re.IGNORECASE,
)
_AMOUNT_AFTER = re.compile(
    r"^\s*(?:%|k\b|m\b|mm\b|usd\b|dollars?\b|bucks\b|eur\b|euros?\b|gbp\b|cad\b|[-+*/\u00d7]\s*\d)",
    re.IGNORECASE,
)
_PAID_BEFORE = re.compile(
    r"(?:\b(?:paid|pay|pays|paying|payed|sent|wired|remitted|received|deposited|collected"
    r"|write[- ]?off(?:\s+the)?|writeoff|w/o(?:\s+the)?))"
    r"(?:\s+us)?(?:\s+(?:only|just|about|around))?\s*$",
    re.IGNORECASE,
)


@dataclass
class _Refs:
    invoices: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    orders: list[str] = field(default_factory=list)
    payments: list[str] = field(default_factory=list)
    remaining: str = ""


def _is_amount(text: str, start: int, end: int) -> bool:
    """Whether the bare number at text[start:end] is an amount, a year or a figure, not an
    invoice number ("15% of 2400", "limit 20000", "paid 2400 yesterday", "in 2025")."""
    before = text[max(0, start - 40) : start]
    digits = text[start:end]
    if _AMOUNT_BEFORE.search(before) or _AMOUNT_AFTER.match(text[end : end + 12]):
        return True
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return True
    # "globex paid 2400", "write off 1500 on INV-…": after a payment or write-off verb a short
    # or round number is money; a five-digit one is still the invoice ("they paid 10379").
    return bool(_PAID_BEFORE.search(before)) and (len(digits) < 5 or digits.endswith("00"))


def _add(into: list[str], value: str) -> None:
    value = value.strip("-")
    if value and value not in into:
        into.append(value)


def _extract(text: str) -> _Refs:
    """Sales orders, payments, POs and invoices, and the text with them removed."""
    refs = _Refs()

    def order(match: re.Match[str]) -> str:
        digits = next(g for g in match.groups() if g)
        _add(refs.orders, f"SO-{digits}")
        return " "

    remaining = _ORDER.sub(order, text)
    remaining = _PAYMENT.sub(lambda m: _add(refs.payments, m.group(0).upper()) or " ", remaining)
    remaining = _PO.sub(lambda m: _add(refs.pos, m.group(1)) or " ", remaining)
    remaining = _INVOICE_WORD.sub(lambda m: _add(refs.invoices, m.group(1)) or " ", remaining)
    remaining = _ISO_DATE.sub(" ", remaining)
    remaining = _SLASH_DATE.sub(" ", remaining)

    def prefixed(match: re.Match[str]) -> str:
        prefix = match.group(1).upper()
        if prefix in ("CUST", "CUS"):  # a customer id stays in the name text
            return match.group(0)
        if prefix == "PO":
            _add(refs.pos, match.group(2))
        elif prefix == "SO":
            _add(refs.orders, f"SO-{match.group(2)}")
        elif prefix not in ("APR", "PMT", "RCPT", "RCT"):  # approvals and payments are not
            _add(refs.invoices, match.group(0))
        return " "

    remaining = _PREFIXED.sub(prefixed, remaining)
    remaining = _HASH.sub(lambda m: _add(refs.invoices, m.group(1)) or " ", remaining)

    def bare(match: re.Match[str]) -> str:
        if _is_amount(match.string, match.start(1), match.end(1)):
            return match.group(0)
        _add(refs.invoices, match.group(1))
        return " "

    refs.remaining = _BARE.sub(bare, remaining)
    return refs


# --- the customer's name ------------------------------------------------------------------------
_WORD = re.compile(r"[a-z0-9&']+")
_NOT_A_NAME_TOKEN = re.compile(r"^\d+(?:st|nd|rd|th|k|m|pm|am|s|x)?$|n't$|'(?:re|ll|ve|m|d)$")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _name(remaining: str) -> tuple[str | None, bool]:
    """The words that may name a customer, and whether common non-name words were among the
    rest (then the message is not a bare name, and no intent is guessed from it)."""
    words: list[str] = []
    chatter = False
    for word in _words(remaining):
        word = word.removesuffix("'s").strip("'")
        if not word or word in vocab.FILLER or _NOT_A_NAME_TOKEN.search(word):
            continue
        if word in vocab.NON_NAME:
            chatter = True
            continue
        words.append(word)
    while words and words[0] == "&":
        words.pop(0)
    while words and words[-1] == "&":
        words.pop()
    return " ".join(words) or None, chatter


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
    name: re.compile(pattern)
    for name, pattern in (
        ("since_iso", r"\b(?:since|from|after)\s+(\d{4}-\d{2}-\d{2})\b"),
        ("on_iso", r"\bon\s+(\d{4}-\d{2}-\d{2})\b"),
        ("md", rf"\b(since|from|after|on)\s+(?:the\s+)?{_MONTH}\s+{_ORDINAL}\b"),
        ("dm", rf"\b(since|from|after|on)\s+(?:the\s+)?{_ORDINAL}\s+(?:of\s+)?{_MONTH}"),
        ("slash", r"\b(since|from|after|on)\s+(\d{1,2})/(\d{1,2})\b(?!/)"),
        ("since_nth", rf"\b(?:since|from)\s+the\s+{_ORDINAL}\b"),
        (
            "since_rel",
            r"\bsince\s+(yesterday|last\s+week|last\s+month|the\s+weekend|monday"
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
        ("yesterday", r"\byesterday\b|\blast night\b|\bovernight\b"),
        ("today", r"\btoday\b|\bthis (?:morning|afternoon|evening)\b|\btonight\b|\bso far today\b"),
        ("this_week", r"\bthis week\b|\bweek to date\b"),
        ("last_week", r"\blast week\b"),
        ("this_month", r"\bthis month\b|\bmonth to date\b"),
        ("last_month", r"\blast month\b"),
        ("this_year", r"\bthis year\b|\byear to date\b"),
        ("last_year", r"\blast year\b"),
        ("quarter", r"\b(this|last|next)\s+quarter\b|\bq([1-4])\b"),
        ("in_month", rf"\b(?:in|during|for)\s+{_MONTH}\b(?!\s+\d)"),
    )
}


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


def _period(text: str, today: date, forward: bool = False) -> DateRange | None:
    """The period a (normalized) request speaks of. ``forward``: a forecast, where "in
    december" and "Q1" mean the coming ones."""

    def since(start: date, label: str) -> DateRange:
        return DateRange(start, today, label)

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
    if m := _P["in_month"].search(text):
        number = _month_number(m.group(1))
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


_COUNT = re.compile(
    r"\b(?:last|latest|recent|past|top|first|bottom|worst|biggest|largest)\s+(\d{1,3})\b"
    r"(?!\s*(?:days?|weeks?|months?|years?|hours?|hrs?|%|k\b|\+|-|/))"
)


# --- change requests ----------------------------------------------------------------------------
_CLAUSES = re.compile(r"[.!?;:,]+(?=\s|$)|\s-+\s|\s-{2,}|\n+")
_POLITE = re.compile(
    r"^(?:(?:hi|hey|hello|ok|okay|so|also|and|then|now|team|guys|all|please|kindly|just"
    r"|quickly|asap|can you|could you|would you|will you|would you mind|can i get you to"
    r"|(?:i|we) (?:need|want|would like|'d like|agreed|have|decided)(?: you)? to|i'd like to"
    r"|need(?: you)? to"
    r"|go ahead and|let's|lets)\b[\s,!]*)+"
)
_CAN_WE = re.compile(r"^(?:can|could) (?:we|i|you guys) (?=\w)")
_VERB = {
    kind: re.compile(pattern)
    for kind, pattern in (
        ("write_off", r"^(?:write ?-?off|writeoff)\b"),
        ("apply", r"^(?:apply|match|post|put|allocate|use|place|cash)\b"),
        (
            "limit",
            r"^(?:set|raise|lower|increase|decrease|reduce|bump|cut|change|make|drop|up|lift"
            r"|extend|update|adjust|move|boost|double|halve|take)\b"
            r".*\b(?:limit|credit ?line|line of credit)\b",
        ),
        (
            "release_order",
            r"^(?:release|unblock|unhold)\b(?!.*\bhold\b).*\bso-\d",
        ),
        (
            "hold_off",
            r"^(?:release|lift|remove|clear|take off|drop|end)\b.*\bhold\b"
            r"|^(?:take|get|pull|move)\b.*\boff (?:the )?(?:credit )?hold\b"
            r"|^(?:unblock|unhold|un-hold|unfreeze|unsuspend)\b"
            r"|^release (?:the )?(?:orders?|shipments?) (?:for|of|to)\b",
        ),
        (
            "hold_on",
            r"^(?:put|place|keep|set|move)\b.*\bon (?:credit )?hold\b"
            r"|^hold\b(?! on\b)(?! off\b).*\b(?:orders?|shipments?|shipping|deliveries"
            r"|account)\b"
            r"|^(?:block|freeze|suspend|stop (?:all )?(?:shipping|shipments|orders|deliveries)"
            r" (?:to|for))\b",
        ),
        (
            "note",
            r"^(?:add|put|leave|log|make|drop|enter|write|post|attach|jot|save|record|pop)\b"
            r".{0,24}\b(?:note|comment|memo|remark)s?\b"
            r"|^note\b|^log (?:a |the |this |that )?(?:call|conversation|chat|promise|ptp"
            r"|voicemail|vm)\b|^record (?:that|a promise|the promise|a ptp)\b",
        ),
        (
            "reminder",
            r"^(?:send|email|e-mail|mail|shoot|fire off|resend|re-send|forward)\b(?! me\b)"
            r"(?! us\b).*\b(?:reminders?|dunning|past[- ]due (?:notice|letter|email)"
            r"|collections? (?:letter|notice|email)|demand letter|notice)\b"
            r"|^(?:nudge|ping|remind|dun)\b(?! me\b)(?! us\b)(?! myself\b)",
        ),
    )
}
_MONEY = re.compile(
    r"(?<![\w./-])\$?\s?(\d[\d,]*(?:\.\d{1,2})?)\s*(k|m)?\b(?![./-]\d)"
    r"(?!\s*(?:days?|weeks?|months?|years?|hrs?|hours?|%|st\b|nd\b|rd\b|th\b|\+))",
    re.IGNORECASE,
)
_REASONS = tuple(
    (re.compile(pattern), code)
    for pattern, code in (
        (r"\bbank (?:fee|charge)s?\b|\bwire (?:fee|charge)s?\b|\bfees?\b|\bbank_fee\b", "bank_fee"),
        (r"\bpric(?:e|es|ing)\b", "pricing"),
        (r"\bshort(?:age|[- ]?ship(?:ped|ment)?)s?\b|\bshort shipped\b", "shortage"),
        (r"\bdamage[ds]?\b|\bbroken\b", "damage"),
        (r"\bpromo(?:tion(?:al)?)?s?\b|\bco-?op\b", "promotion"),
        (r"\bfreight\b|\bshipping (?:cost|charge)s?\b", "freight"),
        (r"\b(?:sales )?tax\b", "tax"),
        (r"\bdiscounts?\b", "discount"),
    )
)
_NOTE_SEPARATOR = re.compile(r":(?!\d)|\s[-\u2013\u2014]+\s|\bthat\b|,")
_NOTE_HEAD = re.compile(r"\b(?:notes?|comments?|memos?|remarks?|log|record)\b", re.IGNORECASE)
_STATEMENT_VERBS = frozenset(
    """
promised promise promises said says will agreed agree confirmed committed paid pays is are was
has have called sent told asked disputes disputing disputed wants would can cannot they we he
she ap waiting expects expecting plans plan intends going should needs
""".split()
)


def _money(text: str) -> tuple[Decimal | None, re.Match[str] | None]:
    for match in _MONEY.finditer(text):
        try:
            value = Decimal(match.group(1).replace(",", ""))
        except InvalidOperation:
            continue
        if match.group(2):
            value *= 1000 if match.group(2).lower() == "k" else 1_000_000
        return value, match
    return None, None


def _reason(text: str) -> str | None:
    if m := re.search(r"\b(?:as|reason(?: code)?|code|for)\s*[:=]?\s*([a-z_]+)\s*$", text):
        for pattern, code in _REASONS:
            if pattern.search(m.group(1)):
                return code
    for pattern, code in _REASONS:
        if pattern.search(text):
            return code
    return None


def _customer_of(*parts: str) -> str | None:
    """The first of the parts that names someone."""
    for part in parts:
        name, _ = _name(_extract(part).remaining)
        if name:
            return name
    return None


def _note(text: str) -> tuple[str | None, str] | None:
    """(customer words, note text) from the original wording: "note for globex: AP says…",
    "log a call with initech - spoke to AP…", "record that mills promised to pay by…"."""
    head = _NOTE_HEAD.search(text)
    separator = _NOTE_SEPARATOR.search(text, head.end() if head else 0)
    if separator is None:
        who_part, body = text, ""
    else:
        who_part, body = text[: separator.start()], text[separator.end() :].strip()
    customer = _customer_of(who_part)
    if customer is None:
        # "record that mills aerospace promised to pay…": the name opens the statement.
        words = body.split()
        cut = next((i for i, w in enumerate(words) if w.lower().strip(",.") in _STATEMENT_VERBS), 0)
        customer = _customer_of(" ".join(words[:cut]))
    elif not body:
        # "add note to globex they will pay friday": the statement starts at its verb.
        words = who_part.split()
        cut = next(
            (i for i, w in enumerate(words) if i > 2 and w.lower().strip(",.") in _STATEMENT_VERBS),
            len(words),
        )
        body = " ".join(words[cut:])
        customer = _customer_of(" ".join(words[:cut]))
    body = body.strip(" -:,")
    if not body or customer is None:
        return None
    if re.search(r"(?i)\blog (?:a |the )?call\b", who_part):
        body = f"Call: {body}"
    return customer, body


def _action(text: str, norm: str) -> ActionRequest | None:
    """The change asked for, if a clause of the message asks for one: imperatives, however
    politely put ("pls", "can you", "we agreed to … pls process"); never a question about one
    ("should we release…", "how do I write off…"), nor a message that tries to override the
    rules. A note's own text is data: it is not read for commands."""
    action = _asked_action(text, norm)
    if action is None:
        return None
    command = text
    if action.kind == "add_note" and action.text:
        command = text.replace(action.text.removeprefix("Call: "), " ")
    return None if vocab.INJECTION.search(vocab.normalize(command)) else action


def _asked_action(text: str, norm: str) -> ActionRequest | None:
    refs = _extract(text)
    for clause in _CLAUSES.split(norm):
        body = _POLITE.sub("", clause.strip())
        asked = _CAN_WE.match(body)
        if asked:  # "can we …" asks whether, except for a limit set to a figure
            body = body[asked.end() :]
        for kind, pattern in _VERB.items():
            if (asked and kind != "limit") or not pattern.search(body):
                continue
            if (found := _build(kind, body, text, norm, refs, bool(asked))) is not None:
                return found
    return None


def _build(
    kind: str, body: str, text: str, norm: str, refs: _Refs, asked: bool
) -> ActionRequest | None:
    here = _extract(body)
    invoices = tuple(here.invoices or refs.invoices)
    # the words after the verb: "put zebra corp on hold" names "zebra corp"
    named = here.remaining.strip().partition(" ")[2]
    if kind == "write_off":
        if not invoices:
            return None
        amount, _ = _money(here.remaining)
        after = norm[norm.find("write") :] if "write" in norm else norm
        return ActionRequest(
            "write_off_deduction",
            invoice_refs=invoices,
            amount=amount,
            reason_code=_reason(after),
        )
    if kind == "apply":
        payment = (here.payments or refs.payments or [None])[0]
        if payment is None:
            match = re.search(
                r"\b(?:payment|receipt|check|cheque|wire)\s*(?:#|no\.?|id)?\s*"
                r"([a-z]{0,5}-?[a-z]?\d{3,})",
                body,
            )
            if match is None:
                return None
            payment = match.group(1).upper()
            invoices = tuple(i for i in invoices if i.upper() != payment)
        if not invoices:
            return None
        amount = None
        if found := re.search(r"\bfor\s+(\$?\s?\d[\d,]*(?:\.\d{1,2})?\s*k?)\b", body):
            amount, _ = _money(found.group(1))
        return ActionRequest(
            "apply_payment",
            customer_text=_customer_of(here.remaining),
            invoice_refs=invoices,
            payment_ref=payment,
            amount=amount,
        )
    if kind == "limit":
        amount, match = _money(named)
        if asked and amount is None:
            return None
        if match and re.search(r"\bby\s*$", named[: match.start()]):
            amount = None  # "raise it by 10k" is no new limit: the agent asks "to what amount?"
        who = named[: match.start()] if match else named
        customer = _customer_of(who)
        if customer is None:
            return None
        return ActionRequest("set_credit_limit", customer_text=customer, amount=amount)
    if kind == "release_order":
        if not (orders := here.orders or refs.orders):
            return None
        return ActionRequest("set_credit_hold", order_ref=orders[0], on_hold=False)
    if kind in ("hold_on", "hold_off"):
        if kind == "hold_off" and (here.orders or refs.orders) and not _name(named)[0]:
            order = (here.orders or refs.orders)[0]
            return ActionRequest("set_credit_hold", order_ref=order, on_hold=False)
        customer = _customer_of(named)
        if customer is None:
            return None
        return ActionRequest("set_credit_hold", customer_text=customer, on_hold=kind == "hold_on")
    if kind == "note":
        found = _note(text)
        if found is None:
            return None
        customer, note = found
        return ActionRequest("add_note", customer_text=customer, text=note)
    # a reminder: the customer is named in its clause ("send a reminder to northwind") or
    # elsewhere in the message ("chase fabrikam for the overdue invoices - send them a reminder")
    customer = _customer_of(named, refs.remaining)
    if customer is None:
        return None
    return ActionRequest("send_reminder", customer_text=customer, invoice_refs=invoices)


def parse_action(text: str) -> ActionRequest | None:
    """An explicit request for a change ("write off 45.00 on INV-10319 as pricing", "pls bump
    falcon's credit line to 30k"), or None. Attempts to override the rules are never one."""
    return _action(text, vocab.normalize(text))


# --- the intent ---------------------------------------------------------------------------------
# Reports and checks, recognised before the inquiries, in this order (the first match wins).
REPORTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("forecast", vocab.FORECAST),
    ("cash_application", vocab.CASH_APPLICATION),
    ("deduction_summary", vocab.DEDUCTIONS),
    ("credit_check", vocab.CREDIT),
    ("collections_list", vocab.COLLECTIONS),
    ("digest", vocab.DIGEST),
)


_ACRONYMS = re.compile(r"\b(?:ADD|BPDSO)\b")  # average days delinquent: "add" is a verb


_PRONOUN = re.compile(r"\b(?:they|them|their|theirs|he|him|his|she|her|hers|this customer)\b")
_AT_RISK = re.compile(
    r"\b(?:going|slipping|sliding|rolling|moving|tipping|falling|about to|at risk|risk of|will"
    r" (?:go|be|hit|cross)|next week|next month)\b"
)
_QUESTION_START = re.compile(
    r"^(?:did|does|do|is|are|was|were|has|have|had|when|what|which|who|how|any|show|list|can"
    r" you (?:show|list|tell))\b"
)
_CURRENCIES = (
    (re.compile(r"\b(?:eur|euros?|eurozone)\b|\u20ac"), "EUR"),
    (re.compile(r"\b(?:gbp|pounds?|uk customers|british)\b|\u00a3"), "GBP"),
    (re.compile(r"\b(?:cad|canadian(?: dollars?)?)\b"), "CAD"),
    (re.compile(r"\b(?:usd|us dollars?|us customers|american)\b"), "USD"),
)


def over_days(norm: str) -> int | None:
    """N of "over 90", "90+ days", "more than 60 days past due", when it is days past due."""
    if _AT_RISK.search(norm):
        return None
    for match in vocab.OVER_DAYS.finditer(norm):
        number = int(next(g for g in match.groups() if g))
        if not 0 < number <= 365 or number in (100, 200, 300):
            continue
        if vocab.OVER_DAYS_CONTEXT.search(norm):
            return number
    return None


def _currency(norm: str) -> str | None:
    found = [code for pattern, code in _CURRENCIES if pattern.search(norm)]
    return found[0] if len(found) == 1 else None


def _portfolio_intent(norm: str, refs: _Refs, name: str | None) -> str | None:
    """A question about the whole book (or the book narrowed to one customer)."""
    if vocab.PROMISES.search(norm) and (vocab.PROMISES_QUESTION.search(norm) or not name):
        return "promises"
    if vocab.DEDUCTIONS_ONLY.search(norm):
        return None  # "deductions older than 60 days", "disputes and deductions"
    if vocab.DISPUTES.search(norm):
        return "disputes"
    if vocab.UNAPPLIED_CASH.search(norm):
        return "unapplied_cash"
    if vocab.DAYS_TO_PAY.search(norm):
        return "days_to_pay"
    if vocab.LARGEST_INVOICES.search(norm):
        return "largest_invoices"
    # "why is falcon on hold" is falcon's credit check; "who is on hold" the whole book
    if (
        vocab.CREDIT_EXCEPTIONS.search(norm)
        and not refs.orders
        and "order" not in norm
        and (not name or not re.search(r"\bhold\b", norm))
    ):
        return "credit_exceptions"
    if vocab.TOP_DEBTORS.search(norm):
        return "top_debtors"
    if over_days(norm) is not None:
        return "over_days"
    if name:
        return None
    if vocab.TOTAL_AR.search(norm):
        return "total_ar"
    if vocab.AGING_REPORT.search(norm):
        return "aging_report"
    return None


def _intent(
    norm: str, refs: _Refs, name: str | None, chatter: bool, text: str = ""
) -> tuple[str, bool]:
    """The intent, and whether it was only guessed from a name."""
    if vocab.OUT_OF_SCOPE.search(norm):
        return "unknown", False
    if vocab.HELP.search(norm) or vocab.CLEAR.match(norm):
        return "help", False
    if vocab.CHATTER_ONLY.match(norm):
        return "unknown", False
    if vocab.APPROVALS_INBOX.search(norm) and not (
        vocab.DIGEST.search(norm) or vocab.DIGEST_WEAK.search(norm)
    ):
        return "approvals_inbox", False
    if refs.invoices or refs.pos:  # a named invoice wins over report words
        return "invoice_status", False
    if refs.payments:
        return "payment_lookup", False
    if _ACRONYMS.search(text):
        return "forecast", False
    if (portfolio := _portfolio_intent(norm, refs, name)) is not None:
        return portfolio, False
    for intent, pattern in REPORTS:
        if pattern.search(norm):
            return intent, False
    if refs.orders:
        return "credit_check", False
    whole_book = not name and not _PRONOUN.search(norm)
    if vocab.BALANCE.search(norm):
        return ("total_ar" if whole_book else "customer_balance"), False
    if vocab.PAYMENT.search(norm):
        return ("payments_received" if whole_book else "payment_history"), False
    if vocab.DIGEST_WEAK.search(norm):
        # "where do we stand today" is the digest; "recap for globex" is globex's account
        return ("customer_balance" if name else "digest"), False
    if vocab.BALANCE_WEAK.search(norm):
        return ("total_ar" if whole_book else "customer_balance"), False
    if vocab.HELP_WEAK.search(norm):
        return "help", False
    if name and not chatter and len(name.split()) <= 6:
        return "customer_balance", True
    return "unknown", False


_MAYBE_INVOICE = re.compile(r"(?<![\w-])([a-z]{1,3}-?\d{3,})(?![\w-])", re.IGNORECASE)


def _cannot(norm: str) -> str | None:
    """What arbot cannot do that the message asks for, if it asks for one of those."""
    for kind, _, pattern in vocab.CANNOT:
        if not pattern.search(norm):
            continue
        if kind == "record_promise" and (
            vocab.PROMISES_QUESTION.search(norm) or _QUESTION_START.match(norm)
        ):
            continue
        return kind
    return None


def _slash(text: str) -> str:
    """ "/ar aging", typed in a chat: the same words the Slack surface would ask."""
    match = re.match(r"^\s*/ar\b\s*(\S*)\s*(.*)$", text, re.IGNORECASE | re.DOTALL)
    if match is None:
        return text
    template = slash_subcommands().get(match.group(1).lower())
    if template is None:
        return f"{match.group(1)} {match.group(2)}".strip() or "help"
    return template.format(rest=match.group(2).strip()).strip()


def parse(text: str, today: date) -> Request:
    text = _slash(text)
    norm = vocab.normalize(text)
    if (action := _action(text, norm)) is not None:
        return Request(intent="action_request", text=text, action=action)
    if vocab.INJECTION.search(norm):
        return Request(intent="unknown", text=text)
    refs = _extract(text)
    name, chatter = _name(refs.remaining)
    if (cannot := _cannot(norm)) is not None and not vocab.OUT_OF_SCOPE.search(norm):
        return Request(
            intent="unknown",
            customer_text=name,
            invoice_refs=tuple(refs.invoices),
            order_refs=tuple(refs.orders),
            text=text,
            cannot=cannot,
        )
    intent, guessed = _intent(norm, refs, name, chatter, text)
    period = explicit_range(norm, today) or _period(norm, today, forward=intent == "forecast")
    if guessed and period is not None:
        intent = "payment_history"  # "northwind last week": what came in then
    limit = None
    if match := _COUNT.search(norm):
        limit = int(match.group(1))
    maybe = tuple(
        m.group(1).upper()
        for m in _MAYBE_INVOICE.finditer(refs.remaining)
        if not re.match(r"(?i)^(?:q[1-4]|c\d+)$", m.group(1))
    )
    return Request(
        intent=intent,
        customer_text=None if intent in ("help", "unknown", "approvals_inbox") else name,
        invoice_refs=tuple(refs.invoices),
        po_refs=tuple(refs.pos),
        order_refs=tuple(refs.orders),
        period=period,
        limit=limit,
        text=text,
        guessed=guessed,
        payment_refs=tuple(refs.payments),
        days=over_days(norm) if intent == "over_days" else None,
        currency=_currency(norm),
        by_collector=bool(re.search(r"\bby collectors?\b|\bper collector\b", norm)),
        maybe_invoices=maybe,
    )
