"""Engines and Alembic migrations for arbot's databases (SQLite by default, PostgreSQL alike).

The local ledger, the bot's store and the QuickBooks and Intacct tables each have their own
migration history and version table, so they can share one database or live in several. Every
upgrade runs under one database-wide lock (a PostgreSQL advisory lock; SQLite's write lock), so
replicas that start together on an empty database migrate it once and all come up.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, DateTime, Engine, create_engine, event, inspect, text
from sqlalchemy.types import TypeDecorator

log = logging.getLogger(__name__)

WRITE_OPTION = "arbot_write"
# The PostgreSQL advisory lock every migration (and checkpointer setup) runs under: "arbot" in
# ASCII, a key no other application is likely to take.
MIGRATION_LOCK_KEY = 0x6172626F74
POSTGRES_EXTRA = (
    "PostgreSQL needs arbot's postgres extra (psycopg and LangGraph's Postgres checkpointer): "
    "pip install 'arbot[postgres]'"
)


class MissingDriver(RuntimeError):
    """The database URL needs a driver that is not installed; the message says how to add it."""


def require_postgres_driver() -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise MissingDriver(POSTGRES_EXTRA) from None


def make_engine(url: str) -> Engine:
    """An engine whose SQLite connections enforce foreign keys and take the write lock at the
    start of a write transaction (so two writers never deadlock on a lock upgrade)."""
    if not url.startswith("sqlite"):
        if url.startswith("postgresql"):
            require_postgres_driver()
        return create_engine(url, pool_pre_ping=True)
    if url.startswith("sqlite:///") and url not in ("sqlite://", "sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
    # No prepared statements kept between executions (Python's sqlite3 keeps 128 a connection by
    # default): the ``IN (...)`` reads of a cash run's batches (up to 500 parameters,
    # ~0.1 MB prepared) rarely repeat, so the cache held ~8 MB of them on a 10k-line run for no
    # CPU gained (docs/cash-application.md).
    engine = create_engine(url, connect_args={"timeout": 30, "cached_statements": 0})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below take effect
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        writing = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def alembic_config(script_location: Path) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def current_revision(engine: Engine, version_table: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(
            conn, opts={"version_table": version_table}
        ).get_current_revision()


def head_revision(script_location: Path) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()


def take_migration_lock(conn: Connection) -> None:
    """Hold the migration lock until ``conn``'s transaction ends (PostgreSQL: an advisory
    lock; SQLite: the write lock the transaction already holds)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


def migrate(engine: Engine, script_location: Path, version_table: str) -> bool:
    """Bring one migration history to its newest revision under the migration lock; a no-op
    when it is current (also when another process upgraded it while this one waited).
    True when this call upgraded it. A database already at the head is recognised without
    importing Alembic (a command that only reads starts faster)."""
    if _at_head(engine, script_location, version_table):
        return False
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    head = head_revision(script_location)
    if current_revision(engine, version_table) == head:
        return False
    config = alembic_config(script_location)
    with write_transaction(engine) as conn:
        take_migration_lock(conn)
        current = MigrationContext.configure(
            conn, opts={"version_table": version_table}
        ).get_current_revision()
        if current == head:
            return False
        config.attributes["connection"] = conn
        config.attributes["version_table"] = version_table
        command.upgrade(config, "head")
    log.info("migrated %s from %s to %s", version_table, current or "nothing", head)
    return True


def run_environment(metadata: Any, version_table: str) -> None:
    """The body of every history's Alembic ``env.py``: on the connection ``migrate`` passes,
    or — for those who run ``alembic`` themselves (alembic.ini) — on ``ARBOT_DATABASE_URL``
    (else the ini's ``sqlalchemy.url``) under the migration lock."""
    from alembic import context

    config = context.config
    given = config.attributes.get("connection")
    if given is not None:
        _run_on(context, given, metadata, config.attributes.get("version_table", version_table))
        return
    url = os.environ.get("ARBOT_DATABASE_URL") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise ValueError("set ARBOT_DATABASE_URL (or sqlalchemy.url in alembic.ini)")
    engine = make_engine(url)
    try:
        with write_transaction(engine) as conn:
            take_migration_lock(conn)
            _run_on(context, conn, metadata, version_table)
    finally:
        engine.dispose()


def _run_on(context: Any, connection: Connection, metadata: Any, version_table: str) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=version_table,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*[\"']([^\"']+)[\"']\s*$", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"[\"']([^\"']+)[\"']")


def script_head(script_location: Path) -> str | None:
    """The single head of a migration history read from its revision files, or None when the
    files do not say it plainly (then Alembic decides)."""
    files = sorted((script_location / "versions").glob("*.py"))
    revisions: set[str] = set()
    parents: set[str] = set()
    for file in files:
        source = file.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN_REVISION.findall(source)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        parents.update(_QUOTED.findall(down[0]))
    heads = revisions - parents
    if len(revisions) != len(files) or len(heads) != 1 or not parents <= revisions:
        return None
    return heads.pop()


def _at_head(engine: Engine, script_location: Path, version_table: str) -> bool:
    head = script_head(script_location)
    if head is None:
        return False
    with engine.connect() as conn:
        if not inspect(conn).has_table(version_table):
            return False
        rows = conn.execute(text(f"SELECT version_num FROM {version_table}")).scalars().all()
    return rows == [head]


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction (on SQLite it takes the write lock up front)."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every backend (SQLite keeps no time zone of its own)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UtcDateTime needs an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)
