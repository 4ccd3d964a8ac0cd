"""Where a bank's CSV export keeps what: its delimiter, its header row (below the bank's
metadata lines) and which column holds each role, from its header's words or a profile."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from integrations.bank.csvprofile import Profile, normalise, role_of
from integrations.bank.errors import BankFileError

_DELIMITERS = (";", ",", "\t", "|")
_HEADER_SEARCH = 40  # metadata lines a bank puts above its header row

# The file's text again from its start, as lines a file opened with ``newline=""`` gives.
Lines = Callable[[], Iterable[str]]


@dataclass
class Layout:
    delimiter: str
    header_index: int  # 0-based row of the header among the csv rows
    columns: dict[str, list[int]]


def rows(lines: Iterable[str], delimiter: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """Rows with the file line each starts on, a row at a time."""
    reader = csv.reader(lines, delimiter=delimiter)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise BankFileError(f"{name}:{start}: {error}") from None
        yield start, row
        start = reader.line_num + 1


def first_rows(lines: Lines, delimiter: str, name: str, limit: int) -> list[tuple[int, list[str]]]:
    return list(islice(rows(lines(), delimiter, name), limit))


def _resolve(header: list[str], wanted: list[str | int], role: str, where: str) -> list[int]:
    names = [normalise(h) for h in header]
    found: list[int] = []
    for item in wanted:
        if isinstance(item, int):
            if item > len(header):
                raise BankFileError(f"{where}: column {item} ({role}) is beyond the header")
            found.append(item - 1)
        elif normalise(item) in names:
            found.append(names.index(normalise(item)))
        else:
            raise BankFileError(f"{where}: the header has no column '{item}' ({role})")
    return found


def detect(lines: Lines, name: str) -> Layout | None:
    for delimiter in _DELIMITERS:
        try:
            found = first_rows(lines, delimiter, name, _HEADER_SEARCH)
        except BankFileError:
            continue
        for index, (_, row) in enumerate(found):
            columns: dict[str, list[int]] = {}
            for position, cell in enumerate(row):
                role = role_of(cell)
                if role is not None:
                    columns.setdefault(role, []).append(position)
            if "date" not in columns and "value_date" in columns:
                columns["date"] = columns.pop("value_date")
            if "date" in columns and ({"amount", "credit"} & columns.keys()):
                return Layout(delimiter, index, _one_column_per_role(columns))
    return None


def _one_column_per_role(columns: dict[str, list[int]]) -> dict[str, list[int]]:
    """Texts may span columns; a date, amount or name is one. Of several currency columns
    (ING: ``Saldo;Währung;Betrag;Währung``) the one after the amount is the amount's."""
    chosen = {
        role: found if role in ("reference", "kind") else found[:1]
        for role, found in columns.items()
    }
    currencies, amount = columns.get("currency", []), columns.get("amount", [])
    if len(currencies) > 1 and amount:
        after = [c for c in currencies if c > amount[0]]
        chosen["currency"] = [min(after)] if after else currencies[:1]
    return chosen


def looks_like_bank_export(text: str) -> bool:
    return detect(lambda: io.StringIO(text, newline=""), "") is not None


def layout_from_profile(lines: Lines, name: str, profile: Profile) -> Layout:
    delimiter = profile.delimiter
    if delimiter is None:
        found = detect(lines, name)
        delimiter = found.delimiter if found else ","
    head = first_rows(lines, delimiter, name, (profile.skip_lines or 0) + _HEADER_SEARCH)
    if profile.skip_lines is not None:
        index = _physical_to_row(head, profile.skip_lines)
    else:
        index = next(
            (i for i, (_, row) in enumerate(head) if any(role_of(c) == "date" for c in row)),
            0,
        )
    if index >= len(head):
        raise BankFileError(f"{name}:{profile.skip_lines}: the file ends before its header row")
    line_no, header = head[index]
    where = f"{name}:{line_no}"
    columns = {
        role: _resolve(header, wanted, role, where) for role, wanted in profile.columns.items()
    }
    return Layout(delimiter, index, columns)


def _physical_to_row(found: list[tuple[int, list[str]]], skip_lines: int) -> int:
    for index, (line_no, _) in enumerate(found):
        if line_no > skip_lines:
            return index
    return len(found)


def cell(row: list[str], columns: dict[str, list[int]], role: str) -> str:
    positions = columns.get(role, [])
    return " ".join(row[p].strip() for p in positions if p < len(row) and row[p].strip())
