"""Whole-book questions as AR people in the UK, US, India and Germany write them, and short
invoice numbers of imported ledgers: each family is read by a principle (the receivables book by
its other names, numbers written as words, a list of buckets is the whole aging, collectors'
names after "by collector" are no customers, a three-digit number asked about is an invoice when
the ledger has it), never by one sentence."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)  # a Saturday
CSV = Path(__file__).resolve().parent.parent / "fixtures" / "csv"


@pytest.mark.parametrize(
    "text,intent",
    [
        # the receivables book by its UK, Dutch and German names
        ("how does the sales ledger look", "aging_report"),
        ("debitoren overview by currency", "aging_report"),
        ("state of the debtors ledger please", "aging_report"),
        ("aged debtors for the audit pack", "aging_report"),
        ("aging breakdown per currency for the board", "aging_report"),
        ("ageing analysis of trade debtors", "aging_report"),
        ("total trade debtors at month end", "total_ar"),
        ("what is the debtor book at", "total_ar"),
        ("how much do our customers owe us in total", "total_ar"),
        ("ttl outstanding ar", "total_ar"),
        # a list of buckets is the whole aging, not a cut at its last one
        ("current, 30, 60, 90+ please", "aging_report"),
        ("buckets 0-30 / 31-60 / 61-90 / 90+", "aging_report"),
        # numbers written as words, buckets said in the plural, "N days+"
        ("top three debtors", "top_debtors"),
        ("anything older than sixty days", "over_days"),
        ("who is in the over 90s", "over_days"),
        ("120 days+ past due customers", "over_days"),
        ("anything past due over 200 days", "over_days"),
        ("list the debtors overdue by more than 45 days", "over_days"),
        # rankings of customers and of invoices
        ("which accounts carry the highest outstanding balance", "top_debtors"),
        ("the heavy hitters on the ledger", "top_debtors"),
        ("biggest individual unpaid invoice", "largest_invoices"),
        ("invoices with the greatest remaining amount", "largest_invoices"),
        ("who has gone over the agreed credit limit", "credit_exceptions"),
        # one named customer's limit is its credit check (exposure with pending orders)
        ("is sterling pharma over their limit", "credit_check"),
        ("anyone blown through their credit line?", "credit_exceptions"),
        ("which of the contoso accounts are over limit", "credit_exceptions"),
        # cash that came in, said with the money first or as banking it
        ("what money did we collect yesterday", "payments_received"),
        ("how much did we bank this week", "payments_received"),
        ("which receipts have not been allocated yet", "unapplied_cash"),
        ("payments still to be applied", "unapplied_cash"),
        # days to pay, disputes as UK and Indian AR say them
        ("on average how many days does globex take for paying", "days_to_pay"),
        ("avg days-to-pay per customer", "days_to_pay"),
        ("invoices under query", "disputes"),
        ("which items are customers contesting", "disputes"),
        # ages said the UK and Indian way, buckets one by one, months as days past due
        ("age analysis for the year end", "aging_report"),
        ("pls share age-wise outstanding", "aging_report"),
        ("what is in every bucket", "aging_report"),
        ("120 days plus past due", "over_days"),
        ("anything overdue more than two months", "over_days"),
        ("main debtors please", "top_debtors"),
        ("avg payment days per customer", "days_to_pay"),
        ("list the slow-paying accounts", "days_to_pay"),
        ("payment commitments due next week", "promises"),
        # German and Indian English grammar, letters with a greeting and a sign-off
        ("which accounts are overdue longer than 45 days?", "over_days"),
        ("who has the highest due amount?", "top_debtors"),
        ("what money hit our account today", "payments_received"),
        ("Dear team, kindly provide the debtors ageing. Regards", "aging_report"),
        ("the aging please, sorted by currency", "aging_report"),
        ("which customers pay after the due date", "days_to_pay"),
        ("when is the next pay run", "unknown"),  # our own payments (AP), not AR
        ("sales forecast for next quarter", "unknown"),
        # typos of AR words, even one edit from two spellings of the same word
        ("aeging summary", "aging_report"),
        ("totl ar", "total_ar"),
        ("brokn promises", "promises"),
        # money that has not come in yet is the forecast's question
        ("what will come in next week", "forecast"),
        ("payments due to arrive next month", "forecast"),
        ("what falls due next week", "forecast"),
        ("total past due this month", "total_ar"),
        # what a term means is not the figure itself
        ("what does CEI stand for", "unknown"),
        ("define dso", "unknown"),
        # AR words of German and Dutch offices inside English sentences
        ("offene posten for all customers", "total_ar"),
        ("zahlungseingang last week", "payments_received"),
        ("vervallen items of the whole book", "total_ar"),
        # a report e-mailed to someone is something arbot cannot do
        ("mail the aging to the controller", "unknown"),
        ("help please", "help"),
    ],
)
def test_whole_book_families(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert intent in (request.intent, request.book_intent), request


def test_ordinals_that_rank_or_count_are_no_day() -> None:
    for text in ("2nd reminder to globex", "the 3rd largest invoice", "1st quarter receipts"):
        request = parse(text, TODAY)
        assert request.period is None or request.period.label.startswith("Q1"), text


def test_numbers_in_words_set_the_count_and_the_days() -> None:
    assert parse("top seven debtors", TODAY).limit == 7
    assert parse("what is more than ninety days past due", TODAY).days == 90
    assert parse("over 60s", TODAY).days == 60
    assert parse("anything past due over 100 days", TODAY).days == 100
    assert parse("anything overdue more than two months", TODAY).days == 60
    assert parse("initech 120+", TODAY).days == 120  # the bucket's own notation
    assert parse("payments over the last 3 months", TODAY).days is None


def test_collectors_named_after_by_collector_are_not_customers() -> None:
    request = parse("aging per collector (kim, ortega)", TODAY)
    assert (request.intent, request.customer_text, request.by_collector) == (
        "aging_report",
        None,
        True,
    )


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("receipts 11/2-11/6", date(2026, 11, 2), date(2026, 11, 6)),
        ("payments 2.11.-6.11.", date(2026, 11, 2), date(2026, 11, 6)),
        ("who paid on 17.11.?", date(2026, 11, 17), date(2026, 11, 17)),
        # weeks as UK and German offices name them
        ("receipts w/c 2nd nov", date(2026, 11, 2), date(2026, 11, 8)),
        ("payments week beginning 2 november", date(2026, 11, 2), date(2026, 11, 8)),
        ("payments week ending 8 nov", date(2026, 11, 2), date(2026, 11, 8)),
        ("payments received in KW 45", date(2026, 11, 2), date(2026, 11, 8)),
        ("receipts calendar week 47", date(2026, 11, 16), date(2026, 11, 21)),
        # a month by name with its year or "the month of"; days without "the"
        ("receipts for the month of september", date(2026, 9, 1), date(2026, 9, 30)),
        ("payments received september 2026", date(2026, 9, 1), date(2026, 9, 30)),
        ("payments received 19th", date(2026, 11, 19), date(2026, 11, 19)),
        ("payments received between 9th and 13th nov", date(2026, 11, 9), date(2026, 11, 13)),
        ("payments received the day before yesterday", date(2026, 11, 19), date(2026, 11, 19)),
        ("collections since the first of the month", date(2026, 11, 1), date(2026, 11, 21)),
    ],
)
def test_date_ranges_and_german_days(text: str, start: date, end: date) -> None:
    request = parse(text, TODAY)
    assert request.intent == "payments_received" and not request.payment_refs
    assert request.period is not None and (request.period.start, request.period.end) == (
        start,
        end,
    )


@pytest.mark.parametrize(
    "text,intent,short",
    [
        ("was 984 paid?", "unknown", True),  # the agent makes it the invoice the ledger has
        ("984 open?", "unknown", True),
        ("did harbor wholesale pay 982", "payment_history", True),
        ("payments received last 30 days", "payments_received", False),
        ("what is over 100 days", "over_days", False),
        ("is anything over 500 open", "total_ar", False),
    ],
)
def test_a_short_number_asked_about_may_be_an_invoice(text: str, intent: str, short: bool) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent
    assert any(m.isdigit() for m in request.maybe_invoices) == short


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = Cli(tmp_path_factory.mktemp("imported") / "home")
    args = []
    for table in ("customers", "invoices", "payments", "sales_orders"):
        args += [f"--{table.replace('_', '-')}", str(CSV / f"{table}.csv")]
    assert cli("erp", "import", *args).exit_code == 0
    return cli


@pytest.mark.parametrize(
    "text,invoice",
    [
        ("was 981 paid?", "INV-000981"),
        ("984 still outstanding?", "INV-000984"),
        ("did harbor wholesale pay 982", "INV-000982"),
        ("985?", "INV-000985"),
    ],
)
def test_short_invoice_numbers_of_an_imported_ledger(
    imported: Cli, text: str, invoice: str
) -> None:
    reply = ask_json(imported, text)
    assert reply["intent"] == "invoice_status", reply["text"][:200]
    assert reply["entities"]["invoice_number"] == invoice
    assert reply["proposals"] == []


def test_a_short_number_the_ledger_does_not_have_is_not_answered_as_the_book(
    imported: Cli,
) -> None:
    reply = ask_json(imported, "is 555 paid")
    assert reply["intent"] == "unknown" and reply["proposals"] == []


def test_a_payment_id_in_capitals_with_a_space_is_an_id(imported: Cli) -> None:
    """ "PAY 5001" is the ledger's PAY-5001; "pay 5000 to …" in lower case stays a verb."""
    reply = ask_json(imported, "which customer sent PAY 5001")
    assert reply["intent"] == "payment_lookup" and "Harbor Wholesale" in reply["text"]
    assert parse("PAY #5002 who?", TODAY).payment_refs == ("PAY-5002",)
    assert parse("pay 5000 to globex", TODAY).payment_refs == ()


def test_a_po_written_with_its_prefix_finds_the_ledgers_spelling(imported: Cli) -> None:
    """The ledger keeps PO-77188; "po-77188", "PO 77188" and "po#77188" all find it."""
    for text in ("anything open on po-77188", "status of PO 77188", "po#77188 paid?"):
        reply = ask_json(imported, text)
        assert reply["intent"] == "invoice_status", text
        assert reply["entities"]["invoice_number"] == "INV-000982", text


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory)


def test_promises_kept_are_listed_when_asked(demo: Cli) -> None:
    from integrations.erp.local import LocalLedger

    ledger = LocalLedger.open(f"sqlite:///{demo.home / 'arbot.db'}")
    kept = [p for p in ledger.promises() if p.status == "kept"]
    november = [p for p in kept if p.promised_on.month == 11 and p.promised_on.year == 2026]
    assert kept and november
    reply = ask_json(demo, "were any ptps honoured this month")
    assert reply["intent"] == "promises"
    listed = {(k["customer_id"], Decimal(str(k["amount"]))) for k in reply["data"]["kept"]}
    assert listed == {(p.customer_id, p.amount) for p in november}
    assert reply["text"].startswith(f"{len(november)} promises kept")
    assert "kept" not in ask_json(demo, "broken promises")["data"]


def test_a_customer_id_shaped_like_an_invoice_names_the_customer(imported: Cli) -> None:
    """HW-100 is no invoice of the imported ledger but Harbor Wholesale's id."""
    balance = ask_json(imported, "what is open on HW-100")
    assert balance["intent"] == "customer_balance"
    assert balance["entities"]["customer_id"] == "HW-100"
    assert ask_json(imported, "is INV-999 paid")["intent"] == "invoice_status"  # still asked


def test_a_number_is_not_another_customers_payment(demo: Cli) -> None:
    """PMT-000234 is Acme Industrial's: asked of Globex, 000234 is no payment of theirs."""
    other = ask_json(demo, "did globex pay 000234")
    assert other["intent"] != "payment_lookup"
    assert other["entities"].get("customer_id") == "C00003"
    own = ask_json(demo, "did acme industrial pay 000234")
    assert own["intent"] == "payment_lookup" and "PMT-000234" in own["text"]


def test_open_invoices_above_an_amount_are_every_one_above_it(demo: Cli) -> None:
    from integrations.erp.local import LocalLedger

    ledger = LocalLedger.open(f"sqlite:///{demo.home / 'arbot.db'}")
    above = {i.invoice_number for i in ledger.invoices() if i.balance > 40000}
    reply = ask_json(demo, "which open invoices are above 40k")
    assert reply["intent"] == "largest_invoices"
    assert {i["invoice_number"] for i in reply["data"]["invoices"]} == above
    assert parse("invoices over 90 days", TODAY).intent == "over_days"  # days, not money
