"""Taglish AR messages (issue 17, session 13), as a Manila shared-services team writes them: the
Tagalog words are put in English before the readers run, so a Taglish question gets the English
question's answer and a Taglish request the English request's proposal — and a condition
("kung"), a "not yet" ("wag muna", "hindi pa"), a cancellation ("wag na pala"), someone else's
word ("sabi ni …", "… daw") or a thing already done ("na-send na") proposes nothing. English
text is left as it is."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from graph.understand_asked import not_asked
from graph.understand_plain import plain
from graph.understand_tagalog import is_tagalog, tagalog
from graph.understand_vocab import normalize

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "dun initech for 10436",  # "dun" is an AR verb
        "status of PO 4500123456 please",
        "Kay Ramos at Fabrikam asked for a statement",
        "what does SA Timber owe in ZAR",
        "send the statement to northwind, note the date on it",
        "may we have the total AR as of today?",
        "who is on hold at the moment",
        "ilan-ilan",  # no small word beside it
        "aging by bucket pls",
    ],
)
def test_english_is_left_as_it_is(text: str) -> None:
    assert tagalog(text) == text
    assert plain(text) == text or not is_tagalog(text)


@pytest.mark.parametrize(
    "text,kind,customer",
    [
        ("pa-hold naman si fabrikam, ang laki na ng past due", "set_credit_hold", "fabrikam"),
        ("i-hold na natin si contoso manufacturing", "set_credit_hold", "contoso manufacturing"),
        ("pakisend ng reminder kay initech po", "send_reminder", "initech"),
        ("pa-email po ng SOA kay globex", "send_statement", "globex"),
        ("pa-increase ng CL ni fabrikam to 60k po", "set_credit_limit", "fabrikam"),
        ("pa-update ng terms ni northwind traders to net 45", "set_terms", "northwind traders"),
        ("pa-add note kay initech: tumawag na si AP, next week daw", "add_note", "initech"),
    ],
)
def test_a_taglish_change_is_proposed_as_in_english(
    text: str, kind: str, customer: str | None
) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, tagalog(text), action)
    assert action.customer_text == customer, (text, tagalog(text), action)
    assert not_asked(text, kind) is None, text  # the approval guard reads it the same


@pytest.mark.parametrize(
    "text,kind",
    [
        # a condition: "kung" is "if"
        ("kung i-hold natin si fabrikam, ano mangyayari sa orders nila?", "set_credit_hold"),
        ("kung i-raise natin limit ni initech to 90k, enough na ba?", "set_credit_limit"),
        ("if hindi pa magbayad si globex by friday, i-hold natin sila", "set_credit_hold"),
        # not yet / not
        ("wag muna i-send yung reminder kay northwind", "send_reminder"),
        ("hindi pa natin i-write off yung 45.10 sa INV-10321", "write_off_deduction"),
        # cancelled
        ("wag na pala i-hold si contoso, nagbayad na sila", "set_credit_hold"),
        # someone else's word
        (
            "sabi ni Dana, i-lower daw limit ni fabrikam. ano current limit nila?",
            "set_credit_limit",
        ),
        ("TL said i-hold daw si initech. magkano past due nila?", "set_credit_hold"),
        # already done
        ("na-send na ni Luis yung SOA ni globex kanina. magkano open nila?", "send_statement"),
        ("na-apply ko na yung PMT-U00001 sa INV-10222, may unapplied pa ba?", "apply_payment"),
    ],
)
def test_taglish_look_alikes_propose_nothing(text: str, kind: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None or request.action.kind != kind, (text, tagalog(text))
    assert request.intent != "action_request", (text, tagalog(text), request)


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("magkano pa utang ni fabrikam ngayon?", "customer_balance", "fabrikam"),
        ("ilan pa balance ng contoso manufacturing", "customer_balance", "contoso manufacturing"),
        ("kelan huling bayad ni initech?", "payment_history", "initech"),
        ("sino pinakamalaki utang sa atin ngayon", "top_debtors", None),
        ("ano status ng INV-10321 po, open pa ba?", "invoice_status", None),
        ("may unapplied cash ba tayo ngayon? pa-check po", "unapplied_cash", None),
        ("ano na credit limit ni globex?", "credit_check", "globex"),
        ("mabilis ba magbayad si contoso? ilang araw usually", "days_to_pay", "contoso"),
        (
            "nag-send na ba tayo ng statement kay initech? ilan pa open nila",
            "customer_balance",
            "initech",
        ),
    ],
)
def test_a_taglish_question_is_read_as_its_english_twin(
    text: str, intent: str, customer: str | None
) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, (text, tagalog(text), request)
    assert request.action is None
    if customer is not None:
        assert request.customer_text == customer, (text, tagalog(text), request)


def test_the_thing_named_first_is_what_the_request_acts_on() -> None:
    said = tagalog("yung 75 na natira sa PMT-000250 pa-apply naman sa INV-10227")
    assert said == "please apply the 75 left on PMT-000250 to INV-10227"
    assert parse(said, TODAY).action is not None


def test_names_amounts_and_numbers_are_kept_as_written() -> None:
    said = tagalog("pa-write off po yung 45.10 ni Fabrikam sa INV-10321")
    assert "45.10" in said and "Fabrikam" in said and "INV-10321" in said
    assert "PO 4500123456" in tagalog("ano status ng PO 4500123456 po?")


def test_normalize_reads_taglish_too() -> None:
    assert "reminder" in normalize("pakisend ng reminder kay globex po")
    assert not_asked("wag muna i-hold si globex", "set_credit_hold") is not None


def test_a_change_asked_after_is_the_approvals_question() -> None:
    said = tagalog("na-approve na ba yung write off ng INV-10321? or pending pa")
    assert said.startswith("was the write off") and "INV-10321 already approved?" in said
    assert parse(said, TODAY).intent == "approvals_inbox"


def test_whether_a_customer_paid_is_asked_of_them() -> None:
    request = parse("nag-email ako kay initech kahapon. pa-check kung may bayad na", TODAY)
    assert request.intent == "payment_history" and request.action is None
