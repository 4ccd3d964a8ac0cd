"""A payment named by the words its bank line or remittance carries ("the payment with ref INV
I0278", "whose wire was 'PAYMENT 9390.20 THANK YOU'"): taken whole, before references are read,
so its words are not read as invoices, POs or a name (``graph.understand_refs._extract``)."""

from __future__ import annotations

import re

from graph.lazy_regex import lazy

# A payment named by its bank reference: "the payment with ref INV I0278", "who sent the wire
# reference PMT FOR PO 4500212471", "whose wire was 'PAYMENT 9390.20 THANK YOU'". Read only when
# a payment word is in the message; the reference is taken whole (what follows "ref" to the end,
# or what is quoted), so its words are not read as invoices, POs or a name.
_PAYMENT_NOUN = lazy(
    r"\b(?:payments?|pmts?|wires?|ach|checks?|cheques?|remittances?|deposits?|receipts?"
    r"|transfers?|paid|sent|came|remit|bank line|bank text|bank ref(?:erence)?|money)\b",
    re.IGNORECASE,
)
# the question after the reference is not part of it: "ref INV I0278 - which customer?"
_ASKED_AFTER = (
    # "… reference 4500212471 on it, who was that from": where the reference is written
    r"(?:(?:\s+(?:on|in) (?:it|them|the (?:line|payment|wire|receipt|memo)))?"
    r"\s*[-\u2013\u2014,;:]?\s*(?:who|whose|whom|which|what|where|from whom|from which|from what"
    r"|any idea|can you"
    r"|do we know)\b[^\n]*)"
)
_REFERENCE_TEXT = lazy(
    r"\b(?:bank\s+)?(?:ref(?:erence)?|memo)\b\.?\s*(?:#|no\.?)?\s*[:#]?\s*"
    r"['\"\u201c\u2018]?(?P<ref>[^'\"\u201d\u2019?!]{3,60}?)['\"\u201d\u2019]?"
    rf"{_ASKED_AFTER}?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# what a bank line or a remittance "says", asked whose it is: "the remit reads ACME 4471 - whose
# is it", "bank text shows PAYMENT NOV, who sent that"
_SAYS_REFERENCE = lazy(
    r"\b(?:bank (?:line|text|narrative|description|entry)|remit(?:tance)?(?: advice)?|narrative"
    r"|statement line|lockbox line|payment|wire|deposit|check|cheque)\s+(?:says|reads|shows|states"
    # "the remit came thru as RMR*IV*10315 - who's that"
    r"|(?:came|comes|coming|showed|shows|turned) (?:thru|through|in|up) as|(?:is|was) showing as)"
    r"\s*:?\s*"
    r"['\"\u201c\u2018]?(?P<ref>[^'\"\u201d\u2019?!]{3,60}?)['\"\u201d\u2019]?"
    rf"{_ASKED_AFTER}\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# a payment by what is written on it: "who sent the check marked PARTIAL ON 983", "what is the
# payment that says ON ACCOUNT - NO REMITTANCE", "whose is the cheque with X in the reference"
_MARKED_REFERENCE = lazy(
    r"^\s*(?:who|whose|which|what|find|trace|look ?up|where)\b.*"
    r"\b(?:checks?|cheques?|wires?|payments?|remittances?|deposits?|transfers?|receipts?)\s+"
    r"(?:(?:was|is)\s+)?"
    r"(?:(?:that|which)\s+)?(?:marked|labell?ed|annotated|referenced|reading|saying|says|reads)"
    r"\s*:?\s*(?!as\b)"
    r"['\"\u201c\u2018]?(?P<ref>[^'\"\u201d\u2019?!]{3,60}?)['\"\u201d\u2019]?"
    rf"{_ASKED_AFTER}?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
_WITH_IN_REFERENCE = lazy(
    r"^\s*(?:who|whose|which|what)\b.*\b(?:checks?|cheques?|wires?|payments?|deposits?)\s+with\s+"
    r"['\"\u201c\u2018]?(?P<ref>[^'\"\u201d\u2019?!]{3,60}?)['\"\u201d\u2019]?"
    r"\s+(?:in|on) (?:the|its) (?:ref(?:erence)?|memo|remittance|narrative)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# a payment and the reference on it, asked whose it is: "we got a wire referencing PO 4500212471,
# who sent it?"
_REFERENCING = lazy(
    r"\b(?:checks?|cheques?|wires?|payments?|remittances?|deposits?|transfers?)\s+(?:that )?"
    r"(?:(?:was|is)\s+)?(?:referencing|quoting|citing|with (?:the )?(?:ref(?:erence)?|memo))"
    r"\s*:?\s*['\"\u201c\u2018]?(?P<ref>[^'\"\u201d\u2019?!,]{3,60}?)['\"\u201d\u2019]?"
    rf"{_ASKED_AFTER}\s*[?.!]*\s*$",
    re.IGNORECASE,
)
_QUOTED = lazy(
    r"(?<![\w'])['\"\u201c\u2018](?P<ref>[^'\"\u201d\u2019]{3,60})['\"\u201d\u2019](?!\w)"
)
# Quoted words in lower case are words someone said ("the rep says they paid 'everything'",
# "sorry, 'invoices'"), not what a bank wrote, unless the message says where they are written.
_SAID_ONLY = lazy(r"^[a-z' ,.!-]+$")
_WRITTEN_WHERE = lazy(
    r"\b(?:bank|memo|narrative|ref(?:erence)?|remit(?:tance)?|description|statement line"
    r"|lockbox)\b",
    re.IGNORECASE,
)


def _written_there(text: str, quote: re.Match[str]) -> bool:
    """Whether the sentence of the quote says where its words are written ("it says 'payment
    thanks' on the bank statement"), not only someone else's sentence of the message."""
    start = max(text.rfind(end, 0, quote.start()) for end in ".?!")
    ends = [found for end in ".?!" if (found := text.find(end, quote.end())) >= 0]
    return bool(_WRITTEN_WHERE.search(text[start + 1 : min(ends, default=len(text))]))


def bank_reference(text: str) -> tuple[str | None, str]:
    """The reference a payment is named by, and the text without it (the text unchanged and
    None when no payment word is in it or nothing is quoted or referenced)."""
    if not _PAYMENT_NOUN.search(text):
        return None, text
    for pattern in (
        _QUOTED,
        _SAYS_REFERENCE,
        _REFERENCE_TEXT,
        _MARKED_REFERENCE,
        _WITH_IN_REFERENCE,
        _REFERENCING,
    ):
        if (m := pattern.search(text)) and (ref := m.group("ref").strip()):
            if pattern is _QUOTED and _SAID_ONLY.match(ref) and not _written_there(text, m):
                continue
            return ref, text[: m.start()] + " " + text[m.end() :]
    return None, text
