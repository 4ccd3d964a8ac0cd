"""The whole book asked in an owner's, a bookkeeper's or a debtors clerk's plain words (session
13): who to start chasing, who owes the most (or the most past due), who is over what we allow,
the invoices ranked by size (a currency named among them), how old the money is, money taken
off invoices, the day's news, the AR figure for the books, approvals waiting on the one asking,
"total collections" in a period, unallocated money, "90 days and older", and "ta"/"shame" read
as the words they are, no customer. Look-alikes keep their reading; nothing is proposed.
Phrasings are not the eval files'."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        # who to chase
        ("I have an hour to ring people, who should I start with?", "collections_list"),
        ("can I get a rundown of who to call for payment today", "collections_list"),
        ("which customers are most urgent for follow-up calls", "collections_list"),
        ("which debtors must we ring first", "collections_list"),
        ("new in the job - where should I begin with the late ones?", "collections_list"),
        # who owes the most
        ("tell me who the largest debtors are", "top_debtors"),
        ("who owes us the most overdue money", "top_debtors"),
        ("worst late payers by dollars please", "top_debtors"),
        # over what we allow
        ("is anybody on the naughty list today?", "credit_exceptions"),
        ("has anyone gone past what we allow them on account?", "credit_exceptions"),
        ("have we stopped selling to anybody?", "credit_exceptions"),
        # the invoices ranked
        ("show unpaid invoices from largest to smallest", "largest_invoices"),
        ("any massive bills still unpaid?", "largest_invoices"),
        ("biggest open USD invoices", "largest_invoices"),
        # how old the money is
        ("show me what customers owe by how late it is", "aging_report"),
        ("how old is the money customers owe us", "aging_report"),
        # money taken off invoices
        ("who took money off their invoices?", "deduction_summary"),
        ("customers that paid us less than the invoice", "deduction_summary"),
        ("did somebody take a settlement discount but paid late?", "deduction_summary"),
        # the day's news, the AR figure, approvals
        ("back from holiday - catch me up on the receivables", "digest"),
        ("what figure do we show for accounts receivable at month end", "total_ar"),
        ("any write-offs that I need to approve?", "approvals_inbox"),
        ("someone asked for a limit change - is it waiting on me?", "approvals_inbox"),
        # periods and cuts
        ("please advise total collections for october", "payments_received"),
        ("collections priorities for today, riskiest first", "collections_list"),
        ("any unallocated funds on customer accounts?", "unapplied_cash"),
        ("60 days and older - who and how much", "over_days"),
        ("daily receivables update please", "digest"),
        ("anyone taking a discount they didn't earn", "deduction_summary"),
    ],
)
def test_the_book_in_plain_words(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text is None, request
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        # one customer's own reading is kept
        ("need initech's aging please, ta", "customer_balance", "initech"),
        ("shame, globex again... what's their balance?", "customer_balance", "globex"),
        ("Abbott keeps shorting us, how much in total", "deduction_summary", "abbott"),
    ],
)
def test_one_customer_stays_theirs(text: str, intent: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text == customer


@pytest.mark.parametrize(
    "text,intent",
    [
        ("how old is the managing director", "unknown"),
        ("ta!", "unknown"),
    ],
)
def test_look_alikes(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


def test_a_customer_put_on_the_list_is_not_the_list() -> None:
    # "put X on the naughty list" asks for a hold (the change readers' to read): never the book
    request = parse("put initech on the naughty list", TODAY)
    assert request.intent != "credit_exceptions"
