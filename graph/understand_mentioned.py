"""A change only spoken of: called off, reported done, or (for the parser) someone else's wish
("don't send the reminder to evergreen yet", "I emailed meridian a reminder last week", "luis
said he'd add a note"), where the parser reads no request; and whether a message asks a question
at all. The rule that decides each place a change is named is ``graph.understand_asked``.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy
from graph.understand_action_names import NotAsked
from graph.understand_asked import (
    _HYPOTHETICAL,
    _PAST_VERB,
    _POLITE_IF,
    _clause_spans,
    _why_not,
)
from graph.understand_verbs import POLITE
from graph.understand_vocab import normalize

# A change spoken of where the parser reads no request: its verb or noun, any tense
_MENTIONS: dict[str, re.Pattern[str]] = {
    kind: lazy(pattern)
    for kind, pattern in (
        ("write_off_deduction", r"\bwr(?:ite|ites|iting|ote|itten)[- ]?offs?\b|\bwriteoffs?\b"),
        ("apply_payment", r"\b(?:apply|applied|applying|allocat\w+|knock(?:ed|ing)? off)\b"),
        (
            "set_credit_hold",
            r"\bon (?:credit )?(?:hold|stop)\b|\bthe (?:credit )?hold\b"
            # "blocked accounts + over limit": the accounts asked for, no hold reported
            r"|\b(?:un)?block(?:ed|ing)?\b(?! (?:accounts|customers|clients|orders)\b)",
        ),
        (
            "send_reminder",
            r"\breminders?\b|\bremind(?:ed)? (?!me\b|myself\b)|\bchas(?:e|es|ers?|ed|ing)\b",
        ),
        ("add_note", r"\bnotes?\b(?! to (?:self|myself)\b)"),
        ("send_statement", r"\bstatements?\b|\bsoa\b"),
        ("record_promise", r"\bpromises?\b|\bptps?\b"),
        ("set_terms", r"\b(?:payment )?terms\b|\bnet ?-?\d{1,3}\b"),
        ("release_order", r"\breleas(?:e|ed|ing)\b"),
        (
            "set_credit_limit",
            r"\b(?:rais|increas|lower|reduc|bump|cut)\w* (?:\S+ ){0,3}(?:credit )?(?:limit|line)\b"
            r"|\b(?:limit|line) (?:increase|decrease|raise|change|reduction|cut|bump)\b"
            # "initech's limit was raised in oct", "meridian's limit was set yesterday"
            r"|\b(?:credit )?limit (?:was|has been|got|had been) (?:rais|increas|lower|reduc|bump"
            r"|cut|set|revis|enhanc|chang|updat)\w*",
        ),
    )
}
# A change called off, as a person tells arbot not to make it
_CALLED_OFF = lazy(
    r"\b(?:don't|dont|do not|never|no need to|shouldn't|should not|won't|will not|hold off on"
    r"|never mind|nevermind|scratch|forget(?: about)?|not going to|are not|aren't|not to"
    r"|no longer|let'?s not|let us not|wait (?:before|until|till|with|on)(?: you)?)\b"
    r"(?:\s+\S+){0,3}\s*$"
    # "don't bother sending harbor a reminder", "no reminder this week"
    r"|\b(?:don't|dont|do not) (?:bother|send|e-?mail|mail|forward)\b(?:\s+\S+){0,5}\s*$"
    r"|\bno(?:\s+\S+)?\s*$"
)
# A list of what was changed, asked for as a noun and what was done to it
_LISTED = lazy(
    r"^(?:show |list |give me |any |all |the |our )*(customers|accounts|clients|payments|invoices"
    r"|reminders|notes|statements|orders|write-?offs|deductions|holds|limits)\b"
    r"(?: (?:that|which|who))?(?: (?:we|i|they|you|\w+))? (?:have |had |already |just )*"
    rf"(?:{_PAST_VERB}|\w+ed)\b"
)
_BOOK_NOUNS = frozenset({"customers", "accounts", "clients", "payments"})
# "…, but what's overdue for X", "and who owes the most": the clause asks after its conjunction
_JOINED = lazy(r"^(?:(?:but|and|so|also|then|anyway|though|just)\s+)+")
# A question tag ("…, right?") asks for no answer of its own.
_TAG = lazy(r"^\s*(?:right|correct|yes|yeah|ok|okay|no|isn't it|agreed)\s*$")
_ASKS = lazy(
    r"^(?:what|whats|how|who|whose|which|when|where|why|can you (?:show|tell|list|check|pull)"
    r"|show|list|give me|tell me|pull|any)\b"
    # "pls confirm how much is still pending from them", "check what globex owes"
    r"|^(?:confirm|check|let (?:me|us) know|tell (?:me|us)) (?:how|what|which|who|whose|when)\b"
    r"|^(?:is|are|was|were|has|have|had|does|do|did)\s+(?:we|i|you|they|it|he|she|there|the|this"
    r"|that|these|those|any|our|their|his|her|its)\b"
    # a list wanted: "onshore credit team wants list of accounts …", "need a listing of …"
    r"|^(?:[\w&'-]+ ){0,4}(?:wants?|needs?|requires?|requested|asking for|asked for)(?: (?:a|the"
    r"|to see(?: a| the)?))? (?:list|listing|report|breakdown) of\b"
)


def asks_a_question(norm: str) -> bool:
    """Whether a clause of the message asks something (not a tag like "…, right?")."""
    for start, end, question in _clause_spans(norm):
        clause = _JOINED.sub("", POLITE.sub("", norm[start:end].strip()))
        if (question and not _TAG.match(clause)) or _ASKS.match(clause):
            return True
    return False


def mentioned(text: str, norm: str | None = None, *, reported: bool = False) -> NotAsked | None:
    """A change the message speaks of only to call it off or report it done ("don't send the
    reminder to evergreen yet", "I emailed meridian a reminder last week", "scratch that
    reminder") — or, with ``reported``, as someone else's wish ("luis said he'd add a note") —
    when no place that speaks of a change asks for one."""
    norm = normalize(text) if norm is None else norm
    if _HYPOTHETICAL.search(_POLITE_IF.sub(" ", norm)):
        return None  # "if we wrote off every small short pay, …": a hypothetical, no report
    if listed := _LISTED.match(norm):
        # "customers we put on hold last month" asks for customers (the book's reading);
        # "invoices we wrote off this year", "reminders sent last week" ask for history
        return None if listed.group(1) in _BOOK_NOUNS else NotAsked("records", "history")
    refused = None
    for kind, pattern in _MENTIONS.items():
        for match in pattern.finditer(norm):
            reason = _why_not(norm, match, kind, conditional=False)
            if reason == "negated" and not _CALLED_OFF.search(norm[: match.start()]):
                return None  # "payments not yet applied": a state, not a change called off
            if reason not in ("negated", "done", *(("reported",) if reported else ())):
                return None
            refused = refused or NotAsked(kind, reason)
    return refused


def without_reports(text: str) -> str | None:
    """The message without its clauses that only report a change done or call one off ("Dana
    applied the harbor check to 983 already, what's left open on harbor east?"), when another
    clause asks a question; None when there is none to take out."""
    spans = _clause_spans(text)
    if len(spans) < 2 or not asks_a_question(normalize(text)):
        return None
    kept = [text[s:e] for s, e, _ in spans if mentioned(text[s:e]) is None]
    if not kept or len(kept) == len(spans):
        return None
    return " ".join(k.strip() for k in kept if k.strip()) + ("?" if "?" in text else "")


# A statement only thought of, beside a question: "X owe how much? thinking of sending statement
# later", "might send them a statement next week - what's open?": no statement is asked for
STATEMENT_THOUGHT_OF = lazy(
    r"\?.{0,40}\b(?:thinking (?:of|about)|planning (?:to|on)|might|maybe|perhaps|considering)\b"
    r".{0,30}\b(?:statements?|soa)\b"
    r"|\b(?:thinking (?:of|about)|planning (?:to|on)|might|maybe|perhaps|considering)\b.{0,30}"
    r"\b(?:statements?|soa)\b.{0,30}\?"
)
