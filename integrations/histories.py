"""arbot's four migration histories in one place: ``arbot db upgrade``, every server start and
``/readyz`` bring up or check them all, under the migration lock (integrations.db)."""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from integrations.db import current_revision, head_revision, make_engine, migrate

# name → the module that holds the history's MIGRATIONS folder and VERSION_TABLE
HISTORIES = {
    "store": "integrations.store.store",
    "ledger": "integrations.erp.local.ledger",
    "quickbooks": "integrations.erp.quickbooks.store",
    "intacct": "integrations.erp.intacct.state",
}


@dataclass(frozen=True)
class Revision:
    history: str
    current: str | None
    head: str | None
    upgraded: bool = False

    @property
    def at_head(self) -> bool:
        return self.current == self.head


def _where(name: str) -> tuple[Path, str]:
    module = importlib.import_module(HISTORIES[name])
    return module.MIGRATIONS, module.VERSION_TABLE


@functools.cache
def _head(name: str) -> str | None:
    return head_revision(_where(name)[0])


def upgrade_all(url: str) -> list[Revision]:
    """Every history at its head, and LangGraph's checkpoint tables set up; safe to run from
    any number of processes at once, and a no-op on a current database."""
    from integrations.store.checkpoints import open_checkpointer

    engine = make_engine(url)
    try:
        done = []
        for name in HISTORIES:
            folder, table = _where(name)
            upgraded = migrate(engine, folder, table)
            done.append(Revision(name, current_revision(engine, table), _head(name), upgraded))
    finally:
        engine.dispose()
    saver = open_checkpointer(url)
    conn = getattr(saver, "conn", None)
    if conn is not None:
        conn.close()
    return done


def revisions(engine: Engine) -> list[Revision]:
    """Where each history stands in this database against the code's head."""
    found = []
    for name in HISTORIES:
        found.append(Revision(name, current_revision(engine, _where(name)[1]), _head(name)))
    return found
