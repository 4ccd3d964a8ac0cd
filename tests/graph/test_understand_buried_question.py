"""The question buried in a long, polite message (session 12): greetings, apologies, thanks, who
the writer is ("office manager here", "I'm covering for …"), a tag asking whether arbot can do it
("would that be something you can run?") and what colleagues said only tell; the clause that
asks, or what a colleague asked the writer to find, is read alone. A customer named in the
telling and asked of with "they" keeps the whole message's reading; a change asked for is never
made out of it. Phrasings (and colleagues' names) are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        # a colleague's name in the telling is no customer
        (
            "hey!! apologies, where are we on total receivables today? Bernard mentioned it in"
            " passing and I didn't follow",
            "total_ar",
        ),
        (
            "hello again, sorry to pester - what's the overall past due? Ingrid said it's"
            " climbing which doesn't tell me much",
            "total_ar",
        ),
        # what a colleague asked the writer to find, with a tag asking whether arbot can
        (
            "Morning! temp here, covering reception and AR. Ingrid asked me to pull the aged"
            " debtors before 2pm - would that be something you can run?",
            "aging_report",
        ),
        (
            "Hi, I'm new (first week). my supervisor wants to know which clients have the biggest"
            " balances, she's seeing the bank on friday",
            "top_debtors",
        ),
        (
            "good afternoon. I'm covering for Bernard while he's away. which customers are past"
            " their credit limit at the moment? the warehouse keeps phoning",
            "credit_exceptions",
        ),
        (
            "hiya, sorry - which accounts have items older than 120 days? I'm new and trying to"
            " get my head round it",
            "over_days",
        ),
        (
            "Hello! I'm the new hire on the team. Ingrid asked me to find the largest unpaid"
            " invoices. Is that possible?",
            "largest_invoices",
        ),
        (
            "hi there, I'm still learning, so bear with me. how much cash came in last week?"
            " Bernard usually does this bit",
            "payments_received",
        ),
    ],
)
def test_the_buried_question_is_read(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.action is None


def test_a_customer_named_in_a_relayed_ask_is_kept() -> None:
    request = parse(
        "Hi! sorry if this is obvious, my boss Ingrid asked me to find out what Initech owes us"
        " altogether before her meeting. how would I see that?",
        TODAY,
    )
    assert request.intent == "customer_balance", request
    assert request.customer_text == "initech"


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        # the telling names the customer the question asks of
        (
            "Hi, I have a call with Fabrikam at 4 - sorry, could you tell me what they owe?",
            "customer_balance",
            "fabrikam",
        ),
        ("hello, Initech - how much is open and how much is late?", "customer_balance", "initech"),
        # a question about arbot itself stays help
        (
            "Hi, sorry, am I allowed to use you to put customers on hold? how does that work"
            " with you?",
            "help",
            None,
        ),
    ],
)
def test_look_alikes_keep_their_reading(text: str, intent: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text == customer


def test_an_invoice_named_in_the_telling_is_still_the_question() -> None:
    request = parse(
        "hi, sorry - the customer insists INV-10299 went out twice. is it still open?", TODAY
    )
    assert request.intent == "invoice_status", request
    assert request.invoice_refs


def test_a_change_asked_for_in_a_polite_message_is_no_question() -> None:
    request = parse(
        "Hi, sorry to bother! Ingrid asked me to send a reminder to Initech about INV-10295."
        " can you do that?",
        TODAY,
    )
    assert request.intent != "payments_received"
    assert request.intent in ("action_request", "invoice_status")


@pytest.mark.parametrize(
    "text,intent",
    [
        # the ask after "and" in a clause that opens with who is writing
        (
            "hi, I'm covering for Bernard this week and Ingrid asked me to pull the aging for"
            " the whole company. is that something you can do?",
            "aging_report",
        ),
        # what arbot cannot do, only told: a colleague's remark is no request
        (
            "hello, could you give me the daily summary? Bernard said you send one every morning",
            "digest",
        ),
        # a greeting and an apology in one clause, then the question
        ("hey sorry - who is over their credit limit at the moment? sales keep asking", None),
        # a newcomer's "overdue report" is the aging
        ("Ingrid wants the overdue report by friday, can you run that? thanks!", "aging_report"),
    ],
)
def test_more_buried_questions(text: str, intent: str | None) -> None:
    request = parse(text, TODAY)
    assert request.intent == (intent or "credit_exceptions"), request
    assert request.action is None
