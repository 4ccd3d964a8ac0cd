"""A dispute in the collector's words, opened or resolved: "INV-10432 is disputed: price per PO
was 12.40", "X is disputing 984", "resolve dispute DSP-1A2B3C4D as credit memo". Read by
``graph.understand_collector.read``; a question about disputes ("is INV-1 disputed?") is left to
the rest of the parser.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph import understand_vocab as vocab
from graph.lazy_regex import lazy
from graph.understand_actions import ActionRequest, _money, _reason
from graph.understand_collector import _QUESTION, _action_request
from graph.understand_refs import _extract

if TYPE_CHECKING:
    from graph.understand import Request

# "raise a query on INV-10204" is the UK's dispute; "queried invoices" asks about them
_DISPUTE_WORD = lazy(
    r"\b(?:disput(?:e|es|ed|ing)|contest(?:s|ed|ing)?)\b"
    r"|\b(?:raise|log|open|lodge|place|add) (?:a )?query (?:on|against|for|re)\b"
    # "put a query on INV-…" said as the ask ("maria put a query on 10263 yesterday" is a report)
    r"|(?:^|\b(?:pls|please|kindly|can you|could you|just)\s+)put (?:a )?query (?:on|against)\b"
)
_RESOLVE = lazy(
    r"\b(?:resolve|resolved|close|closed|settle|settled|end|ended)\b.{0,40}\bdisput"
    r"|\bdisput\w*\b.{0,40}\b(?:is |was |has been )?(?:resolved|closed|settled)\b"
)
_RESOLUTIONS = (
    (lazy(r"\bcredit(?:ed)?(?: memo| note)?\b"), "credit_memo"),
    (lazy(r"\bwr(?:ite|itten|ote)[- ]?off\b|\bwriteoff\b"), "write_off"),
    (
        lazy(r"\breject\w*\b|\bdenied\b|\bdeny\b|\binvalid\b|\bnot valid\b|\bstands\b"),
        "rejected",
    ),
    (lazy(r"\bpaid\b|\bpayment\b|\bpays\b"), "paid"),
)
_DISPUTED_NUMBER = lazy(
    r"\b(?:(?:disput(?:e|es|ed|ing)|contest(?:s|ed|ing)?)(?:\s+(?:on|against))?"
    r"|query (?:on|against))\s+(?:inv(?:oice)?\s+)?"
    r"#?(\d{3})\b(?![.,]\d)(?!\s*(?:k|m|usd|eur|gbp|cad|dollars?|days?|%)\b)",
    re.IGNORECASE,
)
# a dispute asked to be opened on what another clause names
_OPEN_ONE = lazy(
    r"\b(?:open|raise|log|lodge) (?:one|(?:a |the )?dispute (?:on|for|against) (?:it|this|that)"
    r"(?: one| invoice)?)\b"
)
_NOT_OPENED = lazy(
    r"\b(?:don't|dont|do not|no need to|not yet|never|hold off on) (?:to )?(?:open|raise|log"
    r"|lodge)(?:ing)?\b"
)
_NAMED_NUMBER = lazy(
    r"(?<![\w$.,])(\d{3,6})\b(?![.,]\d)(?!\s*(?:k|m|usd|eur|gbp|cad|dollars?|days?|%|\+)(?!\w))"
)
_DISPUTE_ID = lazy(r"\bdsp-[0-9a-f]{8}\b", re.IGNORECASE)
_SHORT_PAY = lazy(r"\bshort[- ]?pa(?:y|id|yment)s?\b|\bdeductions?\b")
_DISPUTE_AMOUNT = lazy(
    r"\b(?:for|of|amount|disputed amount)\s*:?\s*(\$?\s?\d[\d,]*(?:\.\d{1,2})?\s*k?)\b"
    r"|(\$?\s?\d[\d,]*(?:\.\d{1,2})?\s*k?)\s+(?:is |are )?(?:disputed|in dispute)\b"
)
_MORE_REASONS = (
    (lazy(r"\bquality\b|\bdefect\w*\b|\bfault\w*\b"), "quality"),
    (
        lazy(r"\bnot (?:received|delivered)\b|\bnever (?:received|arrived|got)\b|\bmissing\b"),
        "not_received",
    ),
    (
        lazy(r"\bduplicate\w*\b|\bbilled twice\b|\bcharged twice\b|\bdouble[- ]billed\b"),
        "duplicate",
    ),
    (lazy(r"\bterms\b"), "terms"),
)
_DESCRIPTION = lazy(r":\s*|\s[-\u2013\u2014]+\s|\bbecause\b|\breason\b|\bsays?\b")


def _dispute_reason(norm: str) -> str | None:
    for pattern, code in _MORE_REASONS:
        if pattern.search(norm):
            return code
    return _reason(norm)


def read_dispute(text: str, norm: str) -> Request | None:
    refs = _extract(text)
    # "X is disputing 984": a short number disputed may be an invoice of a ledger whose numbers
    # carry a prefix (the agent keeps it when the ledger has it)
    bare = () if refs.invoices else tuple(_DISPUTED_NUMBER.findall(refs.remaining))
    if not refs.invoices and not bare and _OPEN_ONE.search(norm):
        # "dispute on harbor inc 982 - they say qty short. pls open one", "X reckon 986 was
        # never ordered. can you open a dispute on it": the number the dispute is opened on
        bare = tuple(dict.fromkeys(_NAMED_NUMBER.findall(refs.remaining)))[:1]
    if not refs.invoices and not bare and not _DISPUTE_ID.search(text):
        return None
    if _RESOLVE.search(norm):
        resolution = next((code for pattern, code in _RESOLUTIONS if pattern.search(norm)), None)
        amount = None
        if resolution in ("credit_memo", "write_off"):
            amount, _ = _money(_extract(_DISPUTE_ID.sub(" ", text)).remaining)
        found = _DISPUTE_ID.search(text)
        return _action_request(
            text,
            ActionRequest(
                "resolve_dispute",
                invoice_refs=tuple(refs.invoices),
                reason_code=resolution,
                amount=amount,
                text=found.group(0).upper() if found else None,  # the dispute's id
            ),
        )
    if not (refs.invoices or bare) or _QUESTION.search(norm) or re.search(r"\bundisput", norm):
        return None
    if _NOT_OPENED.search(norm):
        return None  # "globex disputes 10222, don't open one yet": the dispute told, not opened
    description = ""
    if (cut := _DESCRIPTION.search(text)) is not None:
        description = text[cut.end() :].strip(" .:-")
    amount = None
    if match := _DISPUTE_AMOUNT.search(vocab.normalize(refs.remaining)):
        amount, _ = _money(match.group(1) or match.group(2))
    short_pay = bool(_SHORT_PAY.search(norm))
    return _action_request(
        text,
        ActionRequest(
            "open_dispute",
            invoice_refs=tuple(refs.invoices),
            maybe_invoices=bare,
            amount=amount,
            reason_code=_dispute_reason(norm),
            text=description[:500] or None,
            on_hold=not short_pay,  # False: opened from a short-pay's deduction
        ),
    )
