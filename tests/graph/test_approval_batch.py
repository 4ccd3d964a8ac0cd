"""Many proposals at once (``propose_many``): what it returns is what the store holds."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from graph import approval_batch
from graph.approval_batch import Proposal, propose_many
from graph.cash_actions import ApplyPayment
from integrations.erp.local import bulk
from integrations.store import schema
from integrations.store.audit import approval_state
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


def _proposed_alone(url: str, *, together: bool, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The same proposals (applied alone, waiting for a person, refused by the ledger meanwhile)
    made with the automatic writes in the approvals' transaction, or the careful way; each
    approval's fields and audit records, in proposal order, without ids and times."""
    made = seed(url, 6)
    approvals = service(url, **policy_overrides())
    actions = [
        ApplyPayment(
            customer_id=customer,
            payment_id=f"BNK-{n:04d}",
            received_on=date(2026, 11, 20).isoformat(),
            payment_amount=str(amount),
            payment_currency="USD",
            method="bank",
            reference=number,
            applications=((number, str(amount)),),
        )
        for n, (number, customer, _, amount) in enumerate(made)
    ]
    # The ledger takes the last invoice's balance between the proposal's check and its write:
    # the write is refused (``failed``), the others go through.
    last = made[-1]
    real_check = bulk._check_one

    def paid_meanwhile(plan, invoices, payment, requests):  # type: ignore[no-untyped-def]
        if payment.payment_id == actions[-1].payment_id:
            plan.balances[last[0]] = Decimal("0.00")
        return real_check(plan, invoices, payment, requests)

    monkeypatch.setattr(bulk, "_check_one", paid_meanwhile)
    careful = {"executed": 0}
    real_execute = approval_batch._execute_many

    def counted(*args: Any) -> Any:
        careful["executed"] += 1
        return real_execute(*args)

    monkeypatch.setattr(approval_batch, "_execute_many", counted)
    if not together:
        monkeypatch.setattr(approval_batch, "_write_together", lambda *args: None)
    origin = {"source": "cash_application", "payer_name": "Müller & Söhne"}
    outcomes = propose_many(
        approvals, [Proposal(a, "arbot cash application", origin, True) for a in actions]
    )
    monkeypatch.undo()
    assert careful["executed"] == (0 if together else 1)  # the path asked for was the one taken
    store = approvals.store
    assert store.verify_audit() is None
    seen = []
    for outcome in outcomes:
        assert outcome.approval is not None
        stored = store.get(outcome.approval.approval_id)
        assert stored == outcome.approval
        fields = {
            k: v
            for k, v in dataclasses.asdict(stored).items()
            if k not in ("approval_id", "created_at", "updated_at", "decided_at", "expires_at")
        }
        records = [
            (r.event, r.actor, r.detail, r.erp_reference) for r in store.audit(stored.approval_id)
        ]
        # Each record binds the approval's decisive fields as its step left them.
        with store.engine.connect() as conn:
            a, audit = schema.approvals.c, schema.audit.c
            row = conn.execute(select(schema.approvals).where(a.approval_id == stored.approval_id))
            as_stored = dict(row.mappings().one())
            states = conn.execute(
                select(audit.state)
                .where(audit.approval_id == stored.approval_id)
                .order_by(audit.seq)
            ).scalars()
            assert list(states) == [
                approval_state(as_stored | _LEFT.get(event, {})) for event, *_ in records
            ]
        seen.append((fields, records))
    return seen


_LEFT = {  # the decisive fields each step before the outcome left
    "proposed": {"status": "pending", "decided_by": None, "erp_reference": None},
    "auto_approved": {"status": "approved", "erp_reference": None},
    "executing": {"status": "executing", "erp_reference": None},
}


@pytest.mark.parametrize("ledger_url", ["sqlite"], indirect=True)
def test_automatic_approvals_written_with_their_payments_keep_every_record(
    ledger_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ledger and store in one SQLite file: each automatic approval is stored once, with its
    payment, as its write left it; the store then holds what the careful way (created
    ``executing``, written, moved ``done`` or ``failed``) leaves: the same fields, and the
    same audit records (proposed, auto_approved, executing, then done or failed), each chained
    and binding the state it left (``verify_audit``)."""
    together = _proposed_alone(ledger_url, together=True, monkeypatch=monkeypatch)
    careful = _proposed_alone(
        f"sqlite:///{tmp_path / 'careful.db'}", together=False, monkeypatch=monkeypatch
    )
    assert together == careful
    statuses = [fields["status"] for fields, _ in together]
    assert statuses == ["done"] * 3 + ["pending", "done", "failed"]
    events = [[record[0] for record in records] for _, records in together]
    assert events[0] == ["proposed", "auto_approved", "executing", "done"]
    assert events[3] == ["proposed"]
    assert events[5] == ["proposed", "auto_approved", "executing", "failed"]
