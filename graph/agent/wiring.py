"""The ``Agent`` the surfaces call: the graph wired from its nodes, and the public methods
(``ask``, ``report``, ``forget_customers``, ``matcher``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from langgraph.graph import END, START, StateGraph

from graph.agent import nodes
from graph.agent.resolution import EntityResolver
from graph.agent.state import AgentState
from graph.approvals import ApprovalService
from graph.ar.names import CustomerMatcher
from graph.llm import LlmService
from graph.messages import Reply, Turn
from graph.understand import Request
from integrations.erp.port import ErpClient


class Agent:
    def __init__(
        self,
        erp: ErpClient,
        *,
        today: Callable[[], date] = date.today,
        approvals: ApprovalService | None = None,
        llm: LlmService | None = None,
    ) -> None:
        self.erp = erp
        self.today = today
        self.approvals = approvals
        self.llm = llm
        self.resolver = EntityResolver(erp)
        self.graph = self._build()

    def _build(self) -> Any:
        builder = StateGraph(AgentState)
        for name in ("understand", "gather", "answer", "propose", "report", "meta"):
            builder.add_node(name, partial(getattr(nodes, name), self))
        builder.add_edge(START, "understand")
        builder.add_conditional_edges(
            "understand",
            nodes.after_understand,
            {n: n for n in ("gather", "propose", "report", "meta")} | {END: END},
        )
        builder.add_edge("gather", "answer")
        for name in ("answer", "propose", "report", "meta"):
            builder.add_edge(name, END)
        return builder.compile()

    def ask(self, turn: Turn) -> Reply:
        state = self.graph.invoke({"turn": turn})
        return state["reply"]

    def report(self, request: Request, turn: Turn) -> Reply:
        """A report asked for by command (``arbot collections --top 5``) rather than in words."""
        return nodes.report(self, {"request": request, "turn": turn}, by_command=True)["reply"]

    def warm(self) -> None:
        """Before the first user: the name index and the kept aggregates of the whole book
        (open balances by customer and bucket, paying habits), so no question pays for them."""
        from graph.portfolio_reads import book_reads

        self.resolver.matcher()
        reads = book_reads(self.erp, self.today())
        reads.open_balances()
        reads.habits()

    def forget_customers(self) -> None:
        """The customer master changed: rebuild the name index on the next question."""
        self.resolver.forget()

    def matcher(self) -> CustomerMatcher:
        return self.resolver.matcher()
