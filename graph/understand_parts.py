"""A message in parts, as ``graph.understand`` reads it: what arbot cannot do that a message asks
for (``cannot``); a change request with a part joined to it that arbot cannot do ("change globex
terms to net 90 and waive interest") or a second change ("… and send them a reminder"), named so
the reply says plainly it was not done; several customers named where one is answered or
proposed for ("how much did northwind and globex pay")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from graph import understand_vocab as vocab
from graph.intent_surfaces import slash_subcommands
from graph.lazy_regex import lazy
from graph.understand_actions import ADVICE, ActionRequest, _action
from graph.understand_refs import _extract, _name
from graph.understand_verbs import POLITE, VERB

if TYPE_CHECKING:
    from graph.understand import Request

_QUESTION = lazy(r"(?:what|how|when|which|who|why|did|do|does|was|were|has|have)\b")
_IF_ASKED = lazy(
    r"^(?:if|suppose|supposing|say|assuming|hypothetically,?(?: if)?)\b[^?]*\b(?:will|would|does"
    r"|do|is|are|could|can)\b[^?]*\?"
)
_STATUS_ASKED = lazy(r"\b(?:paid|open|outstanding|settled|cleared|closed|status)\s*\?+\s*$")


def cannot(norm: str) -> str | None:
    """What arbot cannot do that the message asks for, if it asks for one of those."""
    if "?" in norm and ADVICE.search(norm):
        return None  # "would you raise X's limit given how they pay?" asks an opinion
    asked = _asked_of_arbot(norm)
    for kind, _, pattern in vocab.CANNOT:
        if kind == "create_invoice" and (
            _QUESTION.match(norm) or _STATUS_ASKED.search(norm) or _IF_ASKED.match(norm)
        ):
            # "what did we invoice globex in october", "invoice against PO … - paid?", "if I
            # bill X 900, would that take them over their limit?"
            continue
        if pattern.search(asked):
            return kind
    return None


# the writer's own part: "I will reconcile it against GL 1200 myself", "for the reserve calc
# I'll do in excel", "before I lock period 11" (said, not asked of arbot), to the clause's end
_WRITER_DOES = lazy(
    r"\b(?:i(?:'ll| will| shall| am going to|'m going to| am gonna|'m gonna)"
    r"|(?:before|once|after|so|so that|then) i(?:'ll| will| can)?)\s"
    r"(?P<rest>[^.;:!?,\u2014]*?)(?=$|[.;:!?,\u2014]|\s-+\s)"
)


def _asked_of_arbot(norm: str) -> str:
    """The message without what the writer says they will do themselves (never "I'll need you
    to …")."""
    return _WRITER_DOES.sub(lambda m: m.group(0) if "you" in m.group("rest") else " ", norm)


SECOND = "second_change"  # a second change in the same message, not proposed with the first
# "… and waive interest", "…; also refund the fee": a second part joined to a change request
_JOINED = lazy(r"\s(?:and(?: also| then)?|also|plus|then|&)\s|[;,]\s+(?:(?:and|also|then)\s+)*")


def _names_a_change(part: str, second: ActionRequest | None, first: ActionRequest) -> bool:
    """Whether ``part`` asks for another change arbot proposes ("… and send them a reminder"),
    read in full or only by its verb (its customer said earlier)."""
    if second is not None:
        return second.kind != first.kind
    body = POLITE.sub("", part.strip())
    return any(kind != "note" and pattern.search(body) for kind, pattern in VERB.items())


def with_part_not_done(text: str, norm: str, action: ActionRequest) -> Request:
    """The change asked for; when a part joined to it asks for what arbot cannot do ("change
    globex terms to net 90 and waive interest"), that part is named (``cannot``) so the reply
    says plainly it was not done, and the change is read from the words before it."""
    from graph.understand import Request  # the parser's type, loaded by the time we are called

    if action.kind == "add_note":
        return Request(intent="action_request", text=text, action=action)  # its text is data
    also: tuple[str, ...] = ()
    apart = names_apart(_extract(text).remaining) if action.customer_text else ()
    if apart and " ".join(apart) == action.customer_text:
        # "put northwind and globex on hold": proposed for the first, the others named
        action, also = replace(action, customer_text=apart[0]), apart[1:]
    found = _part_not_done(text, norm, action)
    return replace(found, also_named=also) if also else found


def _part_not_done(text: str, norm: str, action: ActionRequest) -> Request:
    from graph.understand import Request  # the parser's type, loaded by the time we are called

    parts = _JOINED.split(norm)
    for n, part in enumerate(parts[1:], start=1):
        second = _action(part, part)
        kept = " ".join(parts[:n])
        if _names_a_change(part, second, action) and _action(kept, kept) is not None:
            # "put initech on hold and send them a reminder": one change is proposed a message;
            # the other is named, never dropped silently
            said = part.strip(" .!?")
            return Request("action_request", text=text, action=action, cannot=SECOND, not_done=said)
        kind = cannot(part.strip())
        if kind is None or second is not None:
            continue
        if (again := _action(kept, kept) if kept.strip() else None) is None:
            continue  # "globex wants net 60, pls update their terms": one request, said in two
        return Request(
            intent="action_request",
            text=text,
            action=again,
            cannot=kind,
            not_done=part.strip(" .!?"),
        )
    return Request(intent="action_request", text=text, action=action)


_APART = lazy(r"\s+(?:and|or|as well as|plus)\s+|\s*[,;/]\s*|\s+&\s+(?=\S+\s+(?:and|,))")
ONE_CUSTOMER = (
    "customer_balance",
    "payment_history",
    "invoice_status",
    "credit_check",
    "days_to_pay",
)


def names_apart(remaining: str) -> tuple[str, ...]:
    """ "how much did northwind and globex pay": each customer named, when more than one."""
    if not re.search(r"\band\b|,|\bor\b|/|\bas well as\b|\bplus\b", remaining):
        return ()
    names = tuple(n for part in _APART.split(remaining) if (n := _name(part)[0]) is not None)
    return names if len(names) > 1 else ()


def slashed(text: str) -> str:
    """ "/ar aging", typed in a chat: the same words the Slack surface would ask."""
    match = re.match(r"^\s*/ar\b\s*(\S*)\s*(.*)$", text, re.IGNORECASE | re.DOTALL)
    if match is None:
        return text
    template = slash_subcommands().get(match.group(1).lower())
    if template is None:
        return f"{match.group(1)} {match.group(2)}".strip() or "help"
    return template.format(rest=match.group(2).strip()).strip()


_DIGIT_WORDS = {
    "oh": "0", "o": "0", "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SPOKEN_WORD = "|".join([*_DIGIT_WORDS, *_TEENS, *_TENS])
# "invoice ten two five four", "in voice one oh two four five": an invoice number said aloud,
# digit by digit or in pairs, at least three words after the invoice word
_SPOKEN_INVOICE = lazy(
    rf"\b(?:invoice|inv|in voice)(?: number| no\.?| #)? ((?:(?:{_SPOKEN_WORD}) ){{2,}}"
    rf"(?:{_SPOKEN_WORD}))\b",
    re.IGNORECASE,
)


def _digits(words: str) -> str:
    said, out = words.lower().split(), []
    for n, word in enumerate(said):
        if word in _DIGIT_WORDS:
            if not (n and said[n - 1] in _TENS and word not in ("oh", "o", "zero")):
                out.append(_DIGIT_WORDS[word])  # after "twenty" it was said with it: 25
        elif word in _TEENS:
            out.append(str(10 + _TEENS.index(word)))
        else:
            unit = said[n + 1] if n + 1 < len(said) else ""
            unit_digit = (
                _DIGIT_WORDS[unit]
                if unit in _DIGIT_WORDS and unit not in ("oh", "o", "zero")
                else "0"
            )
            out.append(f"{2 + _TENS.index(word)}{unit_digit}")
    return "".join(out)


# "right off the 154.89 left on 10295", "rite it off": write off as dictation spells it, when an
# amount or what is written off follows (not "right off the bat")
_RIGHT_OFF = lazy(
    r"\b(?:right|rite)(?= (?:off (?:the |this |that )?(?:small |remaining |residual )?"
    r"(?:balance |amount |difference |diff )?(?:of )?[$\u20ac\u00a3]?\d"
    r"|(?:it|this|that|them|these|those) off\b))",
    re.IGNORECASE,
)


# "PMT-U00001 -> 10211": a payment, an arrow and an invoice is the log's shorthand of applying it
_ARROW_APPLIED = lazy(
    r"(?<![\w-])((?:pmt|pay|rcpt|rct)[- ]?[a-z]?\d{3,})\s*(?:->|=>|\u2192)\s*"
    r"((?:inv(?:oice)?[- ]?#?\s?)?(?:[a-z]{1,3}-)?\d{3,})\b(?![.,]\d)",
    re.IGNORECASE,
)


# dictated into a write-off: "write off the 171 45 on ten three nine six" is 171.45 on 10396
_SPOKEN_AFTER_CHANGE = lazy(
    rf"(\b(?:write off|apply)\b.{{0,40}}?\b(?:on|against|to) )((?:(?:{_SPOKEN_WORD}) ){{2,}}"
    rf"(?:{_SPOKEN_WORD}))\b",
    re.IGNORECASE,
)
_SPOKEN_CENTS = lazy(
    r"\b(write off (?:the )?)(\d{1,4}) (\d{2})(?= (?:on|against)\b)", re.IGNORECASE
)
# "s o ten oh eight", "sales order one oh one three": a sales order's number said aloud
_SPOKEN_ORDER = lazy(
    rf"\b(?:s o|s\.o\.?|sales order|order)(?: number| no\.?| #)? ((?:(?:{_SPOKEN_WORD}) ){{1,}}"
    rf"(?:{_SPOKEN_WORD}))\b",
    re.IGNORECASE,
)


# "PMT-U00001 to 10222 pls": the whole message a payment and where it goes
_PAYMENT_TO = lazy(
    r"^\s*((?:pmt|pay|rcpt|rct)[- ]?[a-z]?\d{3,})\s+(?:to|against|on)\s+"
    r"((?:inv(?:oice)?[- ]?#?\s?)?(?:[a-z]{1,3}-)?\d{3,})\s*(?:pls|please|thanks|ty)?[.!]*\s*$",
    re.IGNORECASE,
)


_NORTH_OF = lazy(r"(?i)\bnorth of (?=\$?\d)")
_PRIOR = lazy(r"(?i)\b(?:the )?(?:prior|previous) (?=(?:week|month|quarter|year|fortnight)\b)")


def spoken(text: str) -> str:
    """An invoice or sales order number said aloud written in digits ("invoice ten two five
    four" -> "invoice 10254", "s o ten oh eight" -> "SO-1008"), when it makes four digits or
    more; "right off" dictated for "write off"; a payment's arrow to an invoice as the
    application it stands for."""

    def written(match: re.Match[str]) -> str:
        digits = _digits(match.group(1))
        if len(digits) < 4:
            return match.group(0)
        return f"invoice {digits}"

    def after_change(match: re.Match[str]) -> str:
        digits = _digits(match.group(2))
        return match.group(0) if len(digits) < 4 else f"{match.group(1)}invoice {digits}"

    def order(match: re.Match[str]) -> str:
        digits = _digits(match.group(1))
        return f"SO-{digits}" if len(digits) >= 4 else match.group(0)

    text = _PAYMENT_TO.sub(r"apply \1 to \2", _ARROW_APPLIED.sub(r"apply \1 to \2", text))
    text = _RIGHT_OFF.sub("write", text)
    text = _NORTH_OF.sub("over ", text)  # "past due north of 90": over 90
    text = _PRIOR.sub("last ", text)  # "receipts for the prior month": last month
    text = _SPOKEN_AFTER_CHANGE.sub(after_change, _SPOKEN_INVOICE.sub(written, text))
    text = _SPOKEN_ORDER.sub(order, text)
    return _SPOKEN_CENTS.sub(r"\1\2.\3", text)
