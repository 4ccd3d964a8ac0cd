"""arbot's QuickBooks tables (see ``schema.py``): tokens, writes, credit terms and id maps.

Every change is one short transaction; the ones that must have a single winner across processes
(a token refresh, a write's key, an event id) are a conditional UPDATE or a primary-key INSERT.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, RowMapping, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import make_engine, migrate, write_transaction
from integrations.erp.quickbooks import schema as t
from integrations.erp.quickbooks.token_crypto import TokenCipher

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "quickbooks_alembic_version"
CONNECTED = "connected"
RECONNECT = "reconnect"


def now_utc() -> datetime:
    return datetime.now(UTC)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class TokenRow:
    realm_id: str
    refresh_token: str
    access_token: str | None
    access_expires_at: datetime | None
    refresh_expires_at: datetime | None
    status: str
    problem: str | None
    version: int
    lease_owner: str | None
    lease_until: datetime | None

    def access_valid(self, at: datetime, margin: timedelta) -> bool:
        return (
            self.status == CONNECTED
            and self.access_token is not None
            and self.access_expires_at is not None
            and self.access_expires_at > at + margin
        )


@dataclass(frozen=True, slots=True)
class WriteRow:
    idempotency_key: str
    action: str
    status: str
    erp_reference: str | None
    progress: dict[str, Any]
    attempts: int


@dataclass(frozen=True, slots=True)
class NewTokens:
    access_token: str
    refresh_token: str
    access_expires_at: datetime
    refresh_expires_at: datetime | None


def _token_row(row: RowMapping, cipher: TokenCipher) -> TokenRow:
    access = row["access_token"]
    return TokenRow(
        realm_id=row["realm_id"],
        refresh_token=cipher.decrypt(row["refresh_token"]),
        access_token=None if access is None else cipher.decrypt(access),
        access_expires_at=row["access_expires_at"],
        refresh_expires_at=row["refresh_expires_at"],
        status=row["status"],
        problem=row["problem"],
        version=row["version"],
        lease_owner=row["lease_owner"],
        lease_until=row["lease_until"],
    )


class QuickBooksStore:
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

    def reencrypt_tokens(self) -> int:
        """Check every stored token can be read, and re-write those in plain text or under a
        retired key with the current key. Returns how many realms were re-written."""
        c = t.tokens.c
        with self.engine.connect() as conn:
            rows = list(conn.execute(select(t.tokens)).mappings())
        rewritten = 0
        for row in rows:
            current = _token_row(row, self.cipher)  # raises when no key can read it
            if not (
                self.cipher.stale(row["refresh_token"]) or self.cipher.stale(row["access_token"])
            ):
                continue
            access = current.access_token
            with write_transaction(self.engine) as conn:
                rewritten += conn.execute(
                    update(t.tokens)
                    .where(
                        c.realm_id == row["realm_id"],
                        c.version == row["version"],
                        c.refresh_token == row["refresh_token"],
                    )
                    .values(
                        refresh_token=self.cipher.encrypt(current.refresh_token),
                        access_token=None if access is None else self.cipher.encrypt(access),
                    )
                ).rowcount
        return rewritten

    def close(self) -> None:
        self.engine.dispose()

    # --- tokens ----------------------------------------------------------------------------
    def token(self, realm_id: str) -> TokenRow | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(select(t.tokens).where(t.tokens.c.realm_id == realm_id))
                .mappings()
                .first()
            )
        return _token_row(row, self.cipher) if row else None

    def seed_token(self, realm_id: str, refresh_token: str) -> None:
        """Start from a refresh token given in the environment. The store keeps the rotated one
        after that: the same seed again changes nothing, and a different seed replaces the
        stored token only while the stored one is known to be dead (``reconnect``)."""
        seed = token_hash(refresh_token)
        now = now_utc()
        try:
            with write_transaction(self.engine) as conn:
                row = (
                    conn.execute(select(t.tokens).where(t.tokens.c.realm_id == realm_id))
                    .mappings()
                    .first()
                )
                if row is None:
                    conn.execute(
                        insert(t.tokens).values(
                            realm_id=realm_id,
                            refresh_token=self.cipher.encrypt(refresh_token),
                            status=CONNECTED,
                            seed_hash=seed,
                            version=1,
                            updated_at=now,
                        )
                    )
                elif row["status"] == RECONNECT and row["seed_hash"] != seed:
                    conn.execute(
                        update(t.tokens)
                        .where(t.tokens.c.realm_id == realm_id)
                        .values(
                            refresh_token=self.cipher.encrypt(refresh_token),
                            access_token=None,
                            access_expires_at=None,
                            status=CONNECTED,
                            problem=None,
                            seed_hash=seed,
                            version=row["version"] + 1,
                            lease_owner=None,
                            lease_until=None,
                            updated_at=now,
                        )
                    )
        except IntegrityError:
            pass  # another process seeded it at the same moment

    def save_connection(self, realm_id: str, tokens: NewTokens) -> None:
        """A fresh authorization (the connect flow): replaces whatever was stored."""
        values = {
            "refresh_token": self.cipher.encrypt(tokens.refresh_token),
            "access_token": self.cipher.encrypt(tokens.access_token),
            "access_expires_at": tokens.access_expires_at,
            "refresh_expires_at": tokens.refresh_expires_at,
            "status": CONNECTED,
            "problem": None,
            "lease_owner": None,
            "lease_until": None,
            "updated_at": now_utc(),
        }
        with write_transaction(self.engine) as conn:
            version = conn.scalar(select(t.tokens.c.version).where(t.tokens.c.realm_id == realm_id))
            if version is None:
                conn.execute(insert(t.tokens).values(realm_id=realm_id, version=1, **values))
            else:
                conn.execute(
                    update(t.tokens)
                    .where(t.tokens.c.realm_id == realm_id)
                    .values(version=version + 1, **values)
                )

    def claim_refresh(
        self, realm_id: str, owner: str, version: int, at: datetime, lease: timedelta
    ) -> bool:
        """Take the realm's refresh for ``lease``: true for exactly one caller while the row is
        at ``version`` and nobody else holds an unexpired lease."""
        c = t.tokens.c
        with write_transaction(self.engine) as conn:
            done = conn.execute(
                update(t.tokens)
                .where(
                    c.realm_id == realm_id,
                    c.version == version,
                    c.status == CONNECTED,
                    (c.lease_until.is_(None)) | (c.lease_until < at),
                )
                .values(lease_owner=owner, lease_until=at + lease)
            ).rowcount
        return done == 1

    def save_refreshed(self, realm_id: str, version: int, tokens: NewTokens) -> bool:
        """Keep the rotated tokens, unless someone else saved newer ones since ``version``."""
        c = t.tokens.c
        with write_transaction(self.engine) as conn:
            done = conn.execute(
                update(t.tokens)
                .where(c.realm_id == realm_id, c.version == version)
                .values(
                    refresh_token=self.cipher.encrypt(tokens.refresh_token),
                    access_token=self.cipher.encrypt(tokens.access_token),
                    access_expires_at=tokens.access_expires_at,
                    refresh_expires_at=tokens.refresh_expires_at
                    if tokens.refresh_expires_at is not None
                    else c.refresh_expires_at,
                    version=version + 1,
                    lease_owner=None,
                    lease_until=None,
                    updated_at=now_utc(),
                )
            ).rowcount
        return done == 1

    def release_refresh(self, realm_id: str, owner: str) -> None:
        c = t.tokens.c
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(t.tokens)
                .where(c.realm_id == realm_id, c.lease_owner == owner)
                .values(lease_owner=None, lease_until=None)
            )

    def mark_reconnect(self, realm_id: str, version: int, problem: str) -> None:
        c = t.tokens.c
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(t.tokens)
                .where(c.realm_id == realm_id, c.version == version)
                .values(
                    status=RECONNECT,
                    problem=problem,
                    access_token=None,
                    access_expires_at=None,
                    lease_owner=None,
                    lease_until=None,
                    version=version + 1,
                    updated_at=now_utc(),
                )
            )

    def expire_access(self, realm_id: str, access_token: str) -> None:
        """QBO refused this access token: nobody uses it again (the next call refreshes)."""
        c = t.tokens.c
        with write_transaction(self.engine) as conn:
            stored = conn.scalar(select(c.access_token).where(c.realm_id == realm_id))
            if stored is None or self.cipher.decrypt(stored) != access_token:
                return
            conn.execute(
                update(t.tokens)
                .where(c.realm_id == realm_id, c.access_token == stored)
                .values(access_expires_at=datetime(1970, 1, 1, tzinfo=UTC))
            )

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
