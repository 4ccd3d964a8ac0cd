"""Questions about the whole book on the demo company: every figure checked against the ledger,
recomputed here record by record (the answers aggregate in SQL)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest

from graph.agent import Agent
from graph.format import money
from graph.messages import Reply, Turn
from graph.portfolio_reads import BookReads
from graph.portfolio_sql import SqlBookReads
from integrations.erp.records import aging_bucket
from tests.conftest import TODAY, Demo


@pytest.fixture(scope="module")
def agent(demo: Demo) -> Agent:
    return Agent(demo.ledger, today=lambda: TODAY)


def ask(agent: Agent, text: str) -> Reply:
    return agent.ask(Turn(user_id="tester", surface="terminal", text=text))


def open_by_currency(demo: Demo, past_due_only: bool = False) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for invoice in demo.ledger.invoices(open_only=True):
        if not past_due_only or invoice.due_date < TODAY:
            totals[invoice.currency] += invoice.balance
    return dict(totals)


@pytest.mark.parametrize("text", ["total AR", "total past due", "how much are we owed"])
def test_total_ar_per_currency(agent: Agent, demo: Demo, text: str) -> None:
    reply = ask(agent, text)
    assert reply.intent == "total_ar"
    assert reply.data["open"] == open_by_currency(demo)
    past_due = open_by_currency(demo, past_due_only=True)
    assert reply.data["past_due"] == {c: past_due.get(c, 0) for c in open_by_currency(demo)}
    for currency, amount in open_by_currency(demo).items():
        assert money(amount, currency) in reply.headline


def test_aging_report_by_bucket_and_currency(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "summarize the aging")
    assert reply.intent == "aging_report"
    expected: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for invoice in demo.ledger.invoices(open_only=True):
        expected[invoice.currency][aging_bucket(invoice.days_past_due(TODAY))] += invoice.balance
    for currency, buckets in expected.items():
        got = reply.data["by_currency"][currency]
        for bucket, amount in buckets.items():
            assert got[bucket] == amount
        assert got["total"] == sum(buckets.values())
    by_collector = ask(agent, "aging report by collector")
    collectors = {key.split("/")[0] for key in by_collector.data["by_collector"]}
    assert collectors == {c.collector for c in demo.ledger.list_customers() if c.collector}


def test_top_debtors_rank_within_each_currency(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "who owes us the most")
    assert reply.intent == "top_debtors"
    owed: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for invoice in demo.ledger.invoices(open_only=True):
        owed[(invoice.customer_id, invoice.currency)] += invoice.balance
    usd = sorted(((v, k[0]) for k, v in owed.items() if k[1] == "USD"), reverse=True)
    top = reply.data["by_currency"]["USD"]
    assert (top[0]["open"], top[0]["customer_id"]) == usd[0]
    assert [row["open"] for row in top] == sorted((row["open"] for row in top), reverse=True)
    leader = demo.ledger.get_customer(usd[0][1])
    assert leader is not None and leader.name in reply.headline


@pytest.mark.parametrize("text,days", [("what's over 90", 90), ("whos over 60 days", 60)])
def test_over_days_by_customer(agent: Agent, demo: Demo, text: str, days: int) -> None:
    reply = ask(agent, text)
    assert reply.intent == "over_days"
    assert reply.data["days"] == days
    over = [i for i in demo.ledger.invoices() if (TODAY - i.due_date).days > days]
    got = {n for entry in reply.data["customers"] for n in entry["invoices"]}
    assert got == {i.invoice_number for i in over}
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for invoice in over:
        totals[invoice.currency] += invoice.balance
    assert reply.data["totals"] == totals


def test_over_days_of_one_customer(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "how much does northwind have over 30 days")
    assert reply.intent == "over_days"
    assert reply.entities == {"customer_id": "C00005"}
    assert {e["customer_id"] for e in reply.data["customers"]} <= {"C00005"}


def test_credit_exceptions(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "which customers are over their credit limit")
    assert reply.intent == "credit_exceptions"
    expected = set()
    for customer in demo.ledger.list_customers():
        owed = sum(
            (
                i.balance
                for i in demo.ledger.invoices(customer.customer_id)
                if i.currency == customer.currency
            ),
            Decimal(0),
        )
        if customer.credit_limit is not None and owed > customer.credit_limit:
            expected.add(customer.customer_id)
    assert {r["customer_id"] for r in reply.data["over_limit"]} == expected
    held = ask(agent, "customers on credit hold")
    assert {r["customer_id"] for r in held.data["on_hold"]} == {
        c.customer_id for c in demo.ledger.list_customers() if c.on_hold
    }


def test_largest_open_invoices_rank_within_each_currency(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "largest open invoice")
    assert reply.intent == "largest_invoices"
    currencies = {i.currency for i in demo.ledger.invoices(open_only=True)}
    assert set(reply.data["by_currency"]) == currencies
    for currency in currencies:
        biggest = min(  # ties by invoice number
            (i for i in demo.ledger.invoices(open_only=True) if i.currency == currency),
            key=lambda i: (-i.balance, i.invoice_number),
        )
        assert reply.data["by_currency"][currency][0]["invoice_number"] == biggest.invoice_number
        assert biggest.invoice_number in reply.headline
    top3 = ask(agent, "top 3 open invoices").data["by_currency"]
    assert all(0 < len(rows) <= 3 for rows in top3.values())


def test_payments_received_between_dates(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "payments between 1.11.2026 and 15.11.2026")
    assert reply.intent == "payments_received"
    start, end = date(2026, 11, 1), date(2026, 11, 15)
    expected = demo.ledger.payments(since=start, until=end)
    assert reply.data["count"] == len(expected)
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for payment in expected:
        totals[payment.currency] += payment.amount
    assert reply.data["totals"] == totals
    assert all(start <= p["received_on"] <= end for p in reply.data["payments"])


def test_one_customers_payments_in_a_range_stay_in_the_range(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "globex payments between 2026-09-01 and 2026-10-31")
    assert reply.intent == "payments_received"
    assert reply.entities.get("customer_id") == "C00003"
    expected = demo.ledger.payments("C00003", since=date(2026, 9, 1), until=date(2026, 10, 31))
    assert [p["payment_id"] for p in reply.data["payments"]] == [p.payment_id for p in expected]


def test_unapplied_cash_and_one_payment(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "unapplied cash")
    assert reply.intent == "unapplied_cash"
    unapplied = [p for p in demo.ledger.payments() if p.unapplied > 0]
    assert {p["payment_id"] for p in reply.data["payments"]} == {p.payment_id for p in unapplied}
    for payment in unapplied:
        assert money(payment.unapplied, payment.currency) in reply.to_text()
    some = demo.ledger.payments()[10]
    lookup = ask(agent, f"who paid {some.payment_id}")
    assert lookup.intent == "payment_lookup"
    owner = demo.ledger.get_customer(some.customer_id)
    assert owner is not None and owner.name in lookup.headline
    assert money(some.amount, some.currency) in lookup.headline


def test_days_to_pay_of_one_customer(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "average days to pay for northwind")
    assert reply.intent == "days_to_pay"
    invoices = {i.invoice_number: i for i in demo.ledger.invoices("C00005", open_only=False)}
    weight = to_pay = Decimal(0)
    for payment in demo.ledger.payments("C00005"):
        for application in payment.applications:
            invoice = invoices[application.invoice_number]
            weight += application.amount
            to_pay += application.amount * (payment.received_on - invoice.invoice_date).days
    assert reply.data["average_days_to_pay"] == (to_pay / weight).quantize(Decimal("0.1"))


def test_promises_due_and_broken(agent: Agent, demo: Demo) -> None:
    reply = ask(agent, "broken promises")
    assert reply.intent == "promises"
    broken = [p for p in demo.ledger.promises() if p.status == "broken"]
    assert len(reply.data["broken"]) == len(broken)
    due = [
        p
        for p in demo.ledger.promises()
        if p.status == "open" and p.promised_on <= TODAY + timedelta(days=7)
    ]
    assert len(reply.data["due"]) == len(due)


def test_the_sql_reads_equal_the_port_reads(demo: Demo) -> None:
    sql, port = SqlBookReads(demo.ledger, TODAY), BookReads(demo.ledger, TODAY)

    def balances(reads: BookReads) -> dict:
        return {(r.customer.customer_id, r.currency): r.buckets for r in reads.open_balances()}

    assert balances(sql) == balances(port)
    assert sql.invoices_over(45) == port.invoices_over(45)
    for at_most, currency in ((1, None), (7, None), (7, "GBP"), (500, None)):
        assert sql.largest_by_currency(at_most, currency) == port.largest_by_currency(
            at_most, currency
        )
    assert sql.largest_by_currency(500, above=Decimal(10000)) == port.largest_by_currency(
        500, above=Decimal(10000)
    )
    assert {h.customer_id: h.days_to_pay for h in sql.habits()} == {
        h.customer_id: h.days_to_pay for h in port.habits()
    }
    for at_most in (1, 5, 200):  # the ranking, ties by customer id, whatever the cut
        assert sql.slowest(at_most) == port.slowest(at_most)
        assert sql.slowest(at_most, fastest=True) == port.slowest(at_most, fastest=True)
    week = (TODAY - timedelta(days=7), TODAY)
    assert sql.received(*week).totals == port.received(*week).totals
    assert [p.payment_id for p in sql.unapplied()] == [p.payment_id for p in port.unapplied()]
    assert sql.book_aging() == port.book_aging()
    assert sql.book_aging(by_collector=True) == port.book_aging(by_collector=True)
    one = demo.ledger.invoices(open_only=True)[0].customer_id
    assert sql.book_aging(one) == port.book_aging(one)

    def sums(rows: list) -> list:  # the port's aging carries no invoice counts
        return sorted((r.customer_id, r.currency, r.total, r.past_due) for r in rows)

    assert sums(sql.customer_sums()) == sums(port.customer_sums())
    for currency in (None, "EUR"):
        ranked_sql, ranked_port = sql.top_debtors(3, currency), port.top_debtors(3, currency)
        assert {c: (n, sums(rows)) for c, (n, rows) in ranked_sql.items()} == {
            c: (n, sums(rows)) for c, (n, rows) in ranked_port.items()
        }
    assert sql.currency_totals() == port.currency_totals()
    assert sql.over_limit(4) == port.over_limit(4)
    assert sql.over_limit(4)[0] > 0  # the demo has customers over their limit


def test_a_word_that_is_no_customer_is_said_not_guessed(agent: Agent) -> None:
    reply = ask(agent, "unapplied cash for zzyzx")
    assert reply.intent == "unapplied_cash"
    assert reply.headline.startswith("I did not read “zzyzx” as a customer")


def test_the_kept_book_follows_every_write(tmp_path) -> None:
    """Answers come from aggregates kept between questions: a write-off, a new credit limit or a
    hold is seen by the next question, and the kept book equals a fresh read of the ledger."""
    from integrations.erp.local import LocalLedger
    from integrations.erp.local.demo import build_demo

    ledger = LocalLedger.open(f"sqlite:///{tmp_path / 'book.db'}")
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    agent = Agent(ledger, today=lambda: TODAY)
    before = ask(agent, "total AR").data["open"]["USD"]
    invoice = ledger.invoices("C00004")[0]
    ledger.create_adjustment(
        customer_id="C00004",
        invoice_number=invoice.invoice_number,
        amount=Decimal("10.00"),
        currency="USD",
        kind="write_off",
        reason_code="pricing",
        memo="test",
        idempotency_key="kept-book-1",
    )
    assert ask(agent, "total AR").data["open"]["USD"] == before - Decimal("10.00")
    ledger.set_credit_hold("C00004", True, idempotency_key="kept-book-2")
    held = ask(agent, "customers on credit hold")
    assert "C00004" in held.to_text()
    kept = SqlBookReads(ledger, TODAY).open_balances()
    fresh = BookReads(ledger, TODAY).open_balances()
    assert {(r.customer, r.currency): r.buckets for r in kept} == {
        (r.customer, r.currency): r.buckets for r in fresh
    }


def test_a_question_from_a_shell_imports_no_approval_threads(tmp_path) -> None:
    """``arbot ask`` answers a whole-book question without building the approvals' LangGraph
    threads (seconds of imports): the approval service opens only when a proposal is made."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import Cli

    cli = Cli(tmp_path / "home")
    assert cli("demo", "--no-chat").exit_code == 0
    root = Path(__file__).resolve().parents[2]
    code = (
        "import json, sys\nfrom bot.cli import main\n"
        "for q in ('aging report', 'broken promises', 'who owes us the most'):\n"
        "    try:\n        main(['ask', q, '--json'], prog_name='arbot')\n"
        "    except SystemExit:\n        pass\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **cli.env(), "PYTHONPATH": str(root)},
        cwd=root,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    *answers, modules = done.stdout.strip().splitlines()
    assert '"intent": "aging_report"' in "\n".join(answers)
    assert not {"langgraph", "langchain_core", "openai"} & set(json.loads(modules))
