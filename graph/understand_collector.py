"""The collector's phrasings, read before the rest of the parser: disputes ("INV-10432 is
disputed: price per PO was 12.40", "resolve dispute DSP-1A2B3C4D as credit memo"), promises to
pay ("globex promised 5,000 by Friday"), statements ("statement for globex", "send Globex a
statement", "send statements to everyone over 10k") and a customer's e-mail pasted into chat.

Each becomes a Request the agent already knows how to route: a change request (a proposal,
never a direct write) or a report. Questions about disputes or promises ("broken promises",
"is INV-1 disputed?") are left to the rest of the parser.

``read`` is the one entry; a promise and a pasted e-mail are read here, a dispute in
``graph.understand_disputes`` and a statement in ``graph.understand_statement_asks``.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from graph import understand_vocab as vocab
from graph.lazy_regex import lazy
from graph.understand_actions import ActionRequest, _customer_of, _money, with_correction
from graph.understand_apply import maybe_invoices
from graph.understand_due import due_date as due_date
from graph.understand_money import currency
from graph.understand_refs import _extract
from graph.understand_statements import statement_sent
from graph.understand_terse import command
from graph.understand_verbs import CLAUSES, SELF_MEMO, VERB, clauses
from graph.understand_verbs import POLITE as _POLITE

if TYPE_CHECKING:
    from graph.understand import Request

_QUESTION = lazy(
    r"^(?:did|does|do|is|are|was|were|has|have|had|when|what|which|who|how|any|show|list|why"
    r"|can you (?:show|list|tell))\b|\?\s*$"
    # "pinnacle told us they'll pay the 30k next month - whats their total open": the question
    # after the promise reported is what is asked
    r"|(?:[,;]|\s-+)\s*(?:what|whats|how much|how many|which|can you (?:show|tell|pull|give))\b"
)
# --- a customer's e-mail pasted into chat ----------------------------------------------------
_HEADER = lazy(r"(?im)^\s*(?:from|subject|to|sent|date|cc|reply-to)\s*:\s*\S")
_GREETING = lazy(r"(?i)^\s*(?:hi|hello|dear|good (?:morning|afternoon)|greetings)\b")
_SIGN_OFF = lazy(
    r"(?im)^\s*(?:regards|kind regards|best regards|best|thanks|thank you|many thanks"
    r"|sincerely|cheers)\b[,.!]?\s*$"
)
_PASTED = lazy(
    r"(?i)^\s*(?:(?:the )?customer (?:e-?mail|wrote|replied|reply|says)|e-?mail from|reply from"
    r"|forwarded message|-{3,} ?forwarded)\b"
)


# "the customer says it is paid, can you check?": a claim relayed in one line, to be checked
_CHECK_CLAIM = lazy(r"(?i)\?\s*$|\b(?:confirm|check|verify|true|correct|right|see if)\b")


def looks_like_email(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if _PASTED.search(text):
        return len(lines) > 1 or not _CHECK_CLAIM.search(text)
    if len(lines) < 3:
        return False
    return bool(_HEADER.search(text)) or bool(_GREETING.search(text) and _SIGN_OFF.search(text))


# --- a promise to pay ------------------------------------------------------------------------
_PROMISE = lazy(
    # the money's verbs: "committed to remit GBP …", "agreed to wire 5k on friday"
    r"\b(?:promised|promises|promise to pay"
    r"|(?:committed|commits|agreed) to (?:pay(?:ing)?|remit(?:ting)?|wir(?:e|ing))"
    r"|will (?:pay|remit|wire)|will send|is going to pay|are going to pay|plans? to pay|ptp"
    r"|(?<=record a )promise|(?<=log a )promise|(?<=record the )promise"
    # "record promise for globex …", "globex committed payment of 5k on 12/4"
    r"|(?<=record )promise|(?<=log )promise|(?<=add a )promise"
    # "… committed to paying 5k friday, add the promise"; "got a promise from X for 3k"
    r"|(?<=add the )promise|(?<=log the )promise|(?<=got a )promise(?= from\b)"
    # "… committed to $60,000 next friday. record that promise", "record as promise please",
    # "please to register this promise to pay"
    r"|(?<=record that )promise|(?<=record this )promise|(?<=record as )promise"
    r"|(?<=record as a )promise|(?<=log that )promise|(?<=log as )promise"
    r"|(?<=register this )promise|(?<=register the )promise|(?<=register a )promise"
    r"|(?:committed|commits|promised|promises)(?: a| the)? payment (?=of|for|on|by)"
    r")\b"
)
# A note or a logged call that mentions a promise stays a note.
_NOTE = lazy(
    r"^(?:note|comment)\b(?! to (?:self|myself)\b)|^(?:jot|note) down\b"
    r"|^(?:add|put|leave|log|make|drop|enter|write|post|attach|jot|save|pop)\b"
    r".{0,24}\b(?:notes?|comments?|memos?|remarks?|call|conversation|voicemail|vm)\b"
)
# "promised to escalate", "promised a call back": a promise, but not to pay (a note)
_NOT_TO_PAY = lazy(
    r"^\s*(?:to (?!(?:pay|send|remit|wire|settle|clear|transfer|make|process|release|issue"
    r"|mail|post|cut|run|have|get|cover|fund|do)\b)[a-z]+|an? (?:call|callback|call back"
    r"|answer|update|reply|response|decision)\b)"
)
# "ask when they'll pay", "find out whether globex will pay": a question inside the request
_ASKS = lazy(r"\b(?:when|whether|ask|asking|find out|check if|see if|how to|how do i|how can i)\b")
# "ptp status across all customers", "promises report": about promises, not one being made
# a report noun or a due-state after the promise word ("promise-to-pay register", "ptps falling
# due") asks about promises, as a report noun after any action word does
_PROMISE_REPORT = lazy(
    r"\b(?:promises?|ptps?)(?:[- ]to[- ]pay)? (?:status|report|list|summary|overview|log"
    r"|tracker|register|dashboard|schedule|listing|pipeline|kept|broken|due|outstanding|made"
    r"|coming|falling|upcoming|maturing|expiring|pending|open)\b|\bacross (?:all|every)\b"
    # "promised payments coming up": the adjective, a report of promises
    r"|^(?:the |all |any |our )?promised (?:payments?|amounts?|dates?|cash|money)\b"
    # "promises to pay on the imported ledger": the noun opens the message
    r"|^(?:the |all |any |our |open )?(?:promises|ptps)(?:[- ]to[- ]pay)?\b"
)
# "… on hold as the PTP dated 11th Nov has been broken": a promise said broken is no new one
_BROKEN = lazy(
    r"\b(?:broken|broke|missed|defaulted on|(?:not|never) (?:been )?(?:kept|honou?red|met))\b"
    # "X did not pay on 7th like they promised": the promise said broken, by what they did
    r"|\b(?:did not|didn't|did n't|has not|hasn't|have not|haven't|never) (?:pay|paid)\b"
    r".{0,30}\b(?:like|as) (?:they|he|she|it) (?:promised|said)\b"
)
_TOLD_BY = lazy(
    r"\b(?:confirms?|confirmed|informs?|informed|says|said|told (?:us|me)|advised|advises"
    r"|the (?:client|customer)|client|customer|he|she|they)\b"
)
_FROM_COMPANY = lazy(r"\bfrom\s+((?:[\w&.'-]+\s+){0,2}[\w&.'-]+)")
_PROMISED_TO_THEM = lazy(r"\b(?:were|was|been|being|are|is) promised\b")
_BUT = lazy(r"\bbut\b")  # "… missed the last one, but now promised 2,500": a new promise


def _clause_of(body: str, at: int) -> str:
    """The clause of ``body`` that holds position ``at`` (the parser's clause ends,
    ``graph.understand_verbs.CLAUSES``, and a "but")."""
    breaks = [*CLAUSES.finditer(body), *_BUT.finditer(body)]
    starts = [0, *(m.end() for m in breaks if m.end() <= at)]
    ends = [m.start() for m in breaks if m.start() > at]
    return body[max(starts) : min(ends, default=len(body))]


_PROMISE_RECORD = lazy(r"^(?:record|log|add|enter|note|capture)\b.{0,20}\b(?:promise|ptp)\b")


def _action_request(said: str, action: ActionRequest) -> Request:
    from graph.understand import Request  # the parser's type, loaded by the time we are called

    return Request(intent="action_request", text=said, action=action)


def _report(intent: str, text: str, customer: str | None = None) -> Request:
    from graph.understand import Request

    return Request(intent=intent, text=text, customer_text=customer)


def _read_promise(text: str, norm: str, today: date) -> Request | None:
    body = _POLITE.sub("", norm)
    verb = _PROMISE.search(body)
    if verb is None or _NOTE.search(body) or _NOT_TO_PAY.match(body[verb.end() :]):
        return None
    if vocab.PROMISES_QUESTION.search(norm) or _QUESTION.search(body):
        return None
    if _ASKS.search(body[: verb.start()]) or _PROMISE_REPORT.search(body):
        return None
    if _PROMISED_TO_THEM.search(_clause_of(body, verb.start())):
        return None  # "the promo allowance they were promised": a promise made to them
    if _BROKEN.search(_clause_of(body, verb.start())):
        return None  # the broken promise is why something else is asked (a hold, a reminder)
    if re.search(r"\b(?:i|we)\s*$", body[: verb.start()]) or _MYSELF.search(norm):
        return None  # "I will send …", "we will pay …": our own doing, no customer's promise
    refs = _extract(text)
    when, rest = due_date(body, today)
    amount, written = _money(_extract(rest).remaining)
    before = _PROMISE_RECORD.sub(" ", body[: verb.start()])
    before = re.sub(r"^[\s:,-]+|\b(?:that|record|log|a|the|promise|ptp)\b", " ", before)
    before = _TOLD_BY.sub(" ", before)  # "the client informed that he …", "X confirms …"
    source = _FROM_COMPANY.search(before)  # "mrs. weber from abbott furniture confirms …"
    customer = (
        (_customer_of(source.group(1)) if source else None)
        or _customer_of(before)
        or _customer_of(re.sub(r"^.*?\b(?:from|for|by)\b", " ", body[verb.end() :]))
        # "ptp granite restaurant cad 20k by dec 4": the name right after the word
        or _customer_of(_PROMISE.sub(" ", rest))
    )
    invoices, maybe = tuple(refs.invoices), ()
    if amount is None:
        # "PTP: globex, 5000, 30/11": a bare number is the amount, unless the ledger has an
        # invoice by it (EntityResolver.with_bare_invoices decides)
        maybe = tuple(
            ref
            for ref in invoices
            if ref.isdigit() and (len(ref) < 5 or ref.endswith("00")) and _written_bare(ref, norm)
        )  # a short or round figure, as after "paid" (graph.understand_refs._is_amount)
        invoices = tuple(ref for ref in invoices if ref not in maybe)
        amount = Decimal(maybe[0]) if maybe else None
    elif not invoices and written is not None and _BARE_NUMBER.fullmatch(written.group(0)):
        maybe = (written.group("number"),)  # "PTP: meridian, 987, friday": 987 may be either
    elif not invoices and amount is not None:
        # "X will remit the 140 on 987": the number after "on" may be an invoice of a ledger
        # whose numbers carry a prefix (the agent keeps it when the ledger has it)
        maybe = tuple(n for n in maybe_invoices(refs.remaining) if Decimal(n) != amount)
    promise = ActionRequest(
        "record_promise",
        customer_text=customer,
        invoice_refs=invoices,
        maybe_invoices=maybe,
        amount=amount,
        due=when,
        text=text[:500],
        currency=currency(written),
    )
    return _action_request(text, with_correction(promise, norm))


_BARE_NUMBER = lazy(r"\d{3,}")


def _written_bare(number: str, norm: str) -> bool:
    """Whether ``number`` is written on its own, not as "INV-…", "invoice …" or "#…"."""
    return bool(re.search(rf"(?<![\w#-])(?<!invoice )(?<!inv )(?<!bill ){number}\b", norm))


# "I'll send the statement to riverbend myself, just tell me their balance": the person sends it
_MYSELF = lazy(
    r"\b(?:i|i'll|i will|i can|i am|i'm|let me)\b.{0,20}\b(?:send|email|e-mail|mail|forward"
    r"|share)\b.*\bmyself\b"
)


_DISPUTE_ASKED = lazy(
    r"\b(?:open|raise|log|create|file|start|flag|record|enter)\b.{0,20}\bdisputes?\b"
    r"|\bdispute (?:it|this|that|them|inv\S*|#?\d{3,})\b"
    # "heritage garden are disputing INV-10311, pls log it": the dispute is what is logged
    r"|\bdisput\w*\b.{0,60}\b(?:log|record|enter|open|raise|file) (?:it|that|this|one)\b"
)
# "record that promise": the promise recorded, not a note; "resolved with credit note": no note
_PROMISE_OR_MEMO = lazy(
    r"^(?:record|log|add|register|enter|save|capture) (?:that |this |the |a |as |as a )?"
    r"(?:promise|ptp)|\b(?:credit|debit) notes?\b"
)


_NOTE_NOUN = lazy(r"^(?:\w+ ){0,3}?(?:notes?|notate|comments?|memos?|remarks?)\b")
_PROMISE_ASKED = lazy(
    r"\b(?:record|log|add|register|enter|save|capture) (?:that |this |the |a |as |as a )?"
    r"(?:promise|ptp)\b"
)


def _note_asked(norm: str, *, noun: bool = False) -> int | None:
    """Where a note asked for in a clause of its own starts ("please note on X: pricing dispute
    on INV-… raised verbally", "… they confirmed it's disputed. Log a note on X that the dispute
    letter is in the drive": the dispute is the note's text, not a dispute asked), or None."""
    at = 0
    for clause, _ in clauses(norm):
        body = _POLITE.sub("", clause.strip())
        if (
            VERB["note"].search(body)
            and not _PROMISE_OR_MEMO.search(body)
            and (not noun or _NOTE_NOUN.search(body))  # "note …", not "record that …"
        ):
            return norm.find(clause, at)
        at = norm.find(clause, at) + len(clause)
    return None


def read(text: str, today: date, norm: str | None = None) -> Request | None:
    """The collector's request in ``text``, if it is one (``norm``: ``text`` normalized, when
    the caller has it)."""
    if looks_like_email(text):
        return _report("customer_reply", text)
    if norm is None:
        norm = vocab.normalize(text)
    if vocab.INJECTION.search(norm) or SELF_MEMO.match(norm):
        return None
    if (said := command(norm)) is not None:
        text, norm = said, vocab.normalize(said)  # "pinnacle pkg | dispute | 984 | wrong price"
    if _NOTE.search(_POLITE.sub("", norm)):
        return None  # a note's text is data: "add a note on northwind: disputing freight on …"
    from graph.understand_disputes import _DISPUTE_WORD, read_dispute
    from graph.understand_statement_asks import _STATEMENT, read_statement

    noted = _note_asked(norm)
    if (
        _DISPUTE_WORD.search(norm)
        and not (noted is not None and not _DISPUTE_ASKED.search(norm))
        and (found := read_dispute(text, norm)) is not None
    ):
        return found
    if (said := statement_sent(text, norm)) is not None:
        return said.request  # graph.understand_statements: "issue a statement to X", "… and"
    if _STATEMENT.search(norm) and (found := read_statement(text, norm)) is not None:
        return found
    noted = _note_asked(norm, noun=True)
    if noted is not None and _PROMISE.search(norm, noted) and not _PROMISE_ASKED.search(norm):
        return None  # "tate eng: note 'PTP verbal only, not confirmed'": the promise is the note's
    return _read_promise(text, norm, today)
