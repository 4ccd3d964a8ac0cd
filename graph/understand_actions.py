"""Change requests: "write off 45.00 on INV-10319 as pricing", "pls bump falcon's credit line
to 30k", "note for globex: …". Only imperatives become an ActionRequest (a proposal, never a
direct write); questions about an action and attempts to override the rules never do."""

from __future__ import annotations

import re
from dataclasses import replace

from graph import understand_vocab as vocab
from graph.action_request import ActionRequest as ActionRequest
from graph.action_request import _customer_of as _customer_of
from graph.action_request import _reason as _reason
from graph.ar.terms import TERMS_WRITTEN, read_terms
from graph.lazy_regex import lazy
from graph.understand_apply import MAYBE_INVOICE, apply, maybe_invoices
from graph.understand_clauses import STATE_ASKED, TAKEN_BACK, THE_CHANGE
from graph.understand_esl import esl
from graph.understand_limit import FROM_TO as _FROM_TO
from graph.understand_limit import limit as _limit
from graph.understand_limit import limit_elsewhere as _limit_elsewhere
from graph.understand_money import corrected, currency
from graph.understand_money import money as _money
from graph.understand_notes import _add_note
from graph.understand_refs import _extract, _name, _Refs, customer_id
from graph.understand_relayed import relayed
from graph.understand_restated import restated
from graph.understand_terms import CASH_ON_DELIVERY, days_terms, terms_elsewhere
from graph.understand_terse import command as field_command
from graph.understand_verbs import (
    ASKED_KINDS,
    ASKING_YOU,
    CAN_WE,
    DAYS_TERMS,
    NOW_WORDS,
    POLITE,
    SELF_MEMO,
    VERB,
)
from graph.understand_verbs import clauses as _clauses


def _action(text: str, norm: str) -> ActionRequest | None:
    """The change asked for, if a clause of the message asks for one: imperatives, however
    politely put ("pls", "can you", "we agreed to … pls process"); never a question about one
    ("should we release…", "how do I write off…"), nor a message that tries to override the
    rules. A note's own text is data: it is not read for commands."""
    if SELF_MEMO.match(norm):
        return None
    if (said := field_command(norm)) is not None:
        return _action(said, vocab.normalize(said))  # "contoso west | hold"
    text, norm = restated(text), restated(norm)  # "to COD... i mean net 7": "to net 7"
    if (off := TAKEN_BACK.search(norm)) is not None:
        # "put X on hold no wait scratch that never mind": called off in the same breath; only
        # a change asked after it is asked ("… scratch that, put Y on hold")
        rest = norm[off.end() :].strip()
        return _action(rest, rest) if rest else None
    action = _asked_action(text, norm)
    if action is None:
        return None
    if action.kind != "send_statement" and _EVERYONE.search(norm):
        return None  # "set every customer on net 30 in bulk": no one customer's change (cannot)
    command = text
    if action.kind == "add_note" and action.text:
        command = text.replace(action.text.removeprefix("Call: "), " ")
    return None if vocab.INJECTION.search(vocab.normalize(command)) else action


def _asked_action(text: str, norm: str, *, relaying: bool = False) -> ActionRequest | None:
    if _TAG_QUESTION.search(norm):
        return None  # "falcon limit should be 40k, right?": asks to be told, not for the change
    refs = _extract(text)
    state = STATE_ASKED.search(norm)
    for clause, question in _clauses(norm):
        body = POLITE.sub("", clause.strip())
        if (topic := _TOPIC.match(body)) and (them := _THEM.search(body, topic.end())):
            # "for kendall paper kindly move them to net 30": "them" is the one the topic names
            who = topic.group("who")
            body = POLITE.sub("", f"{body[topic.end() : them.start()]}{who}{body[them.end() :]}")
        if (plain := esl(clause.strip(), question, norm)) is not None:
            body, question = POLITE.sub("", plain), False  # "is possible to …? I need it today"
        if question and not ASKING_YOU.match(clause.strip()):
            continue  # "no more shipments to globex?" asks; "can you put … on hold?" requests
        if state and THE_CHANGE.match(clause.strip()):
            continue  # "the write off for X – is it approved yet?": its state asked, not it
        if question and (ADVICE.search(clause) or _OFFER.match(clause.strip())):
            continue  # "would you raise pinnacle's limit given how they pay?": advice asked
        asked = CAN_WE.match(body)
        if asked:  # "can we …" asks whether: see graph.understand_verbs
            body = body[asked.end() :]
        for kind, pattern in VERB.items():
            if (asked and kind not in ASKED_KINDS) or not pattern.search(body):
                continue
            if (found := _build(kind, body, text, norm, refs, bool(asked))) is not None:
                if found.customer_text is None and (agreed := _AGREED_WITH.match(clause.strip())):
                    # "we agreed with wells & wagner to increase their limit to 15k": the one
                    # agreed with is the customer the change is for
                    found = replace(found, customer_text=_customer_of(agreed.group(1)))
                if found.customer_text is None and _THEIR.search(body) and not found.invoice_refs:
                    # "since initech has paid on time, raise their limit to 12k": "their" is
                    # the customer named in another clause of the message
                    rest = _extract(" ".join(c for c, _ in _clauses(norm) if c != clause))
                    # "we got the guarantee from initech. … their limit": the one it came from
                    source = _FROM_WHOM.match(rest.remaining)
                    who = _customer_of(source.group(1)) if source else None
                    found = replace(found, customer_text=who or _customer_of(rest.remaining))
                return with_correction(found, norm)
    if (found := terms_elsewhere(norm) or _limit_elsewhere(norm)) is not None:
        return found
    # "I've been asked to put X on stop - can you do that for me?": relayed with a go-ahead
    return None if relaying else relayed(norm, lambda t, n: _asked_action(t, n, relaying=True))


_PER_AGREEMENT = lazy(
    r"\b(?:per|as per|as|under) (?:the |our |a |their |new |revised |latest )*(?:agreement|agreed"
    r"|contract|e-?mail|mail|call|approval|request|discussion|conversation)(?: amendment)?\b"
)
_EVERYONE = lazy(
    r"\b(?:every|all)(?: (?:the|our|of (?:the|our)))? (?:customers|customer|accounts|debtors"
    r"|clients)\b(?! (?:of|at|in) )|\bin bulk\b"
)
# "would you raise pinnacle's limit given how they pay?": an opinion asked, not a change
ADVICE = lazy(
    r"^(?:would|should|do) (?:you|we)\b(?!.*\bplease\b)"
    r".*\b(?:given|considering|in light of|in view of|based on)\b"
)
# "would you like that I raise …?", "do you want me to put …?": an offer, asked back
_OFFER = lazy(r"^(?:would|do) you (?:like|want) (?:that (?:i|we)|me to|us to|if (?:i|we))\b")
_FROM_WHOM = lazy(r"^.*\b(?:from|with)\s+((?:[\w&.'-]+\s?){1,5})\s*$")
_TAG_QUESTION = lazy(
    r"[,-]\s*(?:right|correct|is that right|is that correct|isn't it|is it|no|yeah|yes|true"
    r"|(?:should|is|are|do|does|did|has|have|was|were|can|will|would)(?: not|n't) "
    r"(?:they|it|we|he|she|you))\s*\?+\s*$"
)
_THEIR = lazy(r"\b(?:their|them|they|its)\b")
# "for X kindly …", "re X, please …", "wrt X - pls …": the customer named first, as a topic
_TOPIC = lazy(
    r"^(?:for|re|regarding|wrt|w\.r\.t\.?|as for|as regards) (?P<who>(?:[\w&.'-]+ ){0,4}?[\w&.'-]+)"
    r"\s*[,:-]?\s*(?=(?:kindly|please|pls|plz|pl)\b)"
)
_THEM = lazy(r"\b(?:them|their account)\b")
_AGREED_WITH = lazy(r"^(?:i|we)(?: have|'ve)? agreed (?:with|w/) ((?:[\w&.'-]+ ){1,4}?)to\b")


def with_correction(action: ActionRequest, norm: str) -> ActionRequest:
    """ "… to 15.000 EUR... sorry USD 15,000": the amount said after a correction is meant."""
    if action.amount is None or (fixed := corrected(norm)) is None:
        return action
    amount, written = fixed
    return replace(action, amount=amount, currency=written or action.currency)


_NOT_A_CUSTOMER = lazy(
    r"(?:all |the |our |any |further )*(?:reminders?|dunning|chasing|chasers?|collections? "
    r"(?:e-?mails?|letters?|calls?)|statements?|e-?mails?|letters?|inv(?:oice)?s?\b|inv-?\d"
    r"|#?\d{3,})\b"
)
_PASSIVE = lazy(r"\s(?:is |are )?(?:to be|needs to be|must be|has to be|can be|may be)\s")
_NOW_WORDS = lazy(rf"\b{NOW_WORDS}\b")
# what a write-off of a customer without an invoice names: "globex entirely", "all of …"
_WHOLE = lazy(
    r"\b(?:entirely|in full|completely|whole|all|balances?|account|everything|remaining"
    r"|residual|rest)\b"
)
# "the hold on globex, why?": the hold as a noun (not "can you block X from new orders?")
_NOUN_HOLD = lazy(
    r"^(?:(?:a |the )(?:credit )?(?:hold|stop|block)\b|(?:credit )?(?:hold|stop|block)"
    r" (?:on|for|of)\b)"
)
# a login, a user or a web portal blocked or unblocked: no customer's credit (cannot)
_ACCESS = lazy(
    r"\b(?:my|our|his|her) (?:own )?(?:account|login|user|access)\b|\b(?:password|log-?in|portal"
    r"|website|web ?shop|online (?:ordering|store|shop)|user (?:account|id))\b"
)
_ENTIRELY = lazy(r"\b(?:entirely|in (?:its|their) entirety|completely|altogether)\b")
_UNTIL = lazy(r"\b(?:until|till|til|unless|pending)\b.*$")
_VERBLESS_HOLD = lazy(r"^(?!(?:put|place|keep|set|move|hold|take|get|pull)\b)[\w&.' -]+ on \S+")
_STOPPED = lazy(
    r"^(?:all )?(?:shipping|shipments|orders|deliveries|supplies|supplying|supply)(?: to| for)?"
    r"(?:\s+|$)"
)
_STOP_VERB = lazy(
    r"\b(?:stop|block|freeze|suspend)\s+(?:all )?(?:shipping|shipments|orders|deliveries|supplies"
    r"|supplying|supply)\b",
    re.IGNORECASE,
)
_WHEN_HELD = lazy(
    r"\b(?:with )?immediate effect\b"
    r"|\b(?:for now|immediately|effective (?:today|immediately|now))\b"
    r"|\bfor (?:further |any |new )?(?:supplies|deliveries|orders|shipments)\b"
)
# "X: …", "X - …", "X → change to net 45": the name said first
_LEAD_NAME = lazy(r"^([\w&.' ]{2,40}?)\s*(?::|\s-+\s|\s(?:\u2192|->|=>)\s)")
_NAME_FIRST = lazy(
    r"^(?P<who>(?:[\w&.'-]+ ){1,5})(?:needs|has to get|must get|to get|is due) (?:a|an|another)\b"
)
_REMINDER_WORDS = lazy(
    r"\b(?:final|second|last|first|friendly|gentle|polite|quick|payment|past due|overdue"
    r"|dunning|letters?|notices?|reminders?|chasers?|e-?mails?)\b"  # "send dunning letters?"
    r"|\b(?:level|lvl) ?\d\b|\bl\d\b"  # "dunning letter lvl 1 to X": the letter's level
    r"|\b(?:today|now|tomorrow|immediately) itself\b"  # "… to X today itself": today
)


def _build(
    kind: str, body: str, text: str, norm: str, refs: _Refs, asked: bool
) -> ActionRequest | None:
    here = _extract(body)
    # "put MT-300 on hold": an id with a letter prefix other than INV may be the customer's
    ids = tuple(found for r in here.invoices if (found := customer_id(r)))
    fallback = ids[0] if ids else None
    invoices = tuple(here.invoices or refs.invoices)
    # the words after the verb: "put zebra corp on hold" names "zebra corp"
    named = here.remaining.strip().partition(" ")[2]
    if first := _NAME_FIRST.match(body):
        named = first.group("who")  # "jensen beverages needs a reminder": the name opens it
    if kind in ("write_off", "apply") and not (
        here.invoices or here.payments or re.search(r"\d", here.remaining)
    ):
        # "… 154.89 on 10295 - write it off pls", "… is for 10186, can you apply it": the
        # clause names the change; its amount and references are said elsewhere in the message
        body, here = vocab.normalize(refs.remaining), refs
    if kind == "write_off":
        return _write_off(here.remaining, norm, invoices)
    if kind == "apply":
        return apply(body, here, refs, invoices)
    if kind in ("limit", "limit_said", "limit_to"):
        said = "limit_said" if kind == "limit_to" else kind  # the figure follows "go … to"
        if fallback is None and (lead := _LEAD_NAME.match(norm)) and lead.group(1) not in body:
            # "Abbott Furniture - revised credit limit GBP 80,000 w.e.f. today": the name first
            fallback = _customer_of(lead.group(1))
        return _limit(said, body, here.remaining, named, asked, fallback)
    if kind in ("terms", "terms_said"):
        if fallback is None and (lead := _LEAD_NAME.match(norm)) and lead.group(1) not in body:
            # "Meridian Tool & Die: change payment terms to net 30": the name first
            fallback = _customer_of(lead.group(1))
        changed = _FROM_TO.search(body)  # "from net 30 to net 60": the terms after "to"
        terms = read_terms(body[changed.end() :] if changed else body) or days_terms(body)
        if terms is None or [i for i in invoices if i.upper() not in ids]:
            return None
        who = here.remaining.strip() if kind == "terms_said" else named
        if passive := _PASSIVE.search(who):
            who = who[: passive.start()]  # "initech to be moved to net 45"
        customer = _terms_customer(who) or fallback
        if customer is None and re.search(r"\b(?:them|they|their|it|its)\b", who):
            # "falcon hardware - switch them to 45 day terms": the name said before the change
            customer = _terms_customer(vocab.normalize(refs.remaining))
        if customer is None:
            return None
        return ActionRequest("set_terms", customer_text=customer, terms=terms)
    orders = here.orders or refs.orders
    if kind in ("hold_order", "decline_order", "release_order"):
        if not orders:
            return None
        if kind == "release_order":
            return ActionRequest("set_credit_hold", order_ref=orders[0], on_hold=False)
        return ActionRequest(kind, order_ref=orders[0], customer_text=_customer_of(named))
    if kind == "release_orders_of":
        return ActionRequest("release_order", customer_text=_customer_of(named))
    if kind in ("hold_on", "hold_off") and _NOT_A_CUSTOMER.match(body.partition(" ")[2]):
        return None  # "put the reminders for globex on hold": dunning, not credit (cannot)
    if kind in ("hold_on", "hold_off") and _ACCESS.search(body):
        return None  # "unblock my account in the ERP", "block X from the ordering portal"
    if kind in ("hold_on", "hold_off") and "?" in norm and _NOUN_HOLD.match(body):
        return None  # "the hold on globex, why?": a question about the hold
    if kind in ("hold_on", "hold_off"):
        # "stop supplying kendall paper": the customer after what is stopped
        named = _WHEN_HELD.sub(" ", _STOPPED.sub("", named))  # "… for further supplies"
        named = _UNTIL.sub(" ", named)  # "… until they catch up": when it ends, no name
        here.remaining = _WHEN_HELD.sub(" ", _STOP_VERB.sub(" ", here.remaining))
        if passive := _PASSIVE.search(here.remaining):
            named = here.remaining[: passive.start()]  # "globex to be put on hold"
        elif _VERBLESS_HOLD.match(body):
            # "kendall paper on stop please": the name opens it ("… til 10229 paid": how long)
            named = _UNTIL.sub(" ", here.remaining)
        if kind == "hold_off" and orders and not _name(named)[0]:
            return ActionRequest("set_credit_hold", order_ref=orders[0], on_hold=False)
        customer = _customer_of(named) or _customer_of(here.remaining)  # "globex on hold pls"
        # "put HW-101 on credit block, the 983 residual is aging": the id in the clause first
        customer = customer or fallback
        if customer is None and not orders:
            # "globex has paid, lift the hold", "… release them from hold"
            customer = _customer_of(_STOP_VERB.sub(" ", refs.remaining))
        customer = customer or fallback
        if customer is None:
            return None
        return ActionRequest("set_credit_hold", customer_text=customer, on_hold=kind == "hold_on")
    if kind == "note":
        return _add_note(text, refs)
    # a reminder: the customer is named in its clause ("send a reminder to northwind") or
    # elsewhere in the message ("chase fabrikam for the overdue invoices - send them a reminder")
    named = _REMINDER_WORDS.sub(" ", re.sub(r"^ahead with\b.*", " ", named))  # "go ahead with a …"
    lead = _LEAD_NAME.match(norm)  # "fabrikam: go ahead with a reminder …": the name first
    customer = _customer_of(named) or (lead and _customer_of(lead.group(1)))
    customer = customer or _customer_of(_REMINDER_WORDS.sub(" ", refs.remaining))
    if customer is None and fallback is not None:
        customer, invoices = fallback, tuple(i for i in invoices if i.upper() != fallback)
    if customer is None and invoices:
        # "send a reminder for INV-10222": the invoice's customer (graph.requests finds it)
        return ActionRequest("send_reminder", invoice_refs=invoices)
    if customer is None:
        return None
    return ActionRequest(
        "send_reminder",
        customer_text=customer,
        invoice_refs=invoices,
        maybe_invoices=() if invoices else maybe_invoices(here.remaining),
    )


def _terms_customer(words: str) -> str | None:
    words = _NOW_WORDS.sub(" ", TERMS_WRITTEN.sub(" ", DAYS_TERMS.sub(" ", words)))
    words = re.sub(r"\b(?:instead of|rather than|not)\b.*$", " ", words)  # "… instead of net 60"
    words = _PER_AGREEMENT.sub(" ", words)  # "… to net 45 per new agreement"
    words = CASH_ON_DELIVERY.sub(" ", words)  # "switch X to COD"
    return _customer_of(re.sub(r"\b(?:payment|terms?|conditions?|days?|net|n|onto)\b", " ", words))


def _write_off(remaining: str, norm: str, invoices: tuple[str, ...]) -> ActionRequest | None:
    maybe = () if invoices else maybe_invoices(remaining)
    if not invoices and not maybe:
        # "write off globex entirely": a write-off, of no invoice yet (the agent asks which)
        if not _WHOLE.search(remaining):
            return None  # "write off policy", "write-off threshold": no write-off asked
        customer = _customer_of(_WHOLE.sub(" ", remaining))
        return ActionRequest("write_off_deduction", customer_text=customer) if customer else None
    # "write off meridian's 140 on 987": the number after "on" is the invoice, not the amount
    amount, match = _money(MAYBE_INVOICE.sub(" ", remaining) if maybe else remaining)
    if amount is None and _ENTIRELY.search(norm):
        return None  # "write off INV-000987 entirely": the whole invoice, bad debt (cannot)
    after = norm[norm.find("write") :] if "write" in norm else norm
    return ActionRequest(
        "write_off_deduction",
        invoice_refs=invoices,
        maybe_invoices=maybe,
        amount=amount,
        currency=currency(match),
        reason_code=_reason(after) or _reason(norm),  # "… 719.32 pricing deduction, ok to w/o"
    )


def parse_action(text: str) -> ActionRequest | None:
    """An explicit request for a change ("write off 45.00 on INV-10319 as pricing", "pls bump
    falcon's credit line to 30k"), or None. Attempts to override the rules are never one."""
    return _action(text, vocab.normalize(text))
