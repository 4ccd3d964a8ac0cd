"""A question whether to make a change, read as the question about the account it is (evals/README
"Labelling rules", dev13's decisions): advice, whether or a hypothetical about one customer's
hold, limit, terms or orders is that customer's credit check ("should we be holding orders for
contoso mfg corp?", "do we hold donovan or give them till friday", "is it time to put whitaker
on stop?"); about a write-off, the invoice it names ("ok to write off meridian's 140 on 987?") or
else the deductions; whether to send one customer a reminder or a statement is what that
customer owes ("do we need to send initech a reminder or are they current?"), and which of two to
chase first is the worklist. Nothing is proposed: the change was asked about, not asked for.

Applied by the parser last, only where the words read no other question (``unknown``, a guess
from a name) or read the change's own report (the worklist, the statement).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.understand_asked import _why_not
from graph.understand_refs import _extract, _name
from graph.understand_verbs import POLITE

if TYPE_CHECKING:
    from graph.understand import Request

# the change asked about, by the words that name it (normalized text)
_SPOKEN: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "set_credit_hold",
        "credit_check",
        lazy(
            r"\bhold(?:ing|s)?\b|\bon (?:credit )?stop\b|\bblock\w*|\bfreez\w*|\breleas\w*"
            r"|\blift\w*|\bstop\w* (?:shipping|supplying|deliver\w*|releasing|orders)\b"
        ),
    ),
    ("set_credit_limit", "credit_check", lazy(r"\b(?:credit )?limits?\b|\bcredit line\b")),
    (
        "set_terms",
        "credit_check",
        lazy(r"\bterms\b|\bnet ?-?\d{1,3}\b|\bcash in advance\b|\b(?:cia|cod|prepay\w*)\b"),
    ),
    ("write_off_deduction", "invoice_status", lazy(r"\bwr(?:ite|iting)[- ]?offs?\b|\bw/o\b")),
    ("send_reminder", "customer_balance", lazy(r"\b(?:remind\w*|chase|chasing|dun\w*|nudge)\b")),
    ("send_statement", "customer_balance", lazy(r"\bstatements?\b|\bsoa\b")),
)
# the words that ask whether, not what: taken out before the customer's name is read
_ADVICE_WORDS = lazy(
    r"\b(?:should|shall|would|could|do|does|we|i|you|be|is|it|a|an|the|good|bad|idea|time|worth"
    r"|smart|wise|ok|okay|to|need|really|or|give|them|they|their|till|until|first|given|how"
    r"|slow|fast|late|are|way|over|under|current|put|move|moving|on|stop|hold|holding|orders?"
    r"|for|from|send|sending|chase|chasing|reminders?|statements?|a|any|reason|not|what|think"
    r"|thoughts|time|yet|now|maybe|perhaps|probably|at|this|that|point)\b"
)
# "should I chase globex or tate first": which to take first is the worklist
_WHICH_FIRST = lazy(r"\bor\b.{1,40}\bfirst\b")
# asked whether to, not whether it was done ("did we write off anything for X" asks history)
_WHETHER = lazy(
    r"^(?:should|shall|ought|do (?:we|i|you think)|does it|is it|would|could|ok to|okay to"
    r"|any reason|worth|must we|need we|are we (?:going|supposed) to|can we)\b"
)
# the state a change left, asked of the account: "were clearwater's terms changed…? what are
# they on now", "was initech's limit increased": its credit check shows it
_STATE_KINDS = ("set_credit_hold", "set_credit_limit", "set_terms")
_ON_NUMBER = lazy(r"\b(?:on|against) (?:inv(?:oice)? ?#?)?(\d{3,6})\b(?!\s*(?:k|days?|%))")
_LOOSE = ("unknown", "collections_list", "customer_statement")


def whether_to(request: Request, norm: str) -> Request:
    """``request`` read as the question about the account when its words ask whether to make a
    change and read no other question (see the module's docstring)."""
    if request.action is not None or request.not_asked is not None:
        return request
    if request.cannot not in (None, "change_terms", "other_change"):
        return request
    chase = _SPOKEN[4][2].search(norm)
    if (
        chase is not None
        and _WHICH_FIRST.search(norm)
        and _why_not(norm, chase, "send_reminder", conditional=False) == "question"
        and request.intent in ("customer_balance", "unknown", "collections_list")
    ):
        return replace(request, intent="collections_list", customer_text=None, guessed=False)
    if (request.intent in ("payment_history", "invoice_status", "unknown") or request.guessed) and (
        who := _on_a_condition(request, norm)
    ):
        return replace(
            request,
            intent="credit_check",
            customer_text=who,
            invoice_refs=(),
            guessed=False,
            cannot=None,
        )
    if not (request.guessed or request.intent in _LOOSE):
        return request
    for kind, intent, pattern in _SPOKEN:
        match = pattern.search(norm)
        if match is None or _why_not(norm, match, kind, conditional=False) != "question":
            continue
        whether = _WHETHER.match(norm.strip()) or _WHETHER.match(POLITE.sub("", norm.strip()))
        if kind not in _STATE_KINDS and not whether:
            return request
        refs = _extract(request.text)
        on = _ON_NUMBER.search(norm)  # "ok to write off meridian's 140 on 987?"
        invoices = tuple(refs.invoices) or request.maybe_invoices or ((on.group(1),) if on else ())
        if kind == "write_off_deduction":
            if invoices:
                return replace(
                    request,
                    intent="invoice_status",
                    invoice_refs=invoices[:1],
                    guessed=False,
                    cannot=None,
                )
            return replace(request, intent="deduction_summary", guessed=False, cannot=None)
        words = refs.remaining.lower()
        for _, _, spoken in _SPOKEN:
            words = spoken.sub(" ", words)
        said = request.customer_text if not request.guessed else None
        who = _name(_ADVICE_WORDS.sub(" ", words))[0] or said
        if not who:
            return request
        return replace(request, intent=intent, customer_text=who, guessed=False, cannot=None)
    return request


def _on_a_condition(request: Request, norm: str) -> str | None:
    """The customer whose hold, limit or terms a question puts on a condition ("assuming
    evergreen pays 10226 next week, could we lift their hold then", "if midwest keeps paying
    late maybe we move them to cash in advance, thoughts?"): their credit is what is asked."""
    if not _CONDITION.match(norm) or not _ASKED_AFTER.search(norm):
        return None
    if not any(pattern.search(norm) for kind, _, pattern in _SPOKEN if kind in _STATE_KINDS):
        return None
    words = _extract(request.text).remaining.lower()
    for _, _, spoken in _SPOKEN:
        words = spoken.sub(" ", words)
    return _name(_CONDITION_WORDS.sub(" ", _ADVICE_WORDS.sub(" ", words)))[0]


_CONDITION = lazy(
    r"^(?:if|assuming|suppose|supposing|say|once|when|hypothetically|(?:(?:we|i) (?:are|am|were) )?"
    r"(?:thinking (?:of|about)|considering|planning (?:to|on)))\b"
)
# the question the condition leads to: "…, could we lift their hold then", "…, thoughts?"
_ASKED_AFTER = lazy(
    r"[,;-]\s*(?:(?:then|so|maybe|perhaps)\s+)*(?:could|can|should|would|do|shall) (?:we|i)\b"
    r"|\b(?:thoughts|views|advice|opinion)\s*\??\s*$"
    # "thinking of giving northwind net 45 - is that advisable given their history?"
    r"|\bis (?:that|it|this) (?:advisable|wise|sensible|ok|okay|a good idea|a good move|prudent)\b"
)
_CONDITION_WORDS = lazy(
    r"\b(?:if|assuming|suppose|supposing|say|once|when|hypothetically|pays?|paid|paying|keeps?"
    r"|next|week|month|tomorrow|friday|monday|in|advance|cash|lift|raise|move|we|then|thoughts"
    r"|maybe|thinking|considering|planning|giving|advisable|wise|sensible|prudent|history|move)\b"
)
