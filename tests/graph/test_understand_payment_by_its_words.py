"""One payment by the words on it, asked another way (session 11): "what is the payment that
says NOV SETTLEMENT", "whose is the wire with ACME 4471 in the reference": the payment whose bank
reference holds those words. An invoice's payment status and the day's payments keep their
reading. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,ref",
    [
        ("what is the payment that says NOV SETTLEMENT", "NOV SETTLEMENT"),
        ("which deposit reads BALANCE Q3", "BALANCE Q3"),
        ("whose is the wire with ACME 4471 in the reference", "ACME 4471"),
    ],
)
def test_a_payment_by_the_words_on_it(text: str, ref: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payment_lookup", request
    assert request.payment_refs == (ref,)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("what is the payment status of INV-10222", "invoice_status"),
        ("which payments came in today", "payments_received"),
    ],
)
def test_an_invoice_or_the_days_payments_keep_their_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent
