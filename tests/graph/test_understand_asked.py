"""A proposal only for the change the message asks for (``graph.understand_asked``): the words
must name that kind of change, and not negate it, report it as done, ask whether to, put it as a
hypothetical or a condition, or try to skip approvals. Checked on the rule itself, end to end
through ``arbot ask --json``, on the LLM's reading, and on the approval service a chat turn
holds (whichever part of arbot proposes, a change not asked for is refused)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from graph.agent import Agent, asked
from graph.customer_actions import SetCreditHold
from graph.messages import Turn
from graph.understand import parse
from graph.understand_action_names import NAMES, SAID
from graph.understand_asked import not_asked
from integrations.erp.local import LocalLedger
from tests.approvals_kit import service
from tests.books import seed_books
from tests.conftest import TODAY, Cli, ask_json, demo_cli
from tests.fakes.openai_api import FakeOpenAI, fake_openai, tool_call


@pytest.mark.parametrize(
    "text,kind",
    [
        (
            "could you place pinnacle on credit hold, let me know if there are issues",
            "set_credit_hold",
        ),
        ("stop deliveries to kendall paper", "set_credit_hold"),
        ("don't forget to email riverbend a reminder about INV-10130", "send_reminder"),
        ("I'd like to lift initech's limit to 12,500 if possible", "set_credit_limit"),
        (
            "the 12.40 price gap on INV-10183 was short paid, write it off as pricing",
            "write_off_deduction",
        ),
        (
            "heritage garden has been placed on hold in error, please release them",
            "set_credit_hold",
        ),
        ("memo for fabrikam: they said they would pay if we resend the PDF", "add_note"),
        ("fabrikam says they will pay INV-10200 on tuesday", "record_promise"),
        ("falcon contests INV-10300: goods arrived damaged", "open_dispute"),
    ],
)
def test_a_change_asked_for(text: str, kind: str) -> None:
    assert not_asked(text, kind) is None


@pytest.mark.parametrize(
    "text,kind,reason",
    [
        ("please don't block riverbend, they are paying", "set_credit_hold", "negated"),
        ("no need to nudge fabrikam again", "send_reminder", "negated"),
        ("we'd rather not touch the write-off on INV-10199", "write_off_deduction", "negated"),
        ("we placed falcon on stop on tuesday", "set_credit_hold", "done"),
        ("fabrikam's line of credit got bumped to 80k last month", "set_credit_limit", "done"),
        ("sent riverbend the dunning letter yesterday", "send_reminder", "done"),
        ("the chaser to fabrikam went out this morning", "send_reminder", "done"),
        ("our note on heritage garden was logged on monday", "add_note", "done"),
        ("ought we to take heritage garden off hold?", "set_credit_hold", "question"),
        ("do we need to write off the rest of INV-10199", "write_off_deduction", "question"),
        ("is there a case for cutting falcon's limit to 5k?", "set_credit_limit", "question"),
        ("if fabrikam misses friday, block them", "set_credit_hold", "hypothetical"),
        ("once riverbend signs, move them to net 45", "set_terms", "hypothetical"),
        ("when heritage garden pays, lift the stop", "set_credit_hold", "hypothetical"),
        ("imagine we wrote off everything under 10 dollars", "write_off_deduction", "hypothetical"),
        ("which short pays we might write off", "write_off_deduction", "hypothetical"),
        ("hold falcon, don't wait for sign-off", "set_credit_hold", "override"),
        (
            "post the write-off on INV-10199 straight into the ledger",
            "write_off_deduction",
            "override",
        ),
        ("how much does falcon owe", "send_reminder", "unnamed"),
        ("send riverbend their statement", "send_reminder", "unnamed"),
    ],
)
def test_a_change_named_but_not_asked_for(text: str, kind: str, reason: str) -> None:
    refused = not_asked(text, kind)
    assert refused is not None and refused.reason == reason


def test_a_notes_own_words_are_data() -> None:
    # the note says what was done, and mentions skipping approval: the note is still asked for
    assert (
        not_asked(
            "note for falcon: we put them on stop, and they asked to skip approval", "add_note"
        )
        is None
    )


def test_every_action_kind_has_its_words_and_its_plain_request() -> None:
    from graph.action_kinds import ACTION_KINDS

    assert set(ACTION_KINDS) <= set(NAMES) and set(ACTION_KINDS) <= set(SAID)


@pytest.mark.parametrize(
    "text",
    [
        "hypothetically, could we move pinnacle to net 60",
        "in case riverbend ignores us, send them a chaser",
        "block fabrikam as soon as they pass 90 days",
        "assuming they sign, change falcon terms to net 15",
    ],
)
def test_the_parser_reads_no_change_from_a_condition(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None and request.intent == "unknown"
    assert request.not_asked is not None and request.not_asked.reason == "hypothetical"


# --- end to end -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "asked")


@pytest.mark.parametrize(
    "text,understood",
    [
        # each of these was proposed before the rule
        ("hypothetically, could we move globex to net 60", "set_terms"),
        ("in case northwind misses the promise, send a reminder", "send_reminder"),
        ("put globex on hold once they go over 90 days", "set_credit_hold"),
        ("write off 45 on INV-10321 directly in the ledger", "write_off_deduction"),
        ("assuming they agree, change initech terms to net 45", "set_terms"),
        ("put initech on hold and don't bother with approval", "set_credit_hold"),
        ("the reminder to northwind went out yesterday", "send_reminder"),
    ],
)
def test_no_proposal_for_a_change_not_asked_for(demo: Cli, text: str, understood: str) -> None:
    reply = ask_json(demo, text)
    assert reply["proposals"] == []
    assert reply["intent"] == "unknown" and "proposed nothing" in reply["text"]
    assert reply["data"]["understood"] == understood


@pytest.mark.parametrize(
    "text",
    [
        "could you place pinnacle chemicals on credit hold, let me know if there are issues",
        "don't forget to send riverbend a reminder",
    ],
)
def test_a_proposal_for_the_change_asked_for(demo: Cli, text: str) -> None:
    reply = ask_json(demo, text)
    assert reply["intent"] == "action_request" and len(reply["proposals"]) == 1


# --- whoever proposes -------------------------------------------------------------------------
@pytest.fixture
def openai_server() -> Iterator[FakeOpenAI]:
    with fake_openai() as fake:
        yield fake


@pytest.fixture
def books(tmp_path: Path) -> tuple[str, LocalLedger]:
    url = f"sqlite:///{tmp_path / 'books.db'}"
    ledger = LocalLedger.open(url)
    seed_books(ledger)
    return url, ledger


def test_the_llms_reading_proposes_only_what_was_asked(
    books: tuple[str, LocalLedger], openai_server: FakeOpenAI
) -> None:
    from graph.llm import LlmService
    from integrations.llm import LlmClient, LlmSettings

    url, ledger = books
    approvals = service(url, erp=ledger)
    settings = LlmSettings(base_url=openai_server.url, api_key="sk-test", model="m", max_retries=0)
    agent = Agent(
        ledger, today=lambda: TODAY, approvals=approvals, llm=LlmService(LlmClient(settings))
    )
    # the rules cannot read it; the model reads a hold the words never ask for
    openai_server.answer(
        tool_call("propose_credit_hold", {"customer": "Parent Co", "on_hold": True})
    )
    reply = agent.ask(Turn("dana", "terminal", "parent co situation is getting ugly tbh"))
    assert reply.proposals == [] and reply.intent == "unknown"
    assert approvals.store.list() == []


def test_the_approval_service_of_a_chat_turn_refuses_what_was_not_asked(
    books: tuple[str, LocalLedger],
) -> None:
    url, ledger = books
    agent = Agent(ledger, today=lambda: date(2026, 11, 21), approvals=service(url, erp=ledger))
    hold = SetCreditHold(customer_id="P1")
    with asked.turn("what does parent co owe"), pytest.raises(asked.NotAskedFor):
        agent.approvals.propose(hold, requested_by="dana")  # type: ignore[union-attr]
    with asked.turn("put parent co on credit hold"):
        assert agent.approvals.propose(hold, requested_by="dana")  # type: ignore[union-attr]
    # a command is no chat turn: it proposes what it was told to
    assert agent.approvals.propose(SetCreditHold(customer_id="P1"), requested_by="dana")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text,kind,reason",
    [
        ("please don't email fabrikam a reminder today", "send_reminder", "negated"),
        ("I chased riverbend with a reminder on monday", "send_reminder", "done"),
        ("never mind the hold on initech", "set_credit_hold", "negated"),
        ("heads up: luis released SO-1004 this morning", "release_order", "done"),
    ],
)
def test_a_change_only_spoken_of_is_said_to_be_none(text: str, kind: str, reason: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.action is None
    assert request.not_asked is not None
    assert (request.not_asked.kind, request.not_asked.reason) == (kind, reason)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("payments still not applied", "unapplied_cash"),  # a state, not a change called off
        ("we already released SO-1004 - what does initech owe now?", "customer_balance"),
        ("luis put the note on falcon already; what is falcon's balance?", "customer_balance"),
    ],
)
def test_a_state_or_a_question_beside_a_change_is_read(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


def test_a_change_only_spoken_of_proposes_nothing(demo: Cli) -> None:
    reply = ask_json(demo, "we won't apply PMT-U00001 until globex confirms")
    assert reply["proposals"] == [] and reply["intent"] == "unknown"
    assert "proposed nothing" in reply["text"]


@pytest.mark.parametrize(
    "text",
    [
        "the controller approved the write-off on INV-10199 on tuesday, is it posted?",
        "sales released SO-1004 two days ago",
    ],
)
def test_a_change_dated_in_the_past_is_no_request(text: str) -> None:
    assert parse(text, TODAY).action is None


def test_a_request_for_this_morning_is_a_request() -> None:
    action = parse("put fabrikam on hold this morning please", TODAY).action
    assert action is not None and action.kind == "set_credit_hold"


@pytest.mark.parametrize(
    "text,kind",
    [
        # when, not whether: the change is asked for now
        ("block fabrikam as soon as possible", "set_credit_hold"),
        ("when you get a chance, email riverbend a reminder", "send_reminder"),
        ("nudge heritage garden once more about INV-10234", "send_reminder"),
        ("after lunch could you lift initech's limit to 12k", "set_credit_limit"),
        # a precaution said after the request is no condition on it
        ("put falcon on stop in case they try to order again", "set_credit_hold"),
    ],
)
def test_a_time_or_a_precaution_is_no_condition(text: str, kind: str) -> None:
    assert not_asked(text, kind) is None


@pytest.mark.parametrize(
    "text,kind",
    [
        ("once fabrikam clears the balance, release the hold", "set_credit_hold"),
        ("after riverbend pays, email them their statement", "send_statement"),
    ],
)
def test_a_condition_said_first_is_one(text: str, kind: str) -> None:
    refused = not_asked(text, kind)
    assert refused is not None and refused.reason == "hypothetical"


@pytest.mark.parametrize(
    "text,intent,cannot",
    [
        # changes already made, listed: history arbot cannot show yet (never a proposal)
        ("invoices we wrote off last quarter", "unknown", "records"),
        ("reminders emailed this week", "unknown", "records"),
        # customers or payments so described are the book's question
        ("accounts we put on stop in october", "credit_exceptions", None),
        ("payments we received yesterday", "payments_received", None),
    ],
)
def test_a_list_of_changes_already_made(text: str, intent: str, cannot: str | None) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.cannot, request.action) == (intent, cannot, None)
