"""A statement batch limited by "overdue" / "past due" (issue 17, session 10): "send statements
to all customers with an overdue balance" proposes one statement per customer with a past-due
balance (and an e-mail address), says how many and to whom — never one to every customer with
any open balance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.requests_batch import PAST_DUE, batch_scope
from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "send statements to all customers with an overdue balance",
        "email a statement to every customer that is past due",
        "pls send statements to everyone who's overdue",
        "send all accounts in arrears their statements",
    ],
)
def test_a_past_due_batch_is_read_as_one(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "send_statement", (text, action)
    assert action.customer_text is None and action.reason_code == PAST_DUE, (text, action)


@pytest.mark.parametrize(
    "text",
    ["send statements to all customers over 10k", "send statements to everyone"],
)
def test_a_batch_without_past_due_words_takes_every_balance(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.reason_code is None, (text, action)


def test_the_scope_words() -> None:
    assert batch_scope("all customers with an overdue balance") == PAST_DUE
    assert batch_scope("all customers past due") == PAST_DUE
    assert batch_scope("all customers over 10k") is None


@pytest.mark.parametrize(
    "text",
    [
        "should we send statements to all the overdue customers?",
        "if they're still overdue on monday, send statements to all customers",
        "schedule statements to go out to all overdue customers on the 1st",
    ],
)
def test_a_batch_asked_about_conditional_or_scheduled_is_no_request(text: str) -> None:
    assert parse(text, TODAY).action is None, text


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "statement_batch")


def test_the_past_due_batch_is_fewer_and_says_so_end_to_end(demo: Cli) -> None:
    everyone = ask_json(demo, "send statements to all customers over 0")
    overdue = ask_json(demo, "send statements to all customers with an overdue balance")
    assert 0 < len(overdue["proposals"]) < len(everyone["proposals"]), overdue["text"]
    assert {p["action"] for p in overdue["proposals"]} == {"send_statement"}
    assert overdue["text"].startswith(f"{len(overdue['proposals'])} statements to send"), overdue[
        "text"
    ]
    assert "past-due balance" in overdue["text"], overdue["text"]


class _Ledger:
    """Three customers: one owing only what is not yet due, one past due, one without e-mail."""

    def aging(self, as_of: date) -> list:
        from integrations.erp.records import AgingRow

        d = Decimal
        return [
            AgingRow("C1", "USD", {"current": d("500.00"), "1-30": d("0.00")}),
            AgingRow("C2", "USD", {"current": d("100.00"), "31-60": d("40.00")}),
            AgingRow("C3", "USD", {"current": d("0.00"), "120+": d("900.00")}),
        ]

    def list_customers(self) -> list:
        from types import SimpleNamespace

        return [
            SimpleNamespace(customer_id="C1", email="ap@c1.example"),
            SimpleNamespace(customer_id="C2", email="ap@c2.example"),
            SimpleNamespace(customer_id="C3", email=None),
        ]


def test_the_batch_takes_the_past_due_balance_not_the_open_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import graph.statements
    from graph.requests_batch import statement_batch

    monkeypatch.setattr(
        graph.statements, "send_statement_action", lambda erp, c, today, who: c.customer_id
    )
    ledger = _Ledger()
    every = statement_batch(ledger, Decimal("0"), TODAY, "dana", ValueError)  # type: ignore[arg-type]
    overdue = statement_batch(ledger, Decimal("0"), TODAY, "dana", ValueError, past_due=True)  # type: ignore[arg-type]
    assert every == ["C1", "C2"] and overdue == ["C2"]
    with pytest.raises(ValueError, match=r"past-due balance over 50\.00"):
        statement_batch(ledger, Decimal("50"), TODAY, "dana", ValueError, past_due=True)  # type: ignore[arg-type]
