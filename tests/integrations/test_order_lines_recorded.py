"""Sales-order lines read from QuickBooks' own recorded answers (the CDC cassette in
tests/fixtures/quickbooks/vcr/cdc/basic.yml): each Estimate's item lines, its tax, and lines
plus tax making its total — the rule a draft invoice is held to."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from integrations.erp.quickbooks.order_mapping import sales_order
from integrations.erp.quickbooks.webhooks import _cdc_events
from tests.integrations.test_quickbooks_fixtures import CONTEXT, body, cassette

D = Decimal


def recorded_orders() -> dict[str, object]:
    [interaction] = cassette("cdc/basic.yml")
    stub = SimpleNamespace(realm_id="9130", record=lambda entity, data: None)
    events = _cdc_events(stub, body(interaction))  # type: ignore[arg-type]
    return {e.entity_id: sales_order(e.data or {}, CONTEXT, None) for e in events}


def test_recorded_estimates_become_orders_with_their_lines() -> None:
    orders = recorded_orders()
    design = orders["48"]
    assert [
        (line.description, line.quantity, line.unit_price, line.amount, line.taxable, line.item)
        for line in design.lines  # type: ignore[attr-defined]
    ] == [
        ("Custom Design", D("4"), D("75"), D("300.00"), False, "4"),
        ("Installation of landscape design", D("5"), D("50"), D("250.00"), False, "7"),
        ("Rock Fountain", D("1"), D("275"), D("275.00"), False, "5"),
        ("Garden Rocks", D("8"), D("22.5"), D("180.00"), False, "13"),
    ]
    # The subtotal line is no line of its own; a fractional quantity is kept.
    assert [line.quantity for line in orders["41"].lines] == [D("1"), D("3.5"), D("2")]  # type: ignore[attr-defined]


def test_recorded_lines_and_tax_make_each_total() -> None:
    for order in recorded_orders().values():
        assert order.subtotal + order.tax == order.amount  # type: ignore[attr-defined]
    taxed = recorded_orders()["100"]
    assert (taxed.subtotal, taxed.tax, taxed.amount) == (D("325.75"), D("26.06"), D("351.81"))  # type: ignore[attr-defined]
    assert all(line.taxable for line in taxed.lines)  # type: ignore[attr-defined]
