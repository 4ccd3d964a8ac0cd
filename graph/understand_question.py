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
    r"|(?:just )?(?:before|while|ahead of))\b"
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
        if (question and not _TAG.match(clause)) or _ASKS.match(clause):
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
    if referenced or (_DIGIT.search(rest) and not all(_TELLER.match(t) for t in told)):
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
    again = parse(question, today)
    if again.intent == "unknown" or again.action is not None or again.not_asked is not None:
        return None
    if again.invoice_refs or (again.customer_text and not again.guessed):
        return replace(again, text=text)
    teller = _TELLER.match(rest)
    other, _ = _name(_extract(teller.group(1) if teller else rest).remaining)
    if again.intent in parts.ONE_CUSTOMER and _PRONOUN.search(question) and other:
        return replace(again, customer_text=other, guessed=False, text=text)
    if _PRONOUN.search(question) and other:
        # "…, just show me their aging": the book's word asked of the customer named before
        named = parse(_PRONOUN.sub(other, question, count=1), today)
        if named.intent in parts.ONE_CUSTOMER and named.customer_text and not named.guessed:
            return replace(named, text=text)
    if intent_of(again.intent).kind == "portfolio" and not other:
        return replace(again, text=text)
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
    again = parse(rest, today)
    named = again.invoice_refs or (again.customer_text and not again.guessed)
    refs = _extract(text)
    if named or (intent_of(again.intent).kind == "portfolio" and not refs.invoices + refs.payments):
        return replace(again, text=text)
    question = rest.rstrip("?").strip()
    told, _ = _name(_extract(text.replace(question, " ")).remaining)
    if question and told and again.intent in parts.ONE_CUSTOMER and _PRONOUN.search(rest):
        return replace(again, customer_text=told, guessed=False, text=text)
    return None
