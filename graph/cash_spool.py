"""What a cash run makes line by line, kept on disk instead of in memory: a temporary file of
pickled records, written in order and read back in order (``arbot cashapp`` holds a batch of
results at a time, never the file's; the file goes when the spool is closed or collected)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from integrations.spool import Spool

__all__ = ["ResultSpool", "Spool"]


class ResultSpool(Spool):
    """A run's result rows, counted by decision as they come (``CashRun.count``)."""

    def __init__(self) -> None:
        super().__init__()
        self.decisions: Counter[str] = Counter()

    def append(self, record: dict[str, Any]) -> None:
        super().append(record)
        self.decisions[record["decision"]] += 1
