"""Room for an order asked on the condition an invoice is paid ("once globex clears INV-10222 is
there headroom for a new order", "if X settles 10336 would they have space for another order?"):
the customer's credit is the question, the invoice only its condition. An invoice's status and a
payment asked beside an order keep their reading. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer",
    [
        ("once globex clears INV-10222 is there headroom for a new order", "globex"),
        ("if initech settles 10436, would they have space for one more order?", "initech"),
    ],
)
def test_room_for_an_order_once_an_invoice_is_paid_is_the_credit_check(
    text: str, customer: str
) -> None:
    request = parse(text, TODAY)
    assert request.intent == "credit_check", request
    assert request.customer_text == customer


@pytest.mark.parametrize(
    "text",
    ["is INV-10222 paid", "did initech pay 10436? they want to place another order"],
)
def test_an_invoice_asked_after_stays_its_status(text: str) -> None:
    assert parse(text, TODAY).intent == "invoice_status"
