"""Questions put in other words than the usual ones: an order's credit asked as "ok to accept",
"let … through", "wants another 45k - ok?", orders listed as bare numbers or as "so 1013";
the book's unapplied cash "received but never applied", days "from invoice to cash", the
"total on the sales ledger", debtors ranked "by $ owed", customers "sitting on the most
receivables", collections asked after a lead-in ("cfo asking: …"), a typo of "collect"; and
the look-alikes that keep their reading."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("fresh 8k order in from kendall paper - safe to accept it?", "kendall paper"),
        ("can we let tate engineering's held order through?", "tate engineering"),
        ("northwind wants a further 20k this month, is that ok?", "northwind"),
    ],
)
def test_an_orders_credit_asked_otherwise(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text) == ("credit_check", customer)


@pytest.mark.parametrize(
    "text,orders",
    [
        ("globex put in orders 1004 & 1005, credit ok?", ("SO-1004", "SO-1005")),
        ("fabrikam so 1011 ok?", ("SO-1011",)),
    ],
)
def test_orders_named_by_their_numbers(text: str, orders: tuple[str, ...]) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.order_refs) == ("credit_check", orders)


@pytest.mark.parametrize(
    "text",
    [
        "let me know when the order goes through",  # no order's credit asked
        "we have 2 orders, 1500 and 2000 dollars",  # amounts, not orders
        "so 10130 is closed?",  # "so" opens the sentence: an invoice
    ],
)
def test_look_alikes_of_an_orders_credit(text: str) -> None:
    request = parse(text, TODAY)
    assert not request.order_refs


@pytest.mark.parametrize(
    "text,intent",
    [
        ("any money that came in but was never allocated?", "unapplied_cash"),
        ("how many days from invoice to payment, on average?", "days_to_pay"),
        ("invoice-to-cash days across the book", "days_to_pay"),
        ("what's the total on the debtors ledger", "total_ar"),
        ("list our 5 worst debtors by amount owed", "top_debtors"),
        ("which accounts are holding the most debt right now?", "top_debtors"),
        ("boss asking: our collections last month?", "payments_received"),
        ("how much did we colect this week", "payments_received"),
    ],
)
def test_book_questions_said_otherwise(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text) == (intent, None)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("who are our worst debtors", "collections_list"),  # who to chase: no ranking by money
        ("collections queue for today", "collections_list"),
        ("what's on my collections worklist", "collections_list"),
    ],
)
def test_look_alikes_keep_their_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        # the question first, a remark after it
        (
            "what does kendall paper still owe? I believe they're on GBP",
            "customer_balance",
            "kendall paper",
        ),
        # a change called off, then the question about "them"
        (
            "no need to put tate engineering on stop, what do they owe though?",
            "customer_balance",
            "tate engineering",
        ),
        (
            "don't chase initech, they paid - what's left on their account?",
            "customer_balance",
            "initech",
        ),
        # a condition said first
        (
            "if globex settles the overdue today, what would they still owe?",
            "customer_balance",
            "globex",
        ),
        # a memo to oneself in brackets is no part of the question
        ("(note to self: call fabrikam tue) what's the total past due?", "total_ar", None),
    ],
)
def test_the_one_question_among_remarks(text: str, intent: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text) == (intent, customer)


@pytest.mark.parametrize(
    "text,intent",
    [
        # a name or a reference said apart from the question belongs to it: read whole
        ("jensen beverages - what have they paid lately", "payment_history"),
        ("10308 - did sterling pay all of it?", "invoice_status"),
        # a change reported done is context the question needs
        ("we raised initech's limit last month - how much room do they have now?", "credit_check"),
    ],
)
def test_a_question_needing_its_other_clauses_is_read_whole(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "did anybody already email kendall paper a reminder?",
        "the dunning letter to tate engineering went out on friday, yes?",
        "have the statements gone out to northwind",
    ],
)
def test_whether_a_reminder_or_statement_went_out_is_history(text: str) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.cannot, request.action) == ("unknown", "records", None)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("the reminder for INV-10183 went out friday - has it been paid since?", "invoice_status"),
        ("did globex pay after the reminder went out?", "payment_history"),
        ("send the reminder to kendall paper", "action_request"),
    ],
)
def test_a_reminder_beside_another_question_or_asked_for(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


@pytest.mark.parametrize(
    "text,intent,payments,invoices",
    [
        ("we applied PMT-U00001 on tuesday, right?", "payment_lookup", ("PMT-U00001",), ()),
        ("I wrote off INV-10302 last week, correct?", "invoice_status", (), ("10302",)),
    ],
)
def test_a_change_reported_done_and_asked_to_be_confirmed(
    text: str, intent: str, payments: tuple[str, ...], invoices: tuple[str, ...]
) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.payment_refs, request.invoice_refs) == (
        intent,
        payments,
        invoices,
    )
    assert request.action is None


def test_a_change_reported_done_without_a_question_stays_a_report() -> None:
    request = parse("we applied PMT-U00001 on tuesday", TODAY)
    assert request.intent == "unknown" and request.not_asked is not None


def test_they_after_a_report_is_the_customer_the_report_names() -> None:
    request = parse(
        "priya released the hold on kendall paper yesterday, what do they owe now?", TODAY
    )
    assert (request.intent, request.action) == ("customer_balance", None)
    assert request.customer_text is not None and "kendall paper" in request.customer_text


def test_a_report_beside_a_question_about_no_one_stays_a_question_about_no_one() -> None:
    request = parse("dana sent the reminders this morning, what is the total past due?", TODAY)
    assert (request.intent, request.customer_text) == ("total_ar", None)
