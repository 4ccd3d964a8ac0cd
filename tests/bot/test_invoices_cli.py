"""arbot invoices --milestones: billable work from a CSV drafted as invoices for approval, each
created once when approved; a file that is not billable is refused whole, naming file:line."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from integrations.erp.local import LocalLedger
from tests.conftest import TODAY, Cli, demo_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "invoices")


def ledger(cli: Cli) -> LocalLedger:
    return LocalLedger.open(f"sqlite:///{cli.home / 'arbot.db'}")


def customers(cli: Cli) -> list[str]:
    books = ledger(cli)
    return [c.customer_id for c in books.list_customers() if c.currency == "USD"][:2]


def write(tmp_path: Path, text: str, name: str = "work.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_milestones_and_time_entries_become_one_draft_per_customer_and_po(
    demo: Cli, tmp_path: Path
) -> None:
    first, second = customers(demo)
    path = write(
        tmp_path,
        "customer_id,description,amount,hours,rate,po_number,date\n"
        f"{first},Phase 1 design sign-off,2500.00,,,PO-9,2026-11-02\n"
        f"{first},Implementation,,12.5,150.00,PO-9,2026-11-10\n"
        f"{second},Workshop,900,,,,\n",
    )
    result = demo("invoices", "--milestones", str(path), "--as", "dana", "--json")
    assert result.exit_code == 0, result.output
    reply = json.loads(result.stdout)
    drafts = {d["customer_id"]: d for d in reply["data"]["drafts"]}
    assert Decimal(str(drafts[first]["amount"])) == Decimal("4375.00")  # 2500 + 12.5 × 150
    assert Decimal(str(drafts[second]["amount"])) == Decimal("900.00")
    assert all(d["approval_id"] for d in drafts.values())
    assert {p["action"] for p in reply["proposals"]} == {"create_invoice"}
    # The same file again proposes the same invoices, not new ones.
    again = json.loads(demo("invoices", "--milestones", str(path), "--json").stdout)
    assert sorted(d["approval_id"] for d in again["data"]["drafts"]) == sorted(
        d["approval_id"] for d in drafts.values()
    )
    # Approved, the invoice is created once, with its lines' total and the customer's terms.
    approval = drafts[second]["approval_id"]
    done = demo("approvals", "approve", approval, "--as", "morgan")
    assert done.exit_code == 0, done.output
    number = drafts[second]["invoice_number"]
    created = ledger(demo).get_invoice(number)
    assert created is not None and created.amount == Decimal("900.00")
    assert created.invoice_date == TODAY
    twice = demo("approvals", "approve", approval, "--as", "morgan")
    assert "Already done" in twice.output
    assert len(ledger(demo).find_invoices(number)) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("description,amount\nx,5\n", "work.csv:1: missing column(s): customer_id"),
        ("customer_id,description,amount\nNOPE,x,5\n", "work.csv:2: customer_id: 'NOPE'"),
        ("customer_id,description,amount\n{c},x,abc\n", "work.csv:2: 'abc' is not an amount"),
        ("customer_id,description,amount\n{c},x,-5\n", "work.csv:2: amount"),
        ("customer_id,description,amount\n{c},x,1.005\n", "more than 2 decimals"),
        ("customer_id,description,amount\n{c},,5\n", "work.csv:2: description: empty"),
        ("customer_id,description\n{c},x\n", "work.csv:2: amount: give amount"),
        ("customer_id,description,hours,rate\n{c},x,NaN,10\n", "hours: 'NaN'"),
        ("customer_id,description,amount,date\n{c},x,5,soon\n", "date: 'soon'"),
        ("customer_id,description,amount\n", "work.csv: no billable rows"),
        ('customer_id,description,amount\n{c},"unclosed,5\n', "work.csv"),
    ],
)
def test_a_file_that_is_not_billable_is_refused_whole(
    demo: Cli, tmp_path: Path, content: str, message: str
) -> None:
    before = len(ledger(demo).invoices(open_only=False))
    path = write(tmp_path, content.format(c=customers(demo)[0]))
    result = demo("invoices", "--milestones", str(path))
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(ledger(demo).invoices(open_only=False)) == before


def test_binary_oversized_and_missing_files_are_refused(demo: Cli, tmp_path: Path) -> None:
    binary = tmp_path / "work.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01" * 100)
    assert "not UTF-8 text" in demo("invoices", "--milestones", str(binary)).stderr
    huge = tmp_path / "huge.csv"
    huge.write_text("customer_id,description,amount\n" + "C,x,1\n" * 300_000)
    assert "larger than 1024 KB" in demo("invoices", "--milestones", str(huge)).stderr
    missing = demo("invoices", "--milestones", str(tmp_path / "nope.csv"))
    assert missing.exit_code == 1 and "cannot be read" in missing.stderr
