"""Order to cash on each ERP (the local ledger, the QuickBooks and Intacct stand-ins): an order
arrives through the ERP's change feed → it is checked once, however many replicas see it →
APPROVE is written, or REVIEW holds it and posts a card (Slack and Teams) on which a credit
manager's click releases it once; a fulfilled order → a draft invoice card → approved → one
invoice in the ERP, never two under retries, restarts or double clicks."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.slack.blocks import render as slack_render
from bot.teams.cards import render_all as teams_render
from graph.approvals import ApprovalService
from graph.invoicing import Billing, drafted_reply
from graph.orders import CreditDesk, OrderCheck, order_reply
from integrations.erp.port import Change, WebhookSource
from integrations.erp.quickbooks.webhooks import signature
from integrations.erp.records import SalesOrder
from tests.approvals_kit import as_, service
from tests.erp_kit import ERPS, TODAY, Company, company
from tests.fakes.adaptive_cards import validate_card
from tests.fakes.blockkit import validate_message

D = Decimal
AUTO = {
    "mode": "auto",
    "auto": {
        "release_order": "50000.00",
        "hold_order": "50000.00",
        "decline_order": "50000.00",
        "create_invoice": "1000.00",
    },
}


@dataclass
class World:
    books: Company
    approvals: ApprovalService
    replica: ApprovalService  # a second server process on the same database and ERP

    def desk(self, approvals: ApprovalService | None = None) -> CreditDesk:
        return CreditDesk(approvals or self.approvals, today=lambda: TODAY)

    def poll(self, desk: CreditDesk) -> list[OrderCheck]:
        """One pass of the ERP's change feed, as ``arbot serve`` runs it."""
        checks: list[OrderCheck] = []

        def on_change(change: Change) -> None:
            order = change.record
            if isinstance(order, SalesOrder) and (check := desk.order_arrived(order)):
                checks.append(check)

        self.books.erp.feed_changes(on_change)
        return checks

    def order(self, order_id: str) -> SalesOrder:
        return next(o for o in self.books.erp.sales_orders() if o.order_id == order_id)


@pytest.fixture(params=ERPS)
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    with company(request.param, tmp_path) as books:
        books.erp.set_credit_limit(books.subsidiary, D("5000"), idempotency_key="seed-limit")
        main = service(books.url, erp=books.erp, **AUTO)
        replica = service(books.url, erp=books.erp, **AUTO)
        yield World(books, main, replica)


def kinds(check: OrderCheck) -> dict[str, str]:
    return {a.action: a.status for a in check.approvals}


def test_a_sound_order_is_released_once_and_noted(world: World) -> None:
    books = world.books
    world.poll(world.desk())  # what was there before: checked on the first pass
    order_id = books.new_order(books.subsidiary, "750.00")
    first = world.poll(world.desk())
    second = world.poll(world.desk(world.replica))  # another replica sees the same change
    mine = [c for c in first if c.order.order_id == order_id]
    assert [c.decision.decision for c in mine] == ["APPROVE"]
    assert not [c for c in second if c.order.order_id == order_id]
    assert kinds(mine[0]) == {"release_order": "done"}  # auto mode, arbot's own evidence
    assert world.order(order_id).status == "released"
    notes = [n.text for n in books.erp.notes(books.subsidiary)]
    assert sum(f"Credit check on {order_id}: released" in n for n in notes) == 1
    approvals = [a for a in world.approvals.store.list() if a.target == order_id]
    assert len(approvals) == 1


def test_a_risky_order_is_held_and_a_credit_managers_click_releases_it_once(
    world: World,
) -> None:
    books = world.books
    # P's earlier order was approved already (in Intacct a held order holds its customer, and
    # so every order of theirs: this one stays out of the way).
    books.erp.set_sales_order_status(books.order, "approved", idempotency_key="seed-approved")
    world.poll(world.desk())
    order_id = books.new_order(books.payer, "750.00")
    [check] = [c for c in world.poll(world.desk()) if c.order.order_id == order_id]
    assert check.decision.decision == "REVIEW"  # INV-001 is 51 days past due
    assert any("31-90 days past due" in r for r in check.decision.reasons)
    expected = {"hold_order": "done", "release_order": "pending", "set_credit_hold": "pending"}
    if books.kind == "intacct":
        # Intacct holds an order through its customer's ONHOLD: the customer is on hold
        # already, so no separate customer hold is offered.
        del expected["set_credit_hold"]
    assert kinds(check) == expected
    assert world.order(order_id).status == "on_hold"

    # The card in the credit channel: the reasons and the buttons, valid in Slack and Teams.
    reply = order_reply(check, world.approvals.policy)
    text, blocks = slack_render(reply)
    assert validate_message({"text": text, "blocks": blocks}) == []
    assert "31-90 days past due" in str(blocks)
    buttons = [
        e["action_id"]
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["type"] == "button"
    ]
    release = next(a for a in check.approvals if a.action == "release_order")
    assert any(release.approval_id in b for b in buttons)
    cards = teams_render(reply)
    assert all(validate_card(card) == [] for card in cards)
    assert release.approval_id in str(cards)

    # A collector may not release it; two credit managers click at once: one release.
    assert not world.approvals.approve(release.approval_id, as_("casey")).ok
    outcomes: list[bool] = []
    clicks = [
        threading.Thread(
            target=lambda s=svc: outcomes.append(s.approve(release.approval_id, as_("chris")).ok)
        )
        for svc in (world.approvals, world.replica)
    ]
    for click in clicks:
        click.start()
    for click in clicks:
        click.join(timeout=60)
    assert sorted(outcomes) == [False, True]
    assert world.approvals.store.get(release.approval_id).status == "done"  # type: ignore[union-attr]
    assert world.order(order_id).status == "released"
    notes = [n.text for n in books.erp.notes(books.payer)]
    assert sum(f"Credit check on {order_id}: released" in n for n in notes) == 1


def test_a_fulfilled_order_is_invoiced_once(world: World) -> None:
    books = world.books
    world.poll(world.desk())
    books.fulfil(books.order)
    drafted = []

    def on_change(change: Change) -> None:
        if isinstance(change.record, SalesOrder):
            for approvals in (world.approvals, world.replica):  # two replicas, one draft
                found = Billing(approvals, today=lambda: TODAY).order_fulfilled(change.record)
                if found is not None:
                    drafted.append(found)

    books.erp.feed_changes(on_change)
    books.erp.feed_changes(on_change)  # the next poll, or CDC catching up after a webhook
    assert len(drafted) == 1
    [draft] = drafted
    assert draft.approval is not None
    # 5,000.00 is over the policy's 1,000.00 auto amount: a person approves it.
    assert draft.approval.status == "pending"
    # The order's lines, PO number, the customer's terms and the due date they give.
    invoice = draft.action.draft()
    assert [
        (line.description, line.quantity, line.unit_price, line.amount) for line in invoice.lines
    ] == [
        ("Widgets, case of 12", D("40"), D("100.00"), D("4000.00")),
        ("Installation", D("1"), D("1000.00"), D("1000.00")),
    ]
    assert (invoice.po_number, invoice.terms_days) == ("PO-SO-1", 30)
    assert invoice.due_date == TODAY + timedelta(days=30)
    reply = drafted_reply(drafted, world.approvals.policy)
    text, blocks = slack_render(reply)
    assert validate_message({"text": text, "blocks": blocks}) == []
    cards = teams_render(reply)
    assert all(validate_card(card) == [] for card in cards)
    for shown in (json.dumps(blocks, ensure_ascii=False), json.dumps(cards, ensure_ascii=False)):
        assert "Widgets, case of 12: 40 × $100.00 = $4,000.00" in shown
        assert "PO-SO-1" in shown
    number = draft.action.invoice_number
    assert books.invoices_numbered(number) == 0

    # A double click on two replicas: one invoice.
    results = [world.approvals.approve(draft.approval.approval_id, as_("dana"))]
    results.append(world.replica.approve(draft.approval.approval_id, as_("morgan")))
    assert [r.ok for r in results] == [True, False]
    assert books.invoices_numbered(number) == 1
    created = books.erp.get_invoice(number)
    assert created is not None and created.customer_id == books.payer
    assert created.amount == D("5000.00")
    assert created.po_number == "PO-SO-1"

    # A restart finishing it again, and a retry of the ERP write with the same key: still one.
    restarted = service(books.url, erp=books.erp, **AUTO)
    assert restarted.execute(draft.approval.approval_id) == "done"
    stored = restarted.store.get(draft.approval.approval_id)
    assert stored is not None
    again = draft.action.execute(books.erp, stored.idempotency_key, mailer=None)
    assert again.replayed
    assert books.invoices_numbered(number) == 1
    # Asked for again in chat or by another poll: it was billed, nothing new is proposed.
    later = Billing(world.approvals, today=lambda: TODAY).propose(draft.action, requested_by="dana")
    assert later.approval is None and "already exists" in (later.refused or "")


def test_a_check_on_outside_evidence_never_writes_alone(world: World) -> None:
    """The credit-check API's context (a score, an AR balance) is the caller's word: even in
    auto mode its write-back waits for a person."""
    books = world.books
    order_id = books.new_order(books.subsidiary, "750.00")
    check = world.desk().check(
        world.order(order_id), requested_by="credit-check API", external_score=800, auto=False
    )
    assert check.decision.decision == "APPROVE"
    assert kinds(check) == {"release_order": "pending"}
    assert world.order(order_id).status == "pending"


def test_a_quickbooks_webhook_for_a_new_estimate_is_checked_once(tmp_path: Path) -> None:
    """QuickBooks tells arbot (``WebhookSource``): a signed notification of a new Estimate is
    answered at once, the estimate fetched and checked; Intuit's retry checks nothing again."""
    verifier = "00faeec4-08d0-4996-bb37-698ae19f0149"
    with company("quickbooks", tmp_path) as books:
        qbo = books.erp
        qbo.config = replace(qbo.config, webhook_verifier=verifier)  # type: ignore[attr-defined]
        books.erp.set_credit_limit(books.subsidiary, D("5000"), idempotency_key="seed-limit")
        approvals = service(books.url, erp=qbo, **AUTO)
        desk = CreditDesk(approvals, today=lambda: TODAY)
        checks: list[OrderCheck] = []

        def on_change(change: Change) -> None:
            order = change.record
            if isinstance(order, SalesOrder) and (check := desk.order_arrived(order)):
                checks.append(check)

        assert isinstance(qbo, WebhookSource)
        api = FastAPI()
        api.include_router(qbo.webhook_router(on_change))
        order_id = books.new_order(books.subsidiary, "750.00")
        entity = {"name": "Estimate", "id": order_id.removeprefix("SO-"), "operation": "Create"}
        body = json.dumps(
            {
                "eventNotifications": [
                    {
                        "realmId": books.fake.realm_id,
                        "dataChangeEvent": {
                            "entities": [{**entity, "lastUpdated": "2026-11-21T10:00:00.000Z"}]
                        },
                    }
                ]
            }
        ).encode()
        headers = {
            "intuit-signature": signature(body, verifier),
            "Content-Type": "application/json",
        }
        with TestClient(api) as client:
            assert (
                client.post("/quickbooks/webhooks", content=body, headers=headers).status_code
                == 200
            )
            assert (
                client.post("/quickbooks/webhooks", content=body, headers=headers).status_code
                == 200
            )
        assert [(c.order.order_id, c.decision.decision) for c in checks] == [(order_id, "APPROVE")]
        assert next(o for o in qbo.sales_orders() if o.order_id == order_id).status == "released"


def fulfilled(world: World, order_id: str) -> SalesOrder:
    world.books.fulfil(order_id)
    return world.order(order_id)


def test_taxable_lines_are_taxed_as_the_erp_computes(world: World) -> None:
    books = world.books
    order_id = books.new_order(
        books.subsidiary,
        "0",
        [("Gadgets", "3", "19.99", True), ("Setup, per hour", "1.5", "26.6667", False)],
        "PO-GADGETS",
    )
    billing = Billing(world.approvals, today=lambda: TODAY)
    drafted = billing.propose(billing.order_draft(fulfilled(world, order_id)), requested_by="dana")
    assert drafted.approval is not None and drafted.refused is None
    assert drafted.action.amount == D("99.97")  # before tax
    assert [line[3] for line in drafted.action.lines] == [True, False]
    assert world.approvals.approve(drafted.approval.approval_id, as_("dana")).ok
    created = books.erp.get_invoice(drafted.action.invoice_number)
    assert created is not None and created.po_number == "PO-GADGETS"
    # QuickBooks adds its sales tax to the taxable line (8.25% of 59.97 in the stand-in);
    # the ledger and the stand-in Intacct company compute none.
    tax = D("4.95") if books.kind == "quickbooks" else D("0.00")
    assert created.amount == D("99.97") + tax


def set_total(books: Company, order_id: str, total: str) -> None:
    """Someone changes the order's total in the ERP without changing its lines."""
    if books.kind == "local":
        from sqlalchemy import update

        from integrations.erp.local import schema as t

        with books.erp.writing() as conn:  # type: ignore[attr-defined]
            conn.execute(
                update(t.sales_orders)
                .where(t.sales_orders.c.order_id == order_id)
                .values(amount=D(total))
            )
    elif books.kind == "quickbooks":
        with books.fake.lock:
            books.fake.entities["Estimate"][order_id.removeprefix("SO-")]["TotalAmt"] = D(total)
    else:
        key = books.fake.one("SODOCUMENT", DOCNO=order_id)["RECORDNO"]
        # Intacct keeps a subtotal beside the total (their difference is the tax): both say
        # 5,250.00 while the entries still make 5,000.00.
        books.fake.update(
            "SODOCUMENT", key, TOTAL=total, TRX_TOTAL=total, SUBTOTAL=total, TRX_SUBTOTAL=total
        )


def test_a_draft_whose_lines_do_not_make_the_order_total_is_refused(world: World) -> None:
    books = world.books
    order = fulfilled(world, books.order)
    billing = Billing(world.approvals, today=lambda: TODAY)
    draft = billing.order_draft(order)
    set_total(books, books.order, "5250.00")
    refused = billing.propose(draft, requested_by="dana")
    assert refused.approval is None
    assert refused.refused is not None
    assert (
        f"sales order {books.order}'s lines add up to $5,000.00 and its tax is $0.00, but its "
        "total is $5,250.00: correct the order in the ERP" in refused.refused
    )
    reply = drafted_reply([refused], world.approvals.policy)
    assert reply.headline.startswith("Nothing to invoice: ") and "$5,250.00" in reply.headline
    assert books.invoices_numbered(draft.invoice_number) == 0
