"""The deterministic reading of a request: intent, mentions and dates, without an LLM.

It never fails: what it cannot place becomes ``unknown``. Mentions are raw text here; they are
resolved against the ERP in the agent's ``understand`` node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

INTENTS = (
    "invoice_status",
    "customer_balance",
    "payment_history",
    "collections_list",
    "deduction_summary",
    "cash_application",
    "credit_check",
    "forecast",
    "digest",
    "help",
    "unknown",
)


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date
    label: str


@dataclass(frozen=True)
class Request:
    intent: str
    customer_text: str | None = None
    invoice_refs: tuple[str, ...] = ()
    po_refs: tuple[str, ...] = ()
    period: DateRange | None = None
    limit: int | None = None
    text: str = ""
    # True when no word said what is wanted and the intent was inferred from a name alone.
    guessed: bool = False


_INVOICE_WORD = re.compile(
    r"\b(?:inv(?:oice)?s?|bill)\b\.?\s*(?:no\.?|num(?:ber)?\.?|#)?\s*[:#]?\s*"
    r"([a-z]{0,5}-?\d[\w-]*)",
    re.IGNORECASE,
)
_PREFIXED = re.compile(r"\b([a-z]{2,5})-?(\d{3,}[\w-]*)\b", re.IGNORECASE)
_HASH = re.compile(r"#\s?(\d{3,})")
_PO = re.compile(
    r"\bp\.?o\.?(?:\s*(?:#|no\.?|num(?:ber)?))?\s*[:#]?\s*([a-z0-9][a-z0-9-]{2,})", re.IGNORECASE
)
_BARE = re.compile(r"(?<![\w$.,/-])(\d{4,})(?![\w.,/-]*\d)")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_COUNT = re.compile(r"\b(?:last|latest|recent|past)\s+(\d{1,2})\s+payments?\b", re.IGNORECASE)
_LAST_DAYS = re.compile(r"\b(?:last|past)\s+(\d{1,3})\s+days?\b", re.IGNORECASE)
_ON_DAY = re.compile(r"\bon\s+(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
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

STOPWORDS = frozenset(
    """
a an the did does do is are was were has have had what whats how much many when where which who
why show me my our us we i you your list give tell check find get see look up please can could
would will should pay paid payed pays paying payment payments owe owes owed owing balance
balances outstanding open due overdue past status invoice invoices inv bill bills account acct
customer client of for from by on in at to with about any ever yet last latest recent recently
history remittance remittances since this that week weeks month months year today yesterday days
day ago total amount amounts left still and or s received receive got made make sent money cash
been be there it its their they them statement aging ar current hey hi hello thanks thank po no
number all just now so far right yet credit limit
""".split()
)
_HELP = re.compile(
    r"^\s*(help|\?|what can you do\??|commands|how do i use (this|you)\??)\s*$", re.I
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9&']+", text.lower())


def _period(text: str, today: date) -> DateRange | None:
    lowered = text.lower()
    if "yesterday" in lowered:
        day = today - timedelta(days=1)
        return DateRange(day, day, "yesterday")
    if re.search(r"\btoday\b", lowered):
        return DateRange(today, today, "today")
    if re.search(r"\bthis week\b", lowered):
        return DateRange(today - timedelta(days=today.weekday()), today, "this week")
    if re.search(r"\blast week\b", lowered):
        start = today - timedelta(days=today.weekday() + 7)
        return DateRange(start, start + timedelta(days=6), "last week")
    if re.search(r"\bthis month\b", lowered):
        return DateRange(today.replace(day=1), today, "this month")
    if re.search(r"\blast month\b", lowered):
        end = today.replace(day=1) - timedelta(days=1)
        return DateRange(end.replace(day=1), end, "last month")
    if match := _LAST_DAYS.search(text):
        days = int(match.group(1))
        return DateRange(today - timedelta(days=days), today, f"the last {days} days")
    if match := _ON_DAY.search(text):
        try:
            day = date.fromisoformat(match.group(1))
        except ValueError:
            return None
        return DateRange(day, day, f"on {day.isoformat()}")
    if match := _SINCE.search(text):
        try:
            start = date.fromisoformat(match.group(1))
        except ValueError:
            return None
        return DateRange(start, today, f"since {start.isoformat()}")
    for number, month in enumerate(_MONTHS, start=1):
        if re.search(rf"\bin {month}\b", lowered):
            year = today.year if number <= today.month else today.year - 1
            start = date(year, number, 1)
            end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return DateRange(start, min(end, today), f"in {month.title()} {year}")
    return None


def _references(text: str) -> tuple[list[str], list[str], str]:
    """Invoice and PO references, and the text with them removed."""
    invoices: list[str] = []
    pos: list[str] = []
    remaining = text

    def take(match: re.Match[str], into: list[str], group: int = 1) -> str:
        value = match.group(group).strip("-")
        if value and value not in into:
            into.append(value)
        return " "

    remaining = _PO.sub(lambda m: take(m, pos), remaining)
    remaining = _INVOICE_WORD.sub(lambda m: take(m, invoices), remaining)
    remaining = _ISO_DATE.sub(" ", remaining)

    def prefixed(match: re.Match[str]) -> str:
        prefix = match.group(1).upper()
        if prefix == "PO":
            return take(match, pos, 2)
        invoices.append(match.group(0))
        return " "

    remaining = _PREFIXED.sub(prefixed, remaining)
    remaining = _HASH.sub(lambda m: take(m, invoices), remaining)
    remaining = _BARE.sub(lambda m: take(m, invoices), remaining)
    return invoices, pos, remaining


def _customer_text(remaining: str) -> str | None:
    words = []
    for word in _words(remaining):
        word = word.removesuffix("'s").strip("'")
        if word and word not in STOPWORDS and not word.isdigit():
            words.append(word)
    return " ".join(words) or None


def _intent(
    text: str, has_invoice: bool, has_customer: bool, period: DateRange | None
) -> tuple[str, bool]:
    """The intent, and whether it was only guessed from a name."""
    lowered = text.lower()
    if _HELP.match(text):
        return "help", False
    if has_invoice:
        return "invoice_status", False
    if re.search(r"\b(payments?|paid|pay|remittances?|history|receipts?)\b", lowered) and not (
        re.search(r"\b(how much|owe[sd]?|balance|outstanding)\b", lowered)
    ):
        return "payment_history", False
    if re.search(
        r"\b(owe[sd]?|owing|balance|outstanding|open invoices|past due|overdue|aging|exposure"
        r"|due)\b|how much",
        lowered,
    ):
        return "customer_balance", False
    if re.search(r"\b(help|what can you)\b", lowered):
        return "help", False
    if period is not None and has_customer:
        return "payment_history", True
    if has_customer:
        return "customer_balance", True
    return "unknown", False


def parse(text: str, today: date) -> Request:
    invoices, pos, remaining = _references(text)
    period = _period(text, today)
    customer = _customer_text(remaining)
    limit = None
    if match := _COUNT.search(text):
        limit = int(match.group(1))
    intent, guessed = _intent(text, bool(invoices or pos), customer is not None, period)
    if intent == "help":
        customer = None
    return Request(
        intent=intent,
        customer_text=customer,
        invoice_refs=tuple(invoices),
        po_refs=tuple(pos),
        period=period,
        limit=limit,
        text=text,
        guessed=guessed,
    )
