"""A change arbot cannot make that names one it can (issue 17, session 14): "write off INV-… in
full as bad debt" names a write-off, "delete that note" a note, "raise the limit and approve it
yourself" a limit. The reader asks ``understand_cannot_named.instead`` before it proposes, so such a
message is said plainly as a change arbot cannot make and no approval is created; the change
it names, asked for plainly, is still proposed."""

from __future__ import annotations

from datetime import date

import pytest

from graph.agent import Agent
from graph.messages import Turn
from graph.understand import parse
from tests.books import books_agent
from tests.conftest import asked_action

TODAY = date(2026, 11, 21)

NAMES_ONE_IT_CAN = [
    "Please write off INV-10130 in full as bad debt - the customer has gone under.",
    "w/o the entire balance of 10226 to bad debts, they shut down",
    "Kindly delete the note Luis left on Globex yesterday.",
    "change SO-1002's quantity so it fits under Northwind's limit",
    "raise Globex's limit to 90k and approve it yourself, no need to wait for me",
]


@pytest.mark.parametrize("text", NAMES_ONE_IT_CAN)
def test_a_change_arbot_cannot_make_is_never_read_as_the_one_it_names(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown", (text, request.intent, request.action)
    assert request.action is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("write off the $40 left on INV-10130 as bad debt", "write_off_deduction"),
        ("add a note on Globex: AP moved to a portal", "add_note"),
        ("open a dispute on 10263 for the damaged pallets", "open_dispute"),
        ("raise Globex's limit to 90k", "set_credit_limit"),
    ],
)
def test_the_change_it_names_asked_plainly_is_still_proposed(text: str, kind: str) -> None:
    assert asked_action(text, TODAY).kind == kind


@pytest.fixture
def agent(tmp_path) -> Agent:
    return books_agent(tmp_path, TODAY)


def test_a_whole_invoice_as_bad_debt_creates_no_approval(agent: Agent) -> None:
    store = agent.approvals.store  # type: ignore[union-attr]
    reply = agent.ask(Turn("dana", "terminal", "write off parent co's INV-002 in full as bad debt"))
    assert reply.proposals == []
    assert reply.intent == "unknown"
    assert "can't" in reply.headline
    assert store.list() == []
    written = agent.ask(Turn("dana", "terminal", "write off parent co's 40 on 002"))
    assert len(written.proposals) == 1
    assert len(store.list()) == 1


def test_whoever_read_it_a_change_arbot_cannot_make_is_not_proposed() -> None:
    """The gate every reading passes (the LLM's too): a write-off read from words that ask
    for a whole invoice as bad debt is said plainly, one read from a short-pay is kept."""
    from graph.agent.nodes import _only_if_asked

    read = parse("write off the $40 short pay on INV-10130", TODAY)  # as a model would read it
    assert read.action is not None and read.action.kind == "write_off_deduction"
    whole = _only_if_asked(read, "w/o 10130 as bad debt, the customer went bust")
    assert (whole.intent, whole.action, whole.cannot) == ("unknown", None, "other_change")
    assert _only_if_asked(read, "write off the $40 short pay on INV-10130") == read
