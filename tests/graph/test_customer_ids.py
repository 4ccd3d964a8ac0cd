"""One rule for customer ids written in a request (``graph.understand_refs.customer_id`` for the
shape, ``graph.agent.customer_ids`` for the ledger's say): the same token names the same
customer in a question and in a change request, and an invoice numbered that way stays an
invoice."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.understand_refs import customer_id
from tests.conftest import Cli, ask_json


@pytest.mark.parametrize(
    "token,read",
    [
        ("HW-100", "HW-100"),
        ("mt-300", "MT-300"),
        ("C00004", "C00004"),
        ("abcde-12", "ABCDE-12"),
        ("INV-10432", None),  # an INV number is never a customer's id
        ("10432", None),
        ("K-1", None),
        ("globex", None),
    ],
)
def test_the_shape_of_a_customer_id(token: str, read: str | None) -> None:
    assert customer_id(token) == read


def write_csvs(folder: Path) -> list[str]:
    """Two customers; an invoice of Kestrel's is numbered like Mockingbird's id."""
    files = {
        "customers": "customer_id,name,credit_limit,terms_days,currency,email,parent_id\n"
        "KR-100,Kestrel Foods Inc.,10000.00,30,USD,ap@kestrel.example.com,\n"
        "MB-550,Mockingbird Supply LLC,8000.00,30,USD,ap@mockingbird.example.com,\n"
        "TW-770,Towhee Traders Ltd.,9000.00,30,USD,ap@towhee.example.com,\n",
        "invoices": "invoice_number,customer_id,invoice_date,due_date,amount,balance,currency,"
        "po_number,sales_rep\n"
        "MB-550,KR-100,2026-10-01,2026-10-31,500.00,400.00,USD,,Kim\n"
        "KF-2001,TW-770,2026-09-01,2026-10-01,750.00,750.00,USD,,Kim\n",
        "payments": "payment_id,customer_id,date,amount,currency,invoice_number,applied_amount,"
        "method,reference\nPAY-9,KR-100,2026-10-05,100.00,USD,MB-550,100.00,ach,MB-550\n",
    }
    args = []
    for name, text in files.items():
        path = folder / f"{name}.csv"
        path.write_text(text, encoding="utf-8")
        args += [f"--{name}", str(path)]
    return args


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    folder = tmp_path_factory.mktemp("ids")
    cli = Cli(folder / "home")
    assert cli("erp", "import", *write_csvs(folder)).exit_code == 0
    return cli


def test_an_id_names_its_customer_in_a_question(ledger: Cli) -> None:
    reply = ask_json(ledger, "TW-770 balance")
    assert reply["intent"] == "customer_balance"
    assert reply["entities"]["customer_id"] == "TW-770"


def test_an_id_names_its_customer_in_a_note(ledger: Cli) -> None:
    # read as an invoice before: "I can't find an invoice matching TW-770"
    reply = ask_json(ledger, "note for TW-770: AP says the cheque is in the post")
    assert reply["intent"] == "action_request" and len(reply["proposals"]) == 1
    assert "TW-770" in reply["text"] and "cheque is in the post" in reply["text"]


def test_an_id_names_its_customer_in_a_change(ledger: Cli) -> None:
    reply = ask_json(ledger, "send TW-770 a reminder")
    assert reply["intent"] == "action_request" and len(reply["proposals"]) == 1
    assert reply["entities"]["customer_id"] == "TW-770"


def test_an_invoice_numbered_like_an_id_stays_an_invoice(ledger: Cli) -> None:
    question = ask_json(ledger, "is MB-550 paid")
    assert question["intent"] == "invoice_status"
    assert question["entities"]["customer_id"] == "KR-100"  # the invoice's, not Mockingbird
    note = ask_json(ledger, "note on MB-550: short shipment, credit to follow")
    assert note["intent"] == "action_request" and len(note["proposals"]) == 1
    assert "KR-100" in note["text"] and "MB-550" not in note["entities"].get("customer_id", "")
