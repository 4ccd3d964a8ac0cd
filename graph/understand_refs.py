"""References (invoices, POs, sales orders, payments) and the customer's name in a request:
what ``graph.understand`` and ``graph.understand_actions`` read before the intent. A payment's
bank words are read by ``graph.understand_bank_refs``, the name by ``graph.understand_name``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.lazy_regex import lazy
from graph.understand_bank_refs import bank_reference
from graph.understand_name import _name as _name

# --- references -------------------------------------------------------------------------------
_ORDER = lazy(
    r"\bso-(\d+)\b|\bso#?(\d{3,})\b|\b(?-i:SO)\s+(\d{3,})\b"
    r"|(?:(?<=\bon )|(?<=\bfor )|(?<=\bcheck ))so\s+(\d{3,})\b"  # "run credit on so 1008"
    # "pinecrest so 1013 credit?": after a name, before what is asked of the order
    r"|(?<=[a-z] )so\s+(\d{4,})\b(?=\s*(?:credit|ok\b|okay|release|approv|hold|status|\?|$))"
    # "would so 1009 go thru", "can so 1004 ship": the order, before what it would do
    r"|\bso\s+(\d{4,})\b(?=\s+(?:go|get|ship|clear|pass|be released|be approved|good to go|ok to"
    r"|okay to|safe to|fine to)\b)"
    # "can we ship to pinecrest? so 1013 is waiting": the order, and where it stands
    r"|\bso\s+(\d{4,})\b(?=\s+(?:is|was|has been) (?:waiting|pending|held|on hold|blocked"
    r"|stuck|sitting)\b)"
    r"|(?<!purchase )\b(?:sales\s+)?order\s*(?:no\.?|num(?:ber)?|#)?\s*[:#]?\s*(?:so-?)?(\d{3,})\b",
    re.IGNORECASE,
)
# "so 1012" with an order said in the message, or billed ("invoice so 1008 for …"): the sales
# order, when nothing but punctuation, "for", "from" or "please" follows it ("so 10130 is paid?"
# is a clause with an invoice in it)
_SO_SAID = lazy(r"\bso\s+(\d{3,})\b(?=\s*(?:$|[-,.;:?!]|for\b|from\b|please\b))", re.IGNORECASE)
_BILLED = lazy(r"\b(?:invoice|bill)\s+so\s+\d", re.IGNORECASE)
# "two orders in, 1008 and 1009", "orders 1004 & 1005": numbers listed right after "orders"
_ORDERS_LISTED = lazy(
    r"(?P<noun>\b(?:sales )?orders(?: in| pending| waiting| open)?"
    # "sterling placed 1008 and 1009 this week, ok to ship both orders?" (orders named apart)
    r"|\b(?:placed|put in|submitted|entered|sent in))[,:]?\s+"
    r"(?P<numbers>\d{3,}(?:\s*(?:,|and|&|\+)\s*\d{3,})+)\b(?![.,]\d)"
    r"(?!\s*(?:k|m|usd|eur|gbp|cad|dollars?|euros?|pounds?|units?|pcs|pieces|cases)\b)",
    re.IGNORECASE,
)
_TICKET = lazy(
    r"\b(?:ticket|case|incident|jira|sr|req|request)\s*(?:no\.?|#)?\s*:?\s*#?[a-z]{0,6}-?\d+\b",
    re.IGNORECASE,
)
# "against GL 1200", "G/L account 4010": a ledger account, no invoice
_GL_ACCOUNT = lazy(
    r"\b(?:gl|g/l|general ledger)(?: (?:account|acct|a/c|code))?\s*(?:no\.?|#)?\s*\d{3,}\b",
    re.IGNORECASE,
)
_ADDRESSEE = lazy(r"^\s*(?:hi|hello|hey|dear|morning|good morning)\s+[a-z]+\s*[,:-]", re.IGNORECASE)
# "the aging for the whole company", "receipts imported co": our own company, no customer
_WHOLE_COMPANY = lazy(
    r"\b(?:for |across |of )?(?:the |our )?(?:whole|entire) (?:company|business|firm|group)\b"
    r"|\b(?:for |in |of )?(?:the )?imported (?:co|company|entity|firm)\b",  # the imported ledger
    re.IGNORECASE,
)
_ORDER_WORD = lazy(r"\borders?\b", re.IGNORECASE)
_PAYMENT = lazy(
    r"\b(?:pmt|rcpt|rct)-[a-z]?\d+\b|\b(?:pmt|rcpt|rct)[a-z]?\d{3,}\b"
    r"|\b(?-i:PAY|PMT|RCPT|RCT)(?: ?#|\s) ?\d{3,}\b"  # "PAY 5001" in capitals: an id, not a verb
    # "pay 5003 - whose?": lower case too when whose it is is asked right after
    r"|\b(?:pay|pmt)(?: ?#|\s) ?\d{3,}\b"
    r"(?=\s*[-\u2013\u2014,;:]?\s*(?:who|whose|whom|from whom)\b)",
    re.IGNORECASE,
)
_INVOICE_WORD = lazy(
    r"\b(?:inv(?:oice)?s?|bill)\b\.?\s*(?:no\.?|num(?:ber)?\.?|#)?\s*[:#]?\s*"
    r"([a-z]{0,5}-?\d[\w-]*)",
    re.IGNORECASE,
)
_PREFIXED = lazy(r"\b([a-z]{2,5})-?(\d{3,}[\w-]*)\b", re.IGNORECASE)
_HASH = lazy(r"#\s?(\d{3,})")
_PO = lazy(
    r"(?:\bp\.?o\b\.?|\bpurchase order\b)(?:\s*(?:#|no\.?|num(?:ber)?))?\s*[:#]?\s*"
    r"([a-z0-9-]*\d[a-z0-9-]*)",
    re.IGNORECASE,
)
_BARE = lazy(r"(?<![\w$.,/#-])(\d{4,})(?![\w.,/-]*\d)(?![\w%])")
_ISO_DATE = lazy(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SLASH_DATE = lazy(
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b"
    r"|\b\d{1,2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-\d{2,4}\b",  # 12-Nov-26
    re.IGNORECASE,
)
# A number is an amount, not an invoice, after these words or signs, or before these units.
_AMOUNT_BEFORE = lazy(
    r"(?:\$|\b(?:usd|eur|gbp|cad)|%\s*of|\d\s*[-+*/\u00d7]|(?<![a-z])x|\bover|\bunder|\babove"
    r"|\bbelow|\bthan|\bexceeding|\blimit(?:\s+(?:is|of|to|at))?|\blimit\b[\w\s'&.-]{1,30}\b(?:to|at)"
    r"|=|\bapprox(?:imately)?\.?"
    r"|\baround|\broughly|[~><]=?|\bplus|\bminus|\btimes|\btotal(?:l?ing)?|\bworth"
    r"|\bamount(?:\s+of)?|\bremaining|\b(?:balance|difference|diff) of)\s*$",
    re.IGNORECASE,
)
_AMOUNT_AFTER = lazy(
    r"^\s*(?:%|k\b|m\b|mm\b|usd\b|dollars?\b|bucks\b|eur\b|euros?\b|gbp\b|cad\b|[+*/\u00d7]\s*\d"
    # "take the 4200 order": the order's amount
    r"|(?:dollar |usd |\$ )?orders?\b)"
    # "5000-200" is arithmetic; "clearwater 10298 - 719.32 pricing" a dash between two things
    r"|^(?:-\s*\d|\s+-\d)",
    re.IGNORECASE,
)
_PAID_BEFORE = lazy(
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


# invoice numbers listed with "+" or "&" and asked about, not added up
_LISTED = lazy(r"(?<![\d.,$])\d{5,}\s*[+&]\s*\d{5,}(?![\d.,])")
_STATUS_WORD = lazy(
    r"\b(?:paid|open|still|sitting|outstanding|status|settled|cleared|due)\b", re.IGNORECASE
)
_SUM_ASKED = lazy(
    r"\b(?:what is|whats|what's|calculate|compute|sum|add|plus|equals?|makes?|total)\b|=",
    re.IGNORECASE,
)


def _is_amount(text: str, start: int, end: int) -> bool:
    """Whether the bare number at text[start:end] is an amount, a year or a figure, not an
    invoice number ("15% of 2400", "limit 20000", "paid 2400 yesterday", "in 2025")."""
    before = text[max(0, start - 40) : start]
    digits = text[start:end]
    if (
        any(m.start() <= start < m.end() for m in _LISTED.finditer(text))
        and _STATUS_WORD.search(text)
        and not _SUM_ASKED.search(text)
    ):
        return False  # "10143 + 10130 still open?": two invoices asked about, not a sum
    if _AMOUNT_BEFORE.search(before) or _AMOUNT_AFTER.match(text[end : end + 12]):
        return True
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return True
    # "globex paid 2400", "write off 1500 on INV-…": after a payment or write-off verb a short
    # or round number is money; a five-digit one is still the invoice ("they paid 10379").
    return bool(_PAID_BEFORE.search(before)) and (len(digits) < 5 or digits.endswith("00"))


# A customer's id as ledgers write them: letters, an optional hyphen, digits ("C00004", "HW-100",
# "mt-300"); never an INV number. Whether a ledger has such a customer is the agent's to say.
_CUSTOMER_ID = lazy(r"(?!inv)[a-z]{1,5}-?\d{2,}", re.IGNORECASE)


def customer_id(token: str) -> str | None:
    """The one rule for a token that may be a customer's id, in questions and change requests
    alike: the id as ledgers keep it (upper case), or None when it is not written like one."""
    return token.upper() if _CUSTOMER_ID.fullmatch(token) else None


def _add(into: list[str], value: str) -> None:
    value = value.strip("-")
    if value and value not in into:
        into.append(value)


def _extract(text: str) -> _Refs:
    """Sales orders, payments, POs and invoices, and the text with them removed."""
    refs = _Refs()
    # "Ticket #AR-4471: …" is no invoice; "Hi Priya, pls check …" names a colleague, no customer
    text = _WHOLE_COMPANY.sub(" ", _TICKET.sub(" ", _ADDRESSEE.sub(" ", text)))
    text = _GL_ACCOUNT.sub(" ", text)
    reference, text = bank_reference(text)
    if reference is not None:
        _add(refs.payments, reference)

    def order(match: re.Match[str]) -> str:
        digits = next(g for g in match.groups() if g)
        _add(refs.orders, f"SO-{digits}")
        return " "

    remaining = _ORDER.sub(order, text)
    if _ORDER_WORD.search(text) or _BILLED.search(text):
        remaining = _SO_SAID.sub(order, remaining)  # "pinecrest order so 1013 - ok to ship?"

    def listed(match: re.Match[str]) -> str:
        if "order" not in match.group("noun").lower() and not _ORDER_WORD.search(match.string):
            return match.group(0)
        for digits in re.findall(r"\d{3,}", match.group("numbers")):
            _add(refs.orders, f"SO-{digits}")
        return match.group("noun")

    remaining = _ORDERS_LISTED.sub(listed, remaining)
    remaining = _PAYMENT.sub(
        lambda m: _add(refs.payments, re.sub(r"[\s#-]+", "-", m.group(0).upper())) or " ",
        remaining,
    )
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


# A short number (three digits: imported ledgers number invoices 981, 982 …) asked about as an
# invoice is: "is 982 paid", "987 still open?", "did harbor east pay 983". It may be an amount
# too ("did globex pay 300"): the agent reads it as an invoice only when the ledger has one.
_SHORT = lazy(r"(?<![\w$.,/#-])(\d{3})(?![\w.,/%+-]*\d)(?![\w%+]|\s*(?:days?|d|k|m)\b)")
_STATUS_ASKED = lazy(
    r"^\s*(?:is|was|has|have|did|does|are|were)\b"
    r"|\b(?:paid|open|outstanding|settled|cleared|closed|due|status)\s*[?!.]*$"
    r"|\bstatus (?:of|on|for)\b|^\s*\d{3}\s*[?!.]*$"  # "982?": the number alone
    r"|\b(?:left|remaining|outstanding|open|owing|due) on\b"  # "what's left on 983"
    # "the payment of 983 arrived complete or only a part?": paid in full or in part
    r"|\b(?:complete|completely|in full|fully|partly|partially|(?:only )?(?:a )?part)\s*[?!.]*$"
    # "982 - paid or not?", "due date on 985?", "984 still sitting there?"
    r"|\b(?:paid|open|settled|cleared|closed) or not\b|\bdue date (?:on|of|for)\b"
    r"|\bstill (?:open|sitting|there|outstanding|unpaid|owing)\b"
    # "981 cleared right?", "986 due date?", "982 - did X pay all of it?"
    r"|\b(?:cleared|paid|settled|closed),? right\b|\bdue date\s*[?!.]*$"
    r"|\b(?:pay|paid) (?:all of it|it all|in full|the lot)\b"
    # "983 how much left", "applied the cheque against 983, how much is left on it?"
    r"|\bhow much (?:is )?(?:still )?(?:left|remaining|open|outstanding)(?: on (?:it|that|this))?"
    r"\s*[?!.]*$",
    re.IGNORECASE,
)


def short_invoice_numbers(remaining: str, norm: str) -> tuple[str, ...]:
    """Three-digit numbers the message asks the payment or status of, that no money word marks
    as an amount."""
    if not _STATUS_ASKED.search(norm):
        return ()
    return tuple(
        m.group(1)
        for m in _SHORT.finditer(remaining)
        if not _AMOUNT_BEFORE.search(remaining[max(0, m.start() - 40) : m.start()])
        and not _AMOUNT_AFTER.match(remaining[m.end() : m.end() + 12])
    )
