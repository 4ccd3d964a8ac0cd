"""How a proposal reads on every surface: what would be written, why, and how to decide it.

A Reply carries its proposals as ``Proposal`` cards; each surface renders every card with its own
buttons (ids carrying the approval id), or as a suggestion without buttons in monitor mode.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.format import money
from graph.messages import Fact, Proposal, Reply, Section
from graph.policy import Policy

EDITABLE = (
    "apply_payment",
    "write_off_deduction",
    "set_credit_limit",
    "open_dispute",
    "record_promise",
)
MONITOR_NOTE = (
    "Monitor mode: these are suggestions only. Nothing is written by arbot; make the change "
    "in the ERP if you agree."
)


def _evidence(approval: Any) -> tuple[str, ...]:
    origin = approval.origin or {}
    lines = []
    if explanation := origin.get("explanation"):
        lines.append(str(explanation))
    if payer := origin.get("payer_name"):
        lines.append(f"Payer on the bank line: {payer}")
    if approval.status == "pending":
        lines.append(f"Requested by {approval.requested_by}")
    return tuple(lines)


def proposal_of(approval: Any, policy: Policy | None = None) -> Proposal:
    """The card of one approval row."""
    return Proposal(
        approval_id=approval.approval_id,
        action=approval.action,
        amount=approval.amount,
        summary=approval.summary,
        currency=approval.currency,
        status=approval.status,
        evidence=_evidence(approval),
        editable=approval.action in EDITABLE,
        decidable=policy is None or policy.mode != "monitor",
        decided_by=approval.decided_by,
        decided_at=approval.decided_at,
        note=approval.note,
        erp_reference=approval.erp_reference,
    )


def attach_proposals(reply: Reply, approvals: Iterable[Any], policy: Policy | None) -> Reply:
    """Add each approval to a report's reply as a card of its own."""
    cards = [proposal_of(approval, policy) for approval in approvals]
    reply.proposals.extend(cards)
    if cards and policy is not None and policy.mode == "monitor":
        reply.context.append(MONITOR_NOTE)
    reply.approve_all = sum(card.waiting for card in cards) > 1
    return reply


def proposal_reply(
    approval: Any, *, body: str | None = None, policy: Policy | None = None
) -> Reply:
    """One proposal as people see it: what would be written, and the buttons to decide."""
    amount = (
        money(approval.amount, approval.currency or "USD") if approval.amount is not None else "—"
    )
    facts = [
        Fact("Approval", approval.approval_id),
        Fact("Amount", amount),
        Fact("Requested by", approval.requested_by),
        Fact("Status", approval.status),
    ]
    card = proposal_of(approval, policy)
    if approval.status == "pending":
        facts.append(Fact("Expires", approval.expires_at.strftime("%Y-%m-%d %H:%M UTC")))
        headline = (
            f"Suggested (monitor mode): {approval.summary}."
            if not card.decidable
            else f"Proposed for approval: {approval.summary}."
        )
    elif approval.status == "done":
        who = approval.decided_by or "arbot"
        headline = (
            f"Done: {approval.summary} (approved by {who}; ERP reference {approval.erp_reference})."
        )
    else:
        headline = f"{approval.summary}: {approval.status}" + (
            f" — {approval.note}" if approval.note else ""
        )
    sections = [Section(facts=tuple(facts))]
    if body:
        sections.append(Section(text=body, title="Draft"))
    entities = {"approval_id": approval.approval_id}
    if approval.customer_id:
        entities["customer_id"] = approval.customer_id
    context = ["Checked against the ERP just now; checked again before anything is written."]
    if not card.decidable:
        context.append(MONITOR_NOTE)
    return Reply(
        headline=headline,
        sections=sections,
        context=context,
        intent="action_request",
        entities=entities,
        data={
            "approval": {
                "approval_id": approval.approval_id,
                "action": approval.action,
                "status": approval.status,
                "payload": approval.payload,
                "amount": approval.amount,
                "currency": approval.currency,
            }
        },
        proposals=[card],
    )
