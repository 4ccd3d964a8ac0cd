"""Credit checks: each rule's decision, and the reasons a credit manager reads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.ar.credit import CreditDecision, check_credit
from integrations.erp.records import Application, Customer, Invoice, Payment, SalesOrder

TODAY = date(2026, 11, 21)
D = Decimal


def customer(limit: str | None = "50000.00", *, on_hold: bool = False) -> Customer:
    return Customer(
        "C1", "Acme", "USD", 30, credit_limit=D(limit) if limit else None, on_hold=on_hold
    )


def invoice(number: str, days_past_due: int, balance: str) -> Invoice:
    due = TODAY - timedelta(days=days_past_due)
    return Invoice(number, "C1", due - timedelta(days=30), due, D(balance), D(balance), "USD")


def history(days_beyond_terms: int) -> tuple[Invoice, Payment]:
    """One paid invoice of 1,000.00, paid the given days after its due date."""
    due = TODAY - timedelta(days=100)
    paid = Invoice("H1", "C1", due - timedelta(days=30), due, D("1000.00"), D("0.00"), "USD")
    received = due + timedelta(days=days_beyond_terms)
    payment = Payment(
        "PMT-1",
        "C1",
        received,
        D("1000.00"),
        "USD",
        applications=(Application("PMT-1", "H1", D("1000.00"), received),),
    )
    return paid, payment


def decide(
    order_amount: str,
    *,
    who: Customer | None = None,
    invoices: Iterable[Invoice] = (),
    orders: Iterable[SalesOrder] = (),
    days_beyond_terms: int = 2,
    external_score: int | None = None,
    context: Mapping[str, Any] | None = None,
) -> CreditDecision:
    paid, payment = history(days_beyond_terms)
    invoices = list(invoices)
    return check_credit(
        who or customer(),
        D(order_amount),
        order_id="SO-1",
        open_invoices=invoices,
        other_open_orders=orders,
        payments=[payment],
        invoices_by_number={i.invoice_number: i for i in [*invoices, paid]},
        as_of=TODAY,
        external_score=external_score,
        context=context,
    )


def order(order_id: str, amount: str, status: str = "pending") -> SalesOrder:
    return SalesOrder(order_id, "C1", TODAY, D(amount), "USD", status)


def test_within_limit_and_paying_on_time_is_approved_with_its_reasons() -> None:
    result = decide(
        "5000.00",
        invoices=[invoice("INV-1", -10, "10000.00")],
        orders=[
            order("SO-1", "5000.00"),  # this order: counted once, as the order
            order("SO-2", "3000.00"),
            order("SO-3", "1000.00", "on_hold"),
            order("SO-4", "9000.00", "shipped"),  # invoiced or leaving: not an open order
            order("SO-5", "9000.00", "cancelled"),
        ],
    )
    assert result.decision == "APPROVE"
    assert (result.open_ar, result.open_orders, result.exposure, result.available) == (
        D("10000.00"),
        D("4000.00"),
        D("19000.00"),
        D("31000.00"),
    )
    assert result.open_order_ids == ("SO-2", "SO-3")
    assert (result.avg_days_to_pay, result.days_beyond_terms) == (D("32.0"), D("2.0"))
    assert result.reasons == (
        "exposure $19,000.00 (open AR $10,000.00 + other open orders $4,000.00 + this order "
        "$5,000.00) is within the $50,000.00 credit limit (38% used)",
        "pays on time: 2.0 days beyond Net 30 on average (amount-weighted, 1 payment applied)",
        "nothing past due",
    )


def test_credit_hold_declines_whatever_else_is_fine() -> None:
    result = decide("100.00", who=customer(on_hold=True))
    assert result.decision == "DECLINE"
    assert result.reasons == ("on credit hold: no new orders ship until it is released",)


def test_no_credit_limit_needs_a_review() -> None:
    result = decide("100.00", who=customer(limit=None))
    assert (result.decision, result.credit_limit, result.available) == ("REVIEW", None, None)
    assert result.reasons[0].startswith("no credit limit set; exposure $100.00")


def test_over_the_limit_reviews_and_far_over_declines() -> None:
    review = decide("15000.00", invoices=[invoice("INV-1", -5, "40000.00")])
    assert review.decision == "REVIEW"
    assert review.reasons == (
        "exposure $55,000.00 (open AR $40,000.00 + other open orders $0.00 + this order "
        "$15,000.00) is 110% of the $50,000.00 credit limit, $5,000.00 over",
    )
    decline = decide("21000.00", invoices=[invoice("INV-1", -5, "40000.00")])
    assert (decline.decision, decline.available) == ("DECLINE", D("-11000.00"))
    assert decline.reasons[0].endswith("is 122% of the $50,000.00 credit limit, more than 120%")


def test_long_overdue_declines_above_a_tenth_of_open_ar_and_reviews_below() -> None:
    decline = decide(
        "100.00", invoices=[invoice("INV-1", 100, "2000.00"), invoice("INV-2", -1, "8000.00")]
    )
    assert decline.decision == "DECLINE"
    assert decline.reasons == (
        "$2,000.00 is more than 90 days past due (oldest INV-1, 100 days): 20% of open AR, "
        "more than 10%",
    )
    assert (decline.past_due, decline.oldest_days_past_due) == (D("2000.00"), 100)
    review = decide(
        "100.00", invoices=[invoice("INV-1", 95, "500.00"), invoice("INV-2", -1, "9500.00")]
    )
    assert review.decision == "REVIEW"
    assert review.reasons == (
        "$500.00 is more than 90 days past due (oldest INV-1, 95 days): 5% of open AR",
    )


def test_31_to_90_days_past_due_needs_a_review() -> None:
    result = decide(
        "100.00", invoices=[invoice("INV-1", 45, "700.00"), invoice("INV-2", 10, "300.00")]
    )
    assert result.decision == "REVIEW"
    assert result.reasons == ("$700.00 is 31-90 days past due (oldest INV-1, 45 days)",)
    assert result.past_due_invoices == ("INV-1", "INV-2")


def test_a_slow_payer_needs_a_review() -> None:
    result = decide("100.00", days_beyond_terms=20)
    assert result.decision == "REVIEW"
    assert result.reasons == (
        "pays 20.0 days beyond Net 30 on average (amount-weighted, 1 payment applied), "
        "more than 15",
    )


def test_external_score_thresholds() -> None:
    assert decide("100.00", external_score=540).reasons == ("external credit score 540, below 550",)
    assert decide("100.00", external_score=540).decision == "DECLINE"
    assert decide("100.00", external_score=600).decision == "REVIEW"
    assert decide("100.00", external_score=650).decision == "APPROVE"


def test_the_decision_is_the_most_severe_of_all_reasons() -> None:
    result = decide(
        "100.00",
        invoices=[invoice("INV-1", 45, "700.00")],
        days_beyond_terms=20,
        external_score=500,
    )
    assert result.decision == "DECLINE"
    assert len(result.reasons) == 3


SEED_PAYLOAD = {
    "customer_id": "CUST-1001",
    "order_amount": 12500.00,
    "order_id": "SO-78910",
    "context": {
        "current_ar_balance": 45000.00,
        "days_sales_outstanding": 42,
        "last_payment_date": "2024-03-15",
        "external_credit_score": 680,
    },
}


def test_the_request_context_fills_in_what_the_ledger_lacks() -> None:
    result = decide("12500.00", who=customer("100000.00"), context=SEED_PAYLOAD)
    assert (result.open_ar, result.exposure, result.external_score) == (
        D("45000.00"),
        D("57500.00"),
        680,
    )
    assert result.decision == "APPROVE"
    assert result.reasons[-1] == (
        "open AR $45,000.00 is the request's current_ar_balance: the ledger has no open "
        "invoices for this customer"
    )
    # The ledger's own invoices win over the request's balance; a given score over its score.
    ledger = decide(
        "12500.00",
        who=customer("100000.00"),
        invoices=[invoice("INV-1", -3, "1000.00")],
        external_score=600,
        context=SEED_PAYLOAD["context"],
    )
    assert (ledger.open_ar, ledger.external_score, ledger.decision) == (
        D("1000.00"),
        600,
        "REVIEW",
    )
