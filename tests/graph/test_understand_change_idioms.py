"""Change requests said in idioms (issue 17, the changes round): a write-off dictated as "right
off" or put as "w/o: amount, invoice, customer"; a payment applied as an arrow, or as "it" after
the money is described; a limit "enhanced", "wanted … please update", "should be …, can you set
that"; terms "should be net 30, pls update"; a note "stuck on" a customer or "saying '…'". Each
has look-alikes that must stay no request."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,invoice,amount",
    [
        ("right off the 88.10 left on 10321, not worth the chase", "10321", "88.10"),
        ("right off 12.00 on INV-10183 pls", "10183", "12.00"),
        ("small balance w/o: 33.50, 10222, globex", "10222", "33.50"),
        ("the 12.00 open on 10183 please write off", "10183", "12.00"),
        ("rite it off - the 45.10 on INV-10321", "10321", "45.10"),
        ("book 88.10 on 10321 to write-off", "10321", "88.10"),
        ("right off the 88 10 on ten three two one its freight", "10321", "88.10"),  # dictated
        ("write off the 12 50 on invoice ten one eight three", "10183", "12.50"),
        ("Invoice 10321 residual of 88.10 may be written off.", "10321", "88.10"),
    ],
)
def test_a_write_off_said_in_an_idiom(text: str, invoice: str, amount: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "write_off_deduction", text
    assert invoice in action.invoice_refs and action.amount == Decimal(amount), action


@pytest.mark.parametrize(
    "text",
    [
        "right off the bat, is 10321 paid?",
        "right off the top of my head I think globex owes 2,400",
        "on ten three two one what's open",
        "let me know if 10321 is paid",
        "the 12.00 on 10183 was a write off",
        "is the 12.00 on 10183 a write off",
        "let the 45.10 on INV-10321 go to collections?",
        "did we let the 12.00 on 10183 go?",
        "don't let the 12.00 on 10183 go, chase it",
        "can 10321 be written off?",
        "was 10321 written off?",
        "10321 may be written off next month if they don't pay?",
    ],
)
def test_what_only_sounds_like_a_write_off_is_none(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is None or action.kind != "write_off_deduction", text


def test_a_write_off_of_an_invoice_named_before_a_dash() -> None:
    # "10222 - 33.50" is an invoice and an amount, not a subtraction
    text = "globex 10222 - 33.50 freight deduction, ok to w/o per sales. pls book"
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "write_off_deduction"
    assert action.invoice_refs == ("10222",) and action.amount == Decimal("33.50")
    assert action.reason_code == "freight"


@pytest.mark.parametrize(
    "text,payment,invoice,customer,amount",
    [
        ("PMT-U00001 -> 10222 pls", "PMT-U00001", "10222", None, None),
        ("pmt-u00001 => inv 10183", "PMT-U00001", "10183", None, None),
        (
            "Globex's on-account cheque of 828.82 - please allocate it against 10183.",
            None,
            "10183",
            "globex",
            "828.82",
        ),
        (
            "globex rang, the on-account check is for invoice 10183. pls put it there",
            None,
            "10183",
            "globex",
            None,
        ),
        (
            "Kindly apply the 500.00 lying unapplied on Harbor Wholesale's PAY-5002 to INV-000982.",
            "PAY-5002",
            "000982",  # the digits INV-000982 is read as (the agent finds it by its key)
            "harbor wholesale",
            "500.00",
        ),
    ],
)
def test_a_payment_applied_in_shorthand(
    text: str, payment: str | None, invoice: str, customer: str | None, amount: str | None
) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "apply_payment", text
    assert action.payment_ref == payment and invoice in action.invoice_refs, action
    assert customer is None or action.customer_text == customer, action
    assert amount is None or action.amount == Decimal(amount), action


@pytest.mark.parametrize(
    "text",
    [
        "PMT-U00001 -> 10222?",
        "was PMT-U00001 -> 10222 approved?",
        "Globex's on-account cheque of 828.82 - did you allocate it against 10183?",
        "globex's on-account check - is it for 10183?",
    ],
)
def test_an_application_asked_about_is_none(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is None or action.kind != "apply_payment", text


@pytest.mark.parametrize(
    "text,customer,amount,currency",
    [
        (
            "Request you to enhance the credit limit of Globex Corporation to USD 25,000 as "
            "approved by the CFO.",
            "globex corporation",
            "25000",
            "USD",
        ),
        (
            "The CFO wants a limit of CAD 80,000 for Pinnacle Foods. Please update accordingly.",
            "pinnacle foods",
            "80000",
            "CAD",
        ),
        ("falcon limit should be 40k from now on, can you set that", "falcon", "40000", None),
        (
            "sales wants a bigger line on Initech. Let's take it to 12,000. Can you set that up?",
            "initech",
            "12000",
            None,
        ),
        ("lower initech limit to 1,000 until they catch up", "initech", "1000", None),
        ("kindly hike globex credit limit to 30k", "globex", "30000", None),
        ("bump up falcon's line to 40k", "falcon", "40000", None),
        ("globex: new limit 25k", "globex", "25000", None),
        ("Initech credit limit change 10k to 15k", "initech", "15000", None),  # the new one
        ("raise globex limit by 10k to 25k", "globex", "25000", None),
        (
            "sales wants initech's limit increased to 35k - pls put it through",
            "initech",
            "35000",
            None,
        ),
        ("we want globex credit limit at 25k", "globex", "25000", None),
        ("globex needs a 25k limit, pls set it", "globex", "25000", None),
        ("credit limit revision for globex to 25k pls", "globex", "25000", None),
        ("Globex's credit limit may please be enhanced to 25,000.", "globex", "25000", None),
    ],
)
def test_a_limit_said_in_an_idiom(
    text: str, customer: str, amount: str, currency: str | None
) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "set_credit_limit", text
    assert action.customer_text == customer and action.amount == Decimal(amount), action
    assert action.currency == currency


@pytest.mark.parametrize(
    "text",
    [
        "the credit committee approved a limit of 80k for initech yesterday",  # told, not asked
        "falcon limit should be 40k, right?",
        "should falcon's limit be 40k? can you check that",
        "if the committee approved a limit of 80k for initech, please update accordingly",
        "raise globex limit to 30k until end of december",  # a limit until a date: cannot
        "priya mentioned initech wants their limit bumped to 40k",  # someone's wish, told
        "sales says globex credit limit 25k",
        "globex: new limit 25k?",
        "globex needs a 25k limit?",
    ],
)
def test_a_limit_talked_about_is_no_request(text: str) -> None:
    action = parse(text, TODAY).action
    request = parse(text, TODAY)
    assert request.intent != "action_request" or action is None, (text, request)


def test_a_hold_or_terms_said_tersely_or_formally() -> None:
    cases = {
        "Kindly place Globex Corporation on credit hold with immediate effect.": (
            "set_credit_hold",
            "globex corporation",
        ),
        "northwind - stop supply": ("set_credit_hold", "northwind"),
        "Request you to block Globex for further supplies": ("set_credit_hold", "globex"),
        "Kindly do the needful to write off INR 500 on invoice 10183": (
            "write_off_deduction",
            None,
        ),
        "globex 25k limit ok, pls set": ("set_credit_limit", "globex"),
        "un hold initech": ("set_credit_hold", "initech"),
        "globex to net 30 pls": ("set_terms", "globex"),
        "move initech onto 2/10 net 30": ("set_terms", "initech"),
        "knock off globex's on account against 10222": ("apply_payment", "globex"),
        "match the 828.82 from globex to 10222": ("apply_payment", "globex"),
        "Please change the payment condition of Globex to 30 days net.": ("set_terms", "globex"),
    }
    for text, (kind, customer) in cases.items():
        action = parse(text, TODAY).action
        assert action is not None and (action.kind, action.customer_text) == (kind, customer), (
            text,
            action,
        )


@pytest.mark.parametrize(
    "text",
    [
        "hold on, what does globex owe",  # a moment asked, not a hold
        "hold on a sec, is globex on hold?",
        "is globex on net 30?",
        "globex to net 30?",
        "was initech un hold?",
        "initech has moved to net 30",
    ],
)
def test_terms_or_a_release_asked_about_is_none(text: str) -> None:
    assert parse(text, TODAY).action is None, text


@pytest.mark.parametrize(
    "text,customer,days",
    [
        ("globex terms should be net 30 not 60, pls update", "globex", 30),
        ("initech's terms need to be net 45 - please change it", "initech", 45),
        ("The payment terms of Globex may be revised to net 45.", "globex", 45),
    ],
)
def test_terms_that_should_be_so_asked_to_update(text: str, customer: str, days: int) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "set_terms", text
    assert action.customer_text == customer and action.terms is not None
    assert action.terms[0] == days


@pytest.mark.parametrize(
    "text",
    [
        "globex terms should be net 30, shouldn't they?",
        "should globex terms be net 30? please check",
        "globex wants terms net 60",  # the customer's wish, told (no "pls update")
    ],
)
def test_terms_that_should_be_so_unasked(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is None or action.kind != "set_terms", text


@pytest.mark.parametrize(
    "text,customer,note",
    [
        (
            "pls stick a note on globex: AP changed, send everything to the new address",
            "globex",
            "AP changed, send everything to the new address",
        ),
        (
            "Please add a remark on Initech's account that their AP team has moved to Pune.",
            "initech",
            "their AP team has moved to Pune.",
        ),
        (
            "Kindly record a note against Initech stating that the AP contact has changed.",
            "initech",
            "the AP contact has changed.",
        ),
        (
            "Falcon Hardware keeps paying late. I'd like a note on their account saying "
            "'escalate to sales VP next time'.",
            "falcon hardware",
            "escalate to sales VP next time",
        ),
    ],
)
def test_a_note_said_in_an_idiom(text: str, customer: str, note: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "add_note", text
    assert action.customer_text == customer and action.text == note, action


@pytest.mark.parametrize(
    "text",
    [
        "did someone stick a note on globex about the new address?",
        "I'd like a note on how credit holds work",
    ],
)
def test_a_note_talked_about_is_none(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is None or action.kind != "add_note", text


@pytest.mark.parametrize(
    "text",
    [
        "would you raise initech's limit given how they pay?",  # advice: their credit check
        "globex told us they'll pay the 5k next week - whats their total open",  # the question
        "promises to pay on the imported ledger",  # the list of promises, no promise made
        "I'll send the statement to globex myself, just tell me their balance",  # we send it
        "I'd like a note on how to record promises for globex",
        "we will pay the vendor friday",
    ],
)
def test_an_opinion_or_a_report_beside_a_question_is_no_change(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "action_request" and request.action is None, request


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "idioms")


@pytest.mark.parametrize(
    "text,kind,customer,invoice,amount",
    [
        (
            "right off the 154.89 left on 10295 its not worth chasing",
            "write_off_deduction",
            "C00004",
            "INV-10295",
            "154.89",
        ),
        ("PMT-U00001 -> 10211 pls", "apply_payment", "C00003", "INV-10211", "828.82"),
        (
            "Globex's on-account cheque of 828.82 - please allocate it against 10186.",
            "apply_payment",
            "C00003",
            "INV-10186",
            "828.82",
        ),
        (
            "Request you to enhance the credit limit of Globex Corporation to USD 25,000 as "
            "approved by the CFO.",
            "set_credit_limit",
            "C00003",
            None,
            "25000",
        ),
    ],
)
def test_an_idiom_proposes_the_change_it_asks_for(
    demo: Cli, text: str, kind: str, customer: str, invoice: str | None, amount: str
) -> None:
    reply = ask_json(demo, text)
    assert [p["action"] for p in reply["proposals"]] == [kind], reply["text"]
    summary = reply["proposals"][0]["summary"]
    assert customer in summary and (invoice is None or invoice in summary), summary
    assert Decimal(str(reply["proposals"][0]["amount"])) == Decimal(amount)


def test_a_reminder_of_an_invoice_alone_goes_to_its_customer(demo: Cli) -> None:
    reply = ask_json(demo, "send a reminder for INV-10222")
    assert [p["action"] for p in reply["proposals"]] == ["send_reminder"], reply["text"]
    assert "C00003" in reply["proposals"][0]["summary"]  # INV-10222 is Globex's


def test_terse_applications_and_reminders() -> None:
    cases = {
        "PMT-U00001 to 10222 pls": ("apply_payment", None),
        "apply globex cash to oldest": ("apply_payment", "globex"),
        "send reminder 10222": ("send_reminder", None),
    }
    for text, (kind, customer) in cases.items():
        action = parse(text, TODAY).action
        assert action is not None and (action.kind, action.customer_text) == (kind, customer), (
            text,
            action,
        )
    assert parse("apply globex cash to oldest", TODAY).action.oldest  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    ["PMT-U00001 to 10222?", "was PMT-U00001 to 10222 approved", "dunning to northwind - paused?"],
)
def test_terse_ones_asked_about_are_none(text: str) -> None:
    assert parse(text, TODAY).action is None, text


def test_an_arrow_asked_about_proposes_nothing(demo: Cli) -> None:
    reply = ask_json(demo, "was PMT-U00001 -> 10222 approved?")
    assert reply["proposals"] == []
