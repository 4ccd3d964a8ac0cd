"""Questions read beside what the writer tells (session 13): what the writer says they will do
themselves ("I'll put it in excel", "before I close the period") is no request of arbot's; a
ledger account ("GL 1100") is no invoice; quoted words in lower case that someone said ("they
say it was 'sorted'") are no bank reference; a range that ends "today" / "to date" is the days
written; "the imported co" is the imported ledger, no customer; a customer's exposure beside
credit words (limit, hold, an order released) is their credit check; "are they on hold?" asks
of the one customer a told clause names; who raised an approval is the inbox. Look-alikes keep
their reading, and a question never becomes a proposal. Phrasings are not the eval files'."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        # the writer's own part of the work, beside what is asked
        (
            "Please send over the aging by bucket for every account. I'll tie it to GL 1100 later.",
            "aging_report",
            None,
        ),
        ("I'll paste it into excel myself - how much is over 90 days?", "over_days", None),
        ("which approvals are waiting on me, before I close the month", "approvals_inbox", None),
        # a conjunction before the question of a message that holds off
        ("don't email anything to initech yet, but what do they owe?", "customer_balance", None),
        # quoted words said, not what a bank wrote
        (
            "has globex paid lately? their buyer insists it's 'all sorted'",
            "payment_history",
            "globex",
        ),
        (
            "what are the biggest bills we've sent out still unpaid? ('invoices', sorry)",
            "largest_invoices",
            None,
        ),
        # the imported ledger named as a company
        ("receipts in october, imported co", "payments_received", None),
        ("who is on hold in the imported company", "credit_exceptions", None),
        # exposure beside credit words
        ("SO-1004 went out yesterday - what's abbott's exposure now?", "credit_check", "abbott"),
        ("initech is near their limit I think, what's their exposure", "credit_check", "initech"),
        # "they" asked after the customer the told clause names
        (
            "Dana said she put Mills Aerospace on stop this morning - are they showing as on hold?",
            "credit_check",
            "mills aerospace",
        ),
        # who asked for a change that went to approval
        ("who requested the Abbott limit approval?", "approvals_inbox", "abbott"),
        ("who put in the write-off request for initech", "approvals_inbox", "initech"),
    ],
)
def test_question_beside_a_telling(text: str, intent: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    if customer is not None:
        assert request.customer_text is not None and customer in request.customer_text
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        # asked of arbot, or the change named first: still what arbot cannot do
        ("export the aging to excel please", "unknown"),
        ("I'll need you to put the open items in excel", "unknown"),
        ("close the period for october", "unknown"),
        # a bank's words quoted, or said where they are written
        ("who sent the wire 'ACME 4471'?", "payment_lookup"),
        ("the wire's memo just says 'payment thanks', whose is it", "payment_lookup"),
        # exposure alone is what the customer owes; the whole book's stays the book's
        ("globex total exposure", "customer_balance"),
        ("customers whose exposure is over their limit", "credit_exceptions"),
        ("which customers are on hold and are they over limit too?", "credit_exceptions"),
        # who approved a change made is its history (the files disagree on it): not the inbox
        ("who approved the limit increase for initech?", "unknown"),
        # a hold asked for stays a request
        ("put initech on hold", "action_request"),
    ],
)
def test_look_alikes_keep_their_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


def test_a_range_ending_today_is_the_days_written() -> None:
    request = parse("how much did initech pay us between October 5 and today?", TODAY)
    assert request.intent == "payments_received"
    assert request.customer_text == "initech"
    assert request.period is not None
    assert (request.period.start, request.period.end) == (date(2026, 10, 5), TODAY)
    to_date = parse("receipts from the 3rd of november to date", TODAY).period
    assert to_date is not None and (to_date.start, to_date.end) == (date(2026, 11, 3), TODAY)
    # a day alone is that day; "since" is unchanged
    on = parse("what came in on november 3", TODAY).period
    assert on is not None and on.start == on.end == date(2026, 11, 3)
    since = parse("receipts since november 3", TODAY).period
    assert since is not None and (since.start, since.end) == (date(2026, 11, 3), TODAY)


def test_a_ledger_account_is_no_invoice() -> None:
    request = parse("is 10250 posted to GL 1200 paid?", TODAY)
    assert request.invoice_refs == ("10250",)
