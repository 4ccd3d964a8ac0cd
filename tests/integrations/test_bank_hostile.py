"""Hostile input for every bank-file reader (issue 14): truncated, binary, huge, garbage,
type-confused, deeply nested and entity-laden files. Each read ends within a deadline, and the
only thing that may come out of a bad file is a ``BankFileError`` naming the file and line."""

from __future__ import annotations

import random
import re
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integrations.bank import BankFileError, BankStatement, parse_statement_bytes

BANK = Path(__file__).parents[1] / "fixtures" / "bank"
REAL = BANK / "real"
FORMATS = ("csv", "bai2", "camt053", "camt054", "mt940", None)
DEADLINE = 5.0  # seconds per file; the largest real file reads in well under 0.2 s
NAME = "hostile.dat"
_WHERE = re.compile(rf"^{re.escape(NAME)}(:\d+)?: \S")
SAMPLES = sorted(p for p in BANK.rglob("*") if p.is_file() and p.suffix != ".md")
SAMPLES = [p for p in SAMPLES if "LICENSES" not in p.parts and p.suffix != ".toml"]


def _bounded(data: bytes, fmt: str | None = None) -> BankStatement | BankFileError:
    """Reads in a thread; fails the test when the read outlives the deadline or raises anything
    but a BankFileError that starts with ``file:line:``."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(parse_statement_bytes(data, NAME, fmt))
        except BankFileError as error:
            outcome.append(error)
        except BaseException as error:  # the test reports whatever escaped
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(DEADLINE)
    assert not worker.is_alive(), f"reading took over {DEADLINE}s ({fmt}, {len(data)} bytes)"
    assert time.monotonic() - started < DEADLINE
    (result,) = outcome
    if isinstance(result, BankFileError):
        assert _WHERE.match(str(result)), str(result)
        assert "\n" not in str(result)
        return result
    assert isinstance(result, BankStatement), f"{type(result).__name__}: {result}"
    return result


def _error(data: bytes, fmt: str | None = None) -> str:
    result = _bounded(data, fmt)
    assert isinstance(result, BankFileError), "a hostile file was read without complaint"
    return str(result)


def test_there_are_samples_of_every_format() -> None:
    assert len(SAMPLES) >= 40


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_truncated_anywhere_gives_a_statement_or_a_located_error(path: Path) -> None:
    data = path.read_bytes()
    rng = random.Random(path.name)
    cuts = {1, len(data) // 2, len(data) - 1, *(rng.randrange(1, len(data)) for _ in range(6))}
    for cut in sorted(cuts):
        _bounded(data[:cut])
    # The same bytes forced through every other reader are refused, never a traceback.
    for fmt in FORMATS:
        _bounded(data[: len(data) // 3], fmt)


@pytest.mark.parametrize("record", ["16", "88"])
def test_a_bai2_file_cut_after_a_detail_or_continuation_ends_at_once(record: str) -> None:
    data = (BANK / "valid.bai2").read_bytes()
    lines = data.splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if line.startswith(record.encode()))
    message = _error(b"".join(lines[: last + 1]))
    assert message == f"{NAME}:{last + 1}: the file ends without an account trailer (49)"


def test_an_mt940_statement_cut_before_its_closing_balance_is_refused() -> None:
    data = (REAL / "mt940/wolph-mt940__betterplace_sepa_mt9401.sta").read_bytes()
    cut = data[: data.rindex(b":62F:")]
    message = _error(cut)
    assert message.endswith("ends without its closing balance (:62F:): the file is cut off")


@pytest.mark.parametrize("fmt", FORMATS)
def test_binary_noise_is_refused(fmt: str | None) -> None:
    rng = random.Random(7)
    for size in (1, 17, 4096, 200_000):
        _error(rng.randbytes(size) + b"\x00", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_ten_megabytes_of_garbage_is_refused_in_time(fmt: str | None) -> None:
    alphabet = b"0123456789,;:/?+-.CDR \n" + bytes(range(65, 91))
    table = bytes(alphabet[i % len(alphabet)] for i in range(256))
    garbage = random.Random(10).randbytes(10_000_000).translate(table)
    _bounded(garbage, fmt)


@pytest.mark.parametrize(
    "data",
    [
        b"01," + b"9" * 5_000_000,
        b":20:" + b"A" * 5_000_000,
        b"<Document>" + b"x" * 5_000_000,
        b"Date;Amount;Currency\n" + b"1" * 5_000_000,
        b"payment_id,date,amount,currency,payer_name,reference\n" + b"P," * 2_000_000,
    ],
    ids=["bai2", "mt940", "xml", "csv", "contract-csv"],
)
def test_one_huge_line_is_refused_in_time(data: bytes) -> None:
    _error(data)


def test_a_file_larger_than_any_bank_file_is_refused_unread() -> None:
    message = _error(b"0" * (64 * 1024 * 1024 + 1))
    assert "larger than any bank file" in message


HEADER = b"01,S,R,261121,0800,1,80,,2/\n02,R,S,1,261120,2400,USD,2/\n03,1,USD,/\n"
TRAILER = b"49,%d,%d/\n98,%d,1,%d/\n99,%d,1,%d/\n"


@pytest.mark.parametrize(
    ("detail", "message"),
    [
        (b"16,195,12.50,Z,R1,,X/", "transaction detail (16) amount: '12.50' is not an amount"),
        (b"16,195,1e30,Z,R1,,X/", "'1e30' is not an amount in minor units"),
        (b"16,195,-100,Z,R1,,X/", "'-100' is not an amount in minor units"),
        (b"16,ABC,100,Z,R1,,X/", "'ABC' is not a type code"),
        (b"16,195,100,Q,R1,,X/", "'Q' is not a funds type"),
        (b"16,195,100,D,99999999,1,2/", "funds type D distribution count '99999999'"),
        (b"16,195," + b"9" * 40 + b",Z,R1,,X/", "is too large"),
        (b"16,\xd9\xa1\xd9\xa2\xd9\xa3,100,Z,R1,,X/", "is not a type code"),
    ],
)
def test_bai2_fields_of_the_wrong_type_name_the_record(detail: bytes, message: str) -> None:
    data = HEADER + detail + b"\n" + TRAILER % (0, 3, 0, 5, 0, 7)
    assert _error(data).startswith(f"{NAME}:4: ")
    assert message in _error(data)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b":61:991399C10,00NTRFNONREF", "'991399' is not a date (YYMMDD)"),
        (b":61:2411281399C10,00NTRFNONREF", "'1399' is not an entry date"),
        (b":61:241128C1,2,3NTRFNONREF", "'1,2,3' is not an amount"),
        (b":61:241128C10,001NTRFNONREF", "has more than 2 decimals"),
        (b":61:241128X10,00NTRFNONREF", "is not a statement line"),
        # A letter inside the amount: not 45 with the rest taken for references.
        (b":61:241128C45O0,00NTRFNONREF", "is not a statement line"),
        (b":61:241128C4500,0ONTRFNONREF", "is not a statement line"),
        (b":61:241128C" + b"9" * 30 + b",NTRF", "is too large"),
    ],
)
def test_mt940_fields_of_the_wrong_type_name_the_line(line: bytes, message: str) -> None:
    data = b":20:X\n:25:1\n:28C:1\n:60F:C241127EUR0,\n" + line + b"\n:62F:C241128EUR0,\n-\n"
    error = _error(data)
    assert error.startswith(f"{NAME}:5: ") and message in error


def test_mt940_without_an_opening_balance_has_no_currency() -> None:
    assert "has no opening balance" in _error(b":20:X\n:61:241128C10,00NTRF\n")


CAMT = (
    b'<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">'
    b'<BkToCstmrStmt><Stmt><Id>S</Id>\n<Ntry><Amt Ccy="%s">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd>'
    b"<BookgDt><Dt>%s</Dt></BookgDt></Ntry></Stmt></BkToCstmrStmt></Document>"
)


@pytest.mark.parametrize(
    ("currency", "amount", "day", "message"),
    [
        (b"EUR", b"NaN", b"2024-11-28", "'NaN' is not an amount"),
        (b"EUR", b"Infinity", b"2024-11-28", "'Infinity' is not an amount"),
        (b"EUR", b"1e30", b"2024-11-28", "'1e30' is not an amount"),
        (b"EUR", b"-5.00", b"2024-11-28", "'-5.00' is not an amount"),
        (b"EUR", b"9" * 40, b"2024-11-28", "is too large"),
        (b"EURO", b"5.00", b"2024-11-28", "Ccy 'EURO' is not a currency"),
        (b"EUR", b"5.00", b"2024-13-45", "'2024-13-45' is not an ISO date"),
        (b"EUR", b"\xd9\xa5.00", b"2024-11-28", "is not an amount"),
    ],
)
def test_camt_values_of_the_wrong_type_name_the_element(
    currency: bytes, amount: bytes, day: bytes, message: str
) -> None:
    error = _error(CAMT % (currency, amount, day))
    assert error.startswith(f"{NAME}:2: Document/BkToCstmrStmt/Stmt/Ntry/")
    assert message in error


def test_deeply_nested_xml_is_refused() -> None:
    data = b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
    data += b"<a>" * 100_000 + b"</a>" * 100_000 + b"</Document>"
    assert "not well-formed XML" in _error(data)


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>',
        b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>',
        b'<!DOCTYPE d SYSTEM "http://127.0.0.1:9/camt.dtd">',
    ],
    ids=["xxe-file", "xxe-network", "entity-bomb", "external-dtd"],
)
def test_xml_entities_and_doctypes_are_refused_before_parsing(doctype: bytes) -> None:
    body = CAMT % (b"EUR", b"&d;", b"2024-11-28")
    data = body.replace(b"<Document", doctype + b"<Document", 1)
    assert "a DOCTYPE or entity declaration has no place in camt" in _error(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Date;Amount;Currency\n28.11.2024;1e30;EUR\n", "'1e30' is not an amount"),
        (b"Date;Amount;Currency\n28.11.2024;NaN;EUR\n", "'NaN' is not an amount"),
        (b"Date;Amount;Currency\n28.11.2024;12,5,0;EUR\n", "is not an amount"),
        (b"Date;Amount;Currency\n28.11.2024;10,00;EURO\n", "no currency ('EURO')"),
        (b"Date;Amount;Currency\n28.11.2024;10,00;EUR\n31.02.2024;5,00;EUR\n", "31.02.2024"),
        (b"Date;Amount;Currency\n28.11.2024;\xd9\xa1\xd9\xa2;EUR\n", "is not an amount"),
        (
            b"payment_id,date,amount,currency,payer_name,reference\nP1,2024-11-28,1e30,USD,A,\n",
            "amount '1e30' is not an amount",
        ),
        (
            b"payment_id,date,amount,currency,payer_name,reference\n"
            b"P1,2024-11-28,99999999999999999999.00,USD,A,\n",
            "is too large",
        ),
        (
            b"payment_id,date,amount,currency,payer_name,reference\nP1,2024-11-28,5\x00,USD,A,\n",
            "NUL byte",
        ),
    ],
)
def test_csv_values_of_the_wrong_type_name_the_line(data: bytes, message: str) -> None:
    error = _error(data, "csv")
    assert re.match(rf"{re.escape(NAME)}:[23]: ", error), error
    assert message in error


def test_a_failed_file_returns_nothing_even_after_good_lines() -> None:
    good = (BANK / "valid.csv").read_bytes()
    assert isinstance(_bounded(good), BankStatement)
    _error(good + b"P9,2026-11-20,1e30,USD,X,\n")


# --- generated input --------------------------------------------------------------------------

PIECES = {
    "bai2": [b"01,", b"02,", b"03,", b"16,", b"88,", b"49,", b"98,", b"99,", b"195,", b"/", b","],
    "mt940": [b":20:", b":25:", b":60F:C241127EUR", b":61:", b":86:", b"?20", b"-", b"C", b"RD"],
    "camt053": [b"<Ntry>", b"</Ntry>", b"<Amt Ccy='EUR'>", b"</Amt>", b"<CdtDbtInd>CRDT"],
    "csv": [b"Date;Amount;Currency\n", b";", b"\n", b'"', b"28.11.2024", b"1.234,56", b"EUR"],
}


@pytest.mark.parametrize("fmt", sorted(PIECES))
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_generated_files_give_a_statement_or_a_located_error(fmt: str, data: st.DataObject) -> None:
    parts = data.draw(
        st.lists(
            st.one_of(
                st.sampled_from(PIECES[fmt]),
                st.binary(max_size=12),
                st.text(max_size=12).map(lambda t: t.encode("utf-8", "surrogatepass")),
                st.integers(min_value=-(10**25), max_value=10**25).map(lambda n: str(n).encode()),
            ),
            max_size=60,
        )
    )
    blob = b"".join(parts)
    _bounded(blob, fmt)
    _bounded(blob)


@settings(max_examples=30, deadline=None, derandomize=True, database=None)
@given(seed=st.integers(min_value=0, max_value=2**32), flips=st.integers(1, 20))
def test_real_files_with_bytes_changed_give_a_statement_or_a_located_error(
    seed: int, flips: int
) -> None:
    rng = random.Random(seed)
    path = rng.choice([p for p in SAMPLES if p.stat().st_size < 100_000])
    data = bytearray(path.read_bytes())
    for _ in range(flips):
        data[rng.randrange(len(data))] = rng.randrange(256)
    _bounded(bytes(data))


def test_an_error_quoting_the_file_stays_on_one_line_without_control_characters() -> None:
    data = b":20:X\n:25:1\n:28C:1\n:60F:C241127EUR0,\n:61:\x1b[31m\rFORGED\x0bLOG\n-\n"
    message = _error(data)
    assert message.startswith(f"{NAME}:5: :61: '")
    assert not any(ord(c) < 32 for c in message)
    xml = b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><a>\n\x01</a>'
    assert not any(ord(c) < 32 for c in _error(xml))
