"""What a cash run makes line by line, kept on disk instead of in memory: a temporary file of
pickled records, written in order and read back in order (``arbot cashapp`` holds a batch of
results at a time, never the file's; the file goes when the spool is closed or collected)."""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter
from collections.abc import Iterator
from typing import Any


class Spool:
    """Records appended in order, read back in order (``__iter__``, any number of times)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close() or on collection)
        self._count = 0

    def append(self, record: Any) -> None:
        pickle.dump(record, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        self._file.flush()
        end = self._file.tell()
        self._file.seek(0)
        try:
            for _ in range(self._count):
                yield pickle.load(self._file)
        finally:
            self._file.seek(end)

    def close(self) -> None:
        self._file.close()


class ResultSpool(Spool):
    """A run's result rows, counted by decision as they come (``CashRun.count``)."""

    def __init__(self) -> None:
        super().__init__()
        self.decisions: Counter[str] = Counter()

    def append(self, record: dict[str, Any]) -> None:
        super().append(record)
        self.decisions[record["decision"]] += 1
