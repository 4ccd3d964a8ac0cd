"""How every command writes JSON (bot.cli.jsonout): money with the exact digits of its
Decimal, as a number by default or as a string with ARBOT_JSON_MONEY=string; everything else
byte for byte as json.dumps writes it."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli.jsonout import dumps, money_from_float

# Amounts as ledgers hold them: up to 4 decimals (ISO 4217's most), any sign, up to 10^15.
amounts = st.builds(
    lambda units, places: Decimal(units).scaleb(-places),
    st.integers(min_value=-(10**19), max_value=10**19),
    st.integers(min_value=0, max_value=4),
)
plain = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)
# The machine the suite runs on may be busy: time is not what these properties are about.
patient = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def digits(value: Decimal) -> tuple:
    """What a Decimal says exactly: sign, digits and exponent (115.90 is not 115.9)."""
    return value.as_tuple()


@patient
@given(amounts)
def test_a_number_printed_parses_back_to_the_same_decimal(amount: Decimal) -> None:
    text = dumps({"amount": amount}, money="number")
    parsed = json.loads(text, parse_float=Decimal, parse_int=Decimal)["amount"]
    assert digits(parsed) == digits(amount)
    # ...and any JSON reader gets the number (a float where its reader makes one).
    assert float(json.loads(text)["amount"]) == float(amount)


@patient
@given(amounts)
def test_a_string_printed_is_the_same_decimal(amount: Decimal) -> None:
    parsed = json.loads(dumps([amount], money="string"))[0]
    assert isinstance(parsed, str)
    assert digits(Decimal(parsed)) == digits(amount)


@patient
@given(plain)
def test_everything_else_is_written_as_json_dumps_writes_it(value: object) -> None:
    for money in ("number", "string"):
        assert dumps(value, money=money) == json.dumps(value, indent=2, ensure_ascii=False)
        assert dumps(value, money=money, indent=None) == json.dumps(value, ensure_ascii=False)


def test_no_float_artefacts_and_trailing_zeros_kept() -> None:
    total = Decimal("0.10") + Decimal("0.20")
    assert 0.1 + 0.2 == 0.30000000000000004  # what a float would have written
    assert dumps({"total": total, "jpy": Decimal("1000"), "bhd": Decimal("12.345")}) == (
        '{\n  "total": 0.30,\n  "jpy": 1000,\n  "bhd": 12.345\n}'
    )
    assert dumps([Decimal("1E+3"), Decimal("-0.00")], indent=None) == "[1000, -0.00]"


def test_an_amount_that_is_not_finite_is_refused() -> None:
    for broken in (Decimal("NaN"), Decimal("Infinity")):
        with pytest.raises(ValueError, match="not an amount"):
            dumps({"amount": broken})


@patient
@given(amounts, st.sampled_from(["USD", "JPY", "BHD", "CLF"]))
def test_money_stored_as_a_float_comes_back_at_the_currency_minor_units(
    amount: Decimal, currency: str
) -> None:
    places = {"USD": 2, "JPY": 0, "BHD": 3, "CLF": 4}[currency]
    ledger = amount.quantize(Decimal(1).scaleb(-places))
    # a double round-trips 15 significant digits: beyond them not an amount arbot stores
    # (10**13 held only for two places: 9999999999999.981 BHD has 16)
    if abs(ledger) >= Decimal(10) ** (15 - places):
        return
    restored = money_from_float(float(ledger), currency)
    assert restored is not None and digits(restored) == digits(ledger)
