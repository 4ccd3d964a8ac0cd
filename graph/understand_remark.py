"""A remark about a change, then a question: "Luis put Donovan on hold yesterday. Can you
confirm what they owe?", "Sales asked whether we could move Fabrikam to net 30. Not doing it
yet - what are their avg days to pay?", "if X doesn't pay by Tuesday we'll need to hold
SO-1002. what's their past due?". The remark (a change someone made, wants, might make or is
not making) does not decide the reading: the question after it does, and nothing is proposed.
A "they" in the question is the customer the remark names, an "it" the one invoice it names.

Not a remark: a request before the question ("put X on hold. what do they owe?" asks for the
hold), or a question that asks for the change itself ("X asked for a hold. can you put them on
hold?", "luis wants X on hold - can you do it?")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.understand_mentioned import _ASKS, _TAG
from graph.understand_refs import _extract
from graph.understand_verbs import POLITE, clauses

if TYPE_CHECKING:
    from graph.understand import Request

# a change named: a hold, a write-off, a dispute, terms, a limit, a reminder or dunning, a
# statement, a promise, a note
_CHANGE = lazy(
    r"\b(?:on (?:credit )?(?:hold|stop)|hold|holds|holding|release|write[- ]?offs?|writ(?:e|ing)"
    r" (?:it |them )?off|written off|wrote (?:it |them )?off|disputes?|disputing|net \d+|terms"
    r"|limits?|lift|raise|reminders?|dunning|statements?|promise|ptp|note)\b"
)
# how the remark tells rather than asks: done, wanted by someone, conditional, called off,
# only thought of
_TELLS = lazy(
    r"\b(?:yesterday|last (?:week|month|friday|monday|tuesday|wednesday|thursday)|this morning"
    r"|already|earlier|went|sent|put|placed|asked|wants?|wanted|said|says|told|mentioned"
    r"|if|unless|might|may|maybe|could|would|gonna|going to|was going|were going|thinking"
    r"|not|don't|dont|do not|no|never|hold off|wait|yet|until|per notes|per)\b"
)
# the question asks for the change after all: "can you do it?", "can you put them on hold?"
_DO_IT = lazy(
    r"\b(?:do (?:it|that|this|so)|go ahead|action (?:it|that)|make (?:it|that) happen"
    r"|set (?:it|that) up|sort (?:it|that)|please|pls|kindly)\b"
)
_QUESTION_START = lazy(
    r"^(?:(?:but|though|so|and|just checking|anyway)\b[\s,]*)*"
    r"(?:what|whats|how|who|whose|which|when|where"
    r"|can you (?:confirm|tell|show|check|see|pull|list)|could you (?:confirm|tell|show|check)"
    r"|confirm|check)\b"
)
_LEAD = lazy(r"^(?:(?:but|though|so|and|just checking|anyway)\b[\s,]*)+")
_THEY = lazy(r"\b(?:they|them|their|theirs)\b")
_IT = lazy(r"\b(?:it|that one)\b")


# only thought of: the what-if reader's ("thinking of writing off …", "suppose X went to net 60")
_IMAGINED = lazy(r"\b(?:thinking|think about|suppose|supposing|hypothetically|imagine|what if)\b")
# "… how much would that be", "… received anything since?": read by the what-if and
# after-reports readers
_WOULD = lazy(r"\b(?:would|since)\b")
# a change reported gone out: "dunning letter to X went 11/10 per notes"
_WENT = lazy(r"\b(?:went|gone out|per notes)\b")
_NUMBER = lazy(r"(?<![\w.,$])(\d{3,6})(?![\w.,])")
_BOOK_WORD = lazy(
    r"\b(?:total|book|ar|a/r|receivables|everyone|everybody|customers|accounts|clients|all|who"
    r"|which|any(?:one|body))\b"
)
# "meridian's ap", "globex ar team": the customer, not its department
_DEPARTMENT = lazy(r"(?:\s+(?:ap|ar|a/p|team|buyer|people|folks))+$")


def _who(
    told: list[str], said: Request, today: date, parse: Callable[[str, date], Request]
) -> str | None:
    """The customer the remark names: the first of its clauses that names one."""
    for clause in told:
        reading = parse(clause, today)
        name = reading.customer_text or (reading.action.customer_text if reading.action else None)
        if name and not reading.guessed:
            return _DEPARTMENT.sub("", name) or None
    name = said.customer_text or (said.action.customer_text if said.action else None)
    return _DEPARTMENT.sub("", name) or None if name else None


def _asks(clause: str, question: bool) -> bool:
    plain = POLITE.sub("", clause.strip())
    return (question and not _TAG.match(plain)) or bool(_ASKS.match(plain))


def remark_then_question(
    text: str, norm: str, today: date, parse: Callable[[str, date], Request]
) -> Request | None:
    """The question after a remark about a change, read alone (by ``parse``), or None when the
    message is not a remark and then one question."""
    parts = [(c.strip(), q) for c, q in clauses(norm) if c.strip(" -,;:.!?()")]
    if len(parts) < 2:
        return None
    last, asked_mark = parts[-1]
    if not _QUESTION_START.match(last) and not _asks(last, asked_mark):
        return None
    told = [c for c, _ in parts[:-1]]
    remark = ". ".join(told)
    if not _CHANGE.search(remark) or not _TELLS.search(remark):
        return None
    if any(_asks(c, q) and not c.startswith("maybe") for c, q in parts[:-1]):
        return None  # two questions: read whole
    question = _LEAD.sub("", last)
    if _DO_IT.search(question) or _CHANGE.search(question):
        return None  # "… - can you do it?": the change asked for after all
    if _IMAGINED.search(remark) or _WOULD.search(question):
        return None  # "thinking of writing X off, how much would that be": what-if's reading
    said = parse(remark, today)
    if said.action is not None and said.not_asked is None and not _WENT.search(remark):
        return None  # "put X on hold. what do they owe?": a request, then a question
    question += "?"
    numbers = [*_extract(remark).invoices] or _NUMBER.findall(remark)
    if _IT.search(question) and len(numbers) == 1:
        question = _IT.sub(f"invoice {numbers[0]}", question, count=1)
    who = _who(told, said, today, parse)
    if _IT.search(question) and not numbers and who:
        # "if X don't pay by EOM I'll want it written off, how long's it been overdue?": X
        question = _IT.sub(who, question, count=1)
    if _THEY.search(question):
        if not who:
            return None
        # "… what do they owe?": they are the customer the remark names
        again = parse(_THEY.sub(who, question, count=1), today)
        if not again.customer_text:
            return None
    else:
        again = parse(question, today)
    if (
        who
        and not again.customer_text
        and not again.invoice_refs
        and again.intent == "total_ar"
        and not _BOOK_WORD.search(question)
    ):
        # "reminder went out to globex tues, nothing back. what's still open": globex's
        again = parse(f"{question.rstrip('?')} for {who}?", today)
    if (
        again.intent in ("unknown", "help")
        or again.action is not None
        or again.not_asked is not None
        or again.guessed
    ):
        return None
    return replace(again, text=text)
