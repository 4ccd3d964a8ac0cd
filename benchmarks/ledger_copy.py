"""A copy of a SQLite ledger for another checkout to run on (``--baseline-tree`` of the
benchmarks): taken back to that checkout's newest ledger migration, since an older checkout cannot
open a ledger a newer one migrated, and should not be timed on indexes it did not make."""

from __future__ import annotations

from pathlib import Path


def baseline_copy(url: str, tree: Path, folder: str) -> str:
    """A copy of the SQLite ledger at ``url`` in ``folder``, downgraded to the newest ledger
    migration ``tree`` has (its own state when that is ours)."""
    import sqlite3

    from integrations.db import alembic_config, make_engine, script_head, write_transaction
    from integrations.erp.local.ledger import MIGRATIONS, VERSION_TABLE

    if not url.startswith("sqlite:///"):
        raise SystemExit("--baseline-tree needs a SQLite --db (it copies the file)")
    path = Path(folder) / "baseline.db"
    source, target = sqlite3.connect(url.removeprefix("sqlite:///")), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    head = script_head(tree / "integrations/erp/local/migrations")
    copy = f"sqlite:///{path}"
    if head is not None and head != script_head(MIGRATIONS):
        from alembic import command

        config = alembic_config(MIGRATIONS)
        engine = make_engine(copy)
        with write_transaction(engine) as conn:
            config.attributes["connection"] = conn
            config.attributes["version_table"] = VERSION_TABLE
            command.downgrade(config, head)
        engine.dispose()
        print(f"baseline ledger: a copy taken back to migration {head}")
    return copy
