"""Lists as CSV and Excel workbooks, and --json on the decisions and the audit: what a script
or a spreadsheet gets is exact (money as written, never a float's artefacts) and a formula
never comes in from text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.bot.test_approvals_cli import open_invoice, propose, run, shell  # noqa: F401
from tests.conftest import Cli


def test_approvals_as_csv_and_xlsx_and_a_decision_as_json(shell: Cli, tmp_path: Path) -> None:  # noqa: F811
    number, _ = open_invoice(shell)
    [proposal] = propose(shell, f"write off 45.10 on {number} as pricing")["proposals"]
    approval_id = proposal["approval_id"]

    listed = run(shell, "approvals", "list", "--format", "csv")
    assert listed.exit_code == 0, listed.output
    [row] = list(csv.DictReader(io.StringIO(listed.stdout)))
    assert row["approval_id"] == approval_id
    assert (row["amount"], row["currency"], row["status"]) == ("45.10", "USD", "pending")

    workbook = tmp_path / "approvals.xlsx"
    written = run(shell, "approvals", "list", "--format", "xlsx", "--out", str(workbook))
    assert written.exit_code == 0, written.output
    sheet = load_workbook(workbook).active
    header, first = list(sheet.iter_rows(values_only=True))
    assert first[header.index("approval_id")] == approval_id
    assert Decimal(str(first[header.index("amount")])) == Decimal("45.10")

    no_file = run(shell, "approvals", "list", "--format", "xlsx")
    assert no_file.exit_code == 2
    assert "--out FILE.xlsx" in no_file.output

    decided = run(shell, "approvals", "approve", approval_id, "--as", "morgan", "--json")
    assert decided.exit_code == 0, decided.output
    outcome = json.loads(decided.stdout)
    assert outcome["ok"] is True and outcome["approval_id"] == approval_id
    assert outcome["status"] == "done" and outcome["erp_reference"].startswith("ADJ-")

    trail = run(shell, "audit", "show", "--format", "csv")
    events = [r["event"] for r in csv.DictReader(io.StringIO(trail.stdout))]
    assert events == ["proposed", "approved", "executing", "done"]
    verified = json.loads(run(shell, "audit", "verify", "--json").stdout)
    assert verified["intact"] is True and verified["records"] == 4
    assert json.loads(run(shell, "approvals", "reconcile", "--json").stdout) == {"reconciled": []}


def test_text_from_outside_is_never_a_formula_in_a_workbook(shell: Cli, tmp_path: Path) -> None:  # noqa: F811
    number, _ = open_invoice(shell)
    [proposal] = propose(shell, f"write off 5.00 on {number} as pricing")["proposals"]
    rejected = run(
        shell,
        "approvals",
        "reject",
        proposal["approval_id"],
        "--as",
        "morgan",
        "--reason",
        '=HYPERLINK("http://127.0.0.1/x","click")',
    )
    assert rejected.exit_code == 0, rejected.output
    workbook = tmp_path / "audit.xlsx"
    assert run(shell, "audit", "show", "--format", "xlsx", "--out", str(workbook)).exit_code == 0
    cells = [c for row in load_workbook(workbook).active.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)


@pytest.mark.parametrize("target", ["/nonexistent-dir/x.csv", "/nonexistent-dir/x.xlsx"])
def test_an_unwritable_destination_is_one_clear_line(shell: Cli, target: str) -> None:  # noqa: F811
    kind = target.rsplit(".", 1)[1]
    result = run(shell, "approvals", "list", "--format", kind, "--out", target)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert target in result.output


class _BankFileChanged(Exception):
    """What a row source raises part way (the bank file was edited during the run)."""


def _rows_then_failure(rows: list[dict[str, object]]) -> Iterator[dict[str, object]]:
    yield from rows
    raise _BankFileChanged


@pytest.mark.parametrize("name", ["results.json", "results.csv", "results.xlsx"])
def test_a_failure_part_way_leaves_the_earlier_out_file_whole(tmp_path: Path, name: str) -> None:
    from bot.cli.cashapp import write_results

    row = {
        "payment_id": "BANK-1",
        "decision": "auto",
        "customer_id": "C1",
        "currency": "USD",
        "applications": [{"invoice_number": "INV-1", "amount": Decimal("10.00")}],
        "explanation": "cites INV-1",
    }
    out = tmp_path / name
    write_results([row], out)
    earlier = out.read_bytes()

    with pytest.raises(_BankFileChanged):
        write_results(_rows_then_failure([dict(row, payment_id="BANK-2")] * 50), out)

    assert out.read_bytes() == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_an_out_that_is_a_folder_is_one_clear_error_and_nothing_is_left(tmp_path: Path) -> None:
    import click

    from bot.cli.export import write_table

    folder = tmp_path / "list.csv"
    folder.mkdir()
    with pytest.raises(click.FileError):
        write_table(["a"], [("1",)], "csv", folder)
    assert [p.name for p in tmp_path.iterdir()] == ["list.csv"]
    assert folder.is_dir()
