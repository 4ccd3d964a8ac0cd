"""The connection a cash run's batches read the ledger through keeps a small SQLite page cache
while the run holds it, and goes back to the pool as it was lent."""

from __future__ import annotations

from pathlib import Path

from graph.ar.cashapp_ledger import READ_CACHE_KIB, LedgerItems
from integrations.erp.local import LocalLedger


def cache_size(ledger: LocalLedger) -> int:
    with ledger.engine.connect() as conn:
        (size,) = conn.exec_driver_sql("PRAGMA cache_size").one()
        return int(size)


def test_a_batch_reads_with_a_small_cache_and_gives_the_connection_back_as_lent(
    tmp_path: Path,
) -> None:
    ledger = LocalLedger.open(f"sqlite:///{tmp_path / 'ledger.db'}")
    try:
        lent = cache_size(ledger)
        items = LedgerItems(ledger.engine, frozenset({"C1"}))
        items.prefetch(["INV-1"], ["C1"])
        (during,) = items._connection().exec_driver_sql("PRAGMA cache_size").one()
        assert during == -READ_CACHE_KIB != lent
        assert items.forget()
        assert cache_size(ledger) == lent
    finally:
        ledger.close()
