"""The approvals inbox asked about one customer ("is the limit change for X still pending?", "the
write-off for X – approved yet?"): the inbox as always, with first what waits for that customer
and, when nothing does, the latest decision taken on a change for it. Only the customer's own
approvals are named; the rest of the reply is the person's inbox unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.messages import Reply

if TYPE_CHECKING:
    from graph.approvals import ApprovalService
    from integrations.erp.records import Customer

WAITING = ("pending", "failed")


def about_customer(reply: Reply, approvals: ApprovalService | None, customer: Customer) -> Reply:
    """``reply`` (the inbox) led by what waits, or was last decided, for ``customer``."""
    if approvals is None:
        return reply
    theirs = approvals.store.list(customer_id=customer.customer_id)
    waiting = [a for a in theirs if a.status in WAITING]
    if waiting:
        listed = "; ".join(f"{a.summary} ({a.approval_id}, {a.status})" for a in waiting[:5])
        line = f"For {customer.name}, {len(waiting)} waiting for a decision: {listed}."
    elif theirs:
        last = max(theirs, key=lambda a: (a.updated_at, a.approval_id))
        by = f" by {last.decided_by}" if last.decided_by else ""
        line = (
            f"Nothing waits for a decision for {customer.name}; the latest was "
            f"{last.summary} ({last.approval_id}): {last.status}{by}."
        )
    else:
        line = f"Nothing waits for a decision for {customer.name}, and none was proposed."
    reply.headline = f"{line}\n{reply.headline}"
    reply.entities["customer"] = customer.name
    reply.entities["customer_id"] = customer.customer_id
    reply.data["customer_approvals"] = {
        "customer_id": customer.customer_id,
        "waiting": [a.approval_id for a in waiting],
        "all": [a.approval_id for a in theirs],
    }
    return reply
