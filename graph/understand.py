"""The deterministic reading of a request: intent, mentions and dates, without an LLM.

It never fails: what it cannot place becomes ``unknown``. Mentions are raw text here; they are
resolved against the ERP in the agent's ``understand`` node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

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
    """Invoice and PO references, and the text with them removed (sales orders, SO-…, are
    taken out by ``_orders`` first)."""
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


_REPORT_WORDS = frozenset(
    "collections collection worklist priority list deductions deduction short pay pays paid "
    "cash app application suspense unmatched bank file lines credits dso forecast cei days "
    "sales outstanding expected receipts digest morning daily report summary check credit "
    "can we ship who should call".split()
)


def _customer_text(remaining: str) -> str | None:
    words = []
    for word in _words(remaining):
        word = word.removesuffix("'s").strip("'")
        if word and word not in STOPWORDS and not word.isdigit():
            words.append(word)
    return " ".join(words) or None


# Reports and checks, recognised before anything else (their words are unambiguous).
REPORTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (intent, re.compile(pattern, re.IGNORECASE))
    for intent, pattern in (
        ("credit_check", r"\bcredit\s*check\b|\bcheck\s+(?:the\s+)?credit\b|\bcan we ship\b"),
        (
            "cash_application",
            r"\bcash\s*app(?:lication)?\b|\bsuspense\b|\bunmatched\b"
            r"|\bbank (?:file|lines?|credits?)\b",
        ),
        (
            "collections_list",
            r"\bcollections?\b|\bworklist\b|\bwho (?:should|do) (?:i|we) call\b"
            r"|\bpriority list\b",
        ),
        ("deduction_summary", r"\bdeductions?\b|\bshort[- ]?pa(?:y|ys|id)\b"),
        (
            "forecast",
            r"\bdso\b|\bforecast\b|\bcei\b|\bdays sales outstanding\b"
            r"|\bexpected (?:receipts|cash|collections)\b",
        ),
        ("digest", r"\bdigest\b|\b(?:morning|daily) (?:report|summary)\b"),
    )
)


def _intent(
    text: str, has_invoice: bool, has_customer: bool, period: DateRange | None
) -> tuple[str, bool]:
    """The intent, and whether it was only guessed from a name."""
    lowered = text.lower()
    if _HELP.match(text):
        return "help", False
    for intent, pattern in REPORTS:
        if pattern.search(text):
            return intent, False
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


_AMOUNT = r"\$?\s?(?P<amount>\d[\d,]*(?:\.\d{1,2})?)\s*(?:k\b)?"
_WRITE_OFF = re.compile(
    rf"^\s*write[- ]?off\s+(?:{_AMOUNT}\s+)?(?:on|for|against|from)?\s*(?P<rest>.+)$", re.I
)
_APPLY = re.compile(
    r"^\s*apply\s+(?:payment\s+)?(?P<payment>[a-z]{1,5}-?[a-z]?\d+)\s+to\s+(?P<rest>.+)$", re.I
)
_LIMIT = re.compile(
    rf"^\s*(?:set|raise|lower|change|increase|decrease|make)\s+(?:the\s+)?(?:credit\s+limit\s+"
    rf"(?:for|of)\s+(?P<who1>.+?)|(?P<who2>.+?)(?:'s)?\s+credit\s+limit)\s+to\s+{_AMOUNT}\s*$",
    re.I,
)
_HOLD_ON = re.compile(r"^\s*(?:put|place)\s+(?P<who>.+?)\s+on\s+(?:credit\s+)?hold\s*$", re.I)
_HOLD_OFF = re.compile(
    r"^\s*(?:take|remove|release|lift)\s+(?P<who>.+?)\s+(?:off|from)\s+(?:credit\s+)?hold\s*$",
    re.I,
)
_RELEASE = re.compile(r"^\s*release\s+(?:sales\s+)?(?:order\s+)?(?P<order>so-?\d+)\s*$", re.I)
_NOTE = re.compile(
    r"^\s*(?:add\s+)?(?:a\s+)?note\s+(?:to|for|on)\s+(?P<who>[^:]+?)\s*:\s*(?P<text>.+)$",
    re.I | re.S,
)
_REMIND = re.compile(
    r"^\s*send\s+(?:a\s+)?(?:payment\s+|collections?\s+)?reminder\s+to\s+(?P<who>.+?)"
    r"(?:\s+about\s+(?P<about>.+))?\s*$",
    re.I,
)
_REASON = re.compile(r"\b(?:as|reason|for)\s+(?P<code>[a-z_]+)\s*$", re.I)


def _amount_of(match: re.Match[str]) -> Decimal | None:
    raw = match.groupdict().get("amount")
    if not raw:
        return None
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None
    if match.group(0).lower().rstrip().endswith("k"):
        value *= 1000
    return value


def parse_action(text: str) -> ActionRequest | None:
    """An explicit request for a change ("write off 45.00 on INV-10319 as pricing")."""
    if match := _WRITE_OFF.match(text):
        rest = match.group("rest")
        reason = _REASON.search(rest)
        invoices, _, _ = _references(rest[: reason.start()] if reason else rest)
        if invoices:
            return ActionRequest(
                "write_off_deduction",
                invoice_refs=tuple(invoices),
                amount=_amount_of(match),
                reason_code=reason.group("code").lower() if reason else None,
            )
    if match := _APPLY.match(text):
        rest = match.group("rest")
        amount = re.search(r"\bfor\s+\$?(\d[\d,]*(?:\.\d{1,2})?)\s*$", rest, re.I)
        invoices, _, _ = _references(rest[: amount.start()] if amount else rest)
        if invoices:
            return ActionRequest(
                "apply_payment",
                invoice_refs=tuple(invoices),
                payment_ref=match.group("payment").upper(),
                amount=Decimal(amount.group(1).replace(",", "")) if amount else None,
            )
    if match := _LIMIT.match(text):
        who = match.group("who1") or match.group("who2")
        return ActionRequest("set_credit_limit", customer_text=who, amount=_amount_of(match))
    if match := _RELEASE.match(text):
        return ActionRequest(
            "set_credit_hold", order_ref=match.group("order").upper(), on_hold=False
        )
    if match := _HOLD_ON.match(text):
        return ActionRequest("set_credit_hold", customer_text=match.group("who"), on_hold=True)
    if match := _HOLD_OFF.match(text):
        return ActionRequest("set_credit_hold", customer_text=match.group("who"), on_hold=False)
    if match := _NOTE.match(text):
        return ActionRequest(
            "add_note", customer_text=match.group("who"), text=match.group("text").strip()
        )
    if match := _REMIND.match(text):
        invoices = _references(match.group("about"))[0] if match.group("about") else []
        return ActionRequest(
            "send_reminder", customer_text=match.group("who"), invoice_refs=tuple(invoices)
        )
    return None


_ORDER = re.compile(r"\bSO-?\d+\b", re.IGNORECASE)


def parse(text: str, today: date) -> Request:
    if (action := parse_action(text)) is not None:
        return Request(intent="action_request", text=text, action=action)
    orders = tuple(
        dict.fromkeys(
            m.group(0).upper().replace("SO", "SO-").replace("--", "-")
            for m in _ORDER.finditer(text)
        )
    )
    invoices, pos, remaining = _references(_ORDER.sub(" ", text))
    period = _period(text, today)
    customer = _customer_text(remaining)
    limit = None
    if match := _COUNT.search(text):
        limit = int(match.group(1))
    intent, guessed = _intent(text, bool(invoices or pos), customer is not None, period)
    if intent == "help":
        customer = None
    if any(intent == report for report, _ in REPORTS) and customer is not None:
        customer = " ".join(w for w in customer.split() if w not in _REPORT_WORDS) or None
    return Request(
        intent=intent,
        customer_text=customer,
        invoice_refs=tuple(invoices),
        po_refs=tuple(pos),
        order_refs=orders,
        period=period,
        limit=limit,
        text=text,
        guessed=guessed,
    )
