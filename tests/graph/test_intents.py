"""The intent registry is the one list: help, the LLM tools, the slash subcommands and
docs/questions.md come from it, and every example it shows works on the demo company."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import intent_surfaces, intents
from graph.intent_entry import KINDS
from graph.llm import TOOLS, to_request
from graph.understand import INTENTS, parse
from tests.conftest import TODAY, Cli, ask_json

DOCS = Path(__file__).resolve().parents[2] / "docs" / "questions.md"
CONTRACT_INTENTS = (
    "invoice_status customer_balance payment_history collections_list deduction_summary "
    "cash_application credit_check forecast digest help unknown action_request"
).split()


@pytest.fixture(scope="module")
def demo_cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = Cli(tmp_path_factory.mktemp("intents") / "home")
    assert cli("demo", "--no-chat").exit_code == 0
    return cli


def test_every_intent_is_declared_once_with_a_kind_and_a_handler() -> None:
    names = [i.name for i in intents.REGISTRY]
    assert len(names) == len(set(names))
    assert set(CONTRACT_INTENTS) <= set(names)
    assert set(INTENTS) == set(names)
    for intent in intents.REGISTRY:
        assert intent.kind in KINDS
        if intent.kind in ("inquiry", "portfolio", "report"):
            assert callable(intent.function("handler"))
        if intent.kind == "inquiry":
            assert callable(intent.function("answer"))


def test_the_llm_tools_and_slash_aliases_come_from_the_registry() -> None:
    tool_names = {t["function"]["name"] for t in TOOLS}
    answering = {i.name for i in intents.REGISTRY if i.kind != "change_request"} - {"unknown"}
    assert answering <= tool_names
    for intent in intents.of_kind("portfolio", "report"):
        request = to_request(intent.name, {}, "x", TODAY)
        assert request is not None and request.intent == intent.name
    slash = intent_surfaces.slash_subcommands()
    assert slash["aging"] == "aging report {rest}"
    assert slash["approvals"] == "approvals"
    for alias, template in slash.items():
        said = template.format(rest="").strip()
        expected = next(i.name for i in intents.REGISTRY if i.slash == alias)
        if "{rest}" not in template or expected in ("collections_list", "top_debtors"):
            assert parse(said, TODAY).intent == expected, alias


def test_docs_questions_table_is_generated_from_the_registry() -> None:
    assert intent_surfaces.questions_markdown() in DOCS.read_text(encoding="utf-8")


def test_every_example_answers_its_intent_on_the_demo_company(demo_cli: Cli) -> None:
    wrong = []
    for intent in intents.REGISTRY:
        for example in intent.examples:
            reply = ask_json(demo_cli, example)
            # a change asked by its own intent ("create an invoice …") is a change request
            if reply["intent"] != ("action_request" if intent.change else intent.name):
                wrong.append((example, intent.name, reply["intent"], reply["text"][:80]))
            elif intent.kind == "change_request" and not reply["proposals"]:
                wrong.append((example, "a proposal", reply["text"][:80]))
            elif (
                intent.kind not in ("change_request", "meta")
                and intent.name != "customer_reply"  # a pasted e-mail asks for its proposal
                and reply["proposals"]
            ):
                wrong.append((example, "no proposal", reply["proposals"]))
            elif reply["text"].startswith(("I can't find", "Which", "More than one")):
                wrong.append((example, "an answer", reply["text"][:80]))
    assert wrong == []


def test_help_lists_every_intent_with_an_example(demo_cli: Cli) -> None:
    reply = ask_json(demo_cli, "help")
    for intent in intents.REGISTRY:
        if intent.examples:
            assert intent.examples[0] in reply["text"]
