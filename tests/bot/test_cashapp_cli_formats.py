"""``arbot cashapp`` on camt.053, BAI2, MT940 and a bank's CSV export, each checked and parsed
once, its receipts spooled for the run (``open_statement``): the same lines as arbot's own CSV
layout; a malformed file is refused with its line before anything is written."""

from __future__ import annotations

import csv
import importlib
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from benchmarks.cashapp_cli_formats import FORMATS, write_bank_file
from integrations.erp.records import BankLine
from tests.bot.test_cashapp_cli import BANK, balance, run
from tests.bot.test_cashapp_cli import books as books  # the fixture
from tests.integrations.test_bank_streamed import deleted, spools

BAD = {
    "camt053": (b'<Amt Ccy="USD">4500.00</Amt>', b'<Amt Ccy="USD">45O0.00</Amt>'),
    "bai2": (b"16,195,450000,", b"16,195,45OO00,"),
    "mt940": (b"C4500,00", b"C45O0,00"),
    "sparkasse": (b'"4.500,00"', b'"4.5O0,00"'),
}


# What parses each format's statement lines, as the streamed reader calls it.
PARSERS = {
    "csv": ("integrations.bank.csvfile", "contract_lines"),
    "camt053": ("integrations.bank.camtstream", "camt_entries"),
    "bai2": ("integrations.bank.bai2file", "bai2_details"),
    "mt940": ("integrations.bank.mt940file", "mt940_entries"),
    "sparkasse": ("integrations.bank.csvexport", "export_lines"),
}


def bank_lines() -> list[BankLine]:
    rows = csv.DictReader(io.StringIO(BANK))
    return [
        BankLine(
            r["payment_id"],
            date.fromisoformat(r["date"]),
            Decimal(r["amount"]),
            r["currency"],
            r["payer_name"],
            r["reference"],
        )
        for r in rows
    ]


@pytest.mark.parametrize("format", sorted(BAD))
def test_each_format_runs_and_a_malformed_one_writes_nothing(
    books, tmp_path: Path, format: str
) -> None:
    name, options = FORMATS[format]
    bank = tmp_path / name
    write_bank_file(bank, format, bank_lines())
    dry = run(books, "cashapp", "--bank", str(bank), *options, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert dry.stdout.startswith("3 bank line(s): ")
    old, new = BAD[format]
    data = bank.read_bytes()
    assert old in data
    bank.write_bytes(data.replace(old, new))
    refused = run(books, "cashapp", "--bank", str(bank), *options)
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"arbot: {bank}:")
    assert "45O0" in refused.stderr or "45OO00" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert balance(books, "INV-000982") == 8250.50
    bank.write_bytes(data)
    applied = run(books, "cashapp", "--bank", str(bank), *options)
    assert applied.exit_code == 0, applied.output
    assert balance(books, "INV-000982") == 0.0


@pytest.mark.parametrize("format", sorted(PARSERS))
def test_a_run_parses_the_file_once_and_deletes_its_spool(
    books, tmp_path: Path, format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked, its lines checked, matched, written to ``--out`` (and, for real, proposed and
    recorded): every pass after the check reads the spool, never the file."""
    name, options = FORMATS[format]
    bank = tmp_path / name
    write_bank_file(bank, format, bank_lines())
    module, parser = PARSERS[format]
    parses: list[bool] = []
    real = getattr(importlib.import_module(module), parser)

    def counted(*args: object, **kwargs: object) -> object:
        parses.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(importlib.import_module(module), parser, counted)
    made = spools(monkeypatch)
    out = tmp_path / "out.json"
    for dry in (("--dry-run",), ()):
        parses.clear()
        done = run(books, "cashapp", "--bank", str(bank), *options, *dry, "--out", str(out))
        assert done.exit_code == 0, done.output
        assert len(json.loads(out.read_text())["results"]) == 3
        assert len(parses) == 1, dry
    assert len(made) >= 2 and all(deleted(spool) for spool in made)
