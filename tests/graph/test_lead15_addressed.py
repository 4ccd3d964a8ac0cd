"""A change asked of a colleague by name (issue 17, session 15): "Maya, can you send Globex a
statement?", "hey jordan, note on initech: …", "ravi - put northwind on hold". arbot reads only
messages that reach it, so it is the one addressed unless the words name someone else first;
then nothing is proposed and the reply says why. A customer named first ("globex - put them on
hold"), a greeting, a label ("PTP:") or a word before a comma without "you" after it are no
one's name, and a message that speaks to arbot anywhere is arbot's."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from graph.agent import Agent
from graph.messages import Turn
from graph.understand import parse
from graph.understand_addressed import addressed_to
from integrations.erp.local import schema as t
from tests.books import books_agent
from tests.conftest import asked_action

TODAY = date(2026, 11, 21)

TO_A_COLLEAGUE = [
    ("Maya, can you send Globex a statement?", "send_statement", "globex"),
    ("hey jordan, note on initech: buyer is out until monday", "add_note", "initech"),
    ("Dear Tomasz, please put Northwind on credit hold", "set_credit_hold", "northwind"),
    ("over to you Kim: raise falcon's limit to 40k", "set_credit_limit", "falcon"),
    ("ravi - put northwind on hold, they stopped answering", "set_credit_hold", "northwind"),
    (
        "ravi: PMT-U00001 belongs to 10183, could you apply it when you're in there",
        "apply_payment",
        None,
    ),
]


@pytest.mark.parametrize(("text", "kind", "customer"), TO_A_COLLEAGUE)
def test_a_change_asked_of_a_colleague_is_not_proposed(
    text: str, kind: str, customer: str | None
) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.action is None, (text, request)
    assert request.not_asked is not None and request.not_asked.reason == "addressed"
    assert request.not_asked.kind == kind
    if customer is not None:  # the colleague's name is not read as part of the customer's
        assert (request.customer_text or "").split()[0] == customer, request.customer_text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("globex - put them on hold", "set_credit_hold"),
        ("northwind: send a reminder for INV-10211", "send_reminder"),
        ("thanks maya — arbot, send globex a reminder for INV-10211", "send_reminder"),
        ("fine, put initech on hold", "set_credit_hold"),
        ("PTP: northwind, 50k on 11/30", "record_promise"),
        ("Hi there, please put Globex on credit hold", "set_credit_hold"),
        ("meridian: set the limit to 10k", "set_credit_limit"),
    ],
)
def test_a_request_that_only_looks_addressed_is_still_proposed(text: str, kind: str) -> None:
    assert asked_action(text, TODAY).kind == kind


def test_a_known_colleague_needs_no_comma() -> None:
    """ "dana open a dispute on …" is Dana's to do when the books or the policy know a Dana;
    "globex put on hold" is a customer's name said tersely."""
    team = lambda: {"dana", "dana kim"}  # noqa: E731
    text = "dana open a dispute on INV-10263, pricing is wrong"
    assert addressed_to(text, None, team) == "dana"
    assert addressed_to(text, None) is None  # nobody called Dana is known
    assert addressed_to("globex put on hold", "globex", team) is None
    assert addressed_to("dana opened a dispute on INV-10263", None, team) is None


def test_a_name_glued_to_the_customer_is_told_apart_by_the_books() -> None:
    """ "initech — the client says …" read with the customer "initech informed": the opening
    word is the customer when the books have it, a colleague when they do not."""
    text = "initech — the client informed us they pay INV-10351 friday, record it please"
    assert addressed_to(text, "initech informed") is None  # unsure without the books: arbot's
    assert addressed_to(text, "initech informed", is_customer=lambda w: w == "initech") is None
    assert addressed_to(text, "initech informed", is_customer=lambda w: False) == "initech"


@pytest.fixture
def agent(tmp_path) -> Agent:
    agent = books_agent(tmp_path, TODAY)
    with agent.erp.writing() as conn:  # type: ignore[attr-defined]
        conn.execute(
            update(t.customers)
            .where(t.customers.c.customer_id == "P1")
            .values(collector="Noor Haddad")
        )
    return agent


def test_a_collectors_name_first_proposes_nothing_and_says_why(agent: Agent) -> None:
    store = agent.approvals.store  # type: ignore[union-attr]
    told = "noor open a dispute on INV-001, the pricing is wrong"
    reply = agent.ask(Turn("dana", "terminal", told))
    assert reply.proposals == [] and store.list() == []
    assert reply.data["not_asked"] == "addressed"
    assert "colleague" in reply.headline
    asked = agent.ask(Turn("dana", "terminal", "open a dispute on INV-001, the pricing is wrong"))
    assert len(asked.proposals) == 1 and len(store.list()) == 1
