"""Every product feature on QuickBooks Online (the stand-in server): payment inquiries through
the agent, collections and deductions reports, a write-off and a cash application approved
through the approval service (written exactly once, double clicks and retries included), credit
checks that honour the limits and holds arbot keeps, webhooks and CDC catch-up."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from graph.agent import Agent
from graph.approvals import ApprovalService
from graph.cash_application import CashApplication
from graph.messages import Reply, Turn
from graph.understand import parse
from integrations.erp.quickbooks import (
    ChangeEvent,
    QuickBooksClient,
    catch_up,
    webhook_router,
)
from integrations.erp.quickbooks.webhooks import signature
from integrations.erp.records import BankLine, Customer, Invoice, Payment
from tests.approvals_kit import as_, service
from tests.conftest import TODAY
from tests.fakes.quickbooks import FakeQuickBooks, fake_quickbooks
from tests.fakes.quickbooks_company import Company, client, seed_company

D = Decimal
VERIFIER = "00faeec4-08d0-4996-bb37-698ae19f0149"


@dataclass
class World:
    fake: FakeQuickBooks
    company: Company
    url: str
    qbo: QuickBooksClient
    approvals: ApprovalService
    agent: Agent

    def ask(self, text: str, user: str = "dana") -> Reply:
        return self.agent.ask(Turn(user_id=user, surface="terminal", text=text))

    def report(self, text: str, user: str = "dana") -> Reply:
        """A report asked for by command (``arbot deductions``): it proposes what holds;
        asked in words, a report only lists what it could propose."""
        request = parse(text, TODAY)
        return self.agent.report(request, Turn(user_id=user, surface="terminal", text=text))

    def payments_named(self, payment_id: str) -> list[dict]:
        return [p for p in self.fake.all("Payment") if p.get("PaymentRefNum") == payment_id]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with fake_quickbooks() as fake:
        company = seed_company(fake)
        url = f"sqlite:///{tmp_path / 'arbot.db'}"
        qbo = client(fake, url)
        approvals = service(url, erp=qbo)
        yield World(
            fake, company, url, qbo, approvals, Agent(qbo, today=lambda: TODAY, approvals=approvals)
        )
        qbo.close()


def test_payment_inquiries_through_the_agent(world: World) -> None:
    paid = world.ask("did acme industrial supply pay INV-0999?")
    assert paid.intent == "invoice_status"
    assert paid.headline.startswith("Yes — INV-0999")
    assert "2026-08-28" in paid.headline
    [facts] = paid.data["invoices"]
    assert [p["payment_id"] for p in facts["payments"]] == [f"QBO-{world.company.paid_payment}"]

    short = world.ask("invoice 2002")
    assert short.headline.startswith("Partly")
    assert short.data["invoices"][0]["status"] == "partially_paid"

    by_po = world.ask("status of PO 4500123456")
    assert [i["invoice_number"] for i in by_po.data["invoices"]] == ["INV-1001"]

    owed = world.ask("what does Globex owe?")
    assert owed.intent == "customer_balance"
    assert owed.data["open_total"] == {"USD": D("5020.00")}
    assert owed.data["unapplied_credits"] == {"USD": D("50.00")}  # the open credit memo

    history = world.ask("show Globex's last payments")
    assert [p["payment_id"] for p in history.data["payments"]] == [
        f"QBO-{world.company.short_payment}"
    ]


def test_collections_and_a_deduction_written_off_once(world: World) -> None:
    collections = world.ask("collections")
    assert collections.intent == "collections_list"
    entries = {e["customer_id"]: e for e in collections.data["entries"]}
    assert entries[world.company.globex]["past_due"] == D("5020.00")
    assert {p.action for p in collections.proposals} <= {"send_reminder"}

    deductions = world.report("deductions")
    [found] = [d for d in deductions.data["deductions"] if d["invoice_number"] == "INV-2002"]
    assert (found["amount"], found["reason_code"]) == (D("20.00"), "pricing")
    [proposal] = [p for p in deductions.proposals if p.action == "write_off_deduction"]

    clicks = []
    barrier = threading.Barrier(4)

    def click(user: str) -> None:
        barrier.wait()
        clicks.append(world.approvals.approve(proposal.approval_id, as_(user)))

    threads = [
        threading.Thread(target=click, args=(u,)) for u in ("morgan", "clerk1", "clerk2", "clerk3")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [c for c in clicks if c.ok]
    assert len(winners) == 1, [c.message for c in clicks]
    assert "Written to the ERP: CreditMemo " in winners[0].message
    assert world.fake.count("CreditMemo") == 2  # the seeded one and this one
    assert world.qbo.get_invoice("INV-2002").balance == 0  # type: ignore[union-attr]
    [adjustment] = world.qbo.adjustments(invoice_number="INV-2002")
    assert (adjustment.kind, adjustment.reason_code) == ("write_off", "pricing")
    again = world.report("deductions")
    assert "INV-2002" not in {d["invoice_number"] for d in again.data["deductions"]}


def test_credit_checks_honour_the_limits_and_holds_arbot_keeps(world: World) -> None:
    order = f"SO-{world.company.order}"
    first = world.report(f"check credit for {order}")
    assert first.intent == "credit_check"
    assert first.data["credit_limit"] is None
    assert first.data["decision"] == "REVIEW"
    assert first.data["open_ar"] == D("2450.50")
    assert first.data["exposure"] == D("7450.50")

    world.qbo.set_credit_limit(world.company.acme, D("5000"), idempotency_key="limit-1")
    over = world.report(f"check credit for {order}")
    assert over.data["credit_limit"] == D("5000.00")
    assert over.data["decision"] == "DECLINE"  # 7450.50 is more than 120 % of 5000

    world.qbo.set_credit_limit(world.company.acme, D("20000"), idempotency_key="limit-2")
    within = world.report(f"check credit for {order}")
    assert within.data["decision"] == "REVIEW"  # INV-1001 is 51 days past due
    [release] = [p for p in within.proposals if p.action == "release_order"]
    decision = world.approvals.approve(release.approval_id, as_("chris"))
    assert decision.ok, decision.message
    [released] = world.qbo.sales_orders(world.company.acme)
    assert released.status == "released"
    assert world.fake.get("Estimate", world.company.order)["TxnStatus"] == "Accepted"

    world.qbo.set_credit_hold(world.company.acme, True, idempotency_key="hold-1")
    held = world.report(f"check credit for {order}")
    assert held.data["decision"] == "DECLINE"
    assert any("hold" in reason for reason in held.data["reasons"])


def test_cash_application_applies_each_bank_line_once(world: World) -> None:
    auto = service(world.url, erp=world.qbo, mode="auto", auto={"apply_payment": "5000"})
    lines = [
        BankLine("BNK-001", TODAY, D("1000.00"), "USD", "ACME INDUSTRIAL SUPPLY INC", "INV-1001"),
        BankLine("BNK-002", TODAY, D("777.00"), "USD", "SOMEBODY UNKNOWN LTD", "THANK YOU"),
    ]
    run = CashApplication(auto).run(lines, as_of=TODAY)
    decisions = {r["payment_id"]: r["decision"] for r in run.results}
    assert decisions == {"BNK-001": "auto", "BNK-002": "unmatched"}
    [payment] = world.payments_named("BNK-001")
    assert payment["Line"][0]["LinkedTxn"] == [
        {"TxnId": world.qbo._invoice_entity("INV-1001")["Id"], "TxnType": "Invoice"}  # type: ignore[index]
    ]
    again = CashApplication(auto).run(lines, as_of=TODAY)
    assert again.already_processed == 2
    assert len(world.payments_named("BNK-001")) == 1
    applied = world.qbo.get_payment("BNK-001")
    assert isinstance(applied, Payment) and applied.unapplied == 0

    # Proposed (assist mode): approved by two people at once, written once.
    line = BankLine(
        "BNK-003", TODAY, D("1450.50"), "USD", "ACME INDUSTRIAL SUPPLY", "INV 1002 INV 1003"
    )
    [result] = CashApplication(world.approvals).run([line], as_of=TODAY).results
    assert result["decision"] == "review"
    barrier = threading.Barrier(2)
    decisions_made = []

    def click(user: str) -> None:
        barrier.wait()
        decisions_made.append(world.approvals.approve(result["approval_id"], as_(user)))

    threads = [threading.Thread(target=click, args=(u,)) for u in ("dana", "morgan")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(d.ok for d in decisions_made) == 1
    assert len(world.payments_named("BNK-003")) == 1
    assert world.qbo.get_invoice("INV-1003").balance == 0  # type: ignore[union-attr]


def test_a_failed_write_retried_never_makes_a_second_payment(world: World) -> None:
    line = BankLine("BNK-009", TODAY, D("1000.00"), "USD", "ACME INDUSTRIAL SUPPLY", "INV-1001")
    [result] = CashApplication(world.approvals).run([line], as_of=TODAY).results
    world.fake.fail("commit-then-500", path="/payment", method="POST", times=50)
    failed = world.approvals.approve(result["approval_id"], as_("dana"))
    assert not failed.ok
    assert failed.message.startswith(
        "The write failed: QuickBooks did not answer creating a Payment"
    )
    assert failed.message.endswith("It can be retried; a retry never writes twice.")
    assert len(world.payments_named("BNK-009")) == 1  # written, the answer lost
    world.fake.failures.clear()
    retried = world.approvals.retry(result["approval_id"], as_("dana"))
    assert retried.ok, retried.message
    assert len(world.payments_named("BNK-009")) == 1
    done = world.approvals.store.audit(result["approval_id"])[-1]
    assert done.event == "done" and done.detail["replayed"] is True
    assert world.qbo.get_invoice("INV-1001").balance == 0  # type: ignore[union-attr]


# --- change events ---------------------------------------------------------------------------
def post(app: TestClient, payload: object, *, secret: str = VERIFIER):
    body = json.dumps(payload).encode()
    return app.post(
        "/quickbooks/webhooks",
        content=body,
        headers={"intuit-signature": signature(body, secret), "Content-Type": "application/json"},
    )


def test_webhooks_are_verified_deduplicated_and_fetched_after_the_answer(world: World) -> None:
    seen: list[ChangeEvent] = []
    api = FastAPI()
    api.include_router(webhook_router(world.qbo, VERIFIER, seen.append))
    app = TestClient(api)
    invoice_id = world.qbo._invoice_entity("INV-1001")["Id"]  # type: ignore[index]
    legacy = {
        "eventNotifications": [
            {
                "realmId": world.fake.realm_id,
                "dataChangeEvent": {
                    "entities": [
                        {
                            "name": "Invoice",
                            "id": invoice_id,
                            "operation": "Update",
                            "lastUpdated": "2026-11-21T10:00:00.000Z",
                        },
                        {
                            "name": "Customer",
                            "id": world.company.acme,
                            "operation": "Create",
                            "lastUpdated": "2026-11-21T10:00:01.000Z",
                        },
                    ]
                },
            },
            {
                "realmId": "another-company",
                "dataChangeEvent": {
                    "entities": [
                        {
                            "name": "Invoice",
                            "id": "1",
                            "operation": "Create",
                            "lastUpdated": "2026-11-21T10:00:00.000Z",
                        }
                    ]
                },
            },
        ]
    }
    started = time.monotonic()
    answer = post(app, legacy)
    assert time.monotonic() - started < 3
    assert answer.status_code == 200 and answer.json() == {"received": 3, "new": 2}
    assert [(e.entity, e.entity_id, e.operation) for e in seen] == [
        ("Invoice", invoice_id, "Update"),
        ("Customer", world.company.acme, "Create"),
    ]
    assert isinstance(seen[0].record, Invoice) and seen[0].record.invoice_number == "INV-1001"
    assert isinstance(seen[1].record, Customer)

    assert post(app, legacy).json() == {"received": 3, "new": 0}  # Intuit's retry
    assert len(seen) == 2
    assert post(app, legacy, secret="not-the-verifier").status_code == 401
    unsigned = app.post("/quickbooks/webhooks", content=json.dumps(legacy).encode())
    assert unsigned.status_code == 401
    junk = b'{"hello": "world"}'
    assert (
        app.post(
            "/quickbooks/webhooks",
            content=junk,
            headers={"intuit-signature": signature(junk, VERIFIER)},
        ).status_code
        == 400
    )

    cloud = [
        {
            "specversion": "1.0",
            "id": "evt-1",
            "source": "intuit.test",
            "type": "qbo.payment.created.v1",
            "time": "2026-11-21T10:05:00Z",
            "intuitentityid": world.company.paid_payment,
            "intuitaccountid": world.fake.realm_id,
            "data": {},
        },
        {
            "specversion": "1.0",
            "id": "evt-2",
            "type": "qbo.invoice.deleted.v1",
            "intuitentityid": "99999",
            "intuitaccountid": world.fake.realm_id,
        },
    ]
    assert post(app, cloud).json() == {"received": 2, "new": 2}
    assert isinstance(seen[2].record, Payment) and seen[2].record.amount == D("500.00")
    assert seen[3].deleted and seen[3].data is None


def test_cdc_catch_up_hands_over_each_change_once(world: World) -> None:
    seen: list[ChangeEvent] = []
    start = datetime.now(UTC) - timedelta(hours=1)
    first = catch_up(world.qbo, seen.append, start=start)
    assert first == len(seen) > 0
    assert {e.entity for e in seen} == {"Customer", "Invoice", "Payment", "CreditMemo", "Estimate"}
    assert world.qbo.store.cdc_cursor(world.fake.realm_id) is not None
    assert catch_up(world.qbo, seen.append) == 0  # the overlap brings nothing new

    world.qbo.add_note(
        world.company.globex, "Promised Friday", author="Casey Park", idempotency_key="cdc-note"
    )
    world.fake.deleted.append(("Invoice", "4242", datetime.now(UTC)))
    handed = catch_up(world.qbo, seen.append)
    assert handed == 2
    note, deleted = seen[-2:]
    assert (note.entity, note.entity_id) == ("Customer", world.company.globex)
    assert isinstance(note.record, Customer)
    assert (deleted.entity, deleted.entity_id, deleted.deleted) == ("Invoice", "4242", True)


def test_an_unapplied_quickbooks_payment_is_applied_from_the_chat(world: World) -> None:
    paid_on = TODAY - timedelta(days=2)
    qbo_id = world.fake.add_payment(world.company.globex, "100.00", paid_on, [], ref_num="9921")
    payments_before = world.fake.count("Payment")
    reply = world.ask(f"apply payment QBO-{qbo_id} to INV-2002")
    [proposal] = reply.proposals
    assert proposal.action == "apply_payment" and proposal.amount == D("20.00")
    decision = world.approvals.approve(proposal.approval_id, as_("dana"))
    assert decision.ok, decision.message
    assert decision.message.endswith(f"Written to the ERP: Payment {qbo_id}.")
    assert world.fake.count("Payment") == payments_before  # the same Payment, one more line
    payment = world.qbo.get_payment(f"QBO-{qbo_id}")
    assert payment is not None and payment.unapplied == D("80.00")
    assert [(a.invoice_number, a.amount) for a in payment.applications] == [("INV-2002", D("20"))]
    assert world.qbo.get_invoice("INV-2002").balance == 0  # type: ignore[union-attr]


def test_webhook_bodies_of_any_shape_are_answered_without_a_500(world: World) -> None:
    """Signed (a leaked verifier, or Intuit changing shape) or not, a webhook body of any JSON
    shape gets a 2xx or a 4xx, and nothing reaches the change feed that is not a change."""
    from hypothesis import HealthCheck, example, given, settings
    from hypothesis import strategies as st

    seen: list[ChangeEvent] = []
    api = FastAPI()
    api.include_router(webhook_router(world.qbo, VERIFIER, seen.append))
    app = TestClient(api, raise_server_exceptions=False)
    jsonish = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "eventNotifications",
                        "realmId",
                        "dataChangeEvent",
                        "entities",
                        "name",
                        "id",
                        "operation",
                        "lastUpdated",
                        "type",
                        "data",
                        "specversion",
                        "intuitentityid",
                    ]
                )
                | st.text(max_size=8),
                inner,
                max_size=5,
            )
        ),
        max_leaves=15,
    )

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(payload=jsonish, signed=st.booleans())
    @example(payload={"eventNotifications": [None]}, signed=True)
    @example(payload={"eventNotifications": [{"dataChangeEvent": {"entities": [7]}}]}, signed=True)
    def check(payload: object, signed: bool) -> None:
        answer = post(app, payload, secret=VERIFIER if signed else "wrong")
        assert answer.status_code < 500, (payload, answer.text)
        assert all(
            e.entity in ("Invoice", "Customer", "Payment", "Estimate", "CreditMemo") for e in seen
        )

    check()
