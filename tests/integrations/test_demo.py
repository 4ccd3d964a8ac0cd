"""The demo company is believable: everything an AR team meets is in it, and it adds up."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from integrations.erp.local import LocalLedger
from integrations.erp.local.demo import build_demo
from integrations.erp.records import AGING_BUCKET_NAMES
from tests.conftest import TODAY, Demo


def test_the_books_balance(demo: Demo) -> None:
    assert demo.ledger.integrity_problems() == []


def test_open_invoices_in_every_aging_bucket(demo: Demo) -> None:
    totals = dict.fromkeys(AGING_BUCKET_NAMES, Decimal(0))
    for row in demo.ledger.aging(TODAY):
        for name, amount in row.buckets.items():
            totals[name] += amount
    assert all(amount > 0 for amount in totals.values()), totals


def test_paid_history_partials_short_pays_discounts_and_unapplied_cash(demo: Demo) -> None:
    ledger = demo.ledger
    payments = ledger.payments()
    references = [p.reference for p in payments]
    assert sum(1 for p in payments if p.applications) > 100
    assert any("PARTIAL PMT" in r for r in references)
    short_pays = [r for r in references if "SHORT PAID" in r]
    assert len(short_pays) >= 3
    assert any(p.unapplied > 0 and not p.applications for p in payments)
    discounts = [a for a in ledger.adjustments() if a.reason_code == "discount"]
    assert discounts, "2/10 customers take their early-payment discount"
    # A short-paid invoice stays open for exactly the deducted amount.
    short = next(p for p in payments if "SHORT PAID" in p.reference)
    deducted = Decimal(short.reference.split("SHORT PAID ")[1].split()[0])
    invoice = ledger.get_invoice(short.applications[0].invoice_number)
    assert invoice is not None and invoice.balance == deducted


def test_terms_orders_promises_and_holds(demo: Demo) -> None:
    customers = demo.ledger.list_customers()
    assert len({c.terms_label for c in customers}) >= 3
    assert any(c.discount_days for c in customers)
    assert demo.ledger.sales_orders(status="pending")
    statuses = {p.status for p in demo.ledger.promises()}
    assert {"open", "broken"} <= statuses
    assert len({c.currency for c in customers}) >= 2 or len(customers) < 50


def test_bank_file_holds_new_messy_credits(demo: Demo) -> None:
    lines = demo.company.bank_lines
    assert len(lines) >= 15
    assert len({line.payment_id for line in lines}) == len(lines)
    known = {p.payment_id for p in demo.ledger.payments()}
    assert not known & {line.payment_id for line in lines}
    assert all(line.amount > 0 for line in lines)
    assert any(len(line.payer_name) == 16 for line in lines), "ACH truncates payer names"
    assert any("RMR*IV*" in line.reference for line in lines)
    assert any(line.reference == "NO REMITTANCE INFORMATION" for line in lines)


def test_the_same_seed_builds_the_same_company(tmp_path: Path) -> None:
    def snapshot(name: str, seed: int) -> list[tuple[str, str, Decimal, Decimal]]:
        ledger = LocalLedger.open(f"sqlite:///{tmp_path / name}")
        build_demo(ledger, size="small", seed=seed, as_of=TODAY)
        rows = [
            (i.invoice_number, i.customer_id, i.amount, i.balance)
            for i in ledger.invoices(open_only=False)
        ]
        ledger.close()
        return rows

    assert snapshot("a.db", 3) == snapshot("b.db", 3)
    assert snapshot("c.db", 4) != snapshot("d.db", 3)
