"""A bank file read once, a piece at a time, and run from a spool: checked whole while its
receipts are written to an anonymous temporary file, which every pass over them reads back a
chunk at a time, so a run holds a chunk of lines, never the file, and parses it once.

``open_statement(path)`` refuses exactly what ``read_statement(path)`` refuses, with the same
message, before it returns (nothing of a bad file is ever handed on); its ``receipts`` are the
same lines in the same order, with the same ids; its not-receipts, debits and warnings are
``read_statement``'s. Streamed, each by the reader ``read_statement`` uses, a piece at a time:

* arbot's own CSV layout, a line at a time (``csvfile.contract_lines``);
* camt.053/.054, an ``Ntry`` at a time (``camtstream``: ``lxml.etree.iterparse``, each entry
  let go once read);
* BAI2, a record at a time (``bai2records.read_records``, ``bai2file.bai2_details``);
* MT940/MT942, a field at a time (``mt940file.read_fields``, ``mt940file.mt940_entries``);
* banks' CSV exports, a row at a time (``csvexport.export_lines``), once their settings are
  found (``csvexport.export_settings``: the profile's, or the decimal mark and date format their
  rows show, the file read once more for them).

The check reads the file to its end. A file the streamed reader refuses or cannot follow as the
whole reader does (``Unstreamable``: a statement's header after its entries, a second statement
wrapper, a NUL byte, say) is read whole, by ``read_statement``'s own code: its refusal, or its
statement, is then ``read_statement``'s by construction (reading a hostile file whole costs
what it always did: at most ``MAX_FILE_BYTES``).

What was checked is what runs: the receipts come from the spool (``integrations.spool``: in
the system's temporary directory, owner-only, nameless, deleted when the statement is closed or
collected, and on a refusal), never from the file again, so a file changed after the check
changes nothing. A file whose size, time or inode changed while it was checked is refused
(``BankFileError``, "changed while it was being read"); one that changed between being first
looked at (its format, encoding, an export's settings) and the check is read whole as it is.
"""

from __future__ import annotations

import codecs
import io
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import IO

from integrations.bank.csvfile import _is_contract
from integrations.bank.errors import BankFileError, Unstreamable
from integrations.bank.formats import (
    _ALIASES,
    MAX_FILE_BYTES,
    detect_format,
    parse_statement_bytes,
    unique_others,
)
from integrations.bank.statement import BankStatement, NotReceipt
from integrations.bank.streamreaders import Reader, bai2, camt, contract, export, mt940
from integrations.erp.records import BankLine
from integrations.spool import Spool

CHUNK = 1 << 16  # bytes read at a time
SPOOLED = 512  # receipts to a chunk of the spool
# A receipt spooled as the tuple of its fields, in order (``BankLine(*record)`` again).
_record = attrgetter(*(f.name for f in fields(BankLine)))
HEAD = 1 << 16  # bytes whose first non-blank line tells arbot's own CSV layout


@dataclass(slots=True)
class FileStatement:
    """``BankStatement``'s fields; ``receipts`` read back from the spool each time
    (``FileLines``). ``close()`` deletes the spool (so does collecting it)."""

    format: str
    receipts: FileLines
    not_receipts: list[NotReceipt] = field(default_factory=list)
    debit_count: int = 0
    warnings: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.receipts.close()


class FileLines(Collection[BankLine]):
    """The receipts of a file checked whole (``open_statement``), as the check read them, kept
    on disk (a ``Spool``, ``SPOOLED`` lines to a chunk) and read back a chunk at a time on every
    iteration; ``len`` without reading. The file is not read again: what was checked is what
    runs, whatever becomes of the file after."""

    def __init__(
        self, path: Path, name: str, reader: Reader, format: str, stamp: tuple[int, int, int]
    ) -> None:
        """The file read once whole, a piece at a time, its receipts spooled and let go; what
        is not a receipt is kept (``statement``). Raises ``Unstreamable`` for a file to read
        whole instead, whatever the streamed reader met (a refusal too), ``BankFileError`` for
        a file that changed while it was read."""
        self._name = name
        self._spool = Spool(SPOOLED)
        self.statement = BankStatement(format)
        ids: Counter[str] = Counter()
        try:
            with _opened(path, name) as raw:
                if _stamp(path) != stamp:  # since it was first looked at: read it whole now
                    raise BankFileError(f"{name}: the file changed while it was being read")
                for line in reader(raw, name, self.statement):
                    ids[line.payment_id] += 1
                    self._spool.append(_record(line))
            changed = _stamp(path) != stamp
        except Exception as error:  # the whole reader says what it is, or reads it
            self._spool.close()
            raise Unstreamable(f"{name}: {error}") from error
        if changed:  # while it was read: no telling what was read
            self._spool.close()
            raise BankFileError(f"{name}: the file changed while it was being read")
        self._count = ids.total()
        # Ids written on more than one line, renamed ``ID~2``... as ``errors.unique_ids`` does.
        self._repeated = frozenset(payment_id for payment_id, n in ids.items() if n > 1)
        if self.statement.not_receipts:
            taken = set(ids) | {
                f"{payment_id}~{n}"
                for payment_id in self._repeated
                for n in range(2, ids[payment_id] + 1)
            }
            self.statement.not_receipts = unique_others(self.statement.not_receipts, taken)

    def __len__(self) -> int:
        return self._count

    def __contains__(self, item: object) -> bool:
        return any(line == item for line in self)

    def __iter__(self) -> Iterator[BankLine]:
        if self._spool.closed:
            raise BankFileError(f"{self._name}: the statement was closed")
        return self._lines()

    def _lines(self) -> Iterator[BankLine]:
        repeated = self._repeated
        seen: Counter[str] = Counter()
        for payment_id, *rest in self._spool:
            if payment_id in repeated:
                seen[payment_id] += 1
                if (count := seen[payment_id]) > 1:
                    payment_id = f"{payment_id}~{count}"
            yield BankLine(payment_id, *rest)

    def close(self) -> None:
        """Deletes the spool (collecting the lines does too)."""
        self._spool.close()


def _opened(path: Path, name: str) -> IO[bytes]:
    try:
        return path.open("rb", buffering=CHUNK)
    except OSError as error:
        raise BankFileError(f"{name}: cannot read: {error.strerror or error}") from None


def _stamp(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def open_statement(
    path: str | Path, format: str | None = None, profile: str | None = None
) -> BankStatement | FileStatement:
    """``read_statement(path, format, profile)``: the same refusals and the same lines; a file
    any reader streams comes back as a ``FileStatement`` whose receipts are read from the file
    as they are gone through, a file read whole (refused, or one the streamed reader cannot
    follow) as its ``BankStatement``."""
    file = Path(path)
    name = str(file)
    try:
        stamp = _stamp(file)  # what is found out about the file below is of this one
        size = stamp[0]
        with file.open("rb") as handle:
            head = handle.read(HEAD)
    except OSError as error:
        raise BankFileError(f"{file}: cannot read: {error.strerror or error}") from None
    if size > MAX_FILE_BYTES:
        raise BankFileError(f"{file}: {size} bytes is larger than any bank file arbot reads")
    wanted = (format or "").strip().lower()
    chosen = _ALIASES.get(wanted, wanted) or ("csv" if profile else detect_format(head))
    reader = _reader(file, name, chosen, profile, head, size)
    if reader is None:
        return _whole(file, format, profile)
    try:
        lines = FileLines(file, name, reader, chosen or "", stamp)
    except Unstreamable:
        return _whole(file, format, profile)
    read = lines.statement
    return FileStatement(read.format, lines, read.not_receipts, read.debit_count, read.warnings)


def _reader(
    file: Path, name: str, chosen: str | None, profile: str | None, head: bytes, size: int
) -> Reader | None:
    """How the file is streamed, or None when it is read whole."""
    if chosen in ("camt053", "camt054"):
        return None if _declares(file) else camt
    if chosen not in ("csv", "bai2", "mt940"):
        return None
    encoding = _encoding(file)
    if encoding is None:
        return None
    if chosen != "csv":
        return bai2(encoding) if chosen == "bai2" else mt940(encoding)
    own = _contract_head(head, size, encoding) if profile is None else False
    if own:
        return contract(encoding)
    return None if own is None else _export(file, name, encoding, profile)


def _export(file: Path, name: str, encoding: str, profile: str | None) -> Reader | None:
    """A bank's CSV export, read with the settings ``parse_export`` finds (its profile's, or
    those its rows show: the file read once more for them); None to read it whole."""
    from integrations.bank.csvexport import export_settings
    from integrations.bank.csvprofile import load_profile

    def lines() -> Iterator[str]:
        with file.open("rb") as raw:
            yield from io.TextIOWrapper(raw, encoding, "replace", newline="")

    try:
        settings = export_settings(lines, name, load_profile(profile) if profile else None)
    except Exception:  # the whole reader says what is wrong, or reads it
        return None
    return export(encoding, settings)


def _whole(file: Path, format: str | None, profile: str | None) -> BankStatement:
    try:
        data = file.read_bytes()
    except OSError as error:
        raise BankFileError(f"{file}: cannot read: {error.strerror or error}") from None
    return parse_statement_bytes(data, str(file), format, profile)


def _declares(file: Path) -> bool:
    """A DOCTYPE or entity declaration anywhere in the file (``parse_camt`` refuses it), or a
    file that cannot be read: either is read whole."""
    from integrations.bank.camtstream import DECLARATIONS

    keep = max(len(d) for d in DECLARATIONS) - 1
    tail = b""
    try:
        with file.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                text = tail + chunk.upper()
                if any(d in text for d in DECLARATIONS):
                    return True
                tail = text[-keep:]
    except OSError:
        return True
    return False


def _encoding(file: Path) -> str | None:
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


def _contract_head(head: bytes, size: int, encoding: str) -> bool | None:
    """arbot's own layout, told from the file's first non-blank line as ``parse_csv`` tells it
    from the whole text; None when that line does not end inside ``head``."""
    text = head.decode(encoding, "replace" if encoding == "cp1252" else "ignore")
    lines = text.splitlines()
    whole = len(head) == size
    for number, line in enumerate(lines):
        if line.strip():
            return _is_contract(line) if whole or number < len(lines) - 1 else None
    return False if whole else None
