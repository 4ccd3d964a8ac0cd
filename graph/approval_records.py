"""What an approval is when it is made and decided, the same for one proposal
(``ApprovalService``) and many (graph/approval_batch.py): its stored row, the words of its audit
records, and the one-line outcome every surface shows."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from graph.action_base import Action
from graph.policy import Identity, Policy
from integrations.store import Approval
from integrations.store.audit import canonical
from integrations.store.clock import now_utc


class ProposalRejected(Exception):
    """The proposal does not hold against the ERP's current data."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Decision:
    ok: bool
    message: str
    approval: Approval | None = None


def fingerprint(snapshot: Any) -> str:
    """What a proposal rests on (the ERP's state of its target), as a short stable hash of
    json.dumps(snapshot, sort_keys=True, default=str, separators=(",", ":"))."""
    return hashlib.sha256(canonical(snapshot).encode()).hexdigest()[:16]


def new_approval(
    action: Action,
    *,
    requested_by: str,
    proposed_by: str,
    origin: dict[str, Any] | None,
    facts: str,
    expire_after: timedelta,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The stored row of a new proposal (before any decision); ``now``: when it is made
    (default: now)."""
    return {
        "approval_id": "APR-" + os.urandom(5).hex().upper(),  # uuid4's first 10 hex digits
        "status": "pending",
        "action": action.kind,
        "payload": action.payload(),
        "summary": action.summary(),
        "amount": action.amount,
        "currency": action.currency,
        "customer_id": action.customer_id,
        "target": action.target,
        "idempotency_key": action.idempotency_key(),
        "requested_by": requested_by,
        "proposed_by": proposed_by,
        "origin": {**(origin or {}), "facts": facts},
        "expires_at": (now_utc() if now is None else now) + expire_after,
    }


def proposed_detail(
    action: Action,
    requested_by: str,
    before: Any,
    origin: dict[str, Any] | None,
    *,
    row: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What the ``proposed`` audit record says. ``row``: the approval's ``new_approval`` row,
    whose summary and payload are the action's, made once."""
    return {
        "summary": action.summary() if row is None else row["summary"],
        "payload": action.payload() if row is None else row["payload"],
        "requested_by": requested_by,
        "before": before,
        **({"origin": origin} if origin else {}),
    }


def auto_detail(policy: Policy, action: Action, requester: Identity | None) -> dict[str, Any]:
    """What the ``auto_approved`` audit record says: the policy rule that let it go alone."""
    return {
        "policy": f"auto mode: {action.kind} up to {policy.auto[action.kind]}",
        **({"requester": requester.label()} if requester else {}),
    }


def outcome_line(status: str, *, who: str, when: str, note: str, reference: str) -> str:
    """What happened to a decided approval, in one line for every surface. The pieces come
    already escaped and formatted by the surface (Slack's date token, Teams' plain text)."""
    if status == "done":
        return f"✅ Approved by {who} {when} · ERP reference {reference}"
    if status == "rejected":
        return f"❌ Rejected by {who} {when}: {note}"
    if status == "superseded":
        return f"⚠️ Not written — the data changed: {note}"
    if status == "failed":
        return f"⚠️ Approved by {who} {when}, but the write failed: {note}"
    if status == "expired":
        return "⌛ Expired without a decision."
    return f"⏳ Approved by {who} {when}; writing to the ERP…"
