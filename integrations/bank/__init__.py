"""Bank files (camt.053/.054, BAI2, MT940/MT942, CSV exports) read into receipts to apply and
credits that are not customer receipts, each with its reason."""

from integrations.bank.errors import BankFileError
from integrations.bank.formats import (
    FORMATS,
    detect_format,
    parse_bank_bytes,
    parse_statement_bytes,
    read_bank_file,
    read_statement,
)
from integrations.bank.statement import BankStatement, NotReceipt
from integrations.bank.streamed import FileLines, FileStatement, open_statement

__all__ = [
    "FORMATS",
    "BankFileError",
    "BankStatement",
    "FileLines",
    "FileStatement",
    "NotReceipt",
    "detect_format",
    "open_statement",
    "parse_bank_bytes",
    "parse_statement_bytes",
    "read_bank_file",
    "read_statement",
]
