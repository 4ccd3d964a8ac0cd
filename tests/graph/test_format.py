"""Money and dates as the team writes them: ARBOT_LOCALE through Babel, ISO 4217 decimals
whatever the locale, and the built-in style unchanged when no locale is set."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.format import day, money
from tests.conftest import Cli


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        ("12400.50", "USD", "$12,400.50"),
        ("-80.10", "EUR", "-€80.10"),
        ("1250", "CAD", "CAD 1,250.00"),
        ("1234", "XOF", "XOF 1,234"),
        ("1234.567", "TND", "TND 1,234.567"),
        ("99", "UGX", "UGX 99"),
    ],
)
def test_without_a_locale_the_built_in_style_with_iso_decimals(
    amount: str, currency: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARBOT_LOCALE", raising=False)
    assert money(Decimal(amount), currency) == shown
    assert day(date(2026, 11, 4)) == "2026-11-04"


@pytest.mark.parametrize(
    ("locale", "usd", "tnd", "xof", "when"),
    [
        ("en_US", "$12,400.50", "TND1,234.567", "F\xa0CFA1,234", "Nov 4, 2026"),
        ("de_DE", "12.400,50\xa0$", "1.234,567\xa0TND", "1.234\xa0F\xa0CFA", "04.11.2026"),
        ("en_GB", "US$12,400.50", "TND1,234.567", "F\xa0CFA1,234", "04/11/2026"),
    ],
)
def test_the_locale_writes_money_and_dates_its_own_way(
    locale: str, usd: str, tnd: str, xof: str, when: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARBOT_LOCALE", locale)
    assert money(Decimal("12400.50"), "USD").replace("\u202f", "\xa0") == usd
    assert money(Decimal("1234.567"), "TND").replace("\u202f", "\xa0") == tnd
    assert money(Decimal("1234"), "XOF").replace("\u202f", "\xa0") == xof
    assert day(date(2026, 11, 4)) == when


def test_an_answer_in_german(arbot: Cli) -> None:
    assert arbot("demo", "--no-chat").exit_code == 0
    result = arbot("ask", "what does globex owe?", ARBOT_LOCALE="de_DE")
    assert result.exit_code == 0, result.output
    assert "Globex Corporation owes " in result.stdout
    first = result.stdout.split("owes ", 1)[1].split(" on ", 1)[0]
    assert first.endswith("\xa0$") and "," in first  # 21.598,98 $


@pytest.mark.parametrize("name", ["xx_YY", "english", "../de_DE"])
def test_an_unknown_locale_is_refused_in_one_line(arbot: Cli, name: str) -> None:
    result = arbot("ask", "total AR", ARBOT_LOCALE=name)
    assert result.exit_code == 1
    assert result.stderr.startswith("arbot: ARBOT_LOCALE=")
    assert "is not a locale" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
