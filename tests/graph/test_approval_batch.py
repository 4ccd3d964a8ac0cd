"""Many proposals at once (``propose_many``): what it returns is what the store holds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from graph.approval_batch import Proposal, propose_many
from graph.cash_actions import ApplyPayment
from integrations.store import schema as t
from integrations.store.audit import canonical
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


def test_the_records_proposed_together_say_what_their_details_are(ledger_url: str) -> None:
    """Each record's detail is written as ``canonical`` writes it, though a batch writes the
    ``proposed`` and ``done`` details from the payload and snapshot it wrote already: the
    stored text is the canonical JSON of what the record says, and that is the payload, the
    snapshot and the origin the approval was proposed with; the chain verifies."""
    made = seed(ledger_url, 4)
    approvals = service(ledger_url, **policy_overrides())
    actions = [
        ApplyPayment(
            customer_id=customer,
            payment_id=f"BNK-{n:04d}",
            received_on=date(2026, 11, 20).isoformat(),
            payment_amount=str(amount),
            payment_currency="USD",
            method="bank",
            reference=f"{number} \u00e9t\u00e9 \u2013 \x7f",
            applications=((number, str(amount)),),
        )
        for n, (number, customer, _, amount) in enumerate(made)
    ]
    origin = {"source": "cash_application", "payer_name": "M\u00fcller & S\u00f6hne"}
    outcomes = propose_many(
        approvals, [Proposal(a, "arbot cash application", origin, True) for a in actions]
    )
    store = approvals.store
    with store.engine.connect() as conn:
        texts = dict(conn.execute(select(t.audit.c.seq, t.audit.c.detail)).all())
    for outcome, action in zip(outcomes, actions, strict=True):
        approval = outcome.approval
        assert approval is not None
        records = store.audit(approval.approval_id)
        for record in records:
            assert texts[record.seq] == canonical(record.detail)
        proposed = records[0]
        assert proposed.event == "proposed"
        before = proposed.detail["before"]
        assert proposed.detail == {
            "summary": action.summary(),
            "payload": action.payload(),
            "requested_by": "arbot cash application",
            "before": before,
            "origin": origin,
        }
        balances = {n: Decimal(b) for n, b in before["invoice_balances"].items()}
        assert balances == {n: Decimal(a) for n, a in action.applications}  # owed in full
        if approval.status == "done":
            done = records[-1]
            assert done.event == "done" and done.detail["before"] == before
            assert set(done.detail) == {"before", "after", "replayed"}
    assert store.verify_audit() is None
