"""Session 15, "asked for, made": a change asked after a remark that says why ("X's wire landed
so release SO-… now", "the sign-off came this morning, so now you can write it off"), a note
whose text speaks of a dispute (the note is asked, not the dispute), a promise recorded in words
of its own ("Record that promise.", "Record as promise please."), and terms said in one clause
with "please update" in another — each proposed as asked; each look-alike proposes nothing or
another kind."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse
from tests.conftest import asked_action, asks_nothing

TODAY = date(2026, 11, 21)


# --- a remark, "so", then the change --------------------------------------------------------------
def test_so_release_the_order():
    action = asked_action("Initech's wire of 4,100.00 cleared this morning so release SO-1004 now")
    assert action.kind == "set_credit_hold"
    assert action.order_ref == "SO-1004"
    assert action.on_hold is False


def test_so_take_the_customer_off_stop():
    action = asked_action("they've cleared everything overdue so take Kendall Paper off stop")
    assert action.kind == "set_credit_hold"
    assert action.customer_text == "kendall paper"
    assert action.on_hold is False


def test_so_now_you_can_write_it_off():
    action = asked_action(
        "Mills deduction of 18,40 on INV-10411 - the manager signed off this morning, so now you "
        "can write it off."
    )
    assert action.kind == "write_off_deduction"
    assert action.invoice_refs == ("10411",)
    assert action.amount == Decimal("18.40")


def test_so_you_can_apply():
    action = asked_action(
        "The remittance from Initech arrived, so you can apply PAY-7001 to INV-10555."
    )
    assert action.kind == "apply_payment"
    assert action.payment_ref == "PAY-7001"
    assert action.invoice_refs == ("10555",)


@pytest.mark.parametrize(
    "text",
    [
        "Initech's wire cleared this morning so did you release SO-1004?",  # asked
        "Initech's wire has not cleared so don't release SO-1004",  # negated
        "if Initech's wire clears so release SO-1004",  # a condition
        "Initech's wire cleared so Luis released SO-1004 already",  # done by someone
    ],
)
def test_so_look_alikes_propose_nothing(text):
    asks_nothing(text)


# --- a note that speaks of a dispute -------------------------------------------------------------
def test_a_note_about_a_dispute_is_a_note():
    action = asked_action(
        "For the audit file, please note on Kendall Paper: quantity dispute on INV-10411 raised "
        "by phone, nothing in writing yet."
    )
    assert action.kind == "add_note"
    assert action.customer_text == "kendall paper"
    assert action.text.startswith("quantity dispute on INV-10411")


def test_a_note_after_a_remark_names_the_customer_of_its_clause():
    action = asked_action(
        "About my question this morning on the Globex invoice: they confirmed it is disputed. "
        "Log a note on Globex Corporation that the claim letter is in the drive."
    )
    assert action.kind == "add_note"
    assert action.customer_text == "globex corporation"


def test_a_dispute_asked_beside_a_note_stays_a_dispute():
    action = asked_action(
        "kendall is disputing 10411, open a dispute and add a note that the buyer called"
    )
    assert action.kind == "open_dispute"


def test_closing_a_dispute_with_a_credit_note_is_no_note():
    request = parse("close the dispute on kendall 10411, resolved with credit note", TODAY)
    assert request.action is None or request.action.kind != "add_note"


# --- a promise recorded in its own words ----------------------------------------------------------
@pytest.mark.parametrize(
    "text,customer",
    [
        (
            "Kendall Paper's controller committed to $8,000 next Friday. Record that promise.",
            "kendall paper",
        ),
        (
            "Mr. Novak from Mills Aerospace confirms payment of INV-10411 on 30th November. "
            "Record as promise please.",
            "mills aerospace",
        ),
    ],
)
def test_a_promise_recorded_in_its_own_words(text, customer):
    action = asked_action(text)
    assert action.kind == "record_promise"
    assert action.customer_text == customer


def test_a_promise_made_to_them_is_no_promise_of_theirs():
    action = asked_action(
        "can you w/o the 55.00 remaining on kendall paper 10411, it's the rebate they were promised"
    )
    assert action.kind == "write_off_deduction"


@pytest.mark.parametrize(
    "text",
    [
        "Kendall Paper's controller committed to $8,000 next Friday. Should I record that promise?",
        "If Mills confirms in writing, record as promise; a call is not enough.",
    ],
)
def test_promise_look_alikes_propose_nothing(text):
    asks_nothing(text)


# --- terms said in one clause, "please update" in another ----------------------------------------
@pytest.mark.parametrize(
    "text,customer,days",
    [
        (
            "Credit committee approved: terms of Kendall Paper change from 60 to 45 days. Please "
            "update.",
            "kendall paper",
            45,
        ),
        (
            "Mills Aerospace — the new contract is signed, 30 days. Kindly update their payment "
            "terms.",
            "mills aerospace",
            30,
        ),
        (
            "Initech moved to net 60 with the new contract. Please to change the terms now.",
            "initech",
            60,
        ),
    ],
)
def test_terms_said_apart_from_the_update(text, customer, days):
    action = asked_action(text)
    assert action.kind == "set_terms"
    assert action.customer_text == customer
    assert action.terms == (days, Decimal("0"), 0)


@pytest.mark.parametrize(
    "text",
    [
        "Credit committee approved: terms of Kendall Paper change from 60 to 45 days. Did Luis "
        "update?",
        "Mills Aerospace is on 30 days, please update me on what they owe",
    ],
)
def test_terms_look_alikes_propose_nothing(text):
    request = parse(text, TODAY)
    assert request.action is None or request.action.kind != "set_terms"


# --- a dispute opened on what another clause names -----------------------------------------------
@pytest.mark.parametrize(
    "text,number",
    [
        ("dispute on kendall paper 411 - they say two cases short. pls open one", "411"),
        ("mills aerospace reckon 412 was never delivered. can you open a dispute on it", "412"),
    ],
)
def test_a_dispute_opened_on_the_number_said_before(text, number):
    action = asked_action(text)
    assert action.kind == "open_dispute"
    assert number in (*action.invoice_refs, *action.maybe_invoices)


@pytest.mark.parametrize(
    "text",
    [
        "mills aerospace reckon 412 was never delivered. should we open a dispute on it?",
        "kendall paper disputes 10411, don't open one yet",
    ],
)
def test_dispute_look_alikes_propose_nothing(text):
    asks_nothing(text)


# --- a note's quoted text ------------------------------------------------------------------------
def test_a_quoted_note_is_read_whole_and_its_promise_is_the_note():
    action = asked_action("kendall paper: note 'PTP by phone only, not in writing'")
    assert action.kind == "add_note"
    assert action.customer_text == "kendall paper"
    assert action.text == "PTP by phone only, not in writing"
