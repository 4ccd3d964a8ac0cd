"""Approvals: the agent proposes, the right person approves once, the ERP is written once.

Each approval is a row in the store and, when proposed one at a time, its own LangGraph thread
paused at one ``interrupt()`` (graph/approval_thread.py). A click is checked against the policy,
then *claimed* with one conditional update in the store (``pending → approved``): exactly one
click wins on any replica, and only the winner resumes the thread (or, for an approval a cash
run proposed in bulk without a thread, executes it). ``execute`` claims ``approved →
executing``, re-validates the action against fresh ERP data, and writes with the approval's
idempotency key. The reconciler finishes approvals a crash left in ``approved`` or
``executing``. Many proposals at once (a cash run): graph/approval_batch.py, same rules.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver

from graph.actions import Action, ActionError, action_from_payload
from graph.approval_thread import ApprovalThreads
from graph.ar.cashapp_payers import normalize_payer
from graph.policy import Identity, Person, Policy
from integrations.erp.port import ErpClient, ErpError
from integrations.mail import Mailer
from integrations.store import Approval, Store
from integrations.store.store import now_utc

log = logging.getLogger(__name__)

SYSTEM = "arbot"
RECONCILER = "arbot reconciler"


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
    """What a proposal rests on (the ERP's state of its target), as a short stable hash."""
    canonical = json.dumps(snapshot, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def new_approval(
    action: Action,
    *,
    requested_by: str,
    proposed_by: str,
    origin: dict[str, Any] | None,
    facts: str,
    expire_after: timedelta,
) -> dict[str, Any]:
    """The stored row of a new proposal (before any decision)."""
    return {
        "approval_id": "APR-" + uuid.uuid4().hex[:10].upper(),
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
        "expires_at": now_utc() + expire_after,
    }


def proposed_detail(
    action: Action, requested_by: str, before: Any, origin: dict[str, Any] | None
) -> dict[str, Any]:
    """What the ``proposed`` audit record says."""
    return {
        "summary": action.summary(),
        "payload": action.payload(),
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


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "earlier"


class ApprovalService:
    def __init__(
        self,
        erp: ErpClient,
        store: Store,
        checkpointer: BaseCheckpointSaver,
        policy: Policy,
        *,
        mailer: Mailer | None = None,
        lease: timedelta = timedelta(minutes=2),
    ) -> None:
        self.erp = erp
        self.store = store
        self.policy = policy
        self.mailer = mailer
        self.lease = lease
        self.threads = ApprovalThreads(checkpointer, self.execute)
        self.graph = self.threads.graph

    # --- the thread ------------------------------------------------------------------------
    def _resume(self, approval_id: str, decision: str) -> None:
        """Continue the approval after a decision won in the store: its thread, or, for an
        approval proposed without one, the write itself when approved."""
        resumed = self.threads.resume(approval_id, decision)
        if resumed:
            self.store.set_interrupt(approval_id, self.threads.pending_interrupt(approval_id))
        elif resumed is None and decision == "approve":
            self.execute(approval_id)

    # --- proposing -------------------------------------------------------------------------
    def propose(
        self,
        action: Action,
        *,
        requested_by: str,
        proposed_by: str = SYSTEM,
        origin: dict[str, Any] | None = None,
        allow_auto: bool = False,
        requester: Identity | None = None,
    ) -> Approval:
        """Validate against the ERP, record it, and start its thread. The same write proposed
        again while the first is still open returns the first.

        In ``auto`` mode, under the policy's auto threshold, the write goes ahead without
        waiting in only two cases: ``allow_auto`` — arbot's own proposal from its own evidence
        (a cash match the matcher is sure of) — or a ``requester`` (the verified person who
        typed the request) who could approve it themselves: their role and limit allow it and
        separation of duties does not forbid approving their own request. Anyone else's
        request waits for a person, whatever the amount."""
        problems = action.validate(self.erp)
        if problems:
            raise ProposalRejected(problems)
        key = action.idempotency_key()
        if (existing := self.store.open_with_key(key)) is not None:
            return existing
        before = action.snapshot(self.erp)
        facts = fingerprint(before)
        rejected = self.store.last_rejected_with_key(key)
        if rejected is not None and (rejected.origin or {}).get("facts") == facts:
            # A person said no to exactly this, and nothing it rests on has changed since.
            return rejected
        values = new_approval(
            action,
            requested_by=requested_by,
            proposed_by=proposed_by,
            origin=origin,
            facts=facts,
            expire_after=self.policy.expire_after,
        )
        approval_id = values["approval_id"]
        self.store.create(
            values, actor=proposed_by, detail=proposed_detail(action, requested_by, before, origin)
        )
        self.store.set_interrupt(approval_id, self.threads.start(approval_id))
        decider = self.policy.auto_decider(
            kind=action.kind,
            amount=action.amount,
            currency=action.currency,
            requested_by=requested_by,
            own_evidence=allow_auto,
            requester=requester,
            system=SYSTEM,
        )
        if decider is not None:
            approved = self.store.transition(
                approval_id,
                ("pending",),
                "approved",
                actor=decider,
                event="auto_approved",
                detail=auto_detail(self.policy, action, requester),
                decided_by=decider,
                decided_at=now_utc(),
            )
            if approved is not None:
                self._resume(approval_id, "approve")
        final = self.store.get(approval_id)
        assert final is not None
        return final

    # --- deciding --------------------------------------------------------------------------
    def _refuse(self, approval: Approval, identity: Identity, reason: str) -> Decision:
        self.store.record(approval.approval_id, "refused", identity.label(), {"reason": reason})
        return Decision(False, f"Not allowed: {reason}.", approval)

    def _already(self, approval_id: str) -> Decision:
        current = self.store.get(approval_id)
        assert current is not None
        if current.status == "expired":
            return Decision(False, "This approval expired; ask arbot to propose it again.", current)
        who = current.decided_by or SYSTEM
        return Decision(
            False,
            f"Already {current.status} by {who} at {_when(current.decided_at)}.",
            current,
        )

    def _load_pending(self, approval_id: str) -> Approval | Decision:
        approval = self.store.get(approval_id)
        if approval is None:
            return Decision(False, f"There is no approval {approval_id}.")
        if approval.status == "pending" and approval.expires_at <= now_utc():
            self._expire(approval)
            return self._already(approval_id)
        if approval.status != "pending":
            return self._already(approval_id)
        return approval

    def approve(
        self, approval_id: str, identity: Identity, *, amount: Decimal | None = None
    ) -> Decision:
        """A click on Approve (optionally with an edited amount, within policy)."""
        loaded = self._load_pending(approval_id)
        if isinstance(loaded, Decision):
            return loaded
        approval = loaded
        person = self.policy.person_for(identity)
        action = action_from_payload(approval.action, approval.payload)
        edited = None
        if amount is not None and amount != action.amount:
            try:
                edited = action.with_amount(amount)
            except ActionError as error:
                return self._refuse(approval, identity, str(error))
        final = edited or action
        reason = self._refusal(person, identity, approval, final)
        if reason is not None:
            return self._refuse(approval, identity, reason)
        assert person is not None
        fields: dict[str, Any] = {"decided_by": person.name, "decided_at": now_utc()}
        detail: dict[str, Any] = {"identity": identity.label()}
        if edited is not None:
            problems = edited.validate(self.erp)
            if problems:
                return self._refuse(approval, identity, "; ".join(problems))
            fields |= {
                "payload": edited.payload(),
                "amount": edited.amount,
                "summary": edited.summary(),
                "idempotency_key": edited.idempotency_key(),
            }
            detail["edited"] = {"from": str(action.amount), "to": str(edited.amount)}
        won = self.store.transition(
            approval_id,
            ("pending",),
            "approved",
            actor=person.name,
            event="approved",
            detail=detail,
            **fields,
        )
        if won is None:
            return self._already(approval_id)
        self._resume(approval_id, "approve")
        return self._outcome(approval_id, person.name)

    def _refusal(
        self, person: Person | None, identity: Identity, approval: Approval, action: Action
    ) -> str | None:
        return self.policy.refusal(
            person,
            identity,
            kind=approval.action,
            amount=action.amount,
            currency=action.currency,
            requested_by=approval.requested_by,
            proposed_by=approval.proposed_by,
        )

    def reject(self, approval_id: str, identity: Identity, reason: str) -> Decision:
        loaded = self._load_pending(approval_id)
        if isinstance(loaded, Decision):
            return loaded
        person = self.policy.person_for(identity)
        if not reason.strip():
            return Decision(False, "Say why it is rejected (a reason is required).", loaded)
        if not self.policy.may_reject(person, kind=loaded.action, requested_by=loaded.requested_by):
            who = person.name if person else identity.label()
            return self._refuse(loaded, identity, f"{who} may not decide {loaded.action}")
        assert person is not None
        won = self.store.transition(
            approval_id,
            ("pending",),
            "rejected",
            actor=person.name,
            event="rejected",
            detail={"reason": reason, "identity": identity.label()},
            decided_by=person.name,
            decided_at=now_utc(),
            note=reason,
        )
        if won is None:
            return self._already(approval_id)
        self._resume(approval_id, "reject")
        return Decision(True, f"Rejected by {person.name}: {reason}", self.store.get(approval_id))

    def retry(self, approval_id: str, identity: Identity) -> Decision:
        """Try a failed write again, with the same idempotency key (never a duplicate)."""
        approval = self.store.get(approval_id)
        if approval is None:
            return Decision(False, f"There is no approval {approval_id}.")
        if approval.status != "failed":
            return Decision(
                False,
                f"Only a failed approval can be retried; this one is {approval.status}.",
                approval,
            )
        person = self.policy.person_for(identity)
        action = action_from_payload(approval.action, approval.payload)
        reason = self._refusal(person, identity, approval, action)
        if reason is not None:
            return self._refuse(approval, identity, reason)
        assert person is not None
        won = self.store.transition(
            approval_id,
            ("failed",),
            "approved",
            actor=person.name,
            event="retried",
            detail={"identity": identity.label(), "previous_error": approval.note},
            decided_by=person.name,
            decided_at=now_utc(),
        )
        if won is None:
            return self._already(approval_id)
        self._resume(approval_id, "approve")
        return self._outcome(approval_id, person.name)

    def _outcome(self, approval_id: str, who: str) -> Decision:
        current = self.store.get(approval_id)
        assert current is not None
        if current.status == "done":
            return Decision(
                True, f"Approved by {who}. Written to the ERP: {current.erp_reference}.", current
            )
        if current.status == "superseded":
            return Decision(False, f"Not written — the data changed: {current.note}.", current)
        if current.status == "failed":
            return Decision(
                False,
                f"The write failed: {current.note}. It can be retried; a retry never writes twice.",
                current,
            )
        return Decision(True, f"Approved by {who}; the ERP write is {current.status}.", current)

    # --- executing -------------------------------------------------------------------------
    def execute(self, approval_id: str) -> str:
        """Carry out an approved action once. Safe to call any number of times, anywhere: only
        the caller that claims the row writes, and the write carries the idempotency key."""
        approval = self.store.get(approval_id)
        if approval is None:
            return "missing"
        now = now_utc()
        if approval.status == "approved":
            claimed = self.store.transition(
                approval_id,
                ("approved",),
                "executing",
                actor=SYSTEM,
                event="executing",
                detail={"attempt": approval.attempts + 1},
                executing_since=now,
                attempts=approval.attempts + 1,
            )
            first_try = approval.attempts == 0
        elif approval.status == "executing":
            # Whoever was executing stopped answering (crashed) long enough ago: take over.
            claimed = self.store.transition(
                approval_id,
                ("executing",),
                "executing",
                actor=RECONCILER,
                event="resumed_after_interruption",
                detail={"attempt": approval.attempts + 1, "since": str(approval.executing_since)},
                stale_before=now - self.lease,
                executing_since=now,
                attempts=approval.attempts + 1,
            )
            first_try = False
        else:
            return approval.status
        if claimed is None:
            current = self.store.get(approval_id)
            return current.status if current else "missing"

        action = action_from_payload(claimed.action, claimed.payload)
        if first_try:
            # Later attempts (a retry, or a take-over after a crash) skip this: the first
            # attempt may have written already, and the ERP answers a repeated key with that
            # first result, or refuses what no longer fits.
            problems = action.validate(self.erp)
            if problems:
                self._finish(approval_id, "superseded", "; ".join(problems), {"problems": problems})
                return "superseded"
        before = action.snapshot(self.erp)
        try:
            result = action.execute(self.erp, claimed.idempotency_key, mailer=self.mailer)
        except (ErpError, ActionError) as error:
            self._finish(approval_id, "failed", str(error), {"error": str(error), "before": before})
            return "failed"
        except Exception as error:
            log.exception("unexpected error executing approval %s", approval_id)
            message = f"{error.__class__.__name__}: {error}"
            self._finish(approval_id, "failed", message, {"error": message, "before": before})
            return "failed"
        after = action.snapshot(self.erp)
        self._finish(
            approval_id,
            "done",
            None,
            {"before": before, "after": after, "replayed": result.replayed},
            erp_reference=result.erp_reference,
        )
        payer = (claimed.origin or {}).get("payer_name")
        if payer and claimed.action == "apply_payment":
            # An approved match confirms who this payer is: recognised directly next time.
            self.store.learn_alias(normalize_payer(payer), action.customer_id, approval_id)
        return "done"

    def _finish(
        self,
        approval_id: str,
        status: str,
        text: str | None,
        audit: dict[str, Any],
        **fields: Any,
    ) -> None:
        self.store.transition(
            approval_id,
            ("executing",),
            status,
            actor=SYSTEM,
            event=status,
            detail=audit,
            executing_since=None,
            note=text,
            **fields,
        )

    # --- housekeeping ----------------------------------------------------------------------
    def _expire(self, approval: Approval) -> None:
        expired = self.store.transition(
            approval.approval_id,
            ("pending",),
            "expired",
            actor=SYSTEM,
            event="expired",
            detail={"expires_at": approval.expires_at.isoformat()},
        )
        if expired is not None:
            self._resume(approval.approval_id, "expire")

    def expire_stale(self) -> int:
        stale = [a for a in self.store.list(("pending",)) if a.expires_at <= now_utc()]
        for approval in stale:
            self._expire(approval)
        return len(stale)

    def reconcile(self, *, grace: timedelta | None = None) -> list[str]:
        """Finish approvals a crash left behind: ``approved`` but never resumed, or
        ``executing`` with nobody executing. Run on start-up and periodically."""
        grace = self.lease if grace is None else grace
        cutoff = now_utc() - grace
        finished = []
        self.expire_stale()
        for approval in self.store.list(("approved", "executing")):
            moment = approval.executing_since or approval.updated_at
            if moment > cutoff:
                continue
            self.store.record(
                approval.approval_id,
                "reconciling",
                RECONCILER,
                {"status": approval.status, "since": moment.isoformat()},
            )
            approval_id = approval.approval_id
            if self.threads.finish_interrupted(approval_id, approved=approval.status == "approved"):
                self.store.set_interrupt(approval_id, self.threads.pending_interrupt(approval_id))
            else:
                self.execute(approval_id)
            finished.append(approval.approval_id)
        return finished


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
