"""One payment asked after by the bank's words (session 12): a quoted bank line with a
vendor's words in it is the bank's text, not a question about vendors ("which payment is
'ACH ENTRY VENDOR PMT REF 77'?"); "the receipt referenced X" is the payment whose reference says
X. A question about our own vendors stays out of scope. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "statement line reads 'ACH ENTRY VENDOR PMT REF 77' - which payment is that",
        "which receipt was 'WIRE IN VENDOR PAYMENT 5521'? no name on it",
        "find the receipt referenced SHORT ON 10301",
    ],
)
def test_a_payment_by_the_banks_words(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payment_lookup", request
    assert request.payment_refs


def test_our_own_vendors_stay_out_of_scope() -> None:
    assert parse("which vendor payments are due this week", TODAY).intent == "unknown"


def test_an_invoice_id_stays_an_invoice() -> None:
    request = parse("is INV-10295 paid?", TODAY)
    assert request.intent == "invoice_status"
    assert request.invoice_refs
