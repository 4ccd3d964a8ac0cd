"""The ``Agent`` the surfaces call: the graph wired from its nodes, and the public methods
(``ask``, ``report``, ``forget_customers``, ``matcher``).

The graph is stateless (no checkpointer, no interrupt: those are the approvals' threads), so a
question runs its nodes along ``EDGES`` in process, without importing LangGraph — a question
from a shell would otherwise spend seconds importing it. ``Agent.graph()`` compiles the same
edges into a LangGraph ``StateGraph`` for LangGraph's tools; a test checks both answer alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from graph.agent import asked, nodes
from graph.agent.resolution import EntityResolver
from graph.agent.state import AgentState
from graph.agent.team import Team
from integrations.store.clock import business_today

if TYPE_CHECKING:
    from graph.approvals import ApprovalService
    from graph.ar.names import CustomerMatcher
    from graph.llm import LlmService
    from graph.messages import Reply, Turn
    from graph.policy import Policy
    from graph.understand import Request
    from integrations.erp.port import ErpClient
    from integrations.store import Store

END = nodes.END
ENTRY = "understand"
# After each node, the next: a fixed node, or the router that picks it from the state.
EDGES: dict[str, str | Callable[[AgentState], str]] = {
    "understand": nodes.after_understand,
    "gather": "answer",
    "answer": END,
    "propose": END,
    "report": END,
    "meta": END,
}
ROUTES = ("gather", "propose", "report", "meta", END)  # where after_understand may lead


class Agent:
    def __init__(
        self,
        erp: ErpClient,
        *,
        today: Callable[[], date] = business_today,
        approvals: ApprovalService | None = None,
        llm: LlmService | None = None,
        open_approvals: Callable[[], ApprovalService] | None = None,
        policy: Policy | None = None,
        open_store: Callable[[], Store] | None = None,
    ) -> None:
        """``open_approvals`` opens the approval service on first use (a question that changes
        nothing never opens it); ``policy`` says who is who without opening it; ``open_store``
        opens the bot's store alone (disputes, promises) without the approvals' threads."""
        self.erp = erp
        self.today = today
        self._approvals = approvals
        self._open_approvals = open_approvals
        self._open_store = open_store
        self._policy = policy
        self.llm = llm
        self.resolver = EntityResolver(erp)
        self.team = Team(erp, lambda: self.known_policy)

    @property
    def approvals(self) -> ApprovalService | None:
        """The approval service; during a chat turn, one that proposes only what the turn's
        words ask for (``graph.agent.asked``)."""
        if self._approvals is None and self._open_approvals is not None:
            self._approvals = self._open_approvals()
        return asked.held(self._approvals)

    @property
    def store(self) -> Store | None:
        if self._approvals is not None:
            return self._approvals.store
        if self._open_store is not None:
            return self._open_store()
        approvals = self.approvals
        return approvals.store if approvals is not None else None

    @property
    def known_policy(self) -> Policy | None:
        """The policy when it is known without opening the approval service."""
        if self._policy is not None:
            return self._policy
        return self._approvals.policy if self._approvals is not None else None

    @property
    def policy(self) -> Policy | None:
        if self._policy is not None:
            return self._policy
        approvals = self.approvals
        return approvals.policy if approvals is not None else None

    def _node(self, name: str) -> Callable[[AgentState], dict[str, Any]]:
        return partial(getattr(nodes, name), self)

    def ask(self, turn: Turn) -> Reply:
        state: AgentState = {"turn": turn}
        step = ENTRY
        with asked.turn(turn.text):
            while step != END:
                state.update(self._node(step)(state))  # type: ignore[typeddict-item]
                after = EDGES[step]
                step = after if isinstance(after, str) else after(state)
        return state["reply"]

    def graph(self) -> Any:
        """The same graph as a compiled LangGraph ``StateGraph`` (for LangGraph's tools)."""
        from langgraph.graph import END as GRAPH_END
        from langgraph.graph import START, StateGraph

        def node(name: str) -> str:
            return GRAPH_END if name == END else name

        builder = StateGraph(AgentState)
        for name in EDGES:
            builder.add_node(name, self._node(name))
        builder.add_edge(START, ENTRY)
        for name, after in EDGES.items():
            if isinstance(after, str):
                builder.add_edge(name, node(after))
            else:
                builder.add_conditional_edges(
                    name, lambda s, a=after: node(a(s)), {node(r): node(r) for r in ROUTES}
                )
        return builder.compile()

    def report(self, request: Request, turn: Turn) -> Reply:
        """A report asked for by command (``arbot collections --top 5``) rather than in words."""
        return nodes.report(self, {"request": request, "turn": turn}, by_command=True)["reply"]

    def warm(self) -> None:
        """Before the first user: the customer-name index, so no question pays for it (the
        whole-book figures are read per question, from indexes: nothing to keep)."""
        self.resolver.matcher()

    def forget_customers(self) -> None:
        """The customer master changed: rebuild the name index on the next question."""
        self.resolver.forget()

    def matcher(self) -> CustomerMatcher:
        return self.resolver.matcher()
