"""One customer's money asked "since" a day ("how much has initech paid since september?", "what
did pinnacle chem wire us since the 3rd"): the amount received from that customer between that
day and today, i.e. the payments received narrowed to the customer, as "since 1.11.2026"
already is. A yes-no ("has X paid since oct?"), a closed period ("what did X pay last week") and
what we sent them stay their payment record or another reading. Phrasings are not the eval
files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,start",
    [
        ("how much has initech paid since september?", date(2026, 9, 1)),
        ("what did pinnacle chemicals wire us since the 3rd", date(2026, 11, 3)),
        ("what has fabrikam sent since the beginning of the month", date(2026, 11, 1)),
    ],
)
def test_a_customers_amount_since_a_day_is_the_payments_received(text: str, start: date) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payments_received", request
    assert request.customer_text
    assert request.period is not None
    assert (request.period.start, request.period.end) == (start, TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "has initech paid since september?",  # yes or no: their payment record
        "what did fabrikam pay last week",  # a closed period
        "did pinnacle chemicals send anything since the 3rd",
    ],
)
def test_a_yes_no_or_a_closed_period_stays_the_payment_record(text: str) -> None:
    assert parse(text, TODAY).intent == "payment_history"


def test_what_we_sent_them_since_is_no_payment_received() -> None:
    request = parse("what have we sent initech since the 1st", TODAY)
    assert request.intent != "payments_received", request
