"""Every real bank file in tests/fixtures/bank/real through ``arbot cashapp`` end to end on the
demo company: read, matched, summarised — exit 0, no traceback, the receipts counted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from integrations.bank import read_statement
from tests.conftest import FIXTURES, Cli

REAL = sorted(
    p
    for p in (FIXTURES / "bank" / "real").rglob("*")
    if p.is_file() and p.parent.name in ("bai2", "camt053", "mt940")
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("cashapp-real")
    result = Cli(home)("demo", "--no-chat")
    assert result.exit_code == 0, result.output
    return home


@pytest.mark.parametrize("bank_file", REAL, ids=lambda p: p.name)
def test_a_real_bank_file_runs_end_to_end(demo_db: Path, tmp_path: Path, bank_file: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(demo_db, home)
    out = tmp_path / "result.json"
    result = Cli(home)("cashapp", "--bank", str(bank_file), "--dry-run", "--out", str(out))
    assert result.exit_code == 0, result.output
    statement = read_statement(bank_file)
    results = json.loads(out.read_text())["results"]
    assert len(results) == len(statement.receipts)
    assert f"{len(statement.receipts)} bank line(s)" in result.stdout
    for other in statement.not_receipts:
        assert f"not a customer receipt: {other.payment_id}" in result.stderr
