"""A credit decision for a sales order (``check credit for SO-1001``, with an external score or
PAYDEX); a customer named without a pending order, or asked about its standing, gets its
standing (``graph.portfolio_credit``). An order to review comes with the options proposed."""

from __future__ import annotations

from graph.messages import Reply
from graph.portfolio_credit import asks_standing, credit_standing
from graph.reports import ReportContext, propose_actions, with_proposals
from graph.requests import Unclear
from graph.understand import Request


def credit_check(context: ReportContext, request: Request) -> Reply:
    erp = context.erp
    orders = erp.sales_orders()
    if request.order_refs:
        wanted = {o for o in request.order_refs}
        chosen = [o for o in orders if o.order_id.upper() in wanted]
        if not chosen:
            raise Unclear(f"I can't find sales order {', '.join(request.order_refs)}.")
        order = chosen[0]
    elif request.customer_text:
        customer = context.customer_of(request.customer_text)
        pending = [
            o
            for o in orders
            if o.customer_id == customer.customer_id and o.status in ("pending", "on_hold")
        ]
        if not pending or asks_standing(request.text or ""):
            # "what's initech's credit limit", "is kendall on hold": the customer's standing
            return credit_standing(context, customer, pending)
        order = max(pending, key=lambda o: o.amount)
    else:
        raise Unclear("Which order? e.g. “check credit for SO-1001”.")
    from graph.orders import assess, credit_reply, external_scores, write_back

    external, paydex = external_scores(request.text or "")
    customer, decision = assess(
        erp, order, as_of=context.today, external_score=external, paydex=paydex
    )
    reply = credit_reply(order, customer, decision)
    reply.data.setdefault("customer_id", order.customer_id)
    reply.entities.setdefault("customer_id", order.customer_id)
    if decision.decision != "REVIEW":
        return reply
    _, options = write_back(order, customer, decision)
    return with_proposals(reply, propose_actions(context, list(options)), context)
