"""Issue 17's questions asked on Slack and in Teams, through the real server on the demo
company: the whole book is answered (with the ledger's figures), what arbot cannot do is said
plainly, and nothing is proposed that was not asked for."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from graph.format import money
from tests.bot.slack_kit import Harness, slack_server
from tests.bot.test_surfaces import Driver, SlackDriver, TeamsDriver

QUESTIONS_BACK = ("Which customer?", "Which order?", "I can't find", "I didn't understand")


@pytest.fixture(scope="module", params=["slack", "teams"])
def surface(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Driver, Harness]]:
    with slack_server(tmp_path_factory.mktemp(request.param)) as server:
        driver: Driver = SlackDriver(server) if request.param == "slack" else TeamsDriver(server)
        yield driver, server


def _open_usd(server: Harness) -> Decimal:
    return sum(
        (i.balance for i in server.ledger.invoices(open_only=True) if i.currency == "USD"),
        Decimal(0),
    )


def _top_usd_debtor(server: Harness) -> str:
    totals: dict[str, Decimal] = {}
    for i in server.ledger.invoices(open_only=True):
        if i.currency == "USD":
            totals[i.customer_id] = totals.get(i.customer_id, Decimal(0)) + i.balance
    top = max(totals, key=lambda c: totals[c])
    return server.ledger.get_customer(top).name  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "who owes us the most",
        "what's over 90",
        "whos over 90 days",
        "total AR",
        "total past due",
        "aging report",
        "summarize the aging",
        "any payments today",
        "which customers are over their credit limit",
        "customers on credit hold",
        "largest open invoice",
        "broken promises",
        "euro customers open balance",
        "globex payments between 2026-09-01 and 2026-10-31",
        "average days to pay for northwind",
        "unapplied cash",
        "who paid PMT-000234",
        "payments on 4.11.2026",
        "ar aging by collector",
        "cash recd yesterday",
        "past due >60",
        "receipts first half of nov",
        "who paid 000234",
        "what's initech's credit limit",
    ],
)
def test_the_whole_book_is_answered_on_every_surface(
    surface: tuple[Driver, Harness], text: str
) -> None:
    driver, server = surface
    before = len(server.runtime.store.list())
    answer = driver.ask(text)
    assert answer and not answer.startswith(QUESTIONS_BACK), answer
    assert len(server.runtime.store.list()) == before  # nothing proposed


def test_whole_book_figures_are_the_ledgers(surface: tuple[Driver, Harness]) -> None:
    driver, server = surface
    assert money(_open_usd(server), "USD") in driver.ask("total AR")
    assert _top_usd_debtor(server) in driver.ask("who owes us the most")
    unapplied = [p for p in server.ledger.payments() if p.unapplied > 0]
    answer = driver.ask("unapplied cash")
    for payment in unapplied:
        assert money(payment.unapplied, payment.currency) in answer


def test_the_largest_invoices_are_ranked_within_each_currency(
    surface: tuple[Driver, Harness],
) -> None:
    driver, server = surface
    leaders: dict[str, tuple[Decimal, str]] = {}
    for i in server.ledger.invoices(open_only=True):
        key = (-i.balance, i.invoice_number)
        if i.currency not in leaders or key < leaders[i.currency]:
            leaders[i.currency] = key
    answer = driver.ask("largest open invoices").replace("\\", "")  # Teams' escapes
    assert len(leaders) > 1
    for currency, (_, number) in leaders.items():
        assert f"{number} (" in answer and f" in {currency}" in answer, (currency, answer)


@pytest.mark.parametrize(
    "text",
    [
        "void INV-10045",
        "give northwind a payment plan",
        "alert me if DSO goes above 60",
    ],
)
def test_what_arbot_cannot_do_is_said_on_every_surface(
    surface: tuple[Driver, Harness], text: str
) -> None:
    driver, server = surface
    before = len(server.runtime.store.list())
    assert "I can't do that yet" in driver.ask(text)
    assert len(server.runtime.store.list()) == before


def test_a_name_that_is_no_customer_is_said(surface: tuple[Driver, Harness]) -> None:
    driver, _ = surface
    assert driver.ask("what does apple inc owe us").startswith(
        "I can't find a customer matching “apple inc”"
    )


@pytest.mark.parametrize(
    "text,action",
    [
        ("send a statement to globex", "send_statement"),
        ("set globex terms to net 60", "set_terms"),
        ("globex promised to pay 5000 on friday", "record_promise"),
        ("create an invoice for SO-1001", None),  # pending on the demo: said, not proposed
    ],
)
def test_a_change_request_proposes_the_change_it_names_on_every_surface(
    surface: tuple[Driver, Harness], text: str, action: str | None
) -> None:
    driver, server = surface
    before = {a.approval_id for a in server.runtime.store.list()}
    answer = driver.ask(text)
    made = [a for a in server.runtime.store.list() if a.approval_id not in before]
    assert [a.action for a in made] == ([action] if action else []), answer
    if action is None:
        assert "not fulfilled" in answer
