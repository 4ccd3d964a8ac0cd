"""Records kept on disk instead of in memory: an anonymous temporary file of pickled records,
written in order and read back in order, a chunk at a time.

The file is ``tempfile.TemporaryFile``'s: in the system's temporary directory, readable and
writable by its owner only, with no name anyone can open (unlinked, or never linked, as it is
made); it goes when the spool is closed or collected, or the process ends. What it holds may be
customer data: nothing here logs it.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import Any


class Spool:
    """Records appended in order, read back in order (``__iter__``, any number of times, passes
    at once too), ``chunk`` records to a pickle: a pass holds one chunk of them at a time."""

    def __init__(self, chunk: int = 1) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close() or on collection)
        self._chunk = chunk
        self._count = 0
        self._waiting: list[Any] = []  # appended, not yet written
        self._end = 0  # where the next chunk is written
        self._at = 0  # where the file's position is

    def append(self, record: Any) -> None:
        self._waiting.append(record)
        self._count += 1
        if len(self._waiting) >= self._chunk:
            self._write()

    def _write(self) -> None:
        if not self._waiting:
            return
        if self._at != self._end:
            self._file.seek(self._end)
        pickle.dump(self._waiting, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._end = self._at = self._file.tell()
        self._waiting = []

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        """The records appended so far, a chunk read at a time."""
        self._write()
        self._file.flush()
        return self._read(self._end)

    def _read(self, end: int) -> Iterator[Any]:
        at = 0
        while at < end:
            if self._at != at:
                self._file.seek(at)
            chunk = pickle.load(self._file)
            at = self._at = self._file.tell()
            yield from chunk

    def close(self) -> None:
        self._file.close()

    @property
    def closed(self) -> bool:
        return self._file.closed
