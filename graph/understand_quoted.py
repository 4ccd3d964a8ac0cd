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

``split`` takes a message apart; ``read`` is the parser's reading of a message that quotes
(``graph.understand.parse`` calls it first); ``graph.understand_asked.not_asked`` holds the same
rule for every proposal, whoever read the message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy

if TYPE_CHECKING:
    from graph.understand import Request

_QUOTE_LINE = lazy(r"^\s*>")
_HEADER_LINE = lazy(r"(?i)^\s*(?:from|sent|to|cc|bcc|subject|date|reply-to)\s*:\s*\S")
_SUBJECT_LINE = lazy(r"(?i)^\s*(?:fwd?|re|aw|wg)\s*:")
_DASHES = lazy(r"^\s*--\s*\S*")
# words in quotation marks: straight or curly double quotes, or single quotes that are not
# apostrophes ("heritage's buyer said 'send us the statement' - …")
_QUOTED_SPAN = lazy(
    r"\"([^\"\n]+)\"|\u201c([^\u201d\n]+)\u201d|(?<!\w)'((?:[^'\n]|'(?=\w))+?)'(?!\w)"
)
# a sign-off and the name after it: "Regards, Tate Engineering", "Thanks, Heritage Garden AP"
_SIGN_OFF = lazy(
    r"(?i)(?:^|(?<=[.!?])\s+|\s{2,})(?P<off>kind regards|best regards|warm regards|regards"
    r"|thanks|thank you|many thanks|cheers|sincerely|best)\s*[,:-]?\s+(?P<who>[^\n]{2,60})$"
)
_BARE_SIGN_OFF = lazy(
    r"(?i)^\s*(?:kind regards|best regards|regards|thanks|thank you|many thanks|cheers|ty|thx"
    r"|sincerely|best)\s*[,.!]*\s*$"
)
# what follows a signer's name that is not part of it: "Tate Engineering AP", "Tom (FP&A)"
_ROLE = lazy(
    r"(?i)\s*(?:\([^)]*\)|\|.*|\b(?:ap|a/p|ar|accounts payable|accounts receivable|accounts"
    r"|payables|finance|treasury|team|dept|department)\b)\s*$"
)
_GREETING = lazy(
    r"(?i)^\s*(?:(?:hi|hey|hello|dear|morning|good (?:morning|afternoon|evening))\b[\s,!]*"
    r"(?:arbot|team|all|there|sir/madam|sir|madam)?[\s,!:]*)+"
)

# The person's own words ask to act on what they quote: "please process", "pls action", "can
# you send it to them", "go ahead", "do it", "do the needful"
ACT_ON_IT = lazy(
    r"^(?:(?:hey|hi|ok|okay|so|fine|approved|agreed|yes)\b[\s,!.]*)*"
    r"(?:(?:please|pls|plz|kindly|can you|could you|can u|could u|would you|will you"
    r"|go ahead and|pl)\b\s*)*"
    r"(?:process|action|actioned|do|handle|execute|proceed(?: with)?|go ahead(?: with)?"
    r"|take care of|sort(?: out)?|deal with|book|post|apply|send|forward|raise|record|log"
    r"|make|set(?: it| this| that| them)? up|put(?: it| this| that| them)? through|carry out"
    r"|do the needful|e-?mail|mail"
    r"|update|change|amend|adjust|implement|arrange)"
    # "pls action the Litware limit change per the above": the change the quote approves
    r"(?: the (?:[\w&.'-]+ ){0,4}?(?:change|request|update|increase|decrease|reduction"
    r"|revision|hold|release|write-?off|application|adjustment)s?)?"
    r"(?: (?:it|this|that|these|those|them|the same|this one|that one|one|a copy|accordingly"
    r"|as requested"
    r"|(?:as )?per (?:the )?(?:mail|e-?mail|below|above)|the request|the above|the below|below"
    r"|above))*"
    r"(?: (?:over|across|out|through|on))?(?: (?:to|for) (?:them|the customer|him|her|me|us))?"
    r"(?: (?:pls|please|asap|now|today|thanks|thank you|ty|thx|ta|cheers|when (?:you|u) get a"
    r" (?:sec|second|minute|chance)))*\s*[.!?]*$"
)


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


@dataclass(frozen=True)
class Said:
    """A message taken apart: the person's own words and the words they quote."""

    own: str  # quote lines, headers, quoted spans and signatures taken out ("that" for a span)
    quoted: str  # the quote lines (without "> "), the forwarded body and the quoted spans
    signer: str | None = None  # the name a quoted mail is signed with, without its role
    firm: bool = False  # a company signed it (a customer), not a person
    inline: bool = False  # all that is quoted is in quotation marks inside the own words
    forwarded: bool = False  # a FW:/header block: the quote is a forwarded e-mail

    @property
    def quotes(self) -> bool:
        return bool(self.quoted.strip())


# a company signs, not a person: "Initech LLC", "Tate Engineering AP" (its payables team)
_FIRM = lazy(
    r"(?i)\b(?:ap|a/p|accounts payable|payables|llc|inc|corp|corporation|co|ltd|limited|plc"
    r"|gmbh|group|company|holdings|industries)\b\.?\s*$"
)


def _signer(lines: list[str]) -> tuple[str | None, bool]:
    """The name a quoted mail is signed with, and whether a company signed it."""
    for line in reversed(lines):
        found = _SIGN_OFF.search(line.strip())
        if found is not None:
            who = found.group("who").strip(" .,;-")
            firm = bool(_FIRM.search(who))
            while (shorter := _ROLE.sub("", who).strip(" .,;-")) != who:
                who = shorter
            return who or None, firm
    return None, False


def _without_sign_off(line: str) -> str:
    found = _SIGN_OFF.search(line)
    return line if found is None else line[: found.start("off")].strip()


def split(text: str) -> Said:
    """The person's own words and what they quote (see the module's docstring)."""
    lines = text.splitlines()
    filled = [n for n, line in enumerate(lines) if line.strip()]
    own: list[str] = []
    quoted: list[str] = []
    forwarded = False
    has_quote_lines = any(_QUOTE_LINE.match(line) for line in lines)
    in_forward = in_signature = False
    for n, line in enumerate(lines):
        if not line.strip():
            in_signature = False
            continue
        if len(filled) > 1 and n == filled[0] and _SUBJECT_LINE.match(line):
            forwarded = True
            continue  # the forward's subject: neither a request nor data to read
        if _QUOTE_LINE.match(line):
            quoted.append(re.sub(r"^\s*>+\s?", "", line))
            continue
        if _HEADER_LINE.match(line):
            forwarded = True
            in_forward = not has_quote_lines  # an unmarked forwarded body follows the headers
            continue
        if (_DASHES.match(line) and quoted) or _DASHES.fullmatch(line.strip()):
            in_signature = True
            quoted.append(line)
            continue
        if in_forward or in_signature:
            quoted.append(line)
            continue
        own.append(line)
    signer, firm = _signer(quoted)
    said = "\n".join(own)
    spans = [] if _BANK_TEXT.search(said) else list(_QUOTED_SPAN.finditer(said))
    spans = [m for m in spans if _a_quote(next(g for g in m.groups() if g))]
    for match in reversed(spans):
        quoted.insert(0, next(g for g in match.groups() if g))
        said = said[: match.start()] + "that" + said[match.end() :]
    inline = bool(spans) and len(quoted) == len(spans)
    quote = "\n".join(quoted).strip()
    return Said(said.strip(), quote, signer, firm=firm, inline=inline, forwarded=forwarded)


# a payment's reference or a bank line's text is quoted to be looked up, not as anyone's words
_BANK_TEXT = lazy(
    r"(?i)\b(?:ref|reference|memo|narrative|wire|bank|remit\w*|deposit|lockbox|description"
    r"|reads|payment text)\b"
)


def _a_quote(words: str) -> bool:
    """Words in quotation marks that are someone's saying, not a name or a term ("put
    "Acme Industrial" on hold"): three words or more."""
    return len(words.split()) >= 3


def own_words(said: Said) -> str:
    """The person's own words without a greeting or a sign-off alone on a line."""
    kept = [
        line
        for line in said.own.splitlines()
        if not _BARE_SIGN_OFF.match(line) and not _SIGN_OFF.match(line.strip())
    ]
    return _GREETING.sub("", "\n".join(kept)).strip(" \n,;:-")


def acts_on_quote(said: Said) -> bool:
    """Whether the person's own words only ask to act on what they quote."""
    own = own_words(said)
    return bool(own) and all(
        ACT_ON_IT.match(part.strip().lower()) for part in re.split(r"[\n.;]+", own) if part.strip()
    )


# an "approved to" or "ok to" before the change an approver wrote: the change is what was okayed
APPROVED = lazy(r"(?i)^\s*(?:approved|ok|okay|agreed|authori[sz]ed)\s*(?:to|:|-|,)?\s*")


def read(text: str, today: date, parse: Callable[[str, date], Request]) -> Request | None:
    """The reading of a message that quotes, forwards or signs off another's words, or None
    when it does not (or says nothing of its own: a pasted e-mail is read as the e-mail)."""
    said = split(text)
    if not said.quotes:
        return _after_a_report(text, today, parse)
    from graph.understand_clauses import classify_said, customer_named, resolve
    from graph.understand_refs import _extract

    quote = "\n".join(_without_sign_off(line) for line in said.quoted.splitlines())
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
    if said.inline and mine.action is not None and mine.action.kind == "add_note":
        return None  # "a note on their account saying 'escalate next time'": the note's text
    if (mine.intent != "unknown" and not mine.guessed) or mine.cannot or mine.not_asked:
        return replace(mine, text=text)
    if mine.action is not None:
        return replace(mine, text=text)
    return _the_quotes_question(text, quoted_reading, who, firm=said.firm)


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
    from graph.understand_asked import NotAsked

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
