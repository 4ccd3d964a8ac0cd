"""Messages in parts: a range's two dates written the same way; a change of terms asked in one
clause with the terms in another; a part of a change request arbot cannot do, said plainly and
never dropped; two customers named in one question, the reply saying which one it answers."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,start,end",
    [
        # one end that reads only day first makes the range day first (and the other way)
        ("money in between 2/11/2026 and 13/11/2026", date(2026, 11, 2), date(2026, 11, 13)),
        ("payments 5/10/2026 - 20/10/2026", date(2026, 10, 5), date(2026, 10, 20)),
        ("receipts from 10/3/2026 to 10/19/2026", date(2026, 10, 3), date(2026, 10, 19)),
    ],
)
def test_a_ranges_dates_are_read_in_one_order(text: str, start: date, end: date) -> None:
    period = parse(text, TODAY).period
    assert period is not None and (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "text,customer,days",
    [
        ("initech has moved to net 30 - change their terms in the system", "initech", 30),
        ("riverbend asked for 45 day terms; please update terms accordingly", "riverbend", 45),
    ],
)
def test_terms_said_in_another_clause(text: str, customer: str, days: int) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "set_terms"
    assert action.customer_text == customer and action.terms is not None
    assert action.terms[0] == days


def test_a_question_about_terms_is_not_a_change() -> None:
    assert parse("what terms is globex on? net 30?", TODAY).action is None


@pytest.mark.parametrize(
    "text,kind,not_done",
    [
        ("put initech on credit hold and refund their overpayment", "set_credit_hold", "refund"),
        ("lower riverbend's limit to 20k, also waive the late fees", "set_credit_limit", "waive"),
    ],
)
def test_a_part_arbot_cannot_do_is_named(text: str, kind: str, not_done: str) -> None:
    request = parse(text, TODAY)
    assert request.action is not None and request.action.kind == kind
    assert request.cannot is not None and not_done in (request.not_done or "")
    assert request.action.customer_text in ("initech", "riverbend")


def test_a_request_without_such_a_part_names_none() -> None:
    assert parse("put initech on credit hold and thanks", TODAY).cannot is None


@pytest.mark.parametrize(
    "text,first,others",
    [
        ("what do initech and riverbend owe us", "initech", ("riverbend",)),
        ("did globex, northwind or initech pay this week", "globex", ("northwind", "initech")),
    ],
)
def test_several_customers_named(text: str, first: str, others: tuple[str, ...]) -> None:
    request = parse(text, TODAY)
    assert (request.customer_text, request.also_named) == (first, others)


def test_one_customer_with_an_ampersand_is_one() -> None:
    assert parse("meridian tool & die balance", TODAY).also_named == ()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory)


def test_the_reply_says_what_was_not_done(demo: Cli) -> None:
    reply = ask_json(demo, "set initech's terms to net 60 and waive the interest")
    assert len(reply["proposals"]) == 1
    assert "waive the interest" in reply["text"] and "not done" in reply["text"]


def test_the_reply_says_which_customer_it_answers(demo: Cli) -> None:
    reply = ask_json(demo, "what do initech and northwind owe")
    assert reply["intent"] == "customer_balance"
    assert "answers “initech” only" in reply["text"] and "northwind" in reply["text"]
    assert reply["proposals"] == []


def test_a_notes_text_is_never_split_into_parts() -> None:
    request = parse("add a note on initech: asked us to waive the late fee and refund", TODAY)
    assert request.action is not None and request.action.kind == "add_note"
    assert request.cannot is None


@pytest.mark.parametrize(
    "text,reference",
    [
        # the question after a reference is not part of it
        ("deposit with reference ACME 4471 NOV - who is it from?", "ACME 4471 NOV"),
        # what a bank line or a remittance says, asked whose it is
        ("the remittance reads PMT NOV THANK YOU, any idea whose it is", "PMT NOV THANK YOU"),
        ("bank text shows RMR*IV*10301*PO, which customer sent that?", "RMR*IV*10301*PO"),
    ],
)
def test_a_bank_reference_asked_about_is_a_payment(text: str, reference: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payment_lookup" and request.payment_refs == (reference,)
    assert request.invoice_refs == ()


def test_a_remittance_naming_an_invoice_without_asking_whose_is_not_a_reference() -> None:
    assert parse("remittance says pay INV-10268", TODAY).payment_refs == ()


def test_a_bank_line_finds_its_payment(demo: Cli) -> None:
    from integrations.erp.local import LocalLedger

    ledger = LocalLedger.open(f"sqlite:///{demo.home / 'arbot.db'}")
    unapplied = next(p for p in ledger.payments() if p.unapplied and p.reference)
    reply = ask_json(demo, f"bank line says {unapplied.reference}, who is that from?")
    assert reply["intent"] == "payment_lookup" and unapplied.payment_id in reply["text"]


@pytest.mark.parametrize(
    "text,kind,other",
    [
        ("block riverbend now and then email them a reminder", "set_credit_hold", "reminder"),
        ("lower initech's limit to 20k; also hold SO-1004", "set_credit_limit", "so-1004"),
    ],
)
def test_a_second_change_is_named_not_dropped(text: str, kind: str, other: str) -> None:
    request = parse(text, TODAY)
    assert request.action is not None and request.action.kind == kind
    assert request.cannot == "second_change" and other in (request.not_done or "")


def test_one_change_on_two_invoices_is_one_change() -> None:
    request = parse("write off the 5.00 on INV-10321 and the 7.50 on INV-10322", TODAY)
    assert request.cannot is None


def test_the_reply_names_the_second_change(demo: Cli) -> None:
    reply = ask_json(demo, "put initech on credit hold and send them a reminder")
    assert len(reply["proposals"]) == 1
    assert "send them a reminder" in reply["text"] and "on its own" in reply["text"]


def test_two_customers_in_one_change_are_named() -> None:
    request = parse("pls block initech and riverbend", TODAY)
    assert request.action is not None and request.action.customer_text == "initech"
    assert request.also_named == ("riverbend",)


def test_the_proposal_says_which_customer_it_is_for(demo: Cli) -> None:
    reply = ask_json(demo, "put initech and northwind on credit hold")
    assert len(reply["proposals"]) == 1
    assert "for “initech” only" in reply["text"] and "northwind" in reply["text"]


@pytest.mark.parametrize(
    "text,payment,invoice,amount",
    [
        # an amount of a payment (a prefixed id), then where it goes
        ("put the 250 remaining from PMT-000244 against INV-10281", "PMT-000244", "10281", "250"),
        ("allocate 75.50 left on PAY-5003 to INV-000984", "PAY-5003", "000984", "75.50"),
    ],
)
def test_an_amount_of_a_payment_is_applied(
    text: str, payment: str, invoice: str, amount: str
) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "apply_payment"
    assert action.payment_ref == payment and invoice in action.invoice_refs
    assert str(action.amount) == amount
