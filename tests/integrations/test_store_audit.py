"""The keyed, anchored audit trail: rewriting without the key, cutting the tail, editing the
approvals table, rotating keys and records made before keys existed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from integrations.store import Store
from integrations.store import schema as t
from integrations.store.audit import AuditKeyError, AuditKeys, key_id
from integrations.store.clock import now_utc

KEY_A = "a" * 16 + "-first-audit-key"
KEY_B = "b" * 16 + "-second-audit-key"


def keys(value: str) -> AuditKeys:
    return AuditKeys.from_env({"ARBOT_AUDIT_KEY": value})


def approval(store: Store, approval_id: str, amount: str = "50.00") -> None:
    stamp = now_utc()
    store.create(
        {
            "approval_id": approval_id,
            "action": "write_off_deduction",
            "payload": {"invoice_number": "INV-1", "write_off": amount},
            "summary": f"Write off {amount}",
            "amount": amount,
            "currency": "USD",
            "customer_id": "C1",
            "target": "INV-1",
            "idempotency_key": f"key-{approval_id}",
            "requested_by": "Casey Park",
            "proposed_by": "arbot",
            "expires_at": stamp,
        },
        actor="arbot",
        detail={"summary": f"Write off {amount}"},
    )


def decide(store: Store, approval_id: str) -> None:
    store.transition(
        approval_id,
        ("pending",),
        "approved",
        actor="Morgan Lee",
        event="approved",
        detail={"identity": "terminal:morgan"},
        decided_by="Morgan Lee",
    )


@pytest.fixture
def store(ledger_url: str) -> Store:
    opened = Store.open(ledger_url, audit_keys=keys(KEY_A))
    approval(opened, "APR-1")
    decide(opened, "APR-1")
    approval(opened, "APR-2", "75.00")
    opened.record("APR-2", "refused", "Casey Park", {"reason": "no role"})
    return opened


def sql(store: Store, statement: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement))


def rehash_without_key(store: Store, *, from_seq: int) -> None:
    """What someone with database access but no key can do: recompute every hash."""
    with store.engine.begin() as conn:
        rows = list(conn.execute(select(t.audit).order_by(t.audit.c.seq)).mappings())
        prev = rows[from_seq - 2]["hash"] if from_seq > 1 else "0" * 64
        for row in rows[from_seq - 1 :]:
            body = [
                row["seq"],
                row["approval_id"],
                row["event"],
                row["actor"],
                row["at"],
                row["detail"],
                row["erp_reference"],
                prev,
            ]
            fresh = hashlib.sha256(
                json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
            ).hexdigest()
            conn.execute(
                update(t.audit)
                .where(t.audit.c.seq == row["seq"])
                .values(prev_hash=prev, hash=fresh, key_id=None, state=None)
            )
            prev = fresh
        conn.execute(update(t.audit_head).values(last_hash=prev))


def test_each_record_names_its_key_and_the_chain_verifies(store: Store) -> None:
    records = store.audit()
    assert [r.key_id for r in records] == [key_id(KEY_A.encode())] * 4
    report = store.audit_report()
    assert report.intact and report.records == 4 and report.approvals == 2
    assert report.notes() == []


def test_rewriting_the_tail_without_the_key_is_found(store: Store) -> None:
    sql(store, "UPDATE store_audit SET actor = 'Mallory' WHERE seq = 2")
    rehash_without_key(store, from_seq=2)
    assert store.verify_audit() == (
        "audit record 2 (approved, APR-1) carries no key although keyed records began at 1 "
        "(written or rewritten without the key)"
    )


def test_rewriting_every_record_without_the_key_is_found_by_the_anchor(
    store: Store, tmp_path: Path
) -> None:
    anchors = tmp_path / "anchors.jsonl"
    store.anchor(anchors)
    rehash_without_key(store, from_seq=1)
    assert store.verify_audit() is None  # looks like a chain made before keys existed …
    assert store.audit_report().notes() == [
        "all 4 record(s) are unkeyed: without ARBOT_AUDIT_KEY anyone who can write the "
        "database can rewrite them undetected",
        "2 approval(s) last changed before keyed records (not bound to the chain)",
    ]
    assert store.audit_report(anchors).problems == [  # … but the anchored head is gone
        f"audit record 4 is not the one anchored at {anchors}:1 "
        f"({json.loads(anchors.read_text())['at']}): the chain was rewritten"
    ]


def test_cutting_the_tail_and_rewinding_the_head_is_found_by_the_anchor(
    store: Store, tmp_path: Path
) -> None:
    anchors = tmp_path / "anchors.jsonl"
    store.anchor(anchors)
    sql(store, "DELETE FROM store_audit WHERE seq >= 3")
    with store.engine.begin() as conn:
        head = conn.execute(select(t.audit.c.hash).where(t.audit.c.seq == 2)).scalar_one()
        conn.execute(update(t.audit_head).values(last_seq=2, last_hash=head))
    sql(store, "DELETE FROM store_approvals WHERE approval_id = 'APR-2'")
    assert store.verify_audit() is None  # the database alone cannot tell …
    [problem] = store.audit_report(anchors).problems
    assert problem.startswith(f"the chain was cut: {anchors}:1 anchored record 4 at ")
    assert problem.endswith("the chain now ends at 2")


def test_a_forged_or_altered_anchor_line_is_found(store: Store, tmp_path: Path) -> None:
    anchors = tmp_path / "anchors.jsonl"
    store.anchor(anchors)
    line = json.loads(anchors.read_text())
    anchors.write_text(json.dumps(line | {"seq": 2}) + "\nnot json\n")
    assert store.audit_report(anchors).problems == [
        f"{anchors}:1: the anchor's signature does not match (altered or forged)",
        f"{anchors}:2: not an anchor line",
    ]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("status", "'done'"),
        ("amount", "999999"),
        ("decided_by", "'Mallory'"),
        ("erp_reference", "'ADJ-FAKE'"),
        ("payload", '\'{"write_off":"5000.00"}\''),
    ],
)
def test_editing_an_approval_outside_arbot_is_found(store: Store, column: str, value: str) -> None:
    sql(store, f"UPDATE store_approvals SET {column} = {value} WHERE approval_id = 'APR-1'")
    assert store.verify_audit() == (
        "approval APR-1 was changed outside arbot: its status, payload, amount, decided_by or "
        "ERP reference differ from audit record 2"
    )


def test_deleting_or_inserting_an_approval_is_found(store: Store) -> None:
    sql(store, "DELETE FROM store_approvals WHERE approval_id = 'APR-2'")
    assert store.verify_audit() == "approval APR-2 was deleted (the audit trail describes it)"
    sql(store, "UPDATE store_approvals SET approval_id = 'APR-9' WHERE approval_id = 'APR-1'")
    assert store.audit_report().problems[0] == (
        "approval APR-9 has no audit record (made outside arbot)"
    )


def test_keys_rotate_old_records_still_verify(ledger_url: str, store: Store) -> None:
    rotated = Store.open(ledger_url, audit_keys=keys(f"{KEY_B},{KEY_A}"))
    decide(rotated, "APR-2")
    assert rotated.audit()[-1].key_id == key_id(KEY_B.encode())
    assert rotated.verify_audit() is None
    retired = Store.open(ledger_url, audit_keys=keys(KEY_B))
    assert retired.verify_audit() == (
        f"audit record 1 (proposed, APR-1) was made with key {key_id(KEY_A.encode())}, which "
        "ARBOT_AUDIT_KEY does not hold (keep retired keys after the current one)"
    )


def test_a_keyed_chain_is_not_continued_without_its_key(ledger_url: str, store: Store) -> None:
    with pytest.raises(AuditKeyError, match=r"the audit trail is keyed .* ARBOT_AUDIT_KEY is not"):
        Store.open(ledger_url, audit_keys=AuditKeys())


def test_a_short_key_is_refused() -> None:
    with pytest.raises(AuditKeyError, match="ARBOT_AUDIT_KEY: key 1 has 5 characters"):
        keys("short")


def test_anchoring_needs_the_key_and_an_intact_chain(ledger_url: str, tmp_path: Path) -> None:
    unkeyed = Store.open(ledger_url, audit_keys=AuditKeys())
    approval(unkeyed, "APR-1")
    with pytest.raises(AuditKeyError, match="set it first"):
        unkeyed.anchor(tmp_path / "anchors.jsonl")
    keyed = Store.open(ledger_url, audit_keys=keys(KEY_A))
    sql(keyed, "UPDATE store_audit SET actor = 'Mallory' WHERE seq = 1")
    with pytest.raises(AuditKeyError, match="broken, not anchoring it"):
        keyed.anchor(tmp_path / "anchors.jsonl")
    assert not (tmp_path / "anchors.jsonl").exists()
