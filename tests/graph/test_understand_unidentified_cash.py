"""Money not identified yet, asked another way (session 11): "a wire came in with no name, how
can I figure out who it is from", "a cheque for 4,100 with no remittance - who could it be from",
"which invoice should this payment go to", "match this wire to the open items",
"reconcile bank credits against invoices". Each is the cash application work. A named payment,
who paid a named invoice and one customer's payments keep their reading. Phrasings are not the
eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "a wire came in with no name, how can I figure out who it is from",
        "cheque for 4,100 with no remittance - who could it be from",
        "which invoice should this payment go to?",
        "how do i match this wire to the open items",
    ],
)
def test_money_not_identified_is_the_cash_application(text: str) -> None:
    assert parse(text, TODAY).intent == "cash_application"


@pytest.mark.parametrize(
    "text,intent",
    [
        ("who paid INV-10222", "invoice_status"),
        ("what did globex pay last week", "payment_history"),
        ("who paid PMT-000234", "payment_lookup"),
    ],
)
def test_a_named_payment_or_invoice_keeps_its_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent
