from decimal import Decimal

import pytest

from integrations.erp.money import MoneyError, minor_units, parse_amount, quantize


def test_rounds_half_up_like_a_ledger() -> None:
    assert quantize(Decimal("2.005")) == Decimal("2.01")
    assert quantize(Decimal("2.004")) == Decimal("2.00")
    assert quantize(Decimal("-2.005")) == Decimal("-2.01")
    assert quantize(Decimal("1234.5"), "JPY") == Decimal("1235")


def test_parses_decimal_strings_exactly() -> None:
    assert parse_amount("1234.50") == Decimal("1234.50")
    assert parse_amount("1,234.5") == Decimal("1234.50")
    assert parse_amount("0.1") + parse_amount("0.2") == Decimal("0.30")


@pytest.mark.parametrize("text", ["12.345", "abc", "", "1e400x", "NaN", "inf"])
def test_refuses_what_is_not_money(text: str) -> None:
    with pytest.raises(MoneyError):
        parse_amount(text)


def test_three_decimals_only_where_the_currency_has_them() -> None:
    assert parse_amount("1.234", "KWD") == Decimal("1.234")
    with pytest.raises(MoneyError):
        parse_amount("1.5", "JPY")


@pytest.mark.parametrize(
    ("currency", "places"),
    [
        ("USD", 2), ("EUR", 2), ("XOF", 0), ("UGX", 0), ("PYG", 0), ("JPY", 0), ("XAF", 0),
        ("TND", 3), ("JOD", 3), ("IQD", 3), ("KWD", 3), ("CLF", 4), ("MGA", 2), ("HUF", 2),
    ],
)  # fmt: skip
def test_minor_units_are_iso_4217s(currency: str, places: int) -> None:
    assert minor_units(currency) == places
    assert minor_units(currency.lower()) == places
    one_unit = Decimal(1).scaleb(-places)
    assert quantize(Decimal("1000") + one_unit / 2, currency) == Decimal("1000") + one_unit
