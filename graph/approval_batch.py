"""Many proposals at once (a cash run's bank lines), under the rules of ``ApprovalService``.

Each proposal is validated against the ERP, de-duplicated by its idempotency key (an open
approval of the same write is returned; a rejected one whose facts have not changed is not
proposed again), recorded with its ``proposed`` audit record, and decided by the policy exactly
as ``ApprovalService.propose`` decides it. The difference is cost, not rules:

* the ERP is read for a whole batch in a few queries (when the ERP client can: the local
  ledger's ``get_invoices`` / ``get_payments`` / ``get_customers``), and the same checks run
  on what was read;
* an approval the policy lets arbot decide alone needs no person, so it gets no paused LangGraph
  thread: it is recorded ``proposed → auto_approved → executing`` in the same transaction as the
  others, written to the ERP with its idempotency key (many at once when the client has
  ``apply_payments``), then recorded ``done`` or ``failed``, each change audited in the chain;
* an approval that waits for a person is stored ``pending`` without a thread; the row is its
  durable pause, and a decision on it executes it directly (``ApprovalService._resume``).

A crash between the two transactions leaves approvals ``executing``: the reconciler (or the run
that takes the file over) finishes them with the same idempotency key, as for any approval.
No two proposals of one batch may touch the same invoice or payment (the caller splits them):
each is validated against the ERP as the ones before it left it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from graph.action_base import Action, ActionError
from graph.approval_records import auto_detail, new_approval, proposed_detail
from graph.approvals import SYSTEM
from graph.ar.cashapp_payers import normalize_payer
from graph.cash_actions import ApplyPayment
from integrations.erp.port import ErpClient, ErpError
from integrations.erp.records import Customer, Invoice, Payment
from integrations.store import Approval
from integrations.store.audit import canonical, canonical_reusing
from integrations.store.audit_batch import Move, Step
from integrations.store.clock import now_utc

if TYPE_CHECKING:
    from graph.approvals import ApprovalService

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Proposal:
    action: Action
    requested_by: str
    origin: dict[str, Any] | None = None
    allow_auto: bool = False  # arbot's own proposal from its own evidence (a sure cash match)


@dataclass(slots=True)  # made once a proposal, never changed (not frozen: see audit_batch.Step)
class Proposed:
    """The approval a proposal led to (new, or the open or rejected one of the same write), or
    why it was not proposed (the ERP's data does not allow it)."""

    approval: Approval | None
    problems: list[str] = field(default_factory=list)


def touches(action: Action) -> set[str]:
    """What a proposal's write changes in the ERP: two in one batch must not overlap."""
    if isinstance(action, ApplyPayment):
        return {f"payment:{action.payment_id}"} | {f"invoice:{n}" for n, _ in action.applications}
    return {f"{action.kind}:{action.target}"}


class ReadAhead:
    """The ERP as read for one batch: invoices, payments and customers by id from a few bulk
    queries, everything else from the ERP itself. ``validate`` and ``snapshot`` run on it
    unchanged."""

    def __init__(
        self, erp: ErpClient, actions: Iterable[Action], *, customers: bool = True
    ) -> None:
        """``customers=False``: only invoices and payments are read ahead (a snapshot's needs);
        a customer is then asked of the ERP itself."""
        self.erp = erp
        numbers: set[str] = set()
        payments: set[str] = set()
        customers: set[str] = set()
        for action in actions:
            customers.add(action.customer_id)
            if isinstance(action, ApplyPayment):
                numbers.update(n for n, _ in action.applications)
                payments.add(action.payment_id)
        self.invoices: dict[str, Invoice] = _bulk(erp, "get_invoices", "get_invoice", numbers)
        self.payments: dict[str, Payment] = _bulk(erp, "get_payments", "get_payment", payments)
        self.asked_payments = payments
        self.customers: dict[str, Customer] = {}
        if not customers:
            return
        customers |= {i.customer_id for i in self.invoices.values()}
        found: dict[str, Customer] = _bulk(erp, "get_customers", "get_customer", customers)
        parents = {c.parent_id for c in found.values() if c.parent_id} - set(found)
        found |= _bulk(erp, "get_customers", "get_customer", parents)
        self.customers = found

    def get_invoice(self, invoice_number: str) -> Invoice | None:
        if invoice_number in self.invoices:
            return self.invoices[invoice_number]
        return self.erp.get_invoice(invoice_number)

    def get_payment(self, payment_id: str) -> Payment | None:
        if payment_id in self.payments:
            return self.payments[payment_id]
        return None if payment_id in self.asked_payments else self.erp.get_payment(payment_id)

    def get_customer(self, customer_id: str) -> Customer | None:
        if customer_id in self.customers:
            return self.customers[customer_id]
        return self.erp.get_customer(customer_id)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.erp, name)


def _bulk(erp: ErpClient, many: str, one: str, ids: set[str]) -> dict[str, Any]:
    if not ids:
        return {}
    bulk = getattr(erp, many, None)
    if bulk is not None:
        return dict(bulk(sorted(ids)))
    single = getattr(erp, one)
    return {i: found for i in sorted(ids) if (found := single(i)) is not None}


def propose_many(service: ApprovalService, proposals: Sequence[Proposal]) -> list[Proposed]:
    """Each proposal's outcome, in order. No two proposals may touch the same invoice or
    payment (see ``touches``)."""
    if not proposals:
        return []
    erp, store, policy = service.erp, service.store, service.policy
    read = ReadAhead(erp, (p.action for p in proposals))
    earlier = store.approvals_with_keys([p.action.idempotency_key() for p in proposals])
    open_by_key = {a.idempotency_key: a for a in earlier if a.status in OPEN_STATUSES}
    rejected_by_key = {a.idempotency_key: a for a in earlier if a.status == "rejected"}
    outcomes: list[Proposed | None] = [None] * len(proposals)
    auto_details: dict[str, dict[str, Any]] = {}  # by action kind: the same words for each
    executing = {"attempt": 1}
    made: list[tuple[dict[str, Any], list[Step]]] = []
    auto: list[tuple[str, Action, Any, dict[str, Any] | None]] = []
    # Each new approval's payload and origin, and what it rests on (``before``), written as
    # JSON once: for its row, its ``proposed`` record and (``before``) its ``done`` record.
    texts: dict[str, tuple[str, str | None]] = {}
    before_texts: dict[str, str] = {}
    # The batch's moment: when its proposals are made and its automatic ones decided (the
    # same time stamps convert once for the store, not once a row).
    stamp = now_utc()
    for index, proposal in enumerate(proposals):
        action = proposal.action
        problems = action.validate(read)  # type: ignore[arg-type]
        if problems:
            outcomes[index] = Proposed(None, problems)
            continue
        key = action.idempotency_key()
        if key in open_by_key:
            outcomes[index] = Proposed(open_by_key[key])
            continue
        before = action.snapshot(read)  # type: ignore[arg-type]
        before_text = canonical(before)
        facts = hashlib.sha256(before_text.encode()).hexdigest()[:16]  # fingerprint(before)
        rejected = rejected_by_key.get(key)
        if rejected is not None and (rejected.origin or {}).get("facts") == facts:
            outcomes[index] = Proposed(rejected)
            continue
        values = new_approval(
            action,
            requested_by=proposal.requested_by,
            proposed_by=SYSTEM,
            origin=proposal.origin,
            facts=facts,
            expire_after=policy.expire_after,
            now=stamp,
        )
        approval_id = values["approval_id"]
        payload_text = canonical(values["payload"])
        texts[approval_id] = (payload_text, canonical(values["origin"]))
        before_texts[approval_id] = before_text
        detail = proposed_detail(action, proposal.requested_by, before, proposal.origin, row=values)
        known = {id(values["payload"]): payload_text, id(before): before_text}
        steps = [
            Step(
                "proposed",
                SYSTEM,
                detail,
                {"status": "pending", "decided_by": None},
                text=canonical_reusing(detail, known),
            )
        ]
        decider = policy.auto_decider(
            kind=action.kind,
            amount=action.amount,
            currency=action.currency,
            requested_by=proposal.requested_by,
            own_evidence=proposal.allow_auto,
            requester=None,
            system=SYSTEM,
        )
        if decider is not None:
            values |= {
                "status": "executing",
                "decided_by": decider,
                "decided_at": stamp,
                "executing_since": stamp,
                "attempts": 1,
            }
            if action.kind not in auto_details:
                auto_details[action.kind] = auto_detail(policy, action, None)
            steps.append(
                Step("auto_approved", decider, auto_details[action.kind], {"status": "approved"})
            )
            steps.append(Step("executing", SYSTEM, executing))
            auto.append((approval_id, action, before, proposal.origin))
        open_by_key[key] = values  # a second proposal of the same write gets this one
        made.append((values, steps))
        outcomes[index] = Proposed(None)
    rows = dict(store.create_many(made, texts))
    # The auto-approved as they stand after the write.
    rows |= _execute_many(service, auto, rows, before_texts)
    # An auto-approved one still ``executing`` was moved by someone else meanwhile: read it.
    elsewhere = [a for a, _, _, _ in auto if a not in rows or rows[a]["status"] == "executing"]
    # Each stored row's payload and origin are the ones made here, written as JSON: the dicts
    # themselves, not the JSON read back (what ``_approval`` would read is equal to them).
    made_json = {values["approval_id"]: values for values, _ in made}
    stored = {i: _stored_approval(row, made_json[i]) for i, row in rows.items()}
    stored |= store.approvals_by_id(elsewhere)
    result: list[Proposed] = []
    for index, proposal in enumerate(proposals):
        outcome = outcomes[index]
        assert outcome is not None
        if outcome.approval is None and not outcome.problems:
            key = proposal.action.idempotency_key()
            values = open_by_key[key]
            approval = stored[values["approval_id"]] if isinstance(values, dict) else values
            outcome = Proposed(approval)
        result.append(outcome)
    return result


OPEN_STATUSES = ("pending", "approved", "executing", "failed")


def _stored_approval(row: dict[str, Any], values: dict[str, Any]) -> Approval:
    """``_approval(row)`` of a row this batch stored from ``values`` (``new_approval``'s):
    its payload and origin are ``values``' (JSON written from them, ``canonical``, reads back
    equal to them), not parsed again."""
    return Approval(**(row | {"payload": values["payload"], "origin": values["origin"]}))


def _write_all(
    service: ApprovalService,
    writes: Sequence[tuple[str, Action, Any, dict[str, Any] | None]],
    after: dict[str, dict[str, Decimal]],
) -> list[Any]:
    """Each write's ``WriteResult`` or the error that refused it, in order; ``after`` filled
    by a ledger that reports the state its write left (``LocalLedger.apply_payments``)."""
    erp = service.erp
    bulk = getattr(erp, "apply_payments", None)
    if bulk is not None and all(isinstance(a, ApplyPayment) for _, a, _, _ in writes):
        items = []
        for _, action, _, _ in writes:
            assert isinstance(action, ApplyPayment)
            payment, requests = action.payment_write()
            items.append((payment, requests, action.idempotency_key()))
        return list(bulk(items, after=after))
    results: list[Any] = []
    for approval_id, action, _, _ in writes:
        try:
            results.append(action.execute(erp, action.idempotency_key(), mailer=service.mailer))
        except (ErpError, ActionError) as error:
            results.append(error)
        except Exception as error:
            log.exception("unexpected error executing approval %s", approval_id)
            results.append(RuntimeError(f"{error.__class__.__name__}: {error}"))
    return results


def _execute_many(
    service: ApprovalService,
    writes: Sequence[tuple[str, Action, Any, dict[str, Any] | None]],
    created: dict[str, dict[str, Any]],
    before_texts: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Write the auto-approved (now ``executing``) approvals and record each outcome; the
    approvals moved, as stored after their outcome. ``created``: the rows as just stored;
    ``before_texts``: each one's ``before`` as ``canonical`` wrote it."""
    before_texts = before_texts or {}
    if not writes:
        return {}
    reported: dict[str, dict[str, Decimal]] = {}
    results = _write_all(service, writes, reported)
    snapshots = _reported_after(writes, results, reported)
    unreported = [
        action
        for (approval_id, action, _, _), result in zip(writes, results, strict=True)
        if approval_id not in snapshots and not isinstance(result, Exception)
    ]
    after = ReadAhead(service.erp, unreported, customers=False)
    moves: list[Move] = []
    learned: list[tuple[str, str, str]] = []
    for (approval_id, action, before, origin), result in zip(writes, results, strict=True):
        if isinstance(result, Exception):
            message = str(result)
            moves.append(
                Move(
                    approval_id,
                    ("executing",),
                    {"status": "failed", "executing_since": None, "note": message},
                    Step("failed", SYSTEM, {"error": message, "before": before}),
                )
            )
            continue
        detail = {
            "before": before,
            "after": snapshots.get(approval_id) or action.snapshot(after),  # type: ignore[arg-type]
            "replayed": result.replayed,
        }
        written = before_texts.get(approval_id)
        text = None if written is None else canonical_reusing(detail, {id(before): written})
        moves.append(
            Move(
                approval_id,
                ("executing",),
                {
                    "status": "done",
                    "executing_since": None,
                    "note": None,
                    "erp_reference": result.erp_reference,
                },
                Step(
                    "done",
                    SYSTEM,
                    detail,
                    erp_reference=result.erp_reference,
                    text=text,
                ),
            )
        )
        payer = (origin or {}).get("payer_name")
        if payer and action.kind == "apply_payment":
            learned.append((normalize_payer(payer), action.customer_id, approval_id))
    return service.store.move_many(moves, aliases=learned, known=created)


def _reported_after(
    writes: Sequence[tuple[str, Action, Any, dict[str, Any] | None]],
    results: Sequence[Any],
    reported: dict[str, dict[str, Decimal]],
) -> dict[str, dict[str, Any]]:
    """``ApplyPayment.snapshot`` after each successful write, from the state the ledger
    reported its transaction left (no second read); a write whose invoices or payment it did
    not report is left out (read back instead)."""
    balances, unapplied = reported.get("invoices", {}), reported.get("payments", {})
    found: dict[str, dict[str, Any]] = {}
    for (approval_id, action, _, _), result in zip(writes, results, strict=True):
        if isinstance(result, Exception) or not isinstance(action, ApplyPayment):
            continue
        numbers = [n for n, _ in action.applications]
        if action.payment_id not in unapplied or any(n not in balances for n in numbers):
            continue
        found[approval_id] = {
            "invoice_balances": {n: str(balances[n]) for n in numbers},
            "payment_unapplied": str(unapplied[action.payment_id]),
        }
    return found
