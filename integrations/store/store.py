"""The bot's store: approvals with their state machine, and the hash-chained audit trail.

Every state change of an approval is one conditional UPDATE (``WHERE status IN (...)``) and its
audit record, in one transaction: exactly one of any number of concurrent callers wins, on any
replica, and the audit trail never misses or invents a change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import make_engine, migrate, write_transaction
from integrations.store import schema as t

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "store_alembic_version"
GENESIS = "0" * 64

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


def now_utc() -> datetime:
    return datetime.now(UTC)


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


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)


def _record_hash(
    seq: int,
    approval_id: str | None,
    event: str,
    actor: str,
    at: str,
    detail: str,
    erp_reference: str | None,
    prev_hash: str,
) -> str:
    body = _canonical([seq, approval_id, event, actor, at, detail, erp_reference, prev_hash])
    return hashlib.sha256(body.encode()).hexdigest()


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        engine = make_engine(url)
        migrate(engine, MIGRATIONS, VERSION_TABLE)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # --- audit -----------------------------------------------------------------------------
    def _append(
        self,
        conn: Connection,
        *,
        approval_id: str | None,
        event: str,
        actor: str,
        detail: dict[str, Any],
        erp_reference: str | None = None,
    ) -> None:
        head = (
            conn.execute(select(t.audit_head).where(t.audit_head.c.id == 1).with_for_update())
            .mappings()
            .one()
        )
        seq = head["last_seq"] + 1
        at = now_utc().isoformat()
        detail_text = _canonical(detail)
        digest = _record_hash(
            seq, approval_id, event, actor, at, detail_text, erp_reference, head["last_hash"]
        )
        conn.execute(
            insert(t.audit).values(
                seq=seq,
                approval_id=approval_id,
                event=event,
                actor=actor,
                at=at,
                detail=detail_text,
                erp_reference=erp_reference,
                prev_hash=head["last_hash"],
                hash=digest,
            )
        )
        conn.execute(
            update(t.audit_head)
            .where(t.audit_head.c.id == 1)
            .values(last_seq=seq, last_hash=digest)
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
                AuditRecord(**(dict(r) | {"detail": json.loads(r["detail"])}))
                for r in conn.execute(query).mappings()
            ]

    def verify_audit(self) -> str | None:
        """None when the chain is intact; else what is wrong with the first broken record."""
        expected_prev, expected_seq = GENESIS, 1
        with self.engine.connect() as conn:
            for row in conn.execute(select(t.audit).order_by(t.audit.c.seq)).mappings():
                where = f"audit record {row['seq']} ({row['event']}"
                where += f", {row['approval_id']})" if row["approval_id"] else ")"
                if row["seq"] != expected_seq:
                    return f"audit record {expected_seq} is missing (next is {row['seq']})"
                if row["prev_hash"] != expected_prev:
                    return f"{where} does not follow the record before it"
                digest = _record_hash(
                    row["seq"],
                    row["approval_id"],
                    row["event"],
                    row["actor"],
                    row["at"],
                    row["detail"],
                    row["erp_reference"],
                    row["prev_hash"],
                )
                if digest != row["hash"]:
                    return f"{where} was changed after it was written"
                expected_prev, expected_seq = row["hash"], expected_seq + 1
            head = conn.execute(select(t.audit_head)).mappings().one()
        if head["last_seq"] != expected_seq - 1 or head["last_hash"] != expected_prev:
            return (
                f"audit records after {expected_seq - 1} are missing "
                f"(the chain ends at {head['last_seq']})"
            )
        return None

    # --- approvals -------------------------------------------------------------------------
    def create(self, values: dict[str, Any], *, actor: str, detail: dict[str, Any]) -> Approval:
        stamp = now_utc()
        row = {
            "status": "pending",
            "attempts": 0,
            "created_at": stamp,
            "updated_at": stamp,
            "decided_by": None,
            "decided_at": None,
            "note": None,
            "erp_reference": None,
            "interrupt_id": None,
            "executing_since": None,
            "origin": None,
        } | values
        row["payload"] = _canonical(row["payload"])
        if row["origin"] is not None:
            row["origin"] = _canonical(row["origin"])
        with write_transaction(self.engine) as conn:
            conn.execute(insert(t.approvals).values(**row))
            self._append(
                conn, approval_id=row["approval_id"], event="proposed", actor=actor, detail=detail
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
        self, statuses: Sequence[str] | None = None, *, limit: int | None = None
    ) -> list[Approval]:
        query = select(t.approvals).order_by(t.approvals.c.created_at, t.approvals.c.approval_id)
        if statuses is not None:
            query = query.where(t.approvals.c.status.in_(list(statuses)))
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
            values["payload"] = _canonical(values["payload"])
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

    # --- cash application --------------------------------------------------------------------
    def bank_line_result(self, payment_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            text = conn.scalar(
                select(t.bank_lines.c.result).where(t.bank_lines.c.payment_id == payment_id)
            )
        return json.loads(text) if text else None

    def record_bank_line(
        self, line: Any, result: dict[str, Any], *, approval_id: str | None
    ) -> bool:
        """Keep a processed bank line and its result; False if it was already recorded."""
        return self._insert_once(
            t.bank_lines,
            {
                "payment_id": line.payment_id,
                "received_on": line.received_on,
                "amount": line.amount,
                "currency": line.currency,
                "payer_name": line.payer_name,
                "decision": result["decision"],
                "approval_id": approval_id,
                "result": _canonical(result),
                "processed_at": now_utc(),
            },
        )

    def bank_lines(
        self, *, since: date | None = None, decision: str | None = None
    ) -> list[dict[str, Any]]:
        """Processed bank lines (``decision="unmatched"``: the suspense list), oldest first."""
        b = t.bank_lines.c
        query = select(t.bank_lines).order_by(b.received_on, b.payment_id)
        if since is not None:
            query = query.where(b.received_on >= since)
        if decision is not None:
            query = query.where(b.decision == decision)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def payer_aliases(self) -> dict[str, str]:
        a = t.payer_aliases.c
        with self.engine.connect() as conn:
            return dict(conn.execute(select(a.payer_key, a.customer_id)).all())

    def learn_alias(self, payer_key: str, customer_id: str, approval_id: str | None) -> None:
        """Remember that this payer is this customer (the latest confirmation wins)."""
        a = t.payer_aliases.c
        values = {"customer_id": customer_id, "approval_id": approval_id, "learned_at": now_utc()}
        with write_transaction(self.engine) as conn:
            changed = conn.execute(
                update(t.payer_aliases).where(a.payer_key == payer_key).values(**values)
            ).rowcount
            if not changed:
                conn.execute(insert(t.payer_aliases).values(payer_key=payer_key, **values))

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
