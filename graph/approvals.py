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

from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from graph.action_base import Action, ActionError
from graph.actions import action_from_payload
from graph.approval_execution import RECONCILER, SYSTEM, Execution
from graph.approval_records import (
    Decision,
    ProposalRejected,
    auto_detail,
    fingerprint,
    new_approval,
    outcome_line,
    proposed_detail,
)
from graph.policy import Identity, Person, Policy
from integrations.erp.port import ErpClient
from integrations.mail import Mailer
from integrations.store import Approval, Store
from integrations.store.store import now_utc

if TYPE_CHECKING:  # LangGraph is imported when a thread is first needed, not by every reader
    from langgraph.checkpoint.base import BaseCheckpointSaver

    from graph.approval_thread import ApprovalThreads

__all__ = [
    "RECONCILER",
    "SYSTEM",
    "ApprovalService",
    "Decision",
    "ProposalRejected",
    "outcome_line",
]


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "earlier"


class ApprovalService(Execution):
    def __init__(
        self,
        erp: ErpClient,
        store: Store,
        checkpointer: BaseCheckpointSaver | Callable[[], BaseCheckpointSaver],
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
        # A saver, or how to open one: then LangGraph is imported and the checkpointer opened
        # on the first approval that needs a thread (a cash run's bulk proposals never do).
        self._checkpointer = checkpointer

    @cached_property
    def threads(self) -> ApprovalThreads:
        from langgraph.checkpoint.base import BaseCheckpointSaver

        from graph.approval_thread import ApprovalThreads

        saver = self._checkpointer
        if not isinstance(saver, BaseCheckpointSaver):
            saver = saver()
        return ApprovalThreads(saver, self.execute)

    @property
    def graph(self) -> Any:
        """The compiled approval graph (its LangGraph threads)."""
        return self.threads.graph

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
        problems = action.validate(self.erp, **self._store_for(action))
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
            problems = edited.validate(self.erp, **self._store_for(edited))
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
