"""Bank files (csv, BAI2, camt.053) read into ``BankLine`` credits for cash application."""

from integrations.bank.errors import BankFileError
from integrations.bank.formats import FORMATS, detect_format, parse_bank_bytes, read_bank_file

__all__ = ["FORMATS", "BankFileError", "detect_format", "parse_bank_bytes", "read_bank_file"]
