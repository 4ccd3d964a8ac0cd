"""The bot's store: approvals with their state machine, and the hash-chained audit trail.

Every state change of an approval is one conditional UPDATE (``WHERE status IN (...)``) and its
audit record, in one transaction: exactly one of any number of concurrent callers wins, on any
replica, and the audit trail never misses or invents a change.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import make_engine, migrate, write_transaction
from integrations.store import schema as t
from integrations.store.audit import (
    KEY_ENV,
    UNKEYED,
    AuditKeyError,
    AuditKeys,
    approval_state,
    canonical,
    record_fields,
    record_hash,
)
from integrations.store.audit_batch import BatchWrites, new_approval_row
from integrations.store.audit_check import Anchor, AuditReport, check_audit, write_anchor
from integrations.store.bank_lines import BankLineStore
from integrations.store.clock import now_utc
from integrations.store.collector import CollectorStore

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "store_alembic_version"

STATUSES = (
    "pending",
    "approved",
    "executing",
    "done",
    "failed",
    "rejected",
    "expired",
    "superseded",
)
OPEN_STATUSES = ("pending", "approved", "executing", "failed")


@dataclass(frozen=True, slots=True)
class Approval:
    approval_id: str
    action: str
    status: str
    payload: dict[str, Any]
    summary: str
    amount: Decimal | None
    currency: str | None
    customer_id: str | None
    target: str
    idempotency_key: str
    requested_by: str
    proposed_by: str
    decided_by: str | None
    decided_at: datetime | None
    note: str | None  # why: the rejection reason, what superseded it, the ERP's error
    erp_reference: str | None
    interrupt_id: str | None
    attempts: int
    executing_since: datetime | None
    origin: dict[str, Any] | None
    created_at: datetime
    updated_at: datetime
    expires_at: datetime


def _approval(row: RowMapping) -> Approval:
    values = dict(row)
    values["payload"] = json.loads(values["payload"])
    values["origin"] = json.loads(values["origin"]) if values["origin"] else None
    return Approval(**values)


@dataclass(frozen=True, slots=True)
class AuditRecord:
    seq: int
    approval_id: str | None
    event: str
    actor: str
    at: str
    detail: dict[str, Any]
    erp_reference: str | None
    prev_hash: str
    hash: str
    key_id: str | None = None  # None: made before audit keys existed


AUDIT_FIELDS = (
    "seq",
    "approval_id",
    "event",
    "actor",
    "at",
    "erp_reference",
    "prev_hash",
    "hash",
    "key_id",
)


class Store(BankLineStore, BatchWrites, CollectorStore):
    def __init__(self, engine: Engine, *, audit_keys: AuditKeys | None = None) -> None:
        self.engine = engine
        self.audit_keys = AuditKeys.from_env() if audit_keys is None else audit_keys
        self.audit_keys.warn_if_unkeyed()

    @classmethod
    def open(cls, url: str, *, audit_keys: AuditKeys | None = None) -> Store:
        engine = make_engine(url)
        migrate(engine, MIGRATIONS, VERSION_TABLE)
        store = cls(engine, audit_keys=audit_keys)
        store._check_key_matches_chain()
        return store

    def close(self) -> None:
        self.engine.dispose()

    # --- audit -----------------------------------------------------------------------------
    def _check_key_matches_chain(self) -> None:
        """A keyed chain is never continued without its key (that would look like tampering)."""
        with self.engine.connect() as conn:
            last = conn.scalar(select(t.audit.c.key_id).order_by(t.audit.c.seq.desc()).limit(1))
        if last not in (None, UNKEYED) and self.audit_keys.signing is None:
            raise AuditKeyError(
                f"the audit trail is keyed (key {last}) but {KEY_ENV} is not set; set it"
            )

    def _append(
        self,
        conn: Connection,
        *,
        approval_id: str | None,
        event: str,
        actor: str,
        detail: dict[str, Any],
        erp_reference: str | None = None,
        bind_approval: bool = False,
    ) -> None:
        """One audit record; ``bind_approval`` binds the approval's decisive fields as they are
        now (after the change this record describes) into the record's hash."""
        head = (
            conn.execute(select(t.audit_head).where(t.audit_head.c.id == 1).with_for_update())
            .mappings()
            .one()
        )
        state = None
        if bind_approval:
            row = (
                conn.execute(select(t.approvals).where(t.approvals.c.approval_id == approval_id))
                .mappings()
                .one()
            )
            state = approval_state(row)
        values = {
            "seq": head["last_seq"] + 1,
            "approval_id": approval_id,
            "event": event,
            "actor": actor,
            "at": now_utc().isoformat(),
            "detail": canonical(detail),
            "erp_reference": erp_reference,
            "prev_hash": head["last_hash"],
            "key_id": self.audit_keys.signing_id,
            "state": state,
        }
        values["hash"] = record_hash(self.audit_keys.signing, record_fields(values))
        conn.execute(insert(t.audit).values(**values))
        conn.execute(
            update(t.audit_head)
            .where(t.audit_head.c.id == 1)
            .values(last_seq=values["seq"], last_hash=values["hash"])
        )

    def record(
        self, approval_id: str | None, event: str, actor: str, detail: dict[str, Any]
    ) -> None:
        """An audit record without a state change (a refused click, a reconciler pass)."""
        with write_transaction(self.engine) as conn:
            self._append(conn, approval_id=approval_id, event=event, actor=actor, detail=detail)

    def audit(self, approval_id: str | None = None) -> list[AuditRecord]:
        query = select(t.audit).order_by(t.audit.c.seq)
        if approval_id is not None:
            query = query.where(t.audit.c.approval_id == approval_id)
        with self.engine.connect() as conn:
            return [
                AuditRecord(**{f: r[f] for f in AUDIT_FIELDS}, detail=json.loads(r["detail"]))
                for r in conn.execute(query).mappings()
            ]

    def verify_audit(self) -> str | None:
        """None when the chain and the approvals are intact; else the first problem found."""
        report = self.audit_report()
        return report.problems[0] if report.problems else None

    def audit_report(self, anchors: Path | None = None) -> AuditReport:
        """Every record, every approval and (given an anchor file) every anchored head."""
        return check_audit(self.engine, self.audit_keys, anchors)

    def anchor(self, to: Path | None) -> Anchor:
        """Sign the chain head; append it to ``to`` (an append-only file) unless None."""
        return write_anchor(self.engine, self.audit_keys, to)

    # --- approvals -------------------------------------------------------------------------
    def create(self, values: dict[str, Any], *, actor: str, detail: dict[str, Any]) -> Approval:
        row = new_approval_row({"status": "pending"} | values, now_utc())
        with write_transaction(self.engine) as conn:
            conn.execute(insert(t.approvals).values(**row))
            self._append(
                conn,
                approval_id=row["approval_id"],
                event="proposed",
                actor=actor,
                detail=detail,
                bind_approval=True,
            )
        created = self.get(row["approval_id"])
        assert created is not None
        return created

    def get(self, approval_id: str) -> Approval | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(select(t.approvals).where(t.approvals.c.approval_id == approval_id))
                .mappings()
                .first()
            )
        return _approval(row) if row else None

    def list(
        self,
        statuses: Sequence[str] | None = None,
        *,
        limit: int | None = None,
        customer_id: str | None = None,
    ) -> list[Approval]:
        query = select(t.approvals).order_by(t.approvals.c.created_at, t.approvals.c.approval_id)
        if statuses is not None:
            query = query.where(t.approvals.c.status.in_(list(statuses)))
        if customer_id is not None:
            query = query.where(t.approvals.c.customer_id == customer_id)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [_approval(r) for r in conn.execute(query).mappings()]

    def open_with_key(self, idempotency_key: str) -> Approval | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(t.approvals).where(
                        t.approvals.c.idempotency_key == idempotency_key,
                        t.approvals.c.status.in_(OPEN_STATUSES),
                    )
                )
                .mappings()
                .first()
            )
        return _approval(row) if row else None

    def last_rejected_with_key(self, idempotency_key: str) -> Approval | None:
        """The latest rejected approval of this write (target and amount), if any."""
        a = t.approvals.c
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(t.approvals)
                    .where(a.idempotency_key == idempotency_key, a.status == "rejected")
                    .order_by(a.created_at.desc(), a.approval_id.desc())
                    .limit(1)
                )
                .mappings()
                .first()
            )
        return _approval(row) if row else None

    def transition(
        self,
        approval_id: str,
        from_statuses: Sequence[str],
        to_status: str,
        *,
        actor: str,
        event: str,
        detail: dict[str, Any],
        stale_before: datetime | None = None,
        **fields: Any,
    ) -> Approval | None:
        """Move an approval from one of ``from_statuses`` to ``to_status`` and audit it, in one
        transaction. Returns the updated approval, or None if another caller got there first."""
        assert to_status in STATUSES
        a = t.approvals.c
        values = dict(fields, status=to_status, updated_at=now_utc())
        if "payload" in values:
            values["payload"] = canonical(values["payload"])
        condition = [a.approval_id == approval_id, a.status.in_(list(from_statuses))]
        if stale_before is not None:
            condition.append(a.executing_since < stale_before)
        with write_transaction(self.engine) as conn:
            won = conn.execute(update(t.approvals).where(*condition).values(**values)).rowcount
            if won != 1:
                return None
            self._append(
                conn,
                approval_id=approval_id,
                event=event,
                actor=actor,
                detail=detail,
                erp_reference=fields.get("erp_reference"),
                bind_approval=True,
            )
        return self.get(approval_id)

    # --- deliveries and jobs ---------------------------------------------------------------
    def _insert_once(self, table: Any, values: dict[str, Any]) -> bool:
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(insert(table).values(**values))
        except IntegrityError:
            return False
        return True

    def first_delivery(self, key: str) -> bool:
        """True the first time a delivery (e.g. a Slack event id) is seen, on any replica."""
        return self._insert_once(t.inbound, {"delivery_key": key, "seen_at": now_utc()})

    def claim_job(self, job: str, run_on: date, runner: str) -> bool:
        """True for exactly one caller per job and day, however many replicas ask."""
        return self._insert_once(
            t.job_runs, {"job": job, "run_on": run_on, "runner": runner, "claimed_at": now_utc()}
        )

    def remember_conversation(
        self,
        surface: str,
        conversation_id: str,
        service_url: str,
        *,
        tenant_id: str | None,
        kind: str | None,
    ) -> None:
        """Keep (or refresh) a conversation reference for proactive messages."""
        c = t.conversations.c
        values = {
            "service_url": service_url,
            "tenant_id": tenant_id,
            "kind": kind,
            "updated_at": now_utc(),
        }
        with write_transaction(self.engine) as conn:
            changed = conn.execute(
                update(t.conversations)
                .where(c.surface == surface, c.conversation_id == conversation_id)
                .values(**values)
            ).rowcount
            if not changed:
                conn.execute(
                    insert(t.conversations).values(
                        surface=surface, conversation_id=conversation_id, **values
                    )
                )

    def conversation(self, surface: str, conversation_id: str) -> dict[str, Any] | None:
        c = t.conversations.c
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(t.conversations).where(
                        c.surface == surface, c.conversation_id == conversation_id
                    )
                )
                .mappings()
                .first()
            )
        return dict(row) if row else None

    def set_interrupt(self, approval_id: str, interrupt_id: str | None) -> None:
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(t.approvals)
                .where(t.approvals.c.approval_id == approval_id)
                .values(interrupt_id=interrupt_id)
            )
