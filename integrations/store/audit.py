"""The audit chain's keys and hashes: HMAC-SHA256 with ``ARBOT_AUDIT_KEY``, each record naming
the key it was made with, and each approval's decisive fields bound into the record that
changed them. What this protects against and what it does not: docs/audit.md.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

log = logging.getLogger(__name__)

KEY_ENV = "ARBOT_AUDIT_KEY"
MIN_KEY_LENGTH = 16
# key_id of a record written after keys were introduced but while no key was set.
UNKEYED = "unkeyed"
# The fields of an approval whose change must leave an audit record (bound by ``state``).
DECISIVE_FIELDS = (
    "approval_id",
    "action",
    "status",
    "payload",
    "amount",
    "currency",
    "customer_id",
    "target",
    "idempotency_key",
    "requested_by",
    "proposed_by",
    "decided_by",
    "erp_reference",
    "origin",
)
_warned = False


class AuditKeyError(ValueError):
    """ARBOT_AUDIT_KEY is missing where it is needed, or too weak to be a key."""


# json.dumps with these arguments, made once (dumps builds an encoder on every call).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), default=str).encode
# The C writer ``_CANONICAL`` makes for each call, made once: the same arguments (the
# encoder's ``default``, ASCII strings, ":" and ",", sorted keys, NaN allowed), no check for
# circular references (a value that holds itself recurses until Python stops it).
_C_CANONICAL = (
    json.encoder.c_make_encoder(  # type: ignore[attr-defined]
        None, str, json.encoder.encode_basestring_ascii, None, ":", ",", True, False, True
    )
    if json.encoder.c_make_encoder is not None  # type: ignore[attr-defined]
    else None
)


def canonical(value: Any) -> str:
    """``json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)``."""
    if _C_CANONICAL is None:
        return _CANONICAL(value)
    return "".join(_C_CANONICAL(value, 0))


_STRING = json.encoder.encode_basestring_ascii  # what the encoder writes a string as


def canonical_reusing(value: Mapping[str, Any], known: Mapping[int, str]) -> str:
    """``canonical(value)`` for a dict of string keys, each value that is one of the objects
    ``known`` names (by ``id``) written as the text given for it there, which must be its
    ``canonical`` (a payload or snapshot already written for another column or record): the
    same text, without serialising the same object twice."""
    if not all(type(name) is str for name in value):  # json's own rules for other keys
        return canonical(value)
    parts = []
    for name in sorted(value):
        item = value[name]
        text = known.get(id(item))
        if text is None:
            text = _STRING(item) if type(item) is str else canonical(item)
        parts.append(_STRING(name) + ":" + text)
    return "{" + ",".join(parts) + "}"


_FLAT = frozenset({str, int, type(None)})


def canonical_list_bytes(values: list[Any]) -> bytes:
    """``canonical(values).encode()`` for a list of strings, integers and None (a record's
    fields, an approval's decisive fields): what the hashes are computed over. orjson writes
    such a list exactly as ``json.dumps`` does when what it wrote is printable ASCII (json
    escapes the rest as ``\\uXXXX``, orjson writes it as UTF-8) and every integer fits in 64
    bits; anything else is written by ``canonical_list``."""
    if set(map(type, values)) <= _FLAT:
        try:
            written = orjson.dumps(values)
        except orjson.JSONEncodeError:  # an integer past 64 bits
            pass
        else:
            if written.isascii() and b"\x7f" not in written:
                return written
    return canonical_list(values).encode()


def canonical_list(values: list[Any]) -> str:
    """``canonical(values)`` for a list of strings, integers and None, written without
    building an encoder for each list."""
    parts = []
    for value in values:
        if value is None:
            parts.append("null")
        elif type(value) is str:
            parts.append(_STRING(value))
        elif type(value) is int:
            parts.append(int.__repr__(value))
        else:
            return canonical(values)
    return "[" + ",".join(parts) + "]"


def key_id(key: bytes) -> str:
    """A public name for a key (it reveals nothing of the key)."""
    return hmac.new(key, b"arbot audit key id", hashlib.sha256).hexdigest()[:16]


@dataclass(frozen=True)
class AuditKeys:
    """The audit keys: the first signs new records and anchors, every one verifies."""

    keys: tuple[bytes, ...] = ()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> AuditKeys:
        text = (os.environ if environ is None else environ).get(KEY_ENV, "")
        keys = tuple(part.strip().encode() for part in text.split(",") if part.strip())
        for index, key in enumerate(keys, 1):
            if len(key) < MIN_KEY_LENGTH:
                raise AuditKeyError(
                    f"{KEY_ENV}: key {index} has {len(key)} characters; use at least "
                    f"{MIN_KEY_LENGTH} (e.g. the output of: openssl rand -hex 32)"
                )
        return cls(keys)

    @property
    def signing(self) -> bytes | None:
        return self.keys[0] if self.keys else None

    @property
    def signing_id(self) -> str:
        return key_id(self.keys[0]) if self.keys else UNKEYED

    def by_id(self, wanted: str) -> bytes | None:
        return next((k for k in self.keys if key_id(k) == wanted), None)

    def warn_if_unkeyed(self) -> None:
        global _warned
        if not self.keys and not _warned:
            _warned = True
            log.warning(
                "%s is not set: audit records are hashed WITHOUT a key, so anyone who can write "
                "the database can rewrite the audit trail undetected (see SECURITY.md).",
                KEY_ENV,
            )


def legacy_hash(fields: list[Any]) -> str:
    """Records written before keys existed: SHA-256 over eight fields."""
    return hashlib.sha256(canonical(fields).encode()).hexdigest()


def record_hash(key: bytes | None, fields: list[Any]) -> str:
    body = canonical_list_bytes(fields)
    if key is None:
        return hashlib.sha256(body).hexdigest()
    return hmac.digest(key, body, "sha256").hex()  # hmac.new(...).hexdigest(), one call


def record_fields(row: Mapping[str, Any]) -> list[Any]:
    """What a record's hash covers: its content, the record before it, its key and the state
    of its approval after it."""
    base = [
        row["seq"],
        row["approval_id"],
        row["event"],
        row["actor"],
        row["at"],
        row["detail"],
        row["erp_reference"],
        row["prev_hash"],
    ]
    if row["key_id"] is None:
        return base
    return [*base, row["key_id"], row["state"]]


def expected_hash(keys: AuditKeys, row: Mapping[str, Any]) -> str | None:
    """The hash the record must carry; None when it was made with a key we do not have."""
    if row["key_id"] is None:
        return legacy_hash(record_fields(row))
    if row["key_id"] == UNKEYED:
        return record_hash(None, record_fields(row))
    key = keys.by_id(row["key_id"])
    return None if key is None else record_hash(key, record_fields(row))


def approval_state(row: Mapping[str, Any]) -> str:
    """A digest of an approval's decisive fields as the store holds them."""
    values = [None if row[f] is None else str(row[f]) for f in DECISIVE_FIELDS]
    return hashlib.sha256(canonical_list_bytes(values)).hexdigest()


_DECISIVE_AT = {f: i for i, f in enumerate(DECISIVE_FIELDS)}


def approval_states(row: Mapping[str, Any], changes: Sequence[Mapping[str, Any]]) -> list[str]:
    """``approval_state(row | change)`` for each change, the row's fields read once (a change
    replaces the decisive fields it names)."""
    base = [None if row[f] is None else str(row[f]) for f in DECISIVE_FIELDS]
    states = []
    for change in changes:
        values = base
        if change:
            values = base.copy()
            for name, value in change.items():
                at = _DECISIVE_AT.get(name)
                if at is not None:
                    values[at] = None if value is None else str(value)
        states.append(hashlib.sha256(canonical_list_bytes(values)).hexdigest())
    return states


def anchor_mac(key: bytes, seq: int, head_hash: str, at: str, signed_by: str) -> str:
    body = canonical(["arbot audit anchor", seq, head_hash, at, signed_by]).encode()
    return hmac.new(key, body, hashlib.sha256).hexdigest()
