"""Typos of AR words are read as the words ("agin", "balnce", "paymnets", "unaplied"), AR
shorthand is spelled out ("cl", "lmt", "dtp", "stmt", "wo"), and no word of a customer's name is
ever taken for a typo; the principles behind dev4's misses read in the parser."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse
from graph.understand_spelling import VOCABULARY, corrected
from graph.understand_vocab import KNOWN, normalize

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "typed,read",
    [
        ("can u send me the agin report", "aging report"),
        ("unaplied cash balance", "unapplied cash balance"),
        ("donovan energy balnce", "donovan energy balance"),
        ("wagner pumps paymnets", "wagner pumps payments"),
        ("recievables aging", "receivables aging"),
        ("whos ovr 90 days", "who is over 90 days"),
        ("accounts exceeding credit lmt", "credit limit"),
        ("initech cl?", "initech credit limit"),
        ("dtp for pinnacle chem", "days to pay for pinnacle chem"),
        ("wo the 523.24 damage on 10308", "write off the 523.24 damage"),
    ],
)
def test_typos_and_shorthand_of_ar_words(typed: str, read: str) -> None:
    assert read in normalize(typed)


def test_words_arbot_reads_are_never_corrected() -> None:
    for word in ("customer", "invoiced", "credits", "reported", "promised", "balance"):
        assert corrected(word, KNOWN) == word


def test_no_word_of_a_customers_name_is_taken_for_an_ar_word() -> None:
    from integrations.erp.local.demo_words import ANCHORS, BRANDS, INDUSTRIES, SUFFIXES, SURNAMES

    names = [*BRANDS, *SURNAMES, *INDUSTRIES, *SUFFIXES, *(anchor[0] for anchor in ANCHORS)]
    words = {w for name in names for w in re.findall(r"[a-z]{4,}", name.lower())}
    assert {w: corrected(w, KNOWN) for w in words if corrected(w, KNOWN) != w} == {}
    assert words & VOCABULARY == set()


@pytest.mark.parametrize(
    "text,intent",
    [
        ("unaplied cash balance", "unapplied_cash"),
        ("ar by collector", "aging_report"),
        ("how much a/r does each collector own", "aging_report"),
        ("30/60/90 for the whole ledger", "aging_report"),
        ("what's the grand total of open invoices", "total_ar"),
        ("credit limit breaches", "credit_exceptions"),
        ("what are the largest unpaid bills", "largest_invoices"),
        ("who takes longest to pay us", "days_to_pay"),
        ("which customers pay furthest beyond terms", "days_to_pay"),
        ("has bishop ingram broken a promise", "promises"),
        ("is there a write-off waiting for approval", "approvals_inbox"),
        ("how do i log a promise to pay", "help"),
        ("before i send a reminder, what does northwind owe", "customer_balance"),
        ("what did riverbend pay on 11/3", "payment_history"),
    ],
)
def test_what_is_asked_wins(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


def test_by_collector_is_the_aging_per_collector() -> None:
    request = parse("break down o/s by collector", TODAY)
    assert request.intent == "aging_report" and request.by_collector


@pytest.mark.parametrize(
    "text,kind",
    [
        ("update terms for kendall paper: net 15", "set_terms"),
        ("apply U00001 to 10222", "apply_payment"),
        ("record a promise from wagner pumps: 3,733.55 next friday", "record_promise"),
        ("cl for fabrikam -> 10,000", "set_credit_limit"),
        ("wo the 523.24 damage on 10308", "write_off_deduction"),
        ("can you mail sterling pharma their stmt", "send_statement"),
    ],
)
def test_change_requests_in_shorthand(text: str, kind: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "action_request" and request.action is not None
    assert request.action.kind == kind


def test_apply_names_the_payment_not_a_customer() -> None:
    action = parse("apply U00001 to 10222", TODAY).action
    assert action is not None and action.payment_ref == "U00001"
    assert action.customer_text is None and action.invoice_refs == ("10222",)


def test_rebilling_is_said_as_what_arbot_cannot_do() -> None:
    request = parse("rebill INV-10304 with the correct PO", TODAY)
    assert request.intent == "unknown" and request.cannot == "create_invoice"


@pytest.mark.parametrize(
    "text",
    [
        "print the invoice pdf for 10338",
        "how many reminders went out this week",
        "what's the last note on initech's account",
        "who approved the globex write off",
        "what did you change today",
    ],
)
def test_records_arbot_cannot_show_are_said_not_answered_as_another(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.cannot == "records"


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("cash received mid november", "2026-11-11", "2026-11-20"),
        ("receipts early oct", "2026-10-01", "2026-10-10"),
        ("late october receipts", "2026-10-21", "2026-10-31"),
        ("receipts end of october", "2026-10-25", "2026-10-31"),
        ("payments since the start of the month", "2026-11-01", "2026-11-21"),
        ("what came in over the weekend", "2026-11-21", "2026-11-21"),
        ("collections month to date", "2026-11-01", "2026-11-21"),
    ],
)
def test_parts_of_a_month_and_the_weekend(text: str, start: str, end: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payments_received" and request.period is not None
    assert (request.period.start.isoformat(), request.period.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("how much is 61-90", "aging_report"),
        ("receipts forecast 31-60", "forecast"),
        ("customers near their credit limit", "credit_exceptions"),
        ("credit utilization report", "credit_exceptions"),
        ("who pays slowest", "days_to_pay"),
        ("fastest payers", "days_to_pay"),
        ("how many days late does initech usually pay", "days_to_pay"),
        ("collections list", "collections_list"),
    ],
)
def test_more_of_the_book(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


@pytest.mark.parametrize(
    "text,amount",
    [
        ("who sent 9,390.20", "9,390.20"),
        ("find payment of 828.82", "828.82"),
        ("which payment was for $5,374.64", "$5,374.64"),
    ],
)
def test_a_payment_named_by_its_amount(text: str, amount: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payment_lookup" and request.payment_refs == (amount,)


def test_a_customers_payment_of_an_amount_stays_its_history() -> None:
    assert parse("globex paid 1,234.50 yesterday", TODAY).intent == "payment_history"


@pytest.mark.parametrize(
    "text,cannot",
    [
        ("draft an email to northwind about 10130", "write_email"),
        ("what did we invoice globex in october", "invoiced"),
        ("sales by customer this year", "invoiced"),
    ],
)
def test_what_arbot_cannot_answer_is_not_read_as_another_question(text: str, cannot: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.cannot == cannot


@pytest.mark.parametrize(
    "text,intent",
    [
        ("open invoices for globex", "customer_balance"),
        ("invoices in dispute", "disputes"),
        ("largest invoices this month", "largest_invoices"),
        ("who needs a dunning email this week", "collections_list"),
    ],
)
def test_invoice_questions_arbot_answers_stay_answered(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


def test_a_dunning_email_written_to_a_customer_is_a_reminder_asked() -> None:
    """Per the labelling rules, writing a dunning e-mail to a customer asks for a reminder
    (it was read as the collections list before session 15)."""
    request = parse("write a dunning email to globex", TODAY)
    assert request.action is not None and request.action.kind == "send_reminder"


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("hey quick one - whats globex sitting at", "customer_balance", "globex"),
        ("fyi initech called, what do they owe again?", "customer_balance", "initech"),
        ("pls pull the aging, cfo asking", "aging_report", None),
        ("how old is globex's oldest invoice", "customer_balance", "globex"),
        ("did initech keep their promise", "promises", "initech"),
        ("who pays late", "days_to_pay", None),
        ("what should priya work on today", "collections_list", "priya"),
        ("anything sitting unapplied over 30 days", "unapplied_cash", None),
    ],
)
def test_chat_asides_are_not_names(text: str, intent: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text) == (intent, customer)


def test_general_knowledge_stays_out_of_scope() -> None:
    assert parse("how old is the president", TODAY).intent == "unknown"


@pytest.mark.parametrize(
    "text,intent",
    [
        ("globex average days late", "days_to_pay"),
        ("what is our average days delinquent", "forecast"),
    ],
)
def test_days_late_of_a_customer_or_of_the_book(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


@pytest.mark.parametrize(
    "text,at_least",
    [("who owes more than 50k", "50000"), ("customers owing over 100k", "100000")],
)
def test_a_ranking_cut_at_an_amount(text: str, at_least: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "top_debtors" and request.at_least == Decimal(at_least)


@pytest.mark.parametrize(
    "text,intent,cannot",
    [
        ("was the globex write-off approved", "unknown", "records"),
        ("did anyone send a reminder to initech", "unknown", "records"),
        ("is there a hold on pinnacle", "credit_check", None),
        ("should we write off the 50 on 10435?", "invoice_status", None),
    ],
)
def test_questions_about_changes_are_not_answered_as_another(
    text: str, intent: str, cannot: str | None
) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.cannot) == (intent, cannot)
    assert request.action is None


@pytest.mark.parametrize(
    "text,due",
    [
        ("northwind promised 50k by 11/30", "2026-11-30"),
        ("globex will pay 1,234.50 on 12/1", "2026-12-01"),
        ("record a ptp for pinnacle 20k by 30.11", "2026-11-30"),
    ],
)
def test_a_promise_due_on_a_numeric_date(text: str, due: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "record_promise"
    assert action.due is not None and action.due.isoformat() == due


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("please give me the open points of northwind", "customer_balance", "northwind"),
        ("please the saldo of initech", "customer_balance", "initech"),
        ("which invoices of pinnacle are not paid", "customer_balance", "pinnacle"),
        ("which customers have delay in payment", "collections_list", None),
        ("incoming payments of this week", "payments_received", None),
        ("give me please the list of the debitors", "top_debtors", None),
    ],
)
def test_non_native_phrasing(text: str, intent: str, customer: str | None) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text) == (intent, customer)
