"""One small company on each ERP — the local ledger, the QuickBooks stand-in and the Intacct
stand-in — with the same shape, for tests that must hold on all three (the ERP contract, the
order-to-cash scenarios).

The company: a parent customer P (USD, credit limit where the ERP keeps one), its subsidiary
S, a stranger X billed in EUR; open invoices INV-001 (P, 1,000.00), INV-002 (P, 250.50),
INV-003 (S, 99.99), INV-004 (X, EUR 500.00), each with PO ``PO-<nnn>``; one pending sales
order of P for 5,000.00. The ids differ per ERP (QuickBooks numbers its objects), so tests
address them through ``Company``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from integrations.erp.intacct import IntacctClient, RetryPolicy
from integrations.erp.local import LocalLedger
from integrations.erp.port import ErpClient
from tests.books import SO_1_LINES
from tests.books import seed_books as seed_ledger
from tests.fakes.intacct import fake_intacct, settings_for
from tests.fakes.intacct import seed_books as seed_intacct
from tests.fakes.quickbooks import fake_quickbooks
from tests.fakes.quickbooks_company import client as quickbooks_client

ERPS = ("local", "quickbooks", "intacct")
Lines = list[tuple[str, str, str, bool]]  # description, quantity, unit price, taxable
TODAY = date(2026, 11, 21)


@dataclass
class Company:
    kind: str
    erp: ErpClient
    url: str  # the database of arbot's store (and of the local ledger)
    payer: str  # P
    subsidiary: str  # S
    stranger: str  # X (EUR)
    order: str  # P's pending order of 5,000.00
    # How many invoices the ERP itself holds under a number (read on the ERP's side).
    invoices_numbered: Callable[[str], int]
    # Add a new pending order (customer id, amount[, lines, PO number]) in the ERP, the way it
    # arrives there; with lines, its amount is what the ERP makes of them (QuickBooks adds tax).
    new_order: Callable[..., str]
    # Mark an order fulfilled on the ERP's side (shipped, closed, converted).
    fulfil: Callable[[str], None]
    fake: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


@contextmanager
def local_company(tmp_path: Path) -> Iterator[Company]:
    from sqlalchemy import func, insert, select, update

    from integrations.erp.local import schema as t

    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    ledger = LocalLedger.open(url)
    seed_ledger(ledger)

    def numbered(number: str) -> int:
        with ledger.engine.connect() as conn:
            return conn.scalar(
                select(func.count())
                .select_from(t.invoices)
                .where(t.invoices.c.invoice_number == number)
            )

    def new_order(
        customer_id: str, amount: str, lines: Lines | None = None, po: str | None = None
    ) -> str:
        """The ledger computes no tax: the order's total is what its lines add up to."""
        order_id = f"SO-{100 + len(ledger.sales_orders())}"
        given = lines or []
        total = sum((Decimal(q) * Decimal(p) for _, q, p, _ in given), Decimal(0))
        with ledger.writing() as conn:
            conn.execute(
                insert(t.sales_orders).values(
                    order_id=order_id,
                    customer_id=customer_id,
                    order_date=TODAY,
                    amount=total.quantize(Decimal("0.01")) if given else Decimal(amount),
                    currency="USD",
                    status="pending",
                    po_number=po,
                )
            )
            for n, (text, quantity, price, taxable) in enumerate(given, start=1):
                conn.execute(
                    insert(t.sales_order_lines).values(
                        order_id=order_id,
                        line_no=n,
                        description=text,
                        quantity=Decimal(quantity),
                        unit_price=Decimal(price),
                        amount=(Decimal(quantity) * Decimal(price)).quantize(Decimal("0.01")),
                        taxable=taxable,
                    )
                )
        return order_id

    def fulfil(order_id: str) -> None:
        with ledger.writing() as conn:
            conn.execute(
                update(t.sales_orders)
                .where(t.sales_orders.c.order_id == order_id)
                .values(status="shipped")
            )

    try:
        yield Company("local", ledger, url, "P1", "S1", "X1", "SO-1", numbered, new_order, fulfil)
    finally:
        ledger.close()


@contextmanager
def quickbooks_company(tmp_path: Path) -> Iterator[Company]:
    with fake_quickbooks() as fake:
        fake.add_term("Net 30", 30)
        fake.add_term("Net 45", 45)
        fake.add_term("2% 10 Net 30", 30, discount="2", days=10)
        fake.add_item("Deductions")
        fake.add_item("Services")
        payer = fake.add_customer("Parent Co", email="ap@parent.example.com")
        subsidiary = fake.add_customer("Subsidiary Co", parent=payer)
        stranger = fake.add_customer("Stranger Ltd", currency="EUR")
        for owner, number, amount, currency, day in (
            (payer, "INV-001", "1000.00", "USD", date(2026, 9, 1)),
            (payer, "INV-002", "250.50", "USD", date(2026, 10, 1)),
            (subsidiary, "INV-003", "99.99", "USD", date(2026, 11, 1)),
            (stranger, "INV-004", "500.00", "EUR", date(2026, 6, 1)),
        ):
            fake.add_invoice(owner, number, amount, day, po=f"PO-{number[-3:]}", currency=currency)
        estimate = fake.add_estimate(
            payer, "5000.00", date(2026, 11, 20), lines=list(SO_1_LINES), po="PO-SO-1"
        )
        url = f"sqlite:///{tmp_path / 'arbot.db'}"
        qbo = quickbooks_client(fake, url)
        qbo.store.set_credit(
            qbo.realm_id,
            payer,
            "seed",
            "set_credit_limit",
            "seed",
            credit_limit=Decimal("10000.00"),
        )

        def numbered(number: str) -> int:
            return sum(1 for i in fake.all("Invoice") if i.get("DocNumber") == number)

        def new_order(
            customer_id: str, amount: str, lines: Lines | None = None, po: str | None = None
        ) -> str:
            """QuickBooks adds its sales tax on taxable lines to the estimate's total."""
            return f"SO-{fake.add_estimate(customer_id, amount, TODAY, lines=lines, po=po)}"

        def fulfil(order_id: str) -> None:  # someone closes the estimate in QuickBooks
            with fake.lock:
                estimate = fake.entities["Estimate"][order_id.removeprefix("SO-")]
                estimate["TxnStatus"] = "Closed"
                estimate["SyncToken"] = str(int(estimate["SyncToken"]) + 1)
                estimate["MetaData"] = {
                    **estimate["MetaData"],
                    "LastUpdatedTime": datetime.now(UTC).isoformat(timespec="seconds"),
                }

        try:
            yield Company(
                "quickbooks",
                qbo,
                url,
                payer,
                subsidiary,
                stranger,
                f"SO-{estimate}",
                numbered,
                new_order,
                fulfil,
                fake,
            )
        finally:
            qbo.close()


@contextmanager
def intacct_company(tmp_path: Path) -> Iterator[Company]:
    with fake_intacct() as fake:
        seed_intacct(fake)
        fake.update(
            "CUSTOMER", fake.one("CUSTOMER", CUSTOMERID="P1")["RECORDNO"], CREDITLIMIT="10000.00"
        )
        url = f"sqlite:///{tmp_path / 'arbot.db'}"
        client = IntacctClient(
            settings_for(fake, revenue_account="4000"),
            database_url=url,
            retry=RetryPolicy(attempts=3, backoff=0.01),
            sleep=lambda _s: None,
            confirm_waits=(0.01, 0.01),
            today=lambda: TODAY,
        )

        def numbered(number: str) -> int:
            return len(fake.find("ARINVOICE", RECORDID=number))

        def new_order(
            customer_id: str, amount: str, lines: Lines | None = None, po: str | None = None
        ) -> str:
            number = f"SO-{100 + fake.count('SODOCUMENT')}"
            fake.add_order(number, customer_id, amount, TODAY, lines=lines, po=po)
            fake.tick(seconds=5)
            return number

        def fulfil(order_id: str) -> None:  # the order is converted to an invoice in Intacct
            fake.tick(seconds=5)
            fake.update(
                "SODOCUMENT", fake.one("SODOCUMENT", DOCNO=order_id)["RECORDNO"], STATE="Converted"
            )

        try:
            yield Company(
                "intacct", client, url, "P1", "S1", "X1", "SO-1", numbered, new_order, fulfil, fake
            )
        finally:
            client.close()


def company(kind: str, tmp_path: Path) -> AbstractContextManager[Company]:
    return {
        "local": local_company,
        "quickbooks": quickbooks_company,
        "intacct": intacct_company,
    }[kind](tmp_path)
