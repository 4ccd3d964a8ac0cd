"""dev16's leftovers read by family (issue 17, session 10): a German greeting or sign-off around
a request ("Moin, …", "… LG Jana") is no customer's name. The phrasings are not the eval files'
rows; the negatives say where each rule stops."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("Moin, what does northwind owe", "customer_balance", "northwind"),
        ("Hallo zusammen - how much is open for initech?", "customer_balance", "initech"),
        ("Guten Morgen! has globex paid anything this week", "payment_history", "globex"),
        ("Servus, what's overdue at northwind", "customer_balance", "northwind"),
        ("Viele Grüße, the balance for initech please", "customer_balance", "initech"),
        ("what does globex owe? LG Jana", "customer_balance", "globex"),
        ("open items for northwind pls. Beste Grüße, Jana Weber", "customer_balance", "northwind"),
    ],
)
def test_a_german_greeting_or_sign_off_is_no_name(text: str, intent: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text == customer


def test_a_german_greeting_before_a_change_keeps_the_change() -> None:
    request = parse("Hallo, please put initech on hold. Grüße, Jana", TODAY)
    assert request.intent == "action_request", request
    assert request.action is not None
    assert request.action.kind == "set_credit_hold"
    assert request.action.customer_text == "initech"


@pytest.mark.parametrize("text", ["Hallo", "Moin!", "Guten Morgen zusammen", "danke"])
def test_a_german_greeting_alone_asks_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown", request
    assert request.customer_text is None


@pytest.mark.parametrize(
    "text,customer",
    [
        # letters a sign-off is written with, inside a name: kept
        ("what is the balance for BG Holdings", "bg holdings"),
        ("Servus, what does lg electronics owe", "lg electronics"),
        ("balance of grussmann ltd", "grussmann ltd"),
    ],
)
def test_a_sign_offs_letters_inside_a_name_stay_in_it(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "customer_balance", request
    assert request.customer_text == customer
