"""Lists as files: ``--format csv`` (to stdout or ``--out``) and ``--format xlsx`` (an Excel
workbook, to ``--out``; openpyxl is imported only then). Money is written exactly: a decimal
string in CSV, a number with the currency's decimals in the workbook, its currency in a column
of its own."""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

FORMATS = ("csv", "xlsx")

format_option = click.option(
    "--format",
    "table_format",
    type=click.Choice(FORMATS),
    help="Write the list as CSV (stdout, or --out) or an Excel workbook (--out FILE.xlsx).",
)
out_option = click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file --format writes (default for csv: stdout).",
)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


FORMULA_STARTS = ("=", "+", "-", "@")


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value  # openpyxl writes the number; the cell format shows its decimals
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, list | tuple | dict):
        return str(value)
    return value


def _finish_row(cells: Any) -> None:
    """An amount shows its own decimals (``115.90``, ``1,000`` yen). Text from outside is never
    a formula: a cell that starts like one stays the same text, written as a string and marked
    quote-prefixed (Excel keeps it text when it is edited, too)."""
    for cell in cells:
        if isinstance(cell.value, Decimal):
            exponent = cell.value.as_tuple().exponent
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            cell.number_format = "#,##0" + ("." + "0" * places if places else "")
        elif isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
            cell.quotePrefix = True


def write_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    table_format: str,
    out: Path | None,
    *,
    sheet: str = "arbot",
) -> None:
    """Write one table; a bad destination is one clear line (click's usage error)."""
    if table_format == "csv":
        if out is None:
            _write_csv(columns, rows, sys.stdout)
            return
        with replaced(out) as handle:
            _write_csv(columns, rows, handle)
        click.echo(f"Wrote {out}.", err=True)
        return
    if out is None:
        raise click.UsageError("--format xlsx writes a file: give --out FILE.xlsx")
    from openpyxl import Workbook

    book = Workbook()
    table = book.active
    table.title = sheet[:31]
    table.append(list(columns))
    for row in rows:
        table.append([_xlsx_cell(v) for v in row])
        _finish_row(table[table.max_row])
    with replaced(out, binary=True) as handle:
        book.save(handle)
    click.echo(f"Wrote {out}.", err=True)


def _write_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]], handle: Any) -> None:
    writer = csv.writer(handle)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])


@contextmanager
def replaced(out: Path, *, binary: bool = False) -> Iterator[Any]:
    """A file written whole or not at all: the rows go to a temporary file beside ``out``,
    which replaces ``out`` only when every row is written. An error part way (a row that cannot
    be read, a full disk) leaves ``out`` as it was and no temporary file behind; a bad
    destination is one clear line (click's file error)."""
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    try:
        handle = partial.open("wb") if binary else partial.open("w", encoding="utf-8", newline="")
    except OSError as error:
        raise click.FileError(str(out), hint=error.strerror or str(error)) from None
    try:
        with handle:
            yield handle
        os.replace(partial, out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise click.FileError(str(out), hint=error.strerror or str(error)) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
