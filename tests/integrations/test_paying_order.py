"""The local ledger's answer to who pays the oldest invoices first (``paying_order``: one query,
nothing read into memory) is the Python one (``pays_oldest_first``, ``pays_out_of_order`` over
``payments(since=...)`` and the invoices they applied), on random histories, on SQLite and
PostgreSQL: ties of dates, payment ids whose order a database's collation would change, payments
with no applications, an invoice applied twice, payments before the window, another customer's
invoices paid."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert

from graph.ar.payers import pays_oldest_first, pays_out_of_order
from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.local.paying_order import paying_order
from integrations.erp.records import invoice_number_key

SINCE = date(2026, 1, 10)
CUSTOMERS = ("C1", "c2", "B-3", "b_4")
INVOICES = tuple(f"INV-{n}" for n in range(8))
# Ids a locale's collation orders unlike Python ("P-b" < "P_a" < "pa" < "Pb" in code points).
PAYMENT_IDS = ("P-b", "P_a", "pa", "Pb", "p10", "P9", "P 1", "Q")

day = st.integers(min_value=0, max_value=6).map(lambda d: SINCE + timedelta(days=d - 2))
invoice = st.tuples(st.sampled_from(CUSTOMERS), day)
payment = st.tuples(
    st.sampled_from(CUSTOMERS),
    day,
    st.lists(st.integers(min_value=0, max_value=len(INVOICES) - 1), max_size=3),
)
history = st.tuples(
    st.lists(invoice, min_size=len(INVOICES), max_size=len(INVOICES)),
    st.lists(payment, max_size=len(PAYMENT_IDS)),
)


@pytest.fixture
def opened(ledger_url: str) -> Iterator[LocalLedger]:
    ledger = LocalLedger.open(ledger_url)
    yield ledger
    ledger.close()


def _write(
    ledger: LocalLedger,
    invoices: list[tuple[str, date]],
    payments: list[tuple[str, date, list[int]]],
) -> None:
    with ledger.writing() as conn:
        for table in (t.applications, t.payments, t.invoices, t.customers):
            conn.execute(delete(table))
        conn.execute(
            insert(t.customers),
            [{"customer_id": c, "name": c, "currency": "USD", "terms_days": 30} for c in CUSTOMERS],
        )
        conn.execute(
            insert(t.invoices),
            [
                {
                    "invoice_number": number,
                    "number_key": invoice_number_key(number),
                    "customer_id": customer,
                    "invoice_date": issued,
                    "due_date": issued + timedelta(days=30),
                    "amount": Decimal("100.00"),
                    "balance": Decimal("0.00"),
                    "currency": "USD",
                }
                for number, (customer, issued) in zip(INVOICES, invoices, strict=True)
            ],
        )
        for payment_id, (customer, received, applied) in zip(PAYMENT_IDS, payments, strict=False):
            conn.execute(
                insert(t.payments),
                {
                    "payment_id": payment_id,
                    "customer_id": customer,
                    "received_on": received,
                    "amount": Decimal("300.00"),
                    "unapplied": Decimal("0.00"),
                    "currency": "USD",
                },
            )
            for k in applied:
                conn.execute(
                    insert(t.applications),
                    {
                        "payment_id": payment_id,
                        "invoice_number": INVOICES[k],
                        "amount": Decimal("1.00"),
                        "applied_on": received,
                    },
                )


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history)
def test_the_ledger_answers_as_the_python_habits_do(
    opened: LocalLedger, drawn: tuple[list[tuple[str, date]], list[tuple[str, date, list[int]]]]
) -> None:
    invoices, payments = drawn
    _write(opened, invoices, payments)
    paid = opened.payments(since=SINCE)
    by_number = opened.get_invoices([a.invoice_number for p in paid for a in p.applications])
    expected = (pays_oldest_first(paid, by_number), pays_out_of_order(paid, by_number))
    assert paying_order(opened.engine, SINCE) == expected


def test_an_example_of_each_answer(opened: LocalLedger) -> None:
    d = SINCE
    invoices = [("C1", d), ("C1", d + timedelta(1)), ("C1", d + timedelta(2))]
    invoices += [("c2", d), ("c2", d + timedelta(1))] + [("B-3", d)] * 3
    payments = [
        ("C1", d + timedelta(3), [0]),  # P-b
        ("C1", d + timedelta(3), [1, 1]),  # P_a: after P-b (same day, "P-b" < "P_a")
        ("C1", d + timedelta(4), [2]),  # pa: C1 in order, 4 applications
        ("c2", d + timedelta(3), [1]),  # Pb
        ("c2", d + timedelta(4), [0]),  # p10: an older invoice after a newer one
        ("B-3", d + timedelta(3), [5, 6]),  # P9: in order, but 2 applications only
        ("B-3", d - timedelta(3), [7]),  # P 1: before the window
    ]
    _write(opened, invoices, payments)
    assert paying_order(opened.engine, SINCE) == (frozenset({"C1"}), frozenset({"c2"}))
    assert paying_order(opened.engine, SINCE, at_least=2) == (
        frozenset({"C1", "B-3"}),
        frozenset({"c2"}),
    )
