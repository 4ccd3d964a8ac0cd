"""What the reports people ask for by name share: the context a report is asked in (the ERP, the
bot's store, today, who asks, how to resolve a customer, whether it may propose), the customer a
whole-book report is narrowed to, and the proposals a report makes or only names.

The reports themselves: ``collections_report`` (who to chase first), ``deductions_report``,
``credit_report`` (an order's credit decision), ``store_reports`` (the digest and cash application
status), ``forecast_report`` (DSO and receipts), ``disputes_report``; each is a function of the
context and the request that returns a Reply, and the surfaces render it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.action_base import Action as ErpAction
from graph.approvals import ApprovalService, ProposalRejected
from graph.ar.names import Resolution
from graph.llm import LlmService
from graph.messages import Reply, Section
from graph.policy import Policy
from graph.proposals import attach_proposals
from graph.understand import Request
from integrations.erp.port import ErpClient
from integrations.erp.records import Customer
from integrations.store import Store

PROPOSE_AT_MOST = 5


@dataclass
class ReportContext:
    erp: ErpClient
    store: Store | None
    today: date
    customer_of: Callable[[str], Customer]  # raises graph.requests.Unclear with a question
    approvals: ApprovalService | None = None
    requested_by: str = "arbot"
    llm: LlmService | None = None
    # A customer, or how the name resolved (no match, several): for questions about the whole
    # book that may be narrowed to one customer.
    find_customer: Callable[[str], Customer | Resolution] | None = None
    # Reports asked for in words make no proposals: a proposal only when the request names it.
    propose: bool = True
    could_propose: list[str] = field(default_factory=list)
    # The approval service opened on first need (a question in words never opens it: opening
    # it builds the approvals' LangGraph threads); the policy when known without it.
    open_approvals: Callable[[], ApprovalService | None] | None = None
    known_policy: Policy | None = None

    def approval_service(self) -> ApprovalService | None:
        if self.approvals is None and self.open_approvals is not None:
            self.approvals, self.open_approvals = self.open_approvals(), None
        return self.approvals

    @property
    def can_propose(self) -> bool:
        return self.approvals is not None or self.open_approvals is not None

    @property
    def policy(self) -> Policy:
        if self.known_policy is not None:
            return self.known_policy
        return self.approvals.policy if self.approvals else Policy()


def scoped_customer(context: ReportContext, request: Request) -> tuple[Customer | None, list[str]]:
    """The customer a report or whole-book question is narrowed to, and what was said about
    words that were not read as one ("I did not read “x” as a customer: this is all
    customers"). Several customers matching is a question ("which one?")."""
    if not request.customer_text:
        return None, []
    if context.find_customer is None:
        return context.customer_of(request.customer_text), []
    found = context.find_customer(request.customer_text)
    if isinstance(found, Customer):
        return found, []
    if found.status == "ambiguous":
        context.customer_of(request.customer_text)  # raises the question "which one?"
    return None, [f"I did not read “{request.customer_text}” as a customer: this is all customers."]


def propose_actions(
    context: ReportContext, actions: list[ErpAction | tuple[ErpAction, str | None]]
) -> list[Any]:
    """Proposals for the actions that still hold against the ERP (the same one proposed again
    while open is the same approval, so looking at a report twice asks nothing twice). An
    action may come with the prompt an LLM drafted it with, for the audit."""
    if not context.can_propose:
        return []
    if not context.propose:
        # Asked in words: the report says what could be proposed, and proposes nothing.
        context.could_propose = [
            (item[0] if isinstance(item, tuple) else item).summary()
            for item in actions[:PROPOSE_AT_MOST]
        ]
        return []
    approvals = context.approval_service()
    assert approvals is not None
    made = []
    for item in actions[:PROPOSE_AT_MOST]:
        action, drafted_with = item if isinstance(item, tuple) else (item, None)
        origin = {"drafted_with": drafted_with} if drafted_with else None
        try:
            made.append(approvals.propose(action, requested_by=context.requested_by, origin=origin))
        except ProposalRejected:
            continue
    return made


def with_proposals(reply: Reply, approvals: list[Any], context: ReportContext) -> Reply:
    if context.could_propose:
        reply.sections.append(
            Section(
                title="I could propose (ask for it by name: “send a reminder to …”, "
                "“write off … on INV-…”, “put … on hold”)",
                text="\n".join(f"• {summary}" for summary in context.could_propose),
            )
        )
    return attach_proposals(reply, approvals, context.policy)
