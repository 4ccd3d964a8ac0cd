"""A bank's own CSV export: metadata lines above the header, any delimiter, decimal commas,
thousands marks, separate debit and credit columns, pending rows, the bank's language."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from integrations.bank.csvprofile import PENDING_WORDS, Profile, normalise, role_of
from integrations.bank.errors import BankFileError, hashed_id, payer_from_text
from integrations.bank.statement import (
    ZERO,
    BankStatement,
    NotReceipt,
    parse_money,
    reason_from_text,
    short,
)
from integrations.erp.money import is_currency_code
from integrations.erp.records import BankLine

PENDING = "pending: listed by the bank but not booked yet"
_DELIMITERS = (";", ",", "\t", "|")
_HEADER_SEARCH = 40  # metadata lines a bank puts above its header row
_DATE_FORMATS = (
    "%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y", "%m-%d-%Y",
    "%Y%m%d", "%d/%m/%y", "%m/%d/%y", "%Y/%m/%d",
)  # fmt: skip
_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "CHF": "CHF", "¥": "JPY"}


@dataclass
class _Layout:
    delimiter: str
    header_index: int  # 0-based row of the header among the csv rows
    columns: dict[str, list[int]]


def _rows(
    text: str, delimiter: str, name: str, limit: int | None = None
) -> list[tuple[int, list[str]]]:
    """Rows with the file line each starts on; ``limit`` stops early (header search)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    while limit is None or len(rows) < limit:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise BankFileError(f"{name}:{start}: {error}") from None
        rows.append((start, row))
        start = reader.line_num + 1
    return rows


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


def _detect(text: str, name: str) -> _Layout | None:
    for delimiter in _DELIMITERS:
        try:
            rows = _rows(text, delimiter, name, _HEADER_SEARCH)
        except BankFileError:
            continue
        for index, (_, row) in enumerate(rows):
            columns: dict[str, list[int]] = {}
            for position, cell in enumerate(row):
                role = role_of(cell)
                if role is not None:
                    columns.setdefault(role, []).append(position)
            if "date" not in columns and "value_date" in columns:
                columns["date"] = columns.pop("value_date")
            if "date" in columns and ({"amount", "credit"} & columns.keys()):
                return _Layout(delimiter, index, _one_column_per_role(columns))
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
    return _detect(text, "") is not None


def parse_export(text: str, name: str, profile: Profile | None) -> BankStatement:
    if profile is not None:
        layout = _layout_from_profile(text, name, profile)
    else:
        found = _detect(text, name)
        if found is None:
            raise BankFileError(
                f"{name}:1: no header row with a date and an amount column in a language arbot "
                "knows (English, German, French, Dutch, Spanish); give a --profile"
            )
        layout = found
    rows = _rows(text, layout.delimiter, name)
    header = rows[layout.header_index][1]
    body = [(n, r) for n, r in rows[layout.header_index + 1 :] if any(c.strip() for c in r)]
    decimal = (profile.decimal if profile else None) or _decimal_mark(body, layout, name)
    thousands = profile.thousands if profile and profile.thousands is not None else None
    date_format = (profile.date_format if profile else None) or _date_format(body, layout, name)
    currency_default = (
        (profile.currency if profile else None)
        or _currency_in_header(header)
        or _currency_above_header(rows[: layout.header_index])
        or ("USD" if date_format.startswith("%m") else None)  # month-first dates: a US export
    )
    skip_words = profile.skip_status if profile else PENDING_WORDS
    statement = BankStatement("csv")
    for line_no, row in body:
        _row(
            row, line_no, layout, name, decimal, thousands, date_format,
            currency_default, skip_words, statement,
        )  # fmt: skip
    return statement


def _layout_from_profile(text: str, name: str, profile: Profile) -> _Layout:
    delimiter = profile.delimiter
    if delimiter is None:
        found = _detect(text, name)
        delimiter = found.delimiter if found else ","
    rows = _rows(text, delimiter, name, (profile.skip_lines or 0) + _HEADER_SEARCH)
    if profile.skip_lines is not None:
        index = _physical_to_row(rows, profile.skip_lines)
    else:
        index = next(
            (i for i, (_, row) in enumerate(rows) if any(role_of(c) == "date" for c in row)),
            0,
        )
    if index >= len(rows):
        raise BankFileError(f"{name}:{profile.skip_lines}: the file ends before its header row")
    line_no, header = rows[index]
    where = f"{name}:{line_no}"
    columns = {
        role: _resolve(header, wanted, role, where) for role, wanted in profile.columns.items()
    }
    return _Layout(delimiter, index, columns)


def _physical_to_row(rows: list[tuple[int, list[str]]], skip_lines: int) -> int:
    for index, (line_no, _) in enumerate(rows):
        if line_no > skip_lines:
            return index
    return len(rows)


def _cell(row: list[str], columns: dict[str, list[int]], role: str) -> str:
    positions = columns.get(role, [])
    return " ".join(row[p].strip() for p in positions if p < len(row) and row[p].strip())


def _decimal_mark(body: list[tuple[int, list[str]]], layout: _Layout, name: str) -> str:
    votes = {",": 0, ".": 0}
    for _, row in body:
        for role in ("amount", "credit", "debit"):
            value = _strip_currency(_cell(row, layout.columns, role))[0]
            found = re.search(r"(?a)([.,])(\d+)$", value)
            if found and len(found[2]) != 3:
                votes[found[1]] += 1
            elif re.search(r"(?a)\d,\d{3}\.|\d\.\d{3},", value):
                votes["," if value.rfind(",") > value.rfind(".") else "."] += 1
    return "," if votes[","] > votes["."] else "."


def _date_format(body: list[tuple[int, list[str]]], layout: _Layout, name: str) -> str:
    values = [_cell(row, layout.columns, "date") for _, row in body]
    values = [v.split(" ")[0] for v in values if v]
    if not values:
        return "%Y-%m-%d"
    fitting = [f for f in _DATE_FORMATS if all(_parses(v, f) for v in values)]
    if not fitting:
        # A few bad dates (31.02.) should be reported on their own line, not hide the format.
        counts = {f: sum(_parses(v, f) for v in values) for f in _DATE_FORMATS}
        best = max(counts, key=lambda f: counts[f])
        if counts[best] and counts[best] * 2 >= len(values):
            return best
    if not fitting:
        line_no = next(n for n, row in body if _cell(row, layout.columns, "date"))
        raise BankFileError(
            f"{name}:{line_no}: dates such as '{short(values[0])}' are in no format arbot "
            "knows; give a --profile with date_format"
        )
    day_first = [f for f in fitting if f.index("%d") < f.index("%m")] if len(fitting) > 1 else []
    month_first = [f for f in fitting if f.index("%m") < f.index("%d") and "%Y-" not in f]
    if day_first and month_first:
        raise BankFileError(
            f"{name}:{body[0][0]}: every date fits both day-first and month-first "
            f"('{short(values[0])}'); give a --profile with date_format"
        )
    return fitting[0]


def _parses(value: str, pattern: str) -> bool:
    try:
        datetime.strptime(value, pattern)
    except ValueError:
        return False
    return True


def _currency_in_header(header: list[str]) -> str | None:
    """``Bedrag (EUR)``, ``Débit euros``: a currency named in the amount's header."""
    for cell in header:
        found = re.search(
            r"(?a)(?:\(|\s)(EUR|EUROS?|USD|GBP|CHF|PLN|SEK|NOK|DKK)\)?$", cell.upper()
        )
        if found:
            return "EUR" if found[1].startswith("EUR") else found[1]
    return None


_CURRENCY_WORD = re.compile(r"(?a)\b(EUR|USD|GBP|CHF|PLN|SEK|NOK|DKK|CZK|HUF|CAD|AUD|MXN)\b|€")


def _currency_above_header(rows: list[tuple[int, list[str]]]) -> str | None:
    """The one currency a bank names in its metadata lines (``Währung: EUR``, ``Divisa;EUR``)."""
    found = {
        "EUR" if m.group(0) == "€" else m.group(0)
        for _, row in rows
        for m in _CURRENCY_WORD.finditer(" ".join(row).upper())
    }
    return found.pop() if len(found) == 1 else None


def _strip_currency(value: str) -> tuple[str, str | None]:
    currency = None
    for symbol, code in _SYMBOLS.items():
        if symbol in value:
            currency, value = code, value.replace(symbol, "")
    found = re.search(r"(?a)\b([A-Z]{3})\b", value)
    if found:
        currency, value = found[1], value.replace(found[1], "")
    for space in ("\u00a0", "\u202f", " "):
        value = value.replace(space, "")
    return value.strip(), currency


def _signed_amount(
    raw: str, currency: str, decimal: str, thousands: str | None, where: str
) -> Decimal:
    value = raw
    negative = value.startswith("-") or (value.startswith("(") and value.endswith(")"))
    value = value.strip("()").lstrip("+-")
    if value.endswith("-"):  # German "123,45-"
        negative, value = True, value[:-1]
    other = "." if decimal == "," else ","
    marks = [thousands] if thousands else [other, "'"]
    for mark in marks:
        value = value.replace(mark, "")
    amount = parse_money(value.replace(decimal, "."), currency, where)
    return -amount if negative else amount


def _row(
    row: list[str],
    line_no: int,
    layout: _Layout,
    name: str,
    decimal: str,
    thousands: str | None,
    date_format: str,
    currency_default: str | None,
    skip_words: tuple[str, ...],
    statement: BankStatement,
) -> None:
    where = f"{name}:{line_no}"
    columns = layout.columns

    def cell(role: str) -> str:
        return _cell(row, columns, role)

    raw_date = cell("date").split(" ")[0]
    try:
        booked = datetime.strptime(raw_date, date_format).date()
    except ValueError:
        raise BankFileError(
            f"{where}: date '{short(raw_date)}' is not {date_format.replace('%', '')}"
        ) from None
    currency_cell = _SYMBOLS.get(cell("currency"), cell("currency").upper())
    raw_amount, symbol_currency = _strip_currency(cell("amount"))
    credit_raw, credit_currency = _strip_currency(cell("credit"))
    debit_raw, debit_currency = _strip_currency(cell("debit"))
    currency = (
        currency_cell
        or symbol_currency
        or credit_currency
        or debit_currency
        or currency_default
        or ""
    )
    if not is_currency_code(currency):
        raise BankFileError(
            f"{where}: no currency ('{short(currency)}'): add a currency column or "
            'currency = "EUR" in a --profile'
        )
    amount = _row_amount(raw_amount, credit_raw, debit_raw, cell("direction"), currency,
                         decimal, thousands, where)  # fmt: skip
    text_parts = [cell("kind"), cell("reference")]
    text = " ".join(" ".join(p.split()) for p in text_parts if p)
    payer = " ".join(cell("payer").split()) or _payer_in_text(text)
    reference = " ".join(w for w in cell("reference").split() if w.upper() != "NOTPROVIDED")
    reference = reference or text
    status = cell("status").lower()
    payment_id = cell("id") or hashed_id("CSV", booked.isoformat(), amount, currency, payer, text)
    if amount < 0:
        statement.debit_count += 1
        return
    reason = None
    if status and any(word in status for word in skip_words):
        reason = PENDING
    elif amount == 0:
        reason = ZERO
    else:
        # The bank's own words: its type column, or else the first text column (``Libellé``).
        first_text = _cell(row, {"text": columns.get("reference", [])[:1]}, "text")
        bank_words = cell("kind") if columns.get("kind") else first_text
        reason = reason_from_text(bank_words.replace("_", " "))
    if reason is not None:
        statement.not_receipts.append(
            NotReceipt(payment_id, booked, amount, currency, text or payer, reason, where)
        )
        return
    statement.receipts.append(BankLine(payment_id, booked, amount, currency, payer, reference))


_NAMES_IN_TEXT = (
    # ``DE: SARL DUPONT MOTIF: ..``, ``Auftraggeber: ..``
    re.compile(
        r"(?a)\b(?:DE|VON|FROM|VAN|ORDENANTE|AUFTRAGGEBER)\s*:\s*"
        r"(?P<name>.+?)\s*(?=\s[A-Z][A-Za-z]{1,15}\s*:|$)"
    ),
    # ``WIRE FROM GLOBEX CORP REF ..``, ``VIR SEPA RECU /DE ATELIERS LEROY /MOTIF ..``,
    # ``TRANSFERENCIA DE LOPEZ Y ASOCIADOS, CONCEPTO ..``
    re.compile(
        r"(?a)\b(?:WIRE|TRANSFER|TRANSFERENCIA|VIREMENT|RECU|OVERBOEKING)\s+/?(?:FROM|DE|VAN)\s+"
        r"(?P<name>.+?)\s*(?=\s/|\s(?:REF|CONCEPTO|MOTIF|OMSCHRIJVING)\b|,|$)"
    ),
)


def _payer_in_text(text: str) -> str:
    """A payer written into a bank's free text (``VIR RECU DE: SARL DUPONT MOTIF: ..``)."""
    for pattern in _NAMES_IN_TEXT:
        found = pattern.search(text[:1000])
        if found and found["name"].strip(" ,;/"):
            return found["name"].strip(" ,;/")
    return payer_from_text(text)


def _row_amount(
    amount_raw: str,
    credit_raw: str,
    debit_raw: str,
    direction: str,
    currency: str,
    decimal: str,
    thousands: str | None,
    where: str,
) -> Decimal:
    if amount_raw:
        amount = _signed_amount(amount_raw, currency, decimal, thousands, where)
        if direction:
            credit = normalise(direction) in ("bij", "credit", "cr", "c", "haben", "h", "abono")
            return abs(amount) if credit else -abs(amount)
        return amount
    if credit_raw:
        value = _signed_amount(credit_raw, currency, decimal, thousands, where)
        if value != 0 or not debit_raw:
            return abs(value)
    if debit_raw:
        return -abs(_signed_amount(debit_raw, currency, decimal, thousands, where))
    raise BankFileError(f"{where}: no amount in this row")
