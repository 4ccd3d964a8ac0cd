"""A change arbot cannot make, asked in a later sentence of the message (issue 17, session 14):
the reason comes first and the request after it ("… was keyed twice. Please void the second
one", "they paid us twice - refund the extra"). The request is read wherever a sentence of the
message starts, so it is said plainly as a change arbot cannot make, never answered as a
question about the invoice or payment the reason names. A later sentence that asks ("… - approve
or not?") or asks for a list to be sent ("… Please send it asap") keeps its reading, and a
change arbot does make, asked after a dash, is never said to be one it cannot."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from graph.understand_vocab import normalize

TODAY = date(2026, 11, 21)

LATER = [
    "The warehouse keyed INV-10222 twice by accident; kindly void invoice 10223 as well.",
    "Initech paid the same remittance twice last week. Refund the duplicate to them please.",
    "PMT-000240 landed on the wrong customer's invoices. Unapply it and hold it on account.",
    "The wire from Globex hit our UK entity. Please move that receipt to the US books.",
    "10321 went out at the old price list. Please change the invoice amount to 1,200.",
    "The bank posted PMT-000233 a day late. Change the receipt date to the 14th please.",
    "PMT-000236 is a double import from the bank file. Delete it from the ledger.",
    "northwind sent 200 too much - refund it to their account pls",
    "Just approve the Globex reminder yourself, I'm signing off anyway.",
]


@pytest.mark.parametrize("text", LATER)
def test_a_change_asked_after_its_reason_is_said_plainly(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown", (text, request.intent)
    assert request.cannot is not None, (text, request)
    assert request.action is None, (text, request.action)


@pytest.mark.parametrize(
    "text",
    [
        "order SO-1004 from initech - approve or decline?",
        "largest open invoices for the board pack. Please send asap.",
        "need everything over 120 days for the reserve calc. Pls send on priority, thanks",
        "top debtors by amount - and split by currency if you can",
    ],
)
def test_a_later_sentence_that_asks_or_wants_a_list_is_no_change(text: str) -> None:
    request = parse(text, TODAY)
    assert request.cannot is None, (text, request)


def test_a_change_arbot_makes_after_a_dash_is_not_said_to_be_one_it_cannot() -> None:
    from graph.understand_parts import cannot

    assert cannot(normalize("fabrikam committed to paying 10222 friday - add the promise")) is None
    assert cannot(normalize("globex called about 10321 - create a note of it")) is None
