"""``open_statement`` on camt, BAI2, MT940 and banks' CSV exports (with a profile or without):
checked whole once, an entry (a row) at a time, its receipts spooled and read back from the
spool as a run goes through them. Every real file reads the same as ``read_statement`` (same
lines, same order, same ids, same not-receipts and warnings); a hostile file gets
``read_statement``'s refusal, never a traceback; a file edited after the check runs as checked."""

from __future__ import annotations

import os
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.cashapp_cli_formats import write_bank_file
from integrations.bank import (
    BankFileError,
    FileStatement,
    detect_format,
    open_statement,
    read_statement,
)
from integrations.erp.records import BankLine
from tests.integrations.test_bank_streamed import BANK, SAMPLES, live_lines, outcome, same_as_whole

FORMATS = ("camt053", "bai2", "mt940")
NAMES = {"camt053": "bank.xml", "bai2": "bank.bai2", "mt940": "bank.sta", "sparkasse": "bank.csv"}
PROFILES = [
    ("us-chase", "us-chase.csv"),
    ("de-sparkasse", "de-sparkasse-camt-v2.csv"),
    ("de-ing", "de-ing-umsatzanzeige.csv"),
    ("nl-ing", "nl-ing.csv"),
    ("fr-debit-credit", "fr-debit-credit.csv"),
]
STREAMED = [
    p for p in SAMPLES if detect_format(p.read_bytes()) in ("camt053", "camt054", "bai2", "mt940")
]
HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def lines(count: int) -> list[BankLine]:
    return [
        BankLine(
            f"P{n}",
            date(2026, 11, 18 + n % 3),
            Decimal(f"{n + 1}.25"),
            "EUR" if n % 7 == 3 else "USD",
            f"PAYER {n} GMBH",
            f"INV-{n} INV-{n + 1} THANK YOU",
        )
        for n in range(count)
    ]


def written(tmp_path: Path, format: str, count: int = 12) -> Path:
    path = tmp_path / NAMES[format]
    write_bank_file(path, format, lines(count))
    return path


def test_every_real_file_of_a_streamed_format_is_streamed_and_reads_the_same() -> None:
    assert len(STREAMED) > 25
    for path in STREAMED:
        try:
            read_statement(path)
        except BankFileError:
            continue  # refused: same_as_whole checks the refusal
        finally:
            same_as_whole(path)
        assert isinstance(open_statement(path), FileStatement), path


@pytest.mark.parametrize(("profile", "name"), PROFILES)
def test_each_export_read_with_its_profile_is_streamed_and_reads_the_same(
    profile: str, name: str
) -> None:
    path = BANK / "csv" / name
    assert isinstance(open_statement(path, profile=profile), FileStatement)
    assert outcome(lambda: open_statement(path, profile=profile)) == outcome(
        lambda: read_statement(path, profile=profile)
    )


def export(tmp_path: Path, count: int, profile: bool) -> tuple[Path, str | None]:
    """A Sparkasse export of ``count`` lines, read with its profile or as detected."""
    path = tmp_path / "bank-sparkasse.csv"
    write_bank_file(path, "sparkasse", lines(count))
    return path, "de-sparkasse" if profile else None


@pytest.mark.parametrize("profile", [True, False], ids=["profile", "detected"])
def test_a_large_export_is_read_a_row_at_a_time_never_all_held(
    tmp_path: Path, profile: bool
) -> None:
    path, named = export(tmp_path, 1500, profile)
    expected = [line.payment_id for line in read_statement(path, profile=named).receipts]
    before = live_lines()
    statement = open_statement(path, profile=named)
    assert isinstance(statement, FileStatement)
    assert live_lines() == before
    most = 0
    for number, _ in enumerate(statement.receipts):
        if number % 300 == 0:
            most = max(most, live_lines() - before)
    assert most <= 2
    assert [line.payment_id for line in statement.receipts] == expected


@pytest.mark.parametrize("profile", [True, False], ids=["profile", "detected"])
def test_hostile_exports_get_the_whole_readers_refusal(tmp_path: Path, profile: bool) -> None:
    path, named = export(tmp_path, 12, profile)
    data = path.read_bytes()
    cases = [
        *(data[: len(data) * n // 10] for n in range(1, 10)),
        data.replace(b'"20.11.26"', b'"31.02.26"', 1),  # a date that is none
        data.replace(b'"19.11.26"', b'"11/19/2026"'),  # another format for some rows
        data.replace(b'"1,25"', b'"1,2,5"', 1),
        data.replace(b'"USD"', b'"US"', 1),
        data.replace(b'"Buchungstag"', b'"Tag"'),  # the header's date column gone
        data.replace(b'"\r\n"', b'"\r\n"', 1).replace(b'GMBH"', b"GMBH", 1),  # a quote open
        b"Kontoauszug;Sparkasse\r\nW\xe4hrung: EUR\r\n" + data,  # metadata lines, cp1252
        data.replace(b"PAYER 2", b"PAYER\x002"),
        data.decode().encode("utf-16"),
        b"",
    ]
    for case in cases:
        path.write_bytes(case)
        assert outcome(lambda: open_statement(path, profile=named)) == outcome(
            lambda: read_statement(path, profile=named)
        )


def test_an_export_edited_after_the_check_runs_as_checked(tmp_path: Path) -> None:
    path, named = export(tmp_path, 12, True)
    statement = open_statement(path, profile=named)
    checked = list(statement.receipts)
    path.write_bytes(path.read_bytes().replace(b"PAYER 3 ", b"PAYER 4 ", 1))
    assert read_statement(path, profile=named).receipts != checked  # the file reads otherwise
    assert list(statement.receipts) == checked  # the run does not


@pytest.mark.parametrize("format", FORMATS)
def test_a_large_file_is_read_an_entry_at_a_time_never_all_held(
    tmp_path: Path, format: str
) -> None:
    path = written(tmp_path, format, 1500)
    whole = read_statement(path)
    expected = [line.payment_id for line in whole.receipts]
    del whole
    before = live_lines()
    statement = open_statement(path)
    assert isinstance(statement, FileStatement)
    assert len(statement.receipts) == 1500
    assert live_lines() == before  # checked whole, nothing kept
    most, seen = 0, []
    for number, line in enumerate(statement.receipts):
        seen.append(line.payment_id)
        if number % 300 == 0:
            most = max(most, live_lines() - before)
    assert most <= 2
    assert seen == expected
    assert [line.payment_id for line in statement.receipts] == expected  # read back again


@pytest.mark.parametrize("format", FORMATS)
def test_a_file_edited_after_the_check_runs_as_checked(tmp_path: Path, format: str) -> None:
    path = written(tmp_path, format)
    statement = open_statement(path)
    checked = list(statement.receipts)
    assert checked == read_statement(path).receipts
    write_bank_file(path, format, lines(13))
    assert len(read_statement(path).receipts) == 13
    assert list(statement.receipts) == checked
    for new in (b"PAYER 4 ", b"\xff\xfe\x00<>/ "):
        path.write_bytes(path.read_bytes().replace(b"PAYER 3 ", new, 1))
        assert list(statement.receipts) == checked


def late_period(data: bytes) -> bytes:
    """Entries without a date or a bank reference of their own (they take the statement's
    period, their ids its Id), the period written after them."""
    for element in (b"AcctSvcrRef", b"BookgDt", b"ValDt", b"FrToDt"):
        data = re.sub(rb"\s*<%s>.*?</%s>" % (element, element), b"", data, flags=re.S)
    period = (
        b"<FrToDt><FrDtTm>2026-01-01T00:00:00</FrDtTm><ToDtTm>2026-01-02T00:00:00</ToDtTm></FrToDt>"
    )
    return data.replace(b"</Stmt>", period + b"</Stmt>")


def hostile(format: str, data: bytes) -> list[bytes]:
    """The file cut short, its header after its entries, a second wrapper, a declaration
    astride a read's end, another encoding, a NUL: each read as the whole reader reads it."""
    cuts = [data[: len(data) * n // 10] for n in range(1, 10)]
    if format == "camt053":
        entry = data[data.index(b"<Ntry>") : data.index(b"</Ntry>") + 7]
        found = [
            data.replace(b"<Stmt>", b"<Stmt>" + entry, 1),  # an entry before the header
            data.replace(b"</BkToCstmrStmt>", b"</BkToCstmrStmt><BkToCstmrStmt/>"),
            data.replace(b"</Stmt>", b"<GrpHdr/></Stmt>", 1),
            data.replace(b"</Stmt>", b"<FrToDt><ToDtTm>2026-01-01</ToDtTm></FrToDt></Stmt>", 1),
            data.replace(b"<BkToCstmrStmt>", b"<BkToCstmrStmt>" + b" " * 65_520 + b"<!DOCTYPE x>"),
            data.replace(b"camt.053.001.02", b"camt.053.001.99"),
            data.replace(b"<Document", b"<Doc").replace(b"</Document", b"</Doc"),
            data.replace(b"<Amt ", b"<Amt Ccy='X' ", 1),
        ]
    elif format == "bai2":
        found = [
            data + b"16,195,100,0,X,,LATE/\n",
            data.replace(b"01,", b"16,", 1),
            data.split(b"\n", 1)[1],
            data.replace(b"49,", b"88,", 1),
            data.replace(b"16,195,", b"16,19X,", 1),
        ]
    else:
        found = [
            data.replace(b":62F:", b":25:OTHER\n:62F:", 1),  # an account after the entries
            data.replace(b":60F:", b":34F:", 1),
            data.replace(b":20:", b":21:", 1),
            data.replace(b":62F:", b":99:", 1),
            data.replace(b"C1,25", b"X1,25", 1),
        ]
    return [
        *cuts,
        *found,
        b"",
        data.decode().encode("utf-16"),
        data.replace(b"PAYER 1 ", "PAYER \u00e4 ".encode("cp1252")),
        data.replace(b"PAYER 2", b"PAYER\x002"),
    ]


@pytest.mark.parametrize("format", FORMATS)
def test_hostile_files_get_the_whole_readers_refusal(tmp_path: Path, format: str) -> None:
    data = written(tmp_path, format).read_bytes()
    path = tmp_path / f"hostile.{format}"
    for case in hostile(format, data):
        path.write_bytes(case)
        same_as_whole(path)
        assert outcome(lambda: open_statement(path, format)) == outcome(
            lambda: read_statement(path, format)
        )


def test_a_statement_header_after_its_entries_is_read_whole_the_same(tmp_path: Path) -> None:
    """Entries that take their date or id from their statement's header, written after them
    (past the first reads of the file: a reader reads ahead): read as the whole reader reads."""
    camt = tmp_path / "late.xml"
    camt.write_bytes(late_period(written(tmp_path, "camt053", 600).read_bytes()))
    mt940 = tmp_path / "late.sta"
    data = written(tmp_path, "mt940", 600).read_bytes()
    # Entries without a bank reference: their ids are hashed with the account (:25:).
    mt940.write_bytes(re.sub(rb"//P\d+", b"", data).replace(b":62F:", b":25:OTHER\n:62F:", 1))
    for path in (camt, mt940):
        same_as_whole(path)
        assert len(read_statement(path).receipts) > 500


@HYPOTHESIS
@given(
    format=st.sampled_from((*FORMATS, "sparkasse")),
    at=st.floats(0, 1),
    cut=st.integers(0, 12),
    put=st.sampled_from(
        [b"", b"\n", b"<", b"/", b",", b":61:", b"16,", b"</Ntry>", b"\r", b"\xff", b'"', b";"]
    ),
)
def test_damaged_files_read_as_the_whole_reader_reads_them(
    tmp_path: Path, format: str, at: float, cut: int, put: bytes
) -> None:
    data = written(tmp_path, format, 6).read_bytes()
    where = int(len(data) * at)
    path = tmp_path / f"damaged.{format}"
    path.write_bytes(data[:where] + put + data[where + cut :])
    same_as_whole(path)


def test_an_export_changed_after_its_settings_were_found_is_read_as_it_is_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its decimal mark inferred from the file as it was, then the file replaced (decimal
    points now): what comes back is what the file says now, never its rows read with the
    settings of the file before."""
    from integrations.bank import csvexport

    path, _ = export(tmp_path, 12, profile=False)
    now = path.read_bytes().replace(b'"1,25"', b'"1.25"').replace(b",25", b".25")
    found = csvexport.export_settings

    def then_replaced(*args: object, **kwargs: object) -> csvexport.Settings:
        settings = found(*args, **kwargs)  # type: ignore[arg-type]
        replacement = tmp_path / "replacement.csv"
        replacement.write_bytes(now)
        os.replace(replacement, path)
        return settings

    monkeypatch.setattr(csvexport, "export_settings", then_replaced)
    statement = open_statement(path)
    assert outcome(lambda: statement) == outcome(lambda: read_statement(path))
    assert [str(line.amount) for line in statement.receipts][:2] == ["1.25", "2.25"]
