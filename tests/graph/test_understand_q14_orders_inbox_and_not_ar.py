"""Session 14's questions round, second part: an order asked to go ("ok for new orders?", "two
orders sitting there, can they go"), cash collected in a period ("collections for september"),
the approvals asked as "anything pending that needs the FD's sign-off", how arbot works something
out, the aging of a ledger called by its customers' names, promises said plainly, disputes said
as "they say they don't owe it", and what is not AR's (stock, ship dates, directions, covering a
colleague's calls, being on hold on the phone, another tool's how-to). Nothing is proposed.
Phrasings are not the eval files'."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        # an order asked to go
        ("is globex fine for more orders?", "credit_check"),
        ("tate has three orders waiting - can we let them go?", "credit_check"),
        ("can the northwind order ship out today or are they over", "credit_check"),
        ("would that push them above their 250k line?", "credit_check"),
        ("SO 1004 ok to release?", "credit_check"),
        # cash collected in a period
        ("collections for september please, by currency", "payments_received"),
        ("month to date collections by currency", "payments_received"),
        ("how much have we brought in this week", "payments_received"),
        # approvals
        ("anything still pending that needs the FD's approval?", "approvals_inbox"),
        ("what's on the approval list today", "approvals_inbox"),
        # how arbot works something out
        ("could you explain how the worklist is ranked?", "help"),
        # the aging of a ledger called by its customers' names
        ("aging for the harbor/meridian books please", "aging_report"),
        ("need the ageing on the ledger we imported, the pinnacle ones", "aging_report"),
        # promises said plainly
        ("which customers said they'd pay and then flaked?", "promises"),
        ("globex said they would pay - when was that supposed to be?", "promises"),
        # disputes said plainly, days to pay
        ("anyone claiming they don't owe us?", "disputes"),
        ("which customer is quickest to pay", "days_to_pay"),
        # a currency list in a ranking
        ("biggest debtors, GBP/EUR only", "top_debtors"),
    ],
)
def test_read_as_asked(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, text
    assert request.action is None, text


def test_the_ledgers_aging_is_not_narrowed_to_the_names() -> None:
    assert parse("aging for the harbor/meridian books please", TODAY).customer_text is None


@pytest.mark.parametrize(
    "text",
    [
        "how many units of part 8812 do we have",
        "what's the delivery date for SO-1007?",
        "stock on hand for the globex order?",
        "how do I get to the Leeds office from the station",
        "how do I raise a credit note in Xero",
        "could someone cover my calls on friday? doctor",
        "we've been on hold with their AP for an hour",
        "top 5 customers by revenue for the board deck",
        "what's the GBP/USD rate today",
    ],
)
def test_not_ar(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" or (request.guessed and request.intent != "help"), text
    assert request.action is None, text


@pytest.mark.parametrize(
    "text,intent",
    [
        ("how do I put a customer on hold?", "help"),
        ("can we ship SO-1004?", "credit_check"),
        ("collections list for today", "collections_list"),
        ("is INV-10432 disputed?", "invoice_status"),
    ],
)
def test_look_alikes(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent, text


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("receipts between the 2nd and the 30th of september", date(2026, 9, 2), date(2026, 9, 30)),
        ("cash in between the 1st and 15th of november", date(2026, 11, 1), date(2026, 11, 15)),
    ],
)
def test_a_bare_day_takes_the_month_said_after_it(text: str, start: date, end: date) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payments_received"
    assert request.period is not None
    assert (request.period.start, request.period.end) == (start, end)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("largest debtors please, the euro ones too", "top_debtors"),
        ("top balances, sterling included", "top_debtors"),
        ("how much is sitting on account for globex?", "unapplied_cash"),
        ("northwind has a credit parked on their account, from which payment?", "unapplied_cash"),
        ("how long does tate usually take past the due date", "days_to_pay"),
        ("everything over 90 please", "over_days"),
        # who to chase asked beside a remark the other readers take for something else
        (
            "they'll want a payment plan if we push. which customers should we call first?",
            "collections_list",
        ),
        ("stuck in the car park and I need to know who we should chase first", "collections_list"),
    ],
)
def test_said_beside_something_else(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, text
    assert request.action is None, text
    assert request.currency is None, text


@pytest.mark.parametrize(
    "text,intent",
    [
        ("top debtors in euro only", "top_debtors"),
        ("can you set up a payment plan for globex?", "unknown"),
    ],
)
def test_look_alikes_of_those(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent, text


@pytest.mark.parametrize(
    "text,intent",
    [
        ("which clients are furthest behind?", "collections_list"),
        ("which accounts should the team work on tomorrow", "collections_list"),
        ("is there any reason not to release the tate order?", "credit_check"),
        ("top 4 clients in sterling", "top_debtors"),
        ("which customer do we have the most cash tied up with", "top_debtors"),
        ("top 10 clients to call today", "collections_list"),
        ("the top 15 accounts we ought to be dunning, by priority", "collections_list"),
        ("how old are all our open invoices?", "aging_report"),
        ("receivables by days past due please", "aging_report"),
        ("which accounts told us they'd pay this week?", "promises"),
        # not AR's
        ("when will I get paid this month?", "unknown"),
        ("is friday a public holiday in manila?", "unknown"),
        ("what do we still owe our suppliers?", "unknown"),
    ],
)
def test_more_said_otherwise(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, text
    assert request.action is None, text
