"""Issue 17 end to end through ``arbot ask --json`` on the demo company: payment periods as
people write them (with the ledger's own totals for them), payments named without their prefix
or by their bank reference, a customer's credit standing asked without an order, and the
issue's change requests answered as the change each names (nothing else proposed)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from integrations.erp.local import LocalLedger
from tests.conftest import Cli, ask_json


@pytest.fixture(scope="module")
def demo_cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = Cli(tmp_path_factory.mktemp("dates") / "home")
    assert cli("demo", "--no-chat").exit_code == 0
    return cli


def ledger(cli: Cli) -> LocalLedger:
    return LocalLedger.open(f"sqlite:///{cli.home / 'arbot.db'}")


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("receipts first half of nov", "2026-11-01", "2026-11-15"),
        ("second half of october receipts", "2026-10-16", "2026-10-31"),
        ("what did we get in on monday", "2026-11-16", "2026-11-16"),
        ("who paid us on wednesday", "2026-11-18", "2026-11-18"),
        ("what was received 12 nov", "2026-11-12", "2026-11-12"),
        ("receipts 11/18", "2026-11-18", "2026-11-18"),
        ("list pmts rcvd the 20th", "2026-11-20", "2026-11-20"),
        ("payments between the 1st and the 10th", "2026-11-01", "2026-11-10"),
        ("receipts for the week of 11/9", "2026-11-09", "2026-11-15"),
        ("payments received last fortnight", "2026-11-07", "2026-11-21"),
    ],
)
def test_payments_received_in_periods_as_people_write_them(
    demo_cli: Cli, text: str, start: str, end: str
) -> None:
    reply = ask_json(demo_cli, text)  # the business date is Saturday 2026-11-21
    assert reply["intent"] == "payments_received", reply["text"][:200]
    assert (reply["data"]["period"]["start"], reply["data"]["period"]["end"]) == (start, end)
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    expected: dict[str, Decimal] = {}
    for p in ledger(demo_cli).payments():
        if first <= p.received_on <= last:
            expected[p.currency] = expected.get(p.currency, Decimal(0)) + p.amount
    got = {cur: Decimal(str(v)) for cur, v in reply["data"]["totals"].items()}
    assert got == expected
    assert reply["proposals"] == []


@pytest.mark.parametrize(
    "text,payment",
    [
        ("who paid 000234", "PMT-000234"),
        ("details on pmt 000237", "PMT-000237"),
        ("pmt#000241", "PMT-000241"),
        ("pmt 237 - whose is it", "PMT-000237"),
        ("payment U00001 details", "PMT-U00001"),
        ("look up the payment with ref INV I0278", "PMT-000248"),
        ("whose wire was 'PAYMENT 9390.20 THANK YOU'", "PMT-000251"),
    ],
)
def test_a_payment_named_without_its_prefix_or_by_its_reference(
    demo_cli: Cli, text: str, payment: str
) -> None:
    reply = ask_json(demo_cli, text)
    assert reply["intent"] == "payment_lookup", reply["text"][:200]
    assert reply["entities"]["payment_id"] == payment
    found = ledger(demo_cli).get_payment(payment)
    assert found is not None and found.customer_id in reply["text"]


def test_a_number_that_is_an_invoice_stays_an_invoice(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "who paid 10045")
    assert reply["intent"] == "invoice_status"
    assert reply["entities"]["invoice_number"] == "INV-10045"


@pytest.mark.parametrize(
    "text,customer_id",
    [
        ("what's initech's credit limit", "C00004"),
        ("is kendall paper on hold", "C00034"),
        ("how much headroom does pinnacle chem have", "C00009"),
    ],
)
def test_a_customers_credit_standing_without_an_order(
    demo_cli: Cli, text: str, customer_id: str
) -> None:
    reply = ask_json(demo_cli, text)
    customer = ledger(demo_cli).get_customer(customer_id)
    assert customer is not None and customer.credit_limit is not None
    assert reply["intent"] == "credit_check" and reply["proposals"] == []
    assert reply["data"]["customer_id"] == customer_id
    assert Decimal(str(reply["data"]["credit_limit"])) == customer.credit_limit
    assert reply["data"]["on_hold"] == customer.on_hold
    open_ar = sum(
        (
            i.balance
            for i in ledger(demo_cli).invoices(customer_id, open_only=True)
            if i.currency == customer.currency
        ),
        Decimal(0),
    )
    assert Decimal(str(reply["data"]["open"])) == open_ar
    assert ("ON credit hold" in reply["text"]) == customer.on_hold


@pytest.mark.parametrize(
    "text,action",
    [
        ("send a statement to globex", "send_statement"),
        ("set globex terms to net 60", "set_terms"),
        ("globex promised to pay 5000 on friday", "record_promise"),
    ],
)
def test_the_issues_change_requests_propose_the_change_they_name(
    demo_cli: Cli, text: str, action: str
) -> None:
    reply = ask_json(demo_cli, text)
    assert reply["intent"] == "action_request"
    assert [p["action"] for p in reply["proposals"]] == [action]


def test_create_an_invoice_is_a_change_request_said_honestly(demo_cli: Cli) -> None:
    """SO-1001 is pending on the demo company: nothing to bill, said, nothing proposed."""
    reply = ask_json(demo_cli, "create an invoice for SO-1001")
    assert reply["intent"] == "action_request"
    assert reply["entities"]["action"] == "create_invoice"
    assert reply["proposals"] == [] and "not fulfilled" in reply["text"]


def test_what_arbot_cannot_show_is_said_with_the_closest_answers(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "what's the last note on initech's account")
    assert reply["intent"] == "unknown" and reply["data"]["cannot"] == "records"
    assert "I can't do that yet" in reply["text"] and reply["proposals"] == []
    assert "what does Initech LLC owe" in reply["data"]["suggestions"]


def test_a_payment_found_by_its_amount_and_the_fastest_payers(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "who sent 9,390.20")
    assert reply["intent"] == "payment_lookup"
    found = ledger(demo_cli).get_payment(reply["entities"]["payment_id"])
    assert found is not None and found.amount == Decimal("9390.20")
    fastest = ask_json(demo_cli, "fastest payers")
    slowest = ask_json(demo_cli, "slowest payers")
    assert fastest["intent"] == slowest["intent"] == "days_to_pay"
    first, last = fastest["data"]["customers"][0], slowest["data"]["customers"][0]
    assert Decimal(str(first["average_days_beyond_terms"])) < Decimal(
        str(last["average_days_beyond_terms"])
    )


def test_a_word_that_only_begins_a_name_does_not_turn_the_book_into_a_customer(
    demo_cli: Cli,
) -> None:
    """ "pres" (a presentation) begins a customer's name word (Prestige): with "ar ageing" the
    book is asked for. ("pack", for a board pack, is a word arbot knows.)"""
    reply = ask_json(demo_cli, "need the ar ageing for the month end pres")
    assert reply["intent"] == "aging_report" and not reply["entities"].get("customer_id")
    assert reply["text"].startswith("I did not read “pres” as a customer")
    pack = ask_json(demo_cli, "need the ar ageing for the month end pack")
    assert pack["intent"] == "aging_report" and pack["text"].startswith("Aging (all customers")
    named = ask_json(demo_cli, "riverbend aging")
    assert named["entities"]["customer_id"] == "C00036"


def test_who_owes_more_than_an_amount_lists_everyone_above_it(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "who owes more than 50k")
    assert reply["intent"] == "top_debtors" and reply["proposals"] == []
    totals: dict[tuple[str, str], Decimal] = {}
    for i in ledger(demo_cli).invoices(open_only=True):
        key = (i.customer_id, i.currency)
        totals[key] = totals.get(key, Decimal(0)) + i.balance
    expected = {key for key, total in totals.items() if total > Decimal("50000")}
    got = {
        (row["customer_id"], currency)
        for currency, rows in reply["data"]["by_currency"].items()
        for row in rows
    }
    assert got == expected and expected
