"""The credit check reads how a customer pays invoice by invoice (the payment-behaviour model):
a habitual late payer within its limit, whose amount-weighted days beyond terms stay under the
slow-payer rule, is reviewed with the model's sentence; an on-time payer on the same ledger is
approved with it among the good signs."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import insert

from graph.ar.credit import DAYS_BEYOND_TERMS_TO_REVIEW
from graph.orders import assess
from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.records import ApplicationRequest, NewPayment, SalesOrder, invoice_number_key

TODAY = date(2026, 11, 21)
D = Decimal


def paid_history(
    ledger: LocalLedger, customer_id: str, days_late: list[tuple[int, int]], batch: str = "A"
) -> None:
    """Invoices of 1,000.00 due ``due_days_ago`` days ago, each paid ``late`` days after its due
    date, for (due_days_ago, late) in ``days_late``."""
    for n, (due_days_ago, late) in enumerate(days_late):
        number = f"INV-{customer_id}-{batch}{n:02}"
        due = TODAY - timedelta(days=due_days_ago)
        with ledger.writing() as conn:
            conn.execute(
                insert(t.invoices).values(
                    invoice_number=number,
                    number_key=invoice_number_key(number),
                    customer_id=customer_id,
                    invoice_date=due - timedelta(days=30),
                    due_date=due,
                    amount=D("1000.00"),
                    balance=D("1000.00"),
                    currency="USD",
                )
            )
        received = due + timedelta(days=late)
        payment_id = f"PMT-{customer_id}-{batch}{n:02}"
        ledger.apply_payment(
            NewPayment(payment_id, customer_id, received, D("1000.00"), "USD"),
            [ApplicationRequest(number, D("1000.00"))],
            idempotency_key=f"seed-{number}",
        )


def test_a_habitual_late_payer_within_its_limit_is_reviewed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ledger = LocalLedger.open(f"sqlite:///{tmp_path / 'ledger.db'}")
    base = {"currency": "USD", "terms_days": 30, "credit_limit": D("50000.00")}
    with ledger.writing() as conn:
        conn.execute(
            insert(t.customers),
            [
                {**base, "customer_id": "LATE", "name": "Latecomer Inc"},
                {**base, "customer_id": "PROMPT", "name": "Prompt Payers Ltd"},
            ],
        )
    # A year ago it paid a few days late; these last six months, two weeks late every time.
    paid_history(ledger, "LATE", [(330, 4), (300, 5), (270, 5), (240, 4)])
    paid_history(ledger, "LATE", [(150, 14), (120, 13), (90, 14), (60, 13)], "B")
    paid_history(ledger, "PROMPT", [(d, 1) for d in (330, 270, 210, 150, 90, 60)])

    late_order = SalesOrder("SO-L", "LATE", TODAY, D("1000.00"), "USD")
    _, late = assess(ledger, late_order, as_of=TODAY)
    # Within its limit and nothing open: only how it pays speaks against it, and the
    # amount-weighted days beyond terms stay under the slow-payer rule's 15.
    assert late.exposure == D("1000.00") and late.past_due == D("0.00")
    assert late.days_beyond_terms is not None
    assert late.days_beyond_terms <= DAYS_BEYOND_TERMS_TO_REVIEW
    assert late.decision == "REVIEW"
    assert late.reasons == (
        "pays 9 days late on average, later lately (14 days late over the last 6 months, "
        "4 days late before); 4 of 8 invoices more than 10 days late: a 67% chance an invoice "
        "is paid more than 10 days late",
    )
    assert late.chance_late is not None and round(late.chance_late, 2) == 0.67

    prompt_order = SalesOrder("SO-P", "PROMPT", TODAY, D("1000.00"), "USD")
    _, prompt = assess(ledger, prompt_order, as_of=TODAY)
    assert prompt.decision == "APPROVE"
    assert (
        "pays 1 day late on average; 0 of 6 invoices more than 10 days late: a 0% chance an "
        "invoice is paid more than 10 days late"
    ) in prompt.reasons
    ledger.close()
