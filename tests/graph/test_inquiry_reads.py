"""The inquiries' reads on one connection of the local ledger gather exactly what the
``ErpClient`` reads gather (the same rows in the same order), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from graph.inquiries import Resolved
from graph.inquiry_customer_balance import gather_customer_balance
from graph.inquiry_invoice_status import gather_invoice_status
from graph.inquiry_payment_history import answer_payment_history, gather_payment_history
from graph.understand import DateRange
from integrations.erp.local import LocalLedger
from integrations.erp.local.demo import build_demo

TODAY = date(2026, 11, 21)


class ThroughThePort:
    """The ledger seen only through its ``ErpClient`` methods (not as the local ledger)."""

    name = "port"

    def __init__(self, ledger: LocalLedger) -> None:
        self._ledger = ledger

    def __getattr__(self, attribute: str) -> object:
        if attribute == "engine":
            raise AttributeError(attribute)
        return getattr(self._ledger, attribute)


def answered(answer: Any, resolved: Resolved, facts: object) -> dict[str, Any]:
    reply = answer(resolved, facts, TODAY)
    return {"json": reply.to_json(exact=True), "text": reply.to_text()}


@pytest.fixture
def demo_ledger(ledger: LocalLedger) -> LocalLedger:
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    return ledger


def test_the_local_reads_gather_what_the_port_reads_gather(demo_ledger: LocalLedger) -> None:
    port = ThroughThePort(demo_ledger)
    customers = demo_ledger.list_customers()
    assert customers
    periods = (None, DateRange(date(2026, 10, 1), date(2026, 10, 31), "last month"))
    for customer in customers:
        for period in periods:
            for limit in (None, 2, 80):
                resolved = Resolved(customer=customer, period=period, limit=limit)
                local = gather_payment_history(demo_ledger, resolved)
                other = gather_payment_history(port, resolved)
                assert (local.payments, local.last_payment, local.habit_payments) == (
                    other.payments,
                    other.last_payment,
                    other.habit_payments,
                )
                # of the customer's invoices, only those the habit reads
                assert local.invoices.items() <= other.invoices.items()
                assert answered(answer_payment_history, resolved, local) == answered(
                    answer_payment_history, resolved, other
                )
        resolved = Resolved(customer=customer)
        assert gather_customer_balance(demo_ledger, resolved) == gather_customer_balance(
            port, resolved
        )
    invoices = demo_ledger.invoices(open_only=False)
    for invoice in invoices[:: max(1, len(invoices) // 60)]:
        for named in (None, customers[0]):
            resolved = Resolved(customer=named, invoices=[invoice])
            assert gather_invoice_status(demo_ledger, resolved) == gather_invoice_status(
                port, resolved
            )


class CountingLedger:
    """The local ledger, counting the customer and invoice-number look-ups."""

    def __init__(self, ledger: LocalLedger) -> None:
        self._ledger = ledger
        self.reads: list[str] = []

    def __getattr__(self, attribute: str) -> Any:
        found = getattr(self._ledger, attribute)
        if attribute in ("get_customer", "find_invoices"):

            def counted(*args: Any, **kwargs: Any) -> Any:
                self.reads.append(attribute)
                return found(*args, **kwargs)

            return counted
        return found


def test_a_question_looks_up_its_customer_once_and_the_next_sees_a_write(
    demo_ledger: LocalLedger,
) -> None:
    from graph.agent import Agent
    from graph.messages import Turn

    counting = CountingLedger(demo_ledger)
    agent = Agent(counting, today=lambda: TODAY)  # type: ignore[arg-type]

    def ask(text: str) -> Any:
        return agent.ask(Turn(user_id="tester", surface="terminal", text=text))

    before = ask("what does globex owe")
    assert before.intent == "customer_balance"
    assert counting.reads == ["get_customer"]
    cid = before.entities["customer_id"]
    number = before.data["open_invoices"][0]["invoice_number"]
    counting.reads.clear()
    assert ask(f"is {number} paid").intent == "invoice_status"
    assert counting.reads.count("find_invoices") == 1
    with demo_ledger.engine.begin() as conn:  # a credit limit changed between two questions
        conn.execute(
            text("UPDATE ledger_customers SET credit_limit = 123400 WHERE customer_id = :c"),
            {"c": cid},
        )
    after = ask("what does globex owe")
    assert after.data["customer"]["credit_limit"] == Decimal("1234.00")
