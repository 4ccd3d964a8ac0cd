"""``Spool``: records on disk, read back in order a chunk at a time, any number of passes, passes
at once too (each reads from where it is), appends after a pass seen by the next one."""

from __future__ import annotations

import pytest

from integrations.spool import Spool


@pytest.mark.parametrize("chunk", [1, 3, 1000])
def test_records_come_back_in_order_over_passes_at_once(chunk: int) -> None:
    spool = Spool(chunk)
    records = [(n, f"text {n}", {"n": n}) for n in range(10)]
    for record in records[:7]:
        spool.append(record)
    first, second = iter(spool), iter(spool)
    mixed = [next(first), next(first), next(second), next(first), next(second)]
    assert mixed == [records[0], records[1], records[0], records[2], records[1]]
    for record in records[7:]:
        spool.append(record)  # written while passes are under way: the next pass sees them
    assert list(first) == records[3:7]
    assert list(second) == records[2:7]
    assert len(spool) == 10 and list(spool) == records == list(spool)
    spool.close()
    assert spool.closed
