"""BAI2 records as banks write them, before they are interpreted.

A record starts with its two-digit code and a comma, and ends at ``/``, at the end of the
physical line or where the next record starts: real files put several records on one line
(``..PPD/ 16,142,..``), split one record over two lines, or leave the ``/`` out. An ``88``
continues the record before it: the fields of a ``01``-``03``/``49``/``98``/``99``, the text of a
``16``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from integrations.bank.errors import BankFileError
from integrations.bank.statement import short

CODES = ("01", "02", "03", "16", "49", "88", "98", "99")
_NEXT_RECORD = re.compile(r"(?a)(?<=/)\s+(?=(?:01|02|03|16|49|88|98|99),)")
_START = re.compile(r"(?a)(?P<code>\d\d),")
_MAX_LINE = 100_000
_WRAP_WIDTH = 80  # the classic BAI physical record length: a full line is cut mid-word


@dataclass
class Record:
    code: str
    line: int
    body: str  # everything after ``NN,``, continuations joined, final ``/`` removed
    texts: list[str] = field(default_factory=list)  # 88 text lines after a 16
    count: int = 1  # physical records: itself and its 88 continuations
    last_line: int = 0  # the file line its last continuation is on


def split_records(text: str, name: str) -> list[Record]:
    """Every record of the file, each with its continuations; refuses a file that does not
    start with a file header (01)."""
    records = list(read_records(text.splitlines(), name))
    if not records:
        raise BankFileError(f"{name}:1: empty file")
    if records[0].code != "01":
        raise BankFileError(f"{name}:{records[0].line}: a BAI2 file starts with a file header (01)")
    return records


def read_records(lines: Iterable[str], name: str) -> Iterator[Record]:
    """The records of ``lines`` (the file's lines, as ``str.splitlines`` gives them), each
    handed on once the next record starts: its continuations joined to it."""
    records: list[Record] = []  # the record being read, or none yet
    widths: list[int] = []  # the length of each 88 text, to know whether it was cut
    for number, raw in enumerate(lines, start=1):
        if len(raw) > _MAX_LINE:
            raise BankFileError(f"{name}:{number}: line of {len(raw)} characters is not BAI2")
        line = raw.strip().strip("\x00\x1a")
        if not line:
            continue
        for chunk in _NEXT_RECORD.split(line):
            found = _START.match(chunk)
            if found is None:
                if not records:
                    raise BankFileError(f"{name}:{number}: '{short(chunk)}' is not a BAI2 record")
                _continue(records[-1], chunk, widths)
                records[-1].last_line = number
                continue
            code = found["code"]
            if code not in CODES:
                raise BankFileError(f"{name}:{number}: '{short(chunk)}' is not a BAI2 record")
            body = chunk[3:]
            if code != "88":
                if records:
                    yield records.pop()
                records.append(Record(code, number, _unterminated(body), last_line=number))
                widths = []
                continue
            if not records:
                raise BankFileError(f"{name}:{number}: continuation (88) with no record before it")
            previous = records[-1]
            previous.count += 1
            previous.last_line = number
            if previous.code == "16":
                piece = _unterminated(body, keep_inner=True)
                if previous.texts and widths and widths[-1] >= _WRAP_WIDTH:
                    previous.texts[-1] += piece
                else:
                    previous.texts.append(piece)
                widths.append(len(chunk))
            else:
                previous.body = previous.body + "," + _unterminated(body)
    yield from records


def _unterminated(body: str, keep_inner: bool = False) -> str:
    body = body.rstrip()
    if body.endswith("/"):
        body = body[:-1]
    return body if keep_inner else body.rstrip()


def _continue(record: Record, chunk: str, widths: list[int]) -> None:
    """A physical line that starts no record continues the one before it."""
    if record.code == "16" and record.texts:
        record.texts[-1] += ("" if widths and widths[-1] >= _WRAP_WIDTH else " ") + _unterminated(
            chunk, keep_inner=True
        )
    elif record.code == "16":
        record.body = record.body + " " + _unterminated(chunk)
    else:
        record.body = record.body + _unterminated(chunk)


def texts(record: Record) -> list[str]:
    """The 88 texts of a 16, lines cut at the record width joined again, spaces normalised."""
    return [" ".join(t.split()) for t in record.texts if t.strip()]
