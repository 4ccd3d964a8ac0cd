"""Money rules shared by every ERP client: Decimal only, rounded the way a ledger rounds."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# ISO 4217 (list one, current codes) minor units of every currency that does not use two
# decimals; every other code has two. CLDR's (Babel's) "digits" differ on purpose for display
# (IQD 0, LBP 0, HUF cash 0...), so accounting follows ISO, not CLDR. The local ledger stores
# integer cents, so it accepts only currencies with at most two decimals.
_MINOR_UNITS = {
    **dict.fromkeys(
        "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(), 0
    ),
    **dict.fromkeys("BHD IQD JOD KWD LYD OMR TND".split(), 3),
    **dict.fromkeys("CLF UYW".split(), 4),
}

ZERO = Decimal("0.00")


class MoneyError(ValueError):
    """A value that is not a valid amount of money."""


def minor_units(currency: str) -> int:
    return _MINOR_UNITS.get(currency.upper(), 2)


def quantize(amount: Decimal, currency: str = "USD") -> Decimal:
    """Round half up to the currency's minor unit, as ERPs and banks do."""
    exponent = Decimal(1).scaleb(-minor_units(currency))
    return amount.quantize(exponent, rounding=ROUND_HALF_UP)


def parse_amount(text: str, currency: str = "USD") -> Decimal:
    """Parse a decimal string such as ``1234.50``; refuses floats' artefacts and extra decimals."""
    cleaned = text.strip().replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise MoneyError(f"'{text}' is not an amount (expected e.g. 1234.50)") from None
    if not value.is_finite():
        raise MoneyError(f"'{text}' is not an amount (expected e.g. 1234.50)")
    places = minor_units(currency)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise MoneyError(f"'{text}' has more than {places} decimals for {currency}")
    return quantize(value, currency)


def is_currency_code(text: str) -> bool:
    return len(text) == 3 and text.isascii() and text.isalpha() and text.isupper()
