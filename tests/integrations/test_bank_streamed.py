"""``open_statement``: a bank file checked whole once, its lines spooled to an anonymous
temporary file and read back from it as a run goes through them. Same refusals and same lines as
``read_statement``; never every line held; what was checked is what runs."""

from __future__ import annotations

import gc
import os
import stat
import tempfile
import weakref
from pathlib import Path
from typing import IO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import integrations.spool
from integrations.bank import (
    BankFileError,
    FileStatement,
    open_statement,
    read_statement,
    streamed,
)
from integrations.erp.records import BankLine

BANK = Path(__file__).parents[1] / "fixtures" / "bank"
SAMPLES = sorted(p for p in BANK.rglob("*") if p.is_file() and p.suffix not in (".md", ".toml"))
SAMPLES = [p for p in SAMPLES if "LICENSES" not in p.parts]
HEADER = b"payment_id,date,amount,currency,payer_name,reference\n"


def outcome(read: object) -> object:
    """The lines (as a list) and the rest of a statement, or the refusal's message."""
    try:
        statement = read()  # type: ignore[operator]
        return (
            statement.format,
            list(statement.receipts),
            statement.not_receipts,
            statement.debit_count,
            statement.warnings,
        )
    except BankFileError as error:
        return str(error)


def same_as_whole(path: Path) -> None:
    assert outcome(lambda: open_statement(path)) == outcome(lambda: read_statement(path))


def live_lines() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, BankLine))


def spools(monkeypatch: pytest.MonkeyPatch) -> list[weakref.ref[IO[bytes]]]:
    """The temporary files spools make from now on (not kept alive by being listed)."""
    made: list[weakref.ref[IO[bytes]]] = []
    real = tempfile.TemporaryFile

    def recorded(*args: object, **kwargs: object) -> IO[bytes]:
        file = real(*args, **kwargs)  # type: ignore[call-overload]
        made.append(weakref.ref(file))
        return file

    monkeypatch.setattr(integrations.spool.tempfile, "TemporaryFile", recorded)
    return made


def deleted(spool: weakref.ref[IO[bytes]]) -> bool:
    """A spool's file closed (gone with it: it has no name) or collected."""
    gc.collect()
    file = spool()
    return file is None or file.closed


def test_the_samples_read_the_same_and_arbots_own_layout_is_streamed() -> None:
    assert SAMPLES
    for path in SAMPLES:
        same_as_whole(path)
    assert isinstance(open_statement(BANK / "valid.csv"), FileStatement)
    assert isinstance(open_statement(BANK / "valid.camt053.xml"), FileStatement)
    assert isinstance(open_statement(BANK / "csv" / "us-chase.csv"), FileStatement)  # an export


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\n\n",
        HEADER,
        HEADER.replace(b"reference", b"ref"),
        HEADER + b"P1,2024-11-28,5\x00,USD,A,\n",
        HEADER + b"P1,2024-11-28,10.00,USD,A,\nP1,2024-11-28,11.00,USD,B,\n",
        HEADER + b"P1,2024-11-28,10.00,USD,A,\nP2,2024-11-28,1e30,USD,B,\n",
        HEADER + b'P1,2024-11-28,10.00,USD,"A\n',
        HEADER + b"P1,2024-11-28,-10.00,USD,A,\n",
        HEADER + b"P1,28.11.2024,10.00,USD,A,\n",
        HEADER + b"P1,2024-11-28,10.00,USD\n",
        b"\xef\xbb\xbf" + HEADER + "P1,2024-11-28,10.00,EUR,Müller GmbH,R\u00e9f 1\n".encode(),
        HEADER + "P1,2024-11-28,10.00,EUR,M\u00fcller,x\n".encode("cp1252"),
        HEADER.replace(b"\n", b"\r\n") + b"P1,2024-11-28,10.00,USD,A,\r\n",
        b"\n \n" + HEADER + b"P1,2024-11-28,10.00,USD,A,\n",
        # No id of their own, written twice: the second becomes ID~2, as read whole.
        HEADER + b",2024-11-28,10.00,USD,A,X\n,2024-11-28,10.00,USD,A,X\nP3,2024-11-28,1,USD,B,\n",
    ],
)
def test_each_refusal_and_each_line_as_read_whole(tmp_path: Path, body: bytes) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes(body)
    same_as_whole(path)
    path.write_bytes(body)
    assert outcome(lambda: open_statement(path, "csv")) == outcome(
        lambda: read_statement(path, "csv")
    )


def test_a_header_past_the_first_bytes_is_read_whole_the_same(tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes(b" \n" * 40_000 + HEADER + b"P1,2024-11-28,10.00,USD,A,\n")
    same_as_whole(path)


PIECES = [HEADER, b"P1,", b"2024-11-28,", b"10.00,", b"USD,", b"A,", b"\n", b'"', b",", b"\r"]


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    parts=st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=6)), max_size=40),
)
def test_generated_files_read_the_same(tmp_path: Path, parts: list[bytes]) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes(HEADER + b"".join(parts))
    same_as_whole(path)


def test_a_file_larger_than_any_bank_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024 + 1)
    with pytest.raises(BankFileError, match="larger than any bank file"):
        open_statement(path)


def big_file(path: Path, count: int) -> None:
    rows = b"".join(
        b"P%d,2026-11-20,%d.25,USD,PAYER %d,INV-%d\n" % (n, n + 1, n, n) for n in range(count)
    )
    path.write_bytes(HEADER + rows)


def test_its_lines_are_read_one_at_a_time_never_all_held(tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    big_file(path, 2000)
    before = live_lines()
    statement = open_statement(path)
    assert len(statement.receipts) == 2000
    assert live_lines() == before  # checked whole, nothing kept
    most = 0
    for number, line in enumerate(statement.receipts):
        assert line.payment_id == f"P{number}"
        if number % 500 == 0:
            most = max(most, live_lines() - before)
    assert most <= 2
    assert [line.payment_id for line in statement.receipts][-1] == "P1999"  # read back again


def test_a_file_edited_after_the_check_does_not_change_the_run(tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    big_file(path, 10)
    statement = open_statement(path)
    checked = list(statement.receipts)
    big_file(path, 11)
    assert list(statement.receipts) == checked
    path.write_bytes(path.read_bytes().replace(b"PAYER 3", b"PAYER 4"))
    assert list(statement.receipts) == checked
    path.unlink()
    assert list(statement.receipts) == checked


def changing_while_read(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """arbot's own layout read as ever, the file rewritten (one line more) after its 5th line."""
    real = streamed.contract

    def contract(encoding: str) -> streamed.Reader:
        read = real(encoding)

        def reading(*args: object) -> object:
            for number, line in enumerate(read(*args)):  # type: ignore[arg-type]
                if number == 5:
                    big_file(path, 11)
                yield line

        return reading  # type: ignore[return-value]

    monkeypatch.setattr(streamed, "contract", contract)


def test_a_file_changed_while_it_is_checked_is_refused_and_its_spool_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bank.csv"
    big_file(path, 10)
    made = spools(monkeypatch)
    changing_while_read(monkeypatch, path)
    with pytest.raises(BankFileError, match="changed while it was being read"):
        open_statement(path)
    assert len(made) == 1 and deleted(made[0])


def test_the_spool_is_private_and_deleted_when_closed_refused_or_collected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = spools(monkeypatch)
    path = tmp_path / "bank.csv"
    big_file(path, 10)
    statement = open_statement(path)
    assert isinstance(statement, FileStatement) and len(made) == 1
    status = os.fstat(made[0]().fileno())  # type: ignore[union-attr]
    assert stat.S_IMODE(status.st_mode) == 0o600 and status.st_nlink == 0  # no name, owner's
    statement.close()
    assert deleted(made[0])
    with pytest.raises(BankFileError, match="closed"):
        list(statement.receipts)
    open_statement(path)  # not kept: collected
    assert deleted(made[1])
    path.write_bytes(HEADER + b"P1,2024-11-28,10.00,USD,A,\nP2,2024-11-28,1e30,USD,B,\n")
    with pytest.raises(BankFileError, match="not an amount"):
        open_statement(path)  # refused on its second line
    assert len(made) == 3 and deleted(made[2])
