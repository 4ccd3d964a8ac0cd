"""Read a bank file (csv, BAI2, camt.053) into ``BankLine`` credits, all or nothing."""

from __future__ import annotations

import re
from pathlib import Path

from integrations.bank.bai2file import parse_bai2
from integrations.bank.camt053 import parse_camt053
from integrations.bank.csvfile import COLUMNS, parse_csv
from integrations.bank.errors import BankFileError, unique_ids
from integrations.erp.records import BankLine

FORMATS = ("csv", "bai2", "camt053")
_ALIASES = {"camt.053": "camt053", "camt": "camt053", "xml": "camt053", "bai": "bai2"}
_BOM = b"\xef\xbb\xbf"


def detect_format(data: bytes) -> str | None:
    """``csv``, ``bai2`` or ``camt053`` from the file's first bytes; None when none fits."""
    head = data[:4096].removeprefix(_BOM).lstrip()
    if head.startswith(b"<"):
        return "camt053"
    if re.match(rb"01,", head):
        return "bai2"
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lower()
    if "payment_id" in first:
        return "csv"
    return None


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Bank exports from Windows systems are often cp1252; it decodes any byte but five.
        return data.decode("cp1252", errors="replace")


def parse_bank_bytes(data: bytes, name: str, format: str | None = None) -> list[BankLine]:
    """The credits in a bank file's bytes; ``name`` is what error messages call the file."""
    chosen = _ALIASES.get((format or "").lower(), (format or "").lower()) or detect_format(data)
    if chosen is None:
        raise BankFileError(
            f"{name}:1: not a bank file this reader knows (csv with header "
            f"{','.join(COLUMNS)}; BAI2 starting with 01; camt.053 XML)"
        )
    if chosen not in FORMATS:
        raise BankFileError(f"{name}: unknown format '{format}' (expected {', '.join(FORMATS)})")
    if chosen == "camt053":
        lines = parse_camt053(data, name)
    elif chosen == "bai2":
        lines = parse_bai2(_text(data), name)
    else:
        lines = parse_csv(_text(data), name)
    return unique_ids(lines)


def read_bank_file(path: str | Path, format: str | None = None) -> list[BankLine]:
    """Every credit in the file as a ``BankLine``, debits skipped; ``format`` is ``csv``,
    ``bai2`` or ``camt053`` (detected from the content when None). Raises ``BankFileError``
    naming the file, line and problem when anything in it is malformed; returns nothing then."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise BankFileError(f"{file}: cannot read: {error.strerror or error}") from None
    return parse_bank_bytes(data, str(file), format)
