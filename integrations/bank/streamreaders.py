"""Each streamed format's reader for ``streamed.FileLines``: the file's bytes in, its receipts
out as they are read, what else it reads (not-receipts, debits, warnings, its format) into the
statement given. The interpretation is the whole reader's own, fed a piece at a time."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import IO, TYPE_CHECKING

from integrations.bank.errors import Unstreamable
from integrations.bank.statement import BankStatement
from integrations.erp.records import BankLine

if TYPE_CHECKING:
    from integrations.bank.csvexport import Settings

# The file's bytes, its name, the statement the rest goes into -> its receipts.
Reader = Callable[[IO[bytes], str, BankStatement], Iterator[BankLine]]


def _text(binary: IO[bytes], encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(binary, encoding, "replace", newline="")  # type: ignore[arg-type]


def _lines(binary: IO[bytes], encoding: str) -> Iterator[str]:
    """The file's lines as ``str.splitlines`` splits the whole text, decoded as
    ``formats._text`` decodes it (``encoding``, found for the whole file)."""
    for line in _text(binary, encoding):
        yield from line.splitlines()


def _handed_on(steps: Iterable[None], statement: BankStatement) -> Iterator[BankLine]:
    """The receipts a reader adds to ``statement`` at each of its steps, handed on and let go."""
    for _ in chain(steps, (None,)):
        yield from statement.receipts
        statement.receipts.clear()


def contract(encoding: str) -> Reader:
    """arbot's own CSV layout, a line at a time."""
    from integrations.bank.csvfile import contract_lines

    def read(binary: IO[bytes], name: str, statement: BankStatement) -> Iterator[BankLine]:
        statement.format = "csv"
        return contract_lines(_text(binary, encoding), name)

    return read


def export(encoding: str, settings: Settings) -> Reader:
    """A bank's CSV export, a row at a time (``csvexport.export_lines``), read with the
    settings its profile gives or its rows show (``csvexport.export_settings``)."""
    from integrations.bank.csvexport import export_lines

    def read(binary: IO[bytes], name: str, statement: BankStatement) -> Iterator[BankLine]:
        statement.format = "csv"
        rows = export_lines(_text(binary, encoding), name, settings, statement)
        yield from _handed_on(rows, statement)

    return read


def bai2(encoding: str) -> Reader:
    """BAI2, a record at a time (``bai2records.read_records``, ``bai2file.bai2_details``)."""
    from integrations.bank.bai2file import bai2_details
    from integrations.bank.bai2records import read_records

    def read(binary: IO[bytes], name: str, statement: BankStatement) -> Iterator[BankLine]:
        statement.format = "bai2"
        records = read_records(_lines(binary, encoding), name)
        header = next(records, None)
        if header is None or header.code != "01":  # refused by ``split_records``
            raise Unstreamable(f"{name}: no file header (01) first")
        details = bai2_details(chain((header,), records), name, statement)
        yield from _handed_on(details, statement)

    return read


def mt940(encoding: str) -> Reader:
    """MT940/MT942, a field at a time (``mt940file.read_fields``, ``mt940_entries``)."""
    from integrations.bank.mt940file import mt940_entries, read_fields

    def read(binary: IO[bytes], name: str, statement: BankStatement) -> Iterator[BankLine]:
        statement.format = "mt940"
        entries = mt940_entries(read_fields(_lines(binary, encoding), name), name, statement)
        yield from _handed_on(entries, statement)

    return read


def camt(binary: IO[bytes], name: str, statement: BankStatement) -> Iterator[BankLine]:
    """camt.053/.054, an entry at a time (``camtstream.camt_entries``)."""
    from integrations.bank.camtstream import camt_entries

    yield from _handed_on(camt_entries(binary, name, statement), statement)
