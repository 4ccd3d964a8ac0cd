"""Each approval a person decides is its own LangGraph thread, paused at one ``interrupt()``:

    START → await_decision ──approve──▶ execute ──failed──▶ await_decision (retry) …
                    └──reject / expire──▶ END        └──done / superseded──▶ END

Only the caller that won the decision in the store resumes the thread, addressing its
interrupt by id. An approval proposed without a thread (a cash run's bulk proposals: the store
row is their durable pause) has nothing to resume: an approve executes it directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.types import Command, interrupt


class ThreadState(TypedDict, total=False):
    approval_id: str
    decision: str
    outcome: str


def thread_config(approval_id: str) -> dict[str, Any]:
    return {"configurable": {"thread_id": f"approval:{approval_id}"}}


class ApprovalThreads:
    """The approval threads of one checkpointer; ``execute(approval_id) -> outcome``."""

    def __init__(self, checkpointer: BaseCheckpointSaver, execute: Callable[[str], str]) -> None:
        self.execute = execute
        builder = StateGraph(ThreadState)
        builder.add_node("await_decision", self._await_decision)
        builder.add_node("execute", self._execute_node)
        builder.add_edge(START, "await_decision")
        builder.add_conditional_edges(
            "await_decision",
            lambda s: "execute" if s.get("decision") == "approve" else END,
            {"execute": "execute", END: END},
        )
        builder.add_conditional_edges(
            "execute",
            lambda s: "await_decision" if s.get("outcome") == "failed" else END,
            {"await_decision": "await_decision", END: END},
        )
        self.graph = builder.compile(checkpointer=checkpointer)

    @staticmethod
    def _await_decision(state: ThreadState) -> dict[str, Any]:
        answer = interrupt({"approval_id": state["approval_id"]})
        if answer.get("approval_id") != state["approval_id"]:
            raise ValueError("a decision for another approval reached this thread")
        return {"decision": answer["decision"]}

    def _execute_node(self, state: ThreadState) -> dict[str, Any]:
        return {"outcome": self.execute(state["approval_id"])}

    def start(self, approval_id: str) -> str | None:
        """Run a new approval's thread to its pause; the id of the interrupt it waits at."""
        self.graph.invoke(
            {"approval_id": approval_id}, thread_config(approval_id), durability="sync"
        )
        return self.pending_interrupt(approval_id)

    def pending_interrupt(self, approval_id: str) -> str | None:
        pending = self.graph.get_state(thread_config(approval_id)).interrupts
        return pending[0].id if pending else None

    def resume(self, approval_id: str, decision: str) -> bool | None:
        """Continue the thread with a decision, addressed to its pending interrupt by id: True
        when resumed, False when its thread is not waiting (already past its pause), None when
        the approval has no thread."""
        config = thread_config(approval_id)
        state = self.graph.get_state(config)
        if not state.interrupts:
            return False if (state.values or state.next) else None
        answer = {"approval_id": approval_id, "decision": decision}
        self.graph.invoke(
            Command(resume={state.interrupts[0].id: answer}), config, durability="sync"
        )
        return True

    def finish_interrupted(self, approval_id: str, *, approved: bool) -> bool:
        """The reconciler's part: resume an approved thread still at its pause, or run one a
        crash cut in the middle. False when the approval has no thread to finish."""
        config = thread_config(approval_id)
        state = self.graph.get_state(config)
        if approved and state.interrupts:
            return bool(self.resume(approval_id, "approve"))
        if state.next:
            self.graph.invoke(None, config, durability="sync")
            return True
        return False
