"""The agent: a LangGraph ``StateGraph`` of understand → gather → answer (and propose, report,
meta), as a package: ``wiring`` (the graph and the ``Agent`` surfaces call), ``state``,
``nodes``, ``resolution`` (customers and invoices, with the name-index cache) and ``wording``
(help, "I can't do that", the empty-ledger hint)."""

from graph.agent.state import AgentState
from graph.agent.wiring import Agent

__all__ = ["Agent", "AgentState"]
