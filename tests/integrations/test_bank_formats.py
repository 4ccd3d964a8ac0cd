"""Bank files read into receipts, all or nothing: arbot's own fixtures and error messages."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from integrations.bank import (
    BankFileError,
    detect_format,
    parse_bank_bytes,
    parse_statement_bytes,
    read_bank_file,
    read_statement,
)
from integrations.erp.records import BankLine

BANK = Path(__file__).parents[1] / "fixtures" / "bank"
NOV_20 = date(2026, 11, 20)


def test_csv_reads_the_contract_columns_and_ignores_extra_ones() -> None:
    lines = read_bank_file(BANK / "valid.csv")
    assert lines[:2] == [
        BankLine("P000001", NOV_20, Decimal("11510.00"), "USD", "ACME IND SUPPLY", "INV-10432"),
        BankLine(
            "P000002",
            NOV_20,
            Decimal("1250.00"),
            "USD",
            "GLOBEX CORP",
            "RMR*IV*10440*PO*1250.00*1250.00~",
        ),
    ]
    # No payment_id in the file: a stable hash; the payer comes out of the ACH addenda.
    third = lines[2]
    assert third.payment_id.startswith("CSV-")
    assert third.payer_name == "INITECH"
    assert third.reference.endswith("INV 10441")  # the quoted line break became a space


def test_bai2_reads_credits_only_with_continuations_and_bank_references() -> None:
    lines = read_bank_file(BANK / "valid.bai2")
    assert [line.payment_id for line in lines] == [
        "BR26112000001",
        "FW26112000002",
        lines[2].payment_id,
    ]
    first, wire, lockbox = lines
    assert first.amount == Decimal("11510.00")  # 1151000 cents
    assert first.received_on == NOV_20  # the group's as-of date
    assert first.payer_name == "ACME IND SUPPLY"
    assert first.reference.endswith("RMR*IV*10432*PO*11510.00*11510.00~")  # from the 88 record
    assert wire.reference == "INV-10440 WIRE FROM GLOBEX CORPORATION"  # customer ref + text
    assert lockbox.payment_id.startswith("BAI2-")  # no bank reference: a hash
    assert lockbox.reference == "LOCKBOX DEPOSIT INV 10441 10442"
    # The 475 (check paid) debit is not there.
    assert all(line.amount != Decimal("1200.00") for line in lines)


def test_camt053_reads_credit_entries_batches_and_structured_remittance() -> None:
    lines = read_bank_file(BANK / "valid.camt053.xml")
    ids = [line.payment_id for line in lines]
    assert ids[:4] == ["CAMT-REF-0001", "E2E-77881", "CAMT-BATCH-0004-A", "CAMT-BATCH-0004/2"]
    assert ids[4].startswith("CAMT-")  # nothing but the entry itself: a hash
    assert "CAMT-REF-0002" not in ids  # the DBIT entry
    assert lines[0] == BankLine(
        "CAMT-REF-0001",
        NOV_20,
        Decimal("4250.00"),
        "EUR",
        "Fabrikam International Services Ltd.",
        "INVOICES INV-10450 INV-10451",
    )
    # Structured remittance becomes EDI 820 segments: paid, due, and the adjustment's reason.
    assert lines[1].reference == "RMR*IV*INV-10460*PO*980.00*1000.00*~ ADX*-20.00*01~"
    assert lines[1].received_on == NOV_20  # from BookgDt/DtTm
    # A batch entry with an amount per transaction gives one line per transaction.
    assert [(line.amount, line.payer_name) for line in lines[2:4]] == [
        (Decimal("1000.00"), "Northwind Traders"),
        (Decimal("500.00"), "Initech"),
    ]
    assert lines[4].reference == "SEPA CREDIT TRANSFER NO REMITTANCE"


def test_camt053_version_08_reads_party_names_and_discounts() -> None:
    (line,) = read_bank_file(BANK / "valid.camt053v08.xml")
    assert line.payment_id == "STMT-20261121-01/1"  # statement id + NtryRef
    assert line.payer_name == "Initech LLC"  # Dbtr/Pty/Nm
    assert line.reference == "RMR*IV*INV-10480*PO*1225.00*1250.00*25.00~"


@pytest.mark.parametrize(
    ("name", "format"),
    [("valid.csv", "csv"), ("valid.bai2", "bai2"), ("valid.camt053.xml", "camt053")],
)
def test_the_format_is_detected_from_the_content(name: str, format: str, tmp_path: Path) -> None:
    data = (BANK / name).read_bytes()
    assert detect_format(data) == format
    renamed = tmp_path / "statement.txt"  # the name says nothing
    shutil.copy(BANK / name, renamed)
    assert read_bank_file(renamed) == parse_bank_bytes(data, str(renamed), format)


@pytest.mark.parametrize("name", ["valid.csv", "valid.bai2", "valid.camt053.xml"])
def test_the_same_file_read_twice_gives_the_same_payment_ids(name: str) -> None:
    first = [line.payment_id for line in read_bank_file(BANK / name)]
    second = [line.payment_id for line in read_bank_file(BANK / name)]
    assert first == second
    assert len(set(first)) == len(first)


def test_identical_lines_without_references_get_distinct_stable_ids() -> None:
    text = (
        b"payment_id,date,amount,currency,payer_name,reference\n"
        b",2026-11-20,50.00,USD,JOHN SMITH,\n"
        b",2026-11-20,50.00,USD,JOHN SMITH,\n"
    )
    first = [line.payment_id for line in parse_bank_bytes(text, "twice.csv")]
    assert first[1] == f"{first[0]}~2"
    assert first == [line.payment_id for line in parse_bank_bytes(text, "twice.csv")]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "broken_amount.csv",
            "broken_amount.csv:3: amount '12.50.00' is not an amount (expected e.g. 1234.50)",
        ),
        ("broken_date.csv", "broken_date.csv:3: date '20/11/2026' is not YYYY-MM-DD"),
        ("broken_header.csv", "broken_header.csv:1: header lacks column(s) date"),
        (
            "negative.csv",
            "negative.csv:4: amount -99.95 is not a credit (zero or negative amounts are refused)",
        ),
        (
            "broken_amount.bai2",
            "broken_amount.bai2:6: transaction detail (16) amount: '25O000' is not an amount "
            "in minor units",
        ),
        (
            "broken_no_trailer.bai2",
            "broken_no_trailer.bai2:11: the file ends without a file trailer (99)",
        ),
        ("broken_record.bai2", "broken_record.bai2:9: '77,INV 10441 10442' is not a BAI2 record"),
        (
            "broken_amount.camt053.xml",
            "broken_amount.camt053.xml:32: Document/BkToCstmrStmt/Stmt/Ntry[3]/Amt: "
            "'98O.00' is not an amount (expected e.g. 1234.50)",
        ),
        (
            "broken_indicator.camt053.xml",
            "broken_indicator.camt053.xml:11: Document/BkToCstmrStmt/Stmt/Ntry[1]/CdtDbtInd: "
            "'CREDIT' is neither CRDT nor DBIT",
        ),
        (
            "broken_xml.camt053.xml",
            "broken_xml.camt053.xml:21: not well-formed XML: Opening and ending tag mismatch: "
            "BookgDt line 13 and Ntry, line 21, column 14",
        ),
    ],
)
def test_a_malformed_file_is_refused_whole_with_file_line_and_problem(
    name: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(BANK / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BankFileError) as raised:
        read_bank_file(name)
    assert str(raised.value) == message


def test_zero_amount_credits_are_not_receipts_but_are_reported() -> None:
    data = (
        (BANK / "valid.camt053.xml")
        .read_bytes()
        .replace(b'<Amt Ccy="EUR">4250.00</Amt>', b'<Amt Ccy="EUR">0.00</Amt>')
    )
    statement = parse_statement_bytes(data, "zero.xml")
    assert "CAMT-REF-0001" not in [line.payment_id for line in statement.receipts]
    (zero,) = statement.not_receipts
    assert (zero.payment_id, zero.amount, zero.reason) == (
        "CAMT-REF-0001",
        Decimal("0.00"),
        "zero-amount information line",
    )
    assert zero.where == "zero.xml:8: Document/BkToCstmrStmt/Stmt/Ntry[1]"
    bai2 = read_statement(BANK / "zero_credit.bai2")
    assert [(n.payment_id, n.reason) for n in bai2.not_receipts] == [
        ("FW26112000002", "zero-amount information line")
    ]
    assert bai2.receipts[0].payment_id == "BR26112000001"


def test_an_entry_without_dates_takes_the_statements_day() -> None:
    # No BookgDt, no ValDt, no period: the message was created on 2026-11-21.
    lines = read_bank_file(BANK / "broken_no_date.camt053.xml")
    assert lines[0].payment_id == "CAMT-REF-0001"
    assert lines[0].received_on == date(2026, 11, 21)


def test_a_control_total_that_disagrees_is_reported_with_its_line() -> None:
    statement = read_statement(BANK / "broken_control_total.bai2")
    assert statement.warnings == [
        f"{BANK / 'broken_control_total.bai2'}:10: account trailer says control total is "
        "5224401, the records give 5224400"
    ]


def test_a_camt_of_another_message_type_is_refused() -> None:
    data = (BANK / "valid.camt053.xml").read_bytes().replace(b"camt.053.001.02", b"camt.052.001.02")
    with pytest.raises(BankFileError, match=r"not a camt\.053 or camt\.054 \.001\.02-\.13"):
        parse_bank_bytes(data, "report.xml")


def test_xml_with_a_doctype_or_entities_is_refused() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>'
        b'<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-20</Dt>'
        b"</BookgDt><AddtlNtryInf>&x;</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>"
    )
    with pytest.raises(BankFileError, match=r"^entity\.xml:1: a DOCTYPE or entity declaration"):
        parse_bank_bytes(data, "entity.xml")


def test_unknown_content_and_unknown_format_names_are_refused() -> None:
    with pytest.raises(BankFileError, match=r"^notes\.txt:1: not a bank file this reader knows"):
        parse_bank_bytes(b"hello\n", "notes.txt")
    with pytest.raises(BankFileError, match=r"unknown format 'mt941'"):
        parse_bank_bytes(b"", "x", "mt941")


def test_a_missing_file_is_a_bank_file_error(tmp_path: Path) -> None:
    with pytest.raises(BankFileError, match="cannot read"):
        read_bank_file(tmp_path / "absent.csv")
