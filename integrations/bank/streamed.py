"""A bank file read as it is run: checked whole once, its receipts read again from the file a
line at a time each time they are gone through, so a run holds a batch of lines, not the file's.

``open_statement(path)`` refuses exactly what ``read_statement(path)`` refuses, with the same
message, before it returns (nothing of a bad file is ever handed on); its ``receipts`` are the
same lines in the same order. arbot's own CSV layout is streamed; the other formats (camt,
BAI2, MT940, banks' CSV exports) are read whole as before.
"""

from __future__ import annotations

import codecs
import hashlib
import io
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from integrations.bank.csvfile import _is_contract, contract_lines
from integrations.bank.errors import BankFileError
from integrations.bank.formats import (
    _ALIASES,
    MAX_FILE_BYTES,
    detect_format,
    parse_statement_bytes,
)
from integrations.bank.statement import BankStatement, NotReceipt
from integrations.erp.records import BankLine

CHUNK = 1 << 16  # bytes read at a time
HEAD = 1 << 16  # bytes whose first non-blank line tells arbot's own CSV layout


@dataclass(slots=True)
class FileStatement:
    """``BankStatement``'s fields; ``receipts`` read from the file each time (``FileLines``)."""

    format: str
    receipts: FileLines
    not_receipts: list[NotReceipt] = field(default_factory=list)
    debit_count: int = 0
    warnings: list[str] = field(default_factory=list)


class FileLines(Collection[BankLine]):
    """The receipts of a file checked whole (``open_statement``), read from it again, a line at
    a time, on every iteration; ``len`` without reading. A file changed since it was checked is
    refused (``BankFileError``): before the first line when its size or time changed, at the end
    when its content did."""

    def __init__(self, path: Path, name: str, encoding: str) -> None:
        """The file's lines read once whole, checked as ``read_statement`` checks them (their
        ids too), and let go: raises the same ``BankFileError``."""
        self._path, self._name, self._encoding = path, name, encoding
        self._repeated: frozenset[str] = frozenset()
        self._stamp = _stamp(path)
        self._digest = ""
        ids: Counter[str] = Counter()
        try:
            for line in self._read(check_ids=True):
                ids[line.payment_id] += 1
        except OSError as error:
            raise BankFileError(f"{name}: cannot read: {error.strerror or error}") from None
        self._count = ids.total()
        # Ids written on more than one line (no id of its own: hashed), renamed ``ID~2``...
        self._repeated = frozenset(payment_id for payment_id, n in ids.items() if n > 1)

    def __len__(self) -> int:
        return self._count

    def __contains__(self, item: object) -> bool:
        return any(line == item for line in self)

    def __iter__(self) -> Iterator[BankLine]:
        return self._read(check_ids=False)

    def _read(self, *, check_ids: bool) -> Iterator[BankLine]:
        try:
            raw = self._path.open("rb")
        except OSError as error:
            raise BankFileError(f"{self._name}: cannot read: {error.strerror or error}") from None
        with raw:
            if self._digest and _stamp(self._path) != self._stamp:
                raise BankFileError(f"{self._name}: the file changed while it was being read")
            hashing = _Hashing(raw)
            text = io.TextIOWrapper(
                io.BufferedReader(hashing, CHUNK), self._encoding, "replace", newline=""
            )
            seen: Counter[str] = Counter()
            for line in contract_lines(text, self._name, check_ids=check_ids):
                if line.payment_id in self._repeated:  # as ``errors.unique_ids`` renames
                    seen[line.payment_id] += 1
                    if (count := seen[line.payment_id]) > 1:
                        line = replace(line, payment_id=f"{line.payment_id}~{count}")
                yield line
            text.detach()
            digest = hashing.hexdigest()
            if self._digest and digest != self._digest:
                raise BankFileError(f"{self._name}: the file changed while it was being read")
            self._digest = digest


class _Hashing(io.RawIOBase):
    """A binary file's bytes as they are read, hashed on the way."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._hash = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        self._hash.update(data)
        return len(data)

    def hexdigest(self) -> str:
        rest = self._raw.read()
        self._hash.update(rest)
        return self._hash.hexdigest()


def _stamp(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def open_statement(
    path: str | Path, format: str | None = None, profile: str | None = None
) -> BankStatement | FileStatement:
    """``read_statement(path, format, profile)``: the same refusals and the same lines; arbot's
    own CSV layout comes back as a ``FileStatement`` whose receipts are read from the file as
    they are gone through, any other file as the ``BankStatement`` read whole."""
    file = Path(path)
    name = str(file)
    try:
        size = file.stat().st_size
        with file.open("rb") as handle:
            head = handle.read(HEAD)
    except OSError as error:
        raise BankFileError(f"{file}: cannot read: {error.strerror or error}") from None
    if size > MAX_FILE_BYTES:
        raise BankFileError(f"{file}: {size} bytes is larger than any bank file arbot reads")
    wanted = (format or "").strip().lower()
    chosen = _ALIASES.get(wanted, wanted) or (None if profile else detect_format(head))
    encoding = _encoding(file, name) if chosen == "csv" and profile is None else None
    if encoding is None or not _contract_head(head, size, encoding):
        return _whole(file, format, profile)
    return FileStatement("csv", FileLines(file, name, encoding))


def _whole(file: Path, format: str | None, profile: str | None) -> BankStatement:
    try:
        data = file.read_bytes()
    except OSError as error:
        raise BankFileError(f"{file}: cannot read: {error.strerror or error}") from None
    return parse_statement_bytes(data, str(file), format, profile)


def _encoding(file: Path, name: str) -> str | None:
    """How ``formats._text`` decodes the whole file (UTF-8, else cp1252), found a chunk at a
    time; None for a file with a NUL byte (read whole, for its located refusal)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    utf8 = True
    try:
        with file.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                if b"\x00" in chunk:
                    return None
                if utf8:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        utf8 = False
        if utf8:
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        utf8 = False
    except OSError:
        return None  # read whole: the same refusal as ``read_statement``
    return "utf-8-sig" if utf8 else "cp1252"


def _contract_head(head: bytes, size: int, encoding: str) -> bool:
    """arbot's own layout, told from the file's first non-blank line as ``parse_csv`` tells it
    from the whole text; False when that line does not end inside ``head``."""
    text = head.decode(encoding, "replace" if encoding == "cp1252" else "ignore")
    lines = text.splitlines()
    whole = len(head) == size
    for number, line in enumerate(lines):
        if line.strip():
            return (whole or number < len(lines) - 1) and _is_contract(line)
    return False
