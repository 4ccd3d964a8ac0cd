"""A remark about a change, then a question: "Luis put Donovan on hold yesterday. Can you
confirm what they owe?", "Sales asked whether we could move Fabrikam to net 30. Not doing it
yet - what are their avg days to pay?", "if X doesn't pay by Tuesday we'll need to hold
SO-1002. what's their past due?". The remark (a change someone made, wants, might make or is
not making) does not decide the reading: the question after it does, and nothing is proposed.
A "they" in the question is the customer the remark names, an "it" the one invoice it names.

Not a remark: a request before the question ("put X on hold. what do they owe?" asks for the
hold), or a question that asks for the change itself ("X asked for a hold. can you put them on
hold?", "luis wants X on hold - can you do it?"). Which clause asks and which remarks is
``graph.understand_clauses``'s rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.understand_clauses import (
    ASKED,
    CALLED_OFF,
    DEPARTMENT,
    IMAGINED,
    WISH,
    classify,
    customer_named,
    it,
    resolve,
    they,
)
from graph.understand_parts import ONE_CUSTOMER
from graph.understand_promises import PROMISE_ASKED_AFTER
from graph.understand_refs import _extract, _name

if TYPE_CHECKING:
    from graph.understand import Request

# a change named: a hold, a write-off, a dispute, terms, a limit, a reminder or dunning, a
# statement, a promise, a note
_CHANGE = lazy(
    r"\b(?:on (?:credit )?(?:hold|stop)|hold|holds|holding|release|write[- ]?offs?|writ(?:e|ing)"
    r" (?:it |them )?off|written off|wrote (?:it |them )?off|disputes?|disputing|net \d+|terms"
    r"|limits?|lift|raise|reminders?|dunning|statements?|soa|promise|ptp|note"
    # "andrea's already released SO-1006 so ignore the alert": the change said done
    r"|released|releasing|lifted|raised|lowered|blocked|unblocked|reminded|chased"
    # "the sales guy says we should stop selling to X", "… we cut them off"
    r"|stop(?:ping|ped)? (?:selling|shipping|supplying|deliveries|orders)|cut (?:them|him|her|it)"
    r" off|log|logged|logging)\b"
)
# a change planned by the writer or pushed by someone else, said as the reason for a question:
# "we'll likely open a dispute on X after I talk to ops", "sales is pushing to give X 60 day
# terms. not my call - …"
_PLANNED = lazy(
    r"\b(?:i|we)(?:'ll| will| shall|'m going to| am going to|'re going to| are going to)"
    r"(?: (?:likely|probably|maybe|possibly|then))? (?:\w+ )?(?:open|raise|add|send|apply|put"
    r"|write|hold|release|log|record|give|move|change|set|do|make)\b"
    r"|\b(?:is|are) (?:pushing|asking|pressing) (?:us )?(?:to|for)\b|\bnot my call\b"
)
_DEED = lazy(
    r"^(?:(?:writing|putting|holding|sending|placing|raising|logging|applying|releasing|opening"
    r"|chasing|adding|recording|moving|changing|setting)\b\s*)+"
)
# "what are they now?", "remind me, what is it now?": the thing the remark names, asked after
_THING_ASKED = lazy(
    r"^(?:(?:remind me|just checking|so|and|but)\W+)?what (?:are|is) (?:they|it|that)"
    r"( now| currently| today| at the moment| at present)?\W*$"
)
_TERMS_OR_LIMIT = lazy(r"\bterms\b|\b(?:credit )?limit\b")
# the question asks for the change after all: "can you do it?", "can you put them on hold?"
_DO_IT = lazy(
    r"\b(?:do (?:it|that|this|so)|go ahead|action (?:it|that)|make (?:it|that) happen"
    r"|set (?:it|that) up|sort (?:it|that))\b"
)
# "… could you send them their statement please?": asked politely for the change; not "pls
# just confirm how much is overdue" (asked to be told)
_PLEASE = lazy(r"\b(?:please|pls|kindly)\b")
_TOLD_ME = lazy(
    r"^(?:(?:but|pls|please|kindly|just|first|also|then|can you|could you)\b\s*)*"
    r"(?:confirm|tell me|let me know|show me|check|what|whats|how|who|which|when)\b"
)
_LEAD = lazy(
    r"^(?:(?:but|though|so|and|just checking|anyway|(?:just )?fyi|btw|by the way)\b[\s,:]*)+"
)
# "… how much would that be", "… received anything since?": read by the what-if and
# after-reports readers
_WOULD = lazy(r"\b(?:would|since)\b")
# a change reported gone out: "dunning letter to X went 11/10 per notes"
_WENT = lazy(r"\b(?:went|gone out|per notes)\b")
# "… how much is that all up?": the question points back at the remark's own words
_THAT = lazy(r"\b(?:that|those|these)\b(?! (?:one|invoice|customer|account)\b)")
_THE_INVOICE = lazy(r"\b(?:the|that|this) (?:invoice|inv|bill)\b(?! (?:no\.?|number|#)? ?\d)")
_NUMBER = lazy(r"(?<![\w.,$])(\d{3,6})(?![\w.,])")
# the order's credit asked after a remark on the order: read with the order, whole
_CREDIT_WORDS = lazy(r"\b(?:exposure|headroom|ship|shipping|credit|limit|room|release)\b")
_AT_STAKE = lazy(r"\b(?:is|are) (?:at stake|at risk|involved|in question|on the line)\b")
_BOOK_WORD = lazy(
    r"\b(?:total|book|ar|a/r|receivables|everyone|everybody|customers|accounts|clients|all|who"
    r"|which|any(?:one|body))\b"
)


def _customer(said: Request) -> str | None:
    if said.guessed:
        return None  # "… not a firm promise yet": "firm" is no customer
    name = said.customer_text or (said.action.customer_text if said.action else None)
    return DEPARTMENT.sub("", name) or None if name else None


def remark_then_question(
    text: str, norm: str, today: date, parse: Callable[[str, date], Request]
) -> Request | None:
    """The question after a remark about a change, read alone (by ``parse``), or None when the
    message is not a remark and then one question."""
    if PROMISE_ASKED_AFTER.search(norm):
        return None  # "we recorded X's promise for the 23rd, right? how much was it for": whole
    parts = classify(norm)
    # the remark's clauses first, then the question (its last clause, or the clauses from its
    # first question on: "… - what is their payment behaviour? avg days pls")
    first = next((n for n, c in enumerate(parts) if c.role == ASKED), len(parts))
    told, asked = parts[:first], parts[first:]
    if not told or not asked or not any(c.question for c in asked):
        return None
    remark = ". ".join(c.text for c in told)
    if any(c.role != ASKED for c in asked) or not (
        any(c.marked for c in told) or _PLANNED.search(remark)
    ):
        return None  # a request or a question between remarks (read whole), or no remark said
    if not _CHANGE.search(remark):
        return None
    question = ". ".join(_LEAD.sub("", c.text) for c in asked)
    if _DO_IT.search(question) or (
        (_CHANGE.search(question) or _PLEASE.search(question)) and not _TOLD_ME.match(question)
    ):
        return None  # "… - can you do it?": the change asked for after all
    if IMAGINED.search(remark) or _WOULD.search(question):
        return None  # "thinking of writing X off, how much would that be": what-if's reading
    if _THAT.search(question):
        return None  # "Dana said she'd chase everyone over 30 - how much is that?": read whole
    said = parse(remark, today)
    if (
        said.action is not None
        and said.not_asked is None
        and not _WENT.search(remark)
        and not any(c.role == CALLED_OFF for c in told)
        and not WISH.search(remark)  # "the team wants to raise a dispute on …": their wish
    ):
        return None  # "put X on hold. what do they owe?": a request, then a question
    refs = _extract(remark)
    if refs.orders and _CREDIT_WORDS.search(question):
        return None  # "Luis already released SO-1007 — what's Donovan's exposure now": whole
    numbers = [*refs.invoices] or ([] if refs.orders else _NUMBER.findall(remark))
    # "no need to log anything for X — …": the name the remark holds when no reading names it
    who = customer_named(told, today, parse) or _customer(said) or _name(refs.remaining)[0]
    if who and (deed := _DEED.match(who)):
        # "hold off on writing off X's short pay …": the deed is no part of the name
        who = who[deed.end() :] or _DEED.sub("", _name(refs.remaining)[0] or "") or None
    if (
        who
        and (thing := _THING_ASKED.match(question))
        and (named := _TERMS_OR_LIMIT.search(remark))
    ):
        # "don't touch X's terms until … what are they now?", "I will raise the X limit on monday.
        # remind me, what is it now?": the terms or limit the remark names, of its customer
        question = (
            f"what are the payment terms of {who}"
            if named.group(0).startswith("term")
            else f"what is the credit limit of {who}"
        ) + (thing.group(1) or "")
    # "… is it overdue?": the one invoice the remark names; without one, the customer ("if X
    # don't pay by EOM I'll want it written off, how long's it been overdue?")
    one = f"invoice {numbers[0]}" if len(numbers) == 1 else (who if not numbers else None)
    question = resolve(question, it=one if it(question) else None) + "?"
    if len(numbers) == 1:
        # "team wants to raise a dispute on INV-10200, pls confirm the invoice amount": that one
        question = _THE_INVOICE.sub(f"invoice {numbers[0]}", question, count=1)
        # "if X disputes INV-10336, how much is at stake": that invoice's amount
        question = _AT_STAKE.sub(f"is invoice {numbers[0]}", question, count=1)
    if they(question):
        if not who:
            return None
        # "… what do they owe?": they are the customer the remark names
        again = parse(resolve(question, who=who), today)
        if not again.customer_text:
            return None
    else:
        again = parse(question, today)
    if (
        who
        and not again.customer_text
        and not again.invoice_refs
        and again.intent in ("total_ar", *ONE_CUSTOMER)
        and not _BOOK_WORD.search(question)
    ):
        # "reminder went out to globex tues, nothing back. what's still open", "we'll have to
        # raise X's limit soon, how much headroom is left": X's
        again = parse(f"{question.rstrip('?')} for {who}?", today)
    if (
        again.intent in ("unknown", "help")
        or again.action is not None
        or again.not_asked is not None
        or again.guessed
    ):
        return None
    return replace(again, text=text)
