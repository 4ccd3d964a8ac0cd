"""The local ledger's arithmetic and write rules, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integrations.erp.local import LocalLedger
from integrations.erp.port import ErpClient, InvalidWrite, NotFound
from integrations.erp.records import ApplicationRequest, NewPayment
from tests.books import seed_books as seed

D = Decimal


def payment(pid: str = "PMT-1", amount: str = "1500.00", customer: str = "P1") -> NewPayment:
    return NewPayment(pid, customer, date(2026, 11, 20), D(amount), "USD", "ach", "remit")


@pytest.fixture
def books(ledger: LocalLedger) -> LocalLedger:
    seed(ledger)
    return ledger


def balance(ledger: LocalLedger, number: str) -> Decimal:
    invoice = ledger.get_invoice(number)
    assert invoice is not None
    return invoice.balance


def test_is_an_erp_client(books: LocalLedger) -> None:
    assert isinstance(books, ErpClient)


def test_one_payment_to_many_invoices_with_partial_and_unapplied_rest(books: LocalLedger) -> None:
    result = books.apply_payment(
        payment(),
        [ApplicationRequest("INV-001", D("1000.00")), ApplicationRequest("INV-002", D("200.00"))],
        idempotency_key="k1",
    )
    assert result.erp_reference == "PMT-1" and not result.replayed
    assert balance(books, "INV-001") == D("0.00")
    assert balance(books, "INV-002") == D("50.50")
    [recorded] = books.payments("P1")
    assert recorded.applied == D("1200.00")
    assert recorded.unapplied == D("300.00")
    assert [a.invoice_number for a in recorded.applications] == ["INV-001", "INV-002"]
    assert books.integrity_problems() == []


def test_unapplied_cash_can_be_applied_later(books: LocalLedger) -> None:
    books.apply_payment(payment(amount="300.00"), [], idempotency_key="receive")
    books.apply_payment(
        payment(amount="300.00"),
        [ApplicationRequest("INV-002", D("250.50"))],
        idempotency_key="apply",
    )
    [recorded] = books.payments("P1")
    assert recorded.unapplied == D("49.50")
    assert balance(books, "INV-002") == D("0.00")
    assert books.integrity_problems() == []


def test_the_same_key_never_writes_twice(books: LocalLedger) -> None:
    apps = [ApplicationRequest("INV-001", D("400.00"))]
    first = books.apply_payment(payment(amount="400.00"), apps, idempotency_key="same")
    again = books.apply_payment(payment(amount="400.00"), apps, idempotency_key="same")
    assert again.replayed and again.erp_reference == first.erp_reference
    assert balance(books, "INV-001") == D("600.00")
    assert len(books.payments("P1")[0].applications) == 1


def test_over_application_is_refused_and_nothing_is_written(books: LocalLedger) -> None:
    before = books.counts()
    with pytest.raises(InvalidWrite, match="INV-002"):
        books.apply_payment(
            payment(),
            [ApplicationRequest("INV-001", D("1000.00")), ApplicationRequest("INV-002", D("300"))],
            idempotency_key="too-much",
        )
    assert books.counts() == before
    assert balance(books, "INV-001") == D("1000.00")
    # The failed key is not burnt: a corrected write under it goes through.
    books.apply_payment(
        payment(), [ApplicationRequest("INV-001", D("1000.00"))], idempotency_key="too-much"
    )
    assert balance(books, "INV-001") == D("0.00")


def test_applications_cannot_exceed_the_payment(books: LocalLedger) -> None:
    with pytest.raises(InvalidWrite, match="unapplied"):
        books.apply_payment(
            payment(amount="100.00"),
            [ApplicationRequest("INV-001", D("150.00"))],
            idempotency_key="k",
        )
    assert books.payments("P1") == []


def test_currency_and_customer_must_fit(books: LocalLedger) -> None:
    with pytest.raises(InvalidWrite, match="EUR"):
        books.apply_payment(payment(), [ApplicationRequest("INV-004", D("1"))], idempotency_key="a")
    stranger = NewPayment("PMT-9", "X1", date(2026, 11, 20), D("50.00"), "USD")
    with pytest.raises(InvalidWrite, match="belongs to P1"):
        books.apply_payment(stranger, [ApplicationRequest("INV-001", D("50"))], idempotency_key="b")
    with pytest.raises(NotFound):
        books.apply_payment(payment(), [ApplicationRequest("INV-404", D("1"))], idempotency_key="c")


def test_a_parent_may_pay_its_subsidiary(books: LocalLedger) -> None:
    books.apply_payment(
        payment(amount="99.99"),
        [ApplicationRequest("INV-003", D("99.99"))],
        idempotency_key="parent-pays",
    )
    assert balance(books, "INV-003") == D("0.00")


def test_a_recorded_payment_cannot_change_amount(books: LocalLedger) -> None:
    books.apply_payment(payment(amount="10.00"), [], idempotency_key="one")
    with pytest.raises(InvalidWrite, match="already recorded"):
        books.apply_payment(payment(amount="11.00"), [], idempotency_key="two")


def test_adjustments_reduce_the_balance_and_keep_the_arithmetic(books: LocalLedger) -> None:
    result = books.create_adjustment(
        customer_id="P1",
        invoice_number="INV-002",
        amount=D("50.50"),
        currency="USD",
        kind="write_off",
        reason_code="pricing",
        memo="price diff",
        idempotency_key="adj",
    )
    assert result.erp_reference.startswith("ADJ-")
    assert balance(books, "INV-002") == D("200.00")
    [adjustment] = books.adjustments(invoice_number="INV-002")
    assert (adjustment.amount, adjustment.reason_code) == (D("50.50"), "pricing")
    with pytest.raises(InvalidWrite):
        books.create_adjustment(
            customer_id="P1",
            invoice_number="INV-002",
            amount=D("200.01"),
            currency="USD",
            kind="write_off",
            reason_code="pricing",
            memo="",
            idempotency_key="adj2",
        )
    assert books.integrity_problems() == []


def test_credit_limit_hold_note_and_order_status(books: LocalLedger) -> None:
    books.set_credit_limit("P1", D("25000"), idempotency_key="l")
    books.set_credit_hold("P1", True, idempotency_key="h")
    customer = books.get_customer("P1")
    assert customer is not None
    assert (customer.credit_limit, customer.on_hold) == (D("25000.00"), True)
    books.add_note(
        "P1", "Promised Friday", author="dana", invoice_number="INV-001", idempotency_key="n"
    )
    books.add_note(
        "P1", "Promised Friday", author="dana", invoice_number="INV-001", idempotency_key="n"
    )
    assert [n.text for n in books.notes("P1")] == ["Promised Friday"]
    books.set_sales_order_status("SO-1", "on_hold", idempotency_key="so")
    assert books.sales_orders("P1")[0].status == "on_hold"
    with pytest.raises(InvalidWrite, match="unknown sales order status"):
        books.set_sales_order_status("SO-1", "lost", idempotency_key="so2")
    with pytest.raises(NotFound):
        books.set_credit_limit("NOPE", D("1"), idempotency_key="l2")


def test_aging_by_due_date(books: LocalLedger) -> None:
    rows = {(r.customer_id, r.currency): r for r in books.aging(date(2026, 11, 21))}
    parent = rows[("P1", "USD")]
    # INV-001 due 2026-10-01 (51 days late), INV-002 due 2026-10-31 (21 days late)
    assert parent.buckets["31-60"] == D("1000.00")
    assert parent.buckets["1-30"] == D("250.50")
    assert parent.total == D("1250.50")
    assert rows[("S1", "USD")].buckets["current"] == D("99.99")
    assert rows[("X1", "EUR")].buckets["120+"] == D("500.00")


@pytest.mark.parametrize("spelling", ["INV-001", "inv 001", "1", "#0001", "INV1"])
def test_invoice_numbers_in_any_spelling(books: LocalLedger, spelling: str) -> None:
    assert [i.invoice_number for i in books.find_invoices(spelling)] == ["INV-001"]


def test_po_lookup_is_case_insensitive(books: LocalLedger) -> None:
    assert [i.invoice_number for i in books.invoices_by_po("po-002")] == ["INV-002"]


def test_concurrent_writers_with_one_key_write_once(books: LocalLedger) -> None:
    """Two replicas executing the same approval at the same moment: one write, one replay."""
    apps = [ApplicationRequest("INV-001", D("600.00"))]
    results = []
    errors = []
    barrier = threading.Barrier(4)

    def run() -> None:
        other = LocalLedger.open(str(books.engine.url.render_as_string(hide_password=False)))
        barrier.wait()
        try:
            results.append(
                other.apply_payment(payment(amount="600.00"), apps, idempotency_key="race")
            )
        except Exception as error:
            errors.append(error)
        finally:
            other.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(r.replayed for r in results) == [False, True, True, True]
    assert balance(books, "INV-001") == D("400.00")
    assert books.integrity_problems() == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    operations=st.lists(
        st.tuples(
            st.sampled_from(["apply", "adjust"]),
            st.sampled_from(["INV-001", "INV-002", "INV-003"]),
            st.decimals(min_value=D("0.01"), max_value=D("1200.00"), places=2),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_sequence_of_writes_keeps_the_books_balanced(
    tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[str, str, Decimal]]
) -> None:
    books = LocalLedger.open(f"sqlite:///{tmp_path_factory.mktemp('prop') / 'l.db'}")
    seed(books)
    expected = {"INV-001": D("1000.00"), "INV-002": D("250.50"), "INV-003": D("99.99")}
    for number, (kind, invoice, amount) in enumerate(operations):
        fits = amount <= expected[invoice]
        try:
            if kind == "apply":
                books.apply_payment(
                    payment(f"PMT-{number}", str(amount)),
                    [ApplicationRequest(invoice, amount)],
                    idempotency_key=f"op-{number}",
                )
            else:
                owner = "S1" if invoice == "INV-003" else "P1"
                books.create_adjustment(
                    customer_id=owner,
                    invoice_number=invoice,
                    amount=amount,
                    currency="USD",
                    kind="write_off",
                    reason_code="pricing",
                    memo="",
                    idempotency_key=f"op-{number}",
                )
        except InvalidWrite:
            assert not fits
        else:
            assert fits
            expected[invoice] -= amount
    for invoice, left in expected.items():
        assert balance(books, invoice) == left
    assert books.integrity_problems() == []
    books.close()
