"""Building an approval service on a test database, shared by in-process and subprocess tests."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from graph.approvals import ApprovalService
from graph.cash_actions import ApplyPayment, WriteOffDeduction
from graph.policy import Identity, Policy, parse_policy
from integrations.erp.local import LocalLedger
from integrations.erp.port import ErpClient
from integrations.store import Store
from integrations.store.checkpoints import open_checkpointer

PEOPLE = [
    {"name": "Dana Kim", "roles": ["ar_specialist"], "terminal": ["dana"]},
    {"name": "Morgan Lee", "roles": ["controller"], "terminal": ["morgan"], "slack": ["U0MORGAN"]},
    {"name": "Casey Park", "roles": ["collector"], "terminal": ["casey"]},
    {"name": "Chris Wu", "roles": ["credit_manager"], "terminal": ["chris"]},
] + [{"name": f"Clerk {n}", "roles": ["controller"], "terminal": [f"clerk{n}"]} for n in range(60)]


def policy(**overrides: object) -> Policy:
    return parse_policy({"people": PEOPLE, **overrides}, "test policy")


def service(
    url: str,
    *,
    erp: ErpClient | None = None,
    lease: timedelta = timedelta(minutes=2),
    **policy_overrides: object,
) -> ApprovalService:
    return ApprovalService(
        erp or LocalLedger.open(url),
        Store.open(url),
        open_checkpointer(url),
        policy(**policy_overrides),
        lease=lease,
    )


def as_(user: str) -> Identity:
    return Identity("terminal", user)


def apply_to_invoice_one(amount: str = "1000.00") -> ApplyPayment:
    return ApplyPayment(
        customer_id="P1",
        payment_id="PMT-77",
        received_on=date(2026, 11, 20).isoformat(),
        payment_amount=amount,
        payment_currency="USD",
        reference="INV 001",
        applications=(("INV-001", amount),),
    )


def write_off(amount: str = "50.50") -> WriteOffDeduction:
    return WriteOffDeduction(
        customer_id="P1",
        invoice_number="INV-002",
        write_off=amount,
        invoice_currency="USD",
        reason_code="pricing",
        memo="price difference on PO-002",
    )


def balance(url: str, number: str) -> Decimal:
    invoice = LocalLedger.open(url).get_invoice(number)
    assert invoice is not None
    return invoice.balance
