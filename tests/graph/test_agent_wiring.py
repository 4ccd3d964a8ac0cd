"""The agent's graph runs in process along ``EDGES``; compiled as a LangGraph ``StateGraph`` it
gives the same answers (so LangGraph's tools see the graph that really runs)."""

from __future__ import annotations

import pytest

from graph.agent import Agent
from graph.messages import Turn
from tests.conftest import TODAY, Demo

QUESTIONS = (
    "what does globex owe?",
    "did acme ind supply pay INV-10001?",
    "show initech's last payments",
    "what does globx owe",  # a typo: resolved or asked back
    "aging report",
    "help",
    "tell me a joke",
    "write off 45.00 on INV-10003 as pricing",  # no approvals here: said so
)


@pytest.mark.parametrize("text", QUESTIONS)
def test_the_langgraph_graph_answers_as_the_agent_does(demo: Demo, text: str) -> None:
    agent = Agent(demo.ledger, today=lambda: TODAY)
    turn = Turn("tester", "terminal", text)
    direct = agent.ask(turn)
    through_langgraph = agent.graph().invoke({"turn": turn})["reply"]
    assert through_langgraph.to_json() == direct.to_json()
    assert direct.intent  # every question was answered by some node


def test_a_question_opens_no_approvals(demo: Demo) -> None:
    opened: list[str] = []

    def open_approvals():  # type: ignore[no-untyped-def]
        opened.append("approvals")
        raise AssertionError("a question that changes nothing opened the approval service")

    agent = Agent(demo.ledger, today=lambda: TODAY, open_approvals=open_approvals)
    reply = agent.ask(Turn("tester", "terminal", "what does globex owe?"))
    assert reply.intent == "customer_balance"
    assert opened == []
