"""Verifying the audit chain and the approvals it binds, and anchoring its head outside the
database: ``arbot audit verify`` and ``arbot audit anchor``."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from integrations.store import schema as t
from integrations.store.audit import (
    KEY_ENV,
    UNKEYED,
    AuditKeyError,
    AuditKeys,
    anchor_mac,
    approval_state,
    canonical,
    expected_hash,
)
from integrations.store.clock import now_utc

GENESIS = "0" * 64
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    at: str
    key_id: str
    mac: str

    def line(self) -> str:
        return canonical(
            {
                "seq": self.seq,
                "hash": self.hash,
                "at": self.at,
                "key_id": self.key_id,
                "mac": self.mac,
            }
        )


@dataclass
class AuditReport:
    records: int = 0
    keyed: int = 0
    unkeyed: int = 0
    keyed_since: str | None = None  # the date of the first keyed record
    approvals: int = 0
    approvals_unbound: int = 0  # approvals last changed before records were keyed
    anchors: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems

    def problem(self, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)

    def notes(self) -> list[str]:
        notes = []
        if self.unkeyed and self.keyed:
            notes.append(f"{self.unkeyed} record(s) unkeyed (before {self.keyed_since})")
        elif self.unkeyed:
            notes.append(
                f"all {self.unkeyed} record(s) are unkeyed: without {KEY_ENV} anyone who can "
                "write the database can rewrite them undetected"
            )
        if self.approvals_unbound:
            notes.append(
                f"{self.approvals_unbound} approval(s) last changed before keyed records "
                "(not bound to the chain)"
            )
        return notes


def _where(row: Any) -> str:
    where = f"audit record {row['seq']} ({row['event']}"
    return where + (f", {row['approval_id']})" if row["approval_id"] else ")")


def _check_chain(
    rows: list[Any], keys: AuditKeys, report: AuditReport
) -> tuple[int, str, dict[str, tuple[int, str]], set[str]]:
    expected_prev, expected_seq = GENESIS, 1
    first_keyed: int | None = None
    states: dict[str, tuple[int, str]] = {}
    described: set[str] = set()
    for row in rows:
        where = _where(row)
        if row["seq"] != expected_seq:
            report.problem(f"audit record {expected_seq} is missing (next is {row['seq']})")
        elif row["prev_hash"] != expected_prev:
            report.problem(f"{where} does not follow the record before it")
        if row["key_id"] in (None, UNKEYED):
            if first_keyed is not None:
                report.problem(
                    f"{where} carries no key although keyed records began at {first_keyed} "
                    "(written or rewritten without the key)"
                )
            report.unkeyed += 1
        else:
            if first_keyed is None:
                first_keyed, report.keyed_since = row["seq"], row["at"][:10]
            report.keyed += 1
        digest = expected_hash(keys, row)
        if digest is None:
            report.problem(
                f"{where} was made with key {row['key_id']}, which {KEY_ENV} does not hold "
                "(keep retired keys after the current one)"
            )
        elif digest != row["hash"]:
            report.problem(f"{where} was changed after it was written")
        if row["approval_id"]:
            if row["event"] == "proposed" or row["state"]:
                described.add(row["approval_id"])
            if row["state"]:
                states[row["approval_id"]] = (row["seq"], row["state"])
        expected_prev, expected_seq = row["hash"], row["seq"] + 1
    report.records = len(rows)
    return expected_seq - 1, expected_prev, states, described


def _check_approvals(
    approvals: list[Any],
    states: dict[str, tuple[int, str]],
    described: set[str],
    report: AuditReport,
) -> None:
    present = set()
    for row in approvals:
        approval_id = row["approval_id"]
        present.add(approval_id)
        report.approvals += 1
        if approval_id in states:
            seq, state = states[approval_id]
            if approval_state(row) != state:
                report.problem(
                    f"approval {approval_id} was changed outside arbot: its status, payload, "
                    f"amount, decided_by or ERP reference differ from audit record {seq}"
                )
        elif approval_id in described:
            report.approvals_unbound += 1
        else:
            report.problem(f"approval {approval_id} has no audit record (made outside arbot)")
    for approval_id in sorted((set(states) | described) - present):
        report.problem(f"approval {approval_id} was deleted (the audit trail describes it)")


def _check_anchors(
    path: Path, rows_by_seq: dict[int, str], last_seq: int, keys: AuditKeys, report: AuditReport
) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        report.problem(f"{path}: cannot read the anchor file: {error}")
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            parsed = json.loads(line)
            anchor = Anchor(
                int(parsed["seq"]),
                str(parsed["hash"]),
                str(parsed["at"]),
                str(parsed["key_id"]),
                str(parsed["mac"]),
            )
        except (ValueError, KeyError, TypeError):
            report.problem(f"{where}: not an anchor line")
            continue
        report.anchors += 1
        key = keys.by_id(anchor.key_id)
        if key is None:
            report.problem(
                f"{where}: signed with key {anchor.key_id}, which {KEY_ENV} does not hold"
            )
            continue
        if anchor_mac(key, anchor.seq, anchor.hash, anchor.at, anchor.key_id) != anchor.mac:
            report.problem(f"{where}: the anchor's signature does not match (altered or forged)")
            continue
        if anchor.seq > last_seq:
            report.problem(
                f"the chain was cut: {where} anchored record {anchor.seq} at {anchor.at}, "
                f"the chain now ends at {last_seq}"
            )
        elif rows_by_seq.get(anchor.seq, GENESIS if anchor.seq == 0 else None) != anchor.hash:
            report.problem(
                f"audit record {anchor.seq} is not the one anchored at {where} ({anchor.at}): "
                "the chain was rewritten"
            )


def check_audit(engine: Engine, keys: AuditKeys, anchors: Path | None = None) -> AuditReport:
    report = AuditReport()
    with engine.connect() as conn:
        rows = list(conn.execute(select(t.audit).order_by(t.audit.c.seq)).mappings())
        approvals = list(conn.execute(select(t.approvals)).mappings())
        head = conn.execute(select(t.audit_head)).mappings().one()
    last_seq, last_hash, states, described = _check_chain(rows, keys, report)
    if head["last_seq"] != last_seq or head["last_hash"] != last_hash:
        report.problem(
            f"audit records after {last_seq} are missing (the chain ends at {head['last_seq']})"
        )
    _check_approvals(approvals, states, described, report)
    if anchors is not None:
        rows_by_seq = {row["seq"]: row["hash"] for row in rows}
        _check_anchors(anchors, rows_by_seq, last_seq, keys, report)
    return report


def write_anchor(engine: Engine, keys: AuditKeys, to: Path | None) -> Anchor:
    """Sign the current head of an intact chain; append it to ``to`` as one line."""
    if keys.signing is None:
        raise AuditKeyError(f"anchoring signs the chain head with {KEY_ENV}; set it first")
    report = check_audit(engine, keys)
    if not report.intact:
        raise AuditKeyError(f"the audit trail is broken, not anchoring it: {report.problems[0]}")
    with engine.connect() as conn:
        head = conn.execute(select(t.audit_head)).mappings().one()
    at = now_utc().isoformat()
    signed_by = keys.signing_id
    mac = anchor_mac(keys.signing, head["last_seq"], head["last_hash"], at, signed_by)
    anchor = Anchor(head["last_seq"], head["last_hash"], at, signed_by, mac)
    if to is not None:
        to.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(to, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(descriptor, (anchor.line() + "\n").encode())
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    return anchor
