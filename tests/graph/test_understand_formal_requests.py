"""Formal and spoken phrasings dev11 pointed to, worded apart from its rows: "please advise
whether …" asks; a lead-in of when ("before I sign off …") is no part of the question; late
payment charges are something arbot cannot levy; "stick X on hold" puts it on hold; "how quick
does X pay"; tens and a unit said in words ("forty five days")."""

from __future__ import annotations

import pytest

from graph.understand import parse
from graph.understand_asked import not_asked
from graph.understand_vocab import normalize
from tests.conftest import TODAY


def test_advise_whether_asks() -> None:
    text = "Kindly advise if SO-1012 can be released from a credit standpoint."
    refused = not_asked(text, "release_order")
    assert refused is not None and refused.reason == "question"
    assert parse(text, TODAY).intent == "credit_check"
    assert parse("kindly release SO-1012", TODAY).action is not None


def test_a_lead_in_of_when_is_no_part_of_the_question() -> None:
    request = parse("Ahead of the board pack, what is initech's open balance?", TODAY)
    assert (request.intent, request.customer_text) == ("customer_balance", "initech")
    request = parse("while I close the month, what does globex owe", TODAY)
    assert (request.intent, request.customer_text) == ("customer_balance", "globex")


def test_late_payment_charges_arbot_cannot_levy() -> None:
    request = parse("please levy late payment charges on initech", TODAY)
    assert request.intent == "unknown" and request.action is None


@pytest.mark.parametrize("verb", ["stick", "slap", "chuck"])
def test_a_customer_stuck_on_hold(verb: str) -> None:
    request = parse(f"{verb} northwind on credit hold", TODAY)
    assert request.action is not None and request.action.kind == "set_credit_hold"


def test_how_quick_a_customer_pays() -> None:
    assert parse("how quick does globex usually pay", TODAY).intent == "days_to_pay"


@pytest.mark.parametrize(
    "said,written",
    [
        ("older than sixty-one days", "older than 61 days"),
        ("top twenty two debtors", "top 22 debtors"),
        ("over ninety days", "over 90 days"),
    ],
)
def test_tens_and_a_unit_in_words(said: str, written: str) -> None:
    assert normalize(said) == written


@pytest.mark.parametrize(
    "text",
    [
        "Initech has committed to remit USD 4,000 on 5 December. Kindly record.",
        "northwind agreed to wire 2,500 next friday",
    ],
)
def test_a_promise_said_with_the_moneys_verb(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is not None and request.action.kind == "record_promise"


def test_whether_they_remitted_is_no_promise() -> None:
    assert parse("did initech remit the 4,000?", TODAY).action is None


@pytest.mark.parametrize(
    "text", ["which invoices is globex pushing back on", "items customers are arguing over"]
)
def test_invoices_fought_over_are_disputes(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "disputes" and request.customer_text in (None, "globex")


@pytest.mark.parametrize(
    "text",
    ["could we push back the due date on INV-10183", "pls move the due date of 10183 out a week"],
)
def test_a_due_date_moved_arbot_cannot_do(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.cannot is not None


def test_when_an_invoice_is_due_is_its_status() -> None:
    assert parse("when is the due date of INV-10183", TODAY).intent == "invoice_status"


@pytest.mark.parametrize(
    "text,ref",
    [
        ("there's a wire with ref ACME 4471 on it - who sent that", "ACME 4471"),
        ("a deposit came in with reference PO 77812 on the line, whose is it", "PO 77812"),
    ],
)
def test_where_a_bank_reference_is_written_is_no_part_of_it(text: str, ref: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payment_lookup" and request.payment_refs == (ref,)
    assert request.customer_text is None
