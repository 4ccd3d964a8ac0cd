"""Banks' own CSV exports (with and without a profile), camt.054 and MT942."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from integrations.bank import (
    BankFileError,
    detect_format,
    parse_statement_bytes,
    read_bank_file,
    read_statement,
)
from integrations.erp.local.demo_bank import write_bank_csv
from integrations.erp.records import BankLine

BANK = Path(__file__).parents[1] / "fixtures" / "bank"
CSV = BANK / "csv"
PENDING = "pending: listed by the bank but not booked yet"


def _rows(name: str, profile: str | None = None) -> list[tuple[str, date, str, str]]:
    return [
        (str(r.amount), r.received_on, r.currency, r.payer_name)
        for r in read_bank_file(CSV / name, profile=profile)
    ]


def test_sparkasse_csv_camt_semicolons_decimal_commas_two_digit_years_pending_row() -> None:
    statement = read_statement(CSV / "de-sparkasse-camt-v2.csv")
    assert statement.format == "csv"
    assert [(str(r.amount), r.received_on, r.payer_name) for r in statement.receipts] == [
        ("12345.50", date(2024, 11, 28), "Muster Maschinenbau GmbH"),
        ("980.10", date(2024, 11, 29), "Bäckerei Huber e.K."),
    ]
    assert statement.receipts[0].reference == "RE-2024-1182 Kd 4711"  # NOTPROVIDED dropped
    assert statement.receipts[1].reference == "RE-2024-1190, RE-2024-1191 E2E-4711-22"
    # The RETOURE and the "Umsatz vorgemerkt" row are read and reported, not applied.
    assert [(str(n.amount), n.reason, n.where) for n in statement.not_receipts] == [
        ("450.00", "return of an outgoing payment", f"{CSV / 'de-sparkasse-camt-v2.csv'}:4"),
        ("2000.00", PENDING, f"{CSV / 'de-sparkasse-camt-v2.csv'}:6"),
    ]
    assert statement.debit_count == 1  # the -1.800,00 rent


def test_ing_germany_metadata_lines_cp1252_and_two_currency_columns() -> None:
    assert _rows("de-ing-umsatzanzeige.csv") == [
        ("4250.00", date(2024, 11, 29), "EUR", "Fabrikam Deutschland GmbH"),
        ("1181.17", date(2024, 11, 27), "EUR", "Initech Europe B.V."),
    ]


def test_french_export_with_spaces_as_thousands_and_the_payer_in_the_text() -> None:
    statement = read_statement(CSV / "fr-operations.csv")
    assert [(str(r.amount), r.received_on, r.payer_name) for r in statement.receipts] == [
        ("1250.00", date(2024, 11, 28), "SARL DUPONT FRERES"),
        ("3400.00", date(2024, 11, 26), "SAS MARTIN ET FILS"),
    ]
    assert "FACTURE F-2024-118" in statement.receipts[0].reference
    assert [(str(n.amount), n.reason) for n in statement.not_receipts] == [
        ("780.00", "rejected payment coming back")
    ]


def test_french_debit_and_credit_columns_with_euros_in_the_header() -> None:
    assert _rows("fr-debit-credit.csv") == [
        ("2480.00", date(2024, 12, 2), "EUR", "ATELIERS LEROY"),
        ("615.20", date(2024, 11, 30), "EUR", "BOULANGERIE PETIT"),
    ]


def test_dutch_ing_unsigned_amounts_with_af_bij_and_a_zero_line() -> None:
    statement = read_statement(CSV / "nl-ing.csv")
    assert [(str(r.amount), r.received_on, r.payer_name) for r in statement.receipts] == [
        ("1234.56", date(2024, 11, 28), "Contoso Nederland BV")
    ]
    assert [(n.reason, n.text[:18]) for n in statement.not_receipts] == [
        ("zero-amount information line", "OV Overschrijving ")
    ]
    assert statement.debit_count == 1  # "Af" 23,10


def test_spanish_export_currency_from_the_lines_above_the_header() -> None:
    assert _rows("es-movimientos.csv") == [
        ("1500.00", date(2024, 11, 29), "EUR", "DISTRIBUCIONES GARCIA SL"),
        ("795.50", date(2024, 11, 27), "EUR", "LOPEZ Y ASOCIADOS"),
    ]


def test_us_export_month_first_dates_mean_dollars_and_returns_are_reported() -> None:
    statement = read_statement(CSV / "us-chase.csv")
    assert [
        (str(r.amount), r.received_on, r.currency, r.payer_name) for r in statement.receipts
    ] == [
        ("11510.00", date(2024, 11, 29), "USD", "ACME IND SUPPLY"),
        ("1250.00", date(2024, 11, 27), "USD", "GLOBEX CORPORATION"),
    ]
    assert [(str(n.amount), n.reason) for n in statement.not_receipts] == [
        ("310.00", "return of an outgoing payment")
    ]


@pytest.mark.parametrize(
    ("profile", "name"),
    [
        ("de-sparkasse", "de-sparkasse-camt-v2.csv"),
        ("de-ing", "de-ing-umsatzanzeige.csv"),
        ("nl-ing", "nl-ing.csv"),
        ("fr-debit-credit", "fr-debit-credit.csv"),
    ],
)
def test_built_in_profiles_read_what_detection_reads(profile: str, name: str) -> None:
    with_profile = read_statement(CSV / name, profile=profile)
    assert with_profile == read_statement(CSV / name)
    assert with_profile.receipts


def test_the_chase_profile_leaves_the_details_column_out_of_the_reference() -> None:
    lines = read_bank_file(CSV / "us-chase.csv", profile="us-chase")
    assert lines[1].reference == "WIRE FROM GLOBEX CORPORATION REF INV-10440"
    assert [str(r.amount) for r in lines] == ["11510.00", "1250.00"]


def test_a_profile_file_maps_an_export_nothing_detects(tmp_path: Path) -> None:
    export = tmp_path / "export.txt"
    export.write_text(
        "Kontoauszug 11/2024\n"
        "Tag|Betrag in EUR|Gegenseite|Text|Status\n"
        "03.11.2024|1'250.75|Alpha AG|Rechnung 77|gebucht\n"
        "04.11.2024|-80.00|Post|Porto|gebucht\n"
        "05.11.2024|99.00|Beta GmbH|Rechnung 78|offen\n",
        encoding="utf-8",
    )
    profile = tmp_path / "bank.toml"
    profile.write_text(
        'delimiter = "|"\ndecimal = "."\nthousands = "\'"\ndate_format = "%d.%m.%Y"\n'
        'skip_lines = 1\ncurrency = "CHF"\n'
        '[columns]\ndate = "Tag"\namount = 2\npayer = "Gegenseite"\nreference = "Text"\n'
        'status = "Status"\n[skip]\nstatus = ["offen"]\n',
        encoding="utf-8",
    )
    with pytest.raises(BankFileError, match=r"export\.txt:1: not a bank file this reader knows"):
        read_statement(export)
    statement = read_statement(export, profile=str(profile))
    assert statement.receipts == [
        BankLine(
            statement.receipts[0].payment_id,
            date(2024, 11, 3),
            Decimal("1250.75"),
            "CHF",
            "Alpha AG",
            "Rechnung 77",
        )
    ]
    assert [
        (n.payer_name if hasattr(n, "payer_name") else n.reason) for n in statement.not_receipts
    ] == [PENDING]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("delimiter = ';'\n", "needs 'date' and 'amount'"),
        ("[columns]\ndate = 'D'\namount = 'A'\nsurprise = 'x'\n", "unknown column role 'surprise'"),
        ("[columns]\ndate = true\namount = 'A'\n", "column 'date' must be a header name or number"),
        ("skip_lines = -1\n[columns]\ndate = 'D'\namount = 'A'\n", "'skip_lines' must be"),
        ("delimiter = ';;'\n[columns]\ndate = 'D'\namount = 'A'\n", "'delimiter' must be a text"),
        ("[columns\n", "not a TOML profile"),
    ],
)
def test_a_bad_profile_is_a_clear_error(text: str, message: str, tmp_path: Path) -> None:
    profile = tmp_path / "bad.toml"
    profile.write_text(text, encoding="utf-8")
    with pytest.raises(BankFileError, match=message):
        read_statement(CSV / "nl-ing.csv", profile=str(profile))


def test_an_unknown_profile_name_lists_the_built_in_ones() -> None:
    with pytest.raises(BankFileError, match=r"no such profile \(built-in: de-ing, de-sparkasse"):
        read_statement(CSV / "nl-ing.csv", profile="no-such-bank")


def test_a_profile_column_missing_from_the_header_names_the_line(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text("[columns]\ndate = 'Datum'\namount = 'Betrag'\n", encoding="utf-8")
    with pytest.raises(BankFileError, match=r"nl-ing\.csv:1: the header has no column 'Betrag'"):
        read_statement(CSV / "nl-ing.csv", profile=str(profile))


def test_dates_that_fit_day_first_and_month_first_need_a_profile() -> None:
    data = b"Date;Amount;Currency;Description\n01/02/2024;10,00;EUR;x\n03/04/2024;5,00;EUR;y\n"
    with pytest.raises(BankFileError, match=r"^a\.csv:2: every date fits both day-first"):
        parse_statement_bytes(data, "a.csv")


def test_an_export_without_any_currency_is_refused_with_the_fix() -> None:
    data = b"Date;Amount;Description\n21.11.2024;10,00;x\n"
    with pytest.raises(BankFileError, match=r"^b\.csv:2: no currency .*currency = \"EUR\""):
        parse_statement_bytes(data, "b.csv")


def test_arbots_own_csv_layout_is_unchanged(tmp_path: Path) -> None:
    lines = [
        BankLine("P1", date(2026, 11, 20), Decimal("11510.00"), "USD", "ACME", "INV-10432"),
        BankLine("P2", date(2026, 11, 21), Decimal("7.05"), "EUR", "Globex, Inc.", "a;b"),
    ]
    path = tmp_path / "bank.csv"
    write_bank_csv(path, lines)
    assert detect_format(path.read_bytes()) == "csv"
    assert read_bank_file(path) == lines


# --- camt.054 and MT942 -----------------------------------------------------------------------


def test_camt054_v13_batch_split_return_and_fx_leg() -> None:
    statement = read_statement(BANK / "notification.camt054v13.xml")
    assert statement.format == "camt054"
    assert statement.receipts == [
        BankLine(
            "E2E-NW-10470",
            date(2026, 11, 20),
            Decimal("1000.00"),
            "EUR",
            "Northwind Traders",
            "INV-10470",
        ),
        # 500.000: zeros beyond the cents are accepted; the value date is the only date.
        BankLine(
            "E2E-IN-10471", date(2026, 11, 20), Decimal("500.00"), "EUR", "Initech", "INV-10471"
        ),
    ]
    assert [(n.payment_id, n.reason) for n in statement.not_receipts] == [
        ("NTF-RTRN-0002", "return of an outgoing payment"),
        ("NTF-FX-0003", "currency-conversion leg"),
    ]


def test_camt_extra_digits_that_are_not_zeros_are_refused() -> None:
    data = (BANK / "notification.camt054v13.xml").read_bytes().replace(b"500.000", b"500.001")
    with pytest.raises(BankFileError) as raised:
        parse_statement_bytes(data, "n.xml")
    assert str(raised.value) == (
        "n.xml:28: Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry[1]/NtryDtls/TxDtls[2]/Amt: "
        "amount '500.001' has more than 2 decimals for EUR"
    )


def test_mt942_intraday_currency_from_the_floor_limit_and_a_reversal() -> None:
    statement = read_statement(BANK / "intraday.mt942", format="mt942")
    assert statement.format == "mt940"
    (receipt,) = statement.receipts
    assert (receipt.payment_id, receipt.amount, receipt.currency, receipt.payer_name) == (
        "MT940-HX0087652",
        Decimal("2450.00"),
        "EUR",
        "Fabrikam GmbH",
    )
    assert "RE INV-10480" in receipt.reference
    assert [(str(n.amount), n.reason) for n in statement.not_receipts] == [
        ("99.90", "reversal of an earlier entry")
    ]
    assert detect_format((BANK / "intraday.mt942").read_bytes()) == "mt940"


def test_the_profile_examples_in_the_docs_read_a_german_and_a_french_export(
    tmp_path: Path,
) -> None:
    docs = (Path(__file__).parents[2] / "docs" / "bank-formats.md").read_text(encoding="utf-8")
    german, french = [block.split("```", 1)[0] for block in docs.split("```toml\n")[1:3]]
    for text, name in ((german, "de-sparkasse-camt-v2.csv"), (french, "fr-banque-deux-lignes.csv")):
        profile = tmp_path / f"{name}.toml"
        profile.write_text(text, encoding="utf-8")
        with_profile = read_statement(CSV / name, profile=str(profile))
        assert with_profile.receipts == read_statement(CSV / name).receipts
    assert [(str(r.amount), r.payer_name) for r in with_profile.receipts] == [
        ("1180.00", "SARL DUPONT"),
        ("2300.00", "EURL BERNARD"),
    ]


def test_an_oversized_or_binary_profile_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * 100_000)
    with pytest.raises(BankFileError, match="a profile is a few lines of TOML"):
        read_statement(CSV / "nl-ing.csv", profile=str(big))
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(BankFileError, match="not a TOML profile"):
        read_statement(CSV / "nl-ing.csv", profile=str(binary))


def test_the_module_prints_what_each_file_holds_and_fails_on_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from integrations.bank.__main__ import main

    bad = tmp_path / "bad.bai2"
    bad.write_bytes(b"01,A,B,261121,0800,1,80,,2/\n16,195,1,Z,R,,X/\n")
    assert main([str(CSV / "de-sparkasse-camt-v2.csv")]) == 0
    out = capsys.readouterr().out
    assert "csv, 2 receipt(s), 2 not customer receipts" in out
    assert "1 pending: listed by the bank but not booked yet" in out
    assert main(["-v", str(BANK / "intraday.mt942"), str(bad)]) == 1
    out = capsys.readouterr().out
    assert "receipt MT940-HX0087652 2026-11-20 2450.00 EUR payer='Fabrikam GmbH'" in out
    assert f"FAILED {bad}:2: expected a group header (02) or the file trailer (99) here" in out
