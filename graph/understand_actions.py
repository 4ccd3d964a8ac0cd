"""Change requests: "write off 45.00 on INV-10319 as pricing", "pls bump falcon's credit line
to 30k", "note for globex: …". Only imperatives become an ActionRequest (a proposal, never a
direct write); questions about an action and attempts to override the rules never do."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from graph import understand_vocab as vocab
from graph.ar.terms import TERMS_WRITTEN, read_terms
from graph.lazy_regex import lazy
from graph.understand_refs import _extract, _name, _Refs


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
    due: date | None = None  # the day a promise to pay is due
    terms: tuple[int, Decimal, int] | None = None  # net days, discount %, discount days


# --- change requests ----------------------------------------------------------------------------
# Clauses; a colon before the value it introduces ("terms for kendall: net 15", "limit for
# acme: 20k") keeps the value in the clause.
_CLAUSES = lazy(
    r"[.!?;,]+(?=\s|$)|:+(?=\s|$)(?!\s*(?:net\b|n\d|\$|\d|eur\b|usd\b|gbp\b|cad\b|due\b))"
    r"|\s-+\s|\s-{2,}|\n+"
)
_POLITE = lazy(
    r"^(?:(?:hi|hey|hello|ok|okay|so|also|and|then|now|team|guys|all|please|kindly|just"
    r"|quickly|asap|can you|could you|would you|will you|would you mind|can i get you to"
    r"|(?:i|we) (?:need|want|would like|'d like|agreed|have|decided)(?: you)? to|i'd like to"
    r"|need(?: you)? to"
    r"|go ahead and|let's|lets)\b[\s,!]*)+"
)
_CAN_WE = lazy(r"^(?:can|could) (?:we|i|you guys) (?=\w)")
_VERB = {
    kind: lazy(pattern)
    for kind, pattern in (
        ("write_off", r"^(?:write ?-?off|writeoff)\b"),
        ("apply", r"^(?:apply|match|post|put|allocate|use|place|cash)\b"),
        (
            "limit",
            r"^(?:set|raise|lower|increase|decrease|reduce|bump|cut|change|make|drop|up|lift"
            r"|extend|update|adjust|move|boost|double|halve|take)\b"
            r".*(?:\b(?:limit|credit ?line|line of credit)\b|\bcredit to \$?\d)",
        ),
        # "globex credit limit 25k pls", "limit globex at 20k": a limit and a figure, said as
        # an order (a question about the limit starts with its question word)
        (
            "limit_said",
            r"^(?!(?:what|whats|how|is|are|was|does|do|did|can|could|should|why|which|who|when"
            r"|where|any|show|list|check)\b)(?:[\w&.'-]+ ){0,5}"
            r"(?:credit ?limit|limit|credit ?line)\b"
            r"(?! (?:report|exceptions?|breach\w*|check|review|status|utili[sz]ation|usage))"
            r".*?(?:\b(?:to|at|=|of)\s*)?\$?\d[\d,.]*\s*[km]?\b\s*(?:please|now|asap)?$",
        ),
        # "set globex terms to net 60", "change northwind payment terms to 2/10 net 30",
        # "move globex to net 60": a change of terms, with the terms written out
        (
            "terms",
            r"^(?:set|change|update|move|switch|put|make|give|extend|shorten|lengthen|offer"
            r"|adjust|modify|bump)\b(?!.*\b(?:limit|credit ?line)\b)"
            r".*(?:\b(?:net|n) ?-?\d{1,3}\b|\bdue (?:up)?on receipt\b)",
        ),
        (
            "release_order",
            r"^(?:release|unblock|unhold)\b(?!.*\bhold\b).*\bso-\d",
        ),
        (
            "hold_off",
            r"^(?:release|lift|remove|clear|take off|drop|end)\b.*\bhold\b"
            r"|^(?:take|get|pull|move)\b.*\boff (?:the )?(?:credit )?hold\b"
            r"|^(?:unblock|unhold|un-hold|unfreeze|unsuspend)\b"
            r"|^release (?:the )?(?:orders?|shipments?) (?:for|of|to)\b",
        ),
        (
            "hold_on",
            r"^(?:put|place|keep|set|move)\b.*\bon (?:credit )?hold\b"
            r"|^(?:put |place |set )?(?:a |the )?(?:credit )?hold (?:on|for)\b"
            r"|^hold (?!on\b|off\b|up\b)(?:[\w&.'-]+ ?){1,6}$"
            r"|^(?!(?:is|are|was|were|why|who|which|what|whats|how|when|any)\b)(?:[\w&.'-]+ )"
            r"{1,5}on (?:credit )?hold (?:please|now|asap|today)$"
            r"|^hold\b(?! on\b)(?! off\b).*\b(?:orders?|shipments?|shipping|deliveries"
            r"|account)\b"
            r"|^(?:block|freeze|suspend|stop (?:all )?(?:shipping|shipments|orders|deliveries)"
            r" (?:to|for))\b",
        ),
        (
            "note",
            r"^(?:add|put|leave|log|make|drop|enter|write|post|attach|jot|save|record|pop)\b"
            r".{0,24}\b(?:note|comment|memo|remark)s?\b"
            r"|^note\b|^log (?:a |the |this |that )?(?:call|conversation|chat|promise|ptp"
            r"|voicemail|vm)\b|^record (?:that|a promise|the promise|a ptp)\b",
        ),
        (
            "reminder",
            r"^(?:send|email|e-mail|mail|shoot|fire off|resend|re-send|forward)\b(?! me\b)"
            r"(?! us\b).*\b(?:reminders?|dunning|past[- ]due (?:notice|letter|email)"
            r"|collections? (?:letter|notice|email)|demand letter|notice)\b"
            r"|^(?:nudge|ping|remind|dun|chase)\b(?! me\b)(?! us\b)(?! myself\b)(?! ?list)"
            r"(?!.*\b(?:agency|legal|lawyers?|attorneys?)\b)"
            # "email globex about 10435", "follow up with initech re INV-10436"
            r"|^(?:email|e-mail|follow up with|follow-up with|reach out to)\b(?! me\b)(?! us\b)"
            r"(?!.*\b(?:statements?|soa|copy|copies|w-?9|agency|legal)\b)"
            r".*\b(?:about|re|regarding|on|for)\b"
            r"|^(?:an? |the )?(?:dunning|reminder|past[- ]due|collections?) (?:letter|notice|email"
            r"|e-mail)s? (?:to|for)\b"
            r"|^(?:an? |the )?(?:final|second|last|first|friendly|gentle) (?:notice|reminder"
            r"|demand)s? (?:to|for)\b",
        ),
    )
}
_MONEY = lazy(
    r"(?<![\w./-])\$?\s?(\d[\d,]*(?:\.\d{1,2})?)\s*(k|m)?\b(?![./-]\d)"
    r"(?!\s*(?:days?|weeks?|months?|years?|hrs?|hours?|%|st\b|nd\b|rd\b|th\b|\+))",
    re.IGNORECASE,
)
_REASONS = tuple(
    (lazy(pattern), code)
    for pattern, code in (
        (r"\bbank (?:fee|charge)s?\b|\bwire (?:fee|charge)s?\b|\bfees?\b|\bbank_fee\b", "bank_fee"),
        (r"\bpric(?:e|es|ing)\b", "pricing"),
        (r"\bshort(?:age|[- ]?ship(?:ped|ment)?)s?\b|\bshort shipped\b", "shortage"),
        (r"\bdamage[ds]?\b|\bbroken\b", "damage"),
        (r"\bpromo(?:tion(?:al)?)?s?\b|\bco-?op\b", "promotion"),
        (r"\bfreight\b|\bshipping (?:cost|charge)s?\b", "freight"),
        (r"\b(?:sales )?tax\b", "tax"),
        (r"\bdiscounts?\b", "discount"),
    )
)
_NOTE_SEPARATOR = lazy(r":(?!\d)|\s[-\u2013\u2014]+\s|\bthat\b|,")
_NOTE_HEAD = lazy(r"\b(?:notes?|comments?|memos?|remarks?|log|record)\b", re.IGNORECASE)
_STATEMENT_VERBS = frozenset(
    """
promised promise promises said says will agreed agree confirmed committed paid pays is are was
has have called sent told asked disputes disputing disputed wants would can cannot they we he
she ap waiting expects expecting plans plan intends going should needs
""".split()
)


def _money(text: str) -> tuple[Decimal | None, re.Match[str] | None]:
    for match in _MONEY.finditer(text):
        try:
            value = Decimal(match.group(1).replace(",", ""))
        except InvalidOperation:
            continue
        if match.group(2):
            value *= 1000 if match.group(2).lower() == "k" else 1_000_000
        return value, match
    return None, None


def _reason(text: str) -> str | None:
    if m := re.search(r"\b(?:as|reason(?: code)?|code|for)\s*[:=]?\s*([a-z_]+)\s*$", text):
        for pattern, code in _REASONS:
            if pattern.search(m.group(1)):
                return code
    for pattern, code in _REASONS:
        if pattern.search(text):
            return code
    return None


def _customer_of(*parts: str) -> str | None:
    """The first of the parts that names someone."""
    for part in parts:
        name, _ = _name(_extract(part).remaining)
        if name:
            return name
    return None


def _note(text: str) -> tuple[str | None, str] | None:
    """(customer words, note text) from the original wording: "note for globex: AP says…",
    "log a call with initech - spoke to AP…", "record that mills promised to pay by…"."""
    head = _NOTE_HEAD.search(text)
    separator = _NOTE_SEPARATOR.search(text, head.end() if head else 0)
    if separator is None:
        who_part, body = text, ""
    else:
        who_part, body = text[: separator.start()], text[separator.end() :].strip()
    customer = _customer_of(who_part)
    if customer is None:
        # "record that mills aerospace promised to pay…": the name opens the statement.
        words = body.split()
        cut = next((i for i, w in enumerate(words) if w.lower().strip(",.") in _STATEMENT_VERBS), 0)
        customer = _customer_of(" ".join(words[:cut]))
    elif not body:
        # "add note to globex they will pay friday": the statement starts at its verb.
        words = who_part.split()
        cut = next(
            (i for i, w in enumerate(words) if i > 2 and w.lower().strip(",.") in _STATEMENT_VERBS),
            len(words),
        )
        body = " ".join(words[cut:])
        customer = _customer_of(" ".join(words[:cut]))
    body = body.strip(" -:,")
    if not body or customer is None:
        return None
    if re.search(r"(?i)\blog (?:a |the )?call\b", who_part):
        body = f"Call: {body}"
    return customer, body


def _action(text: str, norm: str) -> ActionRequest | None:
    """The change asked for, if a clause of the message asks for one: imperatives, however
    politely put ("pls", "can you", "we agreed to … pls process"); never a question about one
    ("should we release…", "how do I write off…"), nor a message that tries to override the
    rules. A note's own text is data: it is not read for commands."""
    action = _asked_action(text, norm)
    if action is None:
        return None
    command = text
    if action.kind == "add_note" and action.text:
        command = text.replace(action.text.removeprefix("Call: "), " ")
    return None if vocab.INJECTION.search(vocab.normalize(command)) else action


def _asked_action(text: str, norm: str) -> ActionRequest | None:
    refs = _extract(text)
    for clause in _CLAUSES.split(norm):
        body = _POLITE.sub("", clause.strip())
        asked = _CAN_WE.match(body)
        if asked:  # "can we …" asks whether, except for a limit set to a figure
            body = body[asked.end() :]
        for kind, pattern in _VERB.items():
            if (asked and kind not in ("limit", "limit_said")) or not pattern.search(body):
                continue
            if (found := _build(kind, body, text, norm, refs, bool(asked))) is not None:
                return found
    return None


def _build(
    kind: str, body: str, text: str, norm: str, refs: _Refs, asked: bool
) -> ActionRequest | None:
    here = _extract(body)
    invoices = tuple(here.invoices or refs.invoices)
    # the words after the verb: "put zebra corp on hold" names "zebra corp"
    named = here.remaining.strip().partition(" ")[2]
    if kind == "write_off":
        if not invoices:
            return None
        amount, _ = _money(here.remaining)
        after = norm[norm.find("write") :] if "write" in norm else norm
        return ActionRequest(
            "write_off_deduction",
            invoice_refs=invoices,
            amount=amount,
            reason_code=_reason(after),
        )
    if kind == "apply":
        payment = (here.payments or refs.payments or [None])[0]
        if payment is None:
            match = re.search(
                r"\b(?:payment|receipt|check|cheque|wire)\s*(?:#|no\.?|id)?\s*"
                r"([a-z]{0,5}-?[a-z]?\d{3,})",
                body,
            )
            if match is None:
                # "apply U00001 to 10222": what is applied, named right after the verb
                match = re.search(
                    r"\bapply\s+(?:the\s+)?([a-z]{0,5}-?[a-z]?\d{3,})\s+(?:to|against|on)\b",
                    body,
                )
            if match is None:
                # "apply globex's unapplied cash to 10435": the customer's unapplied payment
                customer = _customer_of(here.remaining)
                unapplied = re.search(
                    r"\b(?:unapplied|on account|cash|payment|money|credit)\b", body
                )
                if not (invoices and customer and unapplied):
                    return None
                return ActionRequest("apply_payment", customer_text=customer, invoice_refs=invoices)
            payment = match.group(1).upper()
            invoices = tuple(i for i in invoices if i.upper() != payment)
        if not invoices:
            return None
        amount = None
        if found := re.search(r"\bfor\s+(\$?\s?\d[\d,]*(?:\.\d{1,2})?\s*k?)\b", body):
            amount, _ = _money(found.group(1))
        return ActionRequest(
            "apply_payment",
            customer_text=_customer_of(
                re.sub(re.escape(payment), " ", here.remaining, flags=re.IGNORECASE)
            ),
            invoice_refs=invoices,
            payment_ref=payment,
            amount=amount,
        )
    if kind in ("limit", "limit_said"):
        if kind == "limit_said":
            named = here.remaining.strip()
        amount, match = _money(named)
        if amount is None and (
            to := re.search(r"\s(\$?\s?\d[\d,]*(?:\.\d+)?\s*[km]?)\s*(?:please|now|asap)?$", body)
        ):
            amount, _ = _money(to.group(1))  # "… to 80000": read as an invoice number above
        if asked and amount is None:
            return None
        if match and re.search(r"\bby\s*$", named[: match.start()]):
            amount = None  # "raise it by 10k" is no new limit: the agent asks "to what amount?"
        who = named[: match.start()] if match else named
        customer = _customer_of(who)
        if customer is None:
            return None
        return ActionRequest("set_credit_limit", customer_text=customer, amount=amount)
    if kind == "terms":
        terms = read_terms(body)
        if terms is None or invoices:
            return None
        who = named[: found.start()] if (found := TERMS_WRITTEN.search(named)) else named
        customer = _customer_of(who)
        if customer is None:
            return None
        return ActionRequest("set_terms", customer_text=customer, terms=terms)
    if kind == "release_order":
        if not (orders := here.orders or refs.orders):
            return None
        return ActionRequest("set_credit_hold", order_ref=orders[0], on_hold=False)
    if kind in ("hold_on", "hold_off"):
        if kind == "hold_off" and (here.orders or refs.orders) and not _name(named)[0]:
            order = (here.orders or refs.orders)[0]
            return ActionRequest("set_credit_hold", order_ref=order, on_hold=False)
        customer = _customer_of(named) or _customer_of(here.remaining)  # "globex on hold pls"
        if customer is None:
            return None
        return ActionRequest("set_credit_hold", customer_text=customer, on_hold=kind == "hold_on")
    if kind == "note":
        found = _note(text)
        if found is None:
            return None
        customer, note = found
        return ActionRequest("add_note", customer_text=customer, text=note)
    # a reminder: the customer is named in its clause ("send a reminder to northwind") or
    # elsewhere in the message ("chase fabrikam for the overdue invoices - send them a reminder")
    customer = _customer_of(named, refs.remaining)
    if customer is None:
        return None
    return ActionRequest("send_reminder", customer_text=customer, invoice_refs=invoices)


def parse_action(text: str) -> ActionRequest | None:
    """An explicit request for a change ("write off 45.00 on INV-10319 as pricing", "pls bump
    falcon's credit line to 30k"), or None. Attempts to override the rules are never one."""
    return _action(text, vocab.normalize(text))
