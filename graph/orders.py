"""Credit checks on sales orders as they arrive, written back through the approval service.

A new or changed order (the ERP's change feed, a webhook, the credit-check API, a question in
chat) is checked by ``graph.ar.credit.check_credit`` and the decision is written back — never
directly, always as an approval, so it is audited, exactly once, and automatic only where the
policy allows arbot to act on its own evidence:

- APPROVE: ``release_order`` (the order released, a note with the reasons on the customer);
- REVIEW: ``hold_order`` (the order held, the note), and for a credit manager to choose:
  release it, put the customer on hold, or raise the limit to cover the exposure;
- DECLINE: ``decline_order`` (status and reason written; the reply goes to the order's owner).

Orders arriving from the ERP are checked once each across replicas: the first replica to
record the order's delivery key (its id, customer, amount and currency) checks it; a changed
amount is a new key and is checked again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from graph.action_base import Action
from graph.approvals import ApprovalService, ProposalRejected
from graph.ar.credit import CreditDecision, check_credit
from graph.ar.terms import propose_terms
from graph.customer_actions import SetCreditHold, SetCreditLimit
from graph.format import money
from graph.invoicing import is_new_customer
from graph.messages import Fact, Reply, Section
from graph.order_actions import DeclineOrder, HoldOrder, ReleaseOrder, SetTerms
from graph.policy import Identity
from graph.proposals import attach_proposals
from integrations.erp.port import ErpClient
from integrations.erp.records import Customer, SalesOrder
from integrations.store import Approval

log = logging.getLogger(__name__)

ARRIVED = "arbot (new sales order)"

_PAYDEX = re.compile(r"\bpaydex\b\D{0,12}?(\d{1,3})\b", re.IGNORECASE)
_SCORE = re.compile(
    r"\b(?:credit score|score|fico|experian|equifax|intelliscore)\b\D{0,12}?(\d{3})\b",
    re.IGNORECASE,
)


def external_scores(text: str) -> tuple[int | None, int | None]:
    """(an external credit score 300-850, a D&B PAYDEX 1-100) named in a message, e.g.
    "check credit for SO-1003, D&B paydex 72"; None for what is not named or out of range."""
    paydex = score = None
    if (found := _PAYDEX.search(text)) and 1 <= int(found.group(1)) <= 100:
        paydex = int(found.group(1))
    if (found := _SCORE.search(text)) and 300 <= int(found.group(1)) <= 850:
        score = int(found.group(1))
    return score, paydex


@dataclass(frozen=True)
class OrderCheck:
    order: SalesOrder
    customer: Customer
    decision: CreditDecision
    approvals: tuple[Approval, ...] = ()
    refused: tuple[str, ...] = ()

    @property
    def reply(self) -> Reply:
        return credit_reply(self.order, self.customer, self.decision)


def assess(
    erp: ErpClient,
    order: SalesOrder,
    *,
    as_of: date,
    customer: Customer | None = None,
    external_score: int | None = None,
    paydex: int | None = None,
    context: Mapping[str, Any] | None = None,
) -> tuple[Customer, CreditDecision]:
    """The credit decision on ``order`` from the ERP's current data."""
    customer = customer or erp.get_customer(order.customer_id)
    if customer is None:
        raise LookupError(f"customer {order.customer_id} of {order.order_id} does not exist")
    every = erp.invoices(customer.customer_id, open_only=False)
    others = [
        o
        for o in erp.sales_orders(customer.customer_id)
        if o.order_id != order.order_id and o.status in ("pending", "approved", "on_hold")
    ]
    decision = check_credit(
        customer,
        order.amount,
        order_id=order.order_id,
        open_invoices=[i for i in every if i.balance > 0],
        other_open_orders=others,
        payments=erp.payments(customer.customer_id),
        invoices_by_number={i.invoice_number: i for i in every},
        as_of=as_of,
        external_score=external_score,
        paydex=paydex,
        context=context,
    )
    return customer, decision


def write_back(
    order: SalesOrder, customer: Customer, decision: CreditDecision
) -> tuple[list[Action], list[Action]]:
    """(what the decision writes, the options a credit manager may pick instead)."""
    reasons = "; ".join(decision.reasons)[:1500]
    common = {
        "customer_id": customer.customer_id,
        "order_id": order.order_id,
        "order_amount": str(order.amount),
        "order_currency": order.currency,
        "reasons": reasons,
    }
    if decision.decision == "APPROVE":
        return [ReleaseOrder(**common)], []
    if decision.decision == "DECLINE":
        return [DeclineOrder(**common)], []
    primary: list[Action] = [HoldOrder(**common)] if order.status == "pending" else []
    options: list[Action] = [ReleaseOrder(**common)]
    if not customer.on_hold:
        options.append(SetCreditHold(customer_id=customer.customer_id, on_hold=True))
    limit = decision.credit_limit
    if limit is not None and decision.exposure > limit:
        raised = (decision.exposure / 1000).to_integral_value(rounding="ROUND_CEILING") * 1000
        options.append(
            SetCreditLimit(
                customer_id=customer.customer_id,
                new_limit=str(raised.quantize(Decimal("0.01"))),
                limit_currency=decision.currency,
                current_limit=str(limit),
            )
        )
    return primary, options


class CreditDesk:
    """Checks orders and writes the decisions back through ``approvals``."""

    def __init__(self, approvals: ApprovalService, *, today: Callable[[], date]) -> None:
        self.approvals = approvals
        self.erp = approvals.erp
        self.today = today

    def check(
        self,
        order: SalesOrder,
        *,
        requested_by: str,
        requester: Identity | None = None,
        external_score: int | None = None,
        paydex: int | None = None,
        context: Mapping[str, Any] | None = None,
        auto: bool = True,
    ) -> OrderCheck:
        """``auto``: the decision's write-back may go ahead without a person where the policy
        allows arbot to act on its own evidence; False when part of the evidence came from
        outside (the credit-check API's context), so a person always decides."""
        customer, decision = assess(
            self.erp,
            order,
            as_of=self.today(),
            external_score=external_score,
            paydex=paydex,
            context=context,
        )
        primary, options = write_back(order, customer, decision)
        if customer.credit_limit is None and is_new_customer(self.erp, customer.customer_id):
            options += self.terms_for(customer, order, external_score, paydex)
        why = "; ".join(decision.reasons)
        origin = {"explanation": f"credit check {decision.decision}: {why}"}
        made: list[Approval] = []
        refused: list[str] = []
        for action, own_evidence in [(a, auto) for a in primary] + [(a, False) for a in options]:
            try:
                made.append(
                    self.approvals.propose(
                        action,
                        requested_by=requested_by,
                        origin=origin,
                        allow_auto=own_evidence,
                        requester=None if own_evidence else requester,
                    )
                )
            except ProposalRejected as rejected:
                refused.append(f"{action.summary()}: {rejected}")
        return OrderCheck(order, customer, decision, tuple(made), tuple(refused))

    def terms_for(
        self,
        customer: Customer,
        order: SalesOrder,
        external_score: int | None,
        paydex: int | None,
    ) -> list[Action]:
        """A new customer's first orders: terms and a limit to propose with the check."""
        orders = [o for o in self.erp.sales_orders(customer.customer_id) if o != order]
        proposal = propose_terms(
            customer, [*orders, order], external_score=external_score, paydex=paydex
        )
        if proposal is None:
            return []
        return [
            SetTerms(
                customer_id=customer.customer_id,
                terms_days=proposal.terms_days,
                current_terms_days=customer.terms_days,
                credit_limit=str(proposal.credit_limit),
                limit_currency=customer.currency,
                current_limit=None,
                basis="; ".join(proposal.basis),
            )
        ]

    def delivery_key(self, order: SalesOrder) -> str:
        return (
            f"credit-check:{self.erp.name}:{order.order_id}:{order.customer_id}:"
            f"{order.amount}:{order.currency}"
        )

    def order_arrived(self, order: SalesOrder) -> OrderCheck | None:
        """A new or changed order from the ERP: checked if it is pending and this replica is
        the first to see it as it is now; None otherwise."""
        if order.status != "pending":
            return None
        if not self.approvals.store.first_delivery(self.delivery_key(order)):
            return None
        try:
            return self.check(order, requested_by=ARRIVED)
        except LookupError as missing:
            log.warning("credit check of a new order skipped: %s", missing)
            return None


def order_reply(check: OrderCheck, policy: Any) -> Reply:
    """The check as posted to the credit channel: the decision, the reasons, the cards."""
    reply = check.reply
    if check.refused:
        reply.context.append("Not proposed: " + "; ".join(check.refused))
    return attach_proposals(reply, check.approvals, policy)


def credit_reply(order: SalesOrder, customer: Customer, decision: CreditDecision) -> Reply:
    cur = decision.currency
    limit = decision.credit_limit
    facts = [
        Fact("Order", f"{order.order_id}, {money(order.amount, cur)} ({order.status})"),
        Fact("Open AR", money(decision.open_ar, cur)),
        Fact("Other open orders", money(decision.open_orders, cur)),
        Fact("Exposure with this order", money(decision.exposure, cur)),
        Fact("Credit limit", money(limit, cur) if limit is not None else "none"),
        Fact(
            "Past due",
            f"{money(decision.past_due, cur)} (oldest {decision.oldest_days_past_due} days)",
        ),
        Fact("Credit score", f"{decision.score} of 100"),
    ]
    if decision.avg_days_to_pay is not None:
        facts.append(
            Fact(
                "Average days to pay",
                f"{decision.avg_days_to_pay} ({decision.days_beyond_terms} beyond terms)",
            )
        )
    if decision.chance_late is not None:
        facts.append(
            Fact("Chance an invoice is paid late", f"{decision.chance_late:.0%} (over 10 days)")
        )
    return Reply(
        headline=f"{decision.decision}: {order.order_id} for {customer.name} "
        f"({money(order.amount, cur)}).",
        sections=[
            Section(text="\n".join(f"• {r}" for r in decision.reasons)),
            Section(facts=tuple(facts)),
        ],
        context=["Exposure = open AR + other open orders + this order, against the limit."],
        intent="credit_check",
        entities={"customer_id": customer.customer_id, "order_id": order.order_id},
        data={
            "decision": decision.decision,
            "reasons": list(decision.reasons),
            "score": decision.score,
            "order_id": order.order_id,
            "order_amount": order.amount,
            "currency": cur,
            "open_ar": decision.open_ar,
            "open_orders": decision.open_orders,
            "exposure": decision.exposure,
            "credit_limit": limit,
            "available": decision.available,
            "past_due": decision.past_due,
            "external_score": decision.external_score,
            "paydex": decision.paydex,
            "chance_late": decision.chance_late,
        },
    )
