"""Collections, deductions, credit checks, DSO/forecast and the digest end to end through
``arbot`` on the demo company; every figure checked against the ledger behind it."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from integrations.erp.local import LocalLedger
from tests.conftest import TODAY, Cli


@pytest.fixture(scope="module")
def demo_cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = Cli(tmp_path_factory.mktemp("reports") / "home")
    assert cli("demo", "--no-chat").exit_code == 0
    return cli


def ledger(cli: Cli) -> LocalLedger:
    return LocalLedger.open(f"sqlite:///{cli.home / 'arbot.db'}")


def as_json(cli: Cli, *args: str) -> dict:
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_collections_list(demo_cli: Cli) -> None:
    reply = as_json(demo_cli, "collections", "--top", "5", "--json")
    assert reply["intent"] == "collections_list"
    entries = reply["data"]["entries"]
    assert [e["rank"] for e in entries] == [1, 2, 3, 4, 5]
    assert [e["score"] for e in entries] == sorted((e["score"] for e in entries), reverse=True)
    books = ledger(demo_cli)
    for entry in entries:
        past_due = [books.get_invoice(n) for n in entry["past_due_invoices"]]
        assert all(i is not None and i.due_date < TODAY for i in past_due)
        total = sum((i.balance for i in past_due if i), Decimal(0))
        assert Decimal(str(entry["past_due"])) == total
        assert entry["next_step"] in ("call", "reminder", "hold")
        assert entry["factors"] and entry["factors"][0]["text"]
    # Reminders drafted for the accounts to chase become proposals, nothing is sent.
    assert {p["action"] for p in reply["proposals"]} <= {"send_reminder"}
    worklist = as_json(demo_cli, "collections", "--collector", "Dana Kim", "--json")
    assert {e["collector"] for e in worklist["data"]["entries"]} == {"Dana Kim"}


def test_deduction_summary(demo_cli: Cli) -> None:
    reply = as_json(demo_cli, "deductions", "--json")
    data = reply["data"]
    books = ledger(demo_cli)
    assert data["count"] == len(data["deductions"]) > 0
    for deduction in data["deductions"]:
        invoice = books.get_invoice(deduction["invoice_number"])
        assert invoice is not None
        assert Decimal(str(deduction["amount"])) == invoice.balance
        assert deduction["reason_code"] in {
            "pricing",
            "shortage",
            "damage",
            "promotion",
            "freight",
            "tax",
            "discount",
            "bank_fee",
            "unknown",
        }
    total = sum(Decimal(str(d["amount"])) for d in data["deductions"])
    assert sum(Decimal(str(v)) for v in data["totals"].values()) == total
    for proposal in reply["proposals"]:
        assert proposal["action"] == "write_off_deduction"
        assert proposal["amount"] <= 250.0
    since = as_json(demo_cli, "deductions", "--since", TODAY.isoformat(), "--json")
    assert since["data"]["count"] <= data["count"]


def test_credit_check(demo_cli: Cli) -> None:
    books = ledger(demo_cli)
    order = books.sales_orders(status="pending")[0]
    reply = as_json(demo_cli, "ask", "--json", f"check credit for {order.order_id}")
    data = reply["data"]
    assert reply["intent"] == "credit_check"
    assert data["decision"] in ("APPROVE", "REVIEW", "DECLINE") and data["reasons"]
    open_ar = sum(
        (i.balance for i in books.invoices(order.customer_id) if i.currency == order.currency),
        Decimal(0),
    )
    others = sum(
        (
            o.amount
            for o in books.sales_orders(order.customer_id)
            if o.order_id != order.order_id and o.status in ("pending", "approved", "on_hold")
        ),
        Decimal(0),
    )
    assert Decimal(str(data["open_ar"])) == open_ar
    assert Decimal(str(data["exposure"])) == open_ar + others + order.amount
    if data["decision"] == "REVIEW":
        actions = {p["action"] for p in reply["proposals"]}
        assert "set_credit_hold" in actions


def test_dso_and_forecast(demo_cli: Cli) -> None:
    reply = as_json(demo_cli, "ask", "--json", "what is our dso and forecast?")
    assert reply["intent"] == "forecast"
    usd = reply["data"]["metrics"]["USD"]
    assert usd["dso_standard"] > 0 and "methods" in usd
    expected = sum(reply["data"]["forecast"]["USD"].values())
    open_usd = sum(i.balance for i in ledger(demo_cli).invoices() if i.currency == "USD")
    assert 0 < expected <= float(open_usd)


def test_digest_in_chat(demo_cli: Cli) -> None:
    reply = as_json(demo_cli, "ask", "--json", "morning digest")
    assert reply["intent"] == "digest"
    assert len(reply["data"]["dso_trend"]) == 3
    assert reply["data"]["chase_first"]
