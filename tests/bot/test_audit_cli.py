"""``arbot audit anchor`` and ``arbot audit verify --anchor``: a cut tail or a keyless rewrite is
reported with exit 1; a missing key is a clear refusal, never a traceback."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from integrations.store import Store
from integrations.store.audit import AuditKeys, key_id
from tests.conftest import Cli

KEY = "0123456789abcdef-cli-audit-key"


@pytest.fixture
def trail(arbot: Cli) -> Cli:
    arbot.extra = {"ARBOT_AUDIT_KEY": KEY}
    store = Store.open(
        f"sqlite:///{arbot.home / 'arbot.db'}",
        audit_keys=AuditKeys.from_env({"ARBOT_AUDIT_KEY": KEY}),
    )
    for n in range(1, 6):
        store.record(None, "reconciling", "arbot reconciler", {"pass": n})
    store.close()
    return arbot


def run(cli: Cli, *args: str, **env: str):
    return cli(*args, **(cli.extra | env))


def test_anchor_then_verify(trail: Cli, tmp_path: Path) -> None:
    anchors = tmp_path / "outside" / "anchors.jsonl"
    first = run(trail, "audit", "anchor", "--to", str(anchors))
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("Anchored record 5 (") and str(anchors) in first.stdout
    line = json.loads(anchors.read_text())
    assert set(line) == {"seq", "hash", "at", "key_id", "mac"} and line["seq"] == 5
    again = run(trail, "audit", "anchor", "--to", str(anchors))
    assert again.exit_code == 0 and len(anchors.read_text().splitlines()) == 2  # appended
    verified = run(trail, "audit", "verify", "--anchor", str(anchors))
    assert verified.exit_code == 0, verified.output
    assert verified.stdout.startswith("The audit trail is intact: 5 record(s) and 0 approval(s)")
    assert f"reaches all 2 head(s) anchored in {anchors}" in verified.stdout


def test_a_cut_tail_is_reported(trail: Cli, tmp_path: Path) -> None:
    anchors = tmp_path / "anchors.jsonl"
    assert run(trail, "audit", "anchor", "--to", str(anchors)).exit_code == 0
    with sqlite3.connect(trail.home / "arbot.db") as conn:
        conn.execute("DELETE FROM store_audit WHERE seq > 3")
        (head,) = conn.execute("SELECT hash FROM store_audit WHERE seq = 3").fetchone()
        conn.execute("UPDATE store_audit_head SET last_seq = 3, last_hash = ?", (head,))
    assert run(trail, "audit", "verify").exit_code == 0  # without the anchor it cannot tell
    cut = run(trail, "audit", "verify", "--anchor", str(anchors))
    assert cut.exit_code == 1
    assert cut.stderr.startswith(
        f"arbot: the audit trail is broken: the chain was cut: {anchors}:1 anchored record 5"
    )
    assert "Traceback" not in cut.output


def test_the_anchor_file_can_come_from_the_environment(trail: Cli, tmp_path: Path) -> None:
    anchors = tmp_path / "anchors.jsonl"
    assert run(trail, "audit", "anchor", ARBOT_AUDIT_ANCHOR=str(anchors)).exit_code == 0
    with sqlite3.connect(trail.home / "arbot.db") as conn:
        conn.execute("UPDATE store_audit SET actor = 'Mallory' WHERE seq = 5")
    broken = run(trail, "audit", "verify", ARBOT_AUDIT_ANCHOR=str(anchors))
    assert broken.exit_code == 1
    assert broken.stderr.splitlines()[0] == (
        "arbot: the audit trail is broken: audit record 5 (reconciling) was changed after it "
        "was written"
    )


def test_without_the_key_anchor_and_verify_refuse_clearly(trail: Cli, tmp_path: Path) -> None:
    nokey = trail("audit", "anchor", "--to", str(tmp_path / "a.jsonl"), ARBOT_AUDIT_KEY="")
    assert nokey.exit_code == 1
    assert nokey.stderr.strip() == (
        f"arbot: the audit trail is keyed (key {key_id(KEY.encode())}) but ARBOT_AUDIT_KEY is "
        "not set; set it"
    )
    nowhere = run(trail, "audit", "anchor")
    assert nowhere.exit_code == 1
    assert "--to FILE (or set ARBOT_AUDIT_ANCHOR)" in nowhere.stderr
    printed = run(trail, "audit", "anchor", "--to", "-")
    assert printed.exit_code == 0 and json.loads(printed.stdout)["seq"] == 5
