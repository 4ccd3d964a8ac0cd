"""Notes in a change request: "note for globex: AP says…", "log a call with initech - spoke to
AP…", "record that mills promised to escalate", "note on INV-10227: …" (the invoice's customer).
A note's text is data: it is never read for commands."""

from __future__ import annotations

import re

from graph.action_request import ActionRequest, _customer_of
from graph.lazy_regex import lazy
from graph.understand_refs import _extract, _Refs
from graph.understand_verbs import POLITE

_NOTE_SEPARATOR = lazy(
    r":(?!\d)|\s[-\u2013\u2014]+\s|\bthat\b|,|\b(?:saying|stating|reading|that says)\b"
    # "put a note on X. customer moving in january": a stop ends the name, not a company's own
    r"|(?<!\bco)(?<!\binc)(?<!\bltd)(?<!\bcorp)(?<!\bllc)(?<!\bplc)(?<!\bpty)\.\s+(?=\S)"
    r"|\s+colon\s+"  # "notate on X colon …": the colon said aloud
)
_NOTE_HEAD = lazy(r"\b(?:notes?|notate|comments?|memos?|remarks?|log|record)\b", re.IGNORECASE)
# the words asking for a note, which name no one: "stick a remark on …"
_NOTE_WORDS = lazy(
    r"\b(?:notes?|notate|comments?|memos?|remarks?|stick|pin|slap|place|file|create|leave"
    r"|(?:pon|ponle|agrega|a[nñ]ade|deja)(?: una)? nota (?:en|a|para))\b",  # Spanish: "pon nota en"
    re.IGNORECASE,
)
# the end of the last clause before the note's verb
_LEAD = lazy(r".*(?:[,;:!?]|(?<!\bco)(?<!\binc)(?<!\bltd)(?<!\bcorp)(?<!\bllc)\.)\s+", re.DOTALL)
_QUOTE_AFTER = lazy(r"\s*:?\s*(?=['\"\u201c\u2018].+['\"\u201d\u2019][.!]?$)", re.DOTALL)
_QUOTED_NOTE = lazy(r"^['\"\u201c\u2018](.+)['\"\u201d\u2019][.!]?$")
_CONTACTED = lazy(
    r"(?i)^(?:(?:i|we) )?(?:called|phoned|rang|emailed|e-mailed|met|spoke (?:to|with)"
    r"|talked (?:to|with)|reached|left (?:a )?(?:vm|voicemail|message) (?:for|with))\s+"
    # "I rang Bishop & Ingram this arvo": the one called, not when
    r"(?P<who>[^,;:.]+?)(?=\s+(?:this|today|yesterday|last|earlier|just now|re|about)\b|[,;:.]|$)"
)
_CALL = lazy(r"(?i)\b(?:call|conversation|chat|voicemail|vm)s? (?:with|to|from)\b")
_NOTE_IT = lazy(
    r"(?:^|[\s,;.\u2013\u2014-]+)(?:(?:please|pls|plz|kindly|can you|could you) )?"
    r"(?:(?:log|note|record|jot|save) (?:it|that|this)(?: down)?|(?:put|stick|pop|add) (?:it|that"
    r"|this))(?: (?:on|to|against|in|onto) (?:the|their|its|his|her) (?:account|file|record"
    r"|notes))?[\s.!?]*$",
    re.IGNORECASE,
)
_JOT = lazy(r"\b(?:jot|note) down\b", re.IGNORECASE)
_STATEMENT_VERBS = frozenset(
    """
promised promise promises said says will agreed agree confirmed committed paid pays is are was
has have called sent told asked disputes disputing disputed wants would can cannot they we he
she ap waiting expects expecting plans plan intends going should needs
""".split()
)


def _note_customer(who_part: str) -> str | None:
    asked = POLITE.sub("", who_part.lower())  # "abeg help me put a note on X: …"
    return _customer_of(_NOTE_WORDS.sub(" ", _CALL.sub(" ", _JOT.sub(" ", asked))))


def _note(text: str) -> tuple[str | None, str] | None:
    """(customer words, note text) from the original wording: "note for globex: AP says…",
    "log a call with initech - spoke to AP…", "record that mills promised to pay by…"."""
    head = _NOTE_HEAD.search(text)
    separator = _NOTE_SEPARATOR.search(text, head.end() if head else 0)
    if head is not None and (quote := _QUOTE_AFTER.match(text, head.end())) is not None:
        separator = quote  # "tate eng: note 'PTP verbal only, not confirmed'": the quote whole
    if separator is None:
        who_part, body = text, ""
    else:
        who_part, body = text[: separator.start()], text[separator.end() :].strip()
    customer = None
    if head is not None and (lead := _LEAD.search(text[: head.start()])) is not None:
        # "For the audit trail, please note on X: …", "… in writing. Log a note on X that …":
        # the clause asking for the note names its customer, not the remark before it
        customer = _note_customer(who_part[lead.end() :])
    # "add a remark on Tate Engineering's account": the note's own noun names no one
    customer = customer or _note_customer(who_part)
    if customer is None and separator is not None and _extract(who_part).invoices:
        # "note on PK-200: buyer change, …": the note is on what the head names, an invoice or a
        # customer's id, which only the ledger tells apart (graph.agent.customer_ids)
        return None
    if customer is None and (contact := _CONTACTED.match(body)):
        # "log: called abbott furniture, spoke to accounts …": the one called is the customer
        customer = _customer_of(contact.group("who"))
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
    body = re.sub(r"^that\s+(?=\S)", "", body.strip(" -:,"))  # "… stating that the AP …"
    if quoted := _QUOTED_NOTE.match(body):
        body = quoted.group(1)  # "saying 'escalate to sales VP next time'.": the words quoted
    if not body or customer is None:
        return None
    if re.search(r"(?i)\blog (?:a |the )?call\b", who_part):
        body = f"Call: {body}"
    return customer, body


def _noted_apart(text: str) -> ActionRequest | None:
    """ "called ironclad AP today, 10297 is in their next run - pls log it on the account": the
    other clauses are the note, the one called (or the name opening them) its customer."""
    cut = _NOTE_IT.search(text)
    if cut is None or cut.start() == 0:
        return None
    said = text[: cut.start()].strip(" -,;:.\u2013\u2014")
    contact = _CONTACTED.match(said)
    words = contact.group("who") if contact else said.split(",")[0]
    customer = _customer_of(words)
    if not said or customer is None:
        return None
    return ActionRequest("add_note", customer_text=customer, text=said)


def _add_note(text: str, refs: _Refs) -> ActionRequest | None:
    if (apart := _noted_apart(text)) is not None:
        return apart
    found = _note(text)
    if found is not None:
        customer, note = found
        return ActionRequest("add_note", customer_text=customer, text=note)
    if not refs.invoices:
        return None
    # "note on INV-10227: customer asked for a copy of the POD": the invoice's customer's note
    separator = _NOTE_SEPARATOR.search(text)
    body = text[separator.end() :].strip(" -:,") if separator else ""
    if not body:
        return None
    return ActionRequest("add_note", invoice_refs=tuple(refs.invoices), text=body)
