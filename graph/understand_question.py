"""The one question of a message whose other clauses only tell: "How much is still open for
granite restaurant? I think they pay in CAD.", "don't put northwind on hold, just tell me what
they owe", "no need to chase falcon, they paid - whats left on their account?". The question is
read alone; a "they" in it is the customer the other clauses name. A memo to oneself in
brackets ("(reminder to self: ring pinecrest mon)") is no part of what is asked. A change
reported done and asked to be confirmed ("we already applied PMT-U00001, right?") asks for the
record of what it names. A report of a change beside a question is context
(``after_reports``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from graph import understand_parts as parts
from graph.intents import get as intent_of
from graph.lazy_regex import lazy
from graph.understand_asked import RETRACTS, _clause_spans
from graph.understand_mentioned import _ASKS, _TAG, mentioned, without_reports
from graph.understand_periods import DateRange
from graph.understand_periods import period as _period
from graph.understand_refs import _extract, _name
from graph.understand_verbs import POLITE

if TYPE_CHECKING:
    from graph.understand import Request

_PRONOUN = lazy(r"\b(?:they|them|their|theirs|he|him|his|she|her|hers|this customer)\b")

# "(note to self: …)", "(reminder to self - ring pinecrest mon)": the person's own memo
SELF_MEMO_ASIDE = lazy(r"\(\s*(?:a )?(?:note|reminder|memo) (?:to|for) (?:self|myself|me)\b[^)]*\)")
# "separately,", "unrelated:", "on another note": a new question starts
_SEPARATELY = lazy(
    r"^(?:separately|unrelated|on (?:a|another) (?:separate |different )?note|different"
    r" question|other question)\s*$"
)


# a clause that tells: "I think they pay in CAD", "they paid", "if sterling cleared everything"
# "before I sign off the reserve": when the person asks, not what
_TELLS = lazy(
    r"^(?:i|they|he|she|it|hypothetically|if|suppose|supposing|say|assuming"
    r"|(?:just )?(?:before|while|ahead of|after|once))\b"
    # a remark alone: "fine", "ok", "anyway"
    r"|^(?:fine|ok|okay|sure|noted|cool|great|anyway|anyways|fair enough|got it|no worries|hi|hello"
    r"|hey|sorry|thanks|thank you|morning|new here|(?:i am |i'm )?new here)\s*$"
    # what happened, told: "nobody went on hold this month", "sales let SO-1007 go yesterday
    # fyi", "sent meridian a dunning email last week" (the teller left out)
    r"|^.*\bfyi\s*$|^fyi\b"
    # a purpose: "trying to tie out the bank rec"; a greeting to the bot: "@arbot morning"
    r"|^(?:(?:i am |i'm |we are |we're )?(?:trying|need(?:ing)?|want(?:ing)?|have|having|got)"
    r" to (?:tie out|tie|reconcile|close|finish|finali[sz]e|prepare|update|build|sort out|do)\b)"
    r"|^@\w+(?: (?:morning|hi|hello|hey|gm))?\s*$"
    r"|^(?:nobody|no one|noone|everyone|everybody|someone|somebody) (?:went|got|was|were|has"
    r"|have|had|is|paid|called)\b"
    r"|^(?:sent|e-?mailed|called|rang|phoned|spoke|talked|chased|reminded|applied|posted|released"
    r"|booked|logged|left)\b(?=.*\b(?:yesterday|last|ago|earlier|already|this morning|today"
    r"|on (?:mon|tue|wed|thu|fri)\w*)\b)"
    # what someone said: "pinnacle packaging told us they'll pay the 30k next month"
    r"|^[\w&.' -]{1,40}? (?:told (?:us|me)|said|says|mentioned|called|wrote|e-?mailed|asked|wants"
    r"|requested)\b"
)
# the teller named before what they said: "pinnacle packaging" of "pinnacle packaging told us …"
_TELLER = lazy(
    r"^([\w&.' -]{1,40}?) (?:told (?:us|me)|said|says|mentioned|called|wrote|e-?mailed|asked"
    r"|wants|requested)\b"
)


def _called_off(clause: str) -> bool:
    """ "don't put northwind on hold", "no need to chase falcon": a change called off."""
    refused = mentioned(clause)
    return refused is not None and refused.reason == "negated"


_DIGIT = lazy(r"\d")
_IT = lazy(r"\b(?:it|that one|this one)\b")
_BUT = lazy(r"^(?:but|yet|though)\b[\s,]*")  # "…, but how much is X over due"
# "just need the AR aging": what is wanted, said as a need
_NEEDS = lazy(r"^(?:i |we )?(?:just |only )?(?:need|want|would like|'d like)\b(?! to\b)")
# "received anything from them since?": since what the other clauses date
_SINCE_SAID = lazy(r"\bsince\s*(?=\?*\s*$)")


# "what they have paid since?": the customer's own payments (their record, from that day)
_THEY_PAID = lazy(r"\b(?:they|he|she)(?: have| has| had)? (?:paid|pay|payed|sent|remitted)\b")


def _since(question: str, told: str, today: date) -> tuple[str, DateRange | None]:
    """A question ending in "since" asked after a remark that dates something ("called X on
    monday - anything received since?"): since that day, written into the question (then read
    as a period written out), or, when the customer is who paid, kept beside it."""
    if not _SINCE_SAID.search(question) or (then := _period(told, today)) is None:
        return question, None
    if _THEY_PAID.search(question):
        return question, DateRange(then.start, today, f"since {then.start.isoformat()}")
    return _SINCE_SAID.sub(f"since {then.start.isoformat()}", question), None


def _dated(request: Request, since: DateRange | None) -> Request:
    if since is None or request.period is not None:
        return request
    return replace(request, period=since)


_DOER = lazy(r"(?i)^\s*[a-z]+\s+(?=(?:has|have|had|already)\s)")


_BUT_OF_THEM = lazy(r"[,;-]\s*but\s+(?:how much|what|what's|whats|is|are|anything)\b")
_BOOK_WORD = lazy(
    r"\b(?:total|book|ar|a/r|receivables|everyone|everybody|customers|accounts|clients|all|who"
    r"|which|any(?:one|body))\b"
)


def without_memo(text: str) -> str:
    """``text`` without a bracketed memo to oneself."""
    return SELF_MEMO_ASIDE.sub(" ", text).strip(" -,;")


def the_question(text: str, norm: str) -> tuple[str, str] | None:
    """The clause that asks, and the rest of the message, when exactly one clause asks and the
    others neither ask nor only open the message; None otherwise."""
    spans = [(s, e, q) for s, e, q in _clause_spans(norm) if norm[s:e].strip(" -,;:.!?()")]
    if len(spans) < 2:
        return None
    # "write off all of X? nah forget it, just show me …": what came before is called off
    called_off = max(
        (n for n, (s, e, _) in enumerate(spans) if RETRACTS.match(norm[s:e].strip())), default=-1
    )
    withdrawn = [(s, e) for s, e, _ in spans[:called_off]] if called_off >= 0 else []
    spans = spans[called_off + 1 :]
    asking = []
    for start, end, question in spans:
        clause = _BUT.sub("", POLITE.sub("", norm[start:end].strip()))
        if (question and not _TAG.match(clause)) or _ASKS.match(clause) or _NEEDS.match(clause):
            asking.append((start, end))
    if len(asking) != 1:
        return None
    start, end = asking[0]
    told = [
        norm[s:e].strip()
        for s, e, _ in spans
        if (s, e) != (start, end) and not _SEPARATELY.match(norm[s:e].strip())
    ]
    rest = " ".join([*(norm[s:e].strip() for s, e in withdrawn), *told])
    if not all(_TELLS.match(t) or _called_off(t) for t in told):
        return None
    asked = _BUT.sub("", norm[start:end].strip())
    refs = _extract(rest)
    named = [*refs.payments, *(f"invoice {i}" for i in refs.invoices)]
    referenced = named or refs.pos or refs.orders
    # "sales let SO-1007 go yesterday fyi. donovan's balance now?": an order in a report is no
    # reference of a question that asks of no "it" or "they" (``question_alone`` decides)
    apart = refs.orders and not named and not (_IT.search(asked) or _PRONOUN.search(asked))
    # "if northwind paid 10130 tomorrow, would SO-1002 fit under their limit?": the question
    # names its own order, invoice or payment
    own = _extract(asked)
    apart = apart or bool(own.orders or own.invoices or own.payments)
    if not apart and (
        referenced or (_DIGIT.search(rest) and not all(_TELLER.match(t) for t in told))
    ):
        # "Please do not apply PMT-U00001 yet. Whose payment is it?": "it" is the one payment or
        # invoice a change called off names; any other reference said apart: read whole (an
        # amount someone said they will pay is no reference)
        if len(named) != 1 or _DIGIT.search(asked) or not all(_called_off(t) for t in told):
            return None
        if not _IT.search(asked):
            return None
        asked, rest = _IT.sub(named[0], asked, count=1), refs.remaining
    return asked + ("?" if norm[end : end + 1] == "?" else ""), rest


def question_alone(
    text: str, norm: str, today: date, parse: Callable[[str, date], Request]
) -> Request | None:
    """The one question of a message whose other clauses only tell, read alone (by ``parse``)
    when that reading names what it asks about: its own customer or invoice, a "they" the other
    clauses name, or the whole book when they name no one."""
    asked = the_question(text, norm)
    if asked is None:
        return None
    question, rest = asked
    question, since = _since(question, rest, today)
    again = _dated(parse(question, today), since)
    if again.intent == "unknown" or again.action is not None or again.not_asked is not None:
        return None
    if again.invoice_refs or (again.customer_text and not again.guessed):
        return replace(again, text=text)
    if again.order_refs or again.payment_refs:
        return replace(again, text=text)  # "if X paid 10130, would SO-1002 go through?"
    teller = _TELLER.match(rest)
    other, _ = _name(_extract(teller.group(1) if teller else rest).remaining)
    if again.intent in parts.ONE_CUSTOMER and _PRONOUN.search(question) and other:
        return replace(again, customer_text=other, guessed=False, text=text)
    if _PRONOUN.search(question) and other:
        # "…, just show me their aging": the book's word asked of the customer named before
        named = parse(_PRONOUN.sub(other, question, count=1), today)
        # "received anything from them since?": their payments over a period, too
        narrowed = named.intent in parts.ONE_CUSTOMER or named.intent == "payments_received"
        if narrowed and named.customer_text and not named.guessed:
            return replace(named, text=text)
    if intent_of(again.intent).kind == "portfolio" and not other:
        return replace(again, text=text)
    if other and _BUT_OF_THEM.search(norm) and not _BOOK_WORD.search(question):
        # "no need to put Meridian on hold, but how much is over due?": "but" goes on about the
        # customer the called-off change names
        named = parse(f"{question.rstrip('?')} for {other}", today)
        if named.intent in parts.ONE_CUSTOMER and named.customer_text and not named.guessed:
            return replace(named, text=text)
    return None


_RIGHT = lazy(r"[,\s]\s*(?:right|correct|yes|yeah|no|isn't it|didn't we|didn't i)\s*\?+\s*$")


def confirmed_done(text: str, kind: str) -> Request | None:
    """A change of ``kind`` reported done and asked to be confirmed ("…, right?"): the payment
    or invoice it names, whose record shows what was done to it; a reminder, statement or note
    sent is history arbot cannot show yet."""
    if not _RIGHT.search(text.lower()):
        return None
    from graph.understand import Request  # the parser's type, loaded by the time we are called

    refs = _extract(text)
    if refs.payments:
        return Request("payment_lookup", payment_refs=tuple(refs.payments), text=text)
    if refs.invoices:
        return Request("invoice_status", invoice_refs=tuple(refs.invoices), text=text)
    if kind in ("send_reminder", "send_statement", "add_note"):
        return Request("unknown", text=text, cannot="records")
    return None


def after_reports(text: str, today: date, parse: Callable[[str, date], Request]) -> Request | None:
    """ "Dana applied the check to 983 already, what's left open on harbor east?": the report is
    context; the question is read (by ``parse``) when it names what it asks about itself ("… on
    10372 last week, is it closed now?" needs the report's invoice: read whole, and a whole-book
    reading when the report names an invoice), or asks of "they" whom the report names ("Luis
    wrote off the small acme ind short pay, what do they still owe?")."""
    rest = without_reports(text)
    if rest is None:
        return None
    rest, since = _since(rest, text.replace(rest.rstrip("?").strip(), " ").lower(), today)
    again = _dated(parse(rest, today), since)
    named = again.invoice_refs or (again.customer_text and not again.guessed)
    refs = _extract(text)
    question = rest.rstrip("?").strip()
    # "dana has booked the write-off on initech's short pay; …": who did it is no customer
    told = _DOER.sub(" ", text.replace(question, " "))
    teller, _ = _name(_extract(told).remaining)
    if (
        not named
        and teller
        and _BUT_OF_THEM.search(text.lower())
        and not _BOOK_WORD.search(question.lower())
        and intent_of(again.intent).kind == "portfolio"
    ):
        # "no need to put Meridian on hold, but how much is over due?": "but" goes on about the
        # customer the called-off change names
        theirs = parse(f"{question} for {teller}", today)
        narrowed = theirs.intent in (*parts.ONE_CUSTOMER, "over_days")
        if narrowed and theirs.customer_text and not theirs.guessed:
            return replace(theirs, text=text)
    if not named and teller and again.intent == "payments_received" and _PRONOUN.search(rest):
        # "emailed globex a statement yesterday - anything received from them since?": their
        # payments, not the whole book's
        theirs = _dated(parse(_PRONOUN.sub(teller, rest, count=1), today), since)
        if theirs.customer_text and not theirs.guessed:
            return replace(theirs, text=text)
    if named or (intent_of(again.intent).kind == "portfolio" and not refs.invoices + refs.payments):
        return replace(again, text=text)
    if question and teller and again.intent in parts.ONE_CUSTOMER and _PRONOUN.search(rest):
        return replace(again, customer_text=teller, guessed=False, text=text)
    return None
