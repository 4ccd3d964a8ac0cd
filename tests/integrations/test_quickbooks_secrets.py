"""QuickBooks OAuth tokens at rest: encrypted with ARBOT_ENCRYPTION_KEY (Fernet), old plain-text
tokens re-written encrypted, keys rotated, and a missing key a clear error naming the variable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, update

from integrations.erp.quickbooks import schema as t
from integrations.erp.quickbooks.errors import QuickBooksConfigError
from integrations.erp.quickbooks.store import QuickBooksStore
from integrations.erp.quickbooks.token_crypto import TokenCipher
from integrations.erp.quickbooks.token_store import NewTokens

KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()
REFRESH = "AB11-refresh-token-of-the-company"
ACCESS = "eyJ-access-token-of-the-company"
AT = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def cipher(keys: str) -> TokenCipher:
    return TokenCipher.from_env({"ARBOT_ENCRYPTION_KEY": keys})


def tokens() -> NewTokens:
    return NewTokens(ACCESS, REFRESH, AT + timedelta(hours=1), AT + timedelta(days=100))


def stored(store: QuickBooksStore) -> tuple[str, str | None]:
    with store.engine.connect() as conn:
        row = conn.execute(select(t.tokens.c.refresh_token, t.tokens.c.access_token)).one()
    return row[0], row[1]


def test_tokens_are_encrypted_at_rest(ledger_url: str) -> None:
    store = QuickBooksStore.open(ledger_url, cipher=cipher(KEY_A))
    store.save_connection("9130", tokens())
    refresh, access = stored(store)
    assert refresh.startswith("fernet:") and access is not None and access.startswith("fernet:")
    assert REFRESH not in refresh and ACCESS not in access
    row = store.token("9130")
    assert row is not None and (row.refresh_token, row.access_token) == (REFRESH, ACCESS)
    store.expire_access("9130", ACCESS)
    expired = store.token("9130")
    assert expired is not None and not expired.access_valid(AT, timedelta(0))


def test_plain_text_tokens_are_rewritten_encrypted(ledger_url: str) -> None:
    plain = QuickBooksStore.open(ledger_url, cipher=TokenCipher())
    plain.save_connection("9130", tokens())
    assert stored(plain) == (REFRESH, ACCESS)  # no key: plain text (and a warning)
    keyed = QuickBooksStore.open(ledger_url, cipher=cipher(KEY_A))
    refresh, access = stored(keyed)
    assert refresh.startswith("fernet:") and access is not None and access.startswith("fernet:")
    row = keyed.token("9130")
    assert row is not None and (row.refresh_token, row.access_token) == (REFRESH, ACCESS)


def test_a_missing_key_with_encrypted_tokens_names_the_variable(ledger_url: str) -> None:
    QuickBooksStore.open(ledger_url, cipher=cipher(KEY_A)).seed_token("9130", REFRESH)
    with pytest.raises(QuickBooksConfigError) as missing:
        QuickBooksStore.open(ledger_url, cipher=TokenCipher())
    assert str(missing.value) == (
        "the stored QuickBooks tokens are encrypted: set ARBOT_ENCRYPTION_KEY to the key that "
        "encrypted them"
    )
    with pytest.raises(QuickBooksConfigError, match="no key in ARBOT_ENCRYPTION_KEY decrypts"):
        QuickBooksStore.open(ledger_url, cipher=cipher(KEY_B))


def test_keys_rotate_new_first_then_the_old_one_removed(ledger_url: str) -> None:
    QuickBooksStore.open(ledger_url, cipher=cipher(KEY_A)).save_connection("9130", tokens())
    both = QuickBooksStore.open(ledger_url, cipher=cipher(f"{KEY_B},{KEY_A}"))
    refresh, _ = stored(both)
    assert Fernet(KEY_B.encode()).decrypt(refresh.removeprefix("fernet:").encode()).decode() == (
        REFRESH
    )
    only_new = QuickBooksStore.open(ledger_url, cipher=cipher(KEY_B))
    row = only_new.token("9130")
    assert row is not None and row.refresh_token == REFRESH


def test_a_refresh_after_rotation_keeps_working(ledger_url: str) -> None:
    store = QuickBooksStore.open(ledger_url, cipher=cipher(KEY_A))
    store.seed_token("9130", REFRESH)
    row = store.token("9130")
    assert row is not None
    rotated = NewTokens("new-access", "new-refresh", AT + timedelta(hours=1), None)
    assert store.save_refreshed("9130", row.version, rotated)
    fresh = store.token("9130")
    assert fresh is not None and (fresh.refresh_token, fresh.access_token) == (
        "new-refresh",
        "new-access",
    )
    with store.engine.begin() as conn:  # a token someone pasted in by hand still reads
        conn.execute(update(t.tokens).values(access_token="pasted-plain"))
    assert store.token("9130").access_token == "pasted-plain"  # type: ignore[union-attr]


def test_a_malformed_key_is_refused_clearly() -> None:
    with pytest.raises(QuickBooksConfigError, match=r"ARBOT_ENCRYPTION_KEY: key 2 is not a Fernet"):
        cipher(f"{KEY_A},not-a-key")
