"""BAI2 (US, Canadian and UK cash-management reporting), read by arbot's own tolerant reader.

``01`` file header, ``02`` group (as-of date, currency), ``03`` account (currency, summaries),
``16`` transaction detail (type code, amount in minor units, funds type with its extra fields,
bank reference, customer reference, text), ``88`` continuation, ``49``/``98``/``99`` trailers
whose control totals and record counts are checked. Detail type codes 100-399 are credits;
codes outside the standard credit and debit ranges are kept with their code as not receipts.

The type code is the bank's classification of a credit; the detail's free text is the payer's
remittance. A credit is a not-receipt by its code (``_CODE_REASONS``: a return, reversal,
rejected credit, correction, internal transfer, FX leg, interest); the words of its text
("RETURN", "REJECTED", "STORNO") decide only for the generic codes that say no more than "a
credit" (``_GENERIC``: 108 any type, 169 miscellaneous ACH, 174 other deposit, 229
miscellaneous international, 249 miscellaneous security, 399 miscellaneous credit). A 195
incoming money transfer whose text says "DEFECTIVE UNITS RETURNED" is a receipt. Returns of
our own deposits (555/556 "deposited item returned", ...) are debits, counted as debits.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from integrations.bank.bai2records import Record, split_records, texts
from integrations.bank.errors import BankFileError, hashed_id, payer_from_text
from integrations.bank.statement import (
    CORRECTION,
    FX_LEG,
    INTEREST,
    INTERNAL,
    REJECT,
    RETURN,
    REVERSAL,
    ZERO,
    BankStatement,
    NotReceipt,
    minor_to_amount,
    reason_from_text,
    short,
)
from integrations.erp.money import is_currency_code
from integrations.erp.records import BankLine

# Credit detail codes that are not a customer paying us (BAI2 type code list, 2005).
_CODE_REASONS = {
    "123": RETURN,  # EDIBANX credit return
    "168": RETURN,  # ACH return item or adjustment settlement
    "172": CORRECTION,  # deposit correction
    "201": INTERNAL,  # individual automatic transfer credit
    "214": FX_LEG,  # foreign exchange of credit
    "252": REVERSAL,  # debit reversal
    "254": CORRECTION,  # posting error correction credit
    "255": RETURN,  # check posted and returned
    "257": RETURN,  # individual ACH return item
    "258": REVERSAL,  # ACH reversal credit
    "261": REJECT,  # individual rejected credit
    "263": CORRECTION,  # overdraft
    "266": RETURN,  # return item
    "268": RETURN,  # return item adjustment
    "274": INTERNAL,  # cumulative ZBA credits
    "275": INTERNAL,  # ZBA credit (cash concentration)
    "276": INTERNAL,  # ZBA float adjustment
    "277": INTERNAL,  # ZBA credit transfer
    "278": INTERNAL,  # ZBA credit adjustment
    "346": INTEREST,  # sweep interest income
    "347": INTERNAL,  # sweep principal sell
    "354": INTEREST,  # interest credit
    "357": CORRECTION,  # credit adjustment
    "358": CORRECTION,  # YTD adjustment credit
    "359": INTEREST,  # interest adjustment credit
    "372": CORRECTION,  # back value adjustment
    "395": REVERSAL,  # check reversal
    "397": CORRECTION,  # float adjustment
    "398": CORRECTION,  # miscellaneous fee refund
}
# Credit detail codes that say no more than "a credit": their text may say what it is.
_GENERIC = frozenset({"108", "169", "174", "229", "249", "399"})
_FUNDS_EXTRA = {"": 0, "0": 0, "1": 0, "2": 0, "Z": 0, "V": 2, "S": 3}
_PAYER_KEYS = (
    re.compile(r"(?a)\bBO1:\s*(?P<v>.+?)(?=\s+[A-Z]{2}\d?:|$)"),
    re.compile(r"(?a)^(?:DBNM|ORG|ORIGINATOR|DEBTOR NAME|SENDER NAME)\s*:=?\s*(?P<v>.+)$"),
    re.compile(r"(?a)\bFrom:\s*(?P<v>[^,]+)"),
)


@dataclass
class _Context:
    name: str
    as_of: date
    group_currency: str
    account: str = ""
    currency: str = "USD"


def parse_bai2(text: str, name: str) -> BankStatement:
    statement = BankStatement("bai2")
    for _ in bai2_details(split_records(text, name), name, statement):
        pass
    return statement


class _Records:
    """The records one at a time, the next one seen before it is taken; ``last`` is the one
    taken last (the file's last record once none is left)."""

    def __init__(self, records: Iterable[Record]) -> None:
        self._records = iter(records)
        self.next: Record | None = next(self._records, None)
        self.last: Record | None = None

    def take(self) -> Record:
        taken = self.next
        assert taken is not None
        self.last, self.next = taken, next(self._records, None)
        return taken

    def at(self, code: str) -> bool:
        return self.next is not None and self.next.code == code


def bai2_details(records: Iterable[Record], name: str, statement: BankStatement) -> Iterator[None]:
    """Reads ``records`` (a file's, the first its file header) into ``statement``, handing on
    after each transaction detail (its receipt, if it is one, is the last of
    ``statement.receipts``); checks every trailer as it comes."""
    reader = _Records(records)
    header = reader.take()
    file_total, groups, file_count = 0, 0, header.count
    _expect_fields(header, 3, name)
    while reader.at("02"):
        total, count = yield from _group(reader, name, statement)
        file_total += total
        file_count += count
        groups += 1
    if reader.next is None:
        assert reader.last is not None
        raise BankFileError(
            f"{name}:{reader.last.last_line}: the file ends without a file trailer (99)"
        )
    trailer = reader.take()
    if trailer.code != "99":
        raise _unexpected(trailer, "a group header (02) or the file trailer (99)", name)
    file_count += trailer.count
    _check_trailer(trailer, file_total, groups, file_count, "file", name, statement)
    if reader.next is not None:
        raise BankFileError(f"{name}:{reader.next.line}: records after the file trailer (99)")


def _group(
    reader: _Records, name: str, statement: BankStatement
) -> Generator[None, None, tuple[int, int]]:
    header = reader.take()
    fields = _expect_fields(header, 4, name)
    as_of = _date(fields[3], header, name)
    currency = (fields[5] if len(fields) > 5 else "").strip().upper() or "USD"
    if not is_currency_code(currency):
        raise BankFileError(f"{name}:{header.line}: currency '{short(currency)}' is not ISO 4217")
    context = _Context(name, as_of, currency)
    total, accounts, count = 0, 0, header.count
    while reader.at("03"):
        account_total, account_count = yield from _account(reader, context, statement)
        total += account_total
        count += account_count
        accounts += 1
    trailer = _trailer(reader, "98", "a group trailer", "an account identifier (03)", name)
    count += trailer.count
    trailer_total = _check_trailer(trailer, total, accounts, count, "group", name, statement)
    return trailer_total, count


def _account(
    reader: _Records, context: _Context, statement: BankStatement
) -> Generator[None, None, tuple[int, int]]:
    name = context.name
    header = reader.take()
    fields = _expect_fields(header, 1, name)
    context.account = fields[0].strip()
    currency = (fields[1] if len(fields) > 1 else "").strip().upper() or context.group_currency
    if not is_currency_code(currency):
        raise BankFileError(f"{name}:{header.line}: currency '{short(currency)}' is not ISO 4217")
    context.currency = currency
    total = _summary_total(fields[2:], header, context)
    count = header.count
    while reader.at("16"):
        detail = reader.take()
        total += _detail(detail, context, statement)
        count += detail.count
        yield
    trailer = _trailer(reader, "49", "an account trailer", "a transaction detail (16)", name)
    count += trailer.count
    trailer_total = _check_trailer(trailer, total, None, count, "account", name, statement)
    return trailer_total, count


def _trailer(reader: _Records, code: str, trailer: str, instead: str, name: str) -> Record:
    """The trailer record (``code``) that must close a group or an account here."""
    if reader.next is None:
        assert reader.last is not None
        raise BankFileError(
            f"{name}:{reader.last.last_line}: the file ends without {trailer} ({code})"
        )
    record = reader.take()
    if record.code != code:
        raise _unexpected(record, f"{instead} or {trailer} ({code})", name)
    return record


def _summary_total(fields: list[str], record: Record, context: _Context) -> int:
    """The sum, in minor units, of an 03's summaries: type, amount, item count, funds type."""
    total = 0
    index = 0
    while index < len(fields):
        code = fields[index].strip()
        if not code:  # some banks write one comma too many before ``/``
            index += 1
            continue
        amount = fields[index + 1].strip() if index + 1 < len(fields) else ""
        if not (_is_number(code) and len(code) == 3):
            raise _field_error(record, context.name, f"'{short(code)}' is not a type code")
        if amount:
            total += _signed_minor(amount, record, context)
        funds = fields[index + 3].strip().upper() if index + 3 < len(fields) else ""
        index += 4 + _funds_extra(funds, fields, index + 4, record, context.name)
    return total


def _detail(record: Record, context: _Context, statement: BankStatement) -> int:
    """Files the detail as a receipt, a not-receipt or a debit; its amount in minor units."""
    name = context.name
    fields = record.body.split(",")
    code = fields[0].strip()
    if not (_is_number(code) and len(code) == 3):
        raise _field_error(record, name, f"'{short(code)}' is not a type code (3 digits)")
    if len(fields) < 2 or not fields[1].strip():
        raise _field_error(record, name, "has no amount")
    raw_amount = fields[1].strip()
    amount = minor_to_amount(raw_amount, context.currency, _where(record, name, "amount"))
    minor = int(raw_amount.lstrip("+"))
    funds = fields[2].strip().upper() if len(fields) > 2 else ""
    index = 3 + _funds_extra(funds, fields, 3, record, name)
    continuation = texts(record)
    if len(fields) < index + 2 and continuation and "," in continuation[0]:
        # The 16 ended before its references and an 88 carries them on (X9/BAI3 files).
        fields = fields + continuation.pop(0).split(",")
    bank_ref = fields[index].strip() if index < len(fields) else ""
    customer_ref = fields[index + 1].strip() if index + 1 < len(fields) else ""
    own_text = " ".join(",".join(fields[index + 2 :]).split())
    text = " ".join(p for p in (own_text, *continuation) if p)
    number = int(code)
    if 400 <= number <= 699:
        statement.debit_count += 1
        return minor
    payment_id = bank_ref if bank_ref.strip("0") else ""
    payment_id = payment_id or hashed_id(
        "BAI2", context.account, context.as_of, code, minor, customer_ref, text
    )
    reference = " ".join(p for p in (customer_ref, text) if p and p.strip("0"))
    where = f"{name}:{record.line}"
    reason = None
    if not 100 <= number <= 399:
        reason = f"type code {code} is not a standard BAI2 credit (kept, not matched)"
    elif code in _CODE_REASONS:
        reason = _CODE_REASONS[code]
    elif amount == 0:
        reason = ZERO
    elif code in _GENERIC:
        reason = reason_from_text(own_text)
    if reason is not None:
        statement.not_receipts.append(
            NotReceipt(
                payment_id, context.as_of, amount, context.currency, reference, reason, where
            )
        )
    else:
        payer = _payer([own_text, *continuation])
        statement.receipts.append(
            BankLine(payment_id, context.as_of, amount, context.currency, payer, reference)
        )
    return minor


def _payer(pieces: list[str]) -> str:
    for pattern in _PAYER_KEYS:
        for piece in pieces:
            found = pattern.search(piece[:1000])
            if found and found["v"].strip(" ,;"):
                return found["v"].strip(" ,;")
    return payer_from_text(" ".join(pieces))


def _funds_extra(funds: str, fields: list[str], start: int, record: Record, name: str) -> int:
    """How many fields the funds type adds: V value date+time, S three amounts, D a count and
    that many day/amount pairs."""
    if funds in _FUNDS_EXTRA:
        return _FUNDS_EXTRA[funds]
    if funds == "D":
        raw = fields[start].strip() if start < len(fields) else ""
        if not _is_number(raw) or int(raw) > (len(fields) - start) // 2:
            raise _field_error(record, name, f"funds type D distribution count '{short(raw)}'")
        return 1 + 2 * int(raw)
    raise _field_error(record, name, f"'{short(funds)}' is not a funds type (0, 1, 2, S, V, D, Z)")


def _signed_minor(text: str, record: Record, context: _Context) -> int:
    if not re.fullmatch(r"(?a)[+-]?\d{1,20}", text):
        raise _field_error(record, context.name, f"amount '{short(text)}' is not a whole number")
    return int(text)


def _check_trailer(
    trailer: Record,
    total: int,
    children: int | None,
    count: int,
    level: str,
    name: str,
    statement: BankStatement,
) -> int:
    """Compares a trailer with the records it closes. A disagreement is a warning (banks do
    send such files); the level above is checked against the records, not this trailer."""
    fields = _expect_fields(trailer, 2, name)
    where = f"{name}:{trailer.line}: {level} trailer"
    stated = _stated_minor(fields[0], trailer, name)
    if stated != total:
        statement.warnings.append(
            f"{where} says control total is {stated}, the records give {total}"
        )
    numbers = [f.strip() for f in fields[1:]]
    if children is not None:
        if not _is_number(numbers[0]) or int(numbers[0]) != children:
            statement.warnings.append(
                f"{where} says {numbers[0] or 'nothing'} "
                f"{'account' if level == 'group' else 'group'}(s), the file has {children}"
            )
        numbers = numbers[1:]
    stated_count = numbers[0] if numbers else ""
    if stated_count and (not _is_number(stated_count) or int(stated_count) != count):
        statement.warnings.append(f"{where} says {stated_count} records, the file has {count}")
    return total


def _stated_minor(text: str, record: Record, name: str) -> int:
    cleaned = text.strip()
    if not re.fullmatch(r"(?a)[+-]?\d{1,20}", cleaned):
        raise _field_error(record, name, f"control total '{short(cleaned)}' is not a number")
    return int(cleaned)


def _is_number(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _expect_fields(record: Record, at_least: int, name: str) -> list[str]:
    fields = record.body.split(",")
    if len(fields) < at_least:
        raise _field_error(record, name, "too few fields")
    return fields


def _date(text: str, record: Record, name: str) -> date:
    cleaned = text.strip()
    try:
        if not re.fullmatch(r"(?a)\d{6}", cleaned):
            raise ValueError
        year = int(cleaned[:2])
        return date(year + (1900 if year >= 80 else 2000), int(cleaned[2:4]), int(cleaned[4:]))
    except ValueError:
        raise _field_error(record, name, f"'{short(cleaned)}' is not a date (YYMMDD)") from None


_KINDS = {
    "01": "file header (01)",
    "02": "group header (02)",
    "03": "account identifier (03)",
    "16": "transaction detail (16)",
    "49": "account trailer (49)",
    "98": "group trailer (98)",
    "99": "file trailer (99)",
}


def _where(record: Record, name: str, what: str) -> str:
    return f"{name}:{record.line}: {_KINDS[record.code]} {what}"


def _field_error(record: Record, name: str, what: str) -> BankFileError:
    return BankFileError(f"{name}:{record.line}: {_KINDS[record.code]}: {what}")


def _unexpected(record: Record, expected: str, name: str) -> BankFileError:
    return BankFileError(
        f"{name}:{record.line}: expected {expected} here, found a {_KINDS[record.code]}"
    )
