"""Dictated AR messages (issue 17, session 13), as a phone's speech-to-text writes them: numbers
said aloud are written in digits the way people group them, "in voice" is an invoice, "period"
and "comma" said aloud are marks, fillers are dropped, a correction keeps what was meant, and a
request taken back in the same breath ("scratch that", "never mind") proposes nothing. Typed
text is left as it is."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from graph.understand_dictated import dictated, is_dictated
from graph.understand_dictated_numbers import amount, cardinal, identifier

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "what's over ninety days for globex",  # numbers said in words, typed
        "top ten debtors please",
        "lock period 11 before month end",
        "Please reopen October's accounting period so we can post.",
        "set kendall paper to COD... i mean net 7",  # typed: its own punctuation
        "in voice mail they said the check is coming, what's their balance",
        "the whole book aging by bucket",
        "put globex on hold",
    ],
)
def test_typed_text_is_left_as_it_is(text: str) -> None:
    assert dictated(text) == text


@pytest.mark.parametrize(
    "words,expected",
    [
        ("ten four twelve", "10412"),
        ("one oh three four eight", "10348"),
        ("ten two hundred", "10200"),
        ("nine eighty two", "982"),
        ("five thousand three", "5003"),
        ("zero zero zero two four two", "000242"),
        ("four five hundred one two three", "4500123"),
    ],
)
def test_identifiers_are_read_in_the_groups_they_are_said_in(words: str, expected: str) -> None:
    assert identifier(words.split()) == expected


@pytest.mark.parametrize(
    "words,expected",
    [
        ("three hundred seventy five", "375"),
        ("one forty", "140"),
        ("six fifty four thirty one", "654.31"),
        ("two hundred eighteen forty", "218.40"),
        ("thirty one thousand two forty five ninety", "31245.90"),
        ("nine hundred and ninety nine", "999"),
    ],
)
def test_amounts_said_aloud(words: str, expected: str) -> None:
    assert amount(words.split()) == expected


def test_a_cardinal_is_one_number_or_none() -> None:
    assert cardinal("a hundred and twenty".split()) == 120
    assert cardinal("forty five thousand".split()) == 45000
    assert cardinal("ten three".split()) is None
    assert cardinal("nine eighty".split()) is None


@pytest.mark.parametrize(
    "text,written",
    [
        ("um is in voice ten three two one still open", "is invoice 10321 still open"),
        ("credit check on S O ten oh four", "credit check on SO-1004"),
        ("look up P M T dash zero zero zero two three six", "look up PMT-000236"),
        (
            "uh send fabrikam a reminder comma they're late",
            "send fabrikam a reminder, they're late",
        ),
        ("aging please period by customer", "aging please. by customer"),
        ("okay so give contoso two ten net thirty", "give contoso 2/10 net 30"),
        (
            "bill initech the setup fee um three hundred seventy five dollars",
            "bill initech the setup fee $375",
        ),
        (
            "bill contoso twelve hundred dollars for the rush order",
            "bill contoso $1,200 for the rush order",
        ),
        ("show the top fifteen debtors no wait just top five is fine", "show the top five debtors"),
        (
            "uh apply it to ten three two one no wait I mean ten three two two",
            "apply it to invoice 10322",
        ),
    ],
)
def test_spoken_forms_are_written_as_typed(text: str, written: str) -> None:
    assert is_dictated(text)
    assert dictated(text) == written


@pytest.mark.parametrize(
    "text,kind",
    [
        ("put fabrikam on credit hold no wait scratch that never mind", "set_credit_hold"),
        ("um send initech a reminder actually never mind forget it", "send_reminder"),
        (
            "write off the six fifty on ten three two one no actually hold off on that",
            "write_off_deduction",
        ),
        ("raise globex limit to fifty thousand uh scratch that don't do it", "set_credit_limit"),
    ],
)
def test_a_request_taken_back_proposes_nothing(text: str, kind: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None or request.action.kind != kind, (text, dictated(text))
    assert request.intent != "action_request", (text, dictated(text), request)


@pytest.mark.parametrize(
    "text,kind,invoice",
    [
        (
            "um write off the six fifty four thirty one short pay on ten three two one",
            "write_off_deduction",
            "10321",
        ),
        (
            "apply the unapplied initech check to in voice ten four oh seven"
            " no wait I mean ten four one one",
            "apply_payment",
            "10411",
        ),
    ],
)
def test_a_dictated_change_names_the_invoice_meant(text: str, kind: str, invoice: str) -> None:
    request = parse(text, TODAY)
    assert request.action is not None and request.action.kind == kind, (text, dictated(text))
    assert invoice in dictated(text)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("um did in voice ten three two one get paid yet", "invoice_status"),
        ("what's the status on nine eighty six", "invoice_status"),
        ("how much is past due period all customers", "total_ar"),
        ("give me everything over one twenty days", "over_days"),
    ],
)
def test_a_dictated_question_is_read_as_typed(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, (text, dictated(text), request)


@pytest.mark.parametrize(
    "text,written",
    [
        (
            "payments in between the third and the eleventh",
            "payments in between the 3rd and the 11th",
        ),
        (
            "what did contoso pay since october twenty second",
            "what did contoso pay since october 22nd",
        ),
        ("move initech to net sixty please", "move initech to net 60 please"),
    ],
)
def test_days_and_terms_said_aloud(text: str, written: str) -> None:
    assert dictated(text) == written


@pytest.mark.parametrize(
    "text", ["resend the first invoice to globex", "call them on the second reminder date"]
)
def test_the_first_thing_is_no_day(text: str) -> None:
    assert dictated(text) == text


def test_a_number_said_after_disputed_is_the_invoice() -> None:
    said = dictated("fabrikam disputed nine eighty three last month um what is left on it")
    assert "disputed invoice 983" in said
