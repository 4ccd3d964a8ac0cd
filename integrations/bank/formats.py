"""Detect a bank file's format and read it whole: receipts, not-receipts, or one clear error."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from integrations.bank.errors import BankFileError, unique_ids
from integrations.bank.statement import BankStatement, NotReceipt
from integrations.erp.records import BankLine

FORMATS = ("csv", "bai2", "camt053", "camt054", "mt940")
_ALIASES = {
    "camt.053": "camt053",
    "camt.054": "camt054",
    "camt": "camt053",
    "xml": "camt053",
    "bai": "bai2",
    "mt942": "mt940",
    "mt-940": "mt940",
    "swift": "mt940",
}
_BOM = b"\xef\xbb\xbf"
# Larger than any day's statement of a large company; refuses a wrong file before reading it.
MAX_FILE_BYTES = 64 * 1024 * 1024
_MT940_HINT = re.compile(rb"(?m)^(\{1:|:20:|:940:)")


def detect_format(data: bytes) -> str | None:
    """``csv``, ``bai2``, ``camt053``, ``camt054`` or ``mt940`` from the first bytes; None when
    nothing fits."""
    head = data[:8192].removeprefix(_BOM).lstrip(b"\x00\x01\x02\x03 \t\r\n")
    if head.startswith(b"<"):
        return "camt054" if b"camt.054" in head else "camt053"
    if re.match(rb"01,", head):
        return "bai2"
    if _MT940_HINT.search(head):
        return "mt940"
    from integrations.bank.csvfile import looks_like_csv

    if looks_like_csv(_text(head, "")):
        return "csv"
    return None


def _text(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Bank exports from Windows systems are often cp1252; it decodes any byte but five.
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text and name:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise BankFileError(f"{name}:{line}: NUL byte: this is not a text bank file")
    return text


def parse_statement_bytes(
    data: bytes, name: str, format: str | None = None, profile: str | None = None
) -> BankStatement:
    """A bank file's bytes read whole; ``name`` is what error messages call the file."""
    if len(data) > MAX_FILE_BYTES:
        raise BankFileError(
            f"{name}: {len(data)} bytes is larger than any bank file arbot reads "
            f"({MAX_FILE_BYTES // (1024 * 1024)} MB)"
        )
    wanted = (format or "").strip().lower()
    chosen = _ALIASES.get(wanted, wanted) or ("csv" if profile else detect_format(data))
    if chosen is None:
        raise BankFileError(
            f"{name}:1: not a bank file this reader knows (camt.053/.054 XML, BAI2 starting "
            "with 01, MT940/MT942, or a CSV export with a header row; use --profile for others)"
        )
    if chosen not in FORMATS:
        raise BankFileError(f"{name}: unknown format '{format}' (expected {', '.join(FORMATS)})")
    if chosen in ("camt053", "camt054"):
        from integrations.bank.camt053 import parse_camt

        statement = parse_camt(data, name)
    elif chosen == "bai2":
        from integrations.bank.bai2file import parse_bai2

        statement = parse_bai2(_text(data, name), name)
    elif chosen == "mt940":
        from integrations.bank.mt940file import parse_mt940

        statement = parse_mt940(_text(data, name), name)
    else:
        from integrations.bank.csvfile import parse_csv

        statement = parse_csv(_text(data, name), name, profile)
    return _unique(statement)


def _unique(statement: BankStatement) -> BankStatement:
    receipts = unique_ids(statement.receipts)
    taken = {line.payment_id for line in receipts}
    return replace(
        statement, receipts=receipts, not_receipts=unique_others(statement.not_receipts, taken)
    )


def unique_others(not_receipts: list[NotReceipt], taken: set[str]) -> list[NotReceipt]:
    """The not-receipts' ids made unique as ``unique_ids`` makes the receipts' (``ID~2``...),
    none taking an id in ``taken`` (the receipts' ids, as ``unique_ids`` left them)."""
    seen: Counter[str] = Counter()
    others = []
    for item in not_receipts:
        base = item.payment_id
        seen[base] += 1
        candidate = base if seen[base] == 1 else f"{base}~{seen[base]}"
        while candidate in taken:  # advances the count, so at most once per receipt id
            seen[base] += 1
            candidate = f"{base}~{seen[base]}"
        taken.add(candidate)
        others.append(replace(item, payment_id=candidate))
    return others


def read_statement(
    path: str | Path, format: str | None = None, profile: str | None = None
) -> BankStatement:
    """The whole file: ``.receipts`` to match, ``.not_receipts`` with their reasons, ``.format``
    detected, ``.warnings``. ``format`` is one of ``FORMATS`` (or ``mt942``), detected from the
    content when None; ``profile`` names a built-in CSV profile or a TOML file. Raises
    ``BankFileError`` (``file:line: problem``) when anything is malformed; returns nothing then."""
    file = Path(path)
    try:
        size = file.stat().st_size
        data = b"" if size > MAX_FILE_BYTES else file.read_bytes()
    except OSError as error:
        raise BankFileError(f"{file}: cannot read: {error.strerror or error}") from None
    if size > MAX_FILE_BYTES:
        raise BankFileError(f"{file}: {size} bytes is larger than any bank file arbot reads")
    return parse_statement_bytes(data, str(file), format, profile)


def parse_bank_bytes(
    data: bytes, name: str, format: str | None = None, profile: str | None = None
) -> list[BankLine]:
    """The receipts in a bank file's bytes (see ``parse_statement_bytes``)."""
    return parse_statement_bytes(data, name, format, profile).receipts


def read_bank_file(
    path: str | Path, format: str | None = None, profile: str | None = None
) -> list[BankLine]:
    """The customer receipts in the file as ``BankLine``s (see ``read_statement``)."""
    return read_statement(path, format, profile).receipts
