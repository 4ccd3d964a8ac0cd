"""How a proposal reads on every surface: what would be written, and the buttons to decide."""

from __future__ import annotations

from typing import Any

from graph.format import money
from graph.messages import Action, Fact, Proposal, Reply, Section


def proposal_reply(approval: Any, *, body: str | None = None) -> Reply:
    """A proposal as people see it: what would be written, and the buttons to decide."""
    amount = (
        money(approval.amount, approval.currency or "USD") if approval.amount is not None else "—"
    )
    facts = [
        Fact("Approval", approval.approval_id),
        Fact("Amount", amount),
        Fact("Requested by", approval.requested_by),
        Fact("Status", approval.status),
    ]
    if approval.status == "pending":
        facts.append(Fact("Expires", approval.expires_at.strftime("%Y-%m-%d %H:%M UTC")))
        headline = f"Proposed for approval: {approval.summary}."
        actions = [
            Action("Approve", "approve", approval.approval_id, "primary"),
            Action("Reject", "reject", approval.approval_id, "danger"),
        ]
        if approval.action in ("apply_payment", "write_off_deduction", "set_credit_limit"):
            actions.append(Action("Edit amount", "edit", approval.approval_id))
    elif approval.status == "done":
        headline = (
            f"Done under the auto policy: {approval.summary} (ERP reference "
            f"{approval.erp_reference})."
        )
        actions = []
    else:
        headline = f"{approval.summary}: {approval.status}" + (
            f" — {approval.note}" if approval.note else ""
        )
        actions = []
    sections = [Section(facts=tuple(facts))]
    if body:
        sections.append(Section(text=body, title="Draft"))
    entities = {"approval_id": approval.approval_id}
    if approval.customer_id:
        entities["customer_id"] = approval.customer_id
    return Reply(
        headline=headline,
        sections=sections,
        context=["Checked against the ERP just now; checked again before anything is written."],
        actions=actions,
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
        proposals=[
            Proposal(approval.approval_id, approval.action, approval.amount, approval.summary)
        ],
    )
