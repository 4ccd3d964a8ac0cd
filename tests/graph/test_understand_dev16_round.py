"""Families of phrasing brought by a UK/German credit team (issue 17, the dev16 round). German
AR words in a request ("Mahnung" a reminder, "Zahlungsziel" payment terms, "Kreditlimit" a
credit limit, "bitte") and a German verb said last ("… bitte auf 30 Tage setzen") are read as
the English request is; a reminder reported sent ("… ist raus", "… wurde verschickt") or a
question about one proposes nothing. "so" and a sales order's number written apart ("order so
1013") are the order; an amount said in words ("forty grand", "sixty five thousand") or with a
currency word ("20000 euros") is a limit's figure. The phrasings are not the eval files' rows;
the negatives say where each rule stops."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,kind,customer",
    [
        ("Mahnung an Northwind bitte schicken", "send_reminder", "northwind"),
        ("Mahnung an initech senden, danke", "send_reminder", "initech"),
        ("please send globex a Mahnung", "send_reminder", "globex"),
        ("Zahlungsziel für Northwind bitte auf 30 Tage setzen", "set_terms", "northwind"),
        ("initech - change their Zahlungsziel to 15 days please", "set_terms", "initech"),
        ("Kreditlimit für Globex bitte auf 40.000 erhöhen", "set_credit_limit", "globex"),
        ("Kreditrahmen für northwind auf 12.500 setzen bitte", "set_credit_limit", "northwind"),
    ],
)
def test_german_ar_words_and_a_verb_said_last_ask_for_the_change(
    text: str, kind: str, customer: str
) -> None:
    request = parse(text, TODAY)
    assert request.intent == "action_request", request
    assert request.action is not None
    assert request.action.kind == kind
    assert request.action.customer_text == customer


def test_a_german_limit_keeps_its_thousands() -> None:
    request = parse("Kreditlimit für Globex bitte auf 40.000 setzen", TODAY)
    assert request.action is not None
    assert request.action.amount == Decimal("40000")


@pytest.mark.parametrize(
    "text",
    [
        # a reminder reported sent, in German
        "Mahnung an Globex ist raus",
        "die Mahnung für initech wurde gestern verschickt",
        "Mahnung für northwind ging schon raus",
        # a German question about a change: asked, not ordered
        "sollen wir eine Mahnung an globex schicken?",
        # the change named, not wanted
        "we do not want to send a Mahnung to initech",
    ],
)
def test_a_german_change_reported_or_asked_about_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "action_request", request
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("what is the Kreditlimit for globex", "credit_check", "globex"),
        ("can you send Mahnungen?", "help", None),
        # English text with no German word reads as before
        ("set globex's terms to net 30 days please", "action_request", None),
    ],
)
def test_german_words_in_a_question_read_as_the_english(
    text: str, intent: str, customer: str | None
) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    if customer is not None:
        assert request.customer_text == customer


@pytest.mark.parametrize(
    "text,intent,order",
    [
        # "so" and the number written apart, an order said in the message
        ("can we take the new order from globex, so 1007", "credit_check", "SO-1007"),
        ("northwind order so 1004 - fine to ship?", "credit_check", "SO-1004"),
        ("order for initech is so 1006. ok to release?", "credit_check", "SO-1006"),
        # billed: the verb names the order
        ("pls bill so 1005 for northwind, it went out tuesday", "create_invoice", "SO-1005"),
        ("invoice so 1007 please", "create_invoice", "SO-1007"),
    ],
)
def test_so_and_its_number_written_apart_are_the_sales_order(
    text: str, intent: str, order: str
) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.order_refs == (order,)
    assert request.invoice_refs == ()


@pytest.mark.parametrize(
    "text,invoice",
    [
        # "so" as a conjunction before an invoice: the clause goes on after the number
        ("no new orders from them, so 10130 is the only open one?", "10130"),
        ("so 10188 - paid?", "10188"),
    ],
)
def test_so_before_an_invoice_in_a_clause_stays_the_invoice(text: str, invoice: str) -> None:
    request = parse(text, TODAY)
    assert request.order_refs == ()
    assert request.invoice_refs == (invoice,)


@pytest.mark.parametrize(
    "text,amount",
    [
        # an amount said in words: "grand" and "thousand" after a number, a currency word after
        ("raise globex's limit to forty grand please", Decimal("40000")),
        ("northwind credit limit to sixty five thousand please", Decimal("65000")),
        ("set the limit for initech to 30 thousand", Decimal("30000")),
        ("please put northwind's credit limit to 20000 euros", Decimal("20000")),
        ("globex limit up to 45k pounds please", Decimal("45000")),
    ],
)
def test_a_limit_said_in_words_or_with_a_currency_word(text: str, amount: Decimal) -> None:
    request = parse(text, TODAY)
    assert request.intent == "action_request", request
    assert request.action is not None
    assert request.action.kind == "set_credit_limit"
    assert request.action.amount == amount


@pytest.mark.parametrize(
    "text",
    [
        # the amount in words, no change asked for
        "is forty grand a sensible limit for globex?",
        "globex's limit was raised to fifty thousand pounds last week",
        "we are not lifting northwind to sixty grand",
    ],
)
def test_an_amount_in_words_with_no_change_asked_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, request


@pytest.mark.parametrize(
    "text",
    [
        # what waits on the one asking, said terse or as "pending my sign-off"
        "any approvals for me please",
        "is there anything pending my sign off",
        "anything awaiting my sign-off today?",
        "any aprovals for me",
    ],
)
def test_what_waits_on_my_sign_off_is_the_approvals_inbox(text: str) -> None:
    assert parse(text, TODAY).intent == "approvals_inbox"


@pytest.mark.parametrize(
    "text",
    [
        # a sign-off given, or approvals of a kind asked about: not the inbox
        "I signed off the globex write-off",
        "we got sign-off from the credit committee for northwind",
    ],
)
def test_a_sign_off_given_is_not_the_inbox(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "approvals_inbox", request
    assert request.action is None
