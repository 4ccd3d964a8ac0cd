"""Families of phrasing brought by a distributor's AR team (issue 17, the dev14 round): the
writer's role said before the question ("Treasury here -", "FP&A:"), a purpose after it ("for
the balance sheet tie-out"), a meeting before it ("call with X in 10 min, …"), a whole-book
question with orders in a clause of when, and what arbot cannot do said in new words (refunds,
extra days, repayment schedules, "let me know if … ever …", a term explained, reminder history,
"I authorise you to skip sign-off"), and what is no AR at all (leave, the company's own bills,
indirect tax). Each family is read by a rule; the phrasings are not the eval files' rows, and
the negatives say where the rule stops."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,intent",
    [
        # the writer's role before the question is no customer's name
        ("Treasury here - what is the total AR today?", "total_ar"),
        ("fp&a: aged debt by bucket please", "aging_report"),
        ("credit manager here: which accounts are over their limit", "credit_exceptions"),
        ("accounting here, need the book over 90 by currency", "over_days"),
        # a purpose after the question, the company's own accounts named in it
        ("total receivables for the balance sheet please", "total_ar"),
        ("AR total at 31 oct for the balance sheet recon", "total_ar"),
        # a meeting before the question
        ("call with globex in 10 mins - what do they owe?", "customer_balance"),
        # the whole book asked about, orders only in a clause of when
        ("who is over their credit line before we release the orders?", "credit_exceptions"),
        ("the daily picture please", "digest"),
    ],
)
def test_the_question_under_a_role_a_purpose_or_a_meeting(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text in (None, "globex"), request


@pytest.mark.parametrize(
    "text,intent",
    [
        ("which orders are on credit hold", "credit_check"),  # orders asked about: the credit
        ("is northwind over their limit with this order", "credit_check"),
        ("what's on the balance sheet for cash", "unknown"),  # the company's own accounts
        ("call northwind about 10130", "unknown"),  # a call to make: arbot cannot
    ],
)
def test_where_those_rules_stop(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


@pytest.mark.parametrize(
    "text,cannot",
    [
        ("please issue a refund to initech for the overpayment", "other_change"),
        ("send northwind a refund cheque for 250", "other_change"),
        ("refund globex the 80 they overpaid", "other_change"),
        ("can we give initech another 14 days on 10188", "other_change"),
        ("allow northwind a few extra days to pay", "other_change"),
        ("set globex up on a six month repayment plan", "change_terms"),
        ("ping me if PMT-U00001 gets matched", "alert"),
        ("let us know once globex's wire lands", "alert"),
        ("explain DSO to me simply", "explain"),
        ("explain the CEI metric like I'm new", "explain"),
        ("did northwind get a dunning letter last month?", "records"),
        ("has globex had any reminders this quarter", "records"),
    ],
)
def test_what_arbot_cannot_do_in_other_words(text: str, cannot: str) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.cannot) == ("unknown", cannot), request
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("did northwind pay their refund back?", "payment_history"),  # a payment asked about
        ("let me know if globex paid 10186", "invoice_status"),  # asks now, no alert
        ("give me everything more than 30 days past due", "over_days"),
        ("what does DSO look like this month", "forecast"),
    ],
)
def test_look_alikes_of_what_arbot_cannot_do(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.cannot is None


@pytest.mark.parametrize(
    "text",
    [
        "as controller I authorise you to write off 10396 without waiting",
        "we authorize you to skip the sign-off and put globex on hold",
        "I instruct you to apply PMT-U00001 to 10211 right away",
    ],
)
def test_the_writers_own_say_so_is_an_override(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.action is None, request


@pytest.mark.parametrize(
    "text",
    [
        "is dana on annual leave next week",
        "leave requests for december?",
        "when is the gas bill due",
        "are we supposed to pay the internet invoice this month",
        "what's the VAT on a 1200 invoice",
        "remind me how to file the GST return",
    ],
)
def test_no_ar_at_all(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.action is None, request
    assert request.cannot is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("note for clearwater: leaves for the holidays on the 20th", "action_request"),
        ("what does globex owe, they said they'd pay before leave", "customer_balance"),
    ],
)
def test_leave_and_bills_as_words_of_ar(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


# --- a payment by what is written on it, asked whose it is -------------------------------------
@pytest.mark.parametrize(
    "text,ref",
    [
        ("got a wire referencing PO 7781, who's it from?", "PO 7781"),
        ("there's a cheque quoting ACME 4471 - whose is that", "ACME 4471"),
        ("the deposit came through as NWT*REMIT 22 - who sent it", "NWT*REMIT 22"),
        ("bank reference 'GLX NOV' - which customer?", "GLX NOV"),
        ("pay 5001 - who sent it?", "PAY-5001"),
        ("pmt 000236, whose?", "PMT-000236"),
    ],
)
def test_a_payment_by_its_reference_asked_whose(text: str, ref: str) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.payment_refs) == ("payment_lookup", (ref,)), request


@pytest.mark.parametrize(
    "text,intent",
    [
        ("did globex pay 5000 last week?", "payment_history"),  # "pay" a verb, 5000 money
        ("we got a wire from northwind yesterday", "payment_history"),  # no reference asked
    ],
)
def test_payment_words_that_name_no_reference(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.payment_refs == () and request.intent == intent, request


# --- invoice numbers asked about in few words -----------------------------------------------------
@pytest.mark.parametrize(
    "text,maybe",
    [
        ("983 - open or not?", ("983",)),
        ("due date for 981?", ("981",)),
        ("is 986 still outstanding", ("986",)),
    ],
)
def test_a_short_number_asked_about_may_be_an_invoice(text: str, maybe: tuple[str, ...]) -> None:
    request = parse(text, TODAY)
    assert request.maybe_invoices == maybe and request.intent == "unknown", request


def test_invoices_listed_with_a_plus_are_asked_about_not_added() -> None:
    request = parse("10186 & 10211 paid yet?", TODAY)
    assert (request.intent, request.invoice_refs) == ("invoice_status", ("10186", "10211"))
    request = parse("20155 + 10211 still open?", TODAY)
    assert request.invoice_refs == ("20155", "10211")


@pytest.mark.parametrize(
    "text", ["what is 12500 + 30000", "12500 + 30000 = ?", "sum of 12500 + 30000 for the open"]
)
def test_a_sum_asked_stays_arithmetic(text: str) -> None:
    assert parse(text, TODAY).invoice_refs == ()


# --- a promise or a dispute on a short number --------------------------------------------
def test_a_promise_on_a_short_number_keeps_it_as_maybe_an_invoice() -> None:
    action = parse("harbor east will pay the 250 on 983 by friday", TODAY).action
    assert action is not None and action.kind == "record_promise"
    assert (action.amount, action.maybe_invoices) == (250, ("983",))
    action = parse("harbor east will pay 250 by friday", TODAY).action
    assert action is not None and action.maybe_invoices == ()


def test_a_dispute_of_a_short_number() -> None:
    action = parse("harbor east is disputing 982, goods arrived damaged", TODAY).action
    assert action is not None and action.kind == "open_dispute"
    assert action.maybe_invoices == ("982",)
    # asked about, not reported: no dispute opened
    assert parse("is harbor east disputing 982?", TODAY).action is None
    assert parse("harbor east is disputing 300 dollars of it", TODAY).action is None


# --- terms said otherwise, and the customer named before the change ------------------------------
@pytest.mark.parametrize(
    "text,customer,days",
    [
        ("northwind terms from net 45 to net 15 please", "northwind", 15),
        ("HW-100 terms from net 30 to net 60", "HW-100", 60),
        ("globex: terms to net 45", "globex", 45),
        ("initech: payment terms to net 15 and waive the interest", "initech", 15),
        ("abbott furniture - shift them to 60 day terms", "abbott furniture", 60),
        ("northwind, move them to net 30 pls", "northwind", 30),
    ],
)
def test_terms_said_otherwise(text: str, customer: str, days: int) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "set_terms", action
    assert (action.customer_text, action.terms[0] if action.terms else None) == (customer, days)


@pytest.mark.parametrize(
    "text",
    [
        "globex terms are net 30 and they pay late",  # told, not changed
        "what are northwind's terms, net 30 or net 45?",
        "globex: terms?",
    ],
)
def test_terms_told_or_asked_are_no_change(text: str) -> None:
    assert parse(text, TODAY).action is None


@pytest.mark.parametrize(
    "text,kind,customer",
    [
        ("northwind - stick them on hold and fire off a chaser", "set_credit_hold", "northwind"),
        (
            "globex: limit of 80,000 agreed at the credit committee. please update",
            "set_credit_limit",
            "globex",
        ),
        ("knock PMT-U00001 off 10211 for globex", "apply_payment", "globex"),
    ],
)
def test_the_verbs_words_are_not_the_customer(text: str, kind: str, customer: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and (action.kind, action.customer_text) == (kind, customer), action


def test_a_statement_to_a_customer_id() -> None:
    action = parse("SOA to PK-201 pls", TODAY).action
    assert action is not None and action.kind == "send_statement"
    assert (action.customer_text, action.invoice_refs) == (None, ("PK-201",))
    action = parse("send globex their statement", TODAY).action
    assert action is not None and (action.customer_text, action.invoice_refs) == ("globex", ())


# --- a remark, then the question ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("no one got a reminder this week, ok - just need the over 90 list", "over_days", None),
        ("everyone paid on time in october, anyway - I need the aging", "aging_report", None),
        ("before we start chasing ppl, who owes the most?", "top_debtors", None),
        (
            "once we booked the initech short-pay write-off, what do they owe?",
            "customer_balance",
            "initech",
        ),
        (
            "credit released SO-1004 this morning fyi. what does northwind owe now?",
            "customer_balance",
            "northwind",
        ),
        (
            "emailed globex a statement yesterday - anything received from them since?",
            "payments_received",
            "globex",
        ),
    ],
)
def test_a_remark_then_the_question(text: str, intent: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text, request.action) == (intent, customer, None)


def test_since_takes_the_date_the_remark_gives() -> None:
    request = parse("called initech on monday - have they paid anything since?", TODAY)
    assert request.intent == "payment_history" and request.customer_text == "initech"
    assert request.period is not None and request.period.start == date(2026, 11, 16)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("nobody went on hold this month, fine - put globex on hold", "set_credit_hold"),
        ("fyi northwind called, send them a reminder", "send_reminder"),
        ("heads up, globex is late again. put them on hold pls", "set_credit_hold"),
    ],
)
def test_a_remark_before_a_change_keeps_the_change(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "sent initech a reminder yesterday fyi",  # told only: nothing to propose
        "released SO-1004 this morning - is it shipped?",  # "it" is the report's order
    ],
)
def test_a_report_alone_or_asked_of_proposes_nothing(text: str) -> None:
    assert parse(text, TODAY).action is None


@pytest.mark.parametrize(
    "text",
    ["fyi: put globex on hold yesterday", "fyi, sales released SO-1007", "fyi sent a reminder"],
)
def test_fyi_with_a_change_done_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None and request.not_asked is not None, request


# --- words of the week -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,intent",
    [
        ("anything over ninty days?", "over_days"),
        ("who is past fourty days", "over_days"),
        ("treasury needs collections for last month", "payments_received"),
        ("which queries are still unresolved", "disputes"),
        ("open queries for the book", "disputes"),
        ("globex promised 5k for friday - have they kept to it?", "promises"),
        ("any money in from abbott furniture?", "payment_history"),
        ("has the initech write-off gone through for sign-off yet", "approvals_inbox"),
        ("are you able to email statements to customers?", "help"),
    ],
)
def test_words_of_the_week(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


@pytest.mark.parametrize(
    "text,intent",
    [
        ("I have a query about INV-10186", "invoice_status"),  # one invoice asked about
        ("who should we chase for collections this week", "collections_list"),
        ("globex promised 5k for friday", "action_request"),  # a promise reported: recorded
    ],
)
def test_where_those_words_stop(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


# --- change requests said around their verb ------------------------------------------------------
@pytest.mark.parametrize(
    "text,kind",
    [
        (
            "initech's 154.89 on 10295 - we agreed with them we'll write it off, go ahead",
            "write_off_deduction",
        ),
        (
            "we agreed with globex to let the 80.00 freight on 10186 go - please process",
            "write_off_deduction",
        ),
        (
            "northwind's unapplied wire (12,500.00) should go against 10130, their AP confirmed",
            "apply_payment",
        ),
        (
            "rang globex AP today, no dispute on their side - please note it on the account",
            "add_note",
        ),
        ("spoke with initech, 10188 goes out in their friday run. log that", "add_note"),
    ],
)
def test_a_change_asked_around_its_verb(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, parse(text, TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "we agreed with initech we'd write it off if they paid the rest?",  # asked whether
        "should northwind's wire go against 10130?",  # asked whether
        "let the 80.00 on 10186 go?",
        "log it",  # nothing said to note
        "put it on the account",
    ],
)
def test_look_alikes_make_no_change(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, request


def test_a_note_said_apart_keeps_its_words_and_customer() -> None:
    action = parse("called globex AP, 10186 is in next week's run - pls log it", TODAY).action
    assert action is not None and action.kind == "add_note"
    assert (action.customer_text, action.text) == (
        "globex ap",
        "called globex AP, 10186 is in next week's run",
    )


# --- orders said loosely ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,orders",
    [
        ("northwind put in 1004 and 1005 today - can both orders ship?", ("SO-1004", "SO-1005")),
        ("ok to release globex? so 1001 is on hold", ("SO-1001",)),
        ("so 1003 has been sitting since monday, can we ship to globex", ("SO-1003",)),
    ],
)
def test_orders_said_loosely(text: str, orders: tuple[str, ...]) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.order_refs) == ("credit_check", orders), request


@pytest.mark.parametrize(
    "text,intent",
    [
        ("globex wants to place a 12k order - do they have the headroom?", "credit_check"),
        ("is there room for another order from initech", "credit_check"),
        ("do we have room in the meeting for globex", "customer_balance"),  # no credit asked
        ("northwind placed 10130 and 10145 on hold?", "invoice_status"),  # no order named
    ],
)
def test_where_loose_orders_stop(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request


def test_so_before_a_number_and_no_order_state_is_no_order() -> None:
    assert parse("so 1013 customers are late?", TODAY).order_refs == ()


# --- two questions, a newcomer's lead-in ----------------------------------------------------------
@pytest.mark.parametrize(
    "text,intent",
    [
        ("how are deductions looking, and anything waiting on me?", "deduction_summary"),
        ("anything waiting on me, and how's cash app looking", "approvals_inbox"),
        ("chase the over 90s or the big balances first? who's the most urgent", "collections_list"),
        ("hello, new here - where do I see the payments from northwind?", "payment_history"),
        ("new here - what can you do?", "help"),
        ("I'm new, how do I get started", "help"),
    ],
)
def test_two_questions_and_a_newcomer(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


# --- a write-off imagined, and what it would come to --------------------------------------------
@pytest.mark.parametrize(
    "text,intent,customer",
    [
        (
            "if we wrote off everything older than 180 days, how much would that come to?",
            "over_days",
            None,
        ),
        (
            "suppose we had to write off all the short pays - what would that total?",
            "deduction_summary",
            None,
        ),
        (
            "if we wrote off the 80.00 on 10186 what would globex still owe",
            "customer_balance",
            "globex",
        ),
    ],
)
def test_a_write_off_imagined_asks_what_it_comes_to(
    text: str, intent: str, customer: str | None
) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text, request.action) == (intent, customer, None)


@pytest.mark.parametrize(
    "text",
    [
        "write off everything over 120 days",  # an override, whatever it is called
        "if globex doesn't pay by friday write off the 80.00 on 10186",  # a condition, no question
    ],
)
def test_a_write_off_of_everything_or_on_a_condition_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None and request.intent in ("unknown", "invoice_status"), request


# --- the question beside a purpose, a greeting to the bot, its own references -------------
@pytest.mark.parametrize(
    "text,intent",
    [
        ("@arbot hi - what came in yesterday? need to tie out the bank rec", "payments_received"),
        ("who paid us today? trying to close the month", "payments_received"),
        ("if globex paid 10186 today, could SO-1001 go through?", "credit_check"),
        ("FW: month end\n\n> total debtors by EOD please\n\nwhat's the number?", "total_ar"),
    ],
)
def test_the_question_beside_a_purpose_or_a_condition(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text in (None, "globex"), request


def test_an_instruction_to_do_nothing_is_answered_as_nothing() -> None:
    request = parse("hold off - don't chase anything more with initech till monday", TODAY)
    assert request.intent == "unknown" and request.action is None
    request = parse("don't send anything to initech yet, what do they owe?", TODAY)
    assert (request.intent, request.customer_text) == ("customer_balance", "initech")


# --- a shared-services centre's shorthand ------------------------------------------------------
@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("who all have exceeded their c/l", "credit_exceptions", None),
        ("c/l for Northwind and utilisation pls", "credit_check", "northwind"),
        ("globex OS bal pls", "customer_balance", "globex"),
        ("initech ovd amt", "customer_balance", "initech"),
        (
            "Hello Dana, kindly check Initech pending amount and revert",
            "customer_balance",
            "initech",
        ),
        ("Ticket #FIN-2231: top debtors needed by onshore team", "top_debtors", None),
        ("what all can you do for me?", "help", None),
        ("average payment delay of northwind", "days_to_pay", "northwind"),
        ("globex statement of a/c balance pls", "customer_balance", "globex"),
    ],
)
def test_shared_services_shorthand(text: str, intent: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text) == (intent, customer), request


@pytest.mark.parametrize(
    "text,customer,amount",
    [
        ("pls raise Initech c/l to 25k", "initech", 25000),
        ("Northwind - revised credit limit USD 60,000 w.e.f. 1st Dec", "northwind", 60000),
        ("Globex limit to be enhanced to 1,50,000 as approved by the CFO", "globex", 150000),
    ],
)
def test_limits_in_shared_services_words(text: str, customer: str, amount: int) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "set_credit_limit", parse(text, TODAY)
    assert (action.customer_text, action.amount) == (customer, amount)


@pytest.mark.parametrize(
    "text,cannot",
    [
        ("kindly void INV-10211, duplicate", "create_invoice"),
        ("can we prepone the due date on INV-10186?", "other_change"),
        ("set a reminder for me to ring globex on friday", "alert"),
        ("please reverse the w/o on INV-10396, done by mistake", "other_change"),
    ],
)
def test_what_arbot_cannot_do_in_shared_services_words(text: str, cannot: str) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.cannot, request.action) == ("unknown", cannot, None), request


def test_a_note_in_the_account_notes() -> None:
    action = parse("kindly update in Globex's account notes that AP moved to Pune", TODAY).action
    assert action is not None and (action.kind, action.customer_text) == ("add_note", "globex")
    assert parse("what's in globex's account notes?", TODAY).action is None


def test_limit_words_that_ask_no_change() -> None:
    assert parse("what is globex's c/l?", TODAY).action is None
    assert parse("did they honour the PTP, mills aerospace?", TODAY).intent == "promises"


# --- dates and invoice numbers as a shared-services centre writes them ---------------------
@pytest.mark.parametrize(
    "text,start,end",
    [
        ("payments received on 05-Nov-26", date(2026, 11, 5), date(2026, 11, 5)),
        ("receipts between 02-Oct-2026 and 09-Oct-2026", date(2026, 10, 2), date(2026, 10, 9)),
    ],
)
def test_dates_with_a_month_between_dashes(text: str, start: date, end: date) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payments_received"
    assert request.period is not None and (request.period.start, request.period.end) == (start, end)


@pytest.mark.parametrize(
    "text", ["984 settled, right?", "983 due date?", "985 - did pinnacle pay it in full?"]
)
def test_short_numbers_asked_about_in_other_words(text: str) -> None:
    assert parse(text, TODAY).maybe_invoices == (text[:3],)


def test_did_a_customer_pay_between_two_dates_is_what_came_in_then() -> None:
    request = parse("did globex send anything between 2nd and 9th Nov?", TODAY)
    assert (request.intent, request.customer_text) == ("payments_received", "globex")
    request = parse("did globex pay last week?", TODAY)  # no dates written: its payments
    assert request.intent == "payment_history"


# --- a change someone has made, told before the question -----------------------------------------
@pytest.mark.parametrize(
    "text,customer",
    [
        ("priya has already applied PMT-U00001 to 10211; globex remaining o/s?", "globex"),
        (
            "dana has booked the write-off on initech's short pay; what do they still owe?",
            "initech",
        ),
        ("northwind's limit was raised last month - what's their balance now?", "northwind"),
    ],
)
def test_a_change_someone_made_then_the_question(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text, request.action) == (
        "customer_balance",
        customer,
        None,
    ), request


def test_a_change_someone_made_told_alone_proposes_nothing() -> None:
    request = parse("globex's limit was set on monday by dana, fyi", TODAY)
    assert request.action is None and request.not_asked is not None


@pytest.mark.parametrize(
    "text,kind",
    [
        ("dana, please write off 45.00 on INV-10319", "write_off_deduction"),
        ("please raise initech's limit to 30k", "set_credit_limit"),
    ],
)
def test_a_request_beside_a_name_is_still_a_request(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind


def test_whether_a_limit_was_raised_is_a_question() -> None:
    assert parse("has initech's limit been raised?", TODAY).action is None


# --- advice asked after a plan, a confirmation asked, a name before a colon ---------------------
@pytest.mark.parametrize(
    "text",
    [
        "considering moving initech to net 60 - is that wise?",
        "we are thinking about giving globex net 45, is it a good idea?",
    ],
)
def test_advice_on_a_plan_is_the_credit_check(text: str) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.action) == ("credit_check", None), request
    assert request.customer_text in ("initech", "globex")


def test_a_plan_told_without_asking_proposes_nothing() -> None:
    assert parse("thinking of giving globex net 45 next quarter", TODAY).action is None


def test_confirm_how_much_asks() -> None:
    text = "globex cleared I think, so no chasing needed. pls confirm how much is still open"
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text) == ("customer_balance", "globex")


def test_terms_with_the_customer_before_a_colon() -> None:
    action = parse("Northwind Traders: change payment terms to net 15 effective immediately", TODAY)
    assert action.action is not None
    assert (action.action.kind, action.action.customer_text) == ("set_terms", "northwind traders")


def test_a_memo_asked_from_which_customer() -> None:
    request = parse("wire with memo NWT NOV - from which customer?", TODAY)
    assert (request.intent, request.payment_refs) == ("payment_lookup", ("NWT NOV",))


# --- a customer's name that opens with an AR word ---------------------------------------------
@pytest.mark.parametrize(
    "text,customer",
    [
        ("send a reminder to clear water eng about 10298", "clear water eng"),
        ("did clear water eng pay 10298 yet?", "clear water eng"),
        ("how much does clear water engineering llc owe", "clear water engineering llc"),
    ],
)
def test_a_name_opening_with_clear(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    got = request.action.customer_text if request.action else request.customer_text
    assert got == customer, request


@pytest.mark.parametrize(
    "text",
    ["clear the 776.98 on 10298 to write-off", "is INV-10298 clear for payment", "clear 10298 pls"],
)
def test_clear_as_a_verb_or_a_state_names_no_one(text: str) -> None:
    request = parse(text, TODAY)
    got = request.action.customer_text if request.action else request.customer_text
    assert got is None or "clear" not in got, request


# --- "but" goes on about the customer a called-off change names --------------------------------
@pytest.mark.parametrize(
    "text,intent,customer",
    [
        (
            "no need to put initech on hold, but how much is past due?",
            "customer_balance",
            "initech",
        ),
        ("don't chase globex yet, but what's overdue?", "customer_balance", "globex"),
        ("no need to chase initech, but how much is over 60 days?", "over_days", "initech"),
    ],
)
def test_but_asks_of_the_customer_named(text: str, intent: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text, request.action) == (intent, customer, None)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("no need to chase globex, but what's the total AR?", "total_ar"),
        ("don't put globex on hold, but who is over 90?", "over_days"),
    ],
)
def test_but_asking_of_the_whole_book_stays_the_book(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text, request.action) == (intent, None, None)
