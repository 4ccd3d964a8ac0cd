"""The approval inbox: what the asking person may decide, and what waits for others.

The same reply in every surface: ``/ar approvals`` or "what's waiting for me" in Slack and Teams,
``approvals`` in the terminal, and the Slack App Home tab.
"""

from __future__ import annotations

from graph.approvals import ApprovalService
from graph.format import money
from graph.messages import TABLE_MAX_ROWS, Reply, Section, Table, Turn
from graph.policy import Identity
from graph.proposals import MONITOR_NOTE, proposal_of

WAITING = ("pending", "failed")


def _mine(approvals: ApprovalService, who: Identity) -> tuple[list, list]:
    policy = approvals.policy
    person = policy.person_for(who)
    mine, others = [], []
    for approval in approvals.store.list(WAITING):
        refusal = policy.refusal(
            person,
            who,
            kind=approval.action,
            amount=approval.amount,
            currency=approval.currency,
            requested_by=approval.requested_by,
            proposed_by=approval.proposed_by,
        )
        (mine if refusal is None else others).append(approval)
    return mine, others


def inbox_reply(approvals: ApprovalService | None, turn: Turn) -> Reply:
    """The person's queue as cards with buttons; the rest as a short list without buttons."""
    if approvals is None:
        return Reply(headline="Approvals are not set up here.", intent="approvals_inbox")
    approvals.expire_stale()
    who = Identity(turn.surface, turn.user_id, turn.email)
    policy = approvals.policy
    monitor = policy.mode == "monitor"
    if monitor:
        mine, others = [], approvals.store.list(WAITING)
    else:
        mine, others = _mine(approvals, who)
    if policy.person_for(who) is None and not monitor:
        headline = (
            "You are not in the approval policy, so nothing waits for you; ask an admin to add you."
        )
    elif mine:
        headline = f"{len(mine)} waiting for your decision."
    else:
        headline = "Nothing is waiting for your decision."
    reply = Reply(headline=headline, intent="approvals_inbox")
    reply.proposals.extend(proposal_of(a, policy) for a in mine)
    reply.approve_all = sum(1 for a in mine if a.status == "pending") > 1
    if others:
        rows = tuple(
            (
                a.approval_id,
                a.summary,
                money(a.amount, a.currency or "USD") if a.amount is not None else "",
                a.status,
            )
            for a in others[:TABLE_MAX_ROWS]
        )
        title = "Suggestions (monitor mode)" if monitor else "Waiting for someone else"
        reply.sections.append(
            Section(table=Table(("Approval", "What", "Amount", "Status"), rows, (2,), title=title))
        )
    if monitor:
        reply.context.append(MONITOR_NOTE)
    reply.data["inbox"] = {
        "mine": [a.approval_id for a in mine],
        "others": [a.approval_id for a in others],
    }
    return reply
