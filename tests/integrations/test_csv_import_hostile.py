"""``arbot erp import`` on hostile files: each is refused as ``file:line: column: problem`` with
exit 1 and nothing imported, on SQLite and PostgreSQL; never a traceback."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integrations.erp.local import LocalLedger
from integrations.erp.local.csv_import import ImportFailed, import_csv
from tests.conftest import FIXTURES, TODAY, Cli

CSV = FIXTURES / "csv"
FIRST_INVOICE = "INV-000981,HW-100,2026-08-01,2026-08-31,12400.00,0.00,USD,PO-77120,Kim"


def replace_in(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def write_bytes(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def invoice_amount(value: str) -> Callable[[Path], None]:
    return replace_in("invoices.csv", "12400.00,0.00", f"{value},0.00")


HEADER = (CSV / "invoices.csv").read_text().splitlines()[0]
CASES = {
    "1e30": (invoice_amount("1e30"), "invoices.csv:2: amount: 1e30 is more than the ledger"),
    "nan": (invoice_amount("NaN"), "invoices.csv:2: amount: 'NaN' is not an amount"),
    "infinity": (invoice_amount("Infinity"), "invoices.csv:2: amount: 'Infinity' is not an"),
    "20 digits": (
        invoice_amount("12345678901234567890"),
        "invoices.csv:2: amount: 12345678901234567890 is more than the ledger can hold",
    ),
    "3 decimals": (invoice_amount("12.345"), "invoices.csv:2: amount: '12.345' has more than 2"),
    "3 decimal currency": (
        replace_in("invoices.csv", "12400.00,0.00,USD", "12.345,0.000,BHD"),
        "invoices.csv:2: amount: 12.345 has more than 2 decimals (the ledger keeps cents)",
    ),
    "cp1252": (
        lambda folder: (folder / "customers.csv").write_bytes(
            (folder / "customers.csv").read_text().replace("Inc.", "Café").encode("cp1252")
        ),
        "customers.csv:2: file: is not UTF-8 (byte 0xe9); export it again as UTF-8 CSV",
    ),
    "binary": (
        write_bytes("invoices.csv", bytes(range(256)) * 4),
        "invoices.csv:2: file: is not UTF-8 (byte 0x80)",
    ),
    "nul byte": (
        replace_in("invoices.csv", "PO-77120", "PO-77\x00120"),
        "invoices.csv:2: file: contains a NUL byte",
    ),
    "50 MB line": (
        replace_in("invoices.csv", "PO-77120", "P" * (50 * 1024 * 1024)),
        f"invoices.csv:2: file: line is {50 * 1024 * 1024 + len(FIRST_INVOICE) - 8} characters",
    ),
    "header only": (
        write_bytes("invoices.csv", (HEADER + "\n").encode()),
        "invoices.csv:2: file: has a header but no rows",
    ),
    "empty": (write_bytes("customers.csv", b""), "customers.csv:1: file: is empty"),
    "duplicate header": (
        replace_in("invoices.csv", ",po_number,", ",amount,"),
        "invoices.csv:1: header: column(s) amount appear more than once",
    ),
    "long id": (
        replace_in("invoices.csv", "INV-000981,", "I" * 65 + ","),
        "invoices.csv:2: invoice_number: is 65 characters long (at most 64)",
    ),
    "huge terms": (
        replace_in("customers.csv", ",30,USD,", ",99999999999999999999,USD,"),
        "customers.csv:2: terms_days: 99999999999999999999 days is more than 3650",
    ),
    "unicode digit": (
        replace_in("customers.csv", ",30,USD,", ",²,USD,"),
        "customers.csv:2: terms_days: '²' is not a whole number of days",
    ),
    "quote left open": (
        replace_in("invoices.csv", "PO-77120", '"PO-77120'),
        "invoices.csv:",
    ),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "csv"
    shutil.copytree(CSV, target)
    return target


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_file_is_refused_and_nothing_is_imported(
    arbot: Cli, folder: Path, ledger_url: str, case: str
) -> None:
    change, expected = CASES[case]
    change(folder)
    files = [f"--{kind}" for kind in ("customers", "invoices", "payments")]
    args = [item for kind in files for item in (kind, str(folder / f"{kind[2:]}.csv"))]
    result = arbot("erp", "import", *args, ARBOT_DATABASE_URL=ledger_url)
    assert result.exit_code == 1, result.output
    assert expected in result.stderr, result.stderr[:2000]
    assert result.stderr.rstrip().endswith("problem(s); nothing was imported")
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # click's exit 1, nothing unhandled
    ledger = LocalLedger.open(ledger_url)
    assert ledger.list_customers() == [] and ledger.invoices(open_only=False) == []
    ledger.close()


LINE = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=120)


@settings(
    max_examples=60,
    deadline=5000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.lists(LINE, min_size=1, max_size=4), raw=st.binary(max_size=200))
def test_any_appended_lines_import_cleanly_or_are_refused_whole(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], raw: bytes
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(CSV, folder / "csv")
    invoices = folder / "csv" / "invoices.csv"
    invoices.write_bytes(invoices.read_bytes() + "\n".join(lines).encode() + b"\n" + raw)
    ledger = LocalLedger.open(f"sqlite:///{folder / 'ledger.db'}")
    try:
        import_csv(
            ledger,
            customers=folder / "csv" / "customers.csv",
            invoices=invoices,
            today=lambda: TODAY,
        )
    except ImportFailed as failure:
        assert failure.problems and all(p.split(":")[0].endswith(".csv") for p in failure.problems)
        assert ledger.list_customers() == []
    else:
        assert ledger.integrity_problems() == []
    finally:
        ledger.close()
