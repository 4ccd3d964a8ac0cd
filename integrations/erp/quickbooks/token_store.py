"""arbot's QuickBooks tokens (table ``quickbooks_tokens``): stored encrypted, refreshed by one
process at a time (a conditional UPDATE on the row's version), re-encrypted under a new key."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, RowMapping, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import write_transaction
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


class TokenStore:
    """The token half of ``QuickBooksStore``."""

    engine: Engine
    cipher: TokenCipher

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
