"""Many proposals at once (``propose_many``): what it returns is what the store holds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from graph.approval_batch import Proposal, propose_many
from graph.cash_actions import ApplyPayment
from tests.approvals_kit import service
from tests.graph.cash_run_kit import policy_overrides, seed


def test_the_approvals_proposed_together_are_the_ones_stored(ledger_url: str) -> None:
    """Applied alone (under the auto limit), waiting for a person (over it), refused (more than
    the invoice owes): each outcome's approval equals the store's own reading of it, field for
    field (its payload and origin as the JSON stored)."""
    made = seed(ledger_url, 8)
    approvals = service(ledger_url, **policy_overrides())
    actions = [
        ApplyPayment(
            customer_id=customer,
            payment_id=f"BNK-{n:04d}",
            received_on=date(2026, 11, 20).isoformat(),
            payment_amount=str(amount + (5 if n == 5 else 0)),
            payment_currency="USD",
            method="bank",
            reference=f"{number} Straße",
            applications=((number, str(amount + (5 if n == 5 else 0))),),
        )
        for n, (number, customer, _, amount) in enumerate(made)
    ]
    origin = {"source": "cash_application", "payer_name": "Müller & Söhne"}
    outcomes = propose_many(
        approvals, [Proposal(a, "arbot cash application", origin, True) for a in actions]
    )
    statuses = []
    for outcome in outcomes:
        if outcome.approval is None:
            statuses.append("refused")
            assert outcome.problems
            continue
        assert outcome.approval == approvals.store.get(outcome.approval.approval_id)
        statuses.append(outcome.approval.status)
    assert made[3][3] > Decimal("5000.00") and made[0][3] < Decimal("5000.00")
    assert statuses == ["done"] * 3 + ["pending", "done", "refused", "done", "done"]
