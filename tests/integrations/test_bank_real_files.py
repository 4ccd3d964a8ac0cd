"""The 28 real statement files of tests/fixtures/bank/real (SOURCES.md says where each comes
from): what a person reads in each file, credit by credit, is what the reader returns.

Expected values were taken from the files themselves (the raw :61:/:86: lines, 16/88 records and
Ntry elements), not from the reader's output.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from integrations.bank import BankStatement, read_statement

REAL = Path(__file__).parents[1] / "fixtures" / "bank" / "real"
RETURN = "return of an outgoing payment"
REJECT = "rejected payment coming back"
REVERSAL = "reversal of an earlier entry"
ZERO = "zero-amount information line"
INTERNAL = "internal transfer between own accounts"

# (amount, currency, date, payer, a reference a person reads in the line)
Receipt = tuple[str, str, date, str, str]
# (amount, reason); reversals of credits carry a minus sign (money going out)
Other = tuple[str, str]


def _read(name: str) -> BankStatement:
    return read_statement(REAL / name)


def _check(
    statement: BankStatement, fmt: str, receipts: list[Receipt], others: list[Other], debits: int
) -> None:
    assert statement.format == fmt
    got = [
        (str(r.amount), r.currency, r.received_on, r.payer_name, r.reference)
        for r in statement.receipts
    ]
    assert [g[:4] for g in got] == [e[:4] for e in receipts]
    for (*_, reference), expected in zip(got, receipts, strict=True):
        assert expected[4] in reference
    assert [(str(n.amount), n.reason) for n in statement.not_receipts] == others
    assert statement.debit_count == debits
    ids = [r.payment_id for r in statement.receipts] + [
        n.payment_id for n in statement.not_receipts
    ]
    assert len(set(ids)) == len(ids)


# --- camt.053 ---------------------------------------------------------------------------------

NOV = (date(2024, 11, 29), date(2024, 11, 21), date(2024, 11, 12), date(2024, 11, 5))


def test_subite_belgian_export_four_credits_among_268_entries() -> None:
    statement = _read("camt053/Subite-eu-camt-to-coda__BE68793230773034-202411.xml")
    _check(
        statement,
        "camt053",
        [
            ("50000.00", "EUR", NOV[0], "Stellar Ltd", "Transfer ref HBAVHC9717"),
            ("50000.00", "EUR", NOV[1], "Stellar Ltd", "Transfer ref HBAVHC9717"),
            ("50000.00", "EUR", NOV[2], "Stellar Ltd", "Service fee VZWWJT1081"),
            ("30000.00", "EUR", NOV[3], "Stellar Ltd", "Service fee VZWWJT1081"),
        ],
        [],
        264,
    )
    # Opening balance plus all 268 entries gives the closing balance: every amount read right.
    assert statement.warnings == []
    # Same payer, amount and text twice: the bank's end-to-end ids keep them apart.
    assert [r.payment_id for r in statement.receipts[:2]] == [
        "E2ESEKOZLQO41354223",
        "E2ENTUGLHAS36485120",
    ]


def test_subite_lithuanian_lump_without_dates_takes_the_statement_day() -> None:
    statement = _read(
        "camt053/Subite-eu-camt-to-coda__LT625883379695428516_CAMT_053_2024-05-31.xml"
    )
    _check(statement, "camt053", [("1247269.30", "EUR", date(2024, 5, 31), "", "")], [], 7)
    assert statement.receipts[0].payment_id == "REF000009745239"


def test_genkgo_five_decimals_with_trailing_zeros() -> None:
    statement = _read("camt053/genkgo-camt__camt053.v2.five.decimals.xml")
    _check(
        statement,
        "camt053",
        [("8.85", "EUR", date(2014, 12, 31), "", "Transaction Description")],
        [],
        0,
    )


def test_genkgo_two_statements_in_one_file() -> None:
    statement = _read("camt053/genkgo-camt__camt053.v2.multi.statement.xml")
    _check(
        statement,
        "camt053",
        [("8.85", "EUR", date(2014, 12, 31), "", "Transaction Description 1")],
        [],
        1,
    )


@pytest.mark.parametrize(
    ("name", "payment_id"),
    [
        ("genkgo-camt__camt053.v3.xml", "XXXXXXXXXXXXXXXXXXXXXXEUR"),
        ("genkgo-camt__camt053.v8.xml", "AAAASESS-FP-CN_98765/01"),
    ],
)
def test_genkgo_v3_and_v8_structured_creditor_reference(name: str, payment_id: str) -> None:
    statement = _read(f"camt053/{name}")
    _check(
        statement,
        "camt053",
        [("8.85", "EUR", date(2014, 12, 31), "NAME NAME", "4654654654654654")],
        [],
        0,
    )
    assert statement.receipts[0].payment_id == payment_id


MAY_27 = date(2016, 5, 27)
APR_10 = date(2016, 4, 10)


def test_viafintech_v4_batches_split_per_payment_returns_and_reversals_reported() -> None:
    statement = _read("camt053/viafintech-camt_parser__valid_example_v4.xml")
    esr = [
        ("100.00", "Hans Kaufmann", "CreditorReference"),
        ("50.00", "Rutschmann Pia", "000000000002016030002820804"),
        ("200.00", "", "000000000002016030001581632"),
        ("50.00", "", "000000000002015110003015939"),
        ("100.00", "", "000000000002016030000535990"),
        ("200.00", "Bernasconi Maria", "000000000002016030002463591"),
        ("50.00", "", "000000000002016030002780613"),
        ("100.00", "", "000000000002016030001554373"),
        ("50.00", "Zürcher Kantonalbank", "000000000002016030000985620"),
        ("100.00", "UBS Switzerland AG", "000000000002016030001593614"),
    ]
    es = [
        ("50.00", "Rutschmann Pia", "MUSTER MITTEILUNG"),
        ("20.00", "Bernasconi Maria", "MUSTER MITTEILUNG"),
        ("100.00", "Rutschmann Pia", "MUSTER MITTEILUNG 4"),
        ("100.00", "Bernasconi Maria", ""),
        ("30.00", "Rutschmann Pia", ""),
        ("50.00", "Bernasconi Maria", "MUSTER MITTEILUNG 2"),
        ("20.00", "Rutschmann Pia", "MUSTER MITTEILUNG 2"),
        ("250.00", "Rutschmann Pia", "MUSTER MITTEILUNG 1"),
    ]
    direct_debits = [
        ("15.00", "Rutschmann Pia", "Mitteilung 132"),
        ("9.00", "Bernasconi Maria", "Mitteilung 131"),
        ("56.56", "Bernasconi Maria", "PMT-ID-1268016165-01"),
    ]
    _check(
        statement,
        "camt053",
        [(a, "CHF", MAY_27, p, r) for a, p, r in esr + es]
        + [(a, "CHF", APR_10, p, r) for a, p, r in direct_debits],
        [
            ("20.00", RETURN),
            ("40.00", RETURN),
            ("50.00", RETURN),
            ("-6.00", REVERSAL),
            ("-15.53", REVERSAL),
        ],
        6,
    )
    assert statement.warnings == []  # the balances add up, reversals included
    # Each payment of a batch keeps the bank's own reference for it.
    assert statement.receipts[0].payment_id == "160527CH00T3L0GE"
    assert statement.not_receipts[0].payment_id == "160406CH00NKZCKG"
    assert statement.not_receipts[0].where.endswith("Stmt/Ntry[9]/NtryDtls/TxDtls[1]")
    # PostFinance's "?REJECT?0 ?ERROR?000" status is not part of what the payer wrote.
    assert all("?REJECT?" not in r.reference for r in statement.receipts)


def test_viafintech_v8_qr_and_scor_references() -> None:
    statement = _read("camt053/viafintech-camt_parser__valid_example_v8.xml")
    jun_20 = date(2023, 6, 20)
    _check(
        statement,
        "camt053",
        [
            ("474.40", "CHF", jun_20, "Jon Doe", "INVOICE R77561"),
            ("88.85", "CHF", jun_20, "Finanz AG", "RF38000000000000000000552"),
        ],
        [],
        1,
    )


def test_viafintech_with_batch() -> None:
    statement = _read("camt053/viafintech-camt_parser__valid_example_with_batch.xml")
    _check(
        statement,
        "camt053",
        [
            ("2688.00", "EUR", date(2019, 6, 13), "TEST", "TERUGGAAF"),
            ("5000.00", "EUR", date(2019, 6, 18), "Bedrijf BV", ""),
        ],
        [],
        1,
    )


def test_viafintech_camt_053_001_10_with_a_booking_date_time() -> None:
    statement = _read("camt053/viafintech-camt_parser__valid_example_with_datetime.xml")
    _check(statement, "camt053", [("195.86", "USD", date(2023, 6, 21), "", "")], [], 0)


# --- BAI2 -------------------------------------------------------------------------------------


def test_citi_uk_faster_payment_payer_from_88_key_values() -> None:
    statement = _read("bai2/ministryofjustice-bai2__citi_example.bai2")
    _check(
        statement,
        "bai2",
        [("0.01", "GBP", date(2015, 7, 15), "DOE JO", "RP12312312312312")],
        [],
        0,
    )
    assert statement.receipts[0].payment_id == "1234567890"
    assert "BUCKINGHAM PALACE" in statement.receipts[0].reference


def test_natwest_empty_fields_and_88_text_cut_mid_word() -> None:
    statement = _read("bai2/ministryofjustice-bai2__nwb_example.bai2")
    _check(
        statement,
        "bai2",
        [("0.89", "GBP", date(2009, 12, 16), "", "INTERNATIONAL-5373 CLIENT SECCY AC TFR")],
        [],
        4,
    )


def test_svb_two_groups_and_a_trailer_without_slash() -> None:
    statement = _read("bai2/ministryofjustice-bai2__svb_us_example.bai2")
    _check(
        statement,
        "bai2",
        [
            ("4901.96", "USD", date(2022, 2, 1), "", "SOME PAYMENT ACH OFFSET"),
            ("9058.00", "USD", date(2022, 2, 2), "", "SOME PAYMENT ACH OFFSET"),
        ],
        [],
        0,
    )
    assert [r.payment_id for r in statement.receipts] == ["172629", "150675"]
    assert statement.warnings == []


def test_moov_canadian_padded_amounts() -> None:
    statement = _read("bai2/moov-io-bai2__sample1.txt")
    day = date(2006, 3, 17)
    _check(
        statement,
        "bai2",
        [
            ("2035.00", "CAD", day, "", "TFR 1020 0345678"),
            ("25.00", "CAD", day, "", "MACLEOD MALL"),
            ("25.00", "CAD", day, "", "MASCOUCHE QUE"),
            ("115.00", "CAD", day, "", "TFR 1020 0345678"),
            ("1000.00", "CAD", day, "", "MONTREAL"),
        ],
        [],
        12,
    )


def test_moov_spec_example_funds_types_s_v_1_and_default_currency() -> None:
    statement = _read("bai2/moov-io-bai2__sample2.txt")
    day = date(2004, 6, 20)
    _check(
        statement,
        "bai2",
        [
            ("4500.00", "USD", day, "", ""),
            ("5000.00", "USD", day, "", "LOCK BOX NO.68751"),
            ("200000.00", "USD", day, "", "PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO"),
            ("100000.00", "USD", day, "", ""),
        ],
        [],
        0,
    )
    # The bank reference after the V funds type's two extra fields.
    assert statement.receipts[2].payment_id == "SP4738"
    assert statement.warnings == []


def test_moov_records_run_together_and_split_over_lines() -> None:
    statement = _read("bai2/moov-io-bai2__sample3.txt")
    day = date(2022, 9, 19)
    amounts = ["25.00", "5.00", "1.00", "25.00", "6.00", "6.00", "2.15", "1.05", "138.55"]
    amounts += ["115.21", "47.83", "23.47", "0.87"]
    texts = ["TRANSFER PAYPAL", "TRANSFER MSPBNA BANK", "Ext Trnsfr JPMorgan Chase"]
    texts += ["ACH_SETL", "ACH_SETL", "VSN_SETL", "CHIME HUBBLE", "CHIME HUBBLE"]
    texts += ["VISA INTERNATIONAL 900 METRO CENTER BLVD FOSTER CITY CA 94404"]
    texts += ["BII_SETL", "BII_SETL", "BII_SETL", "CHIME HUBBLE"]
    _check(
        statement,
        "bai2",
        [(a, "USD", day, "", t) for a, t in zip(amounts, texts, strict=True)],
        [],
        13,
    )
    # The 16 split over two physical lines keeps its continuation.
    assert "1111111111 111111111111111" in statement.receipts[3].reference
    # Record counts and control totals agree although records share physical lines.
    assert statement.warnings == []


def test_goldman_text_with_commas_returns_and_rejects_are_not_receipts() -> None:
    statement = _read("bai2/moov-io-bai2__sample4-continuations-newline-delimited.txt")
    day = date(2023, 9, 6)
    _check(
        statement,
        "bai2",
        [
            ("11.25", "USD", day, "", "Incoming Wire"),
            ("500.50", "USD", day, "SAMPLE INC", "Test Remittance"),
            ("5.27", "USD", day, "", "Check Deposit"),
            ("50.00", "USD", day, "", "AB-GS-DDFILEAB0001-DDBAB0001"),
        ],
        [
            ("1435.00", REJECT),
            ("19.12", RETURN),
            ("600.00", RETURN),
            ("9.31", RETURN),
            ("3376.86", INTERNAL),
        ],
        8,
    )
    # The file's trailers disagree with its records: read, and each disagreement reported.
    assert statement.warnings[0].endswith(
        ":22: account trailer says control total is -1260161341762, the records give 7999960"
    )


@pytest.mark.parametrize(
    "name", ["venturehacks-bai2__eod.bai2", "venturehacks-bai2__eod_with_slash_in_text.bai2"]
)
def test_svb_fedwire_originator_and_invoice_in_obi(name: str) -> None:
    statement = _read(f"bai2/{name}")
    _check(
        statement,
        "bai2",
        [
            (
                "83259.82",
                "USD",
                date(2010, 8, 31),
                "OPTIONS LINK WIRE CLEARING",
                "OBI:=INVOICE 123456",
            )
        ],
        [],
        0,
    )


def test_a_slash_inside_88_text_is_text() -> None:
    (line,) = _read("bai2/venturehacks-bai2__eod_with_slash_in_text.bai2").receipts
    assert "2/AV MAIN 2/AVENUE DE ANGELLIST 3/MX /MEXICO" in line.reference


# --- MT940 ------------------------------------------------------------------------------------


def test_asn_bank_swift_wrapped_daily_statements() -> None:
    statement = _read("mt940/wolph-mt940__ASNB_mt940.txt")
    _check(
        statement,
        "mt940",
        [
            ("1000.00", "EUR", date(2020, 1, 5), "paulissen g j l m", "INTERNE OVERBOEKING"),
            ("828.72", "EUR", date(2020, 1, 29), "transfer solutions bv", "DIVIDEND 28/01/2020"),
            ("1000.18", "EUR", date(2020, 1, 31), "paulissen g j l m", "INTERNE OVERBOEKING"),
        ],
        [],
        5,
    )


def test_betterplace_sepa_retoure_and_storno_are_not_receipts() -> None:
    statement = _read("mt940/wolph-mt940__betterplace_sepa_mt9401.sta")
    day = date(2007, 9, 4)
    richter = "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx"
    expected = [
        ("66295.08", "", "0904059001"),
        ("15000.05", richter, "TO 13 TFNr 20004"),
        ("50.05", "Richter Renate 70 Zeichen Beginn Fuellzeichenxxxxxxxx", "TO13 TF52001 MINT"),
        # "..?33hen Beginn" fills its line (64 characters), so the next line continues the word.
        ("125.88", "Cornelia Prochownik 70 Zeichen BeginnFuellzeichen xxx", "TO13 TF20018"),
        ("125004.88", richter, "TO13 TF20008 MINT"),
        ("250000.00", "Daniel Severidt 70 ZeichenBeginn Fuellzeichen xxxxxxx", "TF20010"),
        ("300000.00", "Cornelia Prochownik 70 Zeichen Beginn Fuellzeichen xxx", "TF20014"),
        ("500000.00", "Dirk Leunig 70 Zeichen Beginn Fuellzeichen xxxxxxxxxxx", "TF20011"),
        ("204.88", "", "0904059001"),
        ("50990.05", "Florian Frech", "Verwend CTSc-01 eBB TFNr 21005"),
        ("19990.05", "JOSEF JAEGER", "TFNr 22 001"),
        ("13990.05", "JOSEF JAEGER", "TFNr 21 003"),
        ("50990.05", "Karl Kaufmann", "TFNr 21007"),
        ("16500.07", "Karl Kaufmann", "Strukturierter Verwendungszweck 50050002"),
        ("19990.05", "KARL KAUFMANN", "TFNr 22 002"),
        ("56500.07", "Quentin Quast", "Strukturierter Verwendungszweck 30030002"),
        ("50990.05", "KARL KAUFMANN", "TFNr 22 004"),
        ("154551.93", "Quentin Quast", "30030004"),
        ("154551.93", "Karl Kaufmann", "50050004"),
        ("15000.05", richter, "TFNr 20001"),
        ("125004.88", richter, "TO13 TF20005 MINT"),
        ("1910.05", "QUENTIN QUAST", "TFNr 21 001"),
        ("50990.05", "Quentin Quast", "TFNr 21004"),
        ("50.05", richter, "TFNr 50005"),
    ]
    returns = ["300.00", "335.33", "15000.00", "915311.55"]
    later = ["50.00", "50.05", "50.05", "46500.07", "154551.93", "335.33", "915311.55"]
    later += ["16500.07", "154551.93", "300.00", "335.33", "15000.00", "915311.55"]
    _check(
        statement,
        "mt940",
        [(a, "EUR", day, p, r) for a, p, r in expected],
        [(a, RETURN) for a in returns]
        + [("-204.88", REVERSAL), ("-204.88", REVERSAL)]
        + [(a, RETURN) for a in later],
        54,
    )
    assert statement.receipts[1].payment_id == "MT940-0724710290621954"  # the bank reference
    # Opening balance plus every entry (C, D, RC, "CR" with funds code R) gives each closing one.
    assert statement.warnings == []
    assert statement.not_receipts[4].where.endswith(":19")  # the RC line


def test_citi_zero_amount_bai_info_lines() -> None:
    statement = _read("mt940/wolph-mt940__citi_mt940.txt")
    _check(statement, "mt940", [], [("0.00", ZERO), ("0.00", ZERO)], 3)
    assert statement.warnings == []
    assert "BAI CD 025" in statement.not_receipts[0].text


def test_cmxl_three_statements_three_currencies() -> None:
    statement = _read("mt940/wolph-mt940__cmxl_mt940.sta")
    _check(
        statement,
        "mt940",
        [
            ("18500.00", "DEM", date(2013, 10, 17), "", "SCHECK"),
            ("4200.00", "DEM", date(2013, 10, 24), "", "AUSSENH. NR. 1"),
            ("3656.74", "DEM", date(2013, 10, 18), "", "EINZAHLG.N"),
            ("23040.00", "DEM", date(2013, 10, 19), "", "LT.ANLAGE"),
            ("3000.00", "EUR", date(2002, 11, 2), "MUELLER", "Firma Mustermann GmbH"),
            (
                "20000.00",
                "PLN",
                date(2003, 10, 20),
                "HUTA SZKLA TOPIC UL PRZEMYSLOWA 67 32-669 WROCLAW",
                "INFO INFO",
            ),
            ("40.00", "PLN", date(2003, 10, 20), "", "Odsetki od lokaty nr 101000022086"),
        ],
        [],
        9,
    )


def test_abn_amro_and_rabobank_debit_only_statements() -> None:
    for name in ("wolph-mt940__jejik_abnamro.sta", "wolph-mt940__jejik_rabobank-iban.sta"):
        statement = _read(f"mt940/{name}")
        assert (statement.receipts, statement.not_receipts) == ([], [])
    assert _read("mt940/wolph-mt940__jejik_abnamro.sta").debit_count == 10
    assert _read("mt940/wolph-mt940__jejik_rabobank-iban.sta").debit_count == 4


def test_ing_old_style_free_text() -> None:
    statement = _read("mt940/wolph-mt940__jejik_ing.sta")
    _check(
        statement,
        "mt940",
        [
            (
                "3.68",
                "EUR",
                date(2010, 7, 22),
                "EJ46GREENP100610T1456 CLIEOP TMG GPHONGKONG AMSTERDAM",
                "GPHONGKONG",
            ),
            ("1.00", "EUR", date(2010, 7, 23), "Hr S Marechal", "transactiedatum: 22-07-2010"),
        ],
        [],
        5,
    )


def test_mt940_balances_add_up_or_the_statement_is_flagged() -> None:
    for name in ("ASNB_mt940.txt", "cmxl_mt940.sta", "mBank_mt940.sta", "jejik_rabobank-iban.sta"):
        assert _read(f"mt940/wolph-mt940__{name}").warnings == []
    # The anonymised PostFinance file's second page: 229,2 - 79,9 + 10,1 is not 159,6.
    assert _read("mt940/wolph-mt940__jejik_postfinance.sta").warnings == [
        f"{REAL / 'mt940/wolph-mt940__jejik_postfinance.sta'}:27: closing balance 159.60 CHF "
        "but the opening balance and the entries give 159.40"
    ]


def test_postfinance_intermediate_balances_and_payer_after_auftraggeber() -> None:
    statement = _read("mt940/wolph-mt940__jejik_postfinance.sta")
    _check(
        statement,
        "mt940",
        [
            ("79.70", "CHF", date(2013, 12, 9), "JANE DOE EXAMPLESTRASSE", "RECHNUNG XXXXXXXXXXXX"),
            ("149.50", "CHF", date(2013, 12, 9), "JOHN DOE EXAMPLESTRASSE", "131209CH87654321"),
            ("10.10", "CHF", date(2013, 12, 18), "", "EINZAHLUNGSSCHEIN"),
        ],
        [],
        1,
    )


def test_mbank_polish_credits_with_the_payer_after_od() -> None:
    statement = _read("mt940/wolph-mt940__mBank_mt940.sta")
    day = date(2017, 1, 19)
    _check(
        statement,
        "mt940",
        [("0.01", "PLN", day, "JAN NOWAK", f"XX00000000000{n}") for n in (1, 2, 3)],
        [],
        0,
    )
    assert [r.payment_id for r in statement.receipts] == [
        "MT940-MB170119012058",
        "MT940-MB170119012085",
        "MT940-MB170119012121",
    ]


# --- every file -------------------------------------------------------------------------------

ALL = sorted(
    p.relative_to(REAL).as_posix() for p in REAL.glob("*/*") if p.parent.name != "LICENSES"
)


def test_all_28_files_are_here() -> None:
    assert len(ALL) == 28


@pytest.mark.parametrize("name", ALL)
def test_reading_a_file_twice_gives_the_same_ids(name: str) -> None:
    first, second = _read(name), _read(name)
    assert first == second
    assert all(r.amount > 0 for r in first.receipts)


def test_the_same_transaction_in_two_files_gets_the_same_id(tmp_path: Path) -> None:
    # A second day's file that repeats one entry: the bank's reference gives the same id.
    source = (REAL / "mt940/wolph-mt940__mBank_mt940.sta").read_bytes()
    other = tmp_path / "again.sta"
    other.write_bytes(source.replace(b":20:ST170119CYC/1", b":20:ST170120CYC/1"))
    assert read_statement(other).receipts == _read("mt940/wolph-mt940__mBank_mt940.sta").receipts
    assert Decimal("0.01") in {r.amount for r in read_statement(other).receipts}


MT940_FILES = [name for name in ALL if name.startswith("mt940/") and "ASNB" not in name]


@pytest.mark.parametrize("name", MT940_FILES)
def test_mt940_credits_agree_with_the_mt940_library(name: str) -> None:
    """An independent reader (the mt-940 package; it cannot read the ASN Bank file) finds the
    same credits. It books RC with a plus sign; the closing balances say RC takes money out."""
    mt940 = pytest.importorskip("mt940")
    theirs = mt940.models.Transactions()
    theirs.parse((REAL / name).read_bytes().decode("utf-8", "replace"))
    their_credits = sorted(
        (t.data["status"], abs(t.data["amount"].amount))
        for t in theirs.transactions
        if t.data["status"] in ("C", "RC", "RD")
    )
    statement = _read(name)
    ours = [("C", r.amount) for r in statement.receipts]
    for other in statement.not_receipts:
        mark = "C" if other.reason != REVERSAL else ("RD" if other.amount > 0 else "RC")
        ours.append((mark, abs(other.amount)))
    assert sorted(ours) == their_credits


BAI2_THE_LIBRARY_READS = [
    "bai2/ministryofjustice-bai2__citi_example.bai2",
    "bai2/ministryofjustice-bai2__nwb_example.bai2",
    "bai2/ministryofjustice-bai2__svb_us_example.bai2",
    "bai2/moov-io-bai2__sample1.txt",
    "bai2/venturehacks-bai2__eod.bai2",
    "bai2/venturehacks-bai2__eod_with_slash_in_text.bai2",
]


@pytest.mark.parametrize("name", BAI2_THE_LIBRARY_READS)
def test_bai2_credits_agree_with_the_bai2_library_where_it_reads_the_file(name: str) -> None:
    """The ``bai2`` package refuses three of the nine real files; on the other six it finds the
    same credit amounts (type codes 100-399, in minor units)."""
    library = pytest.importorskip("bai2.bai2")
    with (REAL / name).open(encoding="utf-8") as handle:
        parsed = library.parse_from_file(handle)
    theirs = sorted(
        detail.amount
        for group in parsed.children
        for account in group.children
        for detail in account.children
        if 100 <= int(detail.type_code.code) <= 399
    )
    statement = _read(name)
    ours = [r.amount for r in statement.receipts] + [abs(n.amount) for n in statement.not_receipts]
    assert sorted(int(a * 100) for a in ours) == theirs
