"""A bank's own CSV export: metadata lines above the header, any delimiter, decimal commas,
thousands marks, separate debit and credit columns, pending rows, the bank's language."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from itertools import islice

from integrations.bank.csvlayout import (
    Layout,
    Lines,
    detect,
    layout_from_profile,
    rows,
)
from integrations.bank.csvlayout import cell as cell_of
from integrations.bank.csvprofile import PENDING_WORDS, Profile, normalise
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
_DATE_FORMATS = (
    "%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y", "%m-%d-%Y",
    "%Y%m%d", "%d/%m/%y", "%m/%d/%y", "%Y/%m/%d",
)  # fmt: skip
_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "CHF": "CHF", "¥": "JPY"}


def parse_export(text: str, name: str, profile: Profile | None) -> BankStatement:
    def lines() -> io.StringIO:
        return io.StringIO(text, newline="")

    layout = _layout(lines, name, profile)
    found = list(rows(lines(), layout.delimiter, name))
    body = [(n, r) for n, r in found[layout.header_index + 1 :] if any(c.strip() for c in r)]
    settings = _settings(found[: layout.header_index + 1], body, layout, name, profile)
    statement = BankStatement("csv")
    for line_no, row in body:
        _row(row, line_no, settings, name, statement)
    return statement


@dataclass(frozen=True)
class Settings:
    """How an export's rows are read: its layout, and what its profile says or its rows show."""

    layout: Layout
    decimal: str
    thousands: str | None
    date_format: str
    currency: str | None  # for rows that name none
    skip_words: tuple[str, ...]


def export_settings(lines: Lines, name: str, profile: Profile | None) -> Settings:
    """``parse_export``'s settings, the file read a row at a time (its rows all gone through
    only when the decimal mark or the date format is inferred from them)."""
    layout = _layout(lines, name, profile)
    found = rows(lines(), layout.delimiter, name)
    head = list(islice(found, layout.header_index + 1))
    if profile is not None and profile.decimal and profile.date_format:
        return _settings(head, [], layout, name, profile)
    return _settings(head, body_rows(found), layout, name, profile)


def body_rows(found: Iterable[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    """The rows below the header that are not blank."""
    return ((n, r) for n, r in found if any(c.strip() for c in r))


def export_lines(
    lines: Iterable[str], name: str, settings: Settings, statement: BankStatement
) -> Iterator[None]:
    """``parse_export``'s rows read into ``statement`` a row at a time (``settings`` found for
    the file first), handing on after each."""
    found = rows(lines, settings.layout.delimiter, name)
    for _ in islice(found, settings.layout.header_index + 1):
        pass
    for line_no, row in body_rows(found):
        _row(row, line_no, settings, name, statement)
        yield


def _layout(lines: Lines, name: str, profile: Profile | None) -> Layout:
    if profile is not None:
        return layout_from_profile(lines, name, profile)
    found = detect(lines, name)
    if found is None:
        raise BankFileError(
            f"{name}:1: no header row with a date and an amount column in a language arbot "
            "knows (English, German, French, Dutch, Spanish); give a --profile"
        )
    return found


def _settings(
    head: list[tuple[int, list[str]]],
    body: Iterable[tuple[int, list[str]]],
    layout: Layout,
    name: str,
    profile: Profile | None,
) -> Settings:
    """``head``: the rows down to the header; ``body``: the rows below it that are not blank
    (gone through once, for what the profile does not say)."""
    header = head[layout.header_index][1]
    votes = {",": 0, ".": 0}
    dated: list[tuple[int, str]] = []  # each row's date as written, with its line
    first = 0  # the first row's line
    for line_no, row in body:
        first = first or line_no
        _vote(votes, row, layout)
        value = cell_of(row, layout.columns, "date")
        if value:
            dated.append((line_no, value.split(" ")[0]))
    decimal = (profile.decimal if profile else None) or ("," if votes[","] > votes["."] else ".")
    thousands = profile.thousands if profile and profile.thousands is not None else None
    date_format = (profile.date_format if profile else None) or _date_format(dated, first, name)
    currency_default = (
        (profile.currency if profile else None)
        or _currency_in_header(header)
        or _currency_above_header(head[: layout.header_index])
        or ("USD" if date_format.startswith("%m") else None)  # month-first dates: a US export
    )
    skip_words = profile.skip_status if profile else PENDING_WORDS
    return Settings(layout, decimal, thousands, date_format, currency_default, skip_words)


def _vote(votes: dict[str, int], row: list[str], layout: Layout) -> None:
    """The decimal mark a row's amounts show, counted into ``votes``."""
    for role in ("amount", "credit", "debit"):
        value = _strip_currency(cell_of(row, layout.columns, role))[0]
        found = re.search(r"(?a)([.,])(\d+)$", value)
        if found and len(found[2]) != 3:
            votes[found[1]] += 1
        elif re.search(r"(?a)\d,\d{3}\.|\d\.\d{3},", value):
            votes["," if value.rfind(",") > value.rfind(".") else "."] += 1


def _date_format(dated: list[tuple[int, str]], first: int, name: str) -> str:
    """The one format every date fits (``dated``: each row's date with its line; ``first``:
    the first row's line)."""
    values = [value for _, value in dated]
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
        raise BankFileError(
            f"{name}:{dated[0][0]}: dates such as '{short(values[0])}' are in no format arbot "
            "knows; give a --profile with date_format"
        )
    day_first = [f for f in fitting if f.index("%d") < f.index("%m")] if len(fitting) > 1 else []
    month_first = [f for f in fitting if f.index("%m") < f.index("%d") and "%Y-" not in f]
    if day_first and month_first:
        raise BankFileError(
            f"{name}:{first}: every date fits both day-first and month-first "
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
    row: list[str], line_no: int, settings: Settings, name: str, statement: BankStatement
) -> None:
    where = f"{name}:{line_no}"
    columns = settings.layout.columns
    decimal, thousands, date_format = settings.decimal, settings.thousands, settings.date_format
    currency_default, skip_words = settings.currency, settings.skip_words

    def cell(role: str) -> str:
        return cell_of(row, columns, role)

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
        first_text = cell_of(row, {"text": columns.get("reference", [])[:1]}, "text")
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
