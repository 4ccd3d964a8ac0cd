"""The agent end to end on the demo company: every figure it states is checked against the
ledger it read."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from graph.agent import Agent
from graph.format import money
from graph.messages import Turn
from tests.conftest import TODAY, Demo


@pytest.fixture(scope="module")
def agent(demo: Demo) -> Agent:
    return Agent(demo.ledger, today=lambda: TODAY)


def ask(agent: Agent, text: str):
    return agent.ask(Turn(user_id="tester", surface="terminal", text=text))


def test_invoice_status_of_a_paid_invoice(agent: Agent, demo: Demo) -> None:
    paid = next(i for i in demo.ledger.invoices("C00001", open_only=False) if i.balance == 0)
    reply = ask(agent, f"did acme ind supply pay {paid.invoice_number}?")
    assert reply.intent == "invoice_status"
    assert reply.entities == {"customer_id": "C00001", "invoice_number": paid.invoice_number}
    assert reply.headline.startswith(f"Yes — {paid.invoice_number}")
    [facts] = reply.data["invoices"]
    payments = demo.ledger.payments_for_invoice(paid.invoice_number)
    assert [p["payment_id"] for p in facts["payments"]] == [p.payment_id for p in payments]
    applied = sum((p["applied"] for p in facts["payments"]), Decimal(0))
    credits = sum(
        (a.amount for a in demo.ledger.adjustments(invoice_number=paid.invoice_number)), Decimal(0)
    )
    assert applied + credits == paid.amount
    last = max(p.received_on for p in payments)
    assert last.isoformat() in reply.headline


def test_invoice_status_of_a_short_paid_invoice(agent: Agent, demo: Demo) -> None:
    invoice = next(
        i
        for i in demo.ledger.invoices(open_only=True)
        if 0 < i.balance < i.amount and demo.ledger.payments_for_invoice(i.invoice_number)
    )
    digits = invoice.invoice_number.split("-")[1]
    reply = ask(agent, f"invoice #0{digits}")
    assert reply.headline.startswith("Partly")
    assert money(invoice.balance, invoice.currency) in reply.headline
    assert reply.data["invoices"][0]["status"] == "partially_paid"
    [payment] = reply.data["invoices"][0]["payments"]
    assert payment["applied"] == invoice.amount - invoice.balance


def test_invoice_by_po_number(agent: Agent, demo: Demo) -> None:
    invoice = next(i for i in demo.ledger.invoices(open_only=False) if i.po_number)
    reply = ask(agent, f"status of PO {invoice.po_number}")
    numbers = [i["invoice_number"] for i in reply.data["invoices"]]
    assert invoice.invoice_number in numbers


def test_an_invoice_of_another_customer_is_pointed_out(agent: Agent, demo: Demo) -> None:
    theirs = demo.ledger.invoices("C00003")[0]
    reply = ask(agent, f"did acme ind supply pay {theirs.invoice_number}?")
    assert reply.headline.startswith(f"Note: {theirs.invoice_number} belongs to Globex")


def test_customer_balance_adds_up(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "what does Globex owe?")
    assert reply.intent == "customer_balance"
    assert reply.entities == {"customer_id": "C00003"}
    open_invoices = demo.ledger.invoices("C00003")
    total = sum((i.balance for i in open_invoices), Decimal(0))
    past_due = sum((i.balance for i in open_invoices if i.due_date < TODAY), Decimal(0))
    assert reply.data["open_total"] == {"USD": total}
    assert sum(reply.data["aging"]["USD"].values(), Decimal(0)) == total
    assert money(total, "USD") in reply.headline
    assert money(past_due, "USD") in reply.headline
    [aging] = demo.ledger.aging(TODAY, "C00003")
    assert reply.data["aging"]["USD"] == aging.buckets
    unapplied = sum((p.unapplied for p in demo.ledger.payments("C00003")), Decimal(0))
    assert unapplied > 0  # the demo gives Globex unapplied cash
    assert reply.data["unapplied_credits"] == {"USD": unapplied}


def test_payment_history_lists_the_latest_payments(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "show Initech's last payments")
    expected = demo.ledger.payments("C00004", limit=5)
    assert [p["payment_id"] for p in reply.data["payments"]] == [p.payment_id for p in expected]
    assert reply.data["average_days_to_pay"] is not None
    # Initech takes its 2/10 discount: it pays well inside its 30-day terms.
    assert reply.data["average_days_beyond_terms"] < 0


def test_did_they_pay_in_a_period(agent: Agent, demo: Demo) -> None:
    latest = demo.ledger.payments("C00002", limit=1)[0]
    start = latest.received_on - timedelta(days=1)
    reply = ask(agent, f"did acme logistics pay since {start.isoformat()}?")
    assert reply.headline.startswith("Yes — Acme Logistics LLC paid")
    assert latest.payment_id in [p["payment_id"] for p in reply.data["payments"]]
    later = latest.received_on + timedelta(days=1)
    if later <= TODAY:
        reply = ask(agent, f"did acme logistics pay since {later.isoformat()}?")
        assert reply.headline.startswith("No — no payment from Acme Logistics LLC")
        assert money(latest.amount, latest.currency) in reply.headline


def test_ambiguous_names_get_a_question(agent: Agent) -> None:
    reply = ask(agent, "what does acme owe?")
    assert reply.headline.startswith("More than one customer matches “acme”")
    assert {c["customer_id"] for c in reply.data["candidates"]} == {"C00001", "C00002"}
    assert "open_total" not in reply.data


def test_unknown_names_say_so_and_suggest(agent: Agent) -> None:
    reply = ask(agent, "what does Glowbox Corp owe?")
    assert reply.headline.startswith("I can't find a customer matching")
    assert reply.data["candidates"][0]["customer_id"] == "C00003"


def test_a_name_written_as_it_sounds_is_that_customer(agent: Agent) -> None:
    reply = ask(agent, "what does Globecks Corp owe?")  # heard, not misspelt: Globex
    assert reply.entities.get("customer_id") == "C00003"


def test_unknown_invoice(agent: Agent) -> None:
    reply = ask(agent, "did initech pay INV-99999?")
    assert reply.headline == "I can't find an invoice matching 99999."
    assert reply.entities == {"customer_id": "C00004"}


def test_help_and_unknown(agent: Agent) -> None:
    assert ask(agent, "help").intent == "help"
    reply = ask(agent, "what is the weather like")
    assert reply.intent == "unknown"
    assert reply.headline.startswith("I didn't understand")


def test_customer_id_works_as_a_name(agent: Agent) -> None:
    assert ask(agent, "what does C00008 owe").entities == {"customer_id": "C00008"}


def test_a_renamed_customer_is_found_after_forget_customers(tmp_path) -> None:
    from integrations.erp.local import LocalLedger
    from integrations.erp.local.demo import build_demo

    ledger = LocalLedger.open(f"sqlite:///{tmp_path / 'rename.db'}")
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    agent = Agent(ledger, today=lambda: TODAY)
    assert ask(agent, "what does globex owe").entities == {"customer_id": "C00003"}
    with ledger.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE ledger_customers SET name = 'Zephyr Holdings Inc.' WHERE customer_id = 'C00003'"
        )
    assert ask(agent, "what does zephyr holdings owe").entities != {"customer_id": "C00003"}
    agent.forget_customers()
    assert ask(agent, "what does zephyr holdings owe").entities == {"customer_id": "C00003"}


def test_a_name_that_is_no_customer_is_said_not_answered_as_another(agent: Agent) -> None:
    reply = ask(agent, "what does apple inc owe us")
    assert reply.intent == "unknown"
    assert reply.headline.startswith("I can't find a customer matching “apple inc”")
    assert "open_total" not in reply.data and not reply.entities


@pytest.mark.parametrize(
    ("text", "intent"),
    [("gimme the aging", "aging_report"), ("aging snapshot for the cfo", "aging_report")],
)
def test_whole_book_words_with_a_leftover_that_is_no_customer(
    agent: Agent, demo: Demo, text: str, intent: str
) -> None:
    reply = ask(agent, text)
    assert reply.intent == intent
    open_usd = sum(
        (i.balance for i in demo.ledger.invoices(open_only=True) if i.currency == "USD"),
        Decimal(0),
    )
    assert money(open_usd, "USD") in reply.to_text()


def test_applying_a_customers_unapplied_cash_finds_the_payment(tmp_path) -> None:
    from graph.requests import build_action
    from graph.understand import parse_action
    from integrations.erp.local import LocalLedger
    from integrations.erp.local.demo import build_demo

    ledger = LocalLedger.open(f"sqlite:///{tmp_path / 'apply.db'}")
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    [left] = [p for p in ledger.payments("C00003") if p.unapplied > 0]
    invoice = ledger.invoices("C00003")[0]
    agent = Agent(ledger, today=lambda: TODAY)
    request = parse_action(f"apply globex's unapplied cash to {invoice.invoice_number}")
    assert request is not None and request.payment_ref is None
    action, _ = build_action(
        ledger, request, agent.resolver.customer_or_ask, requested_by="tester", today=TODAY
    )
    assert action.payload()["payment_id"] == left.payment_id
    assert action.payload()["applications"][0][0] == invoice.invoice_number


def test_a_change_arbot_cannot_make_repeats_what_was_asked(agent: Agent) -> None:
    reply = ask(agent, "extend the due date on 10435 to dec 15")
    assert reply.intent == "unknown"
    assert "“extend the due date on 10435 to dec 15”" in reply.headline
    assert "I can't do that yet" in reply.headline
