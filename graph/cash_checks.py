"""What a bank line must be before cash application writes anything for it: an amount the
ledger and the store can hold, text the database accepts, a currency the ledger keeps."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from integrations.erp.money import is_currency_code, minor_units
from integrations.erp.records import BankLine

# The ledger and the store keep integer cents in 64-bit columns; stay far below that so sums
# of many lines cannot overflow either.
MAX_AMOUNT = Decimal("999999999999999.99")
CENT = Decimal("0.01")
MAX_PAYMENT_ID = 64  # the ledger's payment id column
MAX_PAYER_NAME = 400  # the store's bank-line column
MAX_REFERENCE = 10_000
MAX_SHOWN = 20


class CashRunError(Exception):
    """A run that did not start or could not go on; the message says why, in one line."""


class InvalidBankLines(CashRunError):
    """Lines that cannot be applied; nothing from the file was written."""

    def __init__(self, source: str, problems: list[str]) -> None:
        shown = problems[:MAX_SHOWN]
        more = len(problems) - len(shown)
        text = f"{source}: nothing was applied: " + "; ".join(shown)
        super().__init__(text + (f"; and {more} more" if more > 0 else ""))
        self.problems = problems


def _text_problem(value: object, what: str, limit: int, *, control: bool) -> str | None:
    if not isinstance(value, str):
        return f"{what} is not text"
    if "\x00" in value:
        return f"{what} contains a NUL byte"
    if control and any(ord(c) < 32 or ord(c) == 127 for c in value):
        return f"{what} contains a control character"
    if len(value) > limit:
        return f"{what} is {len(value)} characters long (at most {limit})"
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        return f"{what} is not valid Unicode"
    return None


def _amount_problem(amount: object, currency: str) -> str | None:
    if not isinstance(amount, Decimal) or not amount.is_finite():
        return f"amount {amount!r} is not a finite decimal"
    if amount <= 0:
        return f"amount {amount} is not a credit"
    if amount > MAX_AMOUNT:
        return f"amount {amount} is more than the ledger can hold ({MAX_AMOUNT})"
    if amount != amount.quantize(CENT, rounding="ROUND_DOWN"):
        return f"amount {amount} has more than 2 decimals (the ledger keeps cents)"
    if minor_units(currency) == 0 and amount != amount.to_integral_value():
        return f"amount {amount} has decimals, which {currency} has not"
    return None


def line_problems(line: BankLine) -> list[str]:
    problems = [
        _text_problem(line.payment_id, "payment_id", MAX_PAYMENT_ID, control=True),
        _text_problem(line.payer_name, "payer name", MAX_PAYER_NAME, control=False),
        _text_problem(line.reference, "reference", MAX_REFERENCE, control=False),
    ]
    if isinstance(line.payment_id, str) and not line.payment_id.strip():
        problems.append("payment_id is empty")
    if not isinstance(line.currency, str) or not is_currency_code(line.currency):
        problems.append(f"currency {line.currency!r} is not an ISO 4217 code")
    else:
        problems.append(_amount_problem(line.amount, line.currency))
    if not isinstance(line.received_on, date):
        problems.append(f"date {line.received_on!r} is not a date")
    return [p for p in problems if p]


def bank_line_problems(lines: Iterable[BankLine], source: str) -> list[str]:
    """Every problem of every line, as ``source: bank line N (payment id): problem``."""
    problems = []
    first: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        label = line.payment_id if isinstance(line.payment_id, str) else "?"
        where = f"bank line {number} ({label[:MAX_PAYMENT_ID].encode('unicode_escape').decode()})"
        problems += [f"{where}: {problem}" for problem in line_problems(line)]
        if label in first:
            problems.append(f"{where}: payment_id repeats bank line {first[label]}")
        first.setdefault(label, number)
    return problems
