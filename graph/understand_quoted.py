"""What a message asks in the person's own words, apart from what it quotes, forwards or
reports.

Quoted and forwarded text is data: e-mail quote lines (``> …``), a forward's subject and header
lines (``FW:``, ``From:``, ``Sent:``, ``Subject:``, ``To:``), a signature (``--`` and what
follows, "Regards, Tate Engineering AP") and words in quotation marks ("yesterday you said
"write off 171.45 on INV-10396" - was that approved?"). What kind of change is asked for, and
whether one is, comes from the person's own words; the quote may still say which customer,
invoice or amount they mean. The one exception is a bare instruction to act on the quote
("please process", "pls action", "can you send it to them", "go ahead"): then what the quote
asks is the request.

``graph.understand_own_words`` takes a message apart (``split``); ``read`` here is the parser's
reading of a message that quotes (``graph.understand.parse`` calls it first);
``graph.understand_asked.not_asked`` holds the same rule for every proposal, whoever read the
message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from graph.lazy_regex import lazy
from graph.understand_own_words import (
    APPROVED,
    Said,
    acts_on_quote,
    own_words,
    split,
    without_sign_off,
)

if TYPE_CHECKING:
    from graph.understand import Request

# The person's own words only point at the quote: "thoughts?", "please check", "can u answer
# anjali", "please help with tom's ask", "can you give me the number?"
_POINTS_AT = lazy(
    r"^(?:(?:please|pls|plz|kindly|can you|could you|can u|could u|would you|hey|so|and)\b\s*)*"
    r"(?:help(?: me)?(?: with)? (?:this|that|it|these|the (?:ask|request|query|question|below)"
    r"|[\w&.-]+'s (?:ask|request|query|question))|answer (?:this|that|it|them|him|her|[\w-]+)"
    r"|check(?: this| that| it| please| pls)?|do this(?: one)?|look (?:into|at) (?:this|that|it)"
    r"|(?:any )?thoughts|views|advise|see below|pfb|reply to (?:this|that|it|them)"
    r"|send (?:me )?what you (?:have|got)|give me the (?:number|figure|answer|amount|total)"
    r"|what do you (?:think|say)|can we)\b[\s?.!]*$"
)
# "was that approved?", "did it get signed off": the state of a change proposed, asked of the
# approvals it waits in
_APPROVAL_STATE = lazy(
    r"\b(?:was|were|is|has|have|did|got)\s+(?:that|it|this|these|those|they|the (?:proposal"
    r"|change|request|approval|write-?off)s?)\b.{0,20}\b(?:approved|declined|rejected|signed off"
    r"|actioned|okayed|pending|waiting for approval)\b"
)


def read(text: str, today: date, parse: Callable[[str, date], Request]) -> Request | None:
    """The reading of a message that quotes, forwards or signs off another's words, or None
    when it does not (or says nothing of its own: a pasted e-mail is read as the e-mail)."""
    said = split(text)
    if not said.quotes:
        return _after_a_report(text, today, parse)
    from graph.understand_framed import framed

    if (frame := framed(text)) is not None:
        return frame  # "Dana already took care of this: FW: … please process"
    from graph.understand_clauses import classify_said, customer_named, resolve
    from graph.understand_refs import _extract

    quote = "\n".join(without_sign_off(line) for line in said.quoted.splitlines())
    refs = _extract(quote)
    own = own_words(said)
    if not own:
        return _forwarded_question(said, quote, today, parse)
    if acts_on_quote(said):
        return _acted_on(text, quote, said, today, parse)
    quoted_reading = parse(quote, today)
    if _POINTS_AT.match(own.lower()):
        return _the_quotes_question(text, quoted_reading, said.signer, firm=said.firm)
    changed = quoted_reading.action or quoted_reading.not_asked
    if changed is not None and _APPROVAL_STATE.search(own.lower()):
        from graph.understand import Request

        return Request("approvals_inbox", text=text)  # "you said “proposed: …” - approved?"
    # "it" and "they" in the person's words are what the quote names
    named = [*refs.payments, *(f"invoice {i}" for i in refs.invoices), *refs.orders]
    parts = classify_said(text)
    who = (
        said.signer
        or (
            quoted_reading.customer_text
            if quoted_reading.customer_text and not quoted_reading.guessed
            else None
        )
        # "Frontier Walsh's AP said 'we will pay …' - do they keep promises?": who said it
        or customer_named(parts, today, parse)
    )
    one = named[0] if len(named) == 1 and not _extract(own).invoices else None
    mine = parse(resolve(own, who=who, it=one), today)
    if mine.action is None and not (mine.invoice_refs or mine.maybe_invoices):
        mine = _its_number(mine, own, refs)  # "… said "we'll pay 984 …" is that invoice open"
    if said.inline and mine.action is not None and mine.action.kind == "add_note":
        return None  # "a note on their account saying 'escalate next time'": the note's text
    if (mine.intent != "unknown" and not mine.guessed) or mine.cannot or mine.not_asked:
        return replace(mine, text=text)
    if mine.action is not None:
        return replace(mine, text=text)
    return _the_quotes_question(text, quoted_reading, who, firm=said.firm)


# the person's words speak of an invoice the quote numbers: "is that invoice still open"
_THAT_INVOICE = lazy(r"\b(?:that|this|the|which) (?:invoice|inv|bill|one)\b|\bis it\b")


def _its_number(mine: Request, own: str, refs: Any) -> Request:
    """The reading with the bare numbers the quote says (read as invoices when the ledger has
    them), when the person's own words ask about "that invoice"."""
    from graph.understand_refs import short_invoice_numbers
    from graph.understand_vocab import normalize

    if not _THAT_INVOICE.search(own.lower()):
        return mine
    numbers = short_invoice_numbers(refs.remaining, normalize(own))
    return replace(mine, maybe_invoices=numbers) if numbers else mine


def _after_a_report(
    text: str, today: date, parse: Callable[[str, date], Request]
) -> Request | None:
    """A question asked after someone else's words are reported ("my manager said we should
    probably raise kendall's limit, what is it now?"): the rest is read without the reporter."""
    from graph.understand_clauses import (
        ASKED,
        CALLED_OFF,
        CONDITIONAL,
        classify,
        reported_lead,
        they,
    )
    from graph.understand_vocab import normalize

    lead = reported_lead(text)
    if lead is None:
        return None
    rest = text[lead:]
    parts = classify(normalize(rest))
    if not parts or parts[-1].role != ASKED or not parts[-1].question:
        return None
    if they(parts[-1].text) and any(c.role in (CALLED_OFF, CONDITIONAL) for c in parts):
        # "Cedar Owens said they'd pay on the 30th - not firm yet, what do they owe?": a remark
        # whose "they" may be who said it, read whole ("Priya says Falcon wants a 40k line -
        # what's their c/l?" is not)
        return None
    reading = parse(rest, today)
    if reading.action is not None or reading.intent == "unknown" or reading.guessed:
        return None
    if reading.customer_text is None and they(rest):
        return None  # "heritage's buyer said …, what's open for them?": the reporter is "they"
    return replace(reading, text=text)


def unless_reported(reading: Request, text: str, norm: str) -> Request:
    """A statement shown, unless the words only report someone's wish for one ("fyi luis told
    me bishop & ingram want a copy of their statement"): that is no request (unknown); or ask
    whether to send one: what the customer owes."""
    from graph.understand import Request
    from graph.understand_asked import not_asked

    if reading.intent != "customer_statement":
        return reading
    told = not_asked(text, "send_statement", norm=norm)
    if told is not None and told.reason == "question":
        # "should we send granite a statement?": whether to, asked of what they owe
        return replace(reading, intent="customer_balance")
    if told is None or told.reason not in ("reported", "done"):
        return reading
    return Request("unknown", customer_text=reading.customer_text, text=text)


def _forwarded_question(
    said: Said, quote: str, today: date, parse: Callable[[str, date], Request]
) -> Request | None:
    """A colleague's e-mail forwarded with nothing added: a question about the whole book in it
    is answered ("FW: … Can we get everything past due more than 45 days?"); a customer's
    e-mail is left to be read as one (None)."""
    if not said.forwarded:
        return None
    reading = parse(quote, today)
    if reading.action is not None or reading.intent in ("unknown", "help", "customer_reply"):
        return None
    if reading.customer_text or reading.invoice_refs or reading.not_asked or reading.cannot:
        return None
    return reading


# the whole book's question, asked by a customer of its own account
_ITS_OWN = {
    "total_ar": "customer_balance",
    "aging_report": "customer_balance",
    "over_days": "customer_balance",
    "payments_received": "payment_history",
    "largest_invoices": "customer_balance",
}


def _the_quotes_question(
    text: str, quoted_reading: Request, who: str | None, *, firm: bool
) -> Request | None:
    """The person's words only point at the quote ("thoughts?", "did we get it?", "please
    check"): the quote's question is answered; a change it asks for is not proposed."""
    from graph.understand import Request
    from graph.understand_action_names import NotAsked

    change = quoted_reading.action
    if change is not None or quoted_reading.not_asked is not None:
        kind = change.kind if change is not None else quoted_reading.not_asked.kind  # type: ignore[union-attr]
        customer = who or (change.customer_text if change is not None else None)
        return Request(
            "unknown", customer_text=customer, text=text, not_asked=NotAsked(kind, "quoted")
        )
    if quoted_reading.intent == "unknown" and quoted_reading.cannot is None:
        return None
    intent, one = quoted_reading.intent, quoted_reading.customer_text
    if who and firm and (one or intent in _ITS_OWN):
        # a customer's e-mail speaks of its own account ("We have wired the balance")
        intent, one = _ITS_OWN.get(intent, intent), who
    return replace(quoted_reading, intent=intent, customer_text=one, guessed=False, text=text)


# a decision that refuses the change: nothing of it is acted on
_REFUSED = lazy(r"(?i)^\s*(?:rejected|declined|denied|not approved|refused)\b")
# what an approval is said to hang on, after the change: "… to $12,500 pending financials."
_PENDING = lazy(
    r"(?i)\s+(?:pending|subject to|conditional on|until further notice)\b[^.\n]*(?=[.\n]|$)"
)


def _acted_on(
    text: str, quote: str, said: Said, today: date, parse: Callable[[str, date], Request]
) -> Request | None:
    """The quote's request, which the person's own words ask to act on."""
    if _REFUSED.match(quote):
        from graph.understand import Request

        return Request("unknown", text=text)  # "> Rejected: limit increase to 50k / pls action"
    instruction = _PENDING.sub("", APPROVED.sub("", quote))
    reading = parse(instruction, today)
    if reading.action is not None:
        action = reading.action
        if action.customer_text is None and said.signer:
            action = replace(action, customer_text=said.signer)
        return replace(reading, action=action, text=text)
    if reading.intent == "unknown" or reading.not_asked is not None:
        return reading if reading.intent == "unknown" else None
    from graph.customer_mail import Mail, classify
    from graph.understand import Request
    from graph.understand_actions import ActionRequest

    mail = classify(Mail(None, "", quote), today)
    if mail.kind == "copy_request" and said.signer:
        action = ActionRequest("send_statement", customer_text=said.signer)
        return Request("action_request", text=text, action=action)
    return replace(reading, text=text)
