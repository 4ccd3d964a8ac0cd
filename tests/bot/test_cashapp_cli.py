"""``arbot cashapp`` end to end on imported books: applied, proposed, suspense; never twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Cli

CSV = FIXTURES / "csv"
POLICY = """
mode = "auto"

[auto]
apply_payment = "20000.00"

[[people]]
name = "Dana Kim"
roles = ["ar_specialist"]
terminal = ["dana"]
"""
BANK = """payment_id,date,amount,currency,payer_name,reference
B-1,2026-11-20,8250.50,USD,HARBOR WHOLESALE,INV-000982 THANK YOU
B-2,2026-11-20,4500.00,USD,PINNACLE PKG,PAYMENT
B-3,2026-11-20,77.00,USD,JOHN Q PUBLIC,NO REMITTANCE INFORMATION
"""


@pytest.fixture
def books(arbot: Cli, tmp_path: Path) -> Cli:
    policy = tmp_path / "policy.toml"
    policy.write_text(POLICY)
    arbot.extra = {"ARBOT_POLICY": str(policy)}
    result = arbot(
        "erp",
        "import",
        "--customers",
        str(CSV / "customers.csv"),
        "--invoices",
        str(CSV / "invoices.csv"),
        "--payments",
        str(CSV / "payments.csv"),
    )
    assert result.exit_code == 0, result.output
    return arbot


def run(cli: Cli, *args: str):
    return cli(*args, **cli.extra)


def balance(cli: Cli, invoice: str) -> float:
    reply = json.loads(run(cli, "ask", "--json", f"invoice {invoice}").stdout)
    return reply["data"]["invoices"][0]["balance"]


def test_applied_proposed_and_suspense_and_never_twice(books: Cli, tmp_path: Path) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text(BANK)
    out = tmp_path / "result.json"
    dry = run(books, "cashapp", "--bank", str(bank), "--dry-run", "--out", str(out))
    assert dry.exit_code == 0, dry.output
    assert balance(books, "INV-000982") == 8250.50  # a dry run writes nothing

    first = run(books, "cashapp", "--bank", str(bank), "--out", str(out))
    assert first.exit_code == 0, first.output
    results = {r["payment_id"]: r for r in json.loads(out.read_text())["results"]}
    assert results["B-1"]["decision"] == "auto"
    assert results["B-1"]["customer_id"] == "HW-100"
    assert results["B-1"]["applications"] == [{"invoice_number": "INV-000982", "amount": 8250.5}]
    assert results["B-1"]["deduction"] is None and results["B-1"]["unapplied_amount"] == 0.0
    assert balance(books, "INV-000982") == 0.0
    assert results["B-3"]["decision"] == "unmatched"
    assert results["B-2"]["decision"] in ("review", "auto")
    if results["B-2"]["decision"] == "review":
        assert results["B-2"]["approval_id"].startswith("APR-")
    assert first.stdout.startswith("3 bank line(s): ")

    again = run(books, "cashapp", "--bank", str(bank), "--out", str(out))
    assert "3 already processed earlier" in again.stdout
    assert {r["payment_id"]: r["decision"] for r in json.loads(out.read_text())["results"]} == {
        p: r["decision"] for p, r in results.items()
    }
    assert balance(books, "INV-000982") == 0.0
    listed = json.loads(run(books, "approvals", "list", "--json", "--all").stdout)["approvals"]
    assert len([a for a in listed if a["action"] == "apply_payment"]) == sum(
        1 for r in results.values() if r["approval_id"]
    )


def test_a_malformed_bank_file_applies_nothing(books: Cli, tmp_path: Path) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text(BANK.replace("8250.50", "8250.5x"))
    result = run(books, "cashapp", "--bank", str(bank))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"arbot: {bank}:2: ")
    assert "8250.5x" in result.stderr
    assert balance(books, "INV-000982") == 8250.50


def test_a_cash_run_opens_no_langgraph_thread(books: Cli, tmp_path: Path) -> None:
    """A dry run and a real run (applied and bulk-proposed lines) need no LangGraph thread: a
    fresh interpreter running both never imports LangGraph (its import and checkpointer cost
    a second a run); the proposal it left is still approved, and written, by a person."""
    from tests.bot.test_cli_startup import run_python

    bank = tmp_path / "bank.csv"
    bank.write_text(BANK)
    code = (
        "from bot.cli import main\n"
        "for args in (['--dry-run'], []):\n"
        "    try:\n"
        f"        main(['cashapp', '--bank', {str(bank)!r}, *args], prog_name='arbot')\n"
        "    except SystemExit as done:\n"
        "        assert not done.code, done.code\n"
    )
    loaded, printed = run_python(code, **books.env(**books.extra))
    assert "1 applied automatically, 1 proposed for approval" in printed
    assert "langgraph" not in loaded
    [pending] = json.loads(run(books, "approvals", "list", "--json").stdout)["approvals"]
    approved = run(books, "approvals", "approve", pending["approval_id"], "--as", "dana")
    assert approved.exit_code == 0, approved.output
