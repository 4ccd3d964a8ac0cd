"""What a cash run makes line by line, kept on disk instead of in memory: a temporary file of
pickled records, written in order and read back in order (``arbot cashapp`` holds a batch of
results at a time, never the file's; the file goes when the spool is closed or collected)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import fields
from operator import attrgetter
from typing import Any

from graph.ar.cashapp_model import CashAlternative, CashMatch
from integrations.spool import Spool

__all__ = ["MatchSpool", "ResultSpool", "Spool"]


class ResultSpool(Spool):
    """A run's result rows, counted by decision as they come (``CashRun.count``)."""

    def __init__(self) -> None:
        super().__init__()
        self.decisions: Counter[str] = Counter()

    def append(self, record: dict[str, Any]) -> None:
        super().append(record)
        self.decisions[record["decision"]] += 1


_MATCH = tuple(f.name for f in fields(CashMatch))
_ALTERNATIVE = tuple(f.name for f in fields(CashAlternative))
_ALTERNATIVES = _MATCH.index("alternatives")
_match_values = attrgetter(*_MATCH)
_alternative_values = attrgetter(*_ALTERNATIVE)


def _packable(match: Any) -> bool:
    return type(match) is CashMatch and all(type(a) is CashAlternative for a in match.alternatives)


def _packed(match: CashMatch) -> tuple[Any, ...]:
    """A ``CashMatch`` as the tuple of its fields (its alternatives as tuples of theirs): what
    pickle writes without the dataclass's ``__getstate__`` (Python, field by field)."""
    values = _match_values(match)
    if not match.alternatives:
        return values
    alternatives = tuple(map(_alternative_values, match.alternatives))
    return (*values[:_ALTERNATIVES], alternatives, *values[_ALTERNATIVES + 1 :])


def _unpacked(values: tuple[Any, ...]) -> CashMatch:
    """The ``CashMatch`` ``_packed`` made ``values`` of (equal to it, field for field)."""
    alternatives = values[_ALTERNATIVES]
    if alternatives:
        values = (
            *values[:_ALTERNATIVES],
            tuple(CashAlternative(*a) for a in alternatives),
            *values[_ALTERNATIVES + 1 :],
        )
    return CashMatch(*values)


class MatchSpool:
    """A run's matches, a chunk of them (a list) a record, read back as the chunks given. A
    chunk of ``CashMatch`` objects is written as the tuples of their fields and made again as
    it is read (~half the pickling CPU); any other chunk is written as it is."""

    def __init__(self) -> None:
        self._spool = Spool()

    def append(self, chunk: Iterable[Any]) -> None:
        matches = list(chunk)
        if all(map(_packable, matches)):
            self._spool.append((True, [_packed(match) for match in matches]))
        else:
            self._spool.append((False, matches))

    def __len__(self) -> int:
        return len(self._spool)

    def __iter__(self) -> Iterator[list[Any]]:
        for packed, chunk in self._spool:
            yield [_unpacked(values) for values in chunk] if packed else chunk

    def close(self) -> None:
        self._spool.close()
