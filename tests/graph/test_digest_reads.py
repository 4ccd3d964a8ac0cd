"""What the digest reads from the local ledger in SQL is what any ERP's records give."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from graph.ar.ledger_book import LedgerBook
from graph.digest_reads import (
    aging_by_currency,
    cash_received,
    customers_by_id,
    held_orders,
    new_deductions,
)
from integrations.erp.local import LocalLedger
from integrations.erp.records import NewPayment
from tests.graph.ar.test_collections_sql import PortOnly
from tests.graph.ar.test_forecast_book import AS_OF, ledger  # noqa: F401  (the fixture)


def test_aging_and_new_deductions_from_sql_are_those_of_the_records(ledger: LocalLedger) -> None:  # noqa: F811
    records = PortOnly(ledger)
    aging = aging_by_currency(ledger, AS_OF)
    assert aging == aging_by_currency(records, AS_OF)  # type: ignore[arg-type]
    book = LedgerBook.read(ledger)  # the arrays the digest reads once
    for as_of in (AS_OF, AS_OF - timedelta(days=100)):
        assert aging_by_currency(ledger, as_of, book) == aging_by_currency(ledger, as_of)
    usd = sum((r.total for r in ledger.aging(AS_OF) if r.currency == "USD"), Decimal(0))
    assert sum(aging["USD"].values()) == usd > 0
    for days in (7, 30):
        found = new_deductions(ledger, AS_OF, Decimal("250.00"), days)
        assert found == new_deductions(records, AS_OF, Decimal("250.00"), days)  # type: ignore[arg-type]
        assert all(d.age_days <= days for d in found)
    assert new_deductions(ledger, AS_OF, Decimal("250.00"), 30)  # the demo has some


def test_held_orders_and_names(ledger: LocalLedger) -> None:  # noqa: F811
    order = ledger.sales_orders()[0]
    ledger.set_sales_order_status(order.order_id, "on_hold", idempotency_key="hold-test")
    held = held_orders(ledger)
    assert [o.order_id for o in held] == [order.order_id]
    names = customers_by_id(ledger, {order.customer_id})
    assert names == customers_by_id(PortOnly(ledger), {order.customer_id})  # type: ignore[arg-type]
    assert names[order.customer_id].customer_id == order.customer_id


def test_cash_received_in_sql_is_that_of_the_records(ledger: LocalLedger) -> None:  # noqa: F811
    for days in (1, 30, 400):
        since, until = AS_OF - timedelta(days=days), AS_OF - timedelta(days=1)
        in_sql = cash_received(ledger, since, until)
        assert in_sql == cash_received(PortOnly(ledger), since, until)  # type: ignore[arg-type]
    assert in_sql.count == len(ledger.payments(until=until))
    assert len(in_sql.received) > 1 and in_sql.unapplied  # the demo has both


def test_cash_received_lists_currencies_in_the_order_of_the_payments(ledger: LocalLedger) -> None:  # noqa: F811
    """Newest day first, then the greatest payment id: neither by name nor oldest first."""
    payer = {c.currency: c.customer_id for c in ledger.list_customers()}
    day = AS_OF + timedelta(days=10)  # after everything else the tests read
    for payment_id, currency, back in (("Z-3", "USD", 0), ("Z-1", "CAD", 0), ("Z-9", "EUR", 1)):
        ledger.apply_payment(
            NewPayment(
                payment_id, payer[currency], day - timedelta(days=back), Decimal(5), currency
            ),
            [],
            idempotency_key=f"cash-order-{payment_id}",
        )
    found = cash_received(ledger, day - timedelta(days=1), day)
    assert found == cash_received(PortOnly(ledger), day - timedelta(days=1), day)  # type: ignore[arg-type]
    assert list(found.received) == list(found.unapplied) == ["USD", "CAD", "EUR"]
    assert found.count == 3 and found.received["EUR"] == Decimal("5.00")
