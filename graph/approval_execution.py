"""Carrying out approved actions once, and finishing what a crash left: the part of
``ApprovalService`` that writes to the ERP (``execute``) and its housekeeping (expiry, the
reconciler)."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from graph.action_base import Action, ActionError
from graph.actions import action_from_payload
from graph.ar.cashapp_payers import normalize_payer
from integrations.erp.port import ErpError
from integrations.store import Approval
from integrations.store.clock import now_utc

if TYPE_CHECKING:
    from graph.approval_thread import ApprovalThreads
    from graph.policy import Policy
    from integrations.erp.port import ErpClient
    from integrations.mail import Mailer
    from integrations.store import Store

log = logging.getLogger("graph.approvals")

SYSTEM = "arbot"
RECONCILER = "arbot reconciler"


class Execution:
    erp: ErpClient
    store: Store
    policy: Policy
    mailer: Mailer | None
    lease: timedelta

    @property
    def threads(self) -> ApprovalThreads:  # ApprovalService's, built on first use
        raise NotImplementedError

    def _store_for(self, action: Action) -> dict[str, Any]:
        """Actions that keep records in arbot's store (disputes, promises) are given it."""
        return {"store": self.store} if action.uses_store else {}

    def _resume(self, approval_id: str, decision: str) -> None:  # ApprovalService's
        raise NotImplementedError

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
            problems = action.validate(self.erp, **self._store_for(action))
            if problems:
                self._finish(approval_id, "superseded", "; ".join(problems), {"problems": problems})
                return "superseded"
        before = action.snapshot(self.erp)
        try:
            result = action.execute(
                self.erp, claimed.idempotency_key, mailer=self.mailer, **self._store_for(action)
            )
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
