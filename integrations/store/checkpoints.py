"""The durable LangGraph checkpointer in the bot's store: SQLite saver or Postgres saver.

Checkpoints are deserialized with LangGraph's strict allow-list (our graph state holds only
strings and plain dicts), so a row written by someone else cannot make the process run code.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from sqlalchemy.engine import make_url


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
    elif url.get_backend_name() == "postgresql":
        from langgraph.checkpoint.postgres import PostgresSaver
        from psycopg import Connection
        from psycopg.rows import dict_row

        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        conn = Connection.connect(
            conninfo, autocommit=True, prepare_threshold=0, row_factory=dict_row
        )
        saver = PostgresSaver(conn, serde=serde)
    else:
        raise ValueError(f"no LangGraph checkpointer for {url.get_backend_name()} databases")
    saver.setup()  # type: ignore[attr-defined]
    return saver
