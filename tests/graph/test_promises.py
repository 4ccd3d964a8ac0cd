"""Keeping promises against the payments an ERP reports: the customer's payments in the
promise's currency, from the day it was captured to the business day after its date, adding up
to the promised amount; broken from that business day on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from graph.promises import next_business_day, settle, status_as_of
from integrations.erp.records import Payment
from integrations.store import Store

D = Decimal
FRIDAY = date(2026, 11, 27)


class PaymentsOnly:
    """The one read ``settle`` makes of an ERP, counted."""

    def __init__(self, payments: list[Payment]) -> None:
        self.given = payments
        self.calls: list[str | None] = []

    def payments(self, customer_id=None, *, since=None, until=None, limit=None) -> list[Payment]:
        self.calls.append(customer_id)
        return [
            p
            for p in self.given
            if (customer_id is None or p.customer_id == customer_id)
            and (since is None or p.received_on >= since)
            and (until is None or p.received_on <= until)
        ]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 'arbot.db'}")


def _promise(store: Store, customer: str, amount: str, currency: str = "USD") -> str:
    promise, _ = store.record_promise(
        {
            "promise_id": f"PTP-{customer}",
            "customer_id": customer,
            "amount": D(amount),
            "currency": currency,
            "promised_on": FRIDAY,
            "invoice_number": None,
            "captured_on": date(2026, 11, 23),
            "captured_by": "Dana Kim",
            "source": "chat",
        },
        approval_key=f"key-{customer}",
    )
    return promise.promise_id


def _paid(customer: str, amount: str, on: date, currency: str = "USD") -> Payment:
    return Payment(f"PAY-{customer}-{amount}-{on}", customer, on, D(amount), currency)


def test_the_next_business_day_skips_the_weekend() -> None:
    assert next_business_day(FRIDAY) == date(2026, 11, 30)
    assert next_business_day(date(2026, 11, 24)) == date(2026, 11, 25)


def test_only_payments_that_cover_it_in_its_window_and_currency_keep_a_promise(
    store: Store,
) -> None:
    for customer in ("A", "B", "C", "D", "E"):
        _promise(store, customer, "100.00")
    erp = PaymentsOnly(
        [
            _paid("A", "60.00", date(2026, 11, 24)),
            _paid("A", "40.00", date(2026, 11, 30)),  # the business day after: still on time
            _paid("B", "99.99", date(2026, 11, 25)),  # short of the promise
            _paid("C", "100.00", date(2026, 11, 20)),  # before it was promised
            _paid("D", "100.00", date(2026, 11, 25), "EUR"),  # another currency
            _paid("E", "100.00", date(2026, 12, 1)),  # too late
        ]
    )
    assert settle(store, erp, date(2026, 12, 2)) == ["PTP-A"]  # type: ignore[arg-type]
    assert sorted(erp.calls) == ["A", "B", "C", "D", "E"]  # one read per customer
    assert settle(store, erp, date(2026, 12, 2)) == []  # kept once
    kept = {p.customer_id: p for p in store.stored_promises()}
    assert kept["A"].status == "kept" and len(kept["A"].kept_by) == 2
    assert status_as_of(kept["B"], FRIDAY) == "open"
    assert status_as_of(kept["B"], date(2026, 11, 30)) == "broken"


def test_many_customers_are_settled_from_one_read(store: Store) -> None:
    customers = [f"C{n}" for n in range(8)]
    for customer in customers:
        _promise(store, customer, "10.00")
    erp = PaymentsOnly([_paid(c, "10.00", date(2026, 11, 26)) for c in customers[:3]])
    kept = settle(store, erp, FRIDAY)  # type: ignore[arg-type]
    assert sorted(kept) == ["PTP-C0", "PTP-C1", "PTP-C2"]
    assert erp.calls == [None]
