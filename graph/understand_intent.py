"""The intent of a request read word by word: the whole book's questions, the reports, the
inquiries about one customer (``graph.understand.parse`` reads references, periods and changes
around it)."""

from __future__ import annotations

import re

from graph import understand_book as book
from graph import understand_book_plain as plain
from graph import understand_book_terse as terse
from graph import understand_credit_asked as credit
from graph import understand_cuts as cuts
from graph import understand_promises as promises
from graph import understand_vocab as vocab
from graph.lazy_regex import lazy
from graph.understand_inbox import PROPOSAL_ASKED_AFTER
from graph.understand_refs import _Refs
from graph.understand_worklist import worklist, worklist_apart

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
    norm = cuts.without_left_out(norm)  # "top debtors excluding disputed invoices"
    if not name and _ranking_first(norm):
        return "top_debtors"  # "top 10 by balance - and are any of them on hold?"
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
    if (book.AGED_BOOK.search(norm) and (not name or book.AGED_BOOK_SCOPE.search(norm))) or (
        terse.AGING.search(norm)  # "ATB by due date", "how much sits in 90+ vs current"
    ):
        return "aging_report"  # "aged debtors report", "AR by age bucket": not a ranking or a cut
    if name and vocab.AGING_WORD.search(norm) and BOOKS_NAMED.search(norm):
        return "aging_report"  # "aging for the harbor/pinnacle books": a ledger called by names
    if any(p.search(norm) for p in (vocab.TOP_DEBTORS, plain.TOP_DEBTORS, terse.TOP_DEBTORS)):
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


# two asks in one message: "top five debtors and then the biggest single invoice"
_ASKS_APART = lazy(r"[;?]\s|\s-+\s|,? and (?:then|also|are|is|which|what|who)\b|\bbut start\b")


def _ranking_first(norm: str) -> bool:
    """The ranking of debtors asked before another whole-book question in the same message."""
    first, *rest = _ASKS_APART.split(norm, maxsplit=1)
    return bool(
        rest
        and (vocab.TOP_DEBTORS.search(first) or plain.TOP_DEBTORS.search(first))
        and not any(
            p.search(first)
            for p in (
                vocab.LARGEST_INVOICES,
                vocab.CREDIT_EXCEPTIONS,
                vocab.DISPUTES,
                vocab.PROMISES,
            )
        )
    )


def intent_of(
    norm: str, refs: _Refs, name: str | None, chatter: bool, text: str = ""
) -> tuple[str, bool]:
    """The intent, and whether it was only guessed from a name."""
    if (
        vocab.OUT_OF_SCOPE.search(_without_references(norm, refs))
        and not plain.ASKED_OF_THE_BOOK.search(norm)  # "how old is all the money owed us"
        and not worklist_apart(norm)
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
    if not (refs.invoices or refs.pos or refs.payments) and worklist(norm):
        return "collections_list", False  # "which customers should luis chase first? broken
        # promises at the top": who to chase, the promises a way to rank them
    if (
        promises.PROMISE_THEN_KEPT.search(norm)
        or promises.PROMISE_ASKED_AFTER.search(norm)
        or terse.PROMISE_ASKED.search(norm)
    ) and not promises.PROMISE_AS_WHEN.search(norm):
        return "promises", False  # "X promised something on 10204 - did they stick to it"
    if _credit_asked(norm, refs):
        return "credit_check", False  # "can X take another $3k", "credit position on SO-…"
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
    if name and not refs.orders and terse.WRITE_OFF_WEIGHED.search(norm):
        return "deduction_summary", False  # "w/o 40 globex??": a write-off weighed
    if ACRONYMS.search(text):
        return "forecast", False
    if worklist(norm):
        return "collections_list", False  # "… over 60 or just the big ones? who's most urgent?"
    if not name and plain.TAKEN_IN.search(norm):
        return "payments_received", False  # "how much did we take in since the first"
    if plain.DIGEST.search(norm):
        return "digest", False  # "catch me up on the receivables": the day's news, not a total
    if name and terse.RECEIVED_TO_DATE.search(norm):
        return "payments_received", False  # "how much did X pay us this month": X's, to date
    if (portfolio := portfolio_intent(norm, refs, name)) is not None:
        return portfolio, False
    if name and _HISTORY_OF.search(norm):
        return "payment_history", False  # "receipts history for X … before escalation"
    if name and (vocab.AGING_REPORT.search(norm) or book.AGED_BOOK.search(norm)):
        # "whats X's aged debt": what X owes (the book's aging when the name is no customer)
        return "customer_balance", False
    asked = _asked_first(norm)
    for intent, pattern in REPORTS:
        if pattern.search(norm) and (asked is None or pattern.search(asked)):
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
    if name and terse.ON_THEIR_ACCOUNT.search(norm):
        return "customer_balance", False  # "what's on X's account?": what X owes
    if name and not chatter and len(name.split()) <= 6:
        return "customer_balance", True
    return "unknown", False


def _asked_first(norm: str) -> str | None:
    """ "what was received yesterday? the lockbox file looked light.": the question asked in the
    first sentence, about payments or balances, when only a remark follows it (a report's word in
    the remark does not make the report the question); None otherwise."""
    first, mark, rest = norm.partition("?")
    if not mark or len(rest.split()) < 3 or "?" in rest:
        return None  # not "… en el banco? suspense": a word of the question after it
    if not (vocab.PAYMENT.search(first) or vocab.BALANCE.search(first)):
        return None
    return first


def _credit_asked(norm: str, refs: _Refs) -> bool:
    """One customer's or order's credit asked in words other readers take for another question
    (``graph.understand_credit_asked``)."""
    if refs.orders and credit.ORDER_CREDIT.search(norm):
        return True
    return any(
        p.search(norm) for p in (credit.ROOM, credit.ORDERS_OK, credit.WEIGHED_HOLD, credit.TERMS)
    )


def _without_references(norm: str, refs: _Refs) -> str:
    """The words of the message without the bank references it quotes ("which payment is 'CO
    ENTRY DESCR:VENDOR PMT INV 10281'?": the bank's words, not a question about vendors) and
    without a colleague's absence told beside the question."""
    for ref in refs.payments:
        if " " in ref:
            norm = norm.replace(vocab.normalize(ref), " ")
    if _PAIR.search(norm) and _OWED_BY_CURRENCY.search(norm) and not _RATE.search(norm):
        norm = _PAIR.sub(" ", norm)  # "top debtors - split if there's CAD/GBP": currencies listed
    return _AWAY.sub(" ", norm)


_CURRENCY = r"(?:usd|eur|gbp|cad)"
_PAIR = lazy(rf"\b{_CURRENCY}\s*/\s*{_CURRENCY}\b")
_RATE = lazy(r"\b(?:rates?|fx|exchange|convert\w*|spot|cross)\b")
_OWED_BY_CURRENCY = lazy(
    r"\b(?:debtors?|customers|accounts|owing|owe|owed|balances?|outstanding|receipts|invoices)\b"
)


_WHO_IS_AWAY = lazy(
    r"\bwho(?:'s| is| are| will be)(?: \w+)? (?:on (?:annual |sick )?(?:leave|holiday|vacation"
    r"|pto)|off sick|out sick|ooo|out of (?:the )?office)\b"
    # stock and shipping, not AR's: "how many units of sku 4471", "ship date for SO-1002"
    r"|\b(?:units of|inventory|stock (?:levels?|on hand|count)|on hand|skus?|ship(?:ping)? date"
    r"|delivery date|tracking (?:number|no|link))\b"
    # the caller's own day: "can someone cover my calls 2-3, dentist", "been on hold with
    # northwind's AP for 40 minutes"
    r"|\b(?:can|could|would) (?:someone|somebody|anyone|anybody|you) cover (?:my|her|his|the)"
    r" (?:collections? )?calls\b|\b(?:i|we|i've|we've|i have|we have)(?: been)? on hold (?:with"
    r"|for)\b"
    # our own pay, holidays and suppliers: "when do we get paid this month", "is monday a
    # holiday for the pune office", "our payment terms with our vendors"
    r"|\bwhen (?:do|will) (?:we|i) get paid\b(?!\s*(?:by|from|on|for)\b)|\bpay ?day\b"
    r"|\b(?:is|are) (?:\w+ )?(?:a )?(?:public |bank |national )?holiday\b"
    r"|\b(?:our|to our|with our|pay (?:the|our)) (?:vendors?|suppliers?)\b"
    # directions: "how do I get to the office from the airport"
    r"|\bhow (?:do|can|would) (?:i|we) get (?:to|from) .{0,40}\b(?:office|airport|station"
    r"|building|site|warehouse|branch|hotel|city|town|plant|depot)\b"
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
# a ledger called by its customers' names ("the harbor/pinnacle books", "the ERP import"), not a
# collector's own ("priya's books")
BOOKS_NAMED = lazy(
    rf"(?<!'s )\b(?:books|ledgers|import|imported|erp load)\b|{terse.NOT_A_CUSTOMER.pattern}"
)
_THEY_ASKED = lazy(r"\b(?:are|were|is|was) (?:they|he|she)\b|\bthey(?:'re| are| were)\b")
_SHIP = lazy(r"\b(?:ok|okay|safe|fine|good|clear) to (?:ship|release)\b|\bcan (?:we|i) ship\b")
_DAYS_LATE = lazy(r"\b(?:average|avg|mean) days (?:late|delinquent|beyond terms|past due)\b")
