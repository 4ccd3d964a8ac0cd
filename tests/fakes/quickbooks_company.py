"""A small QuickBooks company on the fake server, and clients of it, shared by the QuickBooks
tests. Business date: 2026-11-21 (``tests.conftest.TODAY``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx

from integrations.erp.quickbooks import QuickBooksClient, QuickBooksConfig, RetryPolicy
from tests.fakes.quickbooks import CLIENT_ID, CLIENT_SECRET, TOKEN_PATH, FakeQuickBooks

FAST = RetryPolicy(max_retries=3, backoff=0.01, max_backoff=0.02, throttle_wait=0.02)


@dataclass
class Company:
    """The Ids the fake gave the company's objects."""

    net30: str
    two_ten: str
    deductions_item: str
    acme: str
    globex: str
    initech: str
    contoso: str
    contoso_west: str
    order: str  # the Estimate Id of Acme's pending order
    paid_payment: str
    short_payment: str
    credit_memo: str


def seed_company(fake: FakeQuickBooks) -> Company:
    net30 = fake.add_term("Net 30", 30)
    two_ten = fake.add_term("2% 10 Net 30", 30, discount="2", days=10)
    item = fake.add_item("Deductions")
    acme = fake.add_customer("Acme Industrial Supply Inc.", email="ap@acme.example.com", term=net30)
    globex = fake.add_customer("Globex Corporation", email="ar@globex.example.com", term=net30)
    initech = fake.add_customer("Initech LLC", term=two_ten)
    contoso = fake.add_customer("Contoso Manufacturing Corp.", term=net30)
    west = fake.add_customer("Contoso Manufacturing West LLC", term=net30, parent=contoso)
    paid = fake.add_invoice(acme, "INV-0999", "500.00", date(2026, 8, 1))
    fake.add_invoice(acme, "INV-1001", "1000.00", date(2026, 9, 1), po="4500123456")
    fake.add_invoice(acme, "INV-1002", "250.50", date(2026, 10, 15))
    fake.add_invoice(acme, "INV-1003", "1200.00", date(2026, 11, 15))
    fake.add_invoice(globex, "INV-2001", "5000.00", date(2026, 7, 1))
    short = fake.add_invoice(globex, "INV-2002", "320.00", date(2026, 10, 1))
    fake.add_invoice(initech, "INV-3001", "1000.00", date(2026, 11, 15))
    fake.add_invoice(west, "INV-4001", "780.00", date(2026, 10, 15))
    paid_payment = fake.add_payment(
        acme, "500.00", date(2026, 8, 28), [(paid, "500.00")], ref_num="CHK 7781"
    )
    short_payment = fake.add_payment(
        globex,
        "300.00",
        date(2026, 10, 28),
        [(short, "300.00")],
        memo="INV-2002 short paid pricing difference",
    )
    memo = fake.add_credit_memo(globex, "50.00", date(2026, 11, 2))
    order = fake.add_estimate(acme, "5000.00", date(2026, 11, 20))
    return Company(
        net30,
        two_ten,
        item,
        acme,
        globex,
        initech,
        contoso,
        west,
        order,
        paid_payment,
        short_payment,
        memo,
    )


def config(fake: FakeQuickBooks, **overrides: Any) -> QuickBooksConfig:
    values: dict[str, Any] = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "realm_id": fake.realm_id,
        "base_url": fake.url,
        "token_url": fake.url + TOKEN_PATH,
        "timeout": 5.0,
    }
    return QuickBooksConfig(**(values | overrides))


def client(
    fake: FakeQuickBooks,
    database_url: str,
    *,
    seed: bool = True,
    timeout: float = 5.0,
    **options: Any,
) -> QuickBooksClient:
    """A client of the fake (its refresh token freshly issued when ``seed``), retrying fast."""
    token = fake.issue_refresh_token() if seed else None
    options.setdefault("retry", FAST)
    options.setdefault("today", lambda: date(2026, 11, 21))
    given = options.pop("http", None)
    opened = QuickBooksClient.open(
        database_url,
        config(fake, refresh_token=token),
        http=given or httpx.Client(timeout=timeout),
        **options,
    )
    opened._own_http = given is None  # closed with the client
    return opened
