"""How banks really write their files: the quirks each reader must take in its stride."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from integrations.bank import BankFileError, parse_statement_bytes, read_statement
from integrations.bank.statement import REJECT, RETURN

BANK = Path(__file__).parents[1] / "fixtures" / "bank"
REAL = BANK / "real"


def test_rabobank_slash_tags_on_a_credit_give_payer_and_remittance() -> None:
    # The real Rabobank file holds debits only; the same lines with the mark turned to C.
    data = (REAL / "mt940/wolph-mt940__jejik_rabobank-iban.sta").read_bytes()
    data = data.replace(b":61:130102D000000000010,00N154NONREF", b":61:130102C10,00N154NONREF")
    statement = parse_statement_bytes(data, "rabo.sta")
    (line,) = statement.receipts
    assert (line.received_on, line.amount, line.currency) == (
        date(2013, 1, 2),
        Decimal("10.00"),
        "EUR",
    )
    assert line.payer_name == "JOHN DOE"
    assert line.reference == "Reference 201301234"
    assert statement.debit_count == 3


def test_an_mt940_credit_with_a_return_tag_is_not_a_receipt() -> None:
    data = (
        b":20:R\n:25:NL71RABO0123456789\n:28C:1\n:60F:C130101EUR100,00\n"
        b":61:130103C25,00N159NONREF\n"
        b":86:/RTRN/AC04/EREF/E2E-1/NAME/ACME BV/REMI/INV 1\n:62F:C130103EUR125,00\n-\n"
    )
    statement = parse_statement_bytes(data, "rtrn.sta")
    assert statement.receipts == []
    assert [(n.amount, n.reason, n.where) for n in statement.not_receipts] == [
        (Decimal("25.00"), "return of an outgoing payment", "rtrn.sta:5")
    ]


def test_a_december_value_date_booked_in_january_is_next_year() -> None:
    data = b":20:Y\n:25:1\n:28C:1\n:60F:C231231EUR0,\n:61:2312310102C5,NTRFNONREF//B1\n"
    data += b":62F:C240102EUR5,\n-\n"
    (line,) = parse_statement_bytes(data, "y.sta").receipts
    assert line.received_on == date(2024, 1, 2)


@pytest.mark.parametrize("version", [f"{n:02d}" for n in range(2, 14)])
def test_every_camt_053_version_from_02_to_13_is_read(version: str) -> None:
    data = (BANK / "valid.camt053.xml").read_bytes()
    data = data.replace(b"camt.053.001.02", f"camt.053.001.{version}".encode())
    statement = parse_statement_bytes(data, f"v{version}.xml")
    assert statement.format == "camt053"
    assert statement.receipts[0].payment_id == "CAMT-REF-0001"


def test_camt_version_14_is_not_claimed() -> None:
    data = (BANK / "valid.camt053.xml").read_bytes().replace(b"001.02", b"001.14")
    with pytest.raises(BankFileError, match=r"^v14\.xml:2: Document: not a camt\.053 or camt\.054"):
        parse_statement_bytes(data, "v14.xml")


HEADER = b"01,S,R,261121,0800,1,80,,2/\n02,R,S,1,261120,2400,USD,2/\n"


def _bai2(account: bytes, details: bytes, total: int, records: int) -> bytes:
    body = account + details
    return (
        HEADER
        + body
        + b"49,%d,%d/\n98,%d,1,%d/\n99,%d,1,%d/\n"
        % (total, records, total, records + 2, total, records + 4)
    )


def test_bai2_funds_type_d_distribution_and_s_split_keep_the_references_in_place() -> None:
    data = _bai2(
        b"03,77,USD,010,500,,,100,3000,2,D,2,0,1000,1,500/\n",
        b"16,115,2000,D,2,0,1500,1,500,LBX-1,CUST-9,LOCKBOX 4411/\n"
        b"16,195,1000,S,600,300,100,FW-2,INV-7,WIRE/\n",
        500 + 3000 + 2000 + 1000,
        4,
    )
    statement = parse_statement_bytes(data, "d.bai2")
    assert [(r.payment_id, r.amount, r.reference) for r in statement.receipts] == [
        ("LBX-1", Decimal("20.00"), "CUST-9 LOCKBOX 4411"),
        ("FW-2", Decimal("10.00"), "INV-7 WIRE"),
    ]
    assert statement.warnings == []


def test_bai2_custom_type_codes_are_kept_with_their_code_not_matched() -> None:
    data = _bai2(b"03,77,USD/\n", b"16,901,2500,Z,C-1,,BANK SPECIAL/\n", 2500, 3)
    statement = parse_statement_bytes(data, "c.bai2")
    assert statement.receipts == []
    (kept,) = statement.not_receipts
    assert (kept.payment_id, kept.amount, kept.where) == ("C-1", Decimal("25.00"), "c.bai2:4")
    assert kept.reason == "type code 901 is not a standard BAI2 credit (kept, not matched)"


def test_bai2_records_on_one_line_and_a_record_over_two_lines() -> None:
    data = (
        HEADER + b"03,77,USD/ 16,142,2500,Z,R-1,,ACH CREDIT FROM ACME\n"
        b"  SUPPLY/ 16,142,500,Z,R-2,,TRANSFER/\n49,3000,4/ 98,3000,1,6/ 99,3000,1,8\n"
    )
    statement = parse_statement_bytes(data, "run.bai2")
    assert [(r.payment_id, r.amount, r.reference) for r in statement.receipts] == [
        ("R-1", Decimal("25.00"), "ACH CREDIT FROM ACME SUPPLY"),
        ("R-2", Decimal("5.00"), "TRANSFER"),
    ]
    assert statement.warnings == []


def test_bai2_record_count_and_total_disagreements_are_warnings_with_the_line() -> None:
    data = _bai2(b"03,77,USD/\n", b"16,195,2500,Z,R-1,,WIRE/\n", 2600, 9)
    statement = parse_statement_bytes(data, "t.bai2")
    assert [r.payment_id for r in statement.receipts] == ["R-1"]
    assert statement.warnings[:2] == [
        "t.bai2:5: account trailer says control total is 2600, the records give 2500",
        "t.bai2:5: account trailer says 9 records, the file has 3",
    ]


def test_bai2_trailer_out_of_place_names_what_was_expected() -> None:
    data = HEADER + b"16,195,2500,Z,R-1,,WIRE/\n"
    with pytest.raises(BankFileError) as raised:
        parse_statement_bytes(data, "o.bai2")
    assert str(raised.value) == (
        "o.bai2:3: expected an account identifier (03) or a group trailer (98) here, "
        "found a transaction detail (16)"
    )


def test_a_nul_byte_in_a_payer_name_refuses_the_file() -> None:
    data = (
        b"payment_id,date,amount,currency,payer_name,reference\nP1,2026-11-20,5.00,USD,AC\x00ME,\n"
    )
    with pytest.raises(BankFileError, match=r"^n\.csv:2: NUL byte"):
        parse_statement_bytes(data, "n.csv")


def test_the_same_reversal_twice_gets_distinct_ids() -> None:
    data = (
        b":20:Z\n:25:1\n:28C:1\n:60F:C241127EUR0,\n"
        b":61:241128RC5,00NRTINONREF\n:86:STORNO\n:61:241128RC5,00NRTINONREF\n:86:STORNO\n"
        b":62F:D241128EUR10,00\n-\n"
    )
    assert parse_statement_bytes(data, "z.sta").warnings == []  # RC takes money out
    first, second = parse_statement_bytes(data, "z.sta").not_receipts
    assert second.payment_id == f"{first.payment_id}~2"
    assert [first.amount, first.reason] == [Decimal("-5.00"), "reversal of an earlier entry"]


def test_read_statement_names_a_missing_file() -> None:
    with pytest.raises(BankFileError, match="cannot read"):
        read_statement(BANK / "absent.sta")


def test_bai2_a_16_that_stops_before_its_references_is_continued_by_an_88() -> None:
    data = (
        b"01,122099999,123456789,150623,0200,1,,,3/\n02,,122099999,1,150622,,,2/\n"
        b"03,1234567890,USD,010,0/\n16,165,12300,S,10000,2000,300/\n"
        b"88,TRACE12345678900,CUST REF 79/\n88,THIS IS THE TEXT HERE\n"
        b"49,12300,4/\n98,12300,1,6/\n99,12300,1,8/\n"
    )
    (line,) = parse_statement_bytes(data, "x9.bai2").receipts
    assert (line.payment_id, line.amount) == ("TRACE12345678900", Decimal("123.00"))
    assert line.reference == "CUST REF 79 THIS IS THE TEXT HERE"


def test_bai2_interest_from_the_bank_is_not_a_customer_receipt() -> None:
    data = _bai2(b"03,77,USD/\n", b"16,354,1764,,INT-7,,Interest For Account/\n", 1764, 3)
    (other,) = parse_statement_bytes(data, "i.bai2").not_receipts
    assert (other.amount, other.reason) == (
        Decimal("17.64"),
        "interest or investment income from the bank",
    )


def test_bai2_a_credit_is_what_its_type_code_says_its_text_is_the_payers() -> None:
    """A 195 incoming money transfer or a 142 ACH credit is a receipt whatever its remittance
    says ("DEFECTIVE UNITS RETURNED"); a 266 return item is a return whatever its text; only a
    generic code (399 miscellaneous, 169 miscellaneous ACH) is told by the bank's words."""
    details = (
        b"16,195,1000,Z,W-1,,INV-7 DEFECTIVE UNITS RETURNED/\n"
        b"16,142,2000,Z,A-1,,PAYMENT REJECTED LAST WEEK RESENT INV-8/\n"
        b"16,266,3000,Z,R-1,,INV-9/\n"
        b"16,399,4000,Z,M-1,,RETURN INV-10/\n"
        b"16,169,5000,Z,M-2,,REJECTED CREDIT/\n"
        b"16,399,6000,Z,M-3,,INV-11/\n"
    )
    data = _bai2(b"03,77,USD/\n", details, 21000, 8)
    statement = parse_statement_bytes(data, "codes.bai2")
    assert [r.payment_id for r in statement.receipts] == ["W-1", "A-1", "M-3"]
    assert [(o.payment_id, o.reason) for o in statement.not_receipts] == [
        ("R-1", RETURN),
        ("M-1", RETURN),
        ("M-2", REJECT),
    ]
