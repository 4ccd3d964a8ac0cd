"""BAI2 (US bank reporting), parsed by the ``bai2`` library, with line numbers in every error.

Records: ``01`` file header, ``02`` group header (as-of date, currency), ``03`` account
(currency, summaries), ``16`` transaction detail (type code, amount in minor units, funds type,
bank reference, customer reference, text), ``88`` continuation, ``49``/``98``/``99`` trailers with
control totals and record counts, which the library checks. Credits are detail type codes
100-399; the rest is skipped.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal

from bai2 import helpers as bai2_helpers
from bai2 import models as bai2_models
from bai2.exceptions import IntegrityException, NotSupportedYetException, ParsingException
from bai2.parsers import Bai2FileParser

from integrations.bank.errors import BankFileError, hashed_id, payer_from_text
from integrations.erp.money import is_currency_code, minor_units
from integrations.erp.records import BankLine

_RECORD_CODES = {"01", "02", "03", "16", "49", "88", "98", "99"}
_RECORD_NAMES = {
    "01": "file header (01)",
    "02": "group header (02)",
    "03": "account identifier (03)",
    "16": "transaction detail (16)",
    "49": "account trailer (49)",
    "98": "group trailer (98)",
    "99": "file trailer (99)",
}
_INTEGRITY = re.compile(
    r"Invalid (?P<what>.+?) for (?P<level>\w+)\. expected (?P<e>-?\d+), found (?P<f>-?\d+)"
)
_LEVELS = {"Account": "account", "Group": "group", "Bai2File": "file"}


class _Records:
    """The library's record iterator, remembering where in the file each record started."""

    def __init__(self, lines: list[str], starts: list[int]) -> None:
        self._records = bai2_helpers.record_generator(lines)
        self._starts = starts
        self.index = -1
        self.finished = -1  # the record most recently consumed
        self.exhausted = False
        self.current_record: bai2_models.Record | None = None
        self.advance()

    def advance(self) -> None:
        self.finished = self.index
        try:
            self.current_record = next(self._records)
        except StopIteration:
            self.exhausted = True
            raise
        self.index += 1

    def line(self, which: int) -> int:
        return self._starts[max(which, 0)]


def _split(text: str, name: str) -> tuple[list[str], list[int], list[int]]:
    """Non-blank lines, the file line each record starts on, and each line's file line."""
    lines: list[str] = []
    numbers: list[int] = []
    starts: list[int] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        code = line[:2]
        if code not in _RECORD_CODES or (len(line) > 2 and line[2] != ","):
            raise BankFileError(f"{name}:{number}: '{line[:12]}' is not a BAI2 record")
        if code == "88" and not lines:
            raise BankFileError(f"{name}:{number}: continuation (88) with no record before it")
        if code != "88":
            starts.append(number)
        if len(line) == 2:
            line += ","
        lines.append(line)
        numbers.append(number)
    if not lines:
        raise BankFileError(f"{name}:1: empty file")
    if not lines[0].startswith("01,"):
        raise BankFileError(f"{name}:{numbers[0]}: a BAI2 file starts with a file header (01)")
    return lines, starts, numbers


def parse_bai2(text: str, name: str) -> list[BankLine]:
    lines, starts, numbers = _split(text, name)
    records = _Records(lines, starts)
    try:
        parsed = Bai2FileParser(records, check_integrity=True).parse()
    except IntegrityException as error:
        raise BankFileError(
            f"{name}:{records.line(records.finished)}: {_integrity(str(error))}"
        ) from None
    except ParsingException as error:
        message = str(error)
        if records.exhausted:
            raise BankFileError(
                f"{name}:{numbers[-1]}: the file ends without a file trailer (99)"
            ) from None
        if "without" in message:  # raised after the trailer was read
            raise BankFileError(f"{name}:{records.line(records.finished)}: {message}") from None
        raise BankFileError(f"{name}:{records.line(records.index)}: {_expected(message)}") from None
    except NotSupportedYetException as error:
        message = str(error)
        found = re.match(r"Type code '(.*)' is not supported yet", message)
        if found:
            message = f"'{found[1]}' is not a BAI2 type code"
        raise BankFileError(f"{name}:{records.line(records.index)}: {message}") from None
    except (ValueError, IndexError, TypeError) as error:
        raise BankFileError(
            f"{name}:{records.line(records.index)}: {_field_problem(records, error)}"
        ) from None
    if not records.exhausted:
        raise BankFileError(f"{name}:{starts[records.index]}: records after the file trailer (99)")
    return _credits(parsed, starts, name)


def _integrity(message: str) -> str:
    found = _INTEGRITY.match(message)
    if not found:
        return message
    level = _LEVELS.get(found["level"], found["level"])
    what = found["what"].replace(f"{level} ", "")
    return f"{level} trailer says {what} is {found['e']}, the records give {found['f']}"


def _expected(message: str) -> str:
    found = re.match(r"Expected RecordCode\.(\w+), got RecordCode\.(\w+) instead", message)
    if not found:
        return message
    expected, got = found[1].replace("_", " "), found[2].replace("_", " ")
    article = "an" if expected[0] in "aeiou" else "a"
    return f"expected {article} {expected} record here, found a {got} record"


def _field_problem(records: _Records, error: Exception) -> str:
    record = records.current_record
    kind = _RECORD_NAMES.get(record.code.value, "record") if record is not None else "record"
    detail = str(error)
    if isinstance(error, IndexError):
        detail = "too few fields"
    elif "invalid literal for int()" in detail:
        detail = "'" + detail.split(": ", 1)[-1].strip("'") + "' is not a whole number"
    elif record is not None and record.code.value in ("01", "02"):
        at = 2 if record.code.value == "01" else 3
        day, clock = [*record.fields, "", ""][at : at + 2]
        if not re.fullmatch(r"\d{6}", day) or not _valid_date(day):
            detail = f"'{day}' is not a date (YYMMDD)"
        elif clock and not re.fullmatch(r"\d{4}|\d\d:\d\d:\d\d", clock):
            detail = f"'{clock}' is not a time (HHMM)"
    elif "is not a valid FundsType" in detail:
        detail = detail.replace(
            "is not a valid FundsType", "is not a funds type (0, 1, 2, S, V, D, Z)"
        )
    return f"{kind}: {detail}"


def _valid_date(text: str) -> bool:
    try:
        datetime.strptime(text, "%y%m%d")
    except ValueError:
        return False
    return True


def _credits(parsed: bai2_models.Bai2File, starts: list[int], name: str) -> list[BankLine]:
    result: list[BankLine] = []
    position = 1  # the file header is record 0
    for group in parsed.children:
        position += 1
        group_currency = group.header.currency or "USD"
        as_of = group.header.as_of_date
        for account in group.children:
            position += 1
            currency = (account.header.currency or group_currency).upper()
            if not is_currency_code(currency):
                raise BankFileError(
                    f"{name}:{starts[position - 1]}: currency '{currency}' is not an ISO 4217 code"
                )
            for detail in account.children:
                position += 1
                line_no = starts[position - 1]
                code = int(detail.type_code.code)
                if not 100 <= code <= 399:
                    continue
                if detail.amount is None or detail.amount <= 0:
                    raise BankFileError(
                        f"{name}:{line_no}: credit (type {detail.type_code.code}) has amount "
                        f"{detail.amount or 0}: zero or negative credits are refused"
                    )
                amount = Decimal(detail.amount).scaleb(-minor_units(currency))
                text = " ".join((detail.text or "").split())
                customer_ref = (detail.customer_reference or "").strip()
                reference = " ".join(p for p in (customer_ref, text) if p and p.strip("0"))
                bank_ref = (detail.bank_reference or "").strip()
                payment_id = (
                    bank_ref
                    if bank_ref.strip("0")
                    else hashed_id(
                        "BAI2",
                        account.header.customer_account_number,
                        as_of,
                        detail.type_code.code,
                        detail.amount,
                        customer_ref,
                        text,
                    )
                )
                result.append(
                    BankLine(payment_id, as_of, amount, currency, payer_from_text(text), reference)
                )
            position += 1  # account trailer
        position += 1  # group trailer
    return result
