"""The graph's nodes. ``understand`` reads the request (the rules; the LLM only where they could
not read it) and resolves names and numbers; ``gather`` only reads the ERP; ``answer`` words the
reply from gathered data only; ``report`` runs a portfolio question or a report; ``propose``
turns a change request into a proposal; ``meta`` answers about arbot itself."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from contextlib import nullcontext
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from graph import intents
from graph.agent import asked, wording
from graph.agent.customer_ids import with_customer_ids
from graph.agent.state import AgentState
from graph.ar.names import Resolution
from graph.format import money
from graph.messages import Reply, Turn
from graph.unclear import Unclear
from graph.understand import Request, parse
from graph.understand_action_names import NotAsked
from integrations.erp.records import Customer

if TYPE_CHECKING:
    from graph.agent.wiring import Agent

END = "__end__"  # LangGraph's END: where a turn stops
DATA_KINDS = ("inquiry", "portfolio", "report")
NEAR_MISS = 80.0  # a name that scores this close to a customer's is a typo of it, not no one


def understand(agent: Agent, state: AgentState) -> dict[str, Any]:
    with agent.resolver.one_question():  # a name or number said once is looked up once
        return _understand(agent, state)


def _understand(agent: Agent, state: AgentState) -> dict[str, Any]:
    text = state["turn"].text
    request = parse(text, agent.today())
    if (
        agent.llm is not None
        and request.cannot is None
        and request.not_asked is None
        and (request.intent == "unknown" or request.guessed)
    ):
        # The rules could not read it: the LLM may route it, into the same typed Request.
        request = agent.llm.understand(text, agent.today()) or request
    request = agent.resolver.with_payment_numbers(agent.resolver.with_bare_invoices(request))
    request = with_customer_ids(agent.resolver, request, text, agent.today())
    request = _only_if_asked(
        request,
        text,
        agent.team.names,
        lambda word: isinstance(agent.resolver.customer(word), Customer),
    )
    if request.not_asked is not None:
        customer = None
        if request.customer_text:
            found = agent.resolver.customer(request.customer_text)
            customer = found if isinstance(found, Customer) else None
        return {
            "request": request,
            "reply": wording.not_asked_reply(request, request.not_asked, customer),
        }
    if request.cannot is not None and request.action is None:
        customer = None
        if request.customer_text:
            found = agent.resolver.customer(request.customer_text)
            customer = found if isinstance(found, Customer) else None
        return {"request": request, "reply": wording.cannot_reply(request, customer)}
    kind = intents.get(request.intent).kind
    if kind in DATA_KINDS and agent.resolver.ledger_is_empty():
        return {"request": request, "reply": wording.empty_ledger(request)}
    if kind == "inquiry" and request.book_intent and _only_a_prefix(agent, request):
        # "need the ar ageing for the month end pack": the whole book was asked for; "pack"
        # only begins a customer's name (Riverbend Packaging), it does not name one
        unread = [f"I did not read “{request.customer_text}” as a customer: this is all customers."]
        request = replace(request, intent=request.book_intent, customer_text=None, guessed=False)
        return {"request": request, "unread": unread}
    if kind == "inquiry" and (nobody := _names_nobody(agent, request)) is not None:
        if request.book_intent is None:
            # "what does apple inc owe": a name that is no customer is not answered as another
            return {"request": request, "reply": wording.not_a_customer(request, nobody)}
        # "gimme the aging": the words ask about the whole book; the leftover is no customer
        request = replace(request, intent=request.book_intent, guessed=False)
        kind = intents.get(request.intent).kind
    if kind in DATA_KINDS and agent.resolver.ledger_is_empty():
        return {"request": request, "reply": wording.empty_ledger(request)}
    if kind != "inquiry":
        return {"request": request}
    outcome = agent.resolver.resolve(request)
    if isinstance(outcome, Reply):
        return {"request": request, "reply": outcome}
    return {"request": request, "resolved": outcome}


def _only_if_asked(
    request: Request,
    text: str,
    team: Callable[[], Collection[str]] = tuple,
    is_customer: Callable[[str], bool] | None = None,
) -> Request:
    """Whoever read the request (the rules or the LLM), a change is proposed only when the
    message's own words ask arbot for that change (``graph.understand_asked``), not a colleague
    it names first (``team``: the colleagues' names the books and the policy know)."""
    if request.intent == "action_request" and request.action is not None:
        kind = request.action.kind
    elif intents.get(request.intent).change:
        kind = request.intent  # "create an invoice for SO-1001": a change by its own intent
    else:
        return request
    if (refused := asked.refused(text, kind)) is not None:
        return replace(request, intent="unknown", action=None, not_asked=refused)
    named = request.customer_text or (request.action.customer_text if request.action else None)
    if asked.to_colleague(text, named, team, is_customer):
        refused = NotAsked(kind, "addressed")  # "priya open a dispute on sterling 10263"
        return replace(request, intent="unknown", action=None, not_asked=refused)
    if (other := asked.beyond(text, kind)) is not None:
        # the LLM's reading of "write off 10130 in full as bad debt": said plainly instead
        return replace(request, intent="unknown", action=None, cannot=other)
    return request


def _only_a_prefix(agent: Agent, request: Request) -> bool:
    """Whether the customer text is one word that only begins a word of the customer it
    resolves to ("pack" of Riverbend Packaging), never a whole word, id or typo of one."""
    words = (request.customer_text or "").split()
    if len(words) != 1 or request.invoice_refs or request.po_refs:
        return False
    found = agent.resolver.customer(words[0])
    if not isinstance(found, Customer):
        return False
    word = words[0].lower()
    name_words = re.findall(r"[a-z0-9&]+", found.name.lower())
    return (
        word not in name_words
        and word != found.customer_id.lower()
        and any(n.startswith(word) and len(n) > len(word) + 2 for n in name_words)
    )


def _names_nobody(agent: Agent, request: Request) -> Resolution | None:
    """How the customer text resolved, when it names no customer at all (not several)."""
    if not request.customer_text or request.invoice_refs or request.po_refs or request.guessed:
        return None
    found = agent.resolver.customer(request.customer_text)
    if isinstance(found, Customer) or found.status != "none":
        return None
    if found.candidates and found.candidates[0].score >= NEAR_MISS:
        return None  # "fabrikan": a typo of one name, answered with "did you mean …?"
    return found


def after_understand(state: AgentState) -> str:
    if "reply" in state:
        return END
    kind = intents.get(state["request"].intent).kind
    return {
        "inquiry": "gather",
        "portfolio": "report",
        "report": "report",
        "change_request": "propose",
    }.get(kind, "meta")


def gather(agent: Agent, state: AgentState) -> dict[str, Any]:
    intent = intents.get(state["request"].intent)
    return {"gathered": intent.function("handler")(agent.erp, state["resolved"])}


def answer(agent: Agent, state: AgentState) -> dict[str, Any]:
    intent = intents.get(state["request"].intent)
    reply = intent.function("answer")(state["resolved"], state["gathered"], agent.today())
    if (others := state["request"].also_named) and (
        (first := state["request"].customer_text) is not None
    ):
        reply.headline = f"{wording.answered_one(first, others)} {reply.headline}"
    return {"reply": agent.llm.phrase(reply) if agent.llm is not None else reply}


def meta(agent: Agent, state: AgentState) -> dict[str, Any]:
    request = state["request"]
    if request.intent == "approvals_inbox":
        return {"reply": approvals_inbox(agent, request, state["turn"])}
    if request.intent == "help":
        return {"reply": wording.meta_help(request)}
    return {"reply": wording.not_understood(request)}


def approvals_inbox(agent: Agent, request: Request, turn: Turn) -> Reply:
    from graph.inbox import inbox_reply  # the approvals side's module, read when asked

    reply = inbox_reply(agent.approvals, turn)
    if request.customer_text and isinstance(
        found := agent.resolver.customer(request.customer_text), Customer
    ):
        from graph.inbox_customer import about_customer  # "is the hold for X approved yet?"

        reply = about_customer(reply, agent.approvals, found)
    return reply


def _requested_by(agent: Agent, turn: Turn) -> str:
    from graph.policy import Identity

    identity = Identity(turn.surface, turn.user_id, turn.email)
    policy = agent.policy
    person = policy.person_for(identity) if policy is not None else None
    return person.name if person else identity.label()


def report(agent: Agent, state: AgentState, *, by_command: bool = False) -> dict[str, Any]:
    """A portfolio question or a report. Asked in words it proposes nothing (a proposal only
    when the request names the action); asked by command (``arbot collections``) it may."""
    from graph.reports import ReportContext  # the reports' modules, read when one is asked

    request = state["request"]
    context = ReportContext(
        agent.erp,
        agent.store,
        agent.today(),
        agent.resolver.customer_or_ask,
        requested_by=_requested_by(agent, state["turn"]),
        llm=agent.llm,
        find_customer=agent.resolver.customer,
        propose=by_command,
        open_approvals=lambda: agent.approvals,
        known_policy=agent.known_policy,
    )
    # a pasted e-mail proposes what the customer wrote, read as arbot's reading (with the quote)
    document = asked.reading_a_document() if request.intent == "customer_reply" else nullcontext()
    try:
        with document:
            reply = intents.get(request.intent).function("handler")(context, request)
    except (Unclear, LookupError) as problem:
        reply = Reply(headline=str(problem), intent=request.intent)
    if state.get("unread"):
        reply.headline = " ".join([*state["unread"], reply.headline])
    if intents.get(request.intent).change:
        # "create an invoice for SO-1001" names a change: it is answered, on every surface, as
        # the change request it is (the action's kind in the entities), like every other change
        reply.entities.setdefault("action", request.intent)
        reply.intent = "action_request"
        _with_whom(agent, reply, (reply.entities.get("order_id") or None))
    return {"reply": reply}


def propose(agent: Agent, state: AgentState) -> dict[str, Any]:
    """The proposal; a part of the message arbot cannot do is said, never dropped."""
    result = _propose(agent, state)
    request = state["request"]
    if request.also_named and request.action and request.action.customer_text:
        first = request.action.customer_text
        result["reply"].headline += " " + wording.proposed_one(first, request.also_named)
    if (kind := state["request"].cannot) is not None:
        said = state["request"].not_done
        result["reply"].headline += " " + wording.part_not_done(kind, said)
    order = request.action.order_ref if request.action else None
    _with_whom(agent, result["reply"], order)
    return result


def _with_whom(agent: Agent, reply: Reply, order_id: str | None) -> None:
    """A change's reply names its customer and, for a sales order, the order's amount (the
    card shows ids: "Release sales order SO-1005 for C00009")."""
    said = "\n".join([reply.headline, *reply.context])
    if order_id and "Order:" not in said:
        orders = [o for o in agent.erp.sales_orders() if o.order_id.upper() == order_id.upper()]
        if orders:
            order = orders[0]
            reply.context.insert(
                0,
                f"Order: {order.order_id}, {money(order.amount, order.currency)} ({order.status}).",
            )
            reply.entities.setdefault("customer_id", order.customer_id)
    customer_id = reply.entities.get("customer_id")
    customer = agent.erp.get_customer(customer_id) if isinstance(customer_id, str) else None
    if customer is not None and customer.name not in said:
        reply.context.insert(0, f"Customer: {customer.name} ({customer.customer_id}).")


def _propose(agent: Agent, state: AgentState) -> dict[str, Any]:
    from graph import collector_requests
    from graph.approvals import ProposalRejected
    from graph.policy import Identity
    from graph.proposals import proposal_reply
    from graph.requests import build_action

    request = state["request"]
    assert request.action is not None
    if agent.approvals is None:
        return {
            "reply": Reply(
                headline="Changes to the ERP go through approvals, which are not set up here.",
                intent="action_request",
            )
        }
    turn = state["turn"]
    requested_by = _requested_by(agent, turn)
    if request.action.kind in collector_requests.KINDS:
        return {"reply": collector_requests.propose(agent, request.action, turn, requested_by)}
    action: Any = None
    try:
        action, drafted_with = build_action(
            agent.erp,
            request.action,
            agent.resolver.customer_or_ask,
            requested_by=requested_by,
            today=agent.today(),
            llm=agent.llm,
            store=agent.approvals.store,
        )
        approval = agent.approvals.propose(
            action,
            requested_by=requested_by,
            requester=Identity(turn.surface, turn.user_id, turn.email),
            origin={
                "surface": turn.surface,
                "conversation_id": turn.conversation_id,
                **({"drafted_with": drafted_with} if drafted_with else {}),
            },
        )
    except Unclear as unclear:
        return {"reply": Reply(headline=str(unclear), intent="action_request")}
    except ProposalRejected as rejected:
        customer_id = getattr(action, "customer_id", None)
        customer = agent.erp.get_customer(customer_id) if customer_id else None
        return {
            "reply": Reply(
                headline="I can't propose that: " + "; ".join(rejected.problems) + ".",
                context=[f"Customer: {customer.name} ({customer.customer_id})."]
                if customer
                else [],
                intent="action_request",
                entities={"customer_id": customer.customer_id} if customer else {},
            )
        }
    reply = proposal_reply(
        approval, body=action.payload().get("body"), policy=agent.approvals.policy
    )
    customer_id = getattr(action, "customer_id", None)
    customer = agent.erp.get_customer(customer_id) if customer_id else None
    if customer is not None:
        reply.entities.setdefault("customer_id", customer.customer_id)
        if customer.name not in reply.headline:
            reply.context.insert(0, f"Customer: {customer.name} ({customer.customer_id}).")
    return {"reply": reply}
