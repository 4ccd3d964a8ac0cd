"""The collector's records in arbot's store: disputes on invoices and promises to pay.

Each record is written once under the idempotency key of the approval that made it: the same
approved action carried out twice (a double click, a retry, two replicas) finds the first row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Date, Engine, String, Table, Text, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import UtcDateTime, write_transaction
from integrations.erp.local.schema import Money
from integrations.plain_in import chunks
from integrations.store import schema as t
from integrations.store.clock import now_utc

DISPUTE_STATUSES = ("open", "resolved")
RESOLUTIONS = ("paid", "credit_memo", "write_off", "rejected")
PROMISE_STATUSES = ("open", "kept")

disputes = Table(
    "store_disputes",
    t.metadata,
    Column("dispute_id", String(32), primary_key=True),
    Column("invoice_number", String(100), nullable=False, index=True),
    Column("customer_id", String(64), nullable=False, index=True),
    Column("reason_code", String(40), nullable=False),
    Column("amount", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("owner", String(200), nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("resolution", String(20)),
    Column("description", Text, nullable=False),
    Column("source", String(40), nullable=False),
    Column("opened_by", String(200), nullable=False),
    Column("opened_at", UtcDateTime, nullable=False),
    Column("resolved_by", String(200)),
    Column("resolved_at", UtcDateTime),
    Column("approval_key", String(200), nullable=False, unique=True),
)

promises = Table(
    "store_promises",
    t.metadata,
    Column("promise_id", String(32), primary_key=True),
    Column("customer_id", String(64), nullable=False, index=True),
    Column("amount", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("promised_on", Date, nullable=False),
    Column("invoice_number", String(100)),
    Column("status", String(20), nullable=False, index=True),
    Column("captured_on", Date, nullable=False),
    Column("captured_by", String(200), nullable=False),
    Column("source", String(40), nullable=False),
    Column("kept_by", Text),  # the payment ids that kept it
    Column("kept_on", Date),
    Column("approval_key", String(200), nullable=False, unique=True),
)


@dataclass(frozen=True, slots=True)
class Dispute:
    dispute_id: str
    invoice_number: str
    customer_id: str
    reason_code: str
    amount: Decimal
    currency: str
    owner: str
    status: str  # open | resolved
    resolution: str | None  # paid | credit_memo | write_off | rejected
    description: str
    source: str  # chat | short_pay | email
    opened_by: str
    opened_at: datetime
    resolved_by: str | None
    resolved_at: datetime | None

    def age_days(self, today: date) -> int:
        return max((today - self.opened_at.date()).days, 0)


@dataclass(frozen=True, slots=True)
class StoredPromise:
    promise_id: str
    customer_id: str
    amount: Decimal
    currency: str
    promised_on: date
    invoice_number: str | None
    status: str  # open | kept (broken is a reading of an open one past its day)
    captured_on: date
    captured_by: str
    source: str
    kept_by: tuple[str, ...]
    kept_on: date | None


def _dispute(row: Any) -> Dispute:
    values = {k: row[k] for k in Dispute.__slots__}
    return Dispute(**values)


def _promise(row: Any) -> StoredPromise:
    values = {k: row[k] for k in StoredPromise.__slots__}
    values["kept_by"] = tuple(filter(None, (row["kept_by"] or "").split(",")))
    return StoredPromise(**values)


class CollectorStore:
    """Disputes and promises: a mixin of ``Store`` (which brings ``engine``)."""

    engine: Engine

    # --- disputes ----------------------------------------------------------------------------
    def open_dispute(self, values: dict[str, Any], *, approval_key: str) -> tuple[Dispute, bool]:
        """The dispute written under ``approval_key``: (it, True) the first time, (the first
        one, False) after that."""
        if (found := self._dispute_by_key(approval_key)) is not None:
            return found, False
        row = {
            **values,
            "status": "open",
            "resolution": None,
            "opened_at": now_utc(),
            "resolved_by": None,
            "resolved_at": None,
            "approval_key": approval_key,
        }
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(insert(disputes).values(**row))
        except IntegrityError:
            found = self._dispute_by_key(approval_key)
            if found is None:
                raise
            return found, False
        created = self.dispute(values["dispute_id"])
        assert created is not None
        return created, True

    def _dispute_by_key(self, key: str) -> Dispute | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(disputes).where(disputes.c.approval_key == key)).mappings()
            found = row.first()
        return _dispute(found) if found else None

    def dispute(self, dispute_id: str) -> Dispute | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(disputes).where(disputes.c.dispute_id == dispute_id)
            ).mappings()
            found = row.first()
        return _dispute(found) if found else None

    def resolve_dispute(self, dispute_id: str, resolution: str, *, by: str) -> Dispute | None:
        """open → resolved, once: None when it was not open (resolved already, or unknown)."""
        if resolution not in RESOLUTIONS:
            raise ValueError(f"resolution {resolution!r} is not one of {', '.join(RESOLUTIONS)}")
        with write_transaction(self.engine) as conn:
            done = conn.execute(
                update(disputes)
                .where(disputes.c.dispute_id == dispute_id, disputes.c.status == "open")
                .values(
                    status="resolved", resolution=resolution, resolved_by=by, resolved_at=now_utc()
                )
            )
        return self.dispute(dispute_id) if done.rowcount == 1 else None

    def disputes(
        self,
        *,
        customer_ids: Iterable[str] | None = None,
        invoice_numbers: Iterable[str] | None = None,
        status: str | None = None,
    ) -> list[Dispute]:
        query = select(disputes).order_by(disputes.c.opened_at, disputes.c.dispute_id)
        if status is not None:
            query = query.where(disputes.c.status == status)
        filters: list[tuple[Any, list[str]]] = []
        if customer_ids is not None:
            filters.append((disputes.c.customer_id, sorted(set(customer_ids))))
        if invoice_numbers is not None:
            filters.append((disputes.c.invoice_number, sorted(set(invoice_numbers))))
        with self.engine.connect() as conn:
            if not filters:
                return [_dispute(r) for r in conn.execute(query).mappings()]
            column, values = filters[0]
            found: list[Dispute] = []
            for chunk in chunks(values):
                narrowed = query.where(column.in_(chunk))
                for extra_column, extra in filters[1:]:
                    narrowed = narrowed.where(extra_column.in_(extra))
                found.extend(_dispute(r) for r in conn.execute(narrowed).mappings())
        return sorted(found, key=lambda d: (d.opened_at, d.dispute_id))

    # --- promises ----------------------------------------------------------------------------
    def record_promise(
        self, values: dict[str, Any], *, approval_key: str
    ) -> tuple[StoredPromise, bool]:
        if (found := self._promise_by_key(approval_key)) is not None:
            return found, False
        row = {**values, "status": "open", "kept_by": None, "kept_on": None}
        row["approval_key"] = approval_key
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(insert(promises).values(**row))
        except IntegrityError:
            found = self._promise_by_key(approval_key)
            if found is None:
                raise
            return found, False
        created = self._promise_by_key(approval_key)
        assert created is not None
        return created, True

    def _promise_by_key(self, key: str) -> StoredPromise | None:
        with self.engine.connect() as conn:
            found = (
                conn.execute(select(promises).where(promises.c.approval_key == key))
                .mappings()
                .first()
            )
        return _promise(found) if found else None

    def stored_promises(
        self, *, customer_ids: Iterable[str] | None = None, status: str | None = None
    ) -> list[StoredPromise]:
        query = select(promises).order_by(promises.c.promised_on, promises.c.promise_id)
        if status is not None:
            query = query.where(promises.c.status == status)
        with self.engine.connect() as conn:
            if customer_ids is None:
                return [_promise(r) for r in conn.execute(query).mappings()]
            found: list[StoredPromise] = []
            for chunk in chunks(sorted(set(customer_ids))):
                narrowed = query.where(promises.c.customer_id.in_(chunk))
                found.extend(_promise(r) for r in conn.execute(narrowed).mappings())
        return sorted(found, key=lambda p: (p.promised_on, p.promise_id))

    def keep_promise(self, promise_id: str, payment_ids: Sequence[str], kept_on: date) -> bool:
        """open → kept, once; True when this call kept it."""
        with write_transaction(self.engine) as conn:
            done = conn.execute(
                update(promises)
                .where(promises.c.promise_id == promise_id, promises.c.status == "open")
                .values(status="kept", kept_by=",".join(payment_ids), kept_on=kept_on)
            )
        return done.rowcount == 1
