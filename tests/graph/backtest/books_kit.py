"""One small history of applied payments, written into each ERP the way it arrives there:
the local ledger (rows), a CSV export for ``arbot erp import``, the QuickBooks stand-in and the
Intacct stand-in. Everything a backtest should find is known by hand:

* P-1: Acme pays INV-1001 in full, naming it (one invoice; the clerk finds it too);
* P-2: Bolt pays INV-2001 and INV-2002, naming both (several invoices; the clerk too);
* P-3: Crane pays INV-3001 25.00 short, "SHORT PAID 25.00 DAMAGED" (short-pay; the clerk
  cannot: the amounts do not add up), later written off as damage (local ledger);
* P-4: Acme pays 500.00 for INV-1002 (400.00): 100.00 left on account (overpayment);
* P-5: Bolt pays 777.77 saying only "THANK YOU": INV-2003 is the one open invoice of that
  amount (one invoice; the clerk's amount step finds it).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert

from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.records import invoice_number_key
from tests.fakes.intacct import FakeIntacct
from tests.fakes.quickbooks import FakeQuickBooks

TODAY = date(2026, 11, 21)
D = Decimal

CUSTOMERS = (("A1", "Acme Widgets Inc"), ("B1", "Bolt Supply LLC"), ("C1", "Crane Foods Corp"))
INVOICES = (  # number, customer, amount, issued
    ("INV-1001", "A1", "1200.00", date(2026, 9, 1)),
    ("INV-1002", "A1", "400.00", date(2026, 9, 10)),
    ("INV-2001", "B1", "310.00", date(2026, 9, 5)),
    ("INV-2002", "B1", "95.50", date(2026, 9, 6)),
    ("INV-2003", "B1", "777.77", date(2026, 9, 20)),
    ("INV-3001", "C1", "2500.00", date(2026, 9, 15)),
    ("INV-3002", "C1", "640.00", date(2026, 10, 1)),
)


@dataclass(frozen=True)
class Paid:
    payment_id: str
    customer_id: str
    received_on: date
    amount: str
    memo: str
    applications: tuple[tuple[str, str], ...]


PAYMENTS = (
    Paid("P-1", "A1", date(2026, 10, 1), "1200.00", "INV-1001", (("INV-1001", "1200.00"),)),
    Paid(
        "P-2",
        "B1",
        date(2026, 10, 5),
        "405.50",
        "INV-2001 INV-2002",
        (("INV-2001", "310.00"), ("INV-2002", "95.50")),
    ),
    Paid(
        "P-3",
        "C1",
        date(2026, 10, 15),
        "2475.00",
        "INV-3001 SHORT PAID 25.00 DAMAGED",
        (("INV-3001", "2475.00"),),
    ),
    Paid("P-4", "A1", date(2026, 10, 20), "500.00", "INV-1002", (("INV-1002", "400.00"),)),
    Paid("P-5", "B1", date(2026, 10, 21), "777.77", "THANK YOU", (("INV-2003", "777.77"),)),
)
SCENARIOS = {"one invoice": 2, "several invoices": 1, "short-pay": 1, "overpayment": 1}
WRITE_OFF = ("INV-3001", "C1", "25.00", date(2026, 10, 16), "damage")


def customer_rows() -> list[dict]:
    """The three USD customers on net 30, as ledger rows."""
    return [
        {
            "customer_id": cid,
            "name": name,
            "currency": "USD",
            "terms_days": 30,
            "on_hold": False,
            "discount_percent": D(0),
            "discount_days": 0,
        }
        for cid, name in CUSTOMERS
    ]


def _balance(number: str, amount: str, *, written_off: bool) -> Decimal:
    paid = sum((D(a) for p in PAYMENTS for n, a in p.applications if n == number), D(0))
    off = D(WRITE_OFF[2]) if written_off and number == WRITE_OFF[0] else D(0)
    return D(amount) - paid - off


def seed_local(ledger: LocalLedger) -> None:
    """The history as ledger rows, with the write-off of P-3's deduction."""
    with ledger.writing() as conn:
        conn.execute(
            insert(t.customers),
            customer_rows(),
        )
        conn.execute(
            insert(t.invoices),
            [
                {
                    "invoice_number": number,
                    "number_key": invoice_number_key(number),
                    "customer_id": cid,
                    "invoice_date": issued,
                    "due_date": issued + timedelta(days=30),
                    "amount": D(amount),
                    "balance": _balance(number, amount, written_off=True),
                    "currency": "USD",
                    "po_number": None,
                }
                for number, cid, amount, issued in INVOICES
            ],
        )
        for p in PAYMENTS:
            applied = sum((D(a) for _, a in p.applications), D(0))
            conn.execute(
                insert(t.payments).values(
                    payment_id=p.payment_id,
                    customer_id=p.customer_id,
                    received_on=p.received_on,
                    amount=D(p.amount),
                    unapplied=D(p.amount) - applied,
                    currency="USD",
                    method="ach",
                    reference=p.memo,
                )
            )
            for number, amount in p.applications:
                conn.execute(
                    insert(t.applications).values(
                        payment_id=p.payment_id,
                        invoice_number=number,
                        amount=D(amount),
                        applied_on=p.received_on,
                    )
                )
        number, cid, amount, day, reason = WRITE_OFF
        conn.execute(
            insert(t.adjustments).values(
                adjustment_id="ADJ-1",
                customer_id=cid,
                invoice_number=number,
                adjusted_on=day,
                amount=D(amount),
                currency="USD",
                kind="write_off",
                reason_code=reason,
                memo="damaged goods, credit approved",
            )
        )


def write_csv(folder: Path) -> dict[str, Path]:
    """The history as the CSV exports ``arbot erp import`` reads (no write-off: the import has
    no adjustments file)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"{name}.csv" for name in ("customers", "invoices", "payments")}
    with paths["customers"].open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["customer_id", "name", "credit_limit", "terms_days", "currency", "email"])
        for cid, name in CUSTOMERS:
            out.writerow([cid, name, "", "30", "USD", ""])
    with paths["invoices"].open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(
            [
                "invoice_number",
                "customer_id",
                "invoice_date",
                "due_date",
                "amount",
                "balance",
                "currency",
                "po_number",
            ]
        )
        for number, cid, amount, issued in INVOICES:
            balance = _balance(number, amount, written_off=False)
            due = issued + timedelta(days=30)
            out.writerow([number, cid, issued, due, amount, balance, "USD", ""])
    with paths["payments"].open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(
            [
                "payment_id",
                "customer_id",
                "date",
                "amount",
                "currency",
                "invoice_number",
                "applied_amount",
                "reference",
            ]
        )
        for p in PAYMENTS:
            for number, amount in p.applications:
                out.writerow(
                    [
                        p.payment_id,
                        p.customer_id,
                        p.received_on,
                        p.amount,
                        "USD",
                        number,
                        amount,
                        p.memo,
                    ]
                )
    return paths


def seed_quickbooks(fake: FakeQuickBooks) -> None:
    ids = {cid: fake.add_customer(name) for cid, name in CUSTOMERS}
    invoices = {
        number: fake.add_invoice(ids[cid], number, amount, issued)
        for number, cid, amount, issued in INVOICES
    }
    for p in PAYMENTS:
        lines = [(invoices[number], amount) for number, amount in p.applications]
        fake.add_payment(ids[p.customer_id], p.amount, p.received_on, lines, memo=p.memo)


def seed_intacct(fake: FakeIntacct) -> None:
    for cid, name in CUSTOMERS:
        fake.add_customer(cid, name)
    for number, cid, amount, issued in INVOICES:
        fake.add_invoice(number, cid, amount, issued)
    for p in PAYMENTS:
        fake.add_payment(
            p.payment_id,
            p.customer_id,
            p.received_on,
            p.amount,
            list(p.applications),
            description=p.memo,
        )
