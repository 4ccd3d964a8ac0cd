"""Session 15, "asked for, made": operators' shorthand for a change (fields split by "|", a
keyword after an arrow, "cr hold X", "X credit limit 5000 eff now", "terms 2/10 n30 for X", "X on
hold til …", "dunning 1 to X", a reminder named alone in its clause) proposed as the change it
stands for; the same shorthand asked, negated or reported done proposes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.conftest import asked_action, asks_nothing

TODAY = date(2026, 11, 21)


# --- fields ------------------------------------------------------------------------------------
def test_write_off_in_fields():
    action = asked_action("initech | w/o 25 | 10321 | pricing")
    assert action.kind == "write_off_deduction"
    assert action.invoice_refs == ("10321",)
    assert action.amount == Decimal("25")


def test_write_off_in_fields_with_the_invoice_beside_the_name():
    action = asked_action("fabrikam 10157 | w/o 75 | residual, not worth a call")
    assert action.kind == "write_off_deduction"
    assert action.maybe_invoices == ("10157",) or action.invoice_refs == ("10157",)
    assert action.amount == Decimal("75")


@pytest.mark.parametrize(
    "text,kind,customer",
    [
        ("mills aerospace | CL | 40000", "set_credit_limit", "mills aerospace"),
        ("kendall paper | hold", "set_credit_hold", "kendall paper"),
        ("initech | note | left vm twice, no call back", "add_note", "initech"),
        ("reminder | fabrikam | 10157 | firm", "send_reminder", "fabrikam"),
        ("sterling pharma | stmt", "send_statement", "sterling pharma"),
        ("globex | terms | net 45", "set_terms", "globex"),
    ],
)
def test_a_change_in_fields(text, kind, customer):
    action = asked_action(text)
    assert action.kind == kind
    assert action.customer_text == customer


def test_field_values_read():
    assert asked_action("mills aerospace | CL | 40000").amount == Decimal("40000")
    assert asked_action("kendall paper | hold").on_hold is True
    assert (
        asked_action("initech | note | left vm twice, no call back").text
        == "left vm twice, no call back"
    )
    assert asked_action("reminder | fabrikam | 10157 | firm").invoice_refs == ("10157",)
    assert asked_action("globex | terms | net 45").terms == (45, Decimal("0"), 0)


@pytest.mark.parametrize(
    "text",
    [
        "fabrikam 10157 | dispute | short shipped 3 cases",
        "fabrikam 10157 -> dispute, short shipped 3 cases",
    ],
)
def test_a_dispute_in_fields(text):
    action = asked_action(text)
    assert action.kind == "open_dispute"
    assert "10157" in (*action.invoice_refs, *action.maybe_invoices)
    assert action.reason_code == "shortage"


@pytest.mark.parametrize(
    "text",
    [
        "kendall paper | hold?",  # asked
        "kendall paper | hold | done yesterday",  # reported done
        "mills aerospace | CL | 40000 | already approved",  # done
        "kendall paper | no hold",  # negated
        "new inv | kendall | 1200 | PO 5561",  # an invoice of a free amount: no reader for it yet
    ],
)
def test_field_look_alikes_propose_nothing(text):
    asks_nothing(text)


# --- shorthand in words -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,kind,customer",
    [
        ("cr hold initech", "set_credit_hold", "initech"),
        ("mills aerospace CL 40000 eff now", "set_credit_limit", "mills aerospace"),
        ("Initech - new credit limit $30,000 effective today pls", "set_credit_limit", "initech"),
        ("terms 2/10 n30 for kendall paper", "set_terms", "kendall paper"),
        ("globex terms net 45 per contract amendment, copy in the drive", "set_terms", "globex"),
        ("fabrikam on hold til 10157 paid", "set_credit_hold", "fabrikam"),
        ("dunning 2 to kendall paper 10411", "send_reminder", "kendall paper"),
        (
            "Sterling still hasn't paid INV-10300. Dunning letter level 2 please.",
            "send_reminder",
            "sterling",
        ),
        ("mills past dues - reminder email", "send_reminder", "mills"),
        (
            "please to make the reminder for Initech for the October invoices",
            "send_reminder",
            "initech",
        ),
        ("chuck a reminder Globex's way for INV-10222", "send_reminder", "globex"),
    ],
)
def test_shorthand_in_words(text, kind, customer):
    action = asked_action(text)
    assert action.kind == kind
    assert action.customer_text == customer


def test_shorthand_values_read():
    assert asked_action("mills aerospace CL 40000 eff now").amount == Decimal("40000")
    assert asked_action("terms 2/10 n30 for kendall paper").terms == (30, Decimal("2"), 10)
    assert asked_action("dunning 2 to kendall paper 10411").invoice_refs == ("10411",)


@pytest.mark.parametrize(
    "text",
    [
        "cr hold initech?",  # asked
        "mills aerospace CL 40000?",  # asked
        "terms 2/10 n30 for kendall paper? or net 30",  # asked
        "was fabrikam on hold til 10157 paid?",  # asked
        "dunning 2 went to kendall paper yesterday",  # reported done
        "could you chuck a reminder in my calendar to ring Globex",  # a reminder for me
        "don't send a dunning letter level 2 to sterling",  # negated
    ],
)
def test_shorthand_look_alikes_propose_nothing(text):
    asks_nothing(text)


# --- a promise said broken, then a reminder asked ------------------------------------------------
def test_a_broken_promise_then_a_reminder_is_the_reminder():
    action = asked_action("Globex did not pay on Monday like they promised. Remind them please.")
    assert action.kind == "send_reminder"
    assert action.customer_text == "globex"


def test_a_promise_told_and_asked_to_be_recorded_stays_a_promise():
    action = asked_action("Globex promised to pay 5,000 on Monday, please record it")
    assert action.kind == "record_promise"


# --- ESL: "we must …, please to do it now" ------------------------------------------------------
def test_we_must_with_a_please_is_asked():
    action = asked_action(
        "we must block Mills Aerospace - it is decided by credit committee. Please to do it now."
    )
    assert action.kind == "set_credit_hold"
    assert action.customer_text == "mills aerospace"


@pytest.mark.parametrize(
    "text",
    [
        "we must to block Mills Aerospace?",  # asked
        "if they don't pay we must block Mills Aerospace, please check their balance",  # condition
    ],
)
def test_we_must_look_alikes_propose_nothing(text):
    asks_nothing(text)
