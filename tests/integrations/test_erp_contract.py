"""The ERP contract: every ``ErpClient`` operation, run the same way against the local ledger and
the QuickBooks and Intacct stand-ins (real HTTP on 127.0.0.1), with the same answers and the same
refusals. A client that reads, writes, replays or refuses differently from the others fails here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from integrations.erp.port import (
    Change,
    ChangeFeed,
    ErpClient,
    InvalidWrite,
    NotFound,
    WebhookSource,
)
from integrations.erp.records import (
    AGING_BUCKET_NAMES,
    ApplicationRequest,
    InvoiceDraft,
    InvoiceLine,
    NewPayment,
)
from tests.erp_kit import ERPS, TODAY, Company, company

D = Decimal


@pytest.fixture(params=ERPS)
def books(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Company]:
    with company(request.param, tmp_path) as opened:
        yield opened


def payment(books: Company, payment_id: str, amount: str, currency: str = "USD") -> NewPayment:
    return NewPayment(payment_id, books.payer, date(2026, 11, 20), D(amount), currency)


def draft(books: Company, number: str = "INV-SO-7", **changes: object) -> InvoiceDraft:
    values: dict[str, object] = {
        "invoice_number": number,
        "customer_id": books.payer,
        "invoice_date": TODAY,
        "due_date": TODAY + timedelta(days=30),
        "currency": "USD",
        "lines": (
            InvoiceLine("Widgets, 10 cases", D("1200.00"), D("10")),
            InvoiceLine("Freight", D("45.50")),
        ),
        "terms_days": 30,
        "po_number": "PO-777",
        "memo": "sales order SO-7",
        "source": "SO-7",
    }
    return InvoiceDraft(**(values | changes))  # type: ignore[arg-type]


# --- reads ----------------------------------------------------------------------------------


def test_it_is_an_erp_client_with_a_change_feed(books: Company) -> None:
    assert isinstance(books.erp, ErpClient)
    assert isinstance(books.erp, ChangeFeed)
    assert isinstance(books.erp, WebhookSource) == (books.kind == "quickbooks")


def test_customers(books: Company) -> None:
    ids = {c.customer_id for c in books.erp.list_customers()}
    assert {books.payer, books.subsidiary, books.stranger} <= ids
    payer = books.erp.get_customer(books.payer)
    assert payer is not None and payer.name == "Parent Co" and payer.currency == "USD"
    assert payer.credit_limit == D("10000.00")
    assert books.erp.get_customer(books.subsidiary).parent_id == books.payer  # type: ignore[union-attr]
    assert books.erp.get_customer(books.stranger).currency == "EUR"  # type: ignore[union-attr]
    assert books.erp.get_customer("999999") is None


def test_invoices(books: Company) -> None:
    invoice = books.erp.get_invoice("INV-001")
    assert invoice is not None
    assert (invoice.customer_id, invoice.amount, invoice.balance, invoice.currency) == (
        books.payer,
        D("1000.00"),
        D("1000.00"),
        "USD",
    )
    assert invoice.po_number == "PO-001"
    assert books.erp.get_invoice("INV-999") is None
    assert [i.invoice_number for i in books.erp.find_invoices("inv 0002")] == ["INV-002"]
    assert [i.invoice_number for i in books.erp.invoices_by_po("po-003")] == ["INV-003"]
    mine = books.erp.invoices(books.payer)
    assert [i.invoice_number for i in mine] == ["INV-001", "INV-002"]
    assert all(i.is_open for i in books.erp.invoices(open_only=True))


def test_aging_buckets_the_open_balances_once_per_customer_and_currency(books: Company) -> None:
    rows = {(r.customer_id, r.currency): r for r in books.erp.aging(TODAY)}
    payer = rows[(books.payer, "USD")]
    assert set(payer.buckets) == set(AGING_BUCKET_NAMES)
    # INV-001 due 2026-10-01 (51 days late), INV-002 due 2026-10-31 (21 days late).
    assert payer.buckets["31-60"] == D("1000.00")
    assert payer.buckets["1-30"] == D("250.50")
    assert payer.total == D("1250.50")
    assert rows[(books.stranger, "EUR")].buckets["120+"] == D("500.00")
    only = books.erp.aging(TODAY, books.subsidiary)
    assert [(r.customer_id, r.total) for r in only] == [(books.subsidiary, D("99.99"))]


def test_orders_promises_notes_and_adjustments_start_as_seeded(books: Company) -> None:
    orders = books.erp.sales_orders(books.payer)
    assert [(o.order_id, o.amount, o.status) for o in orders] == [
        (books.order, D("5000.00"), "pending")
    ]
    assert books.erp.sales_orders(status="shipped") == []
    assert books.erp.promises(books.payer) == []
    assert books.erp.notes(books.subsidiary) == []
    assert books.erp.adjustments(books.subsidiary) == []


def test_sales_orders_carry_their_lines_po_number_and_tax(books: Company) -> None:
    [order] = books.erp.sales_orders(books.payer)
    assert order.po_number == "PO-SO-1"
    assert [
        (line.description, line.quantity, line.unit_price, line.amount, line.taxable)
        for line in order.lines
    ] == [
        ("Widgets, case of 12", D("40"), D("100.00"), D("4000.00"), False),
        ("Installation", D("1"), D("1000.00"), D("1000.00"), False),
    ]
    assert (order.subtotal, order.tax, order.amount) == (D("5000.00"), D("0.00"), D("5000.00"))


def test_an_order_with_a_taxable_line_adds_up_to_its_total(books: Company) -> None:
    order_id = books.new_order(
        books.subsidiary,
        "99.97",
        [("Gadgets", "3", "19.99", True), ("Setup, per hour", "1.5", "26.6667", False)],
        "PO-NEW-9",
    )
    [order] = [o for o in books.erp.sales_orders(books.subsidiary) if o.order_id == order_id]
    assert order.po_number == "PO-NEW-9"
    assert [(line.quantity, line.amount, line.taxable) for line in order.lines] == [
        (D("3"), D("59.97"), True),
        (D("1.5"), D("40.00"), False),
    ]
    assert order.lines[1].unit_price == D("26.6667")
    assert order.subtotal == D("99.97")
    # QuickBooks computes sales tax on the taxable line (8.25% in the stand-in); the ledger
    # and the stand-in Intacct company compute none.
    expected_tax = D("4.95") if books.kind == "quickbooks" else D("0.00")
    assert (order.tax, order.amount) == (expected_tax, order.subtotal + expected_tax)


# --- writes: payments -----------------------------------------------------------------------


def test_apply_payment_once_under_its_key(books: Company) -> None:
    erp = books.erp
    first = erp.apply_payment(
        payment(books, "PMT-1", "1100.00"),
        [ApplicationRequest("INV-001", D("1000.00")), ApplicationRequest("INV-003", D("50.00"))],
        idempotency_key="k-pay-1",
    )
    again = erp.apply_payment(
        payment(books, "PMT-1", "1100.00"),
        [ApplicationRequest("INV-001", D("1000.00")), ApplicationRequest("INV-003", D("50.00"))],
        idempotency_key="k-pay-1",
    )
    assert not first.replayed and again.replayed
    assert again.erp_reference == first.erp_reference
    assert erp.get_invoice("INV-001").balance == D("0.00")  # type: ignore[union-attr]
    assert erp.get_invoice("INV-003").balance == D("49.99")  # type: ignore[union-attr]
    recorded = erp.get_payment("PMT-1")
    assert recorded is not None and recorded.unapplied == D("50.00")
    assert {a.invoice_number for a in recorded.applications} == {"INV-001", "INV-003"}
    assert [p.payment_id for p in erp.payments_for_invoice("INV-003")] == ["PMT-1"]
    assert "PMT-1" in [p.payment_id for p in erp.payments(books.payer)]


@pytest.mark.parametrize(
    ("payment_id", "amount", "currency", "invoice", "applied", "message"),
    [
        ("PMT-2", "0.00", "USD", "INV-002", "10.00", "amount must be positive"),
        ("PMT-3", "100.00", "USD", "INV-002", "-5.00", "an application must be a positive"),
        ("PMT-4", "100.00", "USD", "INV-004", "100.00", "is in EUR, the payment in USD"),
        ("PMT-5", "300.00", "USD", "INV-002", "300.00", "has 250.50 USD open; cannot take"),
    ],
)
def test_apply_payment_refusals_read_the_same_on_every_erp(
    books: Company,
    payment_id: str,
    amount: str,
    currency: str,
    invoice: str,
    applied: str,
    message: str,
) -> None:
    with pytest.raises(InvalidWrite, match=message):
        books.erp.apply_payment(
            payment(books, payment_id, amount, currency),
            [ApplicationRequest(invoice, D(applied))],
            idempotency_key=f"k-{payment_id}",
        )
    assert books.erp.get_invoice(invoice).balance == books.erp.get_invoice(invoice).amount  # type: ignore[union-attr]


def test_a_payer_pays_only_its_family(books: Company) -> None:
    stranger = NewPayment("PMT-6", books.stranger, date(2026, 11, 20), D("99.99"), "USD")
    with pytest.raises(InvalidWrite, match="not to the payer"):
        books.erp.apply_payment(
            stranger, [ApplicationRequest("INV-003", D("99.99"))], idempotency_key="k-6"
        )


def test_every_write_needs_a_key(books: Company) -> None:
    erp = books.erp
    message = "an idempotency key is required for every ERP write"
    with pytest.raises(InvalidWrite, match=message):
        erp.apply_payment(
            payment(books, "PMT-7", "10.00"),
            [ApplicationRequest("INV-002", D("10.00"))],
            idempotency_key="",
        )
    with pytest.raises(InvalidWrite, match=message):
        erp.add_note(books.payer, "hello", author="dana", idempotency_key="")
    with pytest.raises(InvalidWrite, match=message):
        erp.create_invoice(draft(books), idempotency_key="")


# --- writes: adjustments, credit, notes, orders, terms --------------------------------------


def test_create_adjustment_and_its_refusals(books: Company) -> None:
    erp = books.erp
    kwargs = {"kind": "write_off", "reason_code": "pricing", "memo": "price difference"}
    result = erp.create_adjustment(
        customer_id=books.payer,
        invoice_number="INV-002",
        amount=D("50.50"),
        currency="USD",
        idempotency_key="k-adj-1",
        **kwargs,
    )
    replay = erp.create_adjustment(
        customer_id=books.payer,
        invoice_number="INV-002",
        amount=D("50.50"),
        currency="USD",
        idempotency_key="k-adj-1",
        **kwargs,
    )
    assert replay.replayed and replay.erp_reference == result.erp_reference
    assert erp.get_invoice("INV-002").balance == D("200.00")  # type: ignore[union-attr]
    assert [a.amount for a in erp.adjustments(invoice_number="INV-002")] == [D("50.50")]
    for amount, invoice, customer, message in (
        ("0", "INV-002", books.payer, "an adjustment must be a positive amount"),
        ("10.00", "INV-003", books.payer, f"belongs to {books.subsidiary}, not {books.payer}"),
        ("500.00", "INV-002", books.payer, "has 200.00 USD open"),
    ):
        with pytest.raises(InvalidWrite, match=message):
            erp.create_adjustment(
                customer_id=customer,
                invoice_number=invoice,
                amount=D(amount),
                currency="USD",
                idempotency_key=f"k-adj-{amount}-{invoice}",
                **kwargs,
            )


def test_credit_limit_and_hold(books: Company) -> None:
    erp = books.erp
    erp.set_credit_limit(books.payer, D("20000"), idempotency_key="k-limit")
    assert erp.set_credit_limit(books.payer, D("20000"), idempotency_key="k-limit").replayed
    assert erp.get_customer(books.payer).credit_limit == D("20000.00")  # type: ignore[union-attr]
    with pytest.raises(InvalidWrite, match="a credit limit cannot be negative"):
        erp.set_credit_limit(books.payer, D("-1"), idempotency_key="k-limit-neg")
    erp.set_credit_hold(books.payer, True, idempotency_key="k-hold")
    assert erp.get_customer(books.payer).on_hold  # type: ignore[union-attr]
    erp.set_credit_hold(books.payer, False, idempotency_key="k-unhold")
    assert not erp.get_customer(books.payer).on_hold  # type: ignore[union-attr]


def test_notes(books: Company) -> None:
    erp = books.erp
    erp.add_note(books.payer, "AP promised Friday", author="dana", idempotency_key="k-note")
    erp.add_note(books.payer, "AP promised Friday", author="dana", idempotency_key="k-note")
    texts = [n.text for n in erp.notes(books.payer)]
    assert texts.count("AP promised Friday") == 1
    with pytest.raises(InvalidWrite, match="a note needs some text"):
        erp.add_note(books.payer, "   ", author="dana", idempotency_key="k-note-empty")


def test_sales_order_status(books: Company) -> None:
    erp = books.erp
    erp.set_sales_order_status(books.order, "on_hold", idempotency_key="k-so-hold")
    assert [o.status for o in erp.sales_orders(books.payer)] == ["on_hold"]
    erp.set_sales_order_status(books.order, "released", idempotency_key="k-so-release")
    assert [o.status for o in erp.sales_orders(books.payer)] == ["released"]
    with pytest.raises(InvalidWrite, match="unknown sales order status 'lost'"):
        erp.set_sales_order_status(books.order, "lost", idempotency_key="k-so-lost")
    with pytest.raises(NotFound):
        erp.set_sales_order_status("SO-99999", "released", idempotency_key="k-so-none")


def test_payment_terms(books: Company) -> None:
    erp = books.erp
    first = erp.set_payment_terms(books.subsidiary, 45, idempotency_key="k-terms")
    again = erp.set_payment_terms(books.subsidiary, 45, idempotency_key="k-terms")
    assert again.replayed and again.erp_reference == first.erp_reference
    assert erp.get_customer(books.subsidiary).terms_days == 45  # type: ignore[union-attr]
    with pytest.raises(InvalidWrite, match="payment terms must be 0 to 365 days net"):
        erp.set_payment_terms(books.subsidiary, 400, idempotency_key="k-terms-400")


def test_payment_terms_with_an_early_payment_discount(books: Company) -> None:
    erp = books.erp
    erp.set_payment_terms(
        books.subsidiary, 30, idempotency_key="k-2-10", discount_percent=D("2"), discount_days=10
    )
    customer = erp.get_customer(books.subsidiary)
    assert customer is not None and customer.terms_label == "2/10 Net 30"
    assert (customer.discount_percent, customer.discount_days) == (D("2"), 10)
    erp.set_payment_terms(books.subsidiary, 45, idempotency_key="k-net-45")
    assert erp.get_customer(books.subsidiary).terms_label == "Net 45"  # type: ignore[union-attr]
    message = "an early-payment discount must be under 100% within fewer days than the net terms"
    with pytest.raises(InvalidWrite, match=message):
        erp.set_payment_terms(
            books.subsidiary, 30, idempotency_key="k-bad", discount_percent=D("2"), discount_days=45
        )


# --- writes: invoices -----------------------------------------------------------------------


def test_create_invoice_once_under_its_key(books: Company) -> None:
    erp = books.erp
    first = erp.create_invoice(draft(books), idempotency_key="k-inv-1")
    again = erp.create_invoice(draft(books), idempotency_key="k-inv-1")
    assert not first.replayed and again.replayed
    assert books.invoices_numbered("INV-SO-7") == 1
    created = erp.get_invoice("INV-SO-7")
    assert created is not None
    assert (created.customer_id, created.currency, created.due_date) == (
        books.payer,
        "USD",
        TODAY + timedelta(days=30),
    )
    assert created.amount == created.balance == D("1245.50")  # no taxable line: no tax
    assert created.po_number == "PO-777"
    with pytest.raises(InvalidWrite, match="invoice INV-SO-7 already exists"):
        erp.create_invoice(draft(books), idempotency_key="k-inv-other-key")
    assert books.invoices_numbered("INV-SO-7") == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"lines": ()}, "needs at least one line"),
        ({"currency": "EUR"}, "is billed in USD"),
        ({"due_date": TODAY - timedelta(days=1)}, "is before its date"),
        ({"lines": (InvoiceLine("Widgets", D("-5.00")),)}, "a positive amount"),
        ({"lines": (InvoiceLine("  ", D("5.00")),)}, "needs a description"),
    ],
)
def test_create_invoice_refuses_a_draft_no_erp_could_bill(
    books: Company, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidWrite, match=message):
        books.erp.create_invoice(draft(books, "INV-BAD", **changes), idempotency_key="k-bad")
    assert books.invoices_numbered("INV-BAD") == 0


# --- change feed ----------------------------------------------------------------------------


def test_the_change_feed_hands_over_a_new_order(books: Company) -> None:
    assert isinstance(books.erp, ChangeFeed)
    seen: list[Change] = []
    books.erp.feed_changes(seen.append)  # a first poll (Intacct's baseline, QuickBooks' CDC)
    order_id = books.new_order(books.payer, "750.00")
    seen.clear()
    books.erp.feed_changes(seen.append)
    orders = [c.record for c in seen if c.kind == "sales_order"]
    assert order_id in [o.order_id for o in orders]  # type: ignore[attr-defined]
    new = next(o for o in orders if o.order_id == order_id)  # type: ignore[attr-defined]
    assert (new.customer_id, new.amount, new.status) == (books.payer, D("750.00"), "pending")  # type: ignore[attr-defined]
