"""Session 14's questions round: a worklist however it is qualified (broken promises first,
disputes left out, a collector named, a reason told in a sentence of its own), debtors ranked by
what is past due, the book's concentration, invoices ranked (not customers), the aging asked how
it looks, a ranking asked before a second question, and AR shorthand ("shld", "ppl", "prio").
Look-alikes keep their reading; nothing is proposed. Phrasings are not the eval files'."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        # qualified by promises or disputes: still who to chase
        "which accounts should priya ring first - put the broken PTPs on top",
        "anybody we have to chase over broken promises this week?",
        "which clients are top priority for a follow-up call, leaving out the disputed ones",
        "which debtors should we escalate? think broken promises and old stuff",
        "collections priority for tomorrow please, broken promises first",
        # said otherwise
        "who shd we nudge first today",
        "pls gimme 10 ppl to chase",
        "whom do we phone first on friday",
        "who should luis prioritize this afternoon?",
        "which customers need to get a round of reminders next",
        "who is on the team's to-do list for calls",
        "prio list for the collectors please",
        "what's in priya's queue to work",
        # a reason told apart from the ask
        "Payroll is due on the 30th and cash is tight. Which customers should we call first?",
    ],
)
def test_a_worklist_however_qualified(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "collections_list", text
    assert request.action is None


@pytest.mark.parametrize(
    "text,past_due_first",
    [
        ("top 4 overdue debtors", True),
        ("top 10 past due balances please", True),
        ("which clients carry the most overdue dollars", True),
        ("who has the most past due balance right now", True),
        ("which accounts make up the bulk of what is past due?", True),
        ("customer concentration please", False),
        ("what's our concentration risk by customer", False),
        ("which clients make up most of the receivables", False),
        ("who owes us more than 75k", False),
        ("our 5 largest balances by account", False),
        ("the heaviest customers on the book", False),
        ("largest 3 debtors, not counting disputed items", False),
    ],
)
def test_debtors_ranked(text: str, past_due_first: bool) -> None:
    request = parse(text, TODAY)
    assert request.intent == "top_debtors", text
    assert request.past_due_first is past_due_first, text
    assert request.customer_text is None, text


@pytest.mark.parametrize(
    "text",
    [
        "open invoices sorted by amount outstanding",
        "our invoices by size, biggest first",
        "which invoices have the most left on them",
        "show the top 10 receivables at invoice level, not by customer",
        "I want invoices, not customers: who has the biggest open ones?",
        "open invoices > $15,000",
        "invoices with a balance > 40k",
    ],
)
def test_invoices_ranked_not_customers(text: str) -> None:
    assert parse(text, TODAY).intent == "largest_invoices", text


@pytest.mark.parametrize(
    "text,intent",
    [
        ("how does the ageing look this month?", "aging_report"),
        ("what's the aging looking like for the whole book", "aging_report"),
        # a ranking asked first, another question after it
        ("top 3 debtors - and are any of them over their limit?", "top_debtors"),
        ("biggest 5 balances and then the largest single invoice", "top_debtors"),
        # the disputes themselves, asked: still disputes
        ("which invoices are disputed right now?", "disputes"),
        ("list disputed items over 5k", "disputes"),
    ],
)
def test_aging_and_first_asks(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent, text


@pytest.mark.parametrize(
    "text,intent",
    [
        # look-alikes: the promises or the disputes asked, no worklist
        ("which promises were broken this week?", "promises"),
        ("any broken PTPs today?", "promises"),
        ("who is disputing invoices at the moment", "disputes"),
        # the payroll, asked: not AR's
        ("when does payroll run this month?", "unknown"),
        ("who do I call about my paycheck?", "unknown"),
        # one customer's worst invoice: not a ranking of debtors
        ("is INV-10432 paid?", "invoice_status"),
        # the largest customers by sales are not AR
        ("top 10 customers by revenue this year", "unknown"),
    ],
)
def test_look_alikes_keep_their_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent, text
