"""Shadow mode's records in arbot's store: what arbot would have done, and what people did.

One row per thing arbot looked at (``kind``: ``apply_payment`` for a payment, ``write_off_
deduction`` for a short-paid invoice), keyed by kind and subject so that looking again changes
nothing. A row waits until the team's own posting shows in the ERP, then is settled once:
``agree``, ``disagree``, or ``moot`` (settled some other way, nothing to compare).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, insert, select, update

from integrations.db import write_transaction
from integrations.plain_in import chunks
from integrations.store.clock import now_utc
from integrations.store.schema import shadow

WAITING = "waiting"
SETTLED = ("agree", "disagree", "moot")


@dataclass(frozen=True, slots=True)
class ShadowRow:
    shadow_id: str
    kind: str
    subject: str
    customer_id: str | None
    currency: str | None
    amount: Decimal | None
    suggested: dict[str, Any]
    confidence: float | None
    would: str  # auto | review | unmatched | suggest
    observed_on: date
    observed_at: datetime
    status: str  # waiting | agree | disagree | moot
    actual: dict[str, Any] | None
    settled_on: date | None
    settled_at: datetime | None


def shadow_id(kind: str, subject: str) -> str:
    return f"{kind}:{subject}"[:300]


def _row(values: Any) -> ShadowRow:
    data = {k: values[k] for k in ShadowRow.__slots__}
    data["suggested"] = json.loads(values["suggested"])
    data["actual"] = json.loads(values["actual"]) if values["actual"] else None
    return ShadowRow(**data)


def record(engine: Engine, suggestions: Sequence[dict[str, Any]], *, on: date) -> int:
    """Record each suggestion once (``kind``, ``subject``, ``suggested`` and the rest of the
    columns); one already recorded is left as it is. How many were new."""
    if not suggestions:
        return 0
    ids = [shadow_id(s["kind"], s["subject"]) for s in suggestions]
    with write_transaction(engine) as conn:
        known = set()
        for chunk in chunks(ids):
            known |= set(
                conn.scalars(select(shadow.c.shadow_id).where(shadow.c.shadow_id.in_(chunk)))
            )
        rows = []
        moment = now_utc()
        for sid, s in zip(ids, suggestions, strict=True):
            if sid in known:
                continue
            known.add(sid)
            rows.append(
                {
                    "shadow_id": sid,
                    "kind": s["kind"],
                    "subject": s["subject"],
                    "customer_id": s.get("customer_id"),
                    "currency": s.get("currency"),
                    "amount": s.get("amount"),
                    "suggested": json.dumps(s["suggested"], default=str, sort_keys=True),
                    "confidence": s.get("confidence"),
                    "would": s["would"],
                    "observed_on": on,
                    "observed_at": moment,
                    "status": s.get("status", WAITING),
                    "actual": (
                        json.dumps(s["actual"], default=str, sort_keys=True)
                        if s.get("actual") is not None
                        else None
                    ),
                    "settled_on": on if s.get("status", WAITING) != WAITING else None,
                    "settled_at": moment if s.get("status", WAITING) != WAITING else None,
                }
            )
        if rows:
            conn.execute(insert(shadow), rows)
    return len(rows)


def known_subjects(engine: Engine, kind: str) -> set[str]:
    with engine.connect() as conn:
        return set(conn.scalars(select(shadow.c.subject).where(shadow.c.kind == kind)))


def waiting(engine: Engine, kind: str) -> list[ShadowRow]:
    query = select(shadow).where(shadow.c.kind == kind, shadow.c.status == WAITING)
    with engine.connect() as conn:
        return [_row(r) for r in conn.execute(query.order_by(shadow.c.shadow_id)).mappings()]


def settle(engine: Engine, settled: Iterable[tuple[str, str, dict[str, Any]]], *, on: date) -> int:
    """Settle waiting rows: (shadow id, agree | disagree | moot, what people did). A row
    already settled (another replica, an earlier run) is left as it is."""
    count = 0
    moment = now_utc()
    with write_transaction(engine) as conn:
        for sid, status, actual in settled:
            assert status in SETTLED, status
            done = conn.execute(
                update(shadow)
                .where(shadow.c.shadow_id == sid, shadow.c.status == WAITING)
                .values(
                    status=status,
                    actual=json.dumps(actual, default=str, sort_keys=True),
                    settled_on=on,
                    settled_at=moment,
                )
            )
            count += done.rowcount
    return count


def rows(engine: Engine, *, since: date | None = None) -> list[ShadowRow]:
    query = select(shadow)
    if since is not None:
        query = query.where(shadow.c.observed_on >= since)
    with engine.connect() as conn:
        return [_row(r) for r in conn.execute(query.order_by(shadow.c.observed_on)).mappings()]
