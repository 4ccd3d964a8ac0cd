"""Debtors ranked by what is past due ("top 3 customers by overdue amount", "who is the largest
overdue?"): within each currency, the customers with something past due, by that amount; the
plain ranking ("top 3 debtors") stays by what is open. The SQL reads equal the port's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.portfolio_reads import BookReads
from graph.portfolio_sql import SqlBookReads
from graph.understand import parse
from tests.conftest import TODAY, Cli, Demo, ask_json, demo_cli


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory)


def test_the_ranking_by_past_due_is_read_from_the_words() -> None:
    today = date(2026, 11, 21)
    assert parse("top 3 customers by overdue amount", today).past_due_first
    assert parse("who is the largest overdue?", today).intent == "top_debtors"
    assert not parse("top 3 debtors", today).past_due_first
    assert parse("largest overdue invoices", today).intent == "largest_invoices"


def test_top_customers_by_overdue_are_ranked_by_past_due(cli: Cli) -> None:
    reply = ask_json(cli, "top 3 customers by overdue amount")
    assert reply["intent"] == "top_debtors", reply["text"][:200]
    assert reply["data"]["ranked_by"] == "past_due"
    assert "past due" in reply["text"].split("\n")[0]
    for rows in reply["data"]["by_currency"].values():
        late = [Decimal(str(r["past_due"])) for r in rows]
        assert late == sorted(late, reverse=True) and all(x > 0 for x in late)
    plain = ask_json(cli, "top 3 debtors")
    assert "ranked_by" not in plain["data"]
    usd = [Decimal(str(r["open"])) for r in plain["data"]["by_currency"]["USD"]]
    assert usd == sorted(usd, reverse=True)
    assert reply["proposals"] == [] and plain["proposals"] == []


def _ranked(found: dict) -> dict:
    """The ranking: how many, and who with what (the port does not count invoices)."""
    return {
        cur: (n, [(r.customer_id, r.total, r.past_due) for r in rows])
        for cur, (n, rows) in found.items()
    }


def test_the_sql_reads_equal_the_port_reads(demo: Demo) -> None:
    sql, port = SqlBookReads(demo.ledger, TODAY), BookReads(demo.ledger, TODAY)
    for at_most in (1, 3, 10):
        for currency in (None, "USD", "CAD"):
            assert _ranked(sql.top_debtors(at_most, currency, past_due=True)) == _ranked(
                port.top_debtors(at_most, currency, past_due=True)
            ), (at_most, currency)
    first = sql.top_debtors(3, "USD", past_due=True)["USD"][1]
    assert first and first[0].past_due >= first[-1].past_due > 0
