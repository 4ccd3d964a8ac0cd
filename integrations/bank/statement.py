"""What every reader returns: the receipts to apply and the credits that are not receipts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from integrations.bank.errors import BankFileError
from integrations.erp.money import minor_units
from integrations.erp.records import BankLine

# Larger than any real payment; keeps a typo or garbage from becoming a 30-digit amount.
MAX_INTEGER_DIGITS = 13
_AMOUNT = re.compile(r"(?a)(?P<whole>\d+)(?:[.,](?P<fraction>\d*))?")

# Reasons a credit is not a customer receipt, as the run summary shows them.
RETURN = "return of an outgoing payment"
REJECT = "rejected payment coming back"
REVERSAL = "reversal of an earlier entry"
FX_LEG = "currency-conversion leg"
ZERO = "zero-amount information line"
INTERNAL = "internal transfer between own accounts"
CORRECTION = "bank correction or adjustment"
INTEREST = "interest or investment income from the bank"


@dataclass(frozen=True, slots=True)
class NotReceipt:
    """A credit (or reversal) read from the file that is not cash to apply, and why."""

    payment_id: str
    received_on: date
    amount: Decimal
    currency: str
    text: str
    reason: str
    where: str  # ``file:line`` or ``file:line: Element/Path``


@dataclass(slots=True)
class BankStatement:
    """A bank file read whole: ``receipts`` are customer payments to match, ``not_receipts``
    the other credits with their reason; debits are only counted."""

    format: str
    receipts: list[BankLine] = field(default_factory=list)
    not_receipts: list[NotReceipt] = field(default_factory=list)
    debit_count: int = 0
    # Problems that do not make the file unreadable, e.g. a BAI2 control total that disagrees
    # with the records (``file:line: ...``); shown to the user with the run.
    warnings: list[str] = field(default_factory=list)


def parse_money(text: str, currency: str, where: str, label: str = "") -> Decimal:
    """An unsigned amount written ``1234.50`` or ``1234,50`` (SWIFT); digits beyond the
    currency's minor units are accepted when they are zeros (``105.750`` EUR is 105.75)."""
    cleaned = text.strip()
    found = _AMOUNT.fullmatch(cleaned)
    if not found:
        raise BankFileError(
            f"{where}: {label}'{_short(text)}' is not an amount (expected e.g. 1234.50)"
        )
    whole, fraction = found["whole"], found["fraction"] or ""
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise BankFileError(f"{where}: {label or 'amount '}'{_short(text)}' is too large")
    places = minor_units(currency)
    if fraction[places:].strip("0"):
        raise BankFileError(
            f"{where}: {label or 'amount '}'{_short(text)}' has more than {places} decimals "
            f"for {currency}"
        )
    kept = fraction[:places].ljust(places, "0")
    return Decimal(f"{int(whole)}.{kept}") if places else Decimal(int(whole))


def minor_to_amount(digits: str, currency: str, where: str) -> Decimal:
    """An amount written in minor units without a decimal point (BAI2): ``1151000`` = 11510.00."""
    cleaned = digits.strip().lstrip("+")
    if not cleaned.isdigit() or not cleaned.isascii():
        raise BankFileError(f"{where}: '{_short(digits)}' is not an amount in minor units")
    if len(cleaned.lstrip("0")) > MAX_INTEGER_DIGITS + 3:
        raise BankFileError(f"{where}: amount '{_short(digits)}' is too large")
    return (
        Decimal(int(cleaned))
        .scaleb(-minor_units(currency))
        .quantize(Decimal(1).scaleb(-minor_units(currency)))
    )


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"


def short(text: str, limit: int = 40) -> str:
    """``text`` cut for an error message, newlines shown as spaces."""
    return _short(text, limit)


_REASON_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?a)\b(STORNO|REVERSAL|REVERSED|RUECKBUCHUNG|RÜCKBUCHUNG)\b", re.I), REVERSAL),
    (re.compile(r"(?a)\b(REJECT(ED)?|REJET|ABGELEHNT)\b", re.I), REJECT),
    (
        re.compile(
            r"(?a)\b(RETOURE?N?|RETURN(ED)?|RUECKUEBERWEISUNG|RÜCKÜBERWEISUNG|RUECKLASTSCHRIFT"
            r"|RÜCKLASTSCHRIFT|RETOUR|TERUGBOEKING|STORNERING)\b",
            re.I,
        ),
        RETURN,
    ),
    (
        re.compile(r"(?a)\b(FX|DEVISEN|FOREIGN EXCHANGE|CHANGE DE DEVISES|WISSELKOERS)\b", re.I),
        FX_LEG,
    ),
)


def reason_from_text(text: str) -> str | None:
    """A not-receipt reason a bank wrote in words (``RETOURE``, ``Reject``, ``STORNO``)."""
    for pattern, reason in _REASON_WORDS:
        if pattern.search(text):
            return reason
    return None
