"""Every product feature on Intacct, unchanged: payment inquiry through the agent, collections
and deductions reports, cash application and write-offs through approvals, credit limit and
hold from a credit check. Each approved write reaches the stand-in gateway exactly once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from graph.agent import Agent
from graph.approvals import ApprovalService
from graph.cash_application import CashApplication
from graph.messages import Reply, Turn
from graph.understand import parse
from integrations.erp.intacct import IntacctClient, RetryPolicy
from integrations.erp.records import BankLine
from tests.approvals_kit import as_, service
from tests.fakes.intacct import FakeIntacct, fake_intacct, seed_books, settings_for

TODAY = date(2026, 11, 21)
D = Decimal


@dataclass
class Company:
    fake: FakeIntacct
    erp: IntacctClient
    url: str
    approvals: ApprovalService
    agent: Agent

    def client(self, name: str) -> IntacctClient:
        """Another replica's client: same Intacct, its own (empty) journal."""
        return IntacctClient(
            settings_for(self.fake),
            database_url=self.url.replace("arbot.db", f"{name}.db"),
            retry=RetryPolicy(attempts=3, backoff=0.01),
            sleep=lambda _s: None,
        )

    def ask(self, text: str, user: str = "dana") -> Reply:
        return self.agent.ask(Turn(user_id=user, surface="terminal", text=text))

    def report(self, text: str, user: str = "dana") -> Reply:
        """A report asked for by command (``arbot deductions``): it proposes what holds;
        asked in words, a report only lists what it could propose."""
        request = parse(text, TODAY)
        return self.agent.report(request, Turn(user_id=user, surface="terminal", text=text))


@pytest.fixture
def company(tmp_path: Path) -> Iterator[Company]:
    with fake_intacct() as fake:
        seed_books(fake)
        url = f"sqlite:///{tmp_path / 'arbot.db'}"
        erp = IntacctClient(
            settings_for(fake),
            database_url=url,
            retry=RetryPolicy(attempts=3, backoff=0.01),
            sleep=lambda _s: None,
        )
        approvals = service(url, erp=erp)
        yield Company(
            fake, erp, url, approvals, Agent(erp, today=lambda: TODAY, approvals=approvals)
        )
        erp.close()


def balance(company: Company, number: str) -> Decimal:
    return D(company.fake.one("ARINVOICE", RECORDID=number)["TRX_TOTALDUE"])


def test_payment_inquiry_through_the_agent(company: Company) -> None:
    reply = company.ask("did globex pay INV-005?")
    assert reply.intent == "invoice_status", reply.headline
    assert reply.headline.startswith("Partly"), reply.headline
    [facts] = reply.data["invoices"]
    assert [p["payment_id"] for p in facts["payments"]] == ["CHK-9001"]
    history = company.ask("show Globex's last payments")
    assert [p["payment_id"] for p in history.data["payments"]] == ["CHK-9001"]
    balance_reply = company.ask("what does Parent Co owe?")
    assert "1,250.50" in balance_reply.headline, balance_reply.headline


def test_collections_and_a_deduction_written_off_once(company: Company) -> None:
    collections = company.ask("collections list")
    assert collections.intent == "collections_list"
    assert "P1" in {e["customer_id"] for e in collections.data["entries"]}

    deductions = company.report("show deductions")
    assert deductions.intent == "deduction_summary"
    [found] = deductions.data["deductions"]
    assert (found["invoice_number"], found["amount"], found["reason_code"]) == (
        "INV-005",
        D("25.00"),
        "shortage",
    )
    [proposal] = [p for p in deductions.proposals if p.action == "write_off_deduction"]
    clicks = [company.approvals.approve(proposal.approval_id, as_("morgan")) for _ in range(3)]
    assert clicks[0].ok, clicks[0].message
    assert not any(c.ok for c in clicks[1:])
    assert balance(company, "INV-005") == D("0.00")
    assert company.fake.count("ARADJUSTMENT") == 1
    credit_applications = [d for d in company.fake.find("ARPYMTDETAIL") if d.get("ADJUSTMENTKEY")]
    assert len(credit_applications) == 1
    approval = company.approvals.store.get(proposal.approval_id)
    # Executing again (a reconciler after a crash, another replica) writes nothing new.
    other = company.client("replica")
    again = other.create_adjustment(
        customer_id="G1",
        invoice_number="INV-005",
        amount=D("25.00"),
        currency="USD",
        kind="write_off",
        reason_code="shortage",
        memo="again",
        idempotency_key=approval.idempotency_key,
    )
    assert again.replayed and again.erp_reference == approval.erp_reference
    assert company.fake.count("ARADJUSTMENT") == 1
    assert company.erp.adjustments(invoice_number="INV-005")[0].reason_code == "shortage"
    other.close()


def test_cash_application_applies_each_bank_line_once(company: Company) -> None:
    line = BankLine("BNK-1", TODAY, D("1000.00"), "USD", "PARENT CO", "INV-001 PO-001")
    run = CashApplication(company.approvals).run([line], as_of=TODAY)
    [result] = run.results
    assert result["decision"] == "review" and result["approval_id"], result
    decisions = []

    def click(n: int) -> None:
        decisions.append(company.approvals.approve(result["approval_id"], as_(f"clerk{n}")))

    threads = [threading.Thread(target=click, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(d.ok for d in decisions) == 1, [d.message for d in decisions]
    assert balance(company, "INV-001") == D("0.00")
    assert len(company.fake.find("ARPYMT", DOCNUMBER="BNK-1")) == 1
    payment = company.erp.get_payment("BNK-1")
    assert payment is not None and payment.customer_id == "P1"
    assert [(a.invoice_number, a.amount) for a in payment.applications] == [
        ("INV-001", D("1000.00"))
    ]
    assert CashApplication(company.approvals).run([line], as_of=TODAY).already_processed == 1
    # The same approval executed again on a replica whose journal never saw it: Intacct's
    # duplicate check (or the record's tag) answers, nothing is written.
    approval = company.approvals.store.get(result["approval_id"])
    assert approval is not None and approval.status == "done"
    other = company.client("replica")
    from graph.actions import action_from_payload

    replay = action_from_payload(approval.action, approval.payload).execute(
        other, approval.idempotency_key, mailer=None
    )
    assert replay.replayed
    assert len(company.fake.find("ARPYMT", DOCNUMBER="BNK-1")) == 1
    other.close()


def test_a_lost_answer_fails_the_approval_and_its_retry_never_duplicates(company) -> None:
    line = BankLine("BNK-2", TODAY, D("250.50"), "USD", "Parent Co", "INV-002")
    [result] = CashApplication(company.approvals).run([line], as_of=TODAY).results
    company.fake.fail("http", status=524, function="create")
    failed = company.approvals.approve(result["approval_id"], as_("morgan"))
    assert not failed.ok and "524" in failed.message, failed.message
    retried = company.approvals.retry(result["approval_id"], as_("morgan"))
    assert retried.ok, retried.message
    assert len(company.fake.find("ARPYMT", DOCNUMBER="BNK-2")) == 1
    assert balance(company, "INV-002") == D("0.00")


def test_credit_check_then_hold_and_a_higher_limit(company: Company) -> None:
    parent = company.fake.one("CUSTOMER", CUSTOMERID="P1")
    company.fake.update("CUSTOMER", parent["RECORDNO"], CREDITLIMIT="5500.00")
    reply = company.report("check credit for SO-1")
    assert reply.intent == "credit_check" and reply.data["decision"] == "REVIEW", reply.headline
    by_action = {}
    for proposal in reply.proposals:
        by_action.setdefault(proposal.action, []).append(proposal)
    hold = next(p for p in by_action["set_credit_hold"] if p.summary.startswith("Put"))
    decision = company.approvals.approve(hold.approval_id, as_("chris"))
    assert decision.ok, decision.message
    assert company.fake.one("CUSTOMER", CUSTOMERID="P1")["ONHOLD"] == "true"
    assert company.erp.sales_orders("P1")[0].status == "on_hold"
    [limit] = by_action["set_credit_limit"]
    decision = company.approvals.approve(limit.approval_id, as_("chris"))
    assert decision.ok, decision.message
    assert company.fake.one("CUSTOMER", CUSTOMERID="P1")["CREDITLIMIT"] == "7000.00"
    assert company.erp.get_customer("P1").credit_limit == D("7000.00")
    updates = company.fake.requests_with("update", "CUSTOMER")
    assert len(updates) == 2 and all(u.unique_id for u in updates)
