"""Change requests as credit managers and collectors write them (US, UK, India, Germany): each
verb family with the objects it takes, amounts as written, and the questions that only mention
an action — which never become one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse
from graph.understand_actions import ActionRequest
from graph.understand_money import corrected, currency, money

TODAY = date(2026, 11, 21)


def action(text: str) -> ActionRequest:
    request = parse(text, TODAY)
    assert request.intent == "action_request", (text, request)
    assert request.action is not None
    return request.action


@pytest.mark.parametrize(
    "text",
    [
        "Please to put the account of Midwest Transport on hold",  # Indian English
        "I request you to put midwest transport on hold",
        "kindly put midwest transport on hold",
        "we need to put midwest transport on hold",
        "we can put midwest transport on hold",
        "can you put midwest transport on hold?",  # a polite request, question mark or not
    ],
)
def test_politeness_is_taken_off_the_request(text: str) -> None:
    found = action(text)
    assert (found.kind, found.customer_text, found.on_hold) == (
        "set_credit_hold",
        "midwest transport",
        True,
    )


@pytest.mark.parametrize(
    ("text", "on_hold"),
    [
        ("place kendall paper on credit stop", True),  # UK: "on stop"
        ("put kendall paper on stop", True),
        ("kendall paper on stop please", True),
        ("credit stop on kendall paper", True),
        ("stop supplying kendall paper", True),
        ("take kendall paper off stop", False),
        ("lift the credit stop on kendall paper", False),
        ("remove the block on kendall paper", False),
    ],
)
def test_credit_stop_is_a_credit_hold(text: str, on_hold: bool) -> None:
    found = action(text)
    assert (found.kind, found.customer_text, found.on_hold) == (
        "set_credit_hold",
        "kendall paper",
        on_hold,
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hold SO-1002 until northwind pays", "hold_order"),  # the order, not the customer
        ("put SO-1002 on hold", "hold_order"),
        ("decline SO-1013", "decline_order"),
        ("reject SO-1013 pls", "decline_order"),
    ],
)
def test_an_order_named_is_the_object_of_hold_and_decline(text: str, kind: str) -> None:
    found = action(text)
    assert (found.kind, found.order_ref) == (kind, found.order_ref)
    assert found.order_ref in ("SO-1002", "SO-1013")


def test_release_the_order_of_a_customer_or_of_no_one() -> None:
    assert (
        action("release the order for pinnacle").kind,
        action("release the order for pinnacle").customer_text,
    ) == (
        "release_order",
        "pinnacle",
    )
    alone = action("release the order")  # the agent asks which
    assert (alone.kind, alone.customer_text, alone.order_ref) == ("release_order", None, None)
    # an order by its number is still released as before (the customer's hold kept)
    by_number = action("release SO-1005")
    assert (by_number.kind, by_number.order_ref, by_number.on_hold) == (
        "set_credit_hold",
        "SO-1005",
        False,
    )


@pytest.mark.parametrize(
    ("text", "customer", "days"),
    [
        ("put heritage garden on 60 day terms", "heritage garden", 60),
        ("60 day terms for heritage garden", "heritage garden", 60),
        ("net 45 for initech", "initech", 45),
        ("globex terms net 60 pls", "globex", 60),
        ("give globex 45 days terms", "globex", 45),
    ],
)
def test_terms_said_in_days_or_without_a_verb(text: str, customer: str, days: int) -> None:
    found = action(text)
    assert (found.kind, found.customer_text, found.terms) == (
        "set_terms",
        customer,
        (days, Decimal("0"), 0),
    )


@pytest.mark.parametrize(
    ("text", "customer", "invoices"),
    [
        ("send a friendly nudge to pinnacle chemicals re 10324", "pinnacle chemicals", ("10324",)),
        ("pls do the needful and send reminder to falcon hardware", "falcon hardware", ()),
        ("a gentle reminder to falcon hardware pls", "falcon hardware", ()),
        ("send a follow-up email to falcon hardware about 10350", "falcon hardware", ("10350",)),
    ],
)
def test_reminder_nouns_and_phrasings(text: str, customer: str, invoices: tuple[str, ...]) -> None:
    found = action(text)
    assert (found.kind, found.customer_text, found.invoice_refs) == (
        "send_reminder",
        customer,
        invoices,
    )


def test_limit_with_the_customer_after_the_figure_or_none() -> None:
    found = action("approve a 50k limit for globex")
    assert (found.kind, found.customer_text, found.amount) == (
        "set_credit_limit",
        "globex",
        Decimal("50000"),
    )
    nobody = action("raise the limit to 50k")  # the agent asks whose
    assert (nobody.customer_text, nobody.amount) == (None, Decimal("50000"))


@pytest.mark.parametrize(
    ("text", "amount", "written"),
    [
        (
            "pls set credit limit of Litware to 15.000 EUR... sorry USD 15,000",
            "15000",
            "USD",
        ),
        ("set litware limit to 25k, sorry 30k", "30000", None),
        ("raise litware limit to 20k - i mean 25k", "25000", None),
        ("set litware credit limit to EUR 15.000", "15000", "EUR"),
        ("set litware credit limit to 1,50,000", "150000", None),  # lakh grouping
    ],
)
def test_limit_amounts_as_written_and_corrected(text: str, amount: str, written: str) -> None:
    found = action(text)
    assert (found.kind, found.customer_text) == ("set_credit_limit", "litware")
    assert (found.amount, found.currency) == (Decimal(amount), written)


def test_a_promise_corrected_in_the_same_message() -> None:
    found = action("globex promised 5k by friday, sorry 6k")
    assert (found.kind, found.amount) == ("record_promise", Decimal("6000"))


@pytest.mark.parametrize(
    ("written", "amount", "code"),
    [
        ("15.000 EUR", "15000", "EUR"),
        ("USD 15,000", "15000", "USD"),
        ("1.234,56 \u20ac", "1234.56", "EUR"),
        ("1,234.56", "1234.56", None),
        ("776.98", "776.98", None),
        ("50k", "50000", None),
        ("1.5m", "1500000", None),
        ("12,50,000.00", "1250000.00", None),
        ("$15,000", "15000", None),  # "$" names several dollars: no currency
    ],
)
def test_money_separators_by_the_two_decimals_rule(written: str, amount: str, code: str) -> None:
    value, match = money(written)
    assert value == Decimal(amount)
    assert currency(match) == code


def test_money_is_not_read_from_dates_terms_or_days() -> None:
    for text in ("30.11.2026", "12/4", "5 days", "the 20th"):
        assert money(text) == (None, None), text
    assert corrected("raise it, sorry for the late ask") is None


def test_write_off_with_a_bare_number_the_ledger_decides() -> None:
    found = action("write off meridian's 140 on 987")
    assert (found.kind, found.invoice_refs, found.maybe_invoices, found.amount) == (
        "write_off_deduction",
        (),
        ("987",),
        Decimal("140"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "we can write off the small balance on INV-10295 for initech, not worth chasing",
        "can we write off the sales tax short pay on 10389, 776.98",  # complete: a request
    ],
)
def test_a_decision_to_write_off_is_a_request(text: str) -> None:
    assert action(text).kind == "write_off_deduction"


def test_apply_a_payment_named_after_the_verb_or_to_the_oldest_invoice() -> None:
    found = action("apply PAY-5002's unapplied 500 to INV-000982")
    assert (found.kind, found.payment_ref, found.invoice_refs, found.amount) == (
        "apply_payment",
        "PAY-5002",
        ("000982",),
        Decimal("500"),
    )
    oldest = action("pls apply globex's on-account payment to their oldest invoice")
    assert (oldest.kind, oldest.customer_text, oldest.oldest) == ("apply_payment", "globex", True)


@pytest.mark.parametrize(
    ("text", "customer", "invoices", "note"),
    [
        ("note on INV-10227: customer asked for a copy of the POD", None, ("10227",), None),
        (
            "add a note on northwind: disputing freight on 10189, sent POD",
            "northwind",
            (),
            "disputing freight on 10189, sent POD",
        ),
        ("jot down for sterling pharma: disputing freight on 10308", "sterling pharma", (), None),
        (
            "pls record that northwind's controller promised to escalate internally",
            "northwind",
            (),
            None,
        ),
    ],
)
def test_a_note_is_a_note_whatever_its_text_says(
    text: str, customer: str | None, invoices: tuple[str, ...], note: str | None
) -> None:
    found = action(text)
    assert (found.kind, found.customer_text, found.invoice_refs) == (
        "add_note",
        customer,
        invoices,
    )
    if note is not None:
        assert found.text == note


@pytest.mark.parametrize(
    "text",
    [
        "who is on hold",
        "is globex on hold?",
        "how many customers are on credit stop",
        "which customers should we put on hold",
        "can we put globex on hold",  # asks whether: a credit check
        "should we put globex on hold?",
        "should we decline SO-1013?",
        "can we decline SO-1013",
        "is SO-1002 on hold?",
        "what are globex's terms",
        "is globex on net 60?",
        "can we write off the 140 on INV-10295?",
        "note to self: aging due friday. anyway who owes the most?",
        "ptp status across all customers",
        "call initech and ask when they'll pay",
        "how do I put a customer on hold?",
        "what's the limit for globex? 50k?",
    ],
)
def test_questions_that_mention_an_action_propose_none(text: str) -> None:
    assert parse(text, TODAY).intent != "action_request", text


def test_from_one_figure_to_another_the_new_one_is_meant() -> None:
    terms = action("change globex's terms from net 30 to net 60")
    assert (terms.kind, terms.customer_text, terms.terms) == (
        "set_terms",
        "globex",
        (60, Decimal("0"), 0),
    )
    limit = action("raise globex limit from 20k to 25k")
    assert (limit.kind, limit.customer_text, limit.amount) == (
        "set_credit_limit",
        "globex",
        Decimal("25000"),
    )


@pytest.mark.parametrize(
    ("text", "kind", "on_hold"),
    [
        ("book a write off of 154.89 against INV-10295", "write_off_deduction", None),
        ("small balance write-off on INV-10295 pls", "write_off_deduction", None),
        ("flag globex for credit hold", "set_credit_hold", True),
        ("don't ship anything to globex until they pay", "set_credit_hold", True),
        ("no more shipments to globex", "set_credit_hold", True),
        ("reinstate globex's credit", "set_credit_hold", False),
        ("reminder to globex for 10183", "send_reminder", None),
        ("pls share SOA with globex", "send_statement", None),  # Indian English
        ("update globex notes: AP moved to portal", "add_note", None),
        ("raise a query on INV-10204 - wrong price", "open_dispute", None),  # UK: a query
    ],
)
def test_more_verbs_of_each_family(text: str, kind: str, on_hold: bool | None) -> None:
    found = action(text)
    assert found.kind == kind
    if on_hold is not None:
        assert (found.customer_text, found.on_hold) == ("globex", on_hold)


def test_rupees_are_a_currency_written() -> None:
    found = action("Kindly raise the credit limit of Globex to Rs 5,00,000")
    assert (found.customer_text, found.amount, found.currency) == (
        "globex",
        Decimal("500000"),
        "INR",
    )


@pytest.mark.parametrize(
    "text",
    [
        "who raised a query on INV-10204?",
        "do we ship to globex?",
        "which invoices were written off last month",
        "how many reminders went out this week",
        "did we send globex a statement?",
    ],
)
def test_more_questions_that_mention_an_action(text: str) -> None:
    assert parse(text, TODAY).intent != "action_request", text


@pytest.mark.parametrize(
    "text",
    [
        "put the reminders for globex on hold",  # dunning paused: not a credit hold
        "hold the reminders for globex",
        "stop chasing globex",
        "stop sending reminders to globex",
        "put INV-10295 on hold",  # an invoice held from dunning
        "cancel SO-1013",  # never billed: an undo is no invoice
    ],
)
def test_a_different_change_is_said_to_be_one_arbot_cannot_make(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.cannot is not None, (text, request)


def test_a_write_off_of_no_invoice_is_still_a_write_off() -> None:
    found = action("write off globex entirely")  # the agent asks which invoice
    assert (found.kind, found.invoice_refs) == ("write_off_deduction", ())


@pytest.mark.parametrize(
    ("text", "kind", "customer"),
    [
        ("Globex to be put on hold", "set_credit_hold", "globex"),  # passive, as an order
        ("globex needs to be blocked", "set_credit_hold", "globex"),
        ("Globex can be released from hold now", "set_credit_hold", "globex"),
        ("globex has paid, lift the hold", "set_credit_hold", "globex"),  # named earlier
        ("Globex credit limit increase to 25k approved, pls update", "set_credit_limit", "globex"),
        ("knock off PMT-U00001 against INV-10222", "apply_payment", None),  # India: knock off
        ("change the payment term of globex to 30 days net", "set_terms", "globex"),
        ("globex terms change to net 30", "set_terms", "globex"),
    ],
)
def test_passive_and_regional_forms(text: str, kind: str, customer: str | None) -> None:
    found = action(text)
    assert (found.kind, found.customer_text) == (kind, customer)


@pytest.mark.parametrize(
    "text",
    ["is globex to be put on hold?", "does globex need to be blocked", "lift the hold"],
)
def test_passive_questions_and_holds_of_no_one(text: str) -> None:
    assert parse(text, TODAY).intent != "action_request", text


@pytest.mark.parametrize(
    ("text", "kind", "customer"),
    [
        ("pls send statement of a/c to globex", "send_statement", "globex"),
        ("globex committed payment of 5k on 12/4", "record_promise", "globex"),
        ("record promise for globex 5k friday", "record_promise", "globex"),
    ],
)
def test_statements_and_promises_as_written(text: str, kind: str, customer: str) -> None:
    found = action(text)
    assert (found.kind, found.customer_text) == (kind, customer)


def test_billing_a_customer_for_its_order_is_the_invoice_request() -> None:
    request = parse("bill northwind for SO-1003", TODAY)
    assert (request.intent, request.order_refs) == ("create_invoice", ("SO-1003",))


@pytest.mark.parametrize(
    "text", ["globex confirmed payment of 5k received", "did globex confirm payment of 5k?"]
)
def test_a_payment_confirmed_is_no_promise(text: str) -> None:
    assert parse(text, TODAY).intent != "action_request", text


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("apply 828.82 from PMT-U00001 to INV-10222", "828.82"),  # how much goes, before "from"
        ("apply $500 of PMT-U00001 to INV-10222", "500"),
        ("apply PMT-U00001 to INV-10222 for 300", "300"),
    ],
)
def test_the_amount_applied_wherever_it_is_written(text: str, amount: str) -> None:
    found = action(text)
    assert (found.kind, found.payment_ref, found.amount) == (
        "apply_payment",
        "PMT-U00001",
        Decimal(amount),
    )


def test_a_decimal_comma_before_thousands() -> None:
    assert action("write off 2,5k on INV-10295").amount == Decimal("2500")


def test_a_bare_number_in_a_promise_is_its_amount_unless_the_ledger_says_invoice() -> None:
    found = action("PTP: globex, 5000, 30/11")
    assert (found.kind, found.invoice_refs, found.maybe_invoices, found.amount) == (
        "record_promise",
        (),
        ("5000",),
        Decimal("5000"),
    )
    assert found.due == date(2026, 11, 30)  # 30/11 can only be the 30th of November


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("no more shipments to globex?", False),  # put as a question: asks
        ("put globex on hold?", False),
        ("send globex a statement?", False),
        ("can you put globex on hold?", True),  # asks arbot to do it: a request
        ("pls put globex on hold?", True),
        ("could you send globex a reminder?", True),
        ("can you send globex a statement?", True),
        ("hi, can you raise globex limit to 25k?", True),
    ],
)
def test_a_question_mark_asks_unless_arbot_is_asked_to_do_it(text: str, asks: bool) -> None:
    assert (parse(text, TODAY).intent == "action_request") is asks, text


@pytest.mark.parametrize(
    "text",
    [
        "reminder to self: chase globex",
        "note to self: globex promised 5k friday",
        "remind me to put globex on hold tomorrow",
    ],
)
def test_a_memo_to_oneself_asks_nothing_of_a_customer(text: str) -> None:
    assert parse(text, TODAY).intent != "action_request", text


@pytest.mark.parametrize(
    ("text", "kind", "customer"),
    [
        ("put MT-300 on hold", "set_credit_hold", "MT-300"),  # an imported ledger's customer id
        ("put C00003 on hold", "set_credit_hold", "c00003"),
        ("raise HW-100 limit to 50k", "set_credit_limit", "HW-100"),
        ("set PK-200 to net 45", "set_terms", "PK-200"),
        ("send a reminder to PK-200", "send_reminder", "PK-200"),
    ],
)
def test_a_customer_named_by_its_id(text: str, kind: str, customer: str) -> None:
    found = action(text)
    assert (found.kind, found.customer_text) == (kind, customer)


def test_an_invoice_number_with_a_short_prefix_is_for_the_ledger_to_say() -> None:
    found = action("write off 50 on K-1002")
    assert (found.invoice_refs, found.maybe_invoices, found.amount) == (
        (),
        ("k-1002",),
        Decimal("50"),
    )


@pytest.mark.parametrize(
    ("text", "kind", "on_hold"),
    [
        ("northwind -> credit hold", "set_credit_hold", True),  # shorthand
        ("credit hold: northwind", "set_credit_hold", True),
        ("set northwind credit hold to yes", "set_credit_hold", True),
        ("northwind's account needs to go on hold", "set_credit_hold", True),
        ("take the hold off northwind", "set_credit_hold", False),
        ("northwind is cleared, release them from hold", "set_credit_hold", False),
        ("northwind: net 45 going forward", "set_terms", None),
        ("northwind terms to be changed to net 45", "set_terms", None),
        ("northwind needs a reminder", "send_reminder", None),
        ("northwind note - cheque in the mail", "add_note", None),
    ],
)
def test_shorthand_and_objects_named_elsewhere(text: str, kind: str, on_hold: bool | None) -> None:
    found = action(text)
    assert (found.kind, found.customer_text) == (kind, "northwind")
    if on_hold is not None:
        assert found.on_hold is on_hold


def test_a_limit_raised_by_an_amount_to_another() -> None:
    assert action("increase northwind credit limit by 50k to 450k").amount == Decimal("450000")


@pytest.mark.parametrize(
    "text", ["globex terms are net 30, right?", "lift the hold", "credit hold report"]
)
def test_statements_of_fact_and_holds_of_no_one_propose_nothing(text: str) -> None:
    assert parse(text, TODAY).intent != "action_request", text


@pytest.mark.parametrize(
    "text",
    [
        "write off policy",  # a write-off of no one and nothing
        "write-off threshold",
        "the hold on globex, why?",  # a question about the hold
        "has SO-1005 been released",
        "why was SO-1013 declined",
        "which orders are on hold",
        "any customers to put on stop?",
        "customers we should block",
        "release SO-1005?",
    ],
)
def test_mentions_of_actions_propose_nothing(text: str) -> None:
    assert parse(text, TODAY).intent != "action_request", text


@pytest.mark.parametrize(
    ("text", "kind", "order", "customer"),
    [
        ("SO-1005 release pls", "set_credit_hold", "SO-1005", None),  # "so" is no "so, …"
        ("SO-1005 can be released", "set_credit_hold", "SO-1005", None),
        ("ok to ship SO-1005, release it", "set_credit_hold", "SO-1005", None),
        ("SO-1013 - decline", "decline_order", "SO-1013", None),
        ("credit decision SO-1013: decline", "decline_order", "SO-1013", None),
        ("release pinnacle's order", "release_order", None, "pinnacle"),
        ("release the held orders for pinnacle", "release_order", None, "pinnacle"),
        ("approve the order for northwind", "release_order", None, "northwind"),
    ],
)
def test_order_decisions_however_written(
    text: str, kind: str, order: str | None, customer: str | None
) -> None:
    found = action(text)
    assert (found.kind, found.order_ref, found.customer_text) == (kind, order, customer)


@pytest.mark.parametrize("text", ["release it", "decline it", "hold it"])
def test_an_order_decision_of_no_order_proposes_nothing(text: str) -> None:
    assert parse(text, TODAY).intent != "action_request", text


@pytest.mark.parametrize(
    ("text", "kind", "customer"),
    [
        ("please approve 30k credit for globex", "set_credit_limit", "globex"),
        ("comment on globex: promised payment by friday", "add_note", "globex"),
        ("log: globex AP said cheque was posted yesterday", "add_note", "globex"),
        ("send statements to customers with more than 10k overdue", "send_statement", None),
    ],
)
def test_more_objects_and_heads(text: str, kind: str, customer: str | None) -> None:
    found = action(text)
    assert (found.kind, found.customer_text) == (kind, customer)
    if kind == "send_statement":
        assert found.amount == Decimal("10000")  # the threshold, not everyone


@pytest.mark.parametrize(
    "text",
    [
        "temporary credit limit increase for globex to 30k",
        "raise globex limit to 30k until end of december",
    ],
)
def test_a_temporary_limit_is_no_permanent_one(text: str) -> None:
    request = parse(text, TODAY)  # arbot sets limits, not limits until a date: it says so
    assert (request.intent, request.cannot) == ("unknown", "other_change"), text


@pytest.mark.parametrize(
    ("text", "reminder"),
    [
        ("email globex about INV-10183", True),  # what they owe: a reminder
        ("follow up with northwind on the overdue", True),
        ("reach out to globex about their balance", True),
        ("email globex about their remittance", False),  # a free-form e-mail: cannot (yet)
        ("email globex asking for remittance advice", False),
    ],
)
def test_an_email_about_what_is_owed_is_a_reminder(text: str, reminder: bool) -> None:
    request = parse(text, TODAY)
    if reminder:
        assert request.action is not None and request.action.kind == "send_reminder", text
    else:
        assert (request.intent, request.cannot) == ("unknown", "write_email"), text
