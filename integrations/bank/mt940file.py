"""SWIFT MT940 (statement) and MT942 (intraday report), as banks write them.

Read line by line so that every error names its line: tags ``:NN[a]:`` start fields, other
lines continue the field before them; SWIFT block wrappers (``{1:..}{4:`` ... ``-}``), bank
headers above the first ``:20:`` and control characters are skipped. One statement per ``:20:``;
a file may hold many, in several currencies. Each ``:61:`` with its ``:86:`` is one entry;
credits (mark ``C``) become receipts unless they are returns, rejects, reversals (``RC``/``RD``),
currency-conversion legs or zero-amount information lines. The ``:86:`` text is read as German
GVC subfields (``166?00GUTSCHRIFT?20EREF+...?32payer``), slash tags (``/EREF/.../NAME/...``) or
free text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import chain

from integrations.bank import mt940text
from integrations.bank.errors import BankFileError, Unstreamable, hashed_id
from integrations.bank.statement import (
    FX_LEG,
    RETURN,
    REVERSAL,
    ZERO,
    BankStatement,
    NotReceipt,
    parse_money,
    reason_from_text,
    short,
)
from integrations.erp.money import is_currency_code
from integrations.erp.records import BankLine

_TAG = re.compile(r"(?a)^:(?P<tag>\d\d[A-Z]?):(?P<value>.*)$")
_STATEMENT_LINE = re.compile(
    r"(?a)(?P<value>\d{6})(?P<entry>\d{4}|\s{4})?(?P<mark>R?[DC])(?P<funds>[A-Z])?\s?"
    # The transaction type (``NTRF``) ends the amount; whatever else follows it is no amount.
    r"(?P<amount>\d[\d,.]*)(?:(?P<type>[NFS][A-Z0-9]{3})(?P<rest>.*))?"
)
_BALANCE = re.compile(
    r"(?a)(?P<mark>[DC])(?P<date>\d{6})(?P<currency>[A-Z]{3})(?P<amount>\d[\d,.]*)"
)
_FLOOR = re.compile(r"(?a)(?P<currency>[A-Z]{3})[DC]?(?P<amount>\d[\d,.]*)")
# SWIFT transaction type codes that are never a customer's payment.
_TYPE_REASONS = {"NRTI": RETURN, "FRTI": RETURN, "NFEX": FX_LEG, "FFEX": FX_LEG}
_MAX_LINE = 10_000


@dataclass
class _Field:
    tag: str
    line: int
    lines: list[str] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)  # line lengths, the tag left out


@dataclass
class _Statement:
    reference: str = ""
    account: str = ""
    currency: str = ""
    fields: list[_Field] = field(default_factory=list)


def _fields(text: str, name: str) -> list[_Statement]:
    statements: list[_Statement] = []
    for item in read_fields(text.splitlines(), name):
        if item.tag == "20":
            statements.append(_Statement())
        statements[-1].fields.append(item)
    if not statements:
        raise BankFileError(f"{name}:1: no statement (:20:) in the file")
    return statements


def read_fields(lines: Iterable[str], name: str) -> Iterator[_Field]:
    """The fields of ``lines`` (the file's lines, as ``str.splitlines`` gives them), each handed
    on once it ends (at the next tag, a block's end or the file's), the first a ``:20:``."""
    started = False
    last: _Field | None = None
    for number, raw in enumerate(lines, start=1):
        if len(raw) > _MAX_LINE:
            raise BankFileError(f"{name}:{number}: line of {len(raw)} characters is not MT940")
        clean = raw.strip("\x00\x01\x02\x03\x1a\r")
        line = clean.rstrip()
        if line.startswith("{"):  # SWIFT blocks {1:..}{2:..}{4:
            line = re.sub(r"(?a)^(\{\d:[^{}]*\})*(\{4:)?", "", line)
        if line in ("-", "-}") or line.startswith("-}") or line == "-XXX":
            if last is not None:
                yield last
            last = None
            continue
        found = _TAG.match(line)
        if found:
            tag = found["tag"]
            started = started or tag == "20"
            if not started:
                raise BankFileError(f"{name}:{number}: field :{tag}: before the first :20:")
            if last is not None:
                yield last
            last = _Field(tag, number, [found["value"]], [len(clean) - len(tag) - 2])
        elif last is not None and line.strip():
            last.lines.append(clean)
            last.widths.append(len(clean))
        # Anything else outside a field is a bank's header or trailer line (``940``, a BIC).
    if last is not None:
        yield last


def parse_mt940(text: str, name: str) -> BankStatement:
    result = BankStatement("mt940")
    for statement in _fields(text, name):
        _header(statement, name)
        fields = statement.fields
        movement = Decimal(0)
        for index, item in enumerate(fields):
            if item.tag != "61":
                continue
            details = fields[index + 1] if index + 1 < len(fields) else None
            info = details if details is not None and details.tag == "86" else None
            movement += _file(_entry(statement, item, info, name), result)
        _check_balances(statement, movement, name, result)
    return result


def mt940_entries(fields: Iterable[_Field], name: str, result: BankStatement) -> Iterator[None]:
    """``parse_mt940`` a field at a time (``read_fields``): reads them into ``result``,
    handing on after each entry (its receipt, if it is one, is the last of
    ``result.receipts``). A statement's header (``:25:``, the balance or floor limit giving its
    currency) must come before its first ``:61:``: raises ``Unstreamable`` otherwise."""
    statement: _Statement | None = None
    pending: _Field | None = None  # a :61: waiting for the field after it (its :86:)
    movement, entries = Decimal(0), False
    for item in chain(fields, (None,)):
        if pending is not None:
            assert statement is not None
            info = item if item is not None and item.tag == "86" else None
            movement += _file(_entry(statement, pending, info, name), result)
            pending = None
            yield
        if item is None or item.tag == "20":
            if statement is not None:
                if not entries:
                    _header(statement, name)
                _check_balances(statement, movement, name, result)
            if item is None:
                if statement is None:
                    raise BankFileError(f"{name}:1: no statement (:20:) in the file")
                break
            statement, movement, entries = _Statement(), Decimal(0), False
        assert statement is not None  # read_fields' first field is a :20:
        if item.tag == "61":
            if not entries:
                _header(statement, name)
                entries = True
            pending = item
        elif item.tag != "86":  # the entries' fields are not kept
            if entries and item.tag == "25":
                raise Unstreamable(f"{name}:{item.line}: :25: after the statement's entries")
            statement.fields.append(item)


def _file(read: tuple[BankLine | NotReceipt | None, Decimal], result: BankStatement) -> Decimal:
    """An entry filed as a receipt, a not-receipt or a debit (None); its signed amount."""
    entry, signed = read
    if isinstance(entry, BankLine):
        result.receipts.append(entry)
    elif isinstance(entry, NotReceipt):
        result.not_receipts.append(entry)
    else:
        result.debit_count += 1
    return signed


def _balance(item: _Field, name: str) -> Decimal:
    value = item.lines[0].strip().replace(" ", "")
    found = _BALANCE.fullmatch(value)
    if not found:
        raise BankFileError(
            f"{name}:{item.line}: :{item.tag}: '{short(value)}' is not a balance "
            "(e.g. C240312EUR1234,56)"
        )
    amount = parse_money(found["amount"], found["currency"], f"{name}:{item.line}")
    return -amount if found["mark"] == "D" else amount


def _check_balances(
    statement: _Statement, movement: Decimal, name: str, result: BankStatement
) -> None:
    """An MT940 statement runs from its opening to its closing balance: a statement that stops
    before its closing balance was cut off; one whose entries do not add up is reported."""
    opening = next((f for f in statement.fields if f.tag in ("60F", "60M", "60")), None)
    if opening is None:  # an MT942 report has neither
        return
    closing = next((f for f in statement.fields if f.tag in ("62F", "62M", "62")), None)
    if closing is None:
        last = statement.fields[-1]
        raise BankFileError(
            f"{name}:{last.lines and last.line}: statement '{short(statement.reference)}' ends "
            "without its closing balance (:62F:): the file is cut off"
        )
    expected = _balance(opening, name) + movement
    stated = _balance(closing, name)
    if expected != stated:
        result.warnings.append(
            f"{name}:{closing.line}: closing balance {stated} {statement.currency} but the "
            f"opening balance and the entries give {expected}"
        )


def _header(statement: _Statement, name: str) -> None:
    for item in statement.fields:
        value = item.lines[0].strip()
        if item.tag == "20":
            statement.reference = value
        elif item.tag == "25":
            statement.account = value
        elif item.tag in ("60F", "60M", "60") and not statement.currency:
            found = _BALANCE.fullmatch(value.replace(" ", ""))
            if not found:
                raise BankFileError(
                    f"{name}:{item.line}: :{item.tag}: '{short(value)}' is not a "
                    "balance (e.g. C240312EUR1234,56)"
                )
            statement.currency = found["currency"]
        elif item.tag == "34F" and not statement.currency:  # MT942 floor limit
            found = _FLOOR.match(value)
            if found:
                statement.currency = found["currency"]
    if not statement.currency:
        first = statement.fields[0]
        raise BankFileError(
            f"{name}:{first.line}: statement '{short(statement.reference)}' has no opening "
            "balance (:60F:) or floor limit (:34F:) giving its currency"
        )
    if not is_currency_code(statement.currency):
        raise BankFileError(
            f"{name}:{statement.fields[0].line}: '{statement.currency}' is not a currency"
        )


def _entry(
    statement: _Statement, item: _Field, info: _Field | None, name: str
) -> tuple[BankLine | NotReceipt | None, Decimal]:
    """The entry as a receipt, a not-receipt or None for a debit, and its signed amount."""
    where = f"{name}:{item.line}"
    found = _STATEMENT_LINE.fullmatch(item.lines[0].strip())
    if not found:
        raise BankFileError(
            f"{where}: :61: '{short(item.lines[0])}' is not a statement line "
            "(YYMMDD[MMDD]C|D|RC|RD amount type reference)"
        )
    value_date = _date(found["value"], where)
    booked = _entry_date(value_date, found["entry"] or "", where)
    mark = found["mark"]
    currency = statement.currency
    amount = parse_money(found["amount"], currency, where)
    signed = amount if mark in ("C", "RD") else -amount
    if mark == "D":
        return None, signed
    rest = found["rest"] or ""
    customer_ref, _, bank_ref = rest.partition("//")
    customer_ref, bank_ref = customer_ref.strip(), bank_ref.strip()
    supplementary = " ".join(part.strip() for part in item.lines[1:])
    details = mt940text.read(info.lines if info is not None else [], info.widths if info else [])
    text = " ".join(p for p in (details.text, supplementary) if p)
    type_code = found["type"] or ""
    reason: str | None = None
    if mark in ("RC", "RD"):
        reason = REVERSAL
    elif type_code in _TYPE_REASONS:
        reason = _TYPE_REASONS[type_code]
    elif details.reason:
        reason = details.reason
    elif amount == 0:
        reason = ZERO
    else:
        reason = reason_from_text(details.posting_text)
    received = booked or value_date
    payment_id = _payment_id(statement, bank_ref, received, mark, amount, customer_ref, text)
    if reason is not None:
        return NotReceipt(payment_id, received, signed, currency, text, reason, where), signed
    reference = " ".join(p for p in (details.reference, _useful(customer_ref)) if p) or text
    return BankLine(payment_id, received, amount, currency, details.payer, reference), signed


def _useful(reference: str) -> str:
    return "" if reference.upper() in ("NONREF", "NOTPROVIDED", "N", "") else reference


def _payment_id(
    statement: _Statement,
    bank_ref: str,
    received: date,
    mark: str,
    amount: Decimal,
    customer_ref: str,
    text: str,
) -> str:
    if _useful(bank_ref):
        return f"MT940-{bank_ref}"
    return hashed_id(
        "MT940", statement.account, received, mark, amount, statement.currency, customer_ref, text
    )


def _date(text: str, where: str) -> date:
    try:
        year = int(text[:2])
        return date(year + (1900 if year >= 80 else 2000), int(text[2:4]), int(text[4:6]))
    except ValueError:
        raise BankFileError(f"{where}: '{text}' is not a date (YYMMDD)") from None


def _entry_date(value_date: date, text: str, where: str) -> date | None:
    if not text.strip():
        return None
    month, day = int(text[:2]), int(text[2:])
    year = value_date.year
    # A December value date booked in January (or the reverse) crosses the year.
    if value_date.month == 12 and month == 1:
        year += 1
    elif value_date.month == 1 and month == 12:
        year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        raise BankFileError(f"{where}: '{text}' is not an entry date (MMDD)") from None
