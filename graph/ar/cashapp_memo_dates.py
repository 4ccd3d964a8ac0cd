"""The periods and dates a remittance's memo names: "OCT 2026", "OKTOBER 2026", "10/2026",
"12.10.2026", "2026-10-12"."""

from __future__ import annotations

import re
from datetime import date

from graph.ar.cashapp_reasons import fold

_MONTH_NAMES = {
    1: "JAN JANUARY JANUAR JANV JANVIER ENE ENERO",
    2: "FEB FEBRUARY FEBRUAR FEV FEVR FEVRIER FEBRERO",
    3: "MAR MARCH MAERZ MARZ MARS MARZO",
    4: "APR APRIL AVR AVRIL ABR ABRIL",
    5: "MAY MAI MAYO",
    6: "JUN JUNE JUNI JUIN JUNIO",
    7: "JUL JULY JULI JUIL JUILLET JULIO",
    8: "AUG AUGUST AOUT AGO AGOSTO",
    9: "SEP SEPT SEPTEMBER SEPTEMBRE SEPTIEMBRE",
    10: "OCT OCTOBER OKT OKTOBER OCTOBRE OCTUBRE",
    11: "NOV NOVEMBER NOVEMBRE NOVIEMBRE",
    12: "DEC DECEMBER DEZ DEZEMBER DECEMBRE DIC DICIEMBRE",
}
_MONTH_OF = {word: month for month, words in _MONTH_NAMES.items() for word in words.split()}
_MONTH_YEAR = re.compile(
    r"(?<![A-Z0-9])(" + "|".join(sorted(_MONTH_OF, key=len, reverse=True)) + r")\.?[\s/-]*"
    r"('?\d{2}|20\d{2})(?![\d/.-])"
)
_NUMERIC_MONTH = re.compile(r"(?<![\d/.-])(0?[1-9]|1[0-2])[/.-](20\d{2})(?![\d/.-])")


def named_months(memo: str) -> frozenset[tuple[int, int]]:
    """The (year, month) periods a remittance names with a year: "OCT 2026", "OKTOBER 2026",
    "NOV-26", "10/2026". A month without its year is not counted ("MAY" is also a word)."""
    text = fold(memo)
    found = set()
    for word, year in _MONTH_YEAR.findall(text):
        digits = year.lstrip("'")
        found.add((2000 + int(digits) if len(digits) == 2 else int(digits), _MONTH_OF[word]))
    for month, year in _NUMERIC_MONTH.findall(text):
        found.add((int(year), int(month)))
    return frozenset(found)


_DATE_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})([./])(\d{1,2})\2(20\d{2})(?![\d/.-])")
_DATE_ISO = re.compile(r"(?<![\d/.-])(20\d{2})-(\d{2})-(\d{2})(?![\d/.-])")


def named_dates(memo: str) -> frozenset[date]:
    """The dates a remittance writes in full: "12.10.2026", "2026-10-12", and "10/12/2026" read
    both ways (month first as in the US, day first as elsewhere)."""
    found: set[date] = set()
    for first, separator, second, year in _DATE_DMY.findall(memo):
        orders = [(second, first)] if separator == "." else [(first, second), (second, first)]
        for month, day in orders:
            try:
                found.add(date(int(year), int(month), int(day)))
            except ValueError:
                continue
    for year, month, day in _DATE_ISO.findall(memo):
        try:
            found.add(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return frozenset(found)
