"""Issue 17's questions end to end through ``arbot ask --json``: the whole book answered, what
arbot cannot do said plainly (and nothing proposed), bare invoice numbers, the empty ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Cli, ask_json


@pytest.fixture(scope="module")
def demo_cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = Cli(tmp_path_factory.mktemp("portfolio") / "home")
    assert cli("demo", "--no-chat").exit_code == 0
    return cli


@pytest.mark.parametrize(
    "text,intent",
    [
        ("who owes us the most", "top_debtors"),
        ("what's over 90", "over_days"),
        ("whos over 90 days", "over_days"),
        ("total AR", "total_ar"),
        ("total past due", "total_ar"),
        ("aging report", "aging_report"),
        ("summarize the aging", "aging_report"),
        ("any payments today", "payments_received"),
        ("which customers are over their credit limit", "credit_exceptions"),
        ("customers on credit hold", "credit_exceptions"),
        ("largest open invoice", "largest_invoices"),
        ("broken promises", "promises"),
        ("euro customers open balance", "total_ar"),
        ("average days to pay for northwind", "days_to_pay"),
        ("unapplied cash", "unapplied_cash"),
        ("who paid PMT-000234", "payment_lookup"),
        ("payments on 4.11.2026", "payments_received"),
        ("my approvals", "approvals_inbox"),
    ],
)
def test_questions_about_the_whole_book(demo_cli: Cli, text: str, intent: str) -> None:
    reply = ask_json(demo_cli, text)
    assert reply["intent"] == intent, reply["text"][:200]
    assert not reply["text"].startswith(("Which customer?", "Which order?", "I can't find"))
    if intent != "approvals_inbox":
        assert reply["proposals"] == []


def test_unapplied_cash_names_the_payment(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "unapplied cash")
    assert "PMT-U00001" in reply["text"] and "$828.82" in reply["text"]


def test_a_dotted_date_is_read_day_first(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "payments on 4.11.2026")
    assert reply["data"]["period"]["start"] == "2026-11-04"


def test_month_first_or_day_first_by_locale(demo_cli: Cli) -> None:
    us = json.loads(demo_cli("ask", "--json", "payments since 11/4/2026").stdout)
    gb = json.loads(
        demo_cli("ask", "--json", "payments since 11/4/2026", ARBOT_LOCALE="en_GB").stdout
    )
    assert us["data"]["period"]["start"] == "2026-11-04"
    assert gb["data"]["period"]["start"] == "2026-04-11"


@pytest.mark.parametrize(
    "text,cannot",
    [
        ("void INV-10045", "create_invoice"),
        ("give northwind a payment plan", "change_terms"),
        ("alert me if DSO goes above 60", "alert"),
    ],
)
def test_what_arbot_cannot_do_is_said_and_nothing_is_proposed(
    demo_cli: Cli, text: str, cannot: str
) -> None:
    reply = ask_json(demo_cli, text)
    assert reply["intent"] == "unknown"
    assert reply["data"]["cannot"] == cannot
    assert "I can't do that yet" in reply["text"]
    assert reply["proposals"] == []


def test_reports_asked_in_words_propose_nothing(demo_cli: Cli) -> None:
    for text in ("who should I chase first", "open deductions"):
        reply = ask_json(demo_cli, text)
        assert reply["proposals"] == [], text


def test_a_proposal_when_the_request_names_it(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "send a reminder to northwind")
    assert reply["intent"] == "action_request"
    assert [p["action"] for p in reply["proposals"]] == ["send_reminder"]


def test_unknown_words_next_to_a_name_are_said_not_guessed(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "reconcile globex")
    assert reply["intent"] == "unknown"
    assert "“reconcile”" in reply["text"] and "Globex Corporation" in reply["text"]


def test_clear_is_understood(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "clear")
    assert reply["intent"] == "help" and reply["text"].startswith("Nothing to clear")


def write_csvs(folder: Path) -> list[str]:
    files = {
        "customers": "customer_id,name,credit_limit,terms_days,currency,email,parent_id\n"
        "KR-1,Kestrel Foods Inc.,10000.00,30,USD,ap@kestrel.example.com,\n",
        "invoices": "invoice_number,customer_id,invoice_date,due_date,amount,balance,currency,"
        "po_number,sales_rep\n"
        "K-1002,KR-1,2026-10-01,2026-10-31,500.00,500.00,USD,,Kim\n"
        "K1001,KR-1,2026-09-01,2026-10-01,250.00,0.00,USD,,Kim\n",
        "payments": "payment_id,customer_id,date,amount,currency,invoice_number,applied_amount,"
        "method,reference\nPAY-1,KR-1,2026-10-05,250.00,USD,K1001,250.00,ach,K1001\n",
    }
    args = []
    for name, text in files.items():
        path = folder / f"{name}.csv"
        path.write_text(text, encoding="utf-8")
        args += [f"--{name}", str(path)]
    return args


def test_invoice_numbers_without_a_prefix(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "home")
    imported = cli("erp", "import", *write_csvs(tmp_path))
    assert imported.exit_code == 0, imported.output
    paid = ask_json(cli, "is K1001 paid")
    assert paid["intent"] == "invoice_status"
    assert paid["entities"]["invoice_number"] == "K1001"
    assert paid["text"].startswith("Yes")
    bare = ask_json(cli, "K-1002")
    assert bare["intent"] == "invoice_status"
    assert bare["entities"]["invoice_number"] == "K-1002"


def test_an_empty_ledger_says_how_to_fill_it(tmp_path: Path) -> None:
    reply = ask_json(Cli(tmp_path / "home"), "total AR")
    assert "arbot demo" in reply["text"] and "arbot erp import" in reply["text"]


def test_a_date_alone_is_read_and_said(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "4.11.2026")
    assert reply["intent"] == "unknown"
    assert "2026-11-04" in reply["text"] and reply["proposals"] == []


def test_one_customers_payments_between_dates_stay_between_them(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "globex payments between 2026-09-01 and 2026-10-31")
    assert reply["intent"] == "payments_received"
    assert reply["entities"]["customer_id"] == "C00003"
    days = [p["received_on"] for p in reply["data"]["payments"]]
    assert days and all("2026-09-01" <= d <= "2026-10-31" for d in days)
