"""Approvals write to the ERP exactly once: double clicks, replicas, crashes, ERP errors,
stale data, the wrong person — on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from graph.approvals import ApprovalService, ProposalRejected
from graph.customer_actions import SetCreditLimit
from graph.policy import Identity
from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as ledger_tables
from integrations.erp.port import ErpError
from integrations.erp.records import ApplicationRequest, NewPayment
from tests.approvals_kit import apply_to_invoice_one, as_, balance, service, write_off
from tests.books import seed_books
from tests.conftest import POSTGRES_URL

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def url(ledger_url: str) -> str:
    seed_books(LocalLedger.open(ledger_url))
    return ledger_url


def erp_writes(url: str) -> int:
    ledger = LocalLedger.open(url)
    with ledger.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(ledger_tables.writes)) or 0


def applications_of(url: str, payment_id: str) -> int:
    ledger = LocalLedger.open(url)
    payment = ledger.get_payment(payment_id)
    return 0 if payment is None else len(payment.applications)


def events(svc: ApprovalService, approval_id: str) -> list[str]:
    return [record.event for record in svc.store.audit(approval_id)]


def test_approve_writes_once_and_audits_before_and_after(url: str) -> None:
    svc = service(url)
    approval = svc.propose(apply_to_invoice_one(), requested_by="Dana Kim")
    assert approval.status == "pending" and approval.interrupt_id
    decision = svc.approve(approval.approval_id, as_("dana"))
    assert decision.ok, decision.message
    assert decision.message == "Approved by Dana Kim. Written to the ERP: PMT-77."
    assert balance(url, "INV-001") == Decimal("0.00")
    assert events(svc, approval.approval_id) == ["proposed", "approved", "executing", "done"]
    done = svc.store.audit(approval.approval_id)[-1]
    assert done.erp_reference == "PMT-77"
    assert done.detail["before"]["invoice_balances"] == {"INV-001": "1000.00"}
    assert done.detail["after"]["invoice_balances"] == {"INV-001": "0.00"}
    again = svc.approve(approval.approval_id, as_("morgan"))
    assert not again.ok
    assert again.message.startswith("Already done by Dana Kim at ")
    assert svc.store.verify_audit() is None


def test_fifty_concurrent_clicks_write_once(url: str) -> None:
    svc = service(url)
    approval = svc.propose(apply_to_invoice_one(), requested_by="Dana Kim")
    barrier = threading.Barrier(50)
    decisions = []

    def click(n: int) -> None:
        barrier.wait()
        decisions.append(svc.approve(approval.approval_id, as_(f"clerk{n}")))

    threads = [threading.Thread(target=click, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [d for d in decisions if d.ok]
    assert len(winners) == 1, [d.message for d in decisions]
    winner = winners[0].approval
    assert winner is not None and winner.status == "done"
    for decision in decisions:
        if not decision.ok:
            assert decision.message.startswith("Already ")
            assert f"by {winner.decided_by} at" in decision.message
    assert applications_of(url, "PMT-77") == 1
    assert erp_writes(url) == 1
    assert balance(url, "INV-001") == Decimal("0.00")


CLICKER = textwrap.dedent("""
    import json, sys, threading
    from tests.approvals_kit import as_, service
    url, approval_id, first = sys.argv[1], sys.argv[2], int(sys.argv[3])
    svc = service(url)
    barrier = threading.Barrier(25)
    results = []
    def click(n):
        barrier.wait()
        d = svc.approve(approval_id, as_(f"clerk{n}"))
        results.append({"ok": d.ok, "message": d.message})
    threads = [threading.Thread(target=click, args=(n,)) for n in range(first, first + 25)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    print(json.dumps(results))
""")


@pytest.mark.skipif(not POSTGRES_URL, reason="ARBOT_TEST_POSTGRES_URL is not set")
@pytest.mark.parametrize("ledger_url", ["postgresql"], indirect=True)
def test_two_processes_fifty_clicks_on_postgres(url: str) -> None:
    svc = service(url)
    approval = svc.propose(apply_to_invoice_one(), requested_by="Dana Kim")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CLICKER, url, approval.approval_id, str(first)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for first in (0, 25)
    ]
    results = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        results.extend(json.loads(out))
    assert len(results) == 50
    assert sum(r["ok"] for r in results) == 1
    assert all(r["message"].startswith("Already ") for r in results if not r["ok"])
    assert applications_of(url, "PMT-77") == 1
    assert erp_writes(url) == 1


CRASHER = textwrap.dedent("""
    import os, signal, sys
    from graph.approvals import ApprovalService
    from integrations.erp.local import LocalLedger
    from tests.approvals_kit import as_, service
    url, approval_id, where = sys.argv[1], sys.argv[2], sys.argv[3]
    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)
    if where == "before_write":
        LocalLedger.apply_payment = die          # claimed and executing, ERP not yet written
    else:
        ApprovalService.execute = die            # claimed (approved), thread not yet resumed
    svc = service(url)
    svc.approve(approval_id, as_("dana"))
    print("not killed")
""")


@pytest.mark.parametrize("where", ["before_write", "before_execute"])
def test_a_process_killed_after_the_claim_is_finished_by_the_reconciler(
    url: str, where: str
) -> None:
    svc = service(url, lease=timedelta(0))
    approval = svc.propose(apply_to_invoice_one(), requested_by="Dana Kim")
    child = subprocess.run(
        [sys.executable, "-c", CRASHER, url, approval.approval_id, where],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=120,
    )
    assert child.returncode == -9, child.stderr
    stuck = svc.store.get(approval.approval_id)
    assert stuck is not None
    assert stuck.status == ("executing" if where == "before_write" else "approved")
    assert balance(url, "INV-001") == Decimal("1000.00")

    restarted = service(url, lease=timedelta(0))
    assert restarted.reconcile(grace=timedelta(0)) == [approval.approval_id]
    done = restarted.store.get(approval.approval_id)
    assert done is not None and done.status == "done", done
    assert done.decided_by == "Dana Kim"
    assert balance(url, "INV-001") == Decimal("0.00")
    assert applications_of(url, "PMT-77") == 1
    trail = events(restarted, approval.approval_id)
    assert trail[:2] == ["proposed", "approved"]
    assert "reconciling" in trail and trail[-1] == "done"
    if where == "before_write":
        assert "resumed_after_interruption" in trail
    assert restarted.reconcile(grace=timedelta(0)) == []
    assert restarted.store.verify_audit() is None


class FlakyErp(LocalLedger):
    """The real ledger, except that its next payment write fails like a busy ERP would —
    optionally after the write went through (a timeout on the answer)."""

    failures = 1
    write_then_fail = False

    def apply_payment(
        self, payment: NewPayment, applications: list[ApplicationRequest], *, idempotency_key: str
    ):  # type: ignore[override]
        if self.failures:
            self.failures -= 1
            if self.write_then_fail:
                super().apply_payment(payment, applications, idempotency_key=idempotency_key)
            raise ErpError("the ERP did not answer in time (HTTP 504); try again shortly")
        return super().apply_payment(payment, applications, idempotency_key=idempotency_key)


@pytest.mark.parametrize("write_then_fail", [False, True])
def test_an_erp_error_fails_in_plain_words_and_a_retry_never_duplicates(
    url: str, write_then_fail: bool
) -> None:
    erp = FlakyErp(LocalLedger.open(url).engine)
    erp.write_then_fail = write_then_fail
    svc = service(url, erp=erp)
    approval = svc.propose(apply_to_invoice_one(), requested_by="Dana Kim")
    decision = svc.approve(approval.approval_id, as_("dana"))
    assert not decision.ok
    assert decision.message == (
        "The write failed: the ERP did not answer in time (HTTP 504); try again shortly. "
        "It can be retried; a retry never writes twice."
    )
    failed = svc.store.get(approval.approval_id)
    assert failed is not None and failed.status == "failed"
    assert "HTTP 504" in (failed.note or "")

    assert not svc.retry(approval.approval_id, as_("casey")).ok  # a collector may not
    retried = svc.retry(approval.approval_id, as_("dana"))
    assert retried.ok, retried.message
    assert applications_of(url, "PMT-77") == 1
    assert balance(url, "INV-001") == Decimal("0.00")
    assert events(svc, approval.approval_id) == [
        "proposed",
        "approved",
        "executing",
        "failed",
        "refused",
        "retried",
        "executing",
        "done",
    ]
    done = svc.store.audit(approval.approval_id)[-1]
    assert done.detail["replayed"] is write_then_fail


def test_the_wrong_person_is_refused_and_nothing_is_written(url: str) -> None:
    svc = service(url)
    big = svc.propose(write_off("250.50"), requested_by="Dana Kim")
    cases = [
        ("casey", "none of your roles (collector) may approve write off deduction"),
        ("chris", "none of your roles (credit_manager) may approve write off deduction"),
        ("nobody", "terminal:nobody is not in the approval policy"),
    ]
    for user, reason in cases:
        decision = svc.approve(big.approval_id, as_(user))
        assert not decision.ok
        assert reason in decision.message
    own = svc.propose(write_off("20.00"), requested_by="Dana Kim")
    decision = svc.approve(own.approval_id, as_("dana"))
    assert decision.message == (
        "Not allowed: you requested this write off deduction; someone else must approve it "
        "(separation of duties)."
    )
    assert balance(url, "INV-002") == Decimal("250.50")
    refused = [r for r in svc.store.audit(big.approval_id) if r.event == "refused"]
    assert [r.actor for r in refused] == ["terminal:casey", "terminal:chris", "terminal:nobody"]
    assert svc.store.get(big.approval_id).status == "pending"  # type: ignore[union-attr]


def test_over_the_limit_is_refused(url: str) -> None:
    svc = service(url)
    approval = svc.propose(write_off("250.50"), requested_by="Casey Park")
    decision = svc.approve(approval.approval_id, as_("dana"))
    assert decision.message == (
        "Not allowed: write off deduction of $250.50 is over your approval limit of $250.00."
    )
    assert balance(url, "INV-002") == Decimal("250.50")
    assert svc.approve(approval.approval_id, as_("morgan")).ok


def test_a_stale_proposal_is_superseded_and_nothing_is_written(url: str) -> None:
    svc = service(url)
    approval = svc.propose(apply_to_invoice_one(), requested_by="Dana Kim")
    ledger = LocalLedger.open(url)
    ledger.apply_payment(
        NewPayment("PMT-OTHER", "P1", date(2026, 11, 20), Decimal("1000.00"), "USD"),
        [ApplicationRequest("INV-001", Decimal("1000.00"))],
        idempotency_key="someone-else",
    )
    decision = svc.approve(approval.approval_id, as_("dana"))
    assert not decision.ok
    assert decision.message == (
        "Not written — the data changed: invoice INV-001 has $0.00 open, less than the "
        "$1,000.00 to apply (it was paid meanwhile)."
    )
    final = svc.store.get(approval.approval_id)
    assert final is not None and final.status == "superseded"
    assert ledger.get_payment("PMT-77") is None


def test_a_proposal_that_does_not_hold_is_never_shown(url: str) -> None:
    svc = service(url)
    with pytest.raises(ProposalRejected, match=r"INV-001 has \$1,000\.00 open, less than"):
        svc.propose(apply_to_invoice_one("1200.00"), requested_by="Dana Kim")
    assert svc.store.list() == []


def test_reject_needs_a_reason_and_ends_the_approval(url: str) -> None:
    svc = service(url)
    approval = svc.propose(write_off(), requested_by="Dana Kim")
    assert not svc.reject(approval.approval_id, as_("morgan"), "  ").ok
    decision = svc.reject(approval.approval_id, as_("morgan"), "customer agreed to pay")
    assert decision.ok
    assert svc.approve(approval.approval_id, as_("morgan")).message.startswith(
        "Already rejected by Morgan Lee"
    )
    rejected = svc.store.get(approval.approval_id)
    assert rejected is not None and rejected.note == "customer agreed to pay"
    assert (
        svc.graph.get_state(
            {"configurable": {"thread_id": f"approval:{approval.approval_id}"}}
        ).next
        == ()
    )
    assert balance(url, "INV-002") == Decimal("250.50")


def test_edit_amount_within_policy(url: str) -> None:
    svc = service(url)
    approval = svc.propose(write_off("200.00"), requested_by="Casey Park")
    too_much = svc.approve(approval.approval_id, as_("dana"), amount=Decimal("260.00"))
    assert "over your approval limit of $250.00" in too_much.message
    edited = svc.approve(approval.approval_id, as_("dana"), amount=Decimal("120.00"))
    assert edited.ok, edited.message
    assert balance(url, "INV-002") == Decimal("130.50")
    record = next(r for r in svc.store.audit(approval.approval_id) if r.event == "approved")
    assert record.detail["edited"] == {"from": "200.00", "to": "120.00"}


def test_expired_approvals_cannot_be_approved(url: str) -> None:
    svc = service(url, expire_after_hours=0.0001)
    approval = svc.propose(write_off(), requested_by="Casey Park")
    time.sleep(0.5)
    decision = svc.approve(approval.approval_id, as_("morgan"))
    assert decision.message == "This approval expired; ask arbot to propose it again."
    assert balance(url, "INV-002") == Decimal("250.50")


def test_auto_mode_writes_small_actions_alone_and_monitor_mode_only_suggests(url: str) -> None:
    auto = service(url, mode="auto", auto={"write_off_deduction": "25.00"})
    small = auto.propose(write_off("10.00"), requested_by="arbot", allow_auto=True)
    assert small.status == "done" and small.decided_by == "arbot (auto policy)"
    large = auto.propose(write_off("30.00"), requested_by="arbot", allow_auto=True)
    assert large.status == "pending"
    monitor = service(url, mode="monitor")
    decision = monitor.approve(large.approval_id, as_("morgan"))
    assert "monitor mode" in decision.message
    assert balance(url, "INV-002") == Decimal("240.50")


def test_the_same_write_proposed_twice_is_one_approval(url: str) -> None:
    svc = service(url)
    first = svc.propose(write_off(), requested_by="Dana Kim")
    second = svc.propose(write_off(), requested_by="Casey Park")
    assert second.approval_id == first.approval_id


def test_credit_limit_changed_meanwhile_is_superseded(url: str) -> None:
    svc = service(url)
    approval = svc.propose(
        SetCreditLimit(customer_id="P1", new_limit="20000.00", current_limit="10000.00"),
        requested_by="Dana Kim",
    )
    LocalLedger.open(url).set_credit_limit("P1", Decimal("15000"), idempotency_key="elsewhere")
    decision = svc.approve(approval.approval_id, as_("chris"))
    assert "the credit limit changed since this was proposed (now 15000.00)" in decision.message


def test_tampering_with_any_audit_row_is_found(url: str) -> None:
    svc = service(url)
    approval = svc.propose(write_off(), requested_by="Casey Park")
    svc.approve(approval.approval_id, as_("morgan"))
    assert svc.store.verify_audit() is None
    with svc.store.engine.begin() as conn:
        conn.execute(text("UPDATE store_audit SET actor = 'Mallory' WHERE seq = 2"))
    assert svc.store.verify_audit() == (
        f"audit record 2 (approved, {approval.approval_id}) was changed after it was written"
    )
    with svc.store.engine.begin() as conn:
        conn.execute(text("UPDATE store_audit SET actor = 'Morgan Lee' WHERE seq = 2"))
        conn.execute(text("DELETE FROM store_audit WHERE seq = 3"))
    assert svc.store.verify_audit() == "audit record 3 is missing (next is 4)"


def test_auto_mode_never_executes_a_request_from_someone_the_policy_does_not_allow(
    url: str,
) -> None:
    auto = service(
        url,
        mode="auto",
        auto={"write_off_deduction": "25.00", "apply_payment": "5000"},
        separation_of_duties=["write_off_deduction"],
    )
    stranger = Identity("slack", "U0NOBODY")
    drained = [
        auto.propose(write_off(amount), requested_by="U0NOBODY", requester=stranger)
        for amount in ("15.00", "14.00", "13.00")
    ]
    assert [a.status for a in drained] == ["pending"] * 3
    assert balance(url, "INV-002") == Decimal("250.50")
    # A person of the policy asking for a write-off is still the requester: someone else
    # approves it (separation of duties), whatever the amount.
    dana = auto.propose(write_off("12.00"), requested_by="Dana Kim", requester=as_("dana"))
    assert dana.status == "pending"
    # A collector may not apply payments at all; a specialist may, under the threshold.
    casey = auto.propose(
        apply_to_invoice_one("100.00"), requested_by="Casey Park", requester=as_("casey")
    )
    assert casey.status == "pending"
    assert "auto_approved" not in [r.event for r in auto.store.audit(casey.approval_id)]
    own = auto.propose(
        apply_to_invoice_one("200.00"), requested_by="Dana Kim", requester=as_("dana")
    )
    assert own.status == "done" and own.decided_by == "Dana Kim (auto policy)"


def test_a_rejected_proposal_is_not_proposed_again_until_its_facts_change(url: str) -> None:
    svc = service(url)
    first = svc.propose(write_off("20.00"), requested_by="Dana Kim")
    assert svc.reject(first.approval_id, as_("morgan"), "customer will pay in full").ok
    again = svc.propose(write_off("20.00"), requested_by="Dana Kim")
    assert (again.approval_id, again.status) == (first.approval_id, "rejected")
    assert again.note == "customer will pay in full"
    LocalLedger.open(url).create_adjustment(
        customer_id="P1",
        invoice_number="INV-002",
        amount=Decimal("5.00"),
        currency="USD",
        kind="credit_memo",
        reason_code=None,
        memo="partial credit",
        idempotency_key="credit-5",
    )
    changed = svc.propose(write_off("20.00"), requested_by="Dana Kim")
    assert changed.approval_id != first.approval_id and changed.status == "pending"
