"""The intent of a request read word by word: the whole book's questions, the reports, the
inquiries about one customer (``graph.understand.parse`` reads references, periods and changes
around it)."""

from __future__ import annotations

import re

from graph import understand_book as book
from graph import understand_book_plain as plain
from graph import understand_cuts as cuts
from graph import understand_promises as promises
from graph import understand_vocab as vocab
from graph.lazy_regex import lazy
from graph.understand_inbox import PROPOSAL_ASKED_AFTER
from graph.understand_refs import _Refs

# --- the intent ---------------------------------------------------------------------------------
# Reports and checks, recognised before the inquiries, in this order (the first match wins).
REPORTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("forecast", vocab.FORECAST),
    ("cash_application", vocab.CASH_APPLICATION),
    ("deduction_summary", vocab.DEDUCTIONS),
    ("deduction_summary", plain.DEDUCTIONS),
    ("credit_check", vocab.CREDIT),
    ("collections_list", vocab.COLLECTIONS),
    ("digest", vocab.DIGEST),
)


ACRONYMS = lazy(r"\b(?:ADD|BPDSO)\b")  # average days delinquent: "add" is a verb


_PRONOUN = lazy(r"\b(?:they|them|their|theirs|he|him|his|she|her|hers|this customer)\b")


# words that ask about the whole book even when a leftover word looks like a name
_WHOLE_BOOK_WORD = lazy(
    r"\b(?:customers?|accounts?|clients?|who|whom|which|any|anyone|anybody|everyone|list|report)\b"
)


def portfolio_intent(norm: str, refs: _Refs, name: str | None) -> str | None:
    """A question about the whole book (or the book narrowed to one customer)."""
    if (
        vocab.PROMISES.search(norm)
        and (vocab.PROMISES_QUESTION.search(norm) or not name)
        and not promises.PROMISE_AS_WHEN.search(norm)
    ):
        return "promises"
    if vocab.DEDUCTIONS_ONLY.search(norm):
        return None  # "deductions older than 60 days", "disputes and deductions"
    if (largest := vocab.LARGEST_INVOICES.search(norm)) and (
        disputed := vocab.DISPUTES.search(norm)
    ):
        # "which invoices are the biggest still open, I might ask for disputes on a couple":
        # the question asked first
        return "largest_invoices" if largest.start() < disputed.start() else "disputes"
    if vocab.DISPUTES.search(norm):
        return "disputes"
    if vocab.UNAPPLIED_CASH.search(norm):
        return "unapplied_cash"
    if _EXCEPTIONS_REPORT.search(norm):
        return "credit_exceptions"  # "over-limit report pls, X wants it before more orders"
    days = vocab.DAYS_TO_PAY.search(norm) or (name and _DAYS_LATE.search(norm))
    if days and not ((big := vocab.LARGEST_INVOICES.search(norm)) and big.start() < days.start()):
        # not "largest open invoice, and how late is it": the question asked first
        return "days_to_pay"  # "globex average days late": its days beyond terms
    if vocab.LARGEST_INVOICES.search(norm) or plain.LARGEST_INVOICES.search(norm):
        return "largest_invoices"
    # "why is falcon on hold" is falcon's credit check; "who is on hold" the whole book
    if (
        (
            vocab.CREDIT_EXCEPTIONS.search(norm)
            or _BLOCKED_FOR_ORDERS.search(norm)
            or plain.CREDIT_EXCEPTIONS.search(norm)
        )
        and not refs.orders
        # "… with this order" is one order's credit; "who is over their limit before I approve
        # today's orders" the whole book's
        and (
            "order" not in norm
            or _BLOCKED_FOR_ORDERS.search(norm)
            or (not name and _EVERYONE.search(norm))
        )
        and (not name or not re.search(r"\bhold\b", norm))
        # "is sterling over their limit": its credit check; "which of … are over": the book
        and (not name or _WHOLE_BOOK_WORD.search(norm))
        and not (name and _SHIP.search(norm))  # "ok to ship to X? they're over": X's credit
        # "are they showing as on hold?": the one customer a told clause names
        and (name or not _THEY_ASKED.search(norm) or _EVERYONE.search(norm))
    ):
        return "credit_exceptions"
    if book.AGED_BOOK.search(norm) and (not name or book.AGED_BOOK_SCOPE.search(norm)):
        return "aging_report"  # "aged debtors report", "AR by age bucket": not a ranking or a cut
    if vocab.TOP_DEBTORS.search(norm) or plain.TOP_DEBTORS.search(norm):
        return "top_debtors"
    if cuts.over_days(norm) is not None:
        return "over_days"
    if book.DEBTOR_LIST.search(norm):
        return "top_debtors"
    if name:
        return None
    if (
        vocab.AGING_REPORT.search(norm)
        or cuts.AGING_BUCKETS.search(norm)
        or plain.AGING.search(norm)
    ):
        return "aging_report"
    if vocab.TOTAL_AR.search(norm) or plain.TOTAL_AR.search(norm):
        return "total_ar"
    if vocab.AGING_WORD.search(norm) and not vocab.FORECAST.search(norm):
        return "aging_report"  # not "receipts forecast 31-60": a forecast's horizon
    return None


def intent_of(
    norm: str, refs: _Refs, name: str | None, chatter: bool, text: str = ""
) -> tuple[str, bool]:
    """The intent, and whether it was only guessed from a name."""
    if (
        vocab.OUT_OF_SCOPE.search(_without_references(norm, refs))
        and not plain.ASKED_OF_THE_BOOK.search(norm)  # "how old is all the money owed us"
    ) or _WHO_IS_AWAY.search(norm):
        return "unknown", False  # "who is on holiday in the collections team": not AR's
    if vocab.HELP.search(norm) or vocab.CLEAR.match(norm):
        return "help", False
    if vocab.CHATTER_ONLY.match(norm):
        return "unknown", False
    if (
        (
            inbox := vocab.APPROVALS_INBOX.search(norm)
            or PROPOSAL_ASKED_AFTER.search(norm)
            or plain.APPROVALS.search(norm)
        )
        and not (vocab.DIGEST.search(norm) or vocab.DIGEST_WEAK.search(norm))
        and not _REPORT_FIRST(norm, inbox.start())
    ):
        return "approvals_inbox", False
    if (
        promises.PROMISE_THEN_KEPT.search(norm) or promises.PROMISE_ASKED_AFTER.search(norm)
    ) and not promises.PROMISE_AS_WHEN.search(norm):
        return "promises", False  # "X promised something on 10204 - did they stick to it"
    if (refs.invoices or refs.pos) and not refs.orders and _ROOM_AFTER.search(norm):
        # "if X pays the 10336 balance would they have room for another order?": the invoice is
        # the condition, the customer's credit the question
        return "credit_check", False
    if (refs.invoices or refs.pos) and _LIKELY_PAY.search(norm):
        return "forecast", False  # "when will X likely pay INV-…? for the cash forecast"
    if refs.invoices or refs.pos:  # a named invoice wins over report words
        return "invoice_status", False
    if refs.payments:
        return "payment_lookup", False
    if ACRONYMS.search(text):
        return "forecast", False
    if _URGENT.search(norm) or plain.WORKLIST.search(norm):
        return "collections_list", False  # "… over 60 or just the big ones? who's most urgent?"
    if not name and plain.TAKEN_IN.search(norm):
        return "payments_received", False  # "how much did we take in since the first"
    if plain.DIGEST.search(norm):
        return "digest", False  # "catch me up on the receivables": the day's news, not a total
    if (portfolio := portfolio_intent(norm, refs, name)) is not None:
        return portfolio, False
    if name and _HISTORY_OF.search(norm):
        return "payment_history", False  # "receipts history for X … before escalation"
    if name and (vocab.AGING_REPORT.search(norm) or book.AGED_BOOK.search(norm)):
        # "whats X's aged debt": what X owes (the book's aging when the name is no customer)
        return "customer_balance", False
    for intent, pattern in REPORTS:
        if pattern.search(norm):
            return intent, False
    if refs.orders:
        return "credit_check", False
    whole_book = not name and not _PRONOUN.search(norm)
    if vocab.BALANCE.search(norm):
        return ("total_ar" if whole_book else "customer_balance"), False
    if vocab.PAYMENT.search(norm):
        return ("payments_received" if whole_book else "payment_history"), False
    if vocab.COLLECTIONS_WEAK.search(norm):
        return "collections_list", False
    if vocab.DIGEST_WEAK.search(norm):
        # "where do we stand today" is the digest; "recap for globex" is globex's account
        return ("customer_balance" if name else "digest"), False
    if vocab.BALANCE_WEAK.search(norm):
        return ("total_ar" if whole_book else "customer_balance"), False
    if vocab.HELP_WEAK.search(norm):
        return "help", False
    if name and not chatter and len(name.split()) <= 6:
        return "customer_balance", True
    return "unknown", False


def _without_references(norm: str, refs: _Refs) -> str:
    """The words of the message without the bank references it quotes ("which payment is 'CO
    ENTRY DESCR:VENDOR PMT INV 10281'?": the bank's words, not a question about vendors) and
    without a colleague's absence told beside the question."""
    for ref in refs.payments:
        if " " in ref:
            norm = norm.replace(vocab.normalize(ref), " ")
    return _AWAY.sub(" ", norm)


_WHO_IS_AWAY = lazy(
    r"\bwho(?:'s| is| are| will be)(?: \w+)? (?:on (?:annual |sick )?(?:leave|holiday|vacation"
    r"|pto)|off sick|out sick|ooo|out of (?:the )?office)\b"
)
# a colleague's absence told ("X's queue pls - she is on leave"): why the writer asks, not what
_AWAY = lazy(
    r"\b(?!(?:who|whom|which|what|anyone|anybody|someone|somebody|everyone|everybody|nobody)\b)"
    r"(?:she|he|they|[a-z]+)(?:'s| is| are)(?: currently| still| now)? (?:on (?:annual |sick"
    r" |maternity |paternity )?(?:leave|holiday|vacation|pto)|off sick|out sick|ooo"
    r"|out of (?:the )?office)\b"
    r"|\b(?:just )?(?:got |get |am |i'm )?back from (?:my )?(?:vacation|holiday|leave|pto)\b"
)


# one customer's payment record named: "pls share receipts history for X"
_HISTORY_OF = lazy(
    r"\b(?:receipts?|payments?|remittances?|paying) (?:history|record|pattern) (?:for|of)\b"
)
# when a customer will likely pay: the forecast's question, even of a named invoice
_LIKELY_PAY = lazy(
    r"\bwhen (?:will|would|is|are|do) .{1,40}\b(?:likely|probably|expected) (?:to )?pay\b"
)
# room for an order, asked after a payment of an invoice that would make it
_ROOM_AFTER = lazy(
    r"\b(?:if|once|when|after)\b.{0,60}\b(?:pays?|paid|clears?|cleared|settles?|settled)\b.{0,60}"
    r"\b(?:room|headroom|space|capacity) for (?:a|an|the|another|one more|more|new) (?:[\w.$]+ )?"
    r"orders?\b"
)
# the credit exceptions named as a report: "over-limit report", "credit hold list"
_EXCEPTIONS_REPORT = lazy(
    r"\b(?:over[- ]?limit|over (?:the )?limit|credit (?:limit )?exceptions?|credit holds?|on hold"
    r"|on stop|blocked (?:accounts|customers)|limit breach(?:es)?|credit block(?:ed)?)"
    r"(?: accounts?| customers?)? (?:report|list|listing)\b"
)
# the whole book asked for ("which orders are on hold" asks about orders)
_EVERYONE = lazy(
    r"^\W*(?:customers|accounts|clients) (?:with|who|that|whose|on|over)\b"
    r"|\b(?:who|whom|everyone|everybody|anyone|anybody)\b"
    r"|\b(?:which|all|all the|any) (?:customers|accounts|clients)\b"
)
# who to chase first, however the rest of the message narrows it
_URGENT = lazy(
    r"\bwho(?:'s| is| are)? (?:the )?most urgent\b|\bmost urgent (?:ones?|accounts?|customers?"
    r"|calls?)\b|\bwho (?:should|do|must) (?:i|we) (?:chase|call|ring|go after) first\b"
    # "who should the team be calling today", "which accounts should we hit hardest", "who
    # should i hit first", "just give me the chase list", "luis's accounts to work"
    r"|\bwho (?:should|do|must|shall) (?:i|we|the team|they|you) (?:be )?(?:chas(?:e|ing)"
    r"|call(?:ing)?|ring(?:ing)?|hit(?:ting)?|go(?:ing)? after|contact(?:ing)?)\b"
    r"|\b(?:which|what) (?:accounts|customers|clients) should (?:i|we|the team) (?:be )?"
    r"(?:hit(?:ting)?|chas(?:e|ing)|call(?:ing)?|go(?:ing)? after)\b"
    r"|\b(?:chase|call|dunning) list\b|\b(?:accounts|customers|clients) to work\b"
    r"|\bon [a-z]+'s (?:list|worklist|work list|queue|call list)\b"
    # session 11: "who should AR be calling this week", "which accounts are the collectors going
    # to be chasing", "who's luis chasing right now", "who i supposed to call first", "follow up
    # list for the imported customers"
    r"|\bwho (?:should|do|must|shall) (?:ar|collections|the collectors?|our collectors?) (?:be )?"
    r"(?:chas(?:e|ing)|call(?:ing)?|ring(?:ing)?|contact(?:ing)?)\b"
    r"|\b(?:collectors?|the team|ar) (?:are |is )?(?:going to be|gonna be|will be) (?:chasing"
    r"|calling)\b"
    r"|\bwho(?:'s| is) [a-z]+ (?:chasing|calling)\b"
    r"|\bwho (?:i|we) (?:supposed|meant|need|have) to (?:call|chase|ring)\b"
    r"|\bfollow[- ]?up list\b"
    # session 12: "who's next to chase", "who's top of the pile to chase", "prioritised chasing
    # list", "what should the team be chasing tomorrow", "who do I need to get on the phone to",
    # "who's most worth calling", "the riskiest account to chase", "who should be chased most
    # urgently", "time to phone 5 customers today … which 5"
    r"|\bwho(?: is)? (?:next|first|top of the (?:pile|list|heap)) (?:to|on the list to) (?:chase"
    r"|call|ring|phone)\b"
    r"|\b(?:prioriti[sz]ed|priority|ranked) (?:chasing|chase|calling|call|collections?"
    r"|dunning) (?:list|order|queue)\b"
    r"|\bwhat (?:should|do|must) (?:the team|we|i|ar|collections|the collectors) be (?:chasing"
    r"|calling|working on)\b"
    r"|\bwho (?:do|should|must) (?:i|we) (?:need to |have to )?get on the phone\b"
    r"|\b(?:who|which (?:customers|accounts|clients))(?: is| are)? (?:most )?worth (?:calling"
    r"|chasing|ringing|phoning|a call)\b"
    r"|\b(?:riskiest|most at risk) (?:account|customer|client)s? to (?:chase|call|ring|phone)\b"
    r"|\bwho should be (?:chased|called|rung|phoned|contacted)\b"
    r"|\bwho(?: is)? (?:first|next) to (?:ring|call|phone|chase)\b"
    r"|\btime to (?:phone|call|ring|chase) \d+ (?:customers|accounts|clients|people)\b"
    # session 13: "the top priority accounts for collectors", "priority customers to call",
    # "which debtors should we chase first", "which accounts must I phone first", "which
    # accounts must we follow up as a matter of urgency"
    r"|\b(?:which|what) (?:accounts|customers|clients|debtors) (?:should|must|do|shall) (?:i|we"
    r"|the team) (?:be )?(?:chas(?:e|ing)|call(?:ing)?|phon(?:e|ing)|ring(?:ing)?|follow(?:ing)?"
    r" up|go(?:ing)? after|contact(?:ing)?|hit(?:ting)?)\b"
    r"|\b(?:top )?priority (?:accounts|customers|clients) (?:for|to) (?:the |our )?(?:collectors?"
    r"|collections|chase|call|ring|phone|work)\b"
)
_CLAUSE_BREAK = lazy(r"[,;?]\s|\s-+\s")


def _REPORT_FIRST(norm: str, at: int) -> bool:
    """ "how's cash app looking, anything proposed waiting on me": a report asked in an earlier
    clause than the approvals (two questions in one message: the first is answered)."""
    before = norm[:at]
    if not _CLAUSE_BREAK.search(before):
        return False
    first = _CLAUSE_BREAK.split(before, maxsplit=1)[0]
    return any(pattern.search(first) for _, pattern in REPORTS)


# customers stopped from ordering: "accounts blocked for orders", "who is held from shipping"
_BLOCKED_FOR_ORDERS = lazy(
    r"\b(?:blocked|held|stopped|frozen|on (?:credit )?(?:hold|stop))\b (?:for|from) (?:new |any )?"
    r"(?:orders|ordering|shipping|shipments|deliveries|dispatch)\b"
)
_THEY_ASKED = lazy(r"\b(?:are|were|is|was) (?:they|he|she)\b|\bthey(?:'re| are| were)\b")
_SHIP = lazy(r"\b(?:ok|okay|safe|fine|good|clear) to (?:ship|release)\b|\bcan (?:we|i) ship\b")
_DAYS_LATE = lazy(r"\b(?:average|avg|mean) days (?:late|delinquent|beyond terms|past due)\b")
