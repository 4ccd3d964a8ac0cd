"""A store made before audit keys: migrated in place, its old records reported as unkeyed (before
the first keyed one), never as broken; its approvals bound from their next change on."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from alembic.config import Config
from sqlalchemy import insert, text, update

from integrations.db import make_engine
from integrations.store import Store
from integrations.store import schema as t
from integrations.store.audit import AuditKeys, canonical, legacy_hash
from integrations.store.store import MIGRATIONS, VERSION_TABLE

KEY = "k" * 16 + "-the-audit-key"
OLD = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)


def store_before_keys(url: str) -> None:
    """The store as revision s0004 left it, with an approval and two SHA-256 records."""
    engine = make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        config.attributes["version_table"] = VERSION_TABLE
        command.upgrade(config, "s0004")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO store_approvals (approval_id, action, status, payload, summary, "
                "amount, currency, customer_id, target, idempotency_key, requested_by, "
                "proposed_by, attempts, created_at, updated_at, expires_at) VALUES ('APR-OLD', "
                "'write_off_deduction', 'pending', '{}', 'Write off 5.00', 500, 'USD', 'C1', "
                "'INV-1', 'key-old', 'Casey Park', 'arbot', 0, :at, :at, :at)"
            ),
            {"at": OLD.replace(tzinfo=None)},
        )
        prev = "0" * 64
        for seq, event in ((1, "proposed"), (2, "refused")):
            row = {
                "seq": seq,
                "approval_id": "APR-OLD",
                "event": event,
                "actor": "arbot",
                "at": OLD.isoformat(),
                "detail": canonical({"n": seq}),
                "erp_reference": None,
                "prev_hash": prev,
            }
            digest = legacy_hash(list(row.values()))
            conn.execute(insert(t.audit.c.seq.table).values(**row, hash=digest))
            prev = digest
        conn.execute(update(t.audit_head).values(last_seq=2, last_hash=prev))
    engine.dispose()


def test_records_made_before_keys_are_reported_unkeyed_not_broken(ledger_url: str) -> None:
    store_before_keys(ledger_url)
    store = Store.open(ledger_url, audit_keys=AuditKeys.from_env({"ARBOT_AUDIT_KEY": KEY}))
    report = store.audit_report()
    assert report.intact and report.records == 2 and report.approvals_unbound == 1
    store.transition(
        "APR-OLD",
        ("pending",),
        "rejected",
        actor="Morgan Lee",
        event="rejected",
        detail={"reason": "duplicate"},
        decided_by="Morgan Lee",
    )
    report = store.audit_report()
    assert report.intact, report.problems
    keyed_on = store.audit()[-1].at[:10]
    assert report.notes() == [f"2 record(s) unkeyed (before {keyed_on})"]
    with store.engine.begin() as conn:  # the old approval is bound from its change on
        conn.execute(update(t.approvals).values(decided_by="Mallory"))
    assert store.verify_audit() == (
        "approval APR-OLD was changed outside arbot: its status, payload, amount, decided_by or "
        "ERP reference differ from audit record 3"
    )
