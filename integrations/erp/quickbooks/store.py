"""arbot's QuickBooks tables (see ``schema.py``): tokens (``token_store.py``), writes, credit terms
and id maps.

Every change is one short transaction; the ones that must have a single winner across processes
(a token refresh, a write's key, an event id) are a conditional UPDATE or a primary-key INSERT.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import make_engine, migrate, write_transaction
from integrations.erp.quickbooks import schema as t
from integrations.erp.quickbooks.token_crypto import TokenCipher
from integrations.erp.quickbooks.token_store import (
    TokenStore,
    now_utc,
)

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "quickbooks_alembic_version"


@dataclass(frozen=True, slots=True)
class WriteRow:
    idempotency_key: str
    action: str
    status: str
    erp_reference: str | None
    progress: dict[str, Any]
    attempts: int


class QuickBooksStore(TokenStore):
    def __init__(self, engine: Engine, *, cipher: TokenCipher | None = None) -> None:
        self.engine = engine
        self.cipher = TokenCipher.from_env() if cipher is None else cipher

    @classmethod
    def open(cls, url: str, *, cipher: TokenCipher | None = None) -> QuickBooksStore:
        engine = make_engine(url)
        migrate(engine, MIGRATIONS, VERSION_TABLE)
        store = cls(engine, cipher=cipher)
        store.reencrypt_tokens()
        return store

    def close(self) -> None:
        self.engine.dispose()

    # --- writes ----------------------------------------------------------------------------
    def write(self, realm_id: str, key: str) -> WriteRow | None:
        c = t.writes.c
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(t.writes).where(c.realm_id == realm_id, c.idempotency_key == key)
                )
                .mappings()
                .first()
            )
        if row is None:
            return None
        return WriteRow(
            row["idempotency_key"],
            row["action"],
            row["status"],
            row["erp_reference"],
            json.loads(row["progress"]),
            row["attempts"],
        )

    def begin_write(self, realm_id: str, key: str, action: str) -> tuple[WriteRow, bool]:
        """Record that a write under ``key`` is being sent; (its row, whether an earlier attempt
        had already begun it)."""
        now = now_utc()
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(
                    insert(t.writes).values(
                        realm_id=realm_id,
                        idempotency_key=key,
                        action=action,
                        status="sent",
                        progress="{}",
                        attempts=1,
                        created_at=now,
                        updated_at=now,
                    )
                )
            return WriteRow(key, action, "sent", None, {}, 1), False
        except IntegrityError:
            pass
        c = t.writes.c
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(t.writes)
                .where(c.realm_id == realm_id, c.idempotency_key == key)
                .values(attempts=c.attempts + 1, updated_at=now)
            )
        row = self.write(realm_id, key)
        assert row is not None
        return row, True

    def save_progress(self, realm_id: str, key: str, progress: dict[str, Any]) -> None:
        c = t.writes.c
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(t.writes)
                .where(c.realm_id == realm_id, c.idempotency_key == key)
                .values(progress=json.dumps(progress, sort_keys=True), updated_at=now_utc())
            )

    def finish_write(
        self,
        realm_id: str,
        key: str,
        reference: str,
        *,
        payment: tuple[str, str] | None = None,
        adjustment: dict[str, Any] | None = None,
    ) -> None:
        """Mark the write done, with the id maps it created, in one transaction."""
        c = t.writes.c
        with write_transaction(self.engine) as conn:
            if payment is not None:
                self._map_payment(conn, realm_id, *payment)
            if adjustment is not None:
                self._record_adjustment(conn, realm_id, adjustment)
            conn.execute(
                update(t.writes)
                .where(c.realm_id == realm_id, c.idempotency_key == key)
                .values(status="done", erp_reference=reference, updated_at=now_utc())
            )

    # --- credit terms (QBO has none) -------------------------------------------------------
    def credit_terms(self, realm_id: str) -> dict[str, tuple[Decimal | None, bool]]:
        c = t.credit.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(c.customer_id, c.credit_limit, c.on_hold).where(c.realm_id == realm_id)
            )
            return {cid: (limit, bool(hold)) for cid, limit, hold in rows}

    def set_credit(
        self, realm_id: str, customer_id: str, key: str, action: str, reference: str, **values: Any
    ) -> bool:
        """Change a customer's credit terms and record the write, in one transaction; false when
        the key was used before (nothing changes)."""
        now = now_utc()
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(
                    insert(t.writes).values(
                        realm_id=realm_id,
                        idempotency_key=key,
                        action=action,
                        status="done",
                        erp_reference=reference,
                        progress="{}",
                        attempts=1,
                        created_at=now,
                        updated_at=now,
                    )
                )
                c = t.credit.c
                exists = conn.scalar(
                    select(c.customer_id).where(
                        c.realm_id == realm_id, c.customer_id == customer_id
                    )
                )
                if exists is None:
                    conn.execute(
                        insert(t.credit).values(
                            realm_id=realm_id,
                            customer_id=customer_id,
                            credit_limit=values.get("credit_limit"),
                            on_hold=values.get("on_hold", False),
                            updated_at=now,
                        )
                    )
                else:
                    conn.execute(
                        update(t.credit)
                        .where(c.realm_id == realm_id, c.customer_id == customer_id)
                        .values(updated_at=now, **values)
                    )
        except IntegrityError:
            return False
        return True

    # --- id maps ---------------------------------------------------------------------------
    @staticmethod
    def _map_payment(conn: Any, realm_id: str, payment_id: str, qbo_id: str) -> None:
        c = t.payment_ids.c
        known = conn.scalar(
            select(c.qbo_id).where(c.realm_id == realm_id, c.payment_id == payment_id)
        )
        if known is None:
            conn.execute(
                insert(t.payment_ids).values(
                    realm_id=realm_id, payment_id=payment_id, qbo_id=qbo_id
                )
            )

    def qbo_payment_id(self, realm_id: str, payment_id: str) -> str | None:
        c = t.payment_ids.c
        with self.engine.connect() as conn:
            return conn.scalar(
                select(c.qbo_id).where(c.realm_id == realm_id, c.payment_id == payment_id)
            )

    def payment_ids(self, realm_id: str) -> dict[str, str]:
        """QBO Payment Id → the payment id arbot knows it by."""
        c = t.payment_ids.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.qbo_id, c.payment_id).where(c.realm_id == realm_id))
            return dict(rows.all())

    @staticmethod
    def _record_adjustment(conn: Any, realm_id: str, values: dict[str, Any]) -> None:
        c = t.adjustments.c
        known = conn.scalar(
            select(c.credit_memo_id).where(
                c.realm_id == realm_id, c.credit_memo_id == values["credit_memo_id"]
            )
        )
        if known is None:
            conn.execute(insert(t.adjustments).values(realm_id=realm_id, **values))

    def adjustment_notes(self, realm_id: str) -> dict[str, dict[str, Any]]:
        """Credit memo Id → what arbot recorded when it wrote it."""
        c = t.adjustments.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.adjustments).where(c.realm_id == realm_id)).mappings()
            return {r["credit_memo_id"]: dict(r) for r in rows}

    # --- sales-order states ----------------------------------------------------------------
    def set_order_status(
        self, realm_id: str, estimate_id: str, status: str, qbo_status: str
    ) -> None:
        now = now_utc()
        c = t.order_status.c
        with write_transaction(self.engine) as conn:
            conn.execute(
                delete(t.order_status).where(c.realm_id == realm_id, c.estimate_id == estimate_id)
            )
            conn.execute(
                insert(t.order_status).values(
                    realm_id=realm_id,
                    estimate_id=estimate_id,
                    status=status,
                    qbo_status=qbo_status,
                    updated_at=now,
                )
            )

    def order_statuses(self, realm_id: str) -> dict[str, tuple[str, str]]:
        """Estimate Id → (arbot status, the QBO TxnStatus it was set with)."""
        c = t.order_status.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(c.estimate_id, c.status, c.qbo_status).where(c.realm_id == realm_id)
            )
            return {eid: (status, qbo) for eid, status, qbo in rows}

    # --- change events ---------------------------------------------------------------------
    def first_sighting(self, realm_id: str, event_id: str) -> bool:
        """True the first time an event id is seen for the realm, on any replica."""
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(
                    insert(t.events).values(
                        realm_id=realm_id, event_id=event_id[:200], received_at=now_utc()
                    )
                )
        except IntegrityError:
            return False
        return True

    def forget_events_before(self, moment: datetime) -> int:
        with write_transaction(self.engine) as conn:
            return conn.execute(delete(t.events).where(t.events.c.received_at < moment)).rowcount

    def cdc_cursor(self, realm_id: str) -> datetime | None:
        with self.engine.connect() as conn:
            return conn.scalar(
                select(t.cdc_cursor.c.changed_since).where(t.cdc_cursor.c.realm_id == realm_id)
            )

    def set_cdc_cursor(self, realm_id: str, moment: datetime) -> None:
        c = t.cdc_cursor.c
        with write_transaction(self.engine) as conn:
            done = conn.execute(
                update(t.cdc_cursor).where(c.realm_id == realm_id).values(changed_since=moment)
            ).rowcount
            if not done:
                conn.execute(insert(t.cdc_cursor).values(realm_id=realm_id, changed_since=moment))
