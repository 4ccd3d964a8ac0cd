"""Reading one CSV export for ``arbot erp import``: the bytes checked before the csv module sees
them (UTF-8, no NUL byte, no absurdly long line, one header naming each column once, at least one
row), and typed getters that record ``file:line: column: problem`` instead of raising."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

from integrations.erp.money import MoneyError, is_currency_code, parse_amount

# The ledger keeps integer cents in 64-bit columns; stay far below so sums cannot overflow.
MAX_AMOUNT = Decimal("999999999999999.99")
CENT = Decimal("0.01")
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_LINE_BYTES = 1024 * 1024
MAX_DAYS = 3650
# The ledger's column widths (schema.py); anything not named holds at most 200 characters.
TEXT_LIMITS = {
    "customer_id": 64,
    "parent_id": 64,
    "invoice_number": 64,
    "po_number": 64,
    "payment_id": 64,
    "order_id": 64,
    "collector": 100,
    "method": 20,
    "status": 20,
    "reference": 10_000,
}


class CsvRow:
    """One CSV row with its location, and typed getters that record problems."""

    def __init__(self, reader: CsvReader, line: int, values: dict[str, str]) -> None:
        self.reader, self.line, self.values = reader, line, values

    def problem(self, column: str, message: str) -> None:
        self.reader.problems.append(f"{self.reader.path.name}:{self.line}: {column}: {message}")

    def text(self, column: str, *, required: bool = True) -> str | None:
        value = (self.values.get(column) or "").strip()
        if not value:
            if required:
                self.problem(column, "is empty")
            return None
        limit = TEXT_LIMITS.get(column, 200)
        if len(value) > limit:
            self.problem(column, f"is {len(value)} characters long (at most {limit})")
            return None
        return value

    def day(self, column: str) -> date | None:
        value = self.text(column)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problem(column, f"'{value[:40]}' is not a date (expected YYYY-MM-DD)")
            return None

    def money(
        self, column: str, currency: str | None, *, required: bool = True, positive: bool = False
    ) -> Decimal | None:
        value = self.text(column, required=required)
        if value is None:
            return None
        try:
            amount = parse_amount(value, currency or "USD")
        except MoneyError as error:
            self.problem(column, str(error))
            return None
        except ArithmeticError:  # too many digits to round to cents
            self.problem(column, f"{value[:40]} is more than the ledger can hold ({MAX_AMOUNT})")
            return None
        if amount < 0 or (positive and amount == 0):
            self.problem(column, f"{value} must be {'positive' if positive else 'zero or more'}")
            return None
        if amount > MAX_AMOUNT:
            self.problem(column, f"{value} is more than the ledger can hold ({MAX_AMOUNT})")
            return None
        if amount != amount.quantize(CENT):
            self.problem(column, f"{value} has more than 2 decimals (the ledger keeps cents)")
            return None
        return amount

    def integer(self, column: str, *, required: bool = True) -> int | None:
        value = self.text(column, required=required)
        if value is None:
            return None
        if not (value.isascii() and value.isdigit()):
            self.problem(column, f"'{value[:40]}' is not a whole number of days")
            return None
        if int(value) > MAX_DAYS:
            self.problem(column, f"{value} days is more than {MAX_DAYS}")
            return None
        return int(value)

    def currency(self) -> str | None:
        value = self.text("currency")
        if value is not None and not is_currency_code(value):
            self.problem("currency", f"'{value[:40]}' is not an ISO currency code such as USD")
            return None
        return value


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


class CsvReader:
    def __init__(self, path: Path, required: tuple[str, ...], problems: list[str]) -> None:
        self.path, self.required, self.problems = path, required, problems

    def _file_problem(self, line: int, message: str) -> None:
        self.problems.append(f"{self.path.name}:{line}: file: {message}")

    def _text(self) -> str | None:
        try:
            size = self.path.stat().st_size
            if size > MAX_FILE_BYTES:
                self._file_problem(0, f"is {size} bytes (at most {MAX_FILE_BYTES})")
                return None
            data = self.path.read_bytes()
        except OSError as error:
            self.problems.append(f"{self.path}:0: file: cannot be read ({error.strerror})")
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = _line_of(data, error.start)
            byte = data[error.start]
            self._file_problem(
                line, f"is not UTF-8 (byte 0x{byte:02x}); export it again as UTF-8 CSV"
            )
            return None
        if "\x00" in text:
            self._file_problem(text.count("\n", 0, text.index("\x00")) + 1, "contains a NUL byte")
            return None
        for number, line in enumerate(text.split("\n"), 1):
            if len(line) > MAX_LINE_BYTES:
                self._file_problem(
                    number, f"line is {len(line)} characters long (at most {MAX_LINE_BYTES})"
                )
                return None
        return text

    def rows(self) -> Iterator[CsvRow]:
        text = self._text()
        if text is None:
            return
        if not text.strip():
            self._file_problem(1, "is empty (expected a header and rows)")
            return
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = [name.strip() for name in next(reader)]
        except csv.Error as error:
            self._file_problem(1, f"header: {error}")
            return
        repeated = sorted({name for name in header if name and header.count(name) > 1})
        if repeated:
            self.problems.append(
                f"{self.path.name}:1: header: column(s) {', '.join(repeated)} appear more than once"
            )
            return
        missing = [c for c in self.required if c not in header]
        if missing:
            self.problems.append(
                f"{self.path.name}:1: header: missing column(s) {', '.join(missing)}"
            )
            return
        count = 0
        try:
            for cells in reader:
                if not any(cell.strip() for cell in cells):
                    continue
                count += 1
                yield CsvRow(self, reader.line_num, dict(zip(header, cells, strict=False)))
        except csv.Error as error:
            self._file_problem(reader.line_num, str(error))
            return
        if count == 0:
            self._file_problem(2, "has a header but no rows")
