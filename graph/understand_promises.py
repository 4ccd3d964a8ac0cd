"""The words of promises to pay (the whole book's promises, or one customer's): a promise named,
asked about, asked after, kept, or used as a clause of when beside a question about paying, as
``graph.understand`` reads them on the normalized text.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


# A promise asked after (session 11): whether it was recorded ("Northwind gave a PTP for the
# 30th. Is that recorded?", "harbor east promise logged or not?", "was the PTP for X entered
# already?"), kept or broken ("PTP from X due on the 23rd – still open or already kept?", "we had
# recorded a PTP for X on INV-1 – was it broken?", "did X do what they said and pay", "X – did
# they keep their payment commitment?"), its date or amount ("confirm the promise date and
# amount", "when and how much did they promise", "X promised when ah"), or who is promising.
_ASKED_AFTER = (
    r"\b(?:promise|ptp|commitment)s?\b.{0,60}\b(?:is|was) (?:that|it|this) (?:been )?(?:recorded"
    r"|logged|captured|entered|noted|broken|kept|missed|honou?red|met)\b",
    r"\b(?:promise|ptp)s?\b.{0,40}\b(?:recorded|logged|captured|entered|noted)\b(?: already| yet)?"
    r"\s*(?:or not\b|\?)",
    r"^\s*(?:is|was|has|did)\b.{0,40}\b(?:ptp|promise)\b.{0,30}\b(?:recorded|logged|captured"
    r"|entered|noted|on file)\b",
    r"\b(?:promise|ptp)\b.{0,60}\b(?:still open|already kept|kept or (?:not|broken)"
    r"|or (?:already )?kept|broken or)\b",
    r"\b(?:confirm|check|what(?: is| are|s)?|tell me) (?:the )?(?:promise|ptp|promised) (?:date"
    r"|amount|details)\b",
    r"\bdid\b.{0,40}\bdo what (?:they|he|she|it) (?:said|promised)\b",
    r"\b(?:when|what|how much)\b.{0,30}\b(?:did|have|has)\b"
    r"(?:(?!\b(?:pay|paid|send|sent)\b).){1,40}\bpromised?\b"
    r"|\bpromised? (?:when|what|how much)\b",
    r"\bkeep (?:their|its|the) (?:payment )?commitments?\b"
    r"|\bcommitted to (?:a |the )?(?:payment|paying)(?: date)?\b.{0,30}\b(?:blew|broke|missed"
    r"|didn't|did not)\b",
    r"\b(?:what|which) (?:payments?|customers?|accounts?)\b.{0,30}\bpromising\b",
    # session 12: "kept the PTP on INV-…", "X PTP on INV-… - broken?", "X promised payment - did it
    # land?", "promised to pay last week, did that happen?", "the X promise - did they actually
    # pay on time?", "someone logged a PTP from X, what was the amount", "X's PTP for 15k - is it
    # already in the system?", "the note said PTP 11/30 - is that in?", "did X pay what they said
    # they would?"
    r"\b(?:kept|keep|break|broke|broken|honou?r(?:ed)?|miss(?:ed)?) (?:the |their |its |that |a )?"
    r"(?:promise|ptp)\b"
    r"|\b(?:promise|ptp)\b.{0,40}\b(?:broken|kept|missed|honou?red)\s*\?",
    r"\bpromis(?:e|ed)\b.{0,60}\b(?:did|has|have) (?:it|that|they|the (?:money|payment|cash))"
    r" (?:actually |really |ever )?(?:land|happen|arrive|come in|come through|show up|pay)\b",
    r"\b(?:logged|recorded|entered|took|noted|captured) (?:a |the |their )?(?:ptp|promise)\b.{0,40}"
    r"\b(?:what|when|how much)\b",
    r"\b(?:ptp|promise)\b.{0,60}\b(?:is|was) (?:it|that|this) (?:already |even )?(?:in (?:the )?"
    r"(?:system|arbot|erp)|on (?:file|record)|in)(?: yet| already| now)?\s*(?:\?|$)",
    r"\bdid\b.{0,40}\bpay what (?:they|he|she) (?:said|told us|agreed)\b",
    # session 14, said plainly: "who said they'd pay us and flaked", "X said they'd pay - when was
    # that supposed to be?", "we recorded X's promise for the 23rd, right? how much was it for",
    # "if X breaks another promise … has it happened before?"
    r"\b(?:who|which (?:customers|accounts|clients|debtors))\b.{0,20}\b(?:said|told us|swore)"
    r" (?:they|he|she)(?:'d| would| will) pay\b"
    r"|\b(?:said|told us|swore) (?:they|he|she)(?:'d| would| will) pay\b.{0,40}\b(?:flaked|bailed"
    r"|backed out|did not|never did|when was (?:that|it)|supposed to)\b"
    r"|\b(?:recorded|logged|entered|took|noted|captured) (?:[\w&.'-]+ ){1,4}(?:promise|ptp)\b"
    r".{0,60}\b(?:what|when|how much)\b"
    r"|\bbreaks? (?:another|a|their|its|the) promise\b.{0,60}\b(?:happened|done (?:it|that|this)"
    r"|before)\b",
)
PROMISE_ASKED_AFTER = _rx(*_ASKED_AFTER)
PROMISES = _rx(
    r"\bpromises?\b|\bptps?\b|\bpromised\b|\bcommitments? to pay\b|\bpayment commitments?\b"
    r"|^\s*commitments?\b",
)
# The message asks about promises (rather than reporting one): "broken promises", "promises due".
PROMISES_QUESTION = _rx(
    r"\b(?:broken|kept|open|due|missed|outstanding|pending|upcoming|active|overdue|honou?red"
    r"|fulfill?ed)"
    r" (?:promises?|ptps?|commitments?)\b"
    r"|\b(?:promises?|ptps?|commitments?) (?:due|broken|kept|missed|coming|this|today"
    r"|honou?red|fulfill?ed|met"
    r"|next|that|outstanding|open|pending|to pay (?:due|this|today|next))\b",
    # a report noun or a due-state after the promise word: "ptp register", "promises expiring"
    r"\b(?:promises?|ptps?|commitments?)(?:[- ]to[- ]pay)? (?:status|reports?|list|listing"
    r"|register|schedule|summary|overview|log|tracker|dashboard|pipeline|expiring|falling"
    r"|maturing|coming)\b",
    r"^\s*(?:promises?|ptps?|commitments?)(?: to pay)?\s*[?!.]*$"
    # the plural first, a list asked for: "promises to pay on the imported ledger", "ptps for q4"
    r"|^\s*(?:the |all |any |our |open )?(?:promises|ptps|commitments)(?: to pay)?"
    r" (?:on|in|for|across|of|from) \w+"
    r"|^\s*(?:did|has|have|does|do|is|was)\b.{0,40}\bpromis(?:e|ed)\b"
    r"|\b(?:who|which|what|any|list|show|all)\b"
    r".{0,30}\b(?:promises?|ptps?|promised)\b|\bbroken? (?:their|a|the|any) promises?\b"
    r"|\b(?:keep|kept|keeping|honou?r(?:ed)?) (?:their|its|the|a|his|her) (?:promises?|ptps?)\b"
    r"|\bpromised? (?:anything|something|any(?:thing)? (?:yet|at all))\b",
    # a promise asked after: "did anyone record the ptp for X?", "ptp from X broke again?", "has
    # X a promise to pay on file", "X promised the 24k for monday right?"
    r"\b(?:did|has|have) (?:anyone|anybody|someone|somebody|we|you) (?:record|log|enter|take|note)"
    r"\w* (?:the |a |their )?(?:promise|ptp)\b"
    r"|\b(?:promise|ptp)\b.{0,30}\b(?:broke|broken|kept|missed)(?: again)?\s*[?]"
    r"|\b(?:promise|ptp)(?: to pay)? on (?:file|record|the system)\b"
    r"|\bpromised\b.{0,40}\bright\s*\?",
    *_ASKED_AFTER,
)
# a promise named, then whether it was kept: "X promised something on 10204 - did they stick to
# it", "globex promised 5k for friday, have they kept it?"
PROMISE_THEN_KEPT = lazy(
    r"\bpromis(?:e|ed|es)\b.{0,80}\b(?:did|have|has|had) (?:they|he|she|\w+) (?:stick|stuck|keep"
    r"|kept|honou?r(?:ed)?|deliver(?:ed)?|make good|made good)(?: (?:to|on))? (?:it|that|this"
    r"|their (?:word|promise|ptp)|the (?:promise|ptp))\b"
)
# The promises asked about were kept: "which promises were kept", "ptps honoured this month".
_KEEP = r"(?:keeps?|keeping|kept|honou?r(?:s|ed|ing)?|fulfill?(?:s|ed|ing)?|made good|met)"
PROMISES_KEPT = lazy(
    rf"\b(?:{_KEEP}|paid as promised)\b.{{0,30}}\b(?:promises?|ptps?)\b"
    rf"|\b(?:promises?|ptps?)\b.{{0,30}}\b{_KEEP}\b"
)
# A promise named in a clause of when, beside a question about paying: "did mills pay anything
# after they broke their promise?" asks about the payments
PROMISE_AS_WHEN = lazy(
    r"^\s*(?:did|has|have|does|do|is|was|how much|what|when)\b.{0,60}\b(?:pay|paid|pays|send|sent"
    r"|wire|wired|remit|remitted)\b.{0,30}\b(?:after|since|once|because|when|before)\b.{0,30}"
    r"\b(?:promises?|ptps?|promised)\b"
)
