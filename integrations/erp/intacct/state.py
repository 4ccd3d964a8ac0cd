"""What arbot keeps about an Intacct company in its own database (its own tables and migration
history, version table ``intacct_alembic_version``): the write journal (idempotency key →
reference), notes, sales order decisions, and the change-polling watermarks and key sets.
Nothing here is a cache of Intacct keys: invoice RECORDNOs are always looked up afresh."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from integrations.db import UtcDateTime, make_engine, migrate, write_transaction
from integrations.erp.records import Note
from integrations.plain_in import chunks

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "intacct_alembic_version"

metadata = MetaData()

writes = Table(
    "intacct_writes",
    metadata,
    Column("idempotency_key", String(255), primary_key=True),
    Column("action", String(64), nullable=False),
    Column("erp_reference", String(255)),
    Column("status", String(16), nullable=False),  # sent | done
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

notes = Table(
    "intacct_notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("idempotency_key", String(255), nullable=False, unique=True),
    Column("customer_id", String(64), nullable=False, index=True),
    Column("invoice_number", String(64)),
    Column("author", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

order_status = Table(
    "intacct_order_status",
    metadata,
    Column("order_id", String(64), primary_key=True),
    Column("customer_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("idempotency_key", String(255), nullable=False),
    Column("decided_at", UtcDateTime, nullable=False),
)

sync_marks = Table(
    "intacct_sync_marks",
    metadata,
    Column("object", String(32), primary_key=True),
    Column("watermark", String(32)),  # ISO local time of Intacct's newest WHENMODIFIED seen
    Column("polled_at", UtcDateTime),
    Column("reconciled_at", UtcDateTime),
)

seen = Table(
    "intacct_seen",
    metadata,
    Column("object", String(32), primary_key=True),
    Column("record_key", String(64), primary_key=True),
    Column("modified", String(32), nullable=False),
)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SyncMark:
    watermark: str | None
    polled_at: datetime | None
    reconciled_at: datetime | None


class IntacctState:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> IntacctState:
        engine = make_engine(url)
        migrate(engine, MIGRATIONS, VERSION_TABLE)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # --- the write journal ------------------------------------------------------------------
    def done_reference(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(
                select(writes.c.erp_reference).where(
                    writes.c.idempotency_key == key, writes.c.status == "done"
                )
            )

    def begin(self, key: str, action: str) -> None:
        now = _now()
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(
                    insert(writes).values(
                        idempotency_key=key,
                        action=action,
                        status="sent",
                        created_at=now,
                        updated_at=now,
                    )
                )
        except IntegrityError:
            pass  # a retry of a write that was sent before: Intacct's control id decides

    def finish(self, key: str, reference: str) -> None:
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(writes)
                .where(writes.c.idempotency_key == key)
                .values(erp_reference=reference, status="done", updated_at=_now())
            )

    # --- notes ------------------------------------------------------------------------------
    def add_note(
        self, key: str, customer_id: str, text: str, author: str, invoice_number: str | None
    ) -> Note:
        """Store a note once per key; the stored one is returned on a repeat."""
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(
                    insert(notes).values(
                        idempotency_key=key,
                        customer_id=customer_id,
                        invoice_number=invoice_number,
                        author=author,
                        text=text,
                        created_at=_now(),
                    )
                )
        except IntegrityError:
            pass
        with self.engine.connect() as conn:
            row = conn.execute(select(notes).where(notes.c.idempotency_key == key)).mappings().one()
        return Note(
            row["customer_id"], row["text"], row["author"], row["created_at"], row["invoice_number"]
        )

    def notes(self, customer_id: str | None = None) -> list[Note]:
        query = select(notes).order_by(notes.c.created_at, notes.c.id)
        if customer_id is not None:
            query = query.where(notes.c.customer_id == customer_id)
        with self.engine.connect() as conn:
            return [
                Note(r["customer_id"], r["text"], r["author"], r["created_at"], r["invoice_number"])
                for r in conn.execute(query).mappings()
            ]

    # --- sales order decisions --------------------------------------------------------------
    def set_order_status(self, order_id: str, customer_id: str, status: str, key: str) -> None:
        with write_transaction(self.engine) as conn:
            conn.execute(delete(order_status).where(order_status.c.order_id == order_id))
            conn.execute(
                insert(order_status).values(
                    order_id=order_id,
                    customer_id=customer_id,
                    status=status,
                    idempotency_key=key,
                    decided_at=_now(),
                )
            )

    def order_statuses(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return dict(conn.execute(select(order_status.c.order_id, order_status.c.status)).all())

    # --- change polling ---------------------------------------------------------------------
    def mark(self, obj: str) -> SyncMark:
        with self.engine.connect() as conn:
            row = conn.execute(select(sync_marks).where(sync_marks.c.object == obj)).mappings()
            found = row.first()
        if found is None:
            return SyncMark(None, None, None)
        return SyncMark(found["watermark"], found["polled_at"], found["reconciled_at"])

    def set_mark(self, obj: str, mark: SyncMark) -> None:
        with write_transaction(self.engine) as conn:
            conn.execute(delete(sync_marks).where(sync_marks.c.object == obj))
            conn.execute(
                insert(sync_marks).values(
                    object=obj,
                    watermark=mark.watermark,
                    polled_at=mark.polled_at,
                    reconciled_at=mark.reconciled_at,
                )
            )

    def seen(self, obj: str) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(seen.c.record_key, seen.c.modified).where(seen.c.object == obj)
            )
            return dict(rows.all())

    def remember(self, obj: str, records: dict[str, str]) -> None:
        if not records:
            return
        with write_transaction(self.engine) as conn:
            keys = list(records)
            for chunk in chunks(keys):
                conn.execute(delete(seen).where(seen.c.object == obj, seen.c.record_key.in_(chunk)))
            conn.execute(
                insert(seen),
                [{"object": obj, "record_key": k, "modified": v} for k, v in records.items()],
            )

    def forget(self, obj: str, keys: Iterable[str]) -> None:
        keys = list(keys)
        if not keys:
            return
        with write_transaction(self.engine) as conn:
            for chunk in chunks(keys):
                conn.execute(delete(seen).where(seen.c.object == obj, seen.c.record_key.in_(chunk)))
