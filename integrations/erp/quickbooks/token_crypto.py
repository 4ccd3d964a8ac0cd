"""QuickBooks OAuth tokens encrypted at rest with Fernet, keyed by ``ARBOT_ENCRYPTION_KEY``.

The variable holds one or more Fernet keys separated by commas: the first encrypts, every one
decrypts (MultiFernet), so a key is rotated by putting the new one first, letting arbot re-write
the stored tokens (it does on start), then removing the old one. Tokens stored before encryption
are read as they are and re-written encrypted. See SECURITY.md, "Secrets at rest".
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from integrations.erp.quickbooks.errors import QuickBooksConfigError

log = logging.getLogger(__name__)

KEY_ENV = "ARBOT_ENCRYPTION_KEY"
PREFIX = "fernet:"
GENERATE = (
    "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
)
_warned = False


@dataclass(frozen=True)
class TokenCipher:
    keys: tuple[bytes, ...] = ()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> TokenCipher:
        from cryptography.fernet import Fernet

        text = (os.environ if environ is None else environ).get(KEY_ENV, "")
        keys = tuple(part.strip().encode() for part in text.split(",") if part.strip())
        for number, key in enumerate(keys, 1):
            try:
                Fernet(key)
            except ValueError:
                raise QuickBooksConfigError(
                    f"{KEY_ENV}: key {number} is not a Fernet key (32 url-safe base64-encoded "
                    f"bytes); generate one with: {GENERATE}"
                ) from None
        return cls(keys)

    def _fernet(self) -> Any:
        from cryptography.fernet import Fernet, MultiFernet

        return MultiFernet([Fernet(key) for key in self.keys])

    def encrypt(self, token: str) -> str:
        global _warned
        if not self.keys:
            if not _warned:
                _warned = True
                log.warning(
                    "%s is not set: QuickBooks tokens are stored in plain text (see SECURITY.md)",
                    KEY_ENV,
                )
            return token
        return PREFIX + self._fernet().encrypt(token.encode()).decode()

    def decrypt(self, stored: str) -> str:
        from cryptography.fernet import InvalidToken

        if not stored.startswith(PREFIX):
            return stored  # stored before encryption; re-written encrypted on open
        if not self.keys:
            raise QuickBooksConfigError(
                f"the stored QuickBooks tokens are encrypted: set {KEY_ENV} to the key that "
                "encrypted them"
            )
        try:
            return self._fernet().decrypt(stored.removeprefix(PREFIX).encode()).decode()
        except InvalidToken:
            raise QuickBooksConfigError(
                f"no key in {KEY_ENV} decrypts the stored QuickBooks tokens (was the key that "
                "encrypted them removed?); add it back after the current key"
            ) from None

    def stale(self, stored: str | None) -> bool:
        """True when a stored token should be re-written: plain text, or encrypted with a key
        other than the current one."""
        from cryptography.fernet import Fernet, InvalidToken

        if stored is None or not self.keys:
            return False
        if not stored.startswith(PREFIX):
            return True
        try:
            Fernet(self.keys[0]).decrypt(stored.removeprefix(PREFIX).encode())
        except InvalidToken:
            return True
        return False
