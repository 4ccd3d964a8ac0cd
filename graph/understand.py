"""The deterministic reading of a request: intent, mentions and dates, without an LLM.

It never fails: what it cannot place becomes ``unknown``. Mentions are raw text here; they are
resolved against the ERP in the agent's ``understand`` node. The words and phrasings it knows are
in ``graph.understand_vocab``; the intent word by word in ``graph.understand_intent``; this module
reads references (invoices, POs, sales orders, payments), periods and change requests, and puts
the intent right by what they say.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from graph import understand_book_plain as book_plain
from graph import understand_collector
from graph import understand_cuts as cuts
from graph import understand_parts as parts
from graph import understand_quoted as quoted
from graph import understand_vocab as vocab
from graph.intents import NAMES
from graph.lazy_regex import lazy
from graph.understand_action_names import NotAsked
from graph.understand_actions import _action as _action
from graph.understand_actions import parse_action as parse_action
from graph.understand_addressed import addressed_to, to_colleague
from graph.understand_asked import not_asked
from graph.understand_buried import buried_question
from graph.understand_cannot_named import instead as cannot_instead
from graph.understand_compared import compared
from graph.understand_credit_said import exposure_as_credit, the_hold_said
from graph.understand_dates import explicit_range
from graph.understand_german import without_greeting
from graph.understand_inbox import PROPOSAL_ASKED_AFTER
from graph.understand_intent import ACRONYMS, BOOKS_NAMED, intent_of, portfolio_intent
from graph.understand_mentioned import asks_a_question, mentioned
from graph.understand_noaction import called_off, nothing_asked
from graph.understand_periods import DateRange as DateRange
from graph.understand_periods import period as _period
from graph.understand_plain import plain
from graph.understand_question import after_reports, confirmed_done, question_alone, without_memo
from graph.understand_refs import _extract, _name, short_invoice_numbers
from graph.understand_remark import remark_then_question
from graph.understand_request import Request as Request
from graph.understand_spanish_questions import spanish_questions
from graph.understand_verbs import SELF_MEMO
from graph.understand_whatif import imagined
from graph.understand_whether import whether_to
from graph.understand_worklist import worklist_apart

INTENTS = NAMES  # every intent of the registry (graph.intents), "unknown" last


_BOOK_CREDIT = lazy(
    r"\b(?:customers|accounts|clients|who|which|anyone|any)\b.{0,40}\blimits?\b"
    r"|\butili[sz]ation\b"
)
# "collections month to date", "cfo asking: total collections ytd" (a lead-in before a colon)
_COLLECTED = lazy(
    r"(?:^|:)\s*(?:total |our |the |how much )?collections?\b|\bhow much\b.{0,30}\bcollect"
    # "CFO wants collections for the last fortnight"
    r"|\b(?:wants?|needs?|asking for|asked for|asks for|requesting|requested) (?:the |our |total )?"
    r"collections? (?:for|in|during|over)\b"
    r"|\bcollections? (?:received|realised|realized|made|booked|banked|achieved|figures?"
    r"|amount|total|numbers?)\b"
    # "kindly share total collections for the month of October"
    r"|\b(?:share|send|give|pull|provide|need) (?:me |us )?(?:the |our )?total collections?"
    r" (?:for|in|during|over|of)\b"
    # "kindly advise total collections month to date"
    r"|\btotal collections?\b"
    # session 14: "mtd collections by collector", "collections for october, per currency"
    r"|\b(?:month|year|quarter|week) to date collections?\b"
    r"|^\W*collections? (?:for|in|during|over|from|since) (?!today\b)"
)
# an instruction to do nothing, no change named: "stop - don't send anything to X until I say so"
_HOLD_OFF = lazy(
    r"\b(?:don't|dont|do not|no need to|never) (?:send|email|e-mail|contact|chase|call|ring"
    r"|remind|ping|do) (?:anything|any more|anything more|nothing)\b"
)
_WORKLIST = lazy(
    r"\b(?:list|queue|worklist|call|chase|who|whom|priorit(?:y|ies|i[sz]e\w*)|dunning|agency"
    r"|escalat\w*)\b"
)
_WHICH_PAYMENT = lazy(
    r"\b(?:who|whose|which|find|look ?up|trace|locate|where is)\b.{0,40}\b(?:sent|paid|wired"
    r"|remitted|payments?|wires?|checks?|cheques?|deposits?|receipts?|remittances?)\b"
    r"|\b(?:payments?|wires?|checks?|deposits?|receipts?) (?:of|for)\b"
    r"|\b(?:get|got|receive|received)\b.{0,24}\bfrom (?:anyone|anybody|someone|whom)\b"
)
# an amount in cents; "on 18.11." is a day (day first), not 18.11
_CENTS = lazy(
    r"(?<![\w.,])(?<!\bon )(?<!\bsince )(?<!\bbefore )(?<!\bfrom )(?<!\buntil )"
    r"(\$?\s?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2})(?!\d|\.\d)"  # not 10.11.2026: a date
)
_OVER_AMOUNT = lazy(
    r"(?:\bover|\babove|\bmore than|\bgreater than|>=?)\s*\$?\s?(\d[\d,]*(?:\.\d+)?)\s*([km])?\b"
    r"(?!\s*(?:days?|%))"
)
# cash over a past period is what came in: "cash since the 16th", "any cash yesterday"
# "what did X send us since the start of the month", "how much has X paid since september": the
# amount received from one customer from a day to today (a yes-no "has X paid since …" is their
# payment record, and a bare "since?" after a remark is read elsewhere)
_AMOUNT_SINCE = lazy(
    r"\b(?:what|how much)\b(?! (?:(?:have|has|did|do) )?(?:we|i)\b).{0,50}\b(?:pay|paid|send|sent"
    r"|remit(?:ted)?|wired?)\b.{0,30}\bsince (?:the |last |\d|[a-z]{3})"
)
# debtors ranked by what is past due: "top 5 customers by overdue amt", "the largest overdue"
_PAST_DUE_RANK = lazy(
    r"\bby (?:overdue|past due|late|delinquent)\b|\b(?:largest|biggest|most|highest|top(?: \d+)?)"
    r" (?:overdue|past due)(?! invoices?| items?| bills?)\b"
    # "which customers account for the biggest chunk of what is overdue"
    r"|\b(?:chunk|share|part|portion|bulk|majority) of (?:what is |the )?(?:overdue|past due)\b"
)
# "cash applied in october" came in; "cash app", "cash application" is the matching work
_CASH = lazy(
    r"\bcash\b(?!\s*(?:flows?|position|balances?|forecast\w*|app(?:s|lications?)?\b|outlook|tied))"
)
_DUE = lazy(r"\bdue\b|\bcoming\b|\bupcoming\b")
# money expected over days still to come: "likely receipts next 30 days", "how much is X
# expected to pay us in the next 30 days"
_AHEAD = lazy(r"\b(?:likely|probable|expected|expect|forecast|projected|will|going to|should)\b")
_COMING_DUE = lazy(r"\b(?:falls?|falling|coming|becomes?|becoming)? ?due\b|\bmaturing\b")
_PAST_DUE = lazy(r"\bpast due\b|\boverdue\b|\bdue (?:before|since|until)\b")
_BY_COLLECTOR = lazy(
    r"\b(?:by|per|for each|each|every) collectors?\b|\bcollectors? (?:split|breakdown)\b"
)
_UNDO = lazy(r"\b(?:void|cancel|delete|reverse|amend|correct|edit|credit)\b")
_MAYBE_INVOICE = lazy(r"(?<![\w-])([a-z]{1,3}-?\d{3,})(?![\w-])", re.IGNORECASE)


def parse(text: str, today: date) -> Request:
    text = plain(text)  # graph.understand_plain: French (and more) put in English, names kept
    first = _parse(text, today)
    if (buried := buried_question(text, first, today, _parse)) is not None:
        first = buried  # "Hi! sorry, I'm new - … Pat asked me to get her the aging. can you?"
    # "SO-9002 got released yesterday? what's X's exposure now": X's credit, not X's balance
    return exposure_as_credit(first, text)


def _parse(text: str, today: date) -> Request:
    if (quoting := quoted.read(text, today, parse)) is not None:
        return quoting  # what the person quotes, forwards or signs off is data
    if (addressed := to_colleague(text, today, _parse)) is not None:
        return addressed  # "Maya, can you send Globex a statement?": Maya's to do
    text = without_memo(parts.slashed(parts.spoken(without_greeting(spanish_questions(text)))))
    text = the_hold_said(text)  # "take X off stop - are they actually on it?"
    norm = vocab.normalize(text)  # once, for every reading below
    if vocab.CAPABILITY.match(norm) and not vocab.INJECTION.search(norm):
        # "could you put X on hold if I asked?", "what would I type to …": how arbot works
        return Request("help", text=text)
    if PROPOSAL_ASKED_AFTER.search(norm) and not vocab.INJECTION.search(norm):
        # "the write off for X – is it approved yet?": the proposal asked after, not made again
        return Request(
            "approvals_inbox", customer_text=_name(_extract(text).remaining)[0], text=text
        )
    if (remark := remark_then_question(text, norm, today, parse)) is not None:
        return remark  # "luis put X on hold yesterday. what do they owe?": the question
    if (off := called_off(text, norm)) is not None:
        return off  # "pls ignore my previous msg about X's limit, not required now"
    collector = understand_collector.read(text, today, norm)  # disputes, promises, statements
    action = _action(text, norm) if collector is None else collector.action
    refused = None if action is None else not_asked(text, action.kind, norm=norm)
    if action is not None and refused is None and (other := cannot_instead(norm, action.kind)):
        # "write off 10130 in full as bad debt", "delete that note": a change arbot cannot
        # make that names one it can is said plainly, never proposed as the one it names
        refs = _extract(text)
        return Request(
            "unknown",
            customer_text=action.customer_text,
            invoice_refs=tuple(refs.invoices),
            order_refs=tuple(refs.orders),
            text=text,
            cannot=other,
        )
    if (
        action is not None
        and refused is None
        and (colleague := addressed_to(text, action.customer_text))
    ):
        # "Priya, can you put a note on …", "hey sam, note on litware …": a colleague's to do
        said = (action.customer_text or "").split()
        return Request(
            "unknown",
            customer_text=" ".join(said[1:] if said[:1] == [colleague] else said) or None,
            text=text,
            not_asked=NotAsked(action.kind, "addressed"),
        )
    if (
        action is not None
        and refused is None
        and (nil := nothing_asked(text, norm, action, today, parse))
    ):
        return nil  # "X asked us to dispute it on their side, nothing for us to do. how much …"
    if (refused is None or refused.reason == "hypothetical") and (
        whatif := imagined(text, norm, today, parse)
    ) is not None:
        return whatif  # "if we wrote off everything over 120 days how much would that be"
    if refused is None and collector is not None:
        return quoted.unless_reported(collector, text, norm)  # "luis told me X want a statement"
    if action is not None and refused is None:
        return parts.with_part_not_done(text, norm, action)
    if refused is None and action is None and not asks_a_question(norm):
        refused = mentioned(
            text, norm, reported=True
        )  # "don't send the reminder yet", "I emailed them one"
    if refused is None and action is None and _HOLD_OFF.search(norm) and not asks_a_question(norm):
        return Request("unknown", text=text)  # "don't send anything to X until I say so"
    if refused is None and action is None and (aside := after_reports(text, today, parse)):
        return aside
    if (
        refused.reason in ("negated", "done", "planned") if refused is not None else action is None
    ) and (alone := question_alone(text, norm, today, parse)) is not None:
        return alone
    if (
        refused is not None
        and refused.reason != "question"  # "should we put X on hold?": read as the question
        and (refused.reason == "override" or not asks_a_question(norm))
    ):
        if refused.reason == "history":  # "invoices we wrote off this year": not shown yet
            return Request("unknown", text=text, cannot="records")
        confirmed = confirmed_done(text, refused.kind) if refused.reason == "done" else None
        if confirmed is not None:
            return confirmed  # "we already applied PMT-U00001 yesterday, right?": show it
        # a change named and not asked for: said so; a question beside it is read below
        who = action.customer_text if action is not None else _name(_extract(text).remaining)[0]
        return Request("unknown", customer_text=who, text=text, not_asked=refused)
    if vocab.INJECTION.search(norm) or (SELF_MEMO.match(norm) and not asks_a_question(norm)):
        return Request(intent="unknown", text=text)  # an override; "reminder to self: …"
    refs = _extract(text)
    name, chatter = _name(refs.remaining)
    if (
        refused is None  # a change arbot makes, asked about: read as the question
        and (cannot := parts.cannot(norm)) is not None
        and not vocab.OUT_OF_SCOPE.search(norm)
        and not ACRONYMS.match(text.strip())  # "ADD trend": average days delinquent
        and not vocab.CAPABILITY.match(norm)  # "can you send dunning letters?": help
        # "customers will ask for payment plans if we push. who should we chase first?"
        and not worklist_apart(norm, parts.cannot)
    ):
        if (
            cannot == "create_invoice"
            and refs.orders
            and not refs.invoices
            and not _UNDO.search(norm)  # "cancel SO-1013" bills nothing
        ):
            # "create an invoice for SO-1001": billing a fulfilled order is drafted for approval
            orders = tuple(refs.orders)
            refused = not_asked(text, "create_invoice", norm=norm)
            if refused is None:
                return Request("create_invoice", customer_text=name, order_refs=orders, text=text)
            return Request("unknown", order_refs=orders, text=text, not_asked=refused)
        said = Request(
            intent="unknown",
            customer_text=name,
            invoice_refs=tuple(refs.invoices),
            order_refs=tuple(refs.orders),
            text=text,
            cannot=cannot,
        )
        return whether_to(said, norm)  # "is it a good idea to move X to net 45?": X's credit
    intent, guessed = intent_of(norm, refs, name, chatter, text)
    written = explicit_range(norm, today)
    # a forecast, and promises "due monday", speak of days ahead
    forward = intent == "forecast" or (intent == "promises" and bool(_DUE.search(norm)))
    period = written or _period(norm, today, forward=forward)
    if (
        intent == "total_ar"
        and period is not None
        and period.end >= today
        and _COMING_DUE.search(norm)
        and not _PAST_DUE.search(norm)
    ):
        # "what's due this week", "invoices due next week": what falls due is expected receipts
        intent, period = "forecast", written or _period(norm, today, forward=True)
    if (
        intent in ("payments_received", "payment_history")
        and period is not None
        and (period.start > today or (period.end > today and _AHEAD.search(norm)))
    ):
        # "what will come in next week": money not received yet is the forecast's question
        intent, period = "forecast", written or _period(norm, today, forward=True)
    if guessed and period is not None:
        intent = "payment_history"  # "northwind last week": what came in then
    if (
        (intent == "unknown" or (intent == "total_ar" and not vocab.BALANCE.search(norm)))
        and period is not None
        and period.end <= today
        and _CASH.search(norm)
        and not vocab.TOTAL_AR.search(norm)
    ):
        intent = "payment_history" if name else "payments_received"
    if (
        intent == "payment_history"
        and written is not None
        and written.start != written.end  # "what did riverbend pay on 11/3": its payments
        and not guessed
        and (
            not re.match(r"(?:did|has|have|does|do)\b(?! (?:we|i|you)\b)", norm)
            or re.search(r"\bbetween\b.+\band\b|\bfrom\b.+\b(?:to|until|till)\b", norm)
        )
    ):
        # "globex payments between 2026-09-01 and 2026-10-31": payments received between
        # written dates, narrowed to one customer; "did globex pay on 2026-11-02?" asks about
        # the customer's payments (as "did globex pay last week" does)
        intent = "payments_received"
    if (
        intent == "payment_history"
        and name
        and period is not None
        and period.end == today
        and _AMOUNT_SINCE.search(norm)
    ):
        intent = "payments_received"
    if intent == "credit_check" and not name and not refs.orders and _BOOK_CREDIT.search(norm):
        intent = "credit_exceptions"  # "customers near their credit limit": the whole book's
    if (
        intent == "collections_list"
        and not name
        and period is not None
        and period.end <= today
        and _COLLECTED.search(norm)
        and not _WORKLIST.search(norm)
    ):
        intent = "payments_received"  # "collections month to date": the cash collected
    compared_to = None
    if intent == "payments_received" and (pair := compared(norm, today)) is not None:
        period, compared_to = pair  # "collections this week vs last week"
    payment_refs = tuple(refs.payments)
    if (
        not payment_refs
        and not name
        and intent in ("payments_received", "payment_history", "unknown")
        and _WHICH_PAYMENT.search(norm)
        and (amount := _CENTS.search(text))
    ):
        # "who sent 9,390.20", "find the payment of $828.82": one payment, by its amount
        intent, payment_refs = "payment_lookup", (amount.group(1),)
    at_least = None
    if intent in ("top_debtors", "largest_invoices") and (over := _OVER_AMOUNT.search(norm)):
        digits = Decimal(over.group(1).replace(",", ""))
        at_least = digits * {"k": 1000, "m": 1_000_000}.get(over.group(2) or "", 1)
    by_collector = bool(_BY_COLLECTOR.search(norm))
    if by_collector and intent in ("total_ar", "customer_balance", "unknown"):
        # "ar by collector", "buckets per collector (dana / luis)": the names split by are the
        # collectors', not customers
        intent, name, guessed = "aging_report", None, False
    if intent == "aging_report" and name and BOOKS_NAMED.search(norm):
        name = None  # "aging for the harbor/pinnacle books": the ledger, not those customers
    book_intent = None
    if name and intent in ("customer_balance", "payment_history", "payments_received"):
        book_intent = portfolio_intent(norm, refs, None)
        if book_intent is None and intent != "customer_balance" and period is not None:
            book_intent = "payments_received"
    limit = cuts.count(norm, ranking=intent in ("top_debtors", "largest_invoices"))
    also_named: tuple[str, ...] = ()
    if name and intent in parts.ONE_CUSTOMER and (apart := parts.names_apart(refs.remaining)):
        name, also_named = apart[0], apart[1:]
    maybe = tuple(
        m.group(1).upper()
        for m in _MAYBE_INVOICE.finditer(refs.remaining)
        if not re.match(r"(?i)^(?:q[1-4]|c\d+)$", m.group(1))
    )
    if not refs.invoices and (short := short_invoice_numbers(refs.remaining, norm)):
        maybe += short
        if intent in ("payments_received", "total_ar") and not name:
            # "is 982 paid": one invoice's status, not the book's payments; the agent reads it
            # as the invoice when the ledger has one, and says it did not understand otherwise
            intent = "unknown"
    request = Request(
        intent=intent,
        customer_text=None if intent in ("help", "unknown") else name,
        invoice_refs=tuple(refs.invoices),
        po_refs=tuple(refs.pos),
        order_refs=tuple(refs.orders),
        period=period,
        limit=limit,
        text=text,
        guessed=guessed,
        payment_refs=payment_refs,
        days=cuts.over_days(norm) if intent == "over_days" else None,
        currency=cuts.currency(norm),
        by_collector=by_collector,
        maybe_invoices=maybe,
        book_intent=book_intent if book_intent != intent else None,
        at_least=at_least,
        also_named=also_named,
        compared_to=compared_to,
        past_due_first=intent == "top_debtors"
        and bool(_PAST_DUE_RANK.search(norm) or book_plain.PAST_DUE_FIRST.search(norm)),
    )
    return whether_to(request, norm)  # "should we be holding orders for X?": X's credit
