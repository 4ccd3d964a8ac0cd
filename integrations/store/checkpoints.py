"""The durable LangGraph checkpointer in the bot's store: SQLite saver or Postgres saver.

Checkpoints are deserialized with LangGraph's strict allow-list (our graph state holds only
strings and plain dicts), so a row written by someone else cannot make the process run code.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from sqlalchemy.engine import URL, make_url

from integrations.db import POSTGRES_EXTRA, MissingDriver

# The advisory lock LangGraph's own migrations run under (not the one of arbot's migrations).
CHECKPOINT_LOCK_KEY = 0x6172626F75


def open_checkpointer(database_url: str) -> BaseCheckpointSaver:
    serde = JsonPlusSerializer(allowed_msgpack_modules=None)
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        from langgraph.checkpoint.sqlite import SqliteSaver

        path = url.database or ":memory:"
        if path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, check_same_thread=False, timeout=30)
        saver: BaseCheckpointSaver = SqliteSaver(conn, serde=serde)
        saver.setup()  # type: ignore[attr-defined]
        return saver
    if url.get_backend_name() == "postgresql":
        return _postgres_checkpointer(url, serde)
    raise ValueError(f"no LangGraph checkpointer for {url.get_backend_name()} databases")


def _postgres_checkpointer(url: URL, serde: JsonPlusSerializer) -> BaseCheckpointSaver:
    try:
        from langgraph.checkpoint.postgres import PostgresSaver
        from psycopg import Connection
        from psycopg.rows import dict_row
    except ImportError:
        raise MissingDriver(POSTGRES_EXTRA) from None

    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    conn = Connection.connect(conninfo, autocommit=True, prepare_threshold=0, row_factory=dict_row)
    saver = PostgresSaver(conn, serde=serde)
    # Its own migrations, one process at a time (replicas starting together). They build an
    # index CONCURRENTLY, which waits for every older transaction in the database: so the
    # others wait for the lock outside any transaction (polling), never inside one.
    while not _try_lock(conn):
        time.sleep(0.1)
    try:
        saver.setup()
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (CHECKPOINT_LOCK_KEY,))
    return saver


def _try_lock(conn: Any) -> bool:
    row = conn.execute("SELECT pg_try_advisory_lock(%s) AS got", (CHECKPOINT_LOCK_KEY,)).fetchone()
    return bool(row and row["got"])
