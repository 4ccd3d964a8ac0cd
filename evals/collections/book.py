"""One small AR book, the same on the local ledger and on the QuickBooks and Intacct stand-ins
(``tests/fakes/``: real HTTP servers on 127.0.0.1 that arbot's own clients read).

Six USD customers on Net 30, business date 2026-11-21: a year of paid invoices each (some
customers pay on time, some late) and open invoices in several states:

- Anvil Works: a large invoice 52 days past due (late for certain);
- Birch Supply: a late payer, an invoice 21 days past due;
- Cobalt Labs: an on-time payer with a large invoice not yet due (the broken-promise case:
  a broken promise halves its chance of paying on time);
- Delta Foods: an invoice 25 days past due and one not yet due (the dispute cases);
- Ember Media: an invoice 15 days past due;
- Fjord Retail: a small invoice 40 days past due.

The ERPs hold no promises or disputes: those live in arbot's store (``evals.collections.run``
adds them).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from integrations.erp.port import ErpClient

AS_OF = date(2026, 11, 21)
TERMS = 30
ERPS = ("local", "quickbooks", "intacct")

# key, name, e-mail
CUSTOMERS = (
    ("A", "Anvil Works", "ap@anvil.example.com"),
    ("B", "Birch Supply", "ap@birch.example.com"),
    ("C", "Cobalt Labs", "ap@cobalt.example.com"),
    ("D", "Delta Foods", "ap@delta.example.com"),
    ("E", "Ember Media", "ap@ember.example.com"),
    ("F", "Fjord Retail", "ap@fjord.example.com"),
)
# How many days after the due date each customer paid its past invoices (one per month).
HABITS = {
    "A": (25, 30, 18, 40, 22, 35, 28, 31),
    "B": (20, 15, 28, 33, 12, 19, 24, 26),
    "C": (0, -2, 1, 0, 3, -1, 2, 0),
    "D": (5, 14, 2, 9, 18, 4, 11, 7),
    "E": (12, 3, 15, 6, 21, 2, 9, 14),
    "F": (30, 22, 41, 18, 27, 35, 25, 19),
}
HISTORY_AMOUNT = {"A": "4200.00", "B": "1800.00", "C": "3000.00", "D": "1500.00", "E": "900.00"}
HISTORY_AMOUNT["F"] = "600.00"
# number, customer key, amount, days past due on AS_OF (negative: due in that many days)
OPEN = (
    ("INV-5001", "A", "8400.00", 52),
    ("INV-5002", "B", "2600.00", 21),
    ("INV-5003", "C", "9000.00", -12),
    ("INV-5004", "D", "1200.00", 25),
    ("INV-5005", "D", "2500.00", -9),
    ("INV-5006", "E", "1500.00", 15),
    ("INV-5007", "F", "700.00", 40),
)


@dataclass(frozen=True)
class Row:
    number: str
    key: str
    amount: Decimal
    issued: date
    due: date
    paid_on: date | None


def rows() -> list[Row]:
    """Every invoice of the book, paid ones first (oldest first)."""
    out = []
    for key, _name, _email in CUSTOMERS:
        for month, late in enumerate(HABITS[key]):
            issued = date(2025, 11, 20) + timedelta(days=30 * month)
            due = issued + timedelta(days=TERMS)
            number = f"INV-{4000 + 10 * month + 'ABCDEF'.index(key)}"
            amount = Decimal(HISTORY_AMOUNT[key])
            out.append(Row(number, key, amount, issued, due, due + timedelta(days=late)))
    for number, key, amount, past_due in OPEN:
        due = AS_OF - timedelta(days=past_due)
        out.append(Row(number, key, Decimal(amount), due - timedelta(days=TERMS), due, None))
    return out


@dataclass
class Built:
    kind: str
    erp: ErpClient
    ids: dict[str, str]  # customer key → the ERP's id


# --- local ledger: the documented CSV import ------------------------------------------------------
def _write(path: Path, header: tuple[str, ...], lines: list[tuple[object, ...]]) -> Path:
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(lines)
    return path


@contextmanager
def local_book(folder: Path) -> Iterator[Built]:
    from integrations.erp.local import LocalLedger
    from integrations.erp.local.csv_import import (
        CUSTOMER_COLUMNS,
        INVOICE_COLUMNS,
        PAYMENT_COLUMNS,
        import_csv,
    )

    ledger = LocalLedger.open(f"sqlite:///{folder / 'ledger.db'}")
    customers = [(k, n, "", TERMS, "USD", e) for k, n, e in CUSTOMERS]
    invoices = [
        (r.number, r.key, r.issued, r.due, r.amount, "0.00" if r.paid_on else r.amount, "USD", "")
        for r in rows()
    ]
    payments = [
        (f"PMT-{r.number}", r.key, r.paid_on, r.amount, "USD", r.number, r.amount)
        for r in rows()
        if r.paid_on
    ]
    import_csv(
        ledger,
        customers=_write(folder / "customers.csv", CUSTOMER_COLUMNS, customers),
        invoices=_write(folder / "invoices.csv", INVOICE_COLUMNS, invoices),
        payments=_write(folder / "payments.csv", PAYMENT_COLUMNS, payments),
        today=lambda: AS_OF,
    )
    try:
        yield Built("local", ledger, {k: k for k, _n, _e in CUSTOMERS})
    finally:
        ledger.close()


# --- QuickBooks Online stand-in -----------------------------------------------------------------
@contextmanager
def quickbooks_book(folder: Path) -> Iterator[Built]:
    from tests.fakes.quickbooks import fake_quickbooks
    from tests.fakes.quickbooks_company import client

    with fake_quickbooks() as fake:
        net30 = fake.add_term("Net 30", TERMS)
        fake.add_item("Deductions")
        ids = {k: fake.add_customer(n, email=e, term=net30) for k, n, e in CUSTOMERS}
        for r in rows():
            invoice = fake.add_invoice(ids[r.key], r.number, str(r.amount), r.issued, due=r.due)
            if r.paid_on:
                fake.add_payment(ids[r.key], str(r.amount), r.paid_on, [(invoice, str(r.amount))])
        erp = client(fake, f"sqlite:///{folder / 'quickbooks.db'}", today=lambda: AS_OF)
        try:
            yield Built("quickbooks", erp, ids)
        finally:
            erp.close()


# --- Sage Intacct stand-in ----------------------------------------------------------------------
@contextmanager
def intacct_book(folder: Path) -> Iterator[Built]:
    from integrations.erp.intacct import IntacctClient, RetryPolicy
    from tests.fakes.intacct import fake_intacct, settings_for

    with fake_intacct() as fake:
        for key, name, email in CUSTOMERS:
            fake.add_customer(key, name, email=email)
        for r in rows():
            fake.add_invoice(r.number, r.key, str(r.amount), r.issued, due=r.due)
            if r.paid_on:
                amount = str(r.amount)
                fake.add_payment(f"CHK-{r.number}", r.key, r.paid_on, amount, [(r.number, amount)])
        erp = IntacctClient(
            settings_for(fake),
            database_url=f"sqlite:///{folder / 'intacct.db'}",
            retry=RetryPolicy(attempts=3, backoff=0.01),
            sleep=lambda _s: None,
        )
        try:
            yield Built("intacct", erp, {k: k for k, _n, _e in CUSTOMERS})
        finally:
            erp.close()


BUILDERS = {"local": local_book, "quickbooks": quickbooks_book, "intacct": intacct_book}
