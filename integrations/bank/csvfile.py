"""CSV bank files: arbot's own layout (``payment_id, date, amount, currency, payer_name,
reference``, CONTRACTS.md) unchanged, and banks' own exports (``csvexport``) with or without a
profile."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date

from integrations.bank.errors import BankFileError, hashed_id, payer_from_text
from integrations.bank.statement import BankStatement, parse_money
from integrations.erp.money import is_currency_code
from integrations.erp.records import BankLine

COLUMNS = ("payment_id", "date", "amount", "currency", "payer_name", "reference")


def _is_contract(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return "payment_id" in first.lower()


def looks_like_csv(text: str) -> bool:
    """arbot's own header, or a header row a bank export is recognised by."""
    from integrations.bank.csvlayout import looks_like_bank_export

    return _is_contract(text) or looks_like_bank_export(text)


def parse_csv(text: str, name: str, profile: str | None = None) -> BankStatement:
    from integrations.bank.csvexport import parse_export
    from integrations.bank.csvprofile import load_profile

    if profile is not None:
        return parse_export(text, name, load_profile(profile))
    if _is_contract(text):
        return BankStatement("csv", _contract(text, name))
    return parse_export(text, name, None)


def _contract(text: str, name: str) -> list[BankLine]:
    return list(contract_lines(io.StringIO(text, newline=""), name))


def contract_lines(text: Iterable[str], name: str) -> Iterator[BankLine]:
    """arbot's own layout read from ``text`` (lines as a file opened with ``newline=""`` gives
    them), a line at a time."""
    reader = csv.reader(text)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise BankFileError(f"{name}:1: not a csv header: {error}") from None
    if header is None:
        raise BankFileError(f"{name}:1: empty file (expected the header {', '.join(COLUMNS)})")
    columns = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        raise BankFileError(f"{name}:1: header lacks column(s) {', '.join(missing)}")
    at = {c: columns.index(c) for c in COLUMNS}
    first_line: dict[str, int] = {}
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise BankFileError(f"{name}:{start}: {error}") from None
        line_no, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(columns):
            raise BankFileError(
                f"{name}:{line_no}: {len(row)} fields, the header has {len(columns)}"
            )
        yield _line(row, at, name, line_no, first_line)


def _line(
    row: list[str],
    at: dict[str, int],
    name: str,
    line_no: int,
    first_line: dict[str, int],
) -> BankLine:
    def cell(column: str) -> str:
        return row[at[column]].strip()

    where = f"{name}:{line_no}"
    try:
        received = date.fromisoformat(cell("date"))
    except ValueError:
        raise BankFileError(f"{where}: date '{cell('date')}' is not YYYY-MM-DD") from None
    currency = cell("currency").upper()
    if not is_currency_code(currency):
        raise BankFileError(f"{where}: currency '{cell('currency')}' is not an ISO 4217 code")
    raw = cell("amount").replace(",", "")
    negative = raw.startswith("-")
    amount = parse_money(raw.lstrip("+-"), currency, where, "amount ")
    if amount == 0 or negative:
        shown = f"-{amount}" if negative and amount else f"{amount}"
        raise BankFileError(
            f"{where}: amount {shown} is not a credit (zero or negative amounts are refused)"
        )
    payer, reference = cell("payer_name"), " ".join(cell("reference").split())
    payment_id = cell("payment_id") or hashed_id(
        "CSV", received.isoformat(), amount, currency, payer, reference
    )
    payer = " ".join(payer.split()) or payer_from_text(reference)
    if cell("payment_id"):
        if payment_id in first_line:
            raise BankFileError(
                f"{where}: payment_id {payment_id} already used on line {first_line[payment_id]}"
            )
        first_line[payment_id] = line_no
    return BankLine(payment_id, received, amount, currency, payer, reference)
