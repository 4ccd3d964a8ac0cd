"""Changes arbot cannot make said in the words of one it makes, by family: a whole invoice or
balance written off as bad debt, a note, dispute or promise deleted, a record re-dated, an order's
quantities changed to fit a limit, a letter or hold asked for a later day, approval gone around.
``graph.understand_cannot.CANNOT`` says each plainly; ``instead`` tells the reader (and the gate
every reading passes) which of them a proposal of a kind would misread, so it is never proposed
as that change. Read on the normalized text (``graph.understand_vocab.normalize``)."""

from __future__ import annotations

import re

from graph.lazy_regex import lazy


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


# asked at the start of the message or of a sentence of it that asks nothing: "Cutoff testing
# turned up a duplicate (same PO, same lines). Please void 10437", "overpaid by $500 - refund it
# please" (not "SO-1006 66.7k - approve or not?", "… - and split by currency if you can")
ASKED = (
    r"(?:^\s*(?:(?:please|kindly|can you|could you|would you|will you|pls|hey|hi|hello|there|ok"
    r"|so|and|also|now|then|arbot|dear|just)[\s,!]+)*"
    r"|(?:(?<=[.!?;])\s+|\s-+\s+)(?![^.!?;]*\?)(?:(?:please|kindly|can you|could you|would you"
    r"|will you|pls|just)[\s,!]+)*)"
)
# Changes arbot cannot make that name the words of a change it does make, by family (each also
# under ``other_change`` below; ``instead`` says which of them a proposal would misread):
#
# a whole invoice or a customer's whole balance written off (as bad debt: an account given up,
# a different accounting act from a deduction write-off, which writes off what is left of a
# short pay: "write off the $40 residual on INV-… as bad debt" stays a write-off request)
_WRITE_OFF = (
    r"(?:\b(?:write|written)[- ]?offs?\b|\bwriteoffs?\b|\bwrite (?:it|them|this|that) off\b)"
)
_WHOLE = (
    r"\b(?:in full|in (?:its|their) entirety|whole|entire|all of|full (?:balance"
    r"|amount|invoice|value|debt)|total (?:balance|amount)|the lot|completely|fully)\b"
)
_LEFT = (
    r"\b(?:remaining|remainder|residual|residue|left|leftover|rest|short[- ]?pa\w*|shortages?"
    r"|short[- ]?ship\w*|deductions?|difference|diff|small balances?|under[- ]?pa\w*|pricing)\b"
)
WHOLE_WRITE_OFF = (
    # (weighed in a question, it is the question: "… whole balance, how much would that be")
    r"^(?!.*\b(?:how (?:much|many)|what would|would (?:that|it|we)|what if|if we|if i"
    r"|hypothetical\w*)\b).*?(?:"
    rf"{_WRITE_OFF}(?:(?!{_LEFT})[^.;!?]){{0,60}}?{_WHOLE}(?![^.;!?,]{{0,40}}{_LEFT})"
    rf"|{_WHOLE}(?:(?!{_LEFT})[^.;!?]){{0,40}}?{_WRITE_OFF}"
    # an invoice written off as bad debt, no amount or part of it named: all of it ("w/o 10130
    # as bad debt"; not "the 45 on INV-… to bad debt", "the 999.99 residual … to bad debt")
    rf"|{_WRITE_OFF} (?:the )?(?:inv(?:oice)?[ #-]*)?\d{{4,}} (?:as|to) (?:a )?bad debts?\b)"
)
_NOT_A_STEP = r"(?:(?!and\b|then\b|also\b|add\b|put\b|log\b|leave\b)\S+ )"
# a record arbot keeps taken away: a note, a dispute or its history, a promise ("delete that
# note", "wipe the dispute off 10204"): every change is kept on the record, nothing is deleted
_TAKEN_AWAY = r"(?:delete|remove|erase|purge|redact|scrub|wipe|expunge)\b"
NOTE_REMOVED = rf"{ASKED}{_TAKEN_AWAY} {_NOT_A_STEP}{{0,4}}?(?:notes?|comments?)\b"
DISPUTE_REMOVED = (
    rf"\b(?:delete|erase|purge|wipe|scrub|expunge)\b {_NOT_A_STEP}{{0,4}}?disputes?\b"
    rf"|\bremove\b {_NOT_A_STEP}{{0,4}}?disputes? (?:flags? )?(?:history|histories|records?"
    r"|trail|log|entr(?:y|ies))\b"
)
PROMISE_REMOVED = rf"\b{_TAKEN_AWAY} {_NOT_A_STEP}{{0,3}}?(?:promises?|ptps?)\b"
# a record dated again: "back-date the promise", "re-date the invoice to December"
REDATED = r"\bback-?dat\w+\b|\bre-?dat(?:e|ed|es|ing)\b"
# a sales order's quantities or lines changed, or shipped in part: the order as entered stands
ORDER_CHANGED = (
    r"\b(?:change|amend|edit|adjust|update|reduce|increase|cut|lower|raise|halve|correct|modify"
    r"|bump|drop)\b(?: \S+){0,4}? (?:qty|quantit(?:y|ies)|order (?:value|amount|lines?|total)"
    r"|line items?)\b"
    r"|\bship (?:partial(?:ly)?|in part|short)\b|\bpartial (?:shipments?|deliver(?:y|ies))\b"
    r"|\b(?:add|remove|delete|drop) (?:a |the |one |\d+ )?(?:lines?|line items?) "
    r"(?:on|from|to) (?:the )?(?:sales )?(?:order|so-?\s?\d)"
)
# a letter or a hold asked for a later day: arbot acts once it is approved and keeps no schedule
# ("send globex a reminder next monday", "remind northwind in 2 weeks", "put X on hold
# tomorrow"; not "a statement before their call on tuesday", a deadline met by acting now)
_LATER = (
    r"(?:next (?:week|month|(?:mon|tues|wednes|thurs|fri)day)|tomorrow"
    r"|on (?:mon|tues|wednes|thurs|fri)day|in (?:\d+|a|one|two|three|a couple of) (?:days?|weeks?)"
    r"|at (?:the )?(?:end of (?:the )?(?:week|month)|month[- ]end))"
)
_GAP = r"(?:(?!\b(?:before|by|ahead|until|till|due|after|than|when|once|if|unless)\b)[^.?!;,])"
SCHEDULED = (
    r"^(?:(?:pls|please|kindly|can you|could you|hey|hi|ok|so|and|then|arbot)[\s,!]+)*"
    r"(?:(?:send|e-?mail|shoot|fire off|mail)\b[^.?!;,]{0,50}?\b(?:reminders?|statements?"
    rf"|dunning(?: letters?)?|(?:final |2nd |second |first )?notices?|soa)\b{_GAP}{{0,40}}?"
    rf"|remind\b{_GAP}{{0,40}}?|(?:put|place)\b{_GAP}{{0,30}}?\bon (?:credit )?(?:hold|stop)\b)"
    rf"(?<!\bas)\s+{_LATER}\b"  # not "a statement as at month end": its date
)
# the rules of approval changed or gone around: "make the write-off limit 5k for collectors",
# "approve it yourself", "take it off directly in the ERP"
APPROVAL_AROUND = (
    r"\b(?:set|make|change|raise|lower|increase|reduce|bump|update|move)\b(?: \S+){0,4}? "
    r"(?:write[- ]?off|approval|approver|sign[- ]?off|authori[sz]ation|doa) (?:limits?"
    r"|thresholds?|levels?|matrix|rules?)\b"
    r"|\bapprove\b(?: \S+){0,6}? (?:yourself|directly|straight through|on (?:my|his|her|their)"
    r" behalf)\b"
    r"|\bdirectly in (?:the )?(?:erp|system|ledger|sap|netsuite|xero|quickbooks)\b"
    r"|\b(?:don'?t|do not) bother (?:with|w/) (?:the |any )?approvals?\b"
)

# What a proposal of each kind would misread: the families above whose words are that kind's own
# ("write off INV-… in full as bad debt" names a write-off, "delete that note" a note, "delete
# the dispute on 10263" a dispute, "back-date the PTP" a promise, "change SO-1002's qty so it fits
# under the limit" a limit); a change asked around approval is never proposed, whatever its kind.
_MISREAD: dict[str, tuple[str, ...]] = {
    "write_off_deduction": (WHOLE_WRITE_OFF,),
    "add_note": (NOTE_REMOVED,),  # asked first: a note's own text is data
    "open_dispute": (DISPUTE_REMOVED,),
    "resolve_dispute": (DISPUTE_REMOVED,),
    "record_promise": (PROMISE_REMOVED, REDATED),
    "set_credit_limit": (ORDER_CHANGED,),
    "apply_payment": (REDATED,),
    "send_reminder": (SCHEDULED,),
    "send_statement": (SCHEDULED,),
    "set_credit_hold": (SCHEDULED,),
}
_INSTEAD = {kind: _rx(*patterns, APPROVAL_AROUND) for kind, patterns in _MISREAD.items()}
_AROUND = _rx(APPROVAL_AROUND)


def instead(norm: str, kind: str) -> str | None:
    """The kind of change arbot cannot make (a ``CANNOT`` kind) that a message read as a request
    for a change of ``kind`` asks for instead, or None when it asks for that change: for the
    reader to say so plainly rather than propose it (read on the normalized text)."""
    return "other_change" if _INSTEAD.get(kind, _AROUND).search(norm) else None
